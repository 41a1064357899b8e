import FluentKit

/// Web login sessions live in the database, not in memory, so several instances behind a load
/// balancer share them; failed logins are counted there too for the same reason.
struct M010CreateSessions: TransactionalMigration {
    var name: String { "010_create_sessions" }

    func up(_ db: any Database) async throws {
        try await db.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ip", .string)
            .unique(on: "token_hash")
            .create()
        try await db.schema("login_attempts")
            .id()
            .field("username", .string, .required)
            .field("ip", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("login_attempts").delete()
        try await db.schema("sessions").delete()
    }
}
