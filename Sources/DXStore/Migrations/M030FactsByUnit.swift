import FluentKit
import SQLKit

/// Values by unit and period, for the reads that a unit subtree drives (a page's facts: the
/// unit, its children, the summed frontier). Before, those read through the unique key
/// (indicator, unit, period) one probe per indicator, unit and period, and one more into the
/// table per row: a province's 15,200 figures took 36 ms of SQLite; in this index, one seek
/// per unit and period and the rows side by side, 4 ms.
///
/// On SQLite the index holds every column such a read returns, so the table is not visited
/// (it costs a larger file, about a third, and 0.4 s more to build at the end of a national
/// import). PostgreSQL's index rows have a size limit a long comment could pass, and its
/// index-only scans wait for a vacuum, so there it holds the key alone.
struct M030FactsByUnit: TransactionalMigration {
    var name: String { "030_facts_by_unit" }

    static let index = "data_values_unit_period"
    /// Key columns first; the rest makes the index cover a slice's read (`Store+FactSlices`).
    static let sqliteColumns = "unit_id, period, indicator_id, numerator, denominator, value, text, judgement, comment, author, updated_at"
    static let postgresColumns = "unit_id, period, indicator_id"

    func up(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let columns = sql.dialect.name == "sqlite" ? Self.sqliteColumns : Self.postgresColumns
        try await sql.raw("CREATE INDEX IF NOT EXISTS \(ident: Self.index) ON data_values (\(unsafeRaw: columns))").run()
    }

    func down(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS \(ident: Self.index)").run()
    }
}
