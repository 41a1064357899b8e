import FluentKit
import SQLKit

/// The audit trail, and the evidence document of a task report. Audit rows refer to rounds,
/// units and accounts by code, not by foreign key, so they outlive whatever they describe.
struct M012CreateAudit: TransactionalMigration {
    var name: String { "012_create_audit" }

    func up(_ db: any Database) async throws {
        try await db.schema("task_reports").field("evidence", .string).update()
        try await db.schema("audit_entries")
            .id()
            .field("at", .datetime, .required)
            .field("username", .string, .required)
            .field("ip", .string)
            .field("round_code", .string)
            .field("unit_code", .string)
            .field("plan_code", .string)
            .field("subject", .string, .required)
            .field("subject_code", .string)
            .field("field", .string, .required)
            .field("old_value", .string)
            .field("new_value", .string)
            .field("version", .int)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "audit_entries_round_unit").on("audit_entries").column("round_code").column("unit_code").run()
            try await sql.create(index: "login_attempts_user_ip").on("login_attempts").column("username").column("ip").run()
        }
    }

    func down(_ db: any Database) async throws {
        try await db.schema("audit_entries").delete()
        try await db.schema("task_reports").deleteField("evidence").update()
    }
}
