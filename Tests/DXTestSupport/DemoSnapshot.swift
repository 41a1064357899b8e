import DXStore
import FluentKit
import Foundation
import SQLKit

extension TestDatabases {
    /// Empties `url`, migrates it and fills it with what `load` writes. The first call of a
    /// process for a `snapshot` name really loads; later calls with that name copy the result
    /// (the SQLite file, or a PostgreSQL template database), because loading the demonstration
    /// data takes seconds on SQLite and tens of seconds on PostgreSQL, and most web tests start
    /// from it. One name, one loader.
    public static func prepare(_ url: DatabaseURL, snapshot: String, load: @escaping @Sendable (StoreRuntime) async throws -> Void) async throws {
        try await Snapshots.shared.prepare(url, snapshot: snapshot, load: load)
    }
}

private actor Snapshots {
    static let shared = Snapshots()

    private var sqliteCopies: [String: String] = [:]
    private var postgresTemplates: Set<String> = []
    /// When the PostgreSQL role may not create databases, every test loads for itself.
    private var postgresTemplateUnavailable = false

    func prepare(_ url: DatabaseURL, snapshot: String, load: @Sendable (StoreRuntime) async throws -> Void) async throws {
        switch url {
        case .sqlite(let path):
            if let copy = sqliteCopies[snapshot] {
                try copySQLite(from: copy, to: path)
                return
            }
            try await loadFresh(url, load)
            let copy = TestDatabases.sqlitePath()
            try copySQLite(from: path, to: copy)
            sqliteCopies[snapshot] = copy
        case .postgres(let text):
            let name = try Self.databaseName(text), template = name + "_" + snapshot
            if postgresTemplates.contains(template) {
                try await maintenance(text, [
                    "DROP DATABASE IF EXISTS \(Self.quoted(name)) WITH (FORCE)",
                    "CREATE DATABASE \(Self.quoted(name)) TEMPLATE \(Self.quoted(template))",
                ])
                return
            }
            try await loadFresh(url, load)
            guard !postgresTemplateUnavailable else { return }
            do {
                try await maintenance(text, [
                    "DROP DATABASE IF EXISTS \(Self.quoted(template)) WITH (FORCE)",
                    "CREATE DATABASE \(Self.quoted(template)) TEMPLATE \(Self.quoted(name))",
                ])
                postgresTemplates.insert(template)
            } catch {
                postgresTemplateUnavailable = true
            }
        }
    }

    private func loadFresh(_ url: DatabaseURL, _ load: @Sendable (StoreRuntime) async throws -> Void) async throws {
        try await TestDatabases.reset(url)
        let runtime = try StoreRuntime(url: url)
        do {
            try await runtime.migrate()
            try await load(runtime)
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    /// The database file with its write-ahead log, if one is left.
    private func copySQLite(from source: String, to target: String) throws {
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: source + suffix) {
            try? fm.removeItem(atPath: target + suffix)
            try fm.copyItem(atPath: source + suffix, toPath: target + suffix)
        }
    }

    /// Runs statements on the server's `postgres` database. A database that was just closed can
    /// still count as in use for a moment, so a refused statement is tried again.
    private func maintenance(_ url: String, _ statements: [String]) async throws {
        guard var c = URLComponents(string: url) else { throw TestDatabases.SnapshotError(url: url) }
        c.path = "/postgres"
        let runtime = try StoreRuntime(url: .postgres(url: c.string ?? url))
        do {
            let sql = runtime.database as! any SQLDatabase
            for statement in statements {
                var attempt = 0
                while true {
                    do {
                        try await sql.raw(SQLQueryString(statement)).run()
                        break
                    } catch {
                        attempt += 1
                        if attempt >= 20 { throw error }
                        try await Task.sleep(nanoseconds: 100_000_000)
                    }
                }
            }
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    static func databaseName(_ url: String) throws -> String {
        guard let c = URLComponents(string: url), c.path.count > 1 else { throw TestDatabases.SnapshotError(url: url) }
        return String(c.path.dropFirst())
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

extension TestDatabases {
    struct SnapshotError: Error, CustomStringConvertible {
        let url: String
        var description: String { "No database name in the test PostgreSQL URL" }
    }
}
