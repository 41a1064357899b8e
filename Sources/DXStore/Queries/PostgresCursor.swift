import Foundation
import PostgresNIO
import SQLKit

/// A PostgreSQL row read by position with PostgresNIO's own decoding. Through SQLKit each
/// column is found by name and decoded through `Decodable` with dynamic casts, for every one of
/// a province's 15,200 figures of eleven columns. The decoding is the one SQLKit ends in
/// (`PostgresDecodable`), so the values are the same.
struct PostgresCursor: FactCursor {
    let row: PostgresRandomAccessRow

    func uuid(_ i: Int32) throws -> UUID { try row[Int(i)].decode(UUID.self) }
    func string(_ i: Int32) throws -> String? { try row[Int(i)].decode(String?.self) }
    func requiredString(_ i: Int32) throws -> String { try row[Int(i)].decode(String.self) }
    func double(_ i: Int32) throws -> Double? { try row[Int(i)].decode(Double?.self) }
    func date(_ i: Int32) throws -> Date? { try row[Int(i)].decode(Date?.self) }
}

extension PostgresCursor {
    /// Each row of `query` made into a value by `make`, on `store`'s connection (its
    /// transaction's when in one); nil when the store is not on PostgreSQL, or when a bound value
    /// is of a kind bound here by no rule of ours (then SQLKit binds it, the long way).
    static func rows<T: Sendable>(_ query: SQLQueryString, on store: Store,
                                  _ make: @escaping @Sendable (PostgresCursor) throws -> T) async throws -> [T]? {
        guard let pg = store.db.driverDatabase as? any PostgresDatabase else { return nil }
        var serializer = SQLSerializer(database: try store.sql)
        query.serialize(to: &serializer)
        var bindings = PostgresBindings(capacity: serializer.binds.count)
        for bind in serializer.binds {
            switch bind {
            case let v as UUID: try bindings.append(v)
            case let v as String: try bindings.append(v)
            case let v as Int: try bindings.append(v)
            case let v as Double: try bindings.append(v)
            default: return nil
            }
        }
        let statement = PostgresQuery(unsafeSQL: serializer.sql, binds: bindings)
        let logger = store.db.logger
        return try await pg.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var out: [T] = []
                for try await row in try await connection.query(statement, logger: logger) {
                    out.append(try make(PostgresCursor(row: row.makeRandomAccess())))
                }
                return out
            }
        }.get()
    }
}
