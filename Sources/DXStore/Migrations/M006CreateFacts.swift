import FluentKit

struct M006CreateFacts: TransactionalMigration {
    var name: String { "006_create_facts" }

    func up(_ db: any Database) async throws {
        try await db.schema("data_values")
            .id()
            .field("indicator_id", .uuid, .required, .references("indicators", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("period", .string, .required)
            .field("numerator", .double)
            .field("denominator", .double)
            .field("value", .double)
            .field("text", .string)
            .field("judgement", .string)
            .field("comment", .string)
            .field("author", .string)
            .field("updated_at", .datetime)
            .unique(on: "indicator_id", "unit_id", "period")
            .create()
        try await db.schema("task_reports")
            .id()
            .field("task_id", .uuid, .required, .references("tasks", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("period", .string, .required)
            .field("status", .string, .required)
            .field("percent", .double)
            .field("result", .string)
            .field("note", .string)
            .field("author", .string)
            .field("updated_at", .datetime)
            .unique(on: "task_id", "unit_id", "period")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("task_reports").delete()
        try await db.schema("data_values").delete()
    }
}
