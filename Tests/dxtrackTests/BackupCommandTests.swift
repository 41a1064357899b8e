import DXCore
@testable import DXStore
import DXTestSupport
import Foundation
import XCTest

/// `dxtrack backup` and `dxtrack restore`: a consistent copy taken while people save, moved to
/// the other kind of database, refused where it would do harm.
final class BackupCommandTests: XCTestCase {
    func folder() -> URL { URL(fileURLWithPath: TestDatabases.sqlitePath()).deletingLastPathComponent() }

    func manifest(_ archive: URL) throws -> [String: Any] {
        let run = try python("import zipfile,sys; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('manifest.json').decode())", archive.path)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.utf8)) as? [String: Any])
    }

    func tableHashes(_ m: [String: Any]) -> [String] {
        ((m["tables"] as? [[String: Any]]) ?? []).map { "\($0["name"]!) \($0["rows"]!) \($0["contentHash"]!)" }
    }

    func python(_ code: String, _ args: String...) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", code] + args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self)
    }

    func testABackupTakenWhilePeopleSaveRestoresOnTheOtherKindIdentically() async throws {
        let dir = folder()
        let source = "sqlite:" + dir.appendingPathComponent("nguon.sqlite").path
        XCTAssertEqual(try CLI.run(["demo", "--db", source]).status, 0)
        // A stream of writes: each new unit and its audit entry are saved in one transaction,
        // so a consistent snapshot holds as many of one as of the other.
        let runtime = try StoreRuntime(url: try DatabaseURL(parsing: source))
        let writer = Task {
            var n = 0
            while !Task.isCancelled {
                n += 1
                try await runtime.store.saveUnit(OrgUnit(code: "BK-\(n)", name: "Đơn vị thử \(n)", kind: .other, parentCode: "TB-UBND"),
                                                 by: Actor(username: "admin", ip: nil))
            }
            return n
        }
        let archive = dir.appendingPathComponent("sao-luu.zip")
        try await Task.sleep(nanoseconds: 200_000_000)
        let backup = try CLI.run(["backup", "--db", source, "--out", archive.path])
        writer.cancel()
        let written = try await writer.value
        await runtime.shutdown()
        XCTAssertEqual(backup.status, 0, backup.err)
        XCTAssertTrue(backup.out.hasPrefix("Đã sao lưu \(BackupTables.order.count) bảng"), backup.out)
        XCTAssertGreaterThan(written, 1, "the writes ran during the backup")
        let m = try manifest(archive)
        XCTAssertEqual(m["formatVersion"] as? Int, 1)
        XCTAssertEqual((m["migrations"] as? [String])?.last, DXMigrations.all.last!.name)

        // Restored into PostgreSQL when the tests have one, and into a new SQLite file.
        var targets = ["sqlite:" + dir.appendingPathComponent("dich.sqlite").path]
        if let pg = TestDatabases.postgresURL {
            try await TestDatabases.reset(try DatabaseURL(parsing: pg))
            targets.append(pg)
        }
        var reports: [String] = []
        for target in targets {
            let restore = try CLI.run(["restore", archive.path, "--db", target])
            XCTAssertEqual(restore.status, 0, restore.err)
            // Backed up again, the copy holds the same rows, table by table.
            let again = dir.appendingPathComponent("lai-\(reports.count).zip")
            XCTAssertEqual(try CLI.run(["backup", "--db", target, "--out", again.path]).status, 0)
            XCTAssertEqual(tableHashes(try manifest(again)), tableHashes(m), target)
            XCTAssertEqual(try manifest(again)["contentHash"] as? String, m["contentHash"] as? String)

            let copy = try StoreRuntime(url: try DatabaseURL(parsing: target))
            let units = try await copy.store.units().filter { $0.code.hasPrefix("BK-") }.count
            let created = try await copy.store.auditEntries(limit: 100_000).filter { $0.subjectCode?.hasPrefix("BK-") == true && $0.field == "created" }.count
            // The rollups are not in the archive: the restore rebuilt them from the figures.
            let rollups = try await copy.store.rollupCheck(planCode: "KH-CĐS-2024")
            await copy.shutdown()
            XCTAssertEqual(units, created, "a unit and its audit entry travel together or not at all")
            XCTAssertFalse(rollups.stored.isEmpty, target)
            XCTAssertEqual(rollups.stored, rollups.direct, "\(target): rollups rebuilt by the restore")

            let out = dir.appendingPathComponent("bao-cao-\(reports.count).html")
            let report = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--period", "2024", "--date", "01/12/2024", "--format", "html",
                                      "--out", out.path, "--db", target])
            XCTAssertEqual(report.status, 0, report.err)
            reports.append(try String(contentsOf: out, encoding: .utf8).replacingOccurrences(of: #"Số liệu tính đến [^<]*"#, with: "", options: .regularExpression))
        }
        XCTAssertEqual(Set(reports).count, 1, "the same report from every copy")
        XCTAssertTrue(reports[0].contains("UBND TỈNH THÁI BÌNH"))

        // A second restore into the filled database is refused, and changes nothing.
        let twice = try CLI.run(["restore", archive.path, "--db", targets[0]])
        XCTAssertNotEqual(twice.status, 0)
        XCTAssertTrue(twice.err.contains("đã có dữ liệu") && twice.err.contains("chỉ khôi phục vào cơ sở dữ liệu trống"), twice.err)
    }

    func testADamagedNewerOrForeignArchiveIsRefusedAndNothingIsWritten() async throws {
        let dir = folder()
        let source = "sqlite:" + dir.appendingPathComponent("nguon.sqlite").path
        XCTAssertEqual(try CLI.run(["demo", "--db", source]).status, 0)
        let archive = dir.appendingPathComponent("sao-luu.zip")
        XCTAssertEqual(try CLI.run(["backup", "--db", source, "--out", archive.path]).status, 0)

        // Rewrites one member of the archive with `change` applied (Python's zipfile).
        func tampered(_ name: String, member: String, _ change: String) throws -> String {
            let out = dir.appendingPathComponent(name).path
            _ = try python("""
                import zipfile, sys, re
                src, dst, member = sys.argv[1], sys.argv[2], sys.argv[3]
                with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, 'w') as b:
                    for i in a.infolist():
                        data = a.read(i.filename)
                        if i.filename == member or (member.endswith('*') and i.filename.startswith(member[:-1])):
                            data = (\(change))(data)
                        b.writestr(i, data)
                """, archive.path, out, member)
            return out
        }
        let cases: [(file: String, message: String)] = [
            (try tampered("hong.zip", member: "tables/009-*", "lambda d: d.replace(b'2024S1', b'2024S2', 1)"),
             "bị hỏng: bảng data_values không khớp mã kiểm tra"),
            (try tampered("moi-hon.zip", member: "manifest.json", #"lambda d: d.replace(b'"formatVersion" : 1', b'"formatVersion" : 2')"#),
             "do phiên bản dxtrack mới hơn tạo ra (định dạng 2)"),
            (try tampered("muc-moi.zip", member: "manifest.json", #"lambda d: d.replace(b'"021_create_unit_report_headings"', b'"021_create_unit_report_headings", "099_future"')"#),
             "ở mức mới hơn phiên bản dxtrack này (099_future)"),
            (source.replacingOccurrences(of: "sqlite:", with: ""), "không phải tệp sao lưu của dxtrack"),
            (dir.appendingPathComponent("khong-co.zip").path, "Không có tệp sao lưu"),
        ]
        for c in cases {
            let target = "sqlite:" + dir.appendingPathComponent("dich-\(UUID().uuidString).sqlite").path
            let run = try CLI.run(["restore", c.file, "--db", target])
            XCTAssertNotEqual(run.status, 0, c.file)
            XCTAssertTrue(run.err.contains(c.message), "\(c.file): \(run.err)")
            let copy = try StoreRuntime(url: try DatabaseURL(parsing: target))
            let level = try await copy.store.schemaLevel()
            await copy.shutdown()
            XCTAssertTrue(level.applied.isEmpty, "nothing written for \(c.file)")
        }
    }

    func testEveryTableOfTheSchemaIsBackedUp() async throws {
        let url = DatabaseURL.sqlite(path: TestDatabases.sqlitePath())
        let runtime = try StoreRuntime(url: url)
        _ = try await runtime.migrate()
        let sql = try await runtime.store.backupTableNames()
        await runtime.shutdown()
        XCTAssertEqual(Set(sql), Set(BackupTables.order), "a migration added a table: add it to BackupTables.order")
    }
}
