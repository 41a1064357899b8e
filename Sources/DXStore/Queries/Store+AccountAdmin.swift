import DXCore
import FluentKit
import Foundation

/// Who did a change and from where: written into the audit trail.
public struct Actor: Sendable {
    public var username: String
    public var ip: String?
    public init(username: String, ip: String? = nil) {
        self.username = username
        self.ip = ip
    }
    public static let system = Actor(username: "system")
}

extension Store {
    public func accounts() async throws -> [Account] {
        try await UserModel.query(on: db).with(\.$unit).sort(\.$username).all().map { $0.domain() }
    }

    /// Creates an account and records it in the audit trail.
    public func createAccount(_ a: Account, passwordHash: String, by actor: Actor) async throws {
        try await db.transaction { tx in
            let s = Store(tx)
            try await s.createAccount(a, passwordHash: passwordHash)
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, unitCode: a.unitCode, subject: "account",
                                               subjectCode: a.username, field: "created", old: nil,
                                               new: "\(a.role.rawValue) @ \(a.unitCode)"))
        }
    }

    /// Disables or enables an account; disabling also ends its sessions and revokes its tokens.
    public func setDisabled(username: String, _ disabled: Bool, by actor: Actor) async throws {
        try await db.transaction { tx in
            let s = Store(tx)
            guard let row = try await UserModel.query(on: tx).filter(\.$username == username).with(\.$unit).first() else {
                throw StoreError.notFound("tài khoản \(username)")
            }
            guard row.disabled != disabled else { return }
            row.disabled = disabled
            try await row.update(on: tx)
            if disabled {
                try await s.deleteSessions(username: username)
                _ = try await s.revokeTokens(username: username)
            }
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, unitCode: row.unit.code, subject: "account",
                                               subjectCode: username, field: "disabled", old: String(!disabled), new: String(disabled)))
        }
    }

    /// Sets a new password hash and ends the account's sessions.
    public func resetPassword(username: String, hash: String, by actor: Actor) async throws {
        try await db.transaction { tx in
            let s = Store(tx)
            try await s.setPasswordHash(username: username, hash: hash)
            try await s.deleteSessions(username: username)
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, subject: "account", subjectCode: username,
                                               field: "password", old: nil, new: "(đặt lại)"))
        }
    }

    /// Stores the interface language an account chose; recorded like every change of an account.
    public func setLanguage(username: String, _ language: Language, by actor: Actor) async throws {
        try await db.transaction { tx in
            let s = Store(tx)
            guard let row = try await UserModel.query(on: tx).filter(\.$username == username).with(\.$unit).first() else {
                throw StoreError.notFound("tài khoản \(username)")
            }
            guard row.language != language.rawValue else { return }
            let old = row.language
            row.language = language.rawValue
            try await row.update(on: tx)
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, unitCode: row.unit.code, subject: "account",
                                               subjectCode: username, field: "language", old: old, new: language.rawValue))
        }
    }
}
