import FluentKit
import SQLKit

/// A token that changes with every write to a plan's contents — the plan, its pillars,
/// indicators, targets, tasks and cooperating units — set by triggers, as `unit_revision` is for
/// units (M025): a server keeps the plans it last read (`PlanContentsCache`) and reads one
/// again only when the token differs. Random, for the same reason as the units' token.
struct M028PlanRevision: TransactionalMigration {
    var name: String { "028_plan_revision" }

    static let tables = ["plans", "pillars", "indicators", "targets", "tasks", "task_cooperators"]

    func up(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE TABLE plan_revision (id INTEGER PRIMARY KEY, token BIGINT NOT NULL)").run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("INSERT INTO plan_revision (id, token) VALUES (1, random())").run()
            for table in Self.tables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: "\(table)_plan_revision_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(unsafeRaw: table)
                        BEGIN UPDATE plan_revision SET token = random(); END
                        """).run()
                }
            }
        } else {
            try await sql.raw("INSERT INTO plan_revision (id, token) VALUES (1, \(unsafeRaw: M025UnitRevision.postgresRandom))").run()
            try await sql.raw("""
                CREATE FUNCTION plan_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE plan_revision SET token = \(unsafeRaw: M025UnitRevision.postgresRandom); RETURN NULL; END $$
                """).run()
            for table in Self.tables {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table + "_plan_revision") AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(unsafeRaw: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION plan_revision_bump()
                    """).run()
            }
        }
    }

    func down(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for table in Self.tables {
            if sql.dialect.name == "sqlite" {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "\(table)_plan_revision_\(event)")").run()
                }
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table + "_plan_revision") ON \(unsafeRaw: table)").run()
            }
        }
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS plan_revision_bump()").run() }
        try await sql.raw("DROP TABLE IF EXISTS plan_revision").run()
    }
}
