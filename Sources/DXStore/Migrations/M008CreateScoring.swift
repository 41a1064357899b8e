import FluentKit

/// Scoring schemes (bộ chỉ số) are stored whole as JSON: they are edited and versioned as
/// documents, and read whole whenever a ranking is computed. Inputs are one row per unit and
/// criterion so that a unit's submission can be changed and audited criterion by criterion.
struct M008CreateScoring: TransactionalMigration {
    var name: String { "008_create_scoring" }

    func up(_ db: any Database) async throws {
        try await db.schema("scoring_schemes")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("year", .int, .required)
            .field("definition", .string, .required)
            .unique(on: "code")
            .create()
        try await db.schema("scoring_inputs")
            .id()
            .field("scheme_id", .uuid, .required, .references("scoring_schemes", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("criterion_code", .string, .required)
            .field("numerator", .double)
            .field("denominator", .double)
            .field("value", .double)
            .field("grade", .string)
            .field("evidence", .string, .required)
            .field("author", .string)
            .field("updated_at", .datetime)
            .unique(on: "scheme_id", "unit_id", "criterion_code")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("scoring_inputs").delete()
        try await db.schema("scoring_schemes").delete()
    }
}
