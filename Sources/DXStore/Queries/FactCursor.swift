import Foundation

/// A row of a large read, its columns taken by position: a SQLite statement stepped in place
/// (`SQLiteCursor`) or a PostgreSQL row (`PostgresCursor`). One function makes a page's values
/// from either.
protocol FactCursor {
    func uuid(_ i: Int32) throws -> UUID
    func string(_ i: Int32) throws -> String?
    func requiredString(_ i: Int32) throws -> String
    func double(_ i: Int32) throws -> Double?
    func date(_ i: Int32) throws -> Date?
}
