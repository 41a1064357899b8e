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
    /// How many error messages an import keeps; the rest are only counted.
    static let keptImportErrors = 1_000

    /// The values import: lookups read once, each row checked as `upsertValue` checks it, rows
    /// appended to a staging table while the file is read, then counted and merged into
    /// `data_values` in one statement. Runs inside the caller's transaction; once a row fails
    /// nothing more is staged, but the file is read to the end so every error is reported.
    func bulkImportValues(_ rows: ValueRows) async throws -> ImportOutcome {
        let sql = try self.sql
        // Under the web tier's timing wrapper: the driver's database, same transaction.
        let driver = db.driverDatabase
        let postgres = ValueStage.isPostgres(driver)
        var checker = ValueImportChecker(catalog: try await ValueImportCatalog.load(db), now: Date())
        var o = ImportOutcome()
        var staged = 0
        func record(_ message: String) {
            if o.errors.count < Self.keptImportErrors { o.errors.append(message) } else { o.omittedErrors += 1 }
        }
        /// Reads the whole file, handing good rows to `sink` until the first error. Runs on the
        /// caller's isolation, as COPY's closure does, so the state above is never shared.
        nonisolated(nonsending) func pump(into sink: any ValueStageSink) async throws {
            while let row = try rows.next() {
                switch row {
                case .invalid(let messages):
                    messages.forEach(record)
                case .value(let line, let v):
                    switch checker.check(v, line: line) {
                    case .failure(let e): record(e.description)
                    case .success(let value):
                        if o.errors.isEmpty {
                            try await sink.add(value)
                            staged += 1
                        }
                    }
                }
            }
            if o.errors.isEmpty { try await sink.finish() }
        }

        /// Stages every good row, then counts and merges when the file had no error.
        nonisolated(nonsending) func stageAndMerge() async throws {
            try await ValueStage.create(sql, postgres: postgres)
            if postgres {
                guard let pg = driver as? any PostgresDatabase else { throw StoreError.invalid("Cơ sở dữ liệu không hỗ trợ COPY") }
                // Inside the transaction this is the transaction's own connection.
                let connection = try await pg.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
                try await connection.copyFrom(table: ValueStage.table, columns: ValueStage.columns, logger: db.logger) { writer in
                    try await pump(into: PostgresValueStage(writer))
                }
            } else {
                guard let lite = driver as? any SQLiteDatabase else { throw StoreError.invalid("Cơ sở dữ liệu không hỗ trợ SQLite") }
                let stage = SQLiteValueStage(lite)
                do { try await pump(into: stage) } catch {
                    await stage.settle()
                    throw error
                }
                await stage.settle()
            }
            if o.errors.isEmpty {
                (o.created, o.updated, o.unchanged) = try await ValueStage.merge(sql, postgres: postgres, staged: staged)
            }
            try await ValueStage.drop(sql, postgres: postgres)
        }

        // SQLite's default page cache (2 MB) makes the merge spill index pages again and again
        // (the ids are random UUIDs): 256 MB for the length of the import, then as it was.
        var cacheSize: Int?
        if !postgres {
            cacheSize = try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
            try await sql.raw("PRAGMA cache_size = -262144").run()
        }
        let restore = cacheSize
        func restoreCache() async {
            if let restore { try? await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(restore))").run() }
        }
        do {
            try await stageAndMerge()
        } catch {
            await restoreCache()
            throw error
        }
        await restoreCache()
        return o
    }
}
