import FluentKit

/// The subtree rollups (`Store+SubtreeRollups`): per unit version, indicator and stored period,
/// the counted figures strictly below the unit as one summed row. Keyed by unit first, since a
/// page reads the rows of the children it shows. Derived data: kept by every write in its own
/// transaction, left out of backups and rebuilt by a restore; filled here for a database that
/// already holds figures.
struct M026SubtreeRollups: TransactionalMigration {
    var name: String { "026_subtree_rollups" }

    func up(_ db: any Database) async throws {
        try await db.schema(Store.rollupTable)
            .field("unit_id", .uuid, .required, .references("units", "id", onDelete: .cascade))
            .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
            .field("period", .string, .required)
            .field("bad_rate", .int64, .required)
            .field("bad_number", .int64, .required)
            .field("frontier", .int64, .required)
            .field("numerator", .double)
            .field("denominator", .double)
            .field("value", .double)
            .field("reporting", .int64, .required)
            .unique(on: "unit_id", "indicator_id", "period")
            .create()
        try await Store(db).rebuildRollups()
    }

    func down(_ db: any Database) async throws {
        try await db.schema(Store.rollupTable).delete()
    }
}
