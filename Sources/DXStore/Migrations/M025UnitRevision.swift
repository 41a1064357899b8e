import FluentKit
import SQLKit

/// A token that changes with every write to `units`, set by triggers so that no write path can
/// forget it: a server keeps the unit table it last read and reads it again only when the token
/// differs (`UnitRowsCache`). The token is random rather than a counter, so a database restored
/// or rebuilt under a running server can never come back to a token it has already seen.
struct M025UnitRevision: TransactionalMigration {
    var name: String { "025_unit_revision" }

    func up(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE TABLE unit_revision (id INTEGER PRIMARY KEY, token BIGINT NOT NULL)").run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("INSERT INTO unit_revision (id, token) VALUES (1, random())").run()
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: "units_revision_" + event.lowercased()) AFTER \(unsafeRaw: event) ON units
                    BEGIN UPDATE unit_revision SET token = random(); END
                    """).run()
            }
        } else {
            try await sql.raw("INSERT INTO unit_revision (id, token) VALUES (1, \(unsafeRaw: Self.postgresRandom))").run()
            try await sql.raw("""
                CREATE FUNCTION units_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE unit_revision SET token = \(unsafeRaw: Self.postgresRandom); RETURN NULL; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER units_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
                FOR EACH STATEMENT EXECUTE FUNCTION units_revision_bump()
                """).run()
        }
    }

    /// 63 random bits.
    static let postgresRandom = "(floor(random() * 4294967296)::bigint * 2147483648 + floor(random() * 2147483648)::bigint)"

    func down(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for event in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "units_revision_" + event)").run()
            }
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS units_revision ON units").run()
            try await sql.raw("DROP FUNCTION IF EXISTS units_revision_bump()").run()
        }
        try await sql.raw("DROP TABLE IF EXISTS unit_revision").run()
    }
}
