import FluentKit
import Foundation
import SQLKit

/// Units with validity (issue 15): a code names one unit on a given day, not for ever, so the
/// unique constraint on `units.code` goes (the store refuses two units with one code valid on
/// the same day, on both databases), `code` gets a plain index, and `unit_links` records which
/// closed version went to which successor, with the share it took.
///
/// SQLite cannot drop a constraint: the table is rebuilt the documented way, with foreign keys
/// off on one pinned connection around the transaction (they cannot be switched inside one),
/// and `foreign_key_check` must be clean before it commits.
struct M023UnitVersions: AsyncMigration {
    var name: String { "023_unit_versions" }

    func prepare(on database: any Database) async throws {
        try await change(database, unique: false)
    }

    func revert(on database: any Database) async throws {
        try await change(database, unique: true)
    }

    private func change(_ database: any Database, unique: Bool) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await database.withConnection { conn in
                let c = conn as! any SQLDatabase
                try await c.raw("PRAGMA foreign_keys = OFF").run()
                do {
                    try await conn.transaction { tx in try await Self.sqlite(tx, unique: unique) }
                } catch {
                    try? await c.raw("PRAGMA foreign_keys = ON").run()
                    throw error
                }
                try await c.raw("PRAGMA foreign_keys = ON").run()
            }
        } else {
            try await database.transaction { tx in
                let s = tx as! any SQLDatabase
                if unique {
                    try await s.raw("DROP TABLE unit_links").run()
                    try await s.raw("DROP INDEX units_code").run()
                    try await s.raw("ALTER TABLE units ADD CONSTRAINT \"uq:units.code\" UNIQUE (code)").run()
                } else {
                    try await s.raw("ALTER TABLE units DROP CONSTRAINT \"uq:units.code\"").run()
                    try await s.raw("CREATE INDEX units_code ON units (code)").run()
                    try await Self.createLinks(tx)
                }
            }
        }
    }

    private static func sqlite(_ tx: any Database, unique: Bool) async throws {
        let s = tx as! any SQLDatabase
        if unique {
            try await s.raw("DROP TABLE unit_links").run()
            try await s.raw("DROP INDEX units_code").run()
        }
        let row = try await s.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'units'").first()
        guard let ddl = try row?.decode(column: "sql", as: String.self) else { throw MigrationProblem("no units table") }
        let constraint = ", CONSTRAINT \"uq:units.code\" UNIQUE (\"code\")"
        var rebuilt = ddl.replacingOccurrences(of: "CREATE TABLE \"units\"", with: "CREATE TABLE \"units_rebuilt\"")
        if unique {
            guard let close = rebuilt.lastIndex(of: ")") else { throw MigrationProblem("units: unexpected schema") }
            rebuilt.insert(contentsOf: constraint, at: close)
        } else {
            let pattern = #",\s*CONSTRAINT\s+"uq:units\.code"\s+UNIQUE\s*\(\s*"code"\s*\)"#
            let without = rebuilt.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
            guard without != rebuilt else { throw MigrationProblem("units: unique constraint on code not found in \(ddl)") }
            rebuilt = without
        }
        try await s.raw(SQLQueryString(rebuilt)).run()
        try await s.raw("INSERT INTO units_rebuilt SELECT * FROM units").run()
        try await s.raw("DROP TABLE units").run()
        try await s.raw("ALTER TABLE units_rebuilt RENAME TO units").run()
        if !unique {
            try await s.raw("CREATE INDEX units_code ON units (code)").run()
            try await createLinks(tx)
        }
        let broken = try await s.raw("PRAGMA foreign_key_check").all()
        guard broken.isEmpty else { throw MigrationProblem("units: \(broken.count) broken references after the rebuild") }
    }

    private static func createLinks(_ tx: any Database) async throws {
        try await tx.schema("unit_links")
            .id()
            .field("predecessor_id", .uuid, .required, .references("units", "id"))
            .field("successor_id", .uuid, .required, .references("units", "id"))
            .field("kind", .string, .required)
            .field("effective", .string, .required)
            .field("share", .double)
            .field("is_default", .bool, .required)
            .field("batch_id", .uuid, .required)
            .unique(on: "predecessor_id", "successor_id")
            .create()
        let s = tx as! any SQLDatabase
        try await s.raw("CREATE INDEX unit_links_successor ON unit_links (successor_id)").run()
    }
}

struct MigrationProblem: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = "Migration 023: " + d }
}
