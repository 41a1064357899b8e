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
        self.init(plan: plan, indicators: indicators, tasks: tasks, tree: tree, unit: unit, period: period, values: values,
                  taskReports: taskReports, expected: expected, asOf: asOf, below: below, childValues: nil)
    }

    /// The unit's evaluation and those of `children` (units directly below it, each with the
    /// values of its own subtree, without tasks), from the same facts. A child with no units
    /// below it takes the values the unit's evaluation computed for it, which are what its own
    /// evaluation computes (it is then its only expected reporter); the others are evaluated
    /// from their values.
    public static func withChildren(plan: Plan, indicators: [Indicator], tasks: [PlanTask], tree: UnitTree, unit: OrgUnit,
                                    period: Period, values: [DataValue], taskReports: [TaskReport], asOf: CalendarDate? = nil,
                                    below: BelowSums = [:], children: [(unit: OrgUnit, values: [DataValue])],
                                    childIndicators: [Indicator]? = nil) -> (unit: PlanEvaluation, children: [PlanEvaluation]) {
        let computed = ChildValues(indicators: indicators.count)
        let me = PlanEvaluation(plan: plan, indicators: indicators, tasks: tasks, tree: tree, unit: unit, period: period,
                                values: values, taskReports: taskReports, expected: nil, asOf: asOf, below: below, childValues: computed)
        let shown = childIndicators ?? indicators
        let position = Dictionary(indicators.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let shownPositions = shown.compactMap { position[$0.code] }
        let siblings = tree.children(of: unit.code)
        let place = Dictionary(siblings.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let evaluations = children.map { child, values in
            if tree.children(of: child.code).isEmpty, shownPositions.count == shown.count, let i = place[child.code],
               let e = PlanEvaluation(plan: plan, indicators: shown, positions: shownPositions, unit: child, place: i,
                                      of: siblings.count, period: period, computed: computed, values: values) {
                return e
            }
            return PlanEvaluation(plan: plan, indicators: shown, tasks: [], tree: tree, unit: child, period: period, values: values,
                                  taskReports: [], below: below)
        }
        return (me, evaluations)
    }

    /// The children's values an evaluation computed: by the indicator's position in the
    /// evaluation, the period's (the period, the one before, the same a year earlier), then the
    /// child's in the tree's order.
    final class ChildValues {
        var values: [[[AggregatedValue]]]

        init(indicators: Int) {
            values = Array(repeating: [], count: indicators)
        }
    }

    private init(plan: Plan, indicators: [Indicator], tasks: [PlanTask], tree: UnitTree, unit: OrgUnit,
                 period: Period, values: [DataValue], taskReports: [TaskReport],
                 expected: ExpectedReporters?, asOf: CalendarDate?, below: BelowSums, childValues: ChildValues?) {
        let children = tree.children(of: unit.code).map(\.code)
        let expected = expected ?? .units(Set(children.isEmpty ? [unit.code] : children))
        // Grouped once: each indicator's aggregator then reads its own values only, instead of
        // every indicator scanning all of the plan's values.
        let byIndicator = Dictionary(grouping: values.lazy.filter { $0.planCode == plan.code }, by: \.indicatorCode)
        let periods = [period, period.previous, period.samePeriodLastYear]
        let own = OwnEntries(unit: unit.code, period: period)
        self.plan = plan
        self.unit = unit
        self.period = period
        self.indicators = indicators.enumerated().map { position, indicator in
            let mine = byIndicator[indicator.code] ?? []
            let aggregator = IndicatorAggregator(indicator: indicator, tree: tree, values: mine, expected: expected,
                                                 below: below[indicator.code] ?? [:])
            // Each period once: the comparisons reuse the period's value, and the previous
            // period's value is kept for `previousPeriodEvaluation`.
            let found = periods.map { p in
                let (value, children) = aggregator.valueWithChildren(of: unit.code, in: p)
                childValues?.values[position].append(children)
                return value
            }
            return IndicatorResult(indicator, level: unit.kind.level, values: found, own: own.entries(in: mine))
        }
        self.tasks = TaskSummary(tasks: tasks, reports: taskReports.filter { $0.planCode == plan.code },
                                 period: period, unitCode: unit.code, asOf: asOf)
    }

    /// A child's evaluation from the values its parent's evaluation computed (`place` is its
    /// position among the `siblings` children, `positions` those of `indicators` in the
    /// parent's); nil when the parent did not compute them all.
    private init?(plan: Plan, indicators: [Indicator], positions: [Int], unit: OrgUnit, place: Int, of siblings: Int, period: Period,
                  computed: ChildValues, values: [DataValue]) {
        let byIndicator = Dictionary(grouping: values.lazy.filter { $0.planCode == plan.code && $0.unitCode == unit.code },
                                     by: \.indicatorCode)
        let own = OwnEntries(unit: unit.code, period: period)
        var results: [IndicatorResult] = []
        for (indicator, position) in zip(indicators, positions) {
            let byPeriod = computed.values[position]
            // A parent summed whole or closed computes no children.
            guard byPeriod.count == 3, byPeriod.allSatisfy({ $0.count == siblings }) else { return nil }
            let found = byPeriod.map { $0[place] }
            guard found.allSatisfy({ $0.unitCode == unit.code }) else { return nil }
            results.append(IndicatorResult(indicator, level: unit.kind.level, values: found,
                                           own: own.entries(in: byIndicator[indicator.code] ?? [])))
        }
        self.plan = plan
        self.unit = unit
        self.period = period
        self.indicators = results
        self.tasks = TaskSummary(tasks: [], reports: [], period: period, unitCode: unit.code)
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

    /// From the unit's values for the period, the period before and the same period a year
    /// earlier, and its own entries for the first two.
    init(_ indicator: Indicator, level: AdminLevel, values: [AggregatedValue], own: (now: DataValue?, before: DataValue?)) {
        let (aggregate, before, lastYear) = (values[0], values[1], values[2])
        self.indicator = indicator
        self.aggregate = aggregate
        self.evaluation = IndicatorEvaluation(indicator: indicator, aggregate: aggregate, level: level)
        self.reported = own.now
        self.previousPeriod = Change(from: before, to: aggregate, of: indicator)
        self.samePeriodLastYear = Change(from: lastYear, to: aggregate, of: indicator)
        self.previousAggregate = before
        self.previousReported = own.before
    }

    init(indicator: Indicator, aggregate: AggregatedValue, evaluation: IndicatorEvaluation, reported: DataValue?,
         previousPeriod: Change?, samePeriodLastYear: Change?) {
        self.indicator = indicator
        self.aggregate = aggregate
        self.evaluation = evaluation
        self.reported = reported
        self.previousPeriod = previousPeriod
        self.samePeriodLastYear = samePeriodLastYear
    }

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

/// A unit's own entries of one indicator for a period and the period before, the later of
/// two for the same period winning; the identifiers are made once, not per value.
struct OwnEntries {
    let unit: String
    let now: String
    let before: String

    init(unit: String, period: Period) {
        self.unit = unit
        now = period.identifier
        before = period.previous.identifier
    }

    func entries(in values: [DataValue]) -> (now: DataValue?, before: DataValue?) {
        var found: (now: DataValue?, before: DataValue?) = (nil, nil)
        for v in values where v.unitCode == unit {
            if v.periodID == now { found.now = v } else if v.periodID == before { found.before = v }
        }
        return found
    }
}
