/// What an account may do. Every account acts on its unit's subtree only.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Manages accounts and everything else.
    case administrator
    /// Standing agency (cơ quan thường trực): sets up plans and rounds, reviews, reports.
    case coordinator
    /// Enters a unit's figures (cán bộ đầu mối).
    case reporter
    /// Head of a unit: approves its submission before it goes up.
    case approver
    /// Leaders: read everything in scope.
    case viewer

    public var labelVI: String {
        switch self {
        case .administrator: "Quản trị hệ thống"
        case .coordinator: "Cơ quan thường trực"
        case .reporter: "Cán bộ báo cáo"
        case .approver: "Lãnh đạo đơn vị phê duyệt"
        case .viewer: "Người xem"
        }
    }

    public var labelEN: String {
        switch self {
        case .administrator: "Administrator"
        case .coordinator: "Coordinator"
        case .reporter: "Reporter"
        case .approver: "Approver"
        case .viewer: "Viewer"
        }
    }

    public var canSetUp: Bool { self == .administrator || self == .coordinator }
    public var canManageAccounts: Bool { self == .administrator }
}

/// An account as the rest of the system sees it (never with its password hash).
public struct Account: Hashable, Sendable, Codable {
    public var username: String
    public var displayName: String
    public var role: Role
    public var unitCode: String
    public var disabled: Bool
    /// The language of the web interface the account chose.
    public var language: Language

    public init(username: String, displayName: String, role: Role, unitCode: String, disabled: Bool = false,
                language: Language = .vi) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitCode = unitCode
        self.disabled = disabled
        self.language = language
    }
}

extension Account {
    private enum CodingKeys: String, CodingKey { case username, displayName, role, unitCode, disabled, language }

    /// Accounts written before the language existed read as Vietnamese.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(username: try c.decode(String.self, forKey: .username), displayName: try c.decode(String.self, forKey: .displayName),
                  role: try c.decode(Role.self, forKey: .role), unitCode: try c.decode(String.self, forKey: .unitCode),
                  disabled: try c.decodeIfPresent(Bool.self, forKey: .disabled) ?? false,
                  language: try c.decodeIfPresent(Language.self, forKey: .language) ?? .vi)
    }
}
