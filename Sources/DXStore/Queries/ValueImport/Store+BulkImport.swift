import DXCore
import FluentKit
import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// One row of a values file as a reader hands it to the import: a value read from its line, or
/// the messages of a row the reader could not make a value of (already "Dòng N: …").
public enum ValueImportRow: Sendable {
    case value(line: Int, DataValue)
    case invalid([String])
}

/// The rows of a values file, pulled one at a time so that a file of any size is imported in
/// bounded memory. `next` throws when the file itself cannot be read on (a broken quote, bytes
/// that are not UTF-8), which stops the import with nothing written.
///
/// `@unchecked Sendable`: the import pulls from it in one task, strictly in sequence; it
/// crosses into the transaction closure only because Fluent's `transaction` takes a
/// `@Sendable` closure.
public final class ValueRows: @unchecked Sendable {
    private let pull: () throws -> ValueImportRow?

    public init(_ next: @escaping () throws -> ValueImportRow?) {
        pull = next
    }

    /// Rows already in memory (a JSON file), numbered by their line or item.
    public convenience init(_ rows: [(line: Int, value: DataValue)]) {
        var i = rows.startIndex
        self.init {
            guard i < rows.endIndex else { return nil }
            defer { i += 1 }
            return .value(line: rows[i].line, rows[i].value)
        }
    }

    func next() throws -> ValueImportRow? { try pull() }
}

extension Store {
    /// SQLite: `body` on one connection with its foreign key checks off, then on again. The
    /// values import resolves every unit and indicator against the catalog it reads inside its
    /// own transaction, and SQLite lets one writer at a time commit on top of what that
    /// transaction read, so the per-row lookups of the foreign keys would only repeat those
    /// checks. (The pragma cannot change inside a transaction: it must come before.) Other
    /// databases, or a store already inside a transaction: `body` as it is.
    func withoutSQLiteForeignKeyChecks<T: Sendable>(_ body: @escaping @Sendable (Store) async throws -> T) async throws -> T {
        guard db.driverDatabase is any SQLiteDatabase, !db.inTransaction else { return try await body(self) }
        return try await db.withConnection { conn in
            let c = try Store(conn).sql
            try await c.raw("PRAGMA foreign_keys = OFF").run()
            do {
                let result = try await body(Store(conn))
                try await c.raw("PRAGMA foreign_keys = ON").run()
                return result
            } catch {
                try? await c.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
        }
    }

    /// How many error messages an import keeps; the rest are only counted.
    static let keptImportErrors = 1_000

    /// The values import: lookups read once, each row checked as `upsertValue` checks it, good
    /// rows gathered in chunks (`ValueChunk`), each chunk sorted in the order of `data_values`'
    /// unique key and written — on SQLite straight into `data_values` through one prepared
    /// upsert (`SQLiteValueWriter`), on PostgreSQL by COPY into a temporary table merged in one
    /// statement at the end (`ValueStage`). Runs inside the caller's transaction; once a row
    /// fails nothing more is written (the caller rolls back), but the file is read to the end so
    /// every error is reported.
    func bulkImportValues(_ rows: ValueRows) async throws -> ImportOutcome {
        let sql = try self.sql
        // Under the web tier's timing wrapper: the driver's database, same transaction.
        let driver = db.driverDatabase
        let postgres = ValueStage.isPostgres(driver)
        let catalog = try await ValueImportCatalog.load(db)
        var checker = ValueImportChecker(catalog: catalog, now: Date())
        var o = ImportOutcome()
        var staged = 0
        var chunk: [StagedValue] = []
        chunk.reserveCapacity(min(ValueChunk.rows, 1 << 16))
        func record(_ message: String) {
            if o.errors.count < Self.keptImportErrors { o.errors.append(message) } else { o.omittedErrors += 1 }
        }
        nonisolated(nonsending) func flush(into sink: any ValueSink) async throws {
            guard !chunk.isEmpty else { return }
            let periods = ValueChunk.sort(&chunk, periodIDs: checker.periodIDs)
            try await sink.write(chunk, periods: periods)
            staged += chunk.count
            chunk.removeAll(keepingCapacity: true)
        }
        /// Reads the whole file, handing good rows to `sink` a chunk at a time until the first
        /// error. Runs on the caller's isolation, as COPY's closure does, so the state above is
        /// never shared.
        nonisolated(nonsending) func pump(into sink: any ValueSink) async throws {
            while let row = try rows.next() {
                switch row {
                case .invalid(let messages):
                    messages.forEach(record)
                    chunk.removeAll()
                case .value(let line, let v):
                    switch checker.check(v, line: line) {
                    case .failure(let e):
                        record(e.description)
                        chunk.removeAll()
                    case .success(let value):
                        if o.errors.isEmpty {
                            chunk.append(value)
                            if chunk.count == ValueChunk.rows { try await flush(into: sink) }
                        }
                    }
                }
            }
            if o.errors.isEmpty { try await flush(into: sink) }
        }

        if postgres {
            guard let pg = driver as? any PostgresDatabase else { throw StoreError.invalid("Cơ sở dữ liệu không hỗ trợ COPY") }
            try await ValueStage.create(sql, postgres: true)
            // Inside the transaction this is the transaction's own connection.
            let connection = try await pg.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
            try await connection.copyFrom(table: ValueStage.table, columns: ValueStage.columns, logger: db.logger) { writer in
                let stage = PostgresValueStage(writer, catalog: catalog)
                try await pump(into: stage)
                try await stage.finish()
            }
            if o.errors.isEmpty {
                (o.created, o.updated, o.unchanged) = try await ValueStage.merge(sql, staged: staged)
            }
            try await ValueStage.drop(sql, postgres: true)
            return o
        }

        guard let lite = driver as? any SQLiteDatabase else { throw StoreError.invalid("Cơ sở dữ liệu không hỗ trợ SQLite") }
        let connection = try await lite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
        // SQLite's default page cache (2 MB) is small for three indexes over a country's
        // values: 256 MB for the length of the import, then as it was.
        let cacheSize = try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
        try await sql.raw("PRAGMA cache_size = -262144").run()
        let before = try await sql.raw("SELECT coalesce(max(rowid), 0) AS m FROM data_values").first()?.decode(column: "m", as: Int.self) ?? 0
        do {
            let writer = try SQLiteValueWriter(connection: connection, catalog: catalog, rowsBefore: before)
            defer { writer.close() }
            try await pump(into: writer)
            if o.errors.isEmpty {
                // New rows get rowids above the largest before; `changes` counts inserted and
                // replaced rows (an unchanged value is not written).
                let changed = writer.changes
                writer.close()
                try writer.finish()
                let created = try await sql.raw("SELECT count(*) AS n FROM data_values WHERE rowid > \(bind: before)").first()?
                    .decode(column: "n", as: Int.self) ?? 0
                (o.created, o.updated, o.unchanged) = (created, changed - created, staged - changed)
            }
        } catch {
            if let cacheSize { try? await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(cacheSize))").run() }
            throw error
        }
        if let cacheSize { try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(cacheSize))").run() }
        return o
    }
}
