import DXStore
import FluentKit
import NIOCore
import SQLKit
import Vapor

/// Times every statement the application sends to its database, for `/metrics`. A wrapper
/// around the configured driver: Fluent's queries and the store's SQL go through it alike,
/// inside transactions too.
struct TimedDatabaseConfiguration: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    let record: @Sendable (_ operation: String, _ nanoseconds: UInt64) -> Void

    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        TimedDriver(inner: inner.makeDriver(for: databases), record: record)
    }
}

extension DatabaseConfigurationFactory {
    func timed(_ record: @escaping @Sendable (String, UInt64) -> Void) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { TimedDatabaseConfiguration(inner: self.make(), record: record) }
    }
}

struct TimedDriver: DatabaseDriver {
    let inner: any DatabaseDriver
    let record: @Sendable (String, UInt64) -> Void

    func makeDatabase(with context: DatabaseContext) -> any Database {
        TimedDatabase(inner: inner.makeDatabase(with: context), record: record)
    }

    func shutdown() { inner.shutdown() }
    func shutdownAsync() async { await inner.shutdownAsync() }
}

struct TimedDatabase: Database, SQLDatabase, DatabaseWrapper {
    let inner: any Database
    var wrappedDatabase: any Database { inner }
    let record: @Sendable (String, UInt64) -> Void

    private var sql: any SQLDatabase { inner as! any SQLDatabase }

    private func timed<T>(_ operation: String, _ future: () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let start = DispatchTime.now().uptimeNanoseconds
        return future().always { _ in record(operation, DispatchTime.now().uptimeNanoseconds - start) }
    }

    // Database
    var context: DatabaseContext { inner.context }
    var inTransaction: Bool { inner.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> ()) -> EventLoopFuture<Void> {
        timed("query") { inner.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        timed("schema") { inner.execute(schema: schema) }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        timed("schema") { inner.execute(enum: `enum`) }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let record = self.record
        return inner.transaction { closure(TimedDatabase(inner: $0, record: record)) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let record = self.record
        return inner.withConnection { closure(TimedDatabase(inner: $0, record: record)) }
    }

    // SQLDatabase
    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        timed("sql") { sql.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record("sql", DispatchTime.now().uptimeNanoseconds - start) }
        try await sql.execute(sql: query, onRow)
    }
}
