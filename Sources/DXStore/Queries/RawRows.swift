import FluentKit
import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO

/// A row of a large read, its columns taken by name. On SQLite the values come straight from
/// SQLiteNIO: SQLKit decodes every column through `Decodable`, with a dynamic cast per column
/// and, for an optional, a decoder object — a third of the time of a page that reads thousands
/// of figures. On PostgreSQL the row is SQLKit's, decoded as before.
struct RawRow {
    private enum Storage {
        case sqlite(SQLiteRow)
        case sql(any SQLRow)
    }

    private let storage: Storage

    func string(_ column: String) throws -> String {
        switch storage {
        case .sqlite(let row):
            guard case .text(let s)? = row.column(column) else { throw Self.mismatch(column, String.self) }
            return s
        case .sql(let row): return try row.decode(column: column, as: String.self)
        }
    }

    func optionalString(_ column: String) throws -> String? {
        switch storage {
        case .sqlite(let row):
            switch row.column(column) {
            case .text(let s)?: return s
            case .null?: return nil
            default: throw Self.mismatch(column, String.self)
            }
        case .sql(let row): return try row.decode(column: column, as: String?.self)
        }
    }

    func double(_ column: String) throws -> Double? {
        switch storage {
        case .sqlite(let row):
            switch row.column(column) {
            case .float(let d)?: return d
            case .integer(let i)?: return Double(i)
            case .null?: return nil
            default: throw Self.mismatch(column, Double.self)
            }
        case .sql(let row): return try row.decode(column: column, as: Double?.self)
        }
    }

    func int(_ column: String) throws -> Int {
        switch storage {
        case .sqlite(let row):
            switch row.column(column) {
            case .integer(let i)?: return i
            case .float(let d)? where d == d.rounded() && abs(d) < 1e15: return Int(d)
            default: throw Self.mismatch(column, Int.self)
            }
        case .sql(let row): return try row.decode(column: column, as: Int.self)
        }
    }

    func date(_ column: String) throws -> Date? {
        switch storage {
        case .sqlite(let row):
            guard let data = row.column(column), data != .null else { return nil }
            guard let d = Date(sqliteData: data) else { throw Self.mismatch(column, Date.self) }
            return d
        case .sql(let row): return try row.decode(column: column, as: Date?.self)
        }
    }

    func uuid(_ column: String) throws -> UUID {
        switch storage {
        case .sqlite(let row):
            // Stored as text by SQLKit's encoder (`uuidString`).
            guard case .text(let s)? = row.column(column), let id = UUID(uuidString: s) else { throw Self.mismatch(column, UUID.self) }
            return id
        case .sql(let row): return try row.decode(column: column, as: UUID.self)
        }
    }

    private static func mismatch(_ column: String, _ type: Any.Type) -> StoreError {
        StoreError.invalid("Cột \(column) không đọc được thành \(type)")
    }

    private init(_ storage: Storage) {
        self.storage = storage
    }

    /// The rows of `query` on `store`'s database, on the store's connection or transaction.
    static func all(_ query: SQLQueryString, on store: Store) async throws -> [RawRow] {
        let sql = try store.sql
        guard let lite = store.db.driverDatabase as? any SQLiteDatabase else {
            return try await sql.raw(query).all().map { RawRow(.sql($0)) }
        }
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        return try await lite.query(serializer.sql, binds).map { RawRow(.sqlite($0)) }
    }
}
