import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO
import VaporCSQLite

/// One row of a large SQLite read, its columns taken by position straight from the statement.
/// SQLiteNIO makes every column of every row a `SQLiteData` first (a `String` for each id) and
/// `RawRow` then finds each by name: for a province's 15,200 figures that was more time than
/// SQLite took to find them. Conversions are SQLiteNIO's (`SQLiteDataConvertible`), so the
/// values read are those `RawRow` reads.
struct SQLiteCursor: FactCursor {
    fileprivate let statement: OpaquePointer

    private func type(_ i: Int32) -> Int32 { sqlite_nio_sqlite3_column_type(statement, i) }

    /// A number column: an integer or a real; nil for NULL.
    func double(_ i: Int32) throws -> Double? {
        switch type(i) {
        case SQLITE_NULL: return nil
        case SQLITE_FLOAT: return sqlite_nio_sqlite3_column_double(statement, i)
        case SQLITE_INTEGER: return Double(sqlite_nio_sqlite3_column_int64(statement, i))
        default: throw mismatch(i, Double.self)
        }
    }

    /// A text column (a number is given as its text, as SQLiteNIO does); nil for NULL.
    func string(_ i: Int32) throws -> String? {
        switch type(i) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, i) else { throw mismatch(i, String.self) }
            return String(cString: text)
        case SQLITE_INTEGER: return String(Int(sqlite_nio_sqlite3_column_int64(statement, i)))
        case SQLITE_FLOAT: return String(sqlite_nio_sqlite3_column_double(statement, i))
        default: throw mismatch(i, String.self)
        }
    }

    func requiredString(_ i: Int32) throws -> String {
        guard let s = try string(i) else { throw mismatch(i, String.self) }
        return s
    }

    /// A date stored as seconds since 1970 (SQLKit's encoding); text dates as SQLiteNIO reads them.
    func date(_ i: Int32) throws -> Date? {
        switch type(i) {
        case SQLITE_NULL: return nil
        // SQLiteNIO's conversion, which rounds to microseconds.
        case SQLITE_FLOAT: return Date(sqliteData: .float(sqlite_nio_sqlite3_column_double(statement, i)))
        case SQLITE_INTEGER: return Date(sqliteData: .integer(Int(sqlite_nio_sqlite3_column_int64(statement, i))))
        case SQLITE_TEXT:
            guard let s = try string(i), let d = Date(sqliteData: .text(s)) else { throw mismatch(i, Date.self) }
            return d
        default: throw mismatch(i, Date.self)
        }
    }

    /// An id stored as its 36-character text, read in place.
    func uuid(_ i: Int32) throws -> UUID {
        if type(i) == SQLITE_TEXT, let text = sqlite_nio_sqlite3_column_text(statement, i),
           let id = UUID(utf8: UnsafeBufferPointer(start: text, count: Int(sqlite_nio_sqlite3_column_bytes(statement, i)))) {
            return id
        }
        throw mismatch(i, UUID.self)
    }

    private func mismatch(_ i: Int32, _ type: Any.Type) -> StoreError {
        let name = sqlite_nio_sqlite3_column_name(statement, i).map { String(cString: $0) } ?? "\(i)"
        return StoreError.invalid("Cột \(name) không đọc được thành \(type)")
    }
}

extension SQLiteCursor {
    /// Each row of `query` made into a value by `make`, on `store`'s connection (its
    /// transaction's when in one); nil when the store is not on SQLite. The statement is stepped
    /// here rather than on SQLiteNIO's thread: the rows are made as they are read, with nothing
    /// in between.
    static func rows<T: Sendable>(_ query: SQLQueryString, on store: Store,
                                  _ make: @escaping @Sendable (SQLiteCursor) throws -> T) async throws -> [T]? {
        guard let lite = store.db.driverDatabase as? any SQLiteDatabase else { return nil }
        let sql = try store.sql
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        let text = serializer.sql
        return try await lite.withConnection { connection in
            guard let handle = SQLiteValueWriter.rawHandle(connection) else {
                throw StoreError.invalid("Không mở được kết nối SQLite để đọc số liệu")
            }
            return try step(text, binds, on: handle, make)
        }
    }

    private static func step<T>(_ text: String, _ binds: [SQLiteData], on handle: OpaquePointer,
                                _ make: (SQLiteCursor) throws -> T) throws -> [T] {
        // The connection is serialized (`SQLITE_OPEN_FULLMUTEX`): every column read would take
        // and give back its mutex, a third of the time of making the rows. Held once for the
        // read, the calls inside re-enter it as its owner. The connection is this read's alone.
        let mutex = sqlite_nio_sqlite3_db_mutex(handle)
        sqlite_nio_sqlite3_mutex_enter(mutex)
        defer { sqlite_nio_sqlite3_mutex_leave(mutex) }
        var s: OpaquePointer?
        var rc = sqlite_nio_sqlite3_prepare_v2(handle, text, -1, &s, nil)
        guard rc == SQLITE_OK, let s else { throw failure(handle, rc) }
        defer { sqlite_nio_sqlite3_finalize(s) }
        for (i, bind) in binds.enumerated() {
            let i = Int32(i + 1)
            switch bind {
            case .blob(let value):
                rc = value.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(s, i, $0.baseAddress, UInt64($0.count), SQLITE_TRANSIENT)
                }
            case .float(let value): rc = sqlite_nio_sqlite3_bind_double(s, i, value)
            case .integer(let value): rc = sqlite_nio_sqlite3_bind_int64(s, i, Int64(value))
            case .null: rc = sqlite_nio_sqlite3_bind_null(s, i)
            case .text(let value):
                rc = sqlite_nio_sqlite3_bind_text64(s, i, value, UInt64(value.utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            }
            guard rc == SQLITE_OK else { throw failure(handle, rc) }
        }
        var out: [T] = []
        let cursor = SQLiteCursor(statement: s)
        while true {
            rc = sqlite_nio_sqlite3_step(s)
            guard rc == SQLITE_ROW else { break }
            out.append(try make(cursor))
        }
        guard rc == SQLITE_DONE else { throw failure(handle, rc) }
        return out
    }

    /// SQLite's own failure (busy, I/O, a bad statement): the server's fault, not the request's.
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { "SQLite \(code): \(message)" }
    }

    private static func failure(_ handle: OpaquePointer, _ rc: Int32) -> Failure {
        Failure(code: rc, message: sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "")
    }
}

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
