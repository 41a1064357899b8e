import FluentKit

struct M003CreateIndicators: TransactionalMigration {
    var name: String { "003_create_indicators" }

    func up(_ db: any Database) async throws {
        try await db.schema("indicators")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("pillar_code", .string)
            .field("measure", .string, .required)
            .field("numerator_definition", .string)
            .field("denominator_definition", .string)
            .field("unit_of_measure", .string)
            .field("aggregation", .string, .required)
            .field("temporal", .string, .required)
            .field("direction", .string, .required)
            .field("responsible_unit_id", .uuid, .references("units", "id"))
            .field("allows_over_hundred", .bool, .required)
            .field("position", .int, .required)
            .field("archived_at", .datetime)
            .field("search_key", .string, .required)
            .unique(on: "plan_id", "code")
            .create()
        try await db.schema("targets")
            .id()
            .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("level", .string, .required)
            .field("comparator", .string, .required)
            .field("value", .double)
            .field("upper", .double)
            .field("text", .string, .required)
            .unique(on: "indicator_id", "year", "level")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("targets").delete()
        try await db.schema("indicators").delete()
    }
}
