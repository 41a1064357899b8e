import FluentKit

/// A unit's own choices for the heading and signature of the reports it issues
/// (`UnitReportHeading`), one row per unit. Keyed by the unit's row, not its code, because a
/// code may name another unit after the 2025 reform.
/// (Number 019 was developed beside this one; 020 is not used.)
struct M021CreateUnitReportHeadings: TransactionalMigration {
    var name: String { "021_create_unit_report_headings" }

    func up(_ db: any Database) async throws {
        try await db.schema("unit_report_headings")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("heading", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "unit_id")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("unit_report_headings").delete()
    }
}
