import DXCore
import FluentKit
import SQLKit
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

    /// The session of a cookie, if it is live and its account is not disabled. Every signed-in
    /// request asks this first, so it is one joined statement decoded by position rather than
    /// three Fluent queries (session, user, unit) decoded by reflection.
    public func session(tokenHash: String, now: Date = Date()) async throws -> SessionInfo? {
        guard let r = try await sql.raw("""
            SELECT s.csrf_token, s.expires_at, u.username, u.display_name, u.role, u.disabled, u.language, n.code
            FROM sessions s JOIN users u ON u.id = s.user_id JOIN units n ON n.id = u.unit_id
            WHERE s.token_hash = \(bind: tokenHash)
            """).first() else { return nil }
        let expiresAt = try r.decode(column: "expires_at", as: Date.self)
        guard expiresAt > now, try !r.decode(column: "disabled", as: Bool.self) else { return nil }
        return SessionInfo(account: try Self.account(r), csrfToken: try r.decode(column: "csrf_token", as: String.self), expiresAt: expiresAt)
    }

    /// Sessions not yet expired: the gauge of signed-in browsers.
    public func openSessionCount(now: Date = Date()) async throws -> Int {
        try await SessionModel.query(on: db).filter(\.$expiresAt > now).count()
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
        let old = Int(now.addingTimeInterval(-keepAttempts).timeIntervalSince1970)
        try await sql.raw("DELETE FROM login_throttle WHERE window_start < \(bind: old)").run()
    }

    public func recordLoginAttempt(username: String, ip: String, succeeded: Bool, at: Date = Date()) async throws {
        let a = LoginAttemptModel()
        a.username = username.lowercased()
        a.ip = ip
        a.at = at
        a.succeeded = succeeded
        try await a.create(on: db)
    }

    /// Counts one login guess in every bucket before its password is checked. Each bucket is
    /// one row changed by a single upsert, which both databases apply atomically, so however
    /// many requests race, at most `limit` of them are granted per window. A refused guess
    /// gives back what it took in the other buckets: hammering one account from an office's
    /// shared address must not lock its colleagues out.
    public func reserveLoginAttempt(_ buckets: [LoginLimits.Bucket], window: TimeInterval, now: Date = Date()) async throws -> LoginReservation {
        let sql = try self.sql
        let nowSeconds = Int(now.timeIntervalSince1970.rounded(.down))
        let expired = nowSeconds - Int(window)
        var taken: [LoginLimits.Bucket] = []
        for bucket in buckets {
            let row = try await sql.raw("""
                INSERT INTO login_throttle (bucket, window_start, attempts) VALUES (\(bind: bucket.key), \(bind: nowSeconds), 1)
                ON CONFLICT (bucket) DO UPDATE SET
                attempts = CASE WHEN login_throttle.window_start <= \(bind: expired) THEN 1 ELSE login_throttle.attempts + 1 END,
                window_start = CASE WHEN login_throttle.window_start <= \(bind: expired) THEN \(bind: nowSeconds) ELSE login_throttle.window_start END
                RETURNING attempts, window_start
                """).first()
            let attempts = try row?.decode(column: "attempts", as: Int.self) ?? 1
            let started = try row?.decode(column: "window_start", as: Int.self) ?? nowSeconds
            taken.append(bucket)
            if attempts > bucket.limit {
                for t in taken { try await giveBack(t.key) }
                return .refused(limit: bucket.limit, until: Date(timeIntervalSince1970: TimeInterval(started) + window))
            }
        }
        return .granted
    }

    /// After a successful login: its own account-and-address failures are forgotten, and the
    /// wider buckets get back the place this attempt took.
    public func releaseLoginAttempt(_ buckets: [LoginLimits.Bucket]) async throws {
        for b in buckets {
            if b.clearedBySuccess {
                try await sql.raw("DELETE FROM login_throttle WHERE bucket = \(bind: b.key)").run()
            } else {
                try await giveBack(b.key)
            }
        }
    }

    private func giveBack(_ key: String) async throws {
        try await sql.raw("UPDATE login_throttle SET attempts = attempts - 1 WHERE bucket = \(bind: key) AND attempts > 0").run()
    }

    /// Guesses checked in a bucket's current count, for tests and the administrator.
    public func loginAttemptsCounted(_ bucket: LoginLimits.Bucket) async throws -> Int {
        let row = try await sql.raw("SELECT attempts FROM login_throttle WHERE bucket = \(bind: bucket.key)").first()
        return try row?.decode(column: "attempts", as: Int.self) ?? 0
    }

    /// Checked login attempts recorded for a username, for tests and the audit of an attack.
    public func loginAttempts(username: String) async throws -> (succeeded: Int, failed: Int) {
        let rows = try await LoginAttemptModel.query(on: db).filter(\.$username == username.lowercased()).all()
        return (rows.filter(\.succeeded).count, rows.filter { !$0.succeeded }.count)
    }
}

public enum LoginReservation: Sendable, Equatable {
    case granted
    /// A bucket is full until `until`.
    case refused(limit: Int, until: Date)
}
