/// Where one unit's report of one round stands.
public enum ReportState: String, Sendable, Codable, CaseIterable {
    /// Nothing saved yet.
    case notStarted
    case draft
    /// Sent by the reporter, waiting for the head of the unit (rounds with unit approval).
    case awaitingApproval
    /// Sent up: locked for the unit.
    case submitted
    /// Accepted: locked for everyone until a coordinator reopens it.
    case approved
    /// Sent back with a comment: editable again.
    case returned

    public var labelVI: String {
        switch self {
        case .notStarted: "Chưa bắt đầu"
        case .draft: "Đang soạn"
        case .awaitingApproval: "Chờ lãnh đạo đơn vị duyệt"
        case .submitted: "Đã gửi"
        case .approved: "Đã phê duyệt"
        case .returned: "Bị trả lại"
        }
    }

    /// Whether the unit itself may still change its report.
    public var isEditableByUnit: Bool { self == .notStarted || self == .draft || self == .returned }

    /// Whether the report has gone up (counts as received in completeness).
    public var isSubmitted: Bool { self == .submitted || self == .approved }
}

public enum WorkflowAction: String, Sendable, Codable, CaseIterable {
    case submit
    case approve
    case `return`
    case reopen

    public var labelVI: String {
        switch self {
        case .submit: "Gửi báo cáo"
        case .approve: "Phê duyệt"
        case .return: "Trả lại"
        case .reopen: "Mở lại"
        }
    }

    public var permission: Permission {
        switch self {
        case .submit: .submit
        case .approve: .approve
        case .return: .returnReport
        case .reopen: .reopen
        }
    }
}

/// The state machine: draft → submitted → approved, or returned (with a comment) → editable;
/// coordinators reopen submitted or approved reports. In a round with unit approval, the
/// reporter's submission waits for the head of the unit, whose approval sends it up.
public enum Workflow {
    public struct Illegal: Error, Equatable, Sendable, CustomStringConvertible {
        public let from: ReportState
        public let action: WorkflowAction
        public init(from: ReportState, action: WorkflowAction) {
            self.from = from
            self.action = action
        }
        public var description: String {
            "Không thể \(action.labelVI.lowercased()) khi báo cáo đang ở trạng thái “\(from.labelVI)”."
        }
    }

    public static func next(_ state: ReportState, _ action: WorkflowAction, unitApproval: Bool = false) throws(Illegal) -> ReportState {
        switch (action, state) {
        case (.submit, .notStarted), (.submit, .draft), (.submit, .returned): return unitApproval ? .awaitingApproval : .submitted
        case (.approve, .awaitingApproval): return .submitted
        case (.approve, .submitted): return .approved
        case (.return, .awaitingApproval), (.return, .submitted), (.return, .approved): return .returned
        case (.reopen, .awaitingApproval), (.reopen, .submitted), (.reopen, .approved): return .draft
        default: throw Illegal(from: state, action: action)
        }
    }
}
