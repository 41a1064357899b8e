import DXCore
import FluentKit
import Foundation

/// A live web session: the account and the CSRF token of its forms.
public struct SessionInfo: Sendable {
    public var account: Account
    public var csrfToken: String
    public var expiresAt: Date
}

extension Store {
    public func createSession(username: String, tokenHash: String, csrfToken: String, expiresAt: Date, ip: String?) async throws {
        guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else {
            throw StoreError.notFound("tài khoản \(username)")
        }
        let s = SessionModel()
        s.tokenHash = tokenHash
        s.$user.id = try user.requireID()
        s.csrfToken = csrfToken
        s.createdAt = Date()
        s.expiresAt = expiresAt
        s.ip = ip
        try await s.create(on: db)
    }

    /// The session of a cookie, if it is live and its account is not disabled.
    public func session(tokenHash: String, now: Date = Date()) async throws -> SessionInfo? {
        guard let s = try await SessionModel.query(on: db).filter(\.$tokenHash == tokenHash)
            .with(\.$user, { $0.with(\.$unit) }).first() else { return nil }
        guard s.expiresAt > now, !s.user.disabled else { return nil }
        return SessionInfo(account: s.user.domain(), csrfToken: s.csrfToken, expiresAt: s.expiresAt)
    }

    public func deleteSession(tokenHash: String) async throws {
        try await SessionModel.query(on: db).filter(\.$tokenHash == tokenHash).delete()
    }

    /// Ends every session of an account (after disabling it or resetting its password).
    public func deleteSessions(username: String) async throws {
        guard let user = try await UserModel.query(on: db).filter(\.$username == username).first() else { return }
        try await SessionModel.query(on: db).filter(\.$user.$id == user.requireID()).delete()
    }

    /// Drops expired sessions and login attempts older than `keepAttempts`: both tables
    /// would otherwise only grow. Called on every login, which is rare enough.
    public func pruneSessions(now: Date = Date(), keepAttempts: TimeInterval = 24 * 3600) async throws {
        try await SessionModel.query(on: db).filter(\.$expiresAt < now).delete()
        try await LoginAttemptModel.query(on: db).filter(\.$at < now.addingTimeInterval(-keepAttempts)).delete()
    }

    public func recordLoginAttempt(username: String, ip: String, succeeded: Bool, at: Date = Date()) async throws {
        let a = LoginAttemptModel()
        a.username = username.lowercased()
        a.ip = ip
        a.at = at
        a.succeeded = succeeded
        try await a.create(on: db)
    }

    /// Failed logins for this username from this address since `since`, not counting those
    /// before the last successful one.
    public func recentLoginFailures(username: String, ip: String, since: Date) async throws -> (count: Int, oldest: Date?) {
        let rows = try await LoginAttemptModel.query(on: db)
            .filter(\.$username == username.lowercased()).filter(\.$ip == ip).filter(\.$at >= since)
            .sort(\.$at).all()
        var failures: [Date] = []
        for r in rows {
            if r.succeeded { failures.removeAll() } else { failures.append(r.at) }
        }
        return (failures.count, failures.first)
    }
}
