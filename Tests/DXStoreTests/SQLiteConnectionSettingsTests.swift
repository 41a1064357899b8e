@testable import DXStore
import Foundation
import SQLiteNIO
import XCTest

/// The settings every SQLite connection gets when it opens (`SQLiteConnectionSettings`) never
/// make the open fail: SQLite answers an open with the connection's last error after its
/// extensions, and a burst of new pool connections once met another's WAL recovery there.
final class SQLiteConnectionSettingsTests: XCTestCase {
    func testAConnectionOpensWhileAnotherHoldsTheDatabaseLocked() async throws {
        SQLiteConnectionSettings.install()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("locked.sqlite").path
        let holder = try await SQLiteConnection.open(storage: .file(path: path))
        _ = try await holder.query("CREATE TABLE t (x)")
        // A rollback journal (the file's default): an exclusive lock keeps every reader out.
        _ = try await holder.query("BEGIN EXCLUSIVE")
        let other = try await SQLiteConnection.open(storage: .file(path: path))
        _ = try await holder.query("COMMIT")
        let rows = try await other.query("SELECT count(*) AS n FROM t")
        XCTAssertEqual(rows.first?.column("n")?.integer, 0, "the connection opened during the lock reads once it is gone")
        try await other.close()
        try await holder.close()
    }
}
