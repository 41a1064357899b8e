import DXCore
import FluentKit
import Foundation
import SQLKit

extension Store {
    /// Creates an account; the caller hashes the password (Bcrypt in the web layer).
    public func createAccount(_ a: Account, passwordHash: String) async throws {
        guard Self.isValidUsername(a.username) else {
            throw StoreError.invalid("Tên đăng nhập \"\(a.username)\" không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (3–64 ký tự)")
        }
        if try await UserModel.query(on: db).filter(\.$username == a.username).first() != nil {
            throw StoreError.conflict("Tên đăng nhập \"\(a.username)\" đã tồn tại")
        }
        let row = UserModel()
        row.username = a.username
        row.displayName = VNText.nfc(a.displayName)
        row.role = a.role.rawValue
        row.$unit.id = try await requireUnitID(a.unitCode, "Tài khoản \(a.username)")
        row.passwordHash = passwordHash
        row.disabled = a.disabled
        row.language = a.language.rawValue
        row.createdAt = Date()
        try await row.create(on: db)
    }

    public static func isValidUsername(_ s: String) -> Bool {
        (3...64).contains(s.count) && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    public func account(username: String) async throws -> (account: Account, passwordHash: String)? {
        guard let row = try await UserModel.query(on: db).filter(\.$username == username).with(\.$unit).first() else { return nil }
        return (row.domain(), row.passwordHash)
    }

    public func setPasswordHash(username: String, hash: String) async throws {
        guard let row = try await UserModel.query(on: db).filter(\.$username == username).first() else {
            throw StoreError.notFound("tài khoản \(username)")
        }
        row.passwordHash = hash
        try await row.update(on: db)
    }

    /// Stores the hash of a new API token for a user.
    public func createToken(username: String, tokenHash: String) async throws {
        guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else {
            throw StoreError.notFound("tài khoản \(username)")
        }
        guard !user.disabled else { throw StoreError.invalid("Tài khoản \(username) đã bị khóa") }
        let t = APITokenModel()
        t.$user.id = try user.requireID()
        t.tokenHash = tokenHash
        t.createdAt = Date()
        try await t.create(on: db)
    }

    /// The account a live token belongs to; `nil` for unknown, revoked or disabled.
    /// One statement, as for a session: every API request asks this first.
    public func account(tokenHash: String) async throws -> Account? {
        guard let r = try await sql.raw("""
            SELECT u.username, u.display_name, u.role, u.disabled, u.language, n.code
            FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN units n ON n.id = u.unit_id
            WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL
            """).first(), try !r.decode(column: "disabled", as: Bool.self) else { return nil }
        return try Self.account(r)
    }

    /// An account from a row of users joined with its unit (`code`).
    static func account(_ r: any SQLRow) throws -> Account {
        Account(username: try r.decode(column: "username", as: String.self),
                displayName: try r.decode(column: "display_name", as: String.self),
                role: Role(rawValue: try r.decode(column: "role", as: String.self)) ?? .viewer,
                unitCode: try r.decode(column: "code", as: String.self), disabled: try r.decode(column: "disabled", as: Bool.self),
                language: Language(rawValue: try r.decode(column: "language", as: String.self)) ?? .vi)
    }

    public func revokeTokens(username: String) async throws -> Int {
        guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else {
            throw StoreError.notFound("tài khoản \(username)")
        }
        let live = try await APITokenModel.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$revokedAt == nil).all()
        for t in live {
            t.revokedAt = Date()
            try await t.update(on: db)
        }
        return live.count
    }
}

extension UserModel {
    func domain() -> Account {
        Account(username: username, displayName: displayName, role: Role(rawValue: role) ?? .viewer,
                unitCode: $unit.value?.code ?? "", disabled: disabled, language: Language(rawValue: language) ?? .vi)
    }
}
