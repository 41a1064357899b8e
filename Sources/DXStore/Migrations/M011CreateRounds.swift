import FluentKit

/// Reporting rounds and the units expected in each, with the workflow state and the version
/// number used for optimistic concurrency. Figures themselves stay in data_values and
/// task_reports, where evaluation reads them.
struct M011CreateRounds: TransactionalMigration {
    var name: String { "011_create_rounds" }

    func up(_ db: any Database) async throws {
        try await db.schema("rounds")
            .id()
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("period", .string, .required)
            .field("plan_codes", .string, .required)
            .field("indicator_scope", .string, .required)
            .field("task_scope", .string, .required)
            .field("narrative_sections", .string, .required)
            .field("deadlines", .string, .required)
            .field("default_deadline", .string, .required)
            .field("lock_date", .string)
            .field("change_factor", .double, .required)
            .field("closed", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await db.schema("round_units")
            .id()
            .field("round_id", .uuid, .required, .references("rounds", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("deadline", .string, .required)
            .field("state", .string, .required)
            .field("version", .int, .required)
            .field("narrative", .string, .required)
            .field("first_submitted_at", .datetime)
            .field("submitted_at", .datetime)
            .field("late", .bool, .required)
            .field("approved_at", .datetime)
            .field("return_comment", .string)
            .field("updated_at", .datetime)
            .field("updated_by", .string)
            .unique(on: "round_id", "unit_id")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("round_units").delete()
        try await db.schema("rounds").delete()
    }
}
