import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix

extension DatabaseURL {
    /// The Fluent configuration for this address. Creates the SQLite folder when needed.
    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.cannotCreateFolder(folder, reason: "không có quyền ghi hoặc đường dẫn không hợp lệ")
                }
                guard FileManager.default.isWritableFile(atPath: folder) else {
                    throw StoreError.cannotCreateFolder(folder, reason: "không có quyền ghi")
                }
            }
            SQLiteConnectionSettings.install()
            return .sqlite(.file(path), sqlLogLevel: .trace)
        case .postgres(let url):
            var configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw DatabaseURL.Invalid(text: description)
            }
            // No JIT compilation: this is short statements, where PostgreSQL 15's JIT (on by
            // default) compiled a three-row read of the revision tokens for 30–70 ms because the
            // planner, before the first ANALYZE of those tables, took each for 2,040 rows.
            configuration.coreConfiguration.options.additionalStartupParameters.append(("jit", "off"))
            return .postgres(configuration: configuration, encodingContext: .default, decodingContext: .default, sqlLogLevel: .trace)
        }
    }

    public var databaseID: DatabaseID {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .psql
        }
    }
}

/// Owns a database connection pool outside a web server: for the command line and tests.
public final class StoreRuntime: Sendable {
    public let url: DatabaseURL
    private let threadPool: NIOThreadPool
    private let databases: Databases
    private let logger: Logger

    /// The logger defaults to warnings only: migrations and queries are not news on a terminal.
    public init(url: DatabaseURL, logger: Logger = StoreRuntime.quietLogger) throws {
        self.url = url
        self.logger = logger
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try url.configuration(), as: url.databaseID)
    }

    public static var quietLogger: Logger {
        var l = Logger(label: "dxtrack.store")
        l.logLevel = .warning
        return l
    }

    public var database: any Database {
        databases.database(url.databaseID, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    public var store: Store { Store(database) }

    public func migrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(DXMigrations.all, to: url.databaseID)
        return Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
    }

    /// Applies pending migrations; returns their names.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await Store(database).checkConnection(url)
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().map { $0.0.name }
        try await migrator.prepareBatch().get()
        return pending
    }

    /// Names of migrations not yet applied.
    public func pendingMigrations() async throws -> [String] {
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }

    /// Reverts everything: for tests that need an empty database.
    public func revertAll() async throws {
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }
}
