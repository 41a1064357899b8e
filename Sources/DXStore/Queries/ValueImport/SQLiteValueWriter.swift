import DXCore
import Foundation
import SQLiteNIO
import VaporCSQLite

/// SQLite: one prepared `INSERT … ON CONFLICT DO UPDATE` bound and stepped in a loop through
/// SQLite's C API, on the connection that holds the import's transaction. Going through
/// SQLiteNIO would cost a hop to its thread pool and a statement compiled per call; here a
/// value costs its binds and one step.
///
/// sqlite-nio opens connections with `SQLITE_OPEN_FULLMUTEX`, so calling into the handle from
/// this task is safe; nothing else uses the connection meanwhile, as it is the transaction's.
final class SQLiteValueWriter: ValueSink {
    private let handle: OpaquePointer
    private var statement: OpaquePointer?
    private var ids = TimeOrderedIDs()
    /// Indicator and unit ids by rank, 36 bytes each, bound without copying.
    private let indicatorIDs: UnsafeMutableBufferPointer<UInt8>
    private let unitIDs: UnsafeMutableBufferPointer<UInt8>
    /// Rows the upsert inserted or replaced, its own (not its triggers', which SQLite's total
    /// counts).
    private var written = 0
    /// Rows in `data_values` before the import (its largest rowid: near enough).
    private let rowsBefore: Int
    /// The plain indexes and the revision triggers dropped for the import, to make again at
    /// its end (`finish`).
    private var dropped: [String] = []
    private var wrote = false

    static let upsert: String = {
        let columns = ["indicator_id", "unit_id", "period", "numerator", "denominator", "value",
                       "text", "judgement", "comment", "author", "updated_at"]
        let set = columns.dropFirst(3).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let same = ["numerator", "denominator", "value", "text", "judgement", "comment"]
            .map { "data_values.\($0) IS excluded.\($0)" }.joined(separator: " AND ")
        return """
            INSERT INTO data_values (id, \(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: 12).joined(separator: ","))) \
            ON CONFLICT (indicator_id, unit_id, period) DO UPDATE SET \(set) WHERE NOT (\(same))
            """
    }()

    /// The connection's `sqlite3` handle. sqlite-nio keeps it internal; its stored properties
    /// are read by reflection (`SQLiteConnection.handle.raw`), and the import refuses to run
    /// if they are not there.
    static func rawHandle(_ connection: SQLiteConnection) -> OpaquePointer? {
        guard let handle = Mirror(reflecting: connection).children.first(where: { $0.label == "handle" })?.value else { return nil }
        return Mirror(reflecting: handle).children.first(where: { $0.label == "raw" })?.value as? OpaquePointer
    }

    init(connection: SQLiteConnection, catalog: ValueImportCatalog, rowsBefore: Int) throws {
        guard let handle = Self.rawHandle(connection) else {
            throw StoreError.invalid("Không mở được kết nối SQLite để nhập số liệu")
        }
        self.handle = handle
        indicatorIDs = Self.table(catalog.indicatorIDs)
        unitIDs = Self.table(catalog.unitIDs)
        self.rowsBefore = rowsBefore
        var s: OpaquePointer?
        let rc = sqlite_nio_sqlite3_prepare_v3(handle, Self.upsert, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &s, nil)
        guard rc == SQLITE_OK, let s else { throw error(rc) }
        statement = s
    }

    deinit {
        close()
        indicatorIDs.deallocate()
        unitIDs.deallocate()
    }

    /// Finalizes the statement (before the transaction ends, committed or rolled back).
    func close() {
        if let statement { sqlite_nio_sqlite3_finalize(statement) }
        statement = nil
    }

    /// Rows inserted or replaced so far on this connection by this writer.
    var changes: Int { written }

