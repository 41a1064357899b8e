import Foundation

/// Where one expected unit stands in a round, as the completeness page groups it.
public enum Timeliness: String, Sendable, Codable, CaseIterable {
    case onTime
    case late
    case drafting
    case notStarted

    public var labelVI: String {
        switch self {
        case .onTime: "Đã gửi đúng hạn"
        case .late: "Đã gửi muộn"
        case .drafting: "Đang soạn"
        case .notStarted: "Chưa bắt đầu"
        }
    }
}

/// One expected unit of a round.
public struct CompletenessEntry: Hashable, Sendable, Codable {
    public var unitCode: String
    public var unitName: String
    public var unitKind: UnitKind
    public var state: ReportState
    public var deadline: CalendarDate
    public var submittedAt: Date?
    public var late: Bool
    public var version: Int
    /// Accounts of the unit that can report (for the reminder list).
    public var contacts: [String]

    public init(unitCode: String, unitName: String, unitKind: UnitKind, state: ReportState, deadline: CalendarDate,
                submittedAt: Date?, late: Bool, version: Int, contacts: [String] = []) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.unitKind = unitKind
        self.state = state
        self.deadline = deadline
        self.submittedAt = submittedAt
        self.late = late
        self.version = version
        self.contacts = contacts
    }

    public var timeliness: Timeliness {
        if state.isSubmitted { return late ? .late : .onTime }
        return state == .notStarted ? .notStarted : .drafting
    }

    /// Not submitted and the deadline has passed.
    public func isOverdue(today: CalendarDate) -> Bool { !state.isSubmitted && today > deadline }
}

/// Counts for the head of the completeness page: "Đã gửi 12/30 đơn vị (40%)".
public struct CompletenessSummary: Hashable, Sendable, Codable {
    public var expected: Int
    public var onTime: Int
    public var late: Int
    public var drafting: Int
    public var notStarted: Int

    public init(_ entries: [CompletenessEntry]) {
        expected = entries.count
        onTime = entries.filter { $0.timeliness == .onTime }.count
        late = entries.filter { $0.timeliness == .late }.count
        drafting = entries.filter { $0.timeliness == .drafting }.count
        notStarted = entries.filter { $0.timeliness == .notStarted }.count
    }

    public var submitted: Int { onTime + late }

    public var sentenceVI: String {
        "Đã gửi \(VNNumber.fraction(submitted, expected, width: 2)) đơn vị (\(VNNumber.percent(submitted, of: expected))), "
            + "trong đó đúng hạn \(VNNumber.padded(onTime)), muộn \(VNNumber.padded(late)); "
            + "đang soạn \(VNNumber.padded(drafting)); chưa bắt đầu \(VNNumber.padded(notStarted))."
    }
}

/// A recorded change: who, when, from where, what, old → new. Never edited.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var at: Date
    public var username: String
    public var ip: String?
    public var roundCode: String?
    public var unitCode: String?
    public var planCode: String?
    /// What was changed: `indicator`, `task`, `narrative`, `state`, `account`, `round`.
    public var subject: String
    /// The indicator or task code, narrative section, account name...
    public var subjectCode: String?
    public var field: String
    public var old: String?
    public var new: String?
    /// The report version this change produced.
    public var version: Int?

    public init(at: Date = Date(), username: String, ip: String? = nil, roundCode: String? = nil, unitCode: String? = nil,
                planCode: String? = nil, subject: String, subjectCode: String? = nil, field: String, old: String?, new: String?, version: Int? = nil) {
        self.at = at
        self.username = username
        self.ip = ip
        self.roundCode = roundCode
        self.unitCode = unitCode
        self.planCode = planCode
        self.subject = subject
        self.subjectCode = subjectCode
        self.field = field
        self.old = old
        self.new = new
        self.version = version
    }
}
