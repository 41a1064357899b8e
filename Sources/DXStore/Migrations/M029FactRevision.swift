import FluentKit
import SQLKit

/// A token that changes with every write to what evaluations and reporting progress read
/// beside units and plans: figures, task reports, rounds and their units' states, the links
/// between unit versions, and accounts (a late unit's contacts). Set by triggers, as the units'
/// (M025) and plans' (M028) tokens are, so that a page computed from them can be kept until one
/// of the three changes (`ResultCache`) and no write path — the web, the CLI, another
/// server instance — can forget to say so. Random, for the same reason as the units' token.
struct M029FactRevision: TransactionalMigration {
    var name: String { "029_fact_revision" }

    static let tables = ["data_values", "task_reports", "rounds", "round_units", "unit_links", "users"]

    static func sqliteTrigger(table: String, event: String) -> String {
        "\(table)_fact_revision_\(event.lowercased())"
    }

    static func sqliteTriggerSQL(table: String, event: String) -> String {
        """
        CREATE TRIGGER \(sqliteTrigger(table: table, event: event)) AFTER \(event.uppercased()) ON \(table) \
        BEGIN UPDATE fact_revision SET token = random(); END
        """
    }

    func up(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE TABLE fact_revision (id INTEGER PRIMARY KEY, token BIGINT NOT NULL)").run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("INSERT INTO fact_revision (id, token) VALUES (1, random())").run()
            for table in Self.tables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw("\(unsafeRaw: Self.sqliteTriggerSQL(table: table, event: event))").run()
                }
            }
        } else {
            try await sql.raw("INSERT INTO fact_revision (id, token) VALUES (1, \(unsafeRaw: M025UnitRevision.postgresRandom))").run()
            try await sql.raw("""
                CREATE FUNCTION fact_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE fact_revision SET token = \(unsafeRaw: M025UnitRevision.postgresRandom); RETURN NULL; END $$
                """).run()
            for table in Self.tables {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table + "_fact_revision") AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(unsafeRaw: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION fact_revision_bump()
                    """).run()
            }
        }
    }

    func down(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for table in Self.tables {
            if sql.dialect.name == "sqlite" {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: Self.sqliteTrigger(table: table, event: event))").run()
                }
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table + "_fact_revision") ON \(unsafeRaw: table)").run()
            }
        }
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS fact_revision_bump()").run() }
        try await sql.raw("DROP TABLE IF EXISTS fact_revision").run()
    }
}