    private static func table(_ ids: [String]) -> UnsafeMutableBufferPointer<UInt8> {
        let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, ids.count * 36))
        b.initialize(repeating: 0)
        for (i, id) in ids.enumerated() {
            for (j, c) in id.utf8.prefix(36).enumerated() { b[i * 36 + j] = c }
        }
        return b
    }

    private func error(_ rc: Int32) -> StoreError {
        let message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "\(rc)"
        return StoreError.invalid("SQLite: \(message)")
    }

    nonisolated(nonsending) func write(_ rows: [StagedValue], periods: [String]) async throws {
        try writeRows(rows, periods: periods)
    }

    /// Makes again the indexes dropped for the import, each in one sort of the whole table.
    func finish() throws {
        for sql in dropped { try exec(sql) }
        dropped = []
    }

    private func exec(_ sql: String) throws {
        let rc = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    /// A large import into a table no larger than it: the plain (not unique) indexes of
    /// `data_values` are dropped inside the import's transaction and built again at its end
    /// (`finish`), one sort of the whole table instead of an insert per row into each; rolled
    /// back with the rest. The unique key stays: the upsert needs it. (Into a larger table the
    /// sort would cost more than the inserts it saves.)
    private func dropPlainIndexes(firstChunk: Int) throws {
        guard firstChunk >= 50_000, firstChunk >= rowsBefore else { return }
        var s: OpaquePointer?
        let query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'data_values' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
        guard sqlite_nio_sqlite3_prepare_v2(handle, query, -1, &s, nil) == SQLITE_OK, let s else { throw error(SQLITE_ERROR) }
        var found: [(name: String, sql: String)] = []
        while sqlite_nio_sqlite3_step(s) == SQLITE_ROW {
            if let name = sqlite_nio_sqlite3_column_text(s, 0), let sql = sqlite_nio_sqlite3_column_text(s, 1) {
                found.append((String(cString: name), String(cString: sql)))
            }
        }
        sqlite_nio_sqlite3_finalize(s)
        for index in found {
            try exec("DROP INDEX \"\(index.name.replacingOccurrences(of: "\"", with: "\"\""))\"")
            dropped.append(index.sql)
        }
        // The facts' token (M029) changes once for the whole import rather than once a row,
        // which would cost a tenth of it; other connections never see the table without them.
        for event in ["INSERT", "UPDATE"] {
            try exec("DROP TRIGGER IF EXISTS \(M029FactRevision.sqliteTrigger(table: "data_values", event: event))")
            dropped.append(M029FactRevision.sqliteTriggerSQL(table: "data_values", event: event))
        }
        try exec("UPDATE fact_revision SET token = random()")
    }

    private func writeRows(_ rows: [StagedValue], periods: [String]) throws {
        guard let s = statement else { return }
        if !wrote {
            wrote = true
            try dropPlainIndexes(firstChunk: rows.count)
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let periodBytes = periods.map { Array($0.utf8) }
        func bind(_ i: Int32, _ x: Double?) {
            if let x { sqlite_nio_sqlite3_bind_double(s, i, x) } else { sqlite_nio_sqlite3_bind_null(s, i) }
        }
        func bind(_ i: Int32, _ t: String?) {
            if let t {
                var t = t
                t.withUTF8 { b in _ = b.withMemoryRebound(to: CChar.self) { sqlite_nio_sqlite3_bind_text(s, i, $0.baseAddress, Int32(b.count), transient) } }
            } else {
                sqlite_nio_sqlite3_bind_null(s, i)
            }
        }
        let ind = UnsafeRawPointer(indicatorIDs.baseAddress!).assumingMemoryBound(to: CChar.self)
        let unit = UnsafeRawPointer(unitIDs.baseAddress!).assumingMemoryBound(to: CChar.self)
        for row in rows {
            ids.advance()
            let rc0 = ids.text.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { sqlite_nio_sqlite3_bind_text(s, 1, $0.baseAddress, 36, transient) }
            }
            guard rc0 == SQLITE_OK else { throw error(rc0) }
            sqlite_nio_sqlite3_bind_text(s, 2, ind + row.indicator * 36, 36, nil)
            sqlite_nio_sqlite3_bind_text(s, 3, unit + row.unit * 36, 36, nil)
            periodBytes[row.period].withUnsafeBufferPointer { b in
                _ = b.withMemoryRebound(to: CChar.self) { sqlite_nio_sqlite3_bind_text(s, 4, $0.baseAddress, Int32(b.count), transient) }
            }
            bind(5, row.numerator)
            bind(6, row.denominator)
            bind(7, row.value)
            bind(8, row.texts?.text)
            bind(9, row.texts?.judgement)
            bind(10, row.texts?.comment)
            bind(11, row.texts?.author)
            sqlite_nio_sqlite3_bind_double(s, 12, row.updatedAt.timeIntervalSince1970)
            let rc = sqlite_nio_sqlite3_step(s)
            sqlite_nio_sqlite3_reset(s)
            guard rc == SQLITE_DONE else { throw error(rc) }
            written += Int(sqlite_nio_sqlite3_changes64(handle))
        }
    }
}
