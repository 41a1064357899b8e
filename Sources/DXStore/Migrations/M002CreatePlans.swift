import FluentKit

struct M002CreatePlans: TransactionalMigration {
    var name: String { "002_create_plans" }

    func up(_ db: any Database) async throws {
        try await db.schema("plans")
            .id()
            .field("code", .string, .required)
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("issuer_id", .uuid, .required, .references("units", "id"))
            .field("issued", .string)
            .field("horizon_from", .int, .required)
            .field("horizon_to", .int, .required)
            .field("parent_code", .string)
            .field("archived_at", .datetime)
            .field("search_key", .string, .required)
            .unique(on: "code")
            .unique(on: "slug")
            .create()
        try await db.schema("pillars")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .unique(on: "plan_id", "code")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("pillars").delete()
        try await db.schema("plans").delete()
    }
}
