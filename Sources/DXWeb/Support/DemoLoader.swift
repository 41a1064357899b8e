import DXCore
import DXReports
import DXStore
import Foundation

/// Loads the demonstration data, its accounts and its reporting round.
public enum DemoLoader {
    public static func isEmpty(_ store: Store) async throws -> Bool {
        let c = try await store.counts()
        return (c["plans"] ?? 0) == 0 && (c["units"] ?? 0) == 0
    }

    /// - Parameter reform: also what happened on 1/7/2025 (`DemoReform`); without it the demo is
    ///   Thái Bình's 2024, on which the reform can be imported by hand.
    public static func load(into store: Store, reform: Bool = true) async throws -> LoadSummary {
        let set = try DemoData.dataset()
        let before = try await store.counts()
        // Once: the 2024 units loaded again would be written over their closing by the reform.
        if try await store.round(DemoRound.code) == nil { _ = try await store.load(set) }
        // One Bcrypt hash for every missing demo account: they share the demo password.
        var hash: String?
        func demoHash() throws -> String {
            if let hash { return hash }
            let h = try Credentials.hashPassword(DemoData.adminPassword)
            hash = h
            return h
        }
        if try await store.account(username: DemoData.adminUsername) == nil {
            let admin = Account(username: DemoData.adminUsername, displayName: "Quản trị (dữ liệu mẫu)",
                                role: .administrator, unitCode: DemoData.provinceCode)
            try await store.createAccount(admin, passwordHash: try demoHash())
        }
        for a in DemoRound.accounts where try await store.account(username: a.username) == nil {
            try await store.createAccount(Account(username: a.username, displayName: a.displayName, role: a.role, unitCode: a.unitCode),
                                          passwordHash: try demoHash())
        }
        try await DemoRound.load(into: store)
        try await DemoReportTemplate.load(into: store, settings: ReportTemplates.standard)
        if reform { try await DemoReform.load(into: store, hash: demoHash) }
        return LoadSummary(before: before, after: try await store.counts())
    }

    public static func describe(_ s: LoadSummary) -> String {
        let names: [(String, String)] = [
            ("units", "đơn vị"), ("plans", "kế hoạch"), ("indicators", "chỉ tiêu"), ("targets", "mục tiêu"),
            ("tasks", "nhiệm vụ"), ("documents", "văn bản"), ("dataValues", "số liệu"),
            ("taskReports", "báo cáo nhiệm vụ"), ("users", "tài khoản"), ("rounds", "đợt báo cáo"),
        ]
        let counts = names.map { "\($0.1): \(s.after[$0.0] ?? 0)" }.joined(separator: ", ")
        let head = s.changedNothing ? "Dữ liệu mẫu đã có sẵn, không thay đổi gì." : "Đã nạp dữ liệu mẫu."
        let others = DemoRound.accounts.map(\.username).joined(separator: ", ")
        return """
        \(head)
        \(counts)
        Tài khoản mẫu (chỉ dùng để thử): \(DemoData.adminUsername) / \(DemoData.adminPassword); \(others) dùng cùng mật khẩu
        """
    }
}
