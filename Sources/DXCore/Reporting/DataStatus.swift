/// Whether a stored figure may reach the official outputs (consolidation, evaluation, dashboards,
/// the report). Figures are keyed by unit × period × plan (or form) without a round, so the rule
/// is derived at read time from the rounds that list the unit, never stored beside the figure
/// where it could drift from the report's state.
public extension ReportState {
    /// A unit's figures count once its report has gone up: a draft, a returned report and a
    /// submission still waiting for the head of the unit are not the unit's word yet.
    var isCounted: Bool { self == .submitted || self == .approved }
}

/// One unit's report in one round, reduced to what decides whether its figures count.
public struct RoundMembership: Hashable, Sendable {
    public var periodID: String
    /// Plan codes and form codes the round asks for.
    public var planCodes: Set<String>
    public var formCodes: Set<String>
    public var unitCode: String
    public var state: ReportState

    public init(periodID: String, planCodes: Set<String>, formCodes: Set<String> = [], unitCode: String, state: ReportState) {
        self.periodID = periodID
        self.planCodes = planCodes
        self.formCodes = formCodes
        self.unitCode = unitCode
        self.state = state
    }
}

/// The data-status rule: a figure counts when no round covers it (loaded by an import or the
/// province itself) or when at least one round covering it has a counted report.
public struct DataStatus: Sendable {
    private enum Source: Hashable { case plan(String), form(String) }
    private struct Key: Hashable {
        var source: Source
        var unitCode: String
        var periodID: String
    }

    /// Covered keys → whether any covering report counts.
    private var covered: [Key: Bool] = [:]

    public init(_ memberships: [RoundMembership]) {
        for m in memberships {
            for p in m.planCodes { add(Key(source: .plan(p), unitCode: m.unitCode, periodID: m.periodID), m.state.isCounted) }
            for f in m.formCodes { add(Key(source: .form(f), unitCode: m.unitCode, periodID: m.periodID), m.state.isCounted) }
        }
    }

    private mutating func add(_ key: Key, _ counted: Bool) {
        covered[key] = (covered[key] ?? false) || counted
    }

    /// Whether an indicator value or task report of `planCode` counts.
    public func counts(planCode: String, unitCode: String, periodID: String) -> Bool {
        covered[Key(source: .plan(planCode), unitCode: unitCode, periodID: periodID)] ?? true
    }

    /// Whether a round covers this plan, unit and period with a report already sent up: its
    /// figures then change only by reopening the report, not by writing over them.
    public func isSent(planCode: String, unitCode: String, periodID: String) -> Bool {
        covered[Key(source: .plan(planCode), unitCode: unitCode, periodID: periodID)] == true
    }

    /// Whether a unit's rows of a table form count.
    public func counts(formCode: String, unitCode: String, periodID: String) -> Bool {
        covered[Key(source: .form(formCode), unitCode: unitCode, periodID: periodID)] ?? true
    }

    public func counted(_ values: [DataValue]) -> [DataValue] {
        values.filter { counts(planCode: $0.planCode, unitCode: $0.unitCode, periodID: $0.periodID) }
    }

    public func counted(_ reports: [TaskReport]) -> [TaskReport] {
        reports.filter { counts(planCode: $0.planCode, unitCode: $0.unitCode, periodID: $0.periodID) }
    }

    public func counted(_ entries: [FormEntry], form: String, periodID: String) -> [FormEntry] {
        entries.filter { counts(formCode: form, unitCode: $0.unitCode, periodID: periodID) }
    }
}
