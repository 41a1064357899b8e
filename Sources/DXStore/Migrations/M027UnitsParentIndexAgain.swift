import FluentKit
import SQLKit

/// `units (parent_id)` again on SQLite: migration 022 made it, and 023 rebuilt the `units`
/// table (SQLite cannot drop a constraint in place), which dropped it with the old table. Every
/// subtree walk — the recursive CTEs of a page's facts, the rollups' upkeep — then built an
/// automatic index over every unit per query. PostgreSQL altered the table in place and kept it.
struct M027UnitsParentIndexAgain: TransactionalMigration {
    var name: String { "027_units_parent_index_again" }

    func up(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX IF NOT EXISTS units_parent ON units (parent_id)").run()
    }

    func down(_ db: any Database) async throws {
        // PostgreSQL's is still 022's.
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("DROP INDEX IF EXISTS units_parent").run()
    }
}
