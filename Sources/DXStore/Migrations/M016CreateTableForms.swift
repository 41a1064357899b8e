import FluentKit
import SQLKit

/// Table forms (biểu mẫu) as data, the rows units enter for a period, and the forms a round
/// asks for. Entries are keyed by period like data values, so a report appendix reads them
/// whichever round collected them.
struct M016CreateTableForms: TransactionalMigration {
    var name: String { "016_create_table_forms" }

    func up(_ db: any Database) async throws {
        try await db.schema("table_forms")
            .id()
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("definition", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await db.schema("form_entries")
            .id()
            .field("form_id", .uuid, .required, .references("table_forms", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("period", .string, .required)
            .field("row_key", .string, .required)
            .field("cells", .string, .required)
            .field("author", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "form_id", "unit_id", "period", "row_key")
            .create()
        try await db.schema("rounds").field("form_codes", .string, .required, .sql(.default("[]"))).update()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("rounds").deleteField("form_codes").update()
        try await db.schema("form_entries").delete()
        try await db.schema("table_forms").delete()
    }
}
