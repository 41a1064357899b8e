import DXStore
import DXTestSupport
import SQLKit
import XCTest

/// What a PostgreSQL connection of dxtrack is set to.
final class PostgresSessionTests: XCTestCase {
    /// JIT compilation is off: a read of three one-row tables, costed as millions of rows before
    /// their first ANALYZE, was compiled for 30–70 ms on every request.
    func testConnectionsRunWithoutJIT() async throws {
        try await TestDatabases.each { rt in
            guard case .postgres = rt.url else { return }
            let sql = try XCTUnwrap(rt.store.db as? any SQLDatabase)
            let jit = try await sql.raw("SHOW jit").first()?.decode(column: "jit", as: String.self)
            XCTAssertEqual(jit, "off")
        }
    }
}
