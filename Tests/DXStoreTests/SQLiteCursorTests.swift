@testable import DXStore
import DXTestSupport
import Foundation
import SQLKit
import XCTest

/// A SQLite read stepped in place (`SQLiteCursor`, the figures of a page) gives the values
/// SQLiteNIO's rows give (`RawRow`, every other read), for every kind of stored column, and
/// SQLite's own failures come out as errors, not as rows missing.
final class SQLiteCursorTests: XCTestCase {
    private func withSQLiteStore(_ body: (Store) async throws -> Void) async throws {
        let runtime = try StoreRuntime(url: .sqlite(path: TestDatabases.sqlitePath()))
        do {
            try await runtime.migrate()
            try await body(runtime.store)
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }

    func testEachKindOfColumnReadsAsSQLiteNIOReadsIt() async throws {
        try await withSQLiteStore { store in
            let id = UUID()
            let query: SQLQueryString = """
                SELECT 1.5 AS a, 2 AS b, NULL AS c, 'chữ Việt' AS d, \(bind: id.uuidString) AS e, \
                1796690765.982467 AS f, '2024-05-01 10:30:00' AS g, 7 AS h, \(bind: id.uuidString.lowercased()) AS i
                """
            let cursor = try await SQLiteCursor.rows(query, on: store) { c in
                [try c.double(0).map { "\($0)" }, try c.double(1).map { "\($0)" }, try c.double(2).map { "\($0)" },
                 try c.string(3), try c.string(1), try c.string(2), try c.uuid(4).uuidString,
                 try c.date(5).map { "\($0.timeIntervalSinceReferenceDate)" }, try c.date(6).map { "\($0.timeIntervalSinceReferenceDate)" },
                 try c.date(7).map { "\($0.timeIntervalSinceReferenceDate)" }, try c.uuid(8).uuidString]
            }
            let raw = try await RawRow.all(query, on: store).map { r in
                [try r.double("a").map { "\($0)" }, try r.double("b").map { "\($0)" }, try r.double("c").map { "\($0)" },
                 try r.optionalString("d"), try r.optionalString("b"), try r.optionalString("c"), try r.uuid("e").uuidString,
                 try r.date("f").map { "\($0.timeIntervalSinceReferenceDate)" }, try r.date("g").map { "\($0.timeIntervalSinceReferenceDate)" },
                 try r.date("h").map { "\($0.timeIntervalSinceReferenceDate)" }, try r.uuid("i").uuidString]
            }
            XCTAssertEqual(try XCTUnwrap(cursor), raw)
            XCTAssertEqual(raw.first?[6], id.uuidString)
            XCTAssertEqual(raw.first?[3], "chữ Việt")
        }
    }

    func testAColumnOfTheWrongKindIsNamedInTheError() async throws {
        try await withSQLiteStore { store in
            do {
                _ = try await SQLiteCursor.rows("SELECT 'không phải số' AS numerator", on: store) { try $0.double(0) }
                XCTFail("text read as a number")
            } catch let error as StoreError {
                XCTAssertEqual("\(error)", "Cột numerator không đọc được thành Double")
            }
            do {
                _ = try await SQLiteCursor.rows("SELECT 'abc' AS unit_id", on: store) { try $0.uuid(0) }
                XCTFail("text read as an id")
            } catch let error as StoreError {
                XCTAssertEqual("\(error)", "Cột unit_id không đọc được thành UUID")
            }
        }
    }

    func testSQLitesOwnFailureIsThrown() async throws {
        try await withSQLiteStore { store in
            do {
                _ = try await SQLiteCursor.rows("SELECT x FROM no_such_table", on: store) { try $0.double(0) }
                XCTFail("a statement SQLite refuses gave rows")
            } catch let error as SQLiteCursor.Failure {
                XCTAssertTrue(error.message.contains("no_such_table"), error.message)
            }
            // Bound values reach the statement in order.
            let rows = try await SQLiteCursor.rows("SELECT \(bind: 3) + \(bind: 4.5) AS s, \(bind: "b") AS t", on: store) { c in
                (try c.double(0), try c.string(1))
            }
            XCTAssertEqual(rows?.first?.0, 7.5)
            XCTAssertEqual(rows?.first?.1, "b")
        }
    }
}
