/// The facts of one plan that references may quote: only figures that count (or, in a preview,
/// what the caller let in), exactly as the evaluation is given them.
public struct FigurePlan: Sendable {
    public var plan: Plan
    public var indicators: [Indicator]
    public var tasks: [PlanTask]
    public var values: [DataValue]
    public var taskReports: [TaskReport]

    public init(plan: Plan, indicators: [Indicator], tasks: [PlanTask], values: [DataValue], taskReports: [TaskReport]) {
        self.plan = plan
        self.indicators = indicators
        self.tasks = tasks
        self.values = values
        self.taskReports = taskReports
    }
}

/// Turns the references of narrative blocks into figures printed the Vietnamese way, with the
/// same aggregation the evaluation uses, so a quoted figure and the appendix cannot differ.
public struct FigureResolver: Sendable {
    /// Shown where a referenced figure has no counted data: visible, never a zero.
    public static let missing = "(chưa có số liệu)"

    public var tree: UnitTree
    /// The report's unit and period: the defaults of references that leave them out.
    public var unit: OrgUnit
    public var period: Period
    /// By the plan key the references write (code or slug).
    public var plans: [String: FigurePlan]
    public var asOf: CalendarDate?

    public init(tree: UnitTree, unit: OrgUnit, period: Period, plans: [String: FigurePlan], asOf: CalendarDate? = nil) {
        self.tree = tree
        self.unit = unit
        self.period = period
        self.plans = plans
        self.asOf = asOf
    }

    /// The text with every reference replaced by its figure, or by `missing`; a malformed token
    /// stays as written (saving refuses it, so it only shows in data stored otherwise).
    public func render(_ text: String) -> String {
        FigureText.parse(text).map { part in
            switch part {
            case .text(let s): s
            case .reference(let r, _): figure(r) ?? Self.missing
            case .malformed(let token, _): token
            }
        }.joined()
    }

    /// The figure a reference stands for, `nil` when it has no data (or names what is not there).
    public func figure(_ r: FigureReference) -> String? {
        guard let p = plans[r.plan] else { return nil }
        if r.kind == .tasks { return tasks(p, status: r.item, period: r.period) }
        guard let indicator = p.indicators.first(where: { $0.code == r.item }),
              let unit = tree[r.unit ?? self.unit.code] else { return nil }
        let period = r.period.flatMap(Period.init(identifier:)) ?? self.period
        switch r.kind {
        case .value:
            return Self.valueText(aggregate(p, indicator, unit, period), indicator)
        case .parts:
            let a = aggregate(p, indicator, unit, period)
            guard let n = a.numerator, let d = a.denominator else { return nil }
            return VNNumber.fraction(n, d)
        case .sum:
            let parts = tree.children(of: unit.code).filter { $0.overlaps(from: period.start, to: period.end) }
                .map { aggregate(p, indicator, $0, period) }.filter(\.hasData)
            guard !parts.isEmpty else { return nil }
            if indicator.measure == .rate {
                let nd = parts.compactMap { a in a.numerator.flatMap { n in a.denominator.map { (n, $0) } } }
                let n = nd.reduce(0) { $0 + $1.0 }, d = nd.reduce(0) { $0 + $1.1 }
                return d > 0 ? VNNumber.percent(n * 100 / d) : nil
            }
            let values = parts.compactMap(\.value)
            return values.isEmpty ? nil : VNNumber.format(values.reduce(0, +))
        case .tasks:
            return nil
        }
    }

    func aggregate(_ p: FigurePlan, _ indicator: Indicator, _ unit: OrgUnit, _ period: Period) -> AggregatedValue {
        PlanEvaluation(plan: p.plan, indicators: [indicator], tasks: [], tree: tree, unit: unit, period: period,
                       values: p.values, taskReports: []).indicators[0].aggregate
    }

    /// A count or amount without its unit of measure (the sentence says "5.192 cán bộ"), a rate
    /// or a percentage with "%", a qualitative result as written.
    static func valueText(_ a: AggregatedValue, _ indicator: Indicator) -> String? {
        guard let v = a.value else {
            let text = VNText.clean(a.text ?? "")
            return text.isEmpty ? nil : text
        }
        if indicator.measure == .qualitative { return VNText.clean(a.text ?? "").isEmpty ? nil : VNText.clean(a.text ?? "") }
        if indicator.measure == .rate || (indicator.unitOfMeasure?.hasPrefix("%") ?? false) { return VNNumber.percent(v) }
        // Counts below ten are written with two digits in reports ("09 khóa học", domain §11).
        if indicator.measure == .count, v == v.rounded(), abs(v) < 1e15 { return VNNumber.padded(Int(v)) }
        return VNNumber.format(v, fractionDigits: 2)
    }

    /// Counts of the plan's tasks reported by the report's unit, over the period a task plan is
    /// evaluated in (`ReportTaskPlan.period`) unless the reference names one.
    func tasks(_ p: FigurePlan, status: String, period given: String?) -> String? {
        let period = given.flatMap(Period.init(identifier:)) ?? ReportTaskPlan.period(for: p.plan, in: self.period)
        let s = TaskSummary(tasks: p.tasks, reports: p.taskReports.filter { $0.planCode == p.plan.code }, period: period,
                            unitCode: unit.code, asOf: asOf)
        let n: Int
        switch status {
        case "all": n = s.lines.count
        case "period": n = s.inScope.count
        case "underway": n = s.underway.count
        case "overdue": n = s.overdue.count
        case "noReport": n = s.count(nil)
        default:
            guard let st = TaskStatus(rawValue: status) else { return nil }
            n = s.count(st)
        }
        return VNNumber.padded(n)
    }
}
