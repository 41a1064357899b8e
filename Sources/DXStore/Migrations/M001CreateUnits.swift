import FluentKit

struct M001CreateUnits: TransactionalMigration {
    var name: String { "001_create_units" }

    func up(_ db: any Database) async throws {
        try await db.schema("units")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references("units", "id"))
            .field("valid_from", .string)
            .field("valid_to", .string)
            .field("successor_code", .string)
            .field("search_key", .string, .required)
            .unique(on: "code")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("units").delete()
    }
}
