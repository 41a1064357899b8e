import DXStore
import DXTestSupport
import SQLKit
import XCTest

final class MigrationTests: XCTestCase {
    func testMigratingTwiceAppliesNothingTheSecondTime() async throws {
        try await TestDatabases.each { rt in
            let r1 = try await rt.migrate()
            XCTAssertEqual(r1, [], rt.url.kindName)
            let r2 = try await rt.pendingMigrations()
            XCTAssertEqual(r2, [])
        }
    }

    /// Numbers rise strictly; a gap is allowed because numbers are reserved for work done on
    /// other branches (008–009 for evaluation while 010 on is reporting).
    func testMigrationsAreNumberedInOrder() {
        let names = DXMigrations.all.map(\.name)
        XCTAssertEqual(names, names.sorted())
        let numbers = names.compactMap { Int($0.prefix(3)) }
        XCTAssertEqual(numbers.count, names.count, "every name starts with three digits")
        XCTAssertEqual(numbers.first, 1)
        XCTAssertEqual(zip(numbers, numbers.dropFirst()).filter { $0 >= $1 }.count, 0, "\(numbers)")
    }

    func testTheSQLiteFileUsesWriteAheadLogging() async throws {
        let path = TestDatabases.sqlitePath()
        let rt = try StoreRuntime(url: .sqlite(path: path))
        try await rt.migrate()
        await rt.shutdown()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        // Byte 18 of the header is 2 in WAL mode.
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(20)
        XCTAssertEqual(header[18], 2)
    }

    /// Subtree walks find a unit's children by index on both databases: 023's rebuild of
    /// `units` had dropped 022's index on SQLite, and 027 made it again.
    func testUnitsAreIndexedByParent() async throws {
        try await TestDatabases.each { rt in
            let sql = rt.database as! any SQLDatabase
            let query: SQLQueryString
            if case .sqlite = rt.url {
                query = "SELECT sql AS d FROM sqlite_master WHERE tbl_name = 'units' AND type = 'index' AND sql IS NOT NULL"
            } else {
                query = "SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'units'"
            }
            let definitions = try await sql.raw(query).all().map { try $0.decode(column: "d", as: String.self) }
            XCTAssertTrue(definitions.contains { $0.contains("(parent_id)") }, "\(rt.url.kindName): \(definitions)")
        }
    }

    func testSQLiteConnectionsReadThroughALargerCacheAndAMemoryMap() async throws {
        let rt = try StoreRuntime(url: .sqlite(path: TestDatabases.sqlitePath()))
        try await rt.migrate()
        let sql = rt.database as! any SQLDatabase
        let cache = try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
        let mmap = try await sql.raw("PRAGMA mmap_size").first()?.decode(column: "mmap_size", as: Int.self)
        await rt.shutdown()
        XCTAssertEqual(cache, -32768, "32 MiB")
        XCTAssertEqual(mmap, 1 << 30, "1 GiB")
    }

    func testAnUnreachablePostgresSaysSoInOneSentence() async throws {
        let rt = try StoreRuntime(url: try DatabaseURL(parsing: "postgres://u:p@127.0.0.1:1/none"))
        do {
            try await rt.migrate()
            XCTFail("port 1 must not answer")
        } catch {
            XCTAssertTrue(String(describing: error).hasPrefix("Không kết nối được cơ sở dữ liệu postgres://u:***@127.0.0.1:1/none"), "\(error)")
        }
        await rt.shutdown()
    }
}
