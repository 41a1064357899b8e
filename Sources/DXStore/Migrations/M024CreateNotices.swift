import FluentKit
import SQLKit

/// Notices by e-mail: the outbox (`notices`, written in the transaction of the change it tells
/// of, sent later by the server's sender), the accounts' addresses (`notice_addresses`, one row
/// per account, kept apart from the login data) and each round's reminder days.
struct M024CreateNotices: TransactionalMigration {
    var name: String { "024_create_notices" }

    func up(_ db: any Database) async throws {
        try await db.schema("rounds").field("reminder_days", .string, .required, .sql(.default("3,1"))).update()
        try await db.schema("notice_addresses")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("address", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await db.schema("notices")
            .id()
            // One notice per event and account ("returned:round:unit:v7:user",
            // "reminder:round:unit:2025-01-13:user"): a second writer of the same notice (a
            // restart, another instance) inserts nothing.
            .field("dedupe_key", .string, .required)
            .field("kind", .string, .required)
            .field("username", .string, .required)
            .field("round_code", .string)
            .field("unit_code", .string)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("link_path", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            // A sender's lease on the row while it sends: others skip it until it passes.
            .field("claimed_until", .datetime)
            .field("claimed_by", .string)
            .field("last_error", .string)
            .field("address", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: "notices_due").on("notices").column("status").column("next_attempt_at").run()
        try await sql.create(index: "notices_round").on("notices").column("round_code").run()
        try await sql.create(index: "notices_username").on("notices").column("username").run()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("notices").delete()
        try await db.schema("notice_addresses").delete()
        try await db.schema("rounds").deleteField("reminder_days").update()
    }
}
