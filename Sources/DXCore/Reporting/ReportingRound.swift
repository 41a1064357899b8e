import Foundation

/// Which indicators of the round's plans a unit reports.
public enum IndicatorScope: String, Sendable, Codable, CaseIterable {
    /// Every indicator of the plans.
    case all
    /// Only indicators whose responsible unit is the reporting unit (or lies in its subtree).
    case responsible
    /// None: a round for task progress only.
    case none

    public var labelVI: String {
        switch self {
        case .all: "Tất cả chỉ tiêu của kế hoạch"
        case .responsible: "Chỉ tiêu đơn vị được giao chủ trì"
        case .none: "Không báo cáo chỉ tiêu"
        }
    }
}

/// Which tasks of the round's plans a unit reports.
public enum TaskScope: String, Sendable, Codable, CaseIterable {
    /// Tasks the unit leads or cooperates on.
    case leadOrCooperating
    /// Tasks the unit leads.
    case lead
    case none

    public var labelVI: String {
        switch self {
        case .leadOrCooperating: "Nhiệm vụ đơn vị chủ trì hoặc phối hợp"
        case .lead: "Nhiệm vụ đơn vị chủ trì"
        case .none: "Không báo cáo nhiệm vụ"
        }
    }
}

/// A reporting round (đợt báo cáo): plans, a period, who reports what, and by when.
public struct ReportingRound: Hashable, Sendable, Codable {
    public var id: UUID?
    /// Short URL-safe code ("bc-nam-2024").
    public var code: String
    public var title: String
    public var periodID: String
    public var planCodes: [String]
    /// Table forms (biểu mẫu) the units fill in this round, by code.
    public var formCodes: [String]
    public var indicatorScope: IndicatorScope
    public var taskScope: TaskScope
    /// Narrative sections every unit writes ("Kết quả", "Tồn tại hạn chế", "Đề xuất").
    public var narrativeSections: [String]
    /// Deadline per level of the reporting unit; levels not listed use `defaultDeadline`.
    public var deadlines: [AdminLevel: CalendarDate]
    public var defaultDeadline: CalendarDate
    /// After this day only coordinators and administrators may change reports.
    public var lockDate: CalendarDate?
    /// A value moving by more than this factor against the previous period gets a warning.
    public var changeFactor: Double
    public var closed: Bool
    /// Reporters' submissions wait for the head of their unit (an approver) before going up.
    public var unitApproval: Bool
    /// The unit whose coordinators manage the round: the scope of the account that opened it.
    /// Nil for rounds opened before owners were stored; those belong to the top of the tree.
    public var ownerUnitCode: String?
    /// Days before a unit's deadline on which it is reminded if it has not submitted (largest first).
    public var reminderDays: [Int]

    public static let standardSections = ["Kết quả", "Tồn tại hạn chế", "Đề xuất"]

    public init(
        id: UUID? = nil, code: String, title: String, periodID: String, planCodes: [String],
        formCodes: [String] = [], indicatorScope: IndicatorScope = .all, taskScope: TaskScope = .leadOrCooperating,
        narrativeSections: [String] = ReportingRound.standardSections,
        deadlines: [AdminLevel: CalendarDate] = [:], defaultDeadline: CalendarDate,
        lockDate: CalendarDate? = nil, changeFactor: Double = 3, closed: Bool = false, unitApproval: Bool = false,
        ownerUnitCode: String? = nil, reminderDays: [Int] = ReminderDays.standard
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.periodID = periodID
        self.planCodes = planCodes
        self.formCodes = formCodes
        self.indicatorScope = indicatorScope
        self.taskScope = taskScope
        self.narrativeSections = narrativeSections
        self.deadlines = deadlines
        self.defaultDeadline = defaultDeadline
        self.lockDate = lockDate
        self.changeFactor = changeFactor
        self.closed = closed
        self.unitApproval = unitApproval
        self.ownerUnitCode = ownerUnitCode
        self.reminderDays = reminderDays
    }

    public var period: Period? { Period(identifier: periodID) }

    public func deadline(for level: AdminLevel) -> CalendarDate { deadlines[level] ?? defaultDeadline }

    public func isLocked(on day: CalendarDate) -> Bool {
        closed || (lockDate.map { day > $0 } ?? false)
    }

    /// Checks what a coordinator typed; messages are Vietnamese and name the field.
    public func problems() -> [FieldIssue] {
        var out: [FieldIssue] = []
        if code.isEmpty || !code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            out.append(.error("code", "Mã đợt chỉ gồm chữ thường không dấu, số và dấu gạch ngang."))
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { out.append(.error("title", "Chưa nhập tên đợt báo cáo.")) }
        if period == nil { out.append(.error("period", "Mã kỳ báo cáo không hợp lệ (ví dụ 2024, 2024S1, 2024Q3, 2024N9, 2024-01-01_2024-11-30).")) }
        if planCodes.isEmpty { out.append(.error("plans", "Chọn ít nhất một kế hoạch.")) }
        if let p = period {
            for (level, d) in deadlines where d <= p.cutOff.to {
                out.append(.error("deadline.\(level.rawValue)", "Hạn nộp của \(level.labelVI.lowercased()) phải sau ngày chốt số liệu \(VNDate.numeric(p.cutOff.to))."))
            }
            if defaultDeadline <= p.cutOff.to {
                out.append(.error("deadline", "Hạn nộp phải sau ngày chốt số liệu \(VNDate.numeric(p.cutOff.to))."))
            }
        }
        if let l = lockDate, l < defaultDeadline {
            out.append(.error("lockDate", "Ngày khóa sổ không được trước hạn nộp."))
        }
        if !(changeFactor > 1) { out.append(.error("changeFactor", "Hệ số cảnh báo biến động phải lớn hơn 1.")) }
        if let issue = ReminderDays.parse(ReminderDays.text(reminderDays)).issue { out.append(issue) }
        return out
    }
}

/// One message about one field: a path (`values[0].numerator`, `indicator.3.denominator`) and a
/// Vietnamese sentence. Warnings are shown but do not block.
public struct FieldIssue: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }
    public var path: String
    public var message: String
    public var severity: Severity

    public init(path: String, message: String, severity: Severity) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    public static func error(_ path: String, _ message: String) -> FieldIssue { .init(path: path, message: message, severity: .error) }
    public static func warning(_ path: String, _ message: String) -> FieldIssue { .init(path: path, message: message, severity: .warning) }
}
