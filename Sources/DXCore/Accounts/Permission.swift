/// Something an account may try to do. Every check also needs the unit acted on: an account
/// acts on its own unit's subtree only (a district account on its communes).
public enum Permission: String, Sendable, CaseIterable {
    /// Read a unit's report, the completeness of a round, audit entries.
    case read
    /// Change a unit's figures, task progress and narrative.
    case edit
    case submit
    case approve
    case returnReport
    /// Coordinators only: make an approved or submitted report editable again.
    case reopen
    /// Open, change and close reporting rounds.
    case manageRounds
    case manageAccounts
    /// Create and edit plans, indicators, tasks, documents and units.
    case setUp
    /// Save report templates and edit the units' narratives before the report is issued.
    case issueReports
}

/// Role × unit scope, in one place so that every route asks the same question.
public enum AccessPolicy {
    public static func roleAllows(_ role: Role, _ p: Permission) -> Bool {
        switch p {
        case .read: true
        case .edit, .submit: role != .viewer
        case .approve, .returnReport: role == .administrator || role == .coordinator || role == .approver
        case .reopen, .manageRounds: role == .administrator || role == .coordinator
        case .manageAccounts: role == .administrator
        case .setUp, .issueReports: role.canSetUp
        }
    }

    /// Whether `account` may do `p` on `unitCode`: the role allows it and the unit lies in the
    /// account's scope. Disabled accounts may do nothing.
    public static func allows(_ account: Account, _ p: Permission, unit unitCode: String, in tree: UnitTree) -> Bool {
        guard !account.disabled, roleAllows(account.role, p) else { return false }
        return tree.isWithin(unitCode, scope: scope(of: account, in: tree))
    }

    /// Whether `account` may see figures that do not count yet (drafts, reports waiting for
    /// approval or returned) for `unitCode`: those who run the reporting and issue the report,
    /// within their scope. Everyone else sees only the counted figures.
    public static func mayPreviewUnsubmitted(_ account: Account, unit unitCode: String, in tree: UnitTree) -> Bool {
        allows(account, .issueReports, unit: unitCode, in: tree) || allows(account, .manageRounds, unit: unitCode, in: tree)
    }

    /// The root of the subtree an account acts on: its own unit, except that coordinators and
    /// administrators who belong to a department act on the territory it serves. The standing
    /// agency is a department (Sở Thông tin và Truyền thông) yet runs the province's reporting.
    public static func scope(of account: Account, in tree: UnitTree) -> String {
        guard account.role == .coordinator || account.role == .administrator,
              let u = tree[account.unitCode], u.kind == .department, let parent = u.parentCode else { return account.unitCode }
        return parent
    }

    public static func isInScope(_ account: Account, unit: String, in tree: UnitTree) -> Bool {
        tree.isWithin(unit, scope: scope(of: account, in: tree))
    }

    /// Whether the account acts for the top of the tree (its scope unit has no parent): the
    /// province's coordinators and administrators, and those of its departments.
    public static func actsForTop(_ account: Account, in tree: UnitTree) -> Bool {
        guard let u = tree[scope(of: account, in: tree)] else { return false }
        return u.parentCode == nil
    }

    /// Whether `account` may do `p` on something owned by the unit `owner` (a plan, a round, a
    /// table form, a document). Rows written before owners were stored have none, and an owner
    /// that is no longer in the tree cannot be placed: both belong to the top of the tree, so
    /// that a district's coordinator never gains what nobody can show is its own.
    public static func allows(_ account: Account, _ p: Permission, owner: String?, in tree: UnitTree) -> Bool {
        guard !account.disabled, roleAllows(account.role, p) else { return false }
        guard let owner, tree[owner] != nil else { return actsForTop(account, in: tree) }
        return isInScope(account, unit: owner, in: tree)
    }

    /// Whether `account` may save a unit of the list. Every unit the change touches must be in
    /// scope: the stored unit, when there is one; its (new) parent, so that nobody moves a unit
    /// into or out of another account's subtree, and nil (a new top-level unit) only for an
    /// account at the top; and the successor it points at. A coordinator's own unit therefore
    /// belongs to the level above: a district's coordinator changes its communes and offices,
    /// not the district's own entry in the province's list.
    public static func allowsUnitChange(_ account: Account, stored: OrgUnit?, parentCode: String?, successorCode: String?,
                                        in tree: UnitTree) -> Bool {
        if let stored, !allows(account, .setUp, owner: stored.code, in: tree) { return false }
        guard allows(account, .setUp, owner: parentCode, in: tree) else { return false }
        if let successorCode, !allows(account, .setUp, owner: successorCode, in: tree) { return false }
        return true
    }

    /// The listed units that lie outside the account's scope, in the order given: a round may
    /// only ask for reports of units the coordinator acts for.
    public static func outOfScope(_ account: Account, units: [String], in tree: UnitTree) -> [String] {
        units.filter { !isInScope(account, unit: $0, in: tree) }
    }

    /// A Vietnamese sentence for a change refused because what it touches lies outside the
    /// account's scope (the role itself allows it).
    public static let scopeRefusal = "Bạn chỉ được thay đổi đơn vị, kế hoạch, đợt báo cáo, biểu mẫu và mẫu báo cáo trong phạm vi của đơn vị mình."

    /// A Vietnamese sentence for a refusal.
    public static func refusal(_ p: Permission) -> String {
        switch p {
        case .read: "Bạn không có quyền xem dữ liệu của đơn vị này."
        case .edit: "Bạn không có quyền nhập, sửa số liệu của đơn vị này."
        case .submit: "Bạn không có quyền gửi báo cáo của đơn vị này."
        case .approve: "Bạn không có quyền phê duyệt báo cáo này."
        case .returnReport: "Bạn không có quyền trả lại báo cáo này."
        case .reopen: "Chỉ cơ quan thường trực hoặc quản trị mới được mở lại báo cáo."
        case .manageRounds: "Chỉ cơ quan thường trực hoặc quản trị mới được quản lý đợt báo cáo."
        case .manageAccounts: "Chỉ quản trị hệ thống mới được quản lý tài khoản."
        case .setUp: "Chỉ cơ quan thường trực hoặc quản trị mới được thiết lập kế hoạch, chỉ tiêu, nhiệm vụ và đơn vị."
        case .issueReports: "Chỉ cơ quan thường trực hoặc quản trị mới được lưu mẫu báo cáo và biên tập thuyết minh của đơn vị."
        }
    }
}
