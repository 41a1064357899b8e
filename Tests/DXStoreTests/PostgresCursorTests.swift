@testable import DXStore
import DXTestSupport
import Foundation
import SQLKit
import XCTest

/// A PostgreSQL read by position (`PostgresCursor`, the figures of a page) gives the values
/// SQLKit's rows give (`RawRow`, every other read). On SQLite it declines, and `SQLiteCursor`
/// reads instead.
final class PostgresCursorTests: XCTestCase {
    func testEachKindOfColumnReadsAsSQLKitReadsIt() async throws {
        try await TestDatabases.each { rt in
            let store = rt.store
            let id = UUID()
            let query: SQLQueryString = """
                SELECT CAST(\(bind: id) AS uuid) AS a, CAST(\(bind: "chữ Việt") AS text) AS b, CAST(NULL AS text) AS c, \
                CAST(\(bind: 1.5) AS double precision) AS d, CAST(NULL AS double precision) AS e, \
                CAST('2026-12-08 01:02:03.456789+00' AS timestamptz) AS f, CAST(NULL AS timestamptz) AS g, \
                CAST(\(bind: 7) AS double precision) AS h
                """
            let cursor = try await PostgresCursor.rows(query, on: store) { c in
                [try c.uuid(0).uuidString, try c.string(1), try c.string(2), try c.double(3).map { "\($0)" },
                 try c.double(4).map { "\($0)" }, try c.date(5).map { "\($0.timeIntervalSinceReferenceDate)" },
                 try c.date(6).map { "\($0.timeIntervalSinceReferenceDate)" }, try c.requiredString(1), try c.double(7).map { "\($0)" }]
            }
            guard store.isPostgres else {
                XCTAssertNil(cursor, "SQLite reads through SQLiteCursor")
                return
            }
            let raw = try await RawRow.all(query, on: store).map { r in
                [try r.uuid("a").uuidString, try r.optionalString("b"), try r.optionalString("c"), try r.double("d").map { "\($0)" },
                 try r.double("e").map { "\($0)" }, try r.date("f").map { "\($0.timeIntervalSinceReferenceDate)" },
                 try r.date("g").map { "\($0.timeIntervalSinceReferenceDate)" }, try r.string("b"), try r.double("h").map { "\($0)" }]
            }
            XCTAssertEqual(try XCTUnwrap(cursor), raw)
            XCTAssertEqual(raw.first?[0], id.uuidString)
            XCTAssertEqual(raw.first?[1], "chữ Việt")
            XCTAssertEqual(raw.first?[8], "7.0")
        }
    }
}
