import FluentKit

struct M005CreateDocuments: TransactionalMigration {
    var name: String { "005_create_documents" }

    func up(_ db: any Database) async throws {
        try await db.schema("documents")
            .id()
            .field("number", .string, .required)
            .field("summary", .string, .required)
            .field("issued", .string)
            .field("issuer", .string, .required)
            .field("issuer_unit_id", .uuid, .references("units", "id"))
            .field("signer", .string)
            .field("search_key", .string, .required)
            .unique(on: "number")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("documents").delete()
    }
}
