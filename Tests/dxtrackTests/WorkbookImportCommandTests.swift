import DXCore
import DXStore
import DXTestSupport
import DXWeb
import Foundation
import XCTest

/// `dxtrack import values FILE.xlsx --round CODE`: a filled report template goes through the
/// web upload's reader and checks; a dry run writes nothing, an error writes nothing.
final class WorkbookImportCommandTests: XCTestCase {
    func withStore<T>(_ db: String, _ body: (Store) async throws -> T) async throws -> T {
        let runtime = try StoreRuntime(url: try DatabaseURL(parsing: db))
        do {
            let out = try await body(runtime.store)
            await runtime.shutdown()
            return out
        } catch {
            await runtime.shutdown()
            throw error
        }
    }

    func report(_ store: Store, _ unit: String) async throws -> UnitReport {
        let found = try await store.round("bc-nam-2024")
        let round = try XCTUnwrap(found)
        let report = try await store.unitReport(round, unitCode: unit)
        return try XCTUnwrap(report)
    }

    func testAFilledTemplateIsImportedAndADryRunWritesNothing() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let file = dir.appendingPathComponent("339.xlsx")
            let before = try await withStore(db) { store in
                var r = try await report(store, "339")
                let stored = r
                var entry = r.indicators[0].entry ?? IndicatorEntry()
                entry.comment = "Hoàn thành (nhập từ dòng lệnh)"
                r.indicators[0].entry = entry
                r.status.narrative["Đề xuất"] = "Bổ sung nhân lực công nghệ thông tin."
                try RoundWorkbookWriter.data([r], allUnits: false).write(to: file)
                return stored
            }

            let dry = try CLI.run(["import", "values", file.path, "--round", "bc-nam-2024", "--dry-run", "--db", db])
            XCTAssertEqual(dry.status, 0, dry.err)
            XCTAssertTrue(dry.out.contains("Hoàn thành (nhập từ dòng lệnh)"), dry.out)
            XCTAssertTrue(dry.out.contains("Chạy thử: chưa ghi gì vào cơ sở dữ liệu."), dry.out)
            let afterDry = try await withStore(db) { try await report($0, "339").status.version }
            XCTAssertEqual(afterDry, before.status.version)

            let real = try CLI.run(["import", "values", file.path, "--round", "bc-nam-2024", "--db", db])
            XCTAssertEqual(real.status, 0, real.err)
            XCTAssertTrue(real.out.contains("ở 1 đơn vị."), real.out)
            let after = try await withStore(db) { try await report($0, "339") }
            XCTAssertEqual(after.status.version, before.status.version + 1)
            XCTAssertEqual(after.indicators[0].entry?.comment, "Hoàn thành (nhập từ dòng lệnh)")
            XCTAssertEqual(after.status.narrative["Đề xuất"], "Bổ sung nhân lực công nghệ thông tin.")
            // Importing the same file again changes nothing.
            let again = try CLI.run(["import", "values", file.path, "--round", "bc-nam-2024", "--db", db])
            XCTAssertTrue(again.out.contains("Số liệu: 0 thay đổi ở 0 đơn vị."), again.out)
        }
    }

    func testErrorsNameTheSheetAndCellAndNothingIsWritten() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let file = dir.appendingPathComponent("338.xlsx")
            let version = try await withStore(db) { store in
                try RoundWorkbookWriter.data([try await report(store, "TB-STP")], allUnits: false).write(to: file)
                return try await report(store, "339").status.version
            }
            let run = try CLI.run(["import", "values", file.path, "--round", "bc-nam-2024", "--unit", "339", "--db", db])
            XCTAssertNotEqual(run.status, 0)
            XCTAssertTrue(run.err.contains("Trang 'Hướng dẫn', ô B3: Tệp là mẫu của đơn vị \"TB-STP\", không phải của \"339\"."), run.err)
            XCTAssertTrue(run.err.contains("1 lỗi, không nhập gì."), run.err)
            let after = try await withStore(db) { try await report($0, "339").status.version }
            XCTAssertEqual(after, version)

            let notExcel = dir.appendingPathComponent("khong-phai.xlsx")
            try Data("không phải tệp Excel".utf8).write(to: notExcel)
            let refused = try CLI.run(["import", "values", notExcel.path, "--round", "bc-nam-2024", "--db", db])
            XCTAssertNotEqual(refused.status, 0)
            XCTAssertTrue(refused.err.contains("không phải là tệp Excel .xlsx"), refused.err)
        }
    }
}
