import DXStore
import FluentKit
import Foundation
import SQLKit

/// The databases every store, web and command-line test runs on: a fresh SQLite file always,
/// and the PostgreSQL database named by `DXTRACK_TEST_POSTGRES_URL` when it is set.
public enum TestDatabases {
    public static var postgresURL: String? {
        let v = ProcessInfo.processInfo.environment["DXTRACK_TEST_POSTGRES_URL"]
        return (v?.isEmpty ?? true) ? nil : v
    }

    /// False when `DXTRACK_TEST_DATABASES=postgres` and a PostgreSQL URL is set: CI runs the
    /// whole suite on SQLite first, then only the PostgreSQL half of each test, instead of
    /// running every SQLite case twice.
    public static var includesSQLite: Bool {
        guard postgresURL != nil else { return true }
        return ProcessInfo.processInfo.environment["DXTRACK_TEST_DATABASES"] != "postgres"
    }

    /// A new SQLite file path in a fresh temporary folder.
    public static func sqlitePath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("test.sqlite").path
    }

    public static func all() throws -> [DatabaseURL] {
        var list: [DatabaseURL] = includesSQLite ? [.sqlite(path: sqlitePath())] : []
        if let pg = postgresURL { list.append(try DatabaseURL(parsing: pg)) }
        return list
    }

    /// Empties a PostgreSQL test database: everything in its public schema is dropped.
    public static func reset(_ url: DatabaseURL) async throws {
        guard case .postgres = url else { return }
        let runtime = try StoreRuntime(url: url)
        do {
            let sql = runtime.database as! any SQLDatabase
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    /// Runs `body` once per test database, each empty and migrated.
    public static func each(_ body: (StoreRuntime) async throws -> Void) async throws {
        for url in try all() {
            try await reset(url)
            let runtime = try StoreRuntime(url: url)
            do {
                try await runtime.migrate()
                try await body(runtime)
            } catch {
                await runtime.shutdown()
                throw TestFailure(database: url.kindName, underlying: error)
            }
            await runtime.shutdown()
        }
    }

    /// Runs `body` once per test database, each holding what `load` writes (see `prepare`).
    public static func each(snapshot: String, load: @escaping @Sendable (StoreRuntime) async throws -> Void,
                            _ body: (StoreRuntime) async throws -> Void) async throws {
        for url in try all() {
            try await prepare(url, snapshot: snapshot, load: load)
            let runtime = try StoreRuntime(url: url)
            do {
                try await body(runtime)
            } catch {
                await runtime.shutdown()
                throw TestFailure(database: url.kindName, underlying: error)
            }
            await runtime.shutdown()
        }
    }

    public struct TestFailure: Error, CustomStringConvertible {
        public let database: String
        public let underlying: any Error
        public init(database: String, underlying: any Error) {
            self.database = database
            self.underlying = underlying
        }
        public var description: String { "[\(database)] \(underlying)" }
    }
}
