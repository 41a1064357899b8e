import FluentKit
import SQLKit

/// Indexes for reading only the slice of facts a page shows (`Store+FactSlices`): values and
/// task reports by item and period (the unique keys lead with the unit, so a period filter
/// would scan every unit's rows), and units by parent for the subtree walk. The same indexes
/// serve the loose index scan that lists a plan's reported periods without reading its values.
struct M022AddFactSliceIndexes: TransactionalMigration {
    var name: String { "022_add_fact_slice_indexes" }

    static let indexes = [
        ("data_values_indicator_period", "data_values", "indicator_id, period"),
        ("task_reports_task_period", "task_reports", "task_id, period"),
        ("units_parent", "units", "parent_id"),
    ]

    func up(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, table, columns) in Self.indexes {
            try await sql.raw("CREATE INDEX IF NOT EXISTS \(ident: name) ON \(ident: table) (\(unsafeRaw: columns))").run()
        }
    }

    func down(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, _, _) in Self.indexes {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: name)").run()
        }
    }
}
