import FluentKit

struct M004CreateTasks: TransactionalMigration {
    var name: String { "004_create_tasks" }

    func up(_ db: any Database) async throws {
        try await db.schema("tasks")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("sub_items", .string, .required)
            .field("pillar_code", .string)
            .field("lead_unit_id", .uuid, .references("units", "id"))
            .field("lead_text", .string, .required)
            .field("cooperating_text", .string, .required)
            .field("deadline", .string)
            .field("deadline_text", .string)
            .field("evidence", .string, .required)
            .field("position", .int, .required)
            .field("archived_at", .datetime)
            .field("search_key", .string, .required)
            .unique(on: "plan_id", "code")
            .create()
        try await db.schema("task_cooperators")
            .id()
            .field("task_id", .uuid, .required, .references("tasks", "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .unique(on: "task_id", "unit_id")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("task_cooperators").delete()
        try await db.schema("tasks").delete()
    }
}
