/// One plan evaluated for one unit and one period: the figures, evaluations and sentences that
/// the dashboard, `dxtrack evaluate` and the report all show, computed once from the same facts.
public struct PlanEvaluation: Sendable {
    public var plan: Plan
    public var unit: OrgUnit
    public var period: Period
    /// In the plan's order.
    public var indicators: [IndicatorResult]
    public var tasks: TaskSummary
    /// When the figures were read and whether unsubmitted ones were let in; set by the store.
    public var reading: DataReading?
    /// Which units the figures before the unit existed come from; set by the store.
    public var lineage: LineageReading?

    public var summary: IndicatorSummary { IndicatorSummary(indicators.map(\.evaluation)) }

    /// - Parameters:
    ///   - values, taskReports: the plan's facts, of any unit and period (other plans' are ignored
    ///     by code). Task statuses are the evaluated unit's own reports.
    ///   - expected: who is expected to report, for coverage; by default the unit's direct
    ///     children (the units that report to it), or the unit itself when it has none.
    ///   - below: subtrees summed elsewhere (`BelowSum`), for the unit's children or the unit.
    public init(plan: Plan, indicators: [Indicator], tasks: [PlanTask], tree: UnitTree, unit: OrgUnit,
                period: Period, values: [DataValue], taskReports: [TaskReport],
                expected: ExpectedReporters? = nil, asOf: CalendarDate? = nil, below: BelowSums = [:]) {
        let children = tree.children(of: unit.code).map(\.code)
        let expected = expected ?? .units(Set(children.isEmpty ? [unit.code] : children))
        // Grouped once: each indicator's aggregator then reads its own values only, instead of
        // every indicator scanning all of the plan's values.
        let byIndicator = Dictionary(grouping: values.lazy.filter { $0.planCode == plan.code }, by: \.indicatorCode)
        self.plan = plan
        self.unit = unit
        self.period = period
        self.indicators = indicators.map { indicator in
            let mine = byIndicator[indicator.code] ?? []
            let aggregator = IndicatorAggregator(indicator: indicator, tree: tree, values: mine, expected: expected,
                                                 below: below[indicator.code] ?? [:])
            // Each period once: the comparisons reuse the period's value, and the previous
            // period's value is kept for `previousPeriodEvaluation`.
            let aggregate = aggregator.value(of: unit.code, in: period)
            let before = aggregator.value(of: unit.code, in: period.previous)
            let lastYear = aggregator.value(of: unit.code, in: period.samePeriodLastYear)
            let own = mine.last { $0.unitCode == unit.code && $0.periodID == period.identifier }
            var result = IndicatorResult(
                indicator: indicator, aggregate: aggregate,
                evaluation: IndicatorEvaluation(indicator: indicator, aggregate: aggregate, level: unit.kind.level),
                reported: own,
                previousPeriod: aggregator.change(from: before, to: aggregate),
                samePeriodLastYear: aggregator.change(from: lastYear, to: aggregate))
            result.previousAggregate = before
            result.previousReported = mine.last { $0.unitCode == unit.code && $0.periodID == period.previous.identifier }
            return result
        }
        self.tasks = TaskSummary(tasks: tasks, reports: taskReports.filter { $0.planCode == plan.code },
                                 period: period, unitCode: unit.code, asOf: asOf)
    }

    /// Whose results a plan is about when no unit is named: the province (or other top unit)
    /// of the body that issued it. A plan issued by UBND tỉnh reports the province's figures.
    public static func defaultUnit(for plan: Plan, in tree: UnitTree) -> String {
        tree.nearest(.province, from: plan.issuerCode)?.code ?? plan.issuerCode
    }

    /// The same unit's indicators for the period just before, from the values the comparison
    /// with it read: what `PlanEvaluation` would give for that period, without comparisons of
    /// its own, tasks, reading or lineage (the dashboard's "changes since the last period").
    public var previousPeriodEvaluation: PlanEvaluation {
        var e = self
        e.period = period.previous
        e.indicators = indicators.map { r in
            let aggregate = r.previousAggregate ?? AggregatedValue(unitCode: unit.code, period: period.previous, source: .missing)
            return IndicatorResult(indicator: r.indicator, aggregate: aggregate,
                                   evaluation: IndicatorEvaluation(indicator: r.indicator, aggregate: aggregate, level: unit.kind.level),
                                   reported: r.previousReported, previousPeriod: nil, samePeriodLastYear: nil)
        }
        e.tasks = TaskSummary(tasks: [], reports: [], period: period.previous, unitCode: unit.code)
        e.reading = nil
        e.lineage = nil
        return e
    }

    public func indicator(_ code: String) -> IndicatorResult? { indicators.first { $0.indicator.code == code } }

    /// The indicators grouped under the plan's top-level pillars, in order; indicators without a
    /// known pillar come last under `nil`.
    public var indicatorsByPillar: [(pillar: Pillar?, results: [IndicatorResult])] {
        let tops = plan.pillars.filter { $0.parentCode == nil }
        var groups: [(pillar: Pillar?, results: [IndicatorResult])] = tops.map { ($0, []) }
        var others: [IndicatorResult] = []
        for r in indicators {
            if let code = r.indicator.pillarCode,
               let i = tops.firstIndex(where: { HierarchicalCode.isWithin(code, $0.code) }) {
                groups[i].results.append(r)
            } else {
                others.append(r)
            }
        }
        if !others.isEmpty { groups.append((nil, others)) }
        return groups.filter { !$0.results.isEmpty }
    }
}

/// One indicator of an evaluated plan.
public struct IndicatorResult: Sendable {
    public var indicator: Indicator
    public var aggregate: AggregatedValue
    public var evaluation: IndicatorEvaluation
    /// The unit's own entry for exactly the period, for its comment and author.
    public var reported: DataValue?
    public var previousPeriod: Change?
    public var samePeriodLastYear: Change?
    /// The unit's value for the period just before, which `previousPeriod` compares with.
    public var previousAggregate: AggregatedValue?
    /// The unit's own entry for exactly the period before.
    public var previousReported: DataValue?

    /// The figure as an appendix writes it: "56,4%", "1.240", "1.013/1.013" for the parts of a
    /// rate; the result text for qualitative indicators; "—" for a rate of 0/0; "Chưa có số
    /// liệu" when missing.
    public var valueLabelVI: String {
        guard let value = aggregate.value else {
            if aggregate.isZeroOverZero { return ZeroDenominatorRule.noRate }
            return aggregate.hasData ? VNText.clean(aggregate.text ?? "") : ValueSource.missing.labelVI
        }
        if indicator.measure == .qualitative { return VNText.clean(aggregate.text ?? "") }
        if indicator.measure == .rate || (indicator.unitOfMeasure?.hasPrefix("%") ?? false) {
            return VNNumber.percent(value)
        }
        let unit = indicator.unitOfMeasure.map { " " + $0 } ?? ""
        return VNNumber.format(value, fractionDigits: 2) + unit
    }

    /// "1.013/1.013" when the rate's parts are known.
    public var partsLabelVI: String? {
        guard let n = aggregate.numerator, let d = aggregate.denominator else { return nil }
        return "\(VNNumber.format(n, fractionDigits: 2))/\(VNNumber.format(d, fractionDigits: 2))"
    }
}
