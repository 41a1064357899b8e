import DXCore

/// Everything a province sets up and reports, as plain values: what an import or the demo loads.
public struct Dataset: Sendable {
    public var units: [OrgUnit]
    public var documents: [OfficialDocument]
    public var plans: [PlanContents]
    public var values: [DataValue]
    public var taskReports: [TaskReport]
    public var scoring: [ScoringSet]

    public init(
        units: [OrgUnit] = [], documents: [OfficialDocument] = [], plans: [PlanContents] = [],
        values: [DataValue] = [], taskReports: [TaskReport] = [], scoring: [ScoringSet] = []
    ) {
        self.scoring = scoring
        self.units = units
        self.documents = documents
        self.plans = plans
        self.values = values
        self.taskReports = taskReports
    }
}

/// What a load did.
public struct LoadSummary: Sendable, Equatable {
    public var before: [String: Int]
    public var after: [String: Int]

    public init(before: [String: Int], after: [String: Int]) {
        self.before = before
        self.after = after
    }

    public var added: [String: Int] {
        after.reduce(into: [:]) { r, kv in r[kv.key] = kv.value - (before[kv.key] ?? 0) }
    }

    public var changedNothing: Bool { before == after }
}
