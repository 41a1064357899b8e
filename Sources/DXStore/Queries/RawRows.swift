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

    // The conversions are SQLiteNIO's own (`SQLiteDataConvertible`), the ones SQLKit's decoder
    // applies after its casts: the values read are the same.

    func string(_ column: String) throws -> String {
        switch storage {
        case .sqlite(let row): return try Self.convert(row, column, String.init(sqliteData:))
        case .sql(let row): return try row.decode(column: column, as: String.self)
        }
    }

    func optionalString(_ column: String) throws -> String? {
        switch storage {
        case .sqlite(let row): return try Self.optional(row, column, String.init(sqliteData:))
        case .sql(let row): return try row.decode(column: column, as: String?.self)
        }
    }

    func double(_ column: String) throws -> Double? {
        switch storage {
        case .sqlite(let row): return try Self.optional(row, column, Double.init(sqliteData:))
        case .sql(let row): return try row.decode(column: column, as: Double?.self)
        }
    }

    func int(_ column: String) throws -> Int {
        switch storage {
        case .sqlite(let row): return try Self.convert(row, column, Int.init(sqliteData:))
        case .sql(let row): return try row.decode(column: column, as: Int.self)
        }
    }

    func date(_ column: String) throws -> Date? {
        switch storage {
        case .sqlite(let row): return try Self.optional(row, column, Date.init(sqliteData:))
        case .sql(let row): return try row.decode(column: column, as: Date?.self)
        }
    }

    func uuid(_ column: String) throws -> UUID {
        switch storage {
        case .sqlite(let row):
            // Stored as text by SQLKit's encoder (`uuidString`); anything else as SQLKit reads it.
            guard let data = row.column(column) else { throw Self.mismatch(column, UUID.self) }
            if case .text(let s) = data, let id = UUID(text: s) { return id }
            return try SQLiteDataDecoder().decode(UUID.self, from: data)
        case .sql(let row): return try row.decode(column: column, as: UUID.self)
        }
    }

    private static func convert<T>(_ row: SQLiteRow, _ column: String, _ make: (SQLiteData) -> T?) throws -> T {
        guard let data = row.column(column), let value = make(data) else { throw mismatch(column, T.self) }
        return value
    }

    private static func optional<T>(_ row: SQLiteRow, _ column: String, _ make: (SQLiteData) -> T?) throws -> T? {
        guard let data = row.column(column) else { throw mismatch(column, T.self) }
        if data == .null { return nil }
        guard let value = make(data) else { throw mismatch(column, T.self) }
        return value
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
        // On the connection itself: its own asynchronous `query` steps every row on SQLite's
        // thread, where the pool's (and the future-based one) hands each row to the event loop
        // as a task of its own — a fifth of a province's dashboard at the national design point.
        let text = serializer.sql
        return try await lite.withConnection { connection in try await connection.query(text, binds) }.map { RawRow(.sqlite($0)) }
    }
}
