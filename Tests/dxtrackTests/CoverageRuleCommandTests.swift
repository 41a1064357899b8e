import DXCore
import DXStore
import DXTestSupport
import DXWeb
import Foundation
import XCTest

/// Issue 13, "one coverage rule", on the command line: the same zero-denominator rule as the
/// web form (0/0 only where the indicator allows it, n/0 never, the row named), the flag in the
/// indicator files, "—" for the rate of 0/0 in `evaluate`, and the round's workbooks imported
/// back with "0 thay đổi".
final class CoverageRuleCommandTests: XCTestCase {
    let refusal = "Mẫu số phải lớn hơn 0: chỉ tiêu này không cho phép 0/0. Nếu kỳ này không phát sinh, để trống tử số, mẫu số và ghi lý do vào ô Ghi chú."

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

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

    func testZeroOverZeroIsImportedOnlyWhereTheIndicatorAllowsIt() async throws {
        let dir = try scratch()
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let before = try CLI.run(["export", "values", "--db", db]).out
            let bad = dir.appendingPathComponent("0-0.csv")
            try """
            period,unit_code,indicator_code,numerator,denominator
            2024Q3,339,2,0,0
            2024Q3,339,1,0,0
            2024Q3,338,2,5,0
            """.write(to: bad, atomically: true, encoding: .utf8)
            let r = try CLI.run(["import", "values", bad.path, "--plan", "KH-CĐS-2024", "--db", db])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.err.contains("Dòng 3: Số liệu KH-CĐS-2024 / 1 / 339 / 2024Q3: \(refusal)"), r.err)
            XCTAssertTrue(r.err.contains("Dòng 4: Số liệu KH-CĐS-2024 / 2 / 338 / 2024Q3: Mẫu số phải lớn hơn 0 khi tử số lớn hơn 0."), r.err)
            XCTAssertFalse(r.err.contains("Dòng 2:"), "0/0 is allowed for indicator 2")
            XCTAssertEqual(try CLI.run(["export", "values", "--db", db]).out, before, "nothing written")

            let good = dir.appendingPathComponent("0-0-dung.csv")
            try "period,unit_code,indicator_code,numerator,denominator\n2024Q3,339,2,0,0\n2024Q3,338,2,0,0\n"
                .write(to: good, atomically: true, encoding: .utf8)
            let ok = try CLI.run(["import", "values", good.path, "--plan", "KH-CĐS-2024", "--db", db])
            XCTAssertEqual(ok.status, 0, ok.err)
            XCTAssertEqual(ok.out, "Số liệu: 2 thêm mới, 0 cập nhật, 0 không đổi.\n")

            // evaluate: no rate ("—", null in JSON) with its parts, and both districts reporting.
            let text = try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024Q3", "--unit", "34", "--db", db])
            XCTAssertEqual(text.status, 0, text.err)
            let line = text.out.split(separator: "\n").first { $0.hasPrefix("2 ") }.map(String.init) ?? ""
            XCTAssertTrue(line.contains("  —  ") && line.contains("0/0") && !line.contains("0,00%"), line)
            XCTAssertTrue(line.contains("  2/") && line.hasSuffix(" đơn vị trực thuộc đã báo cáo"), "both districts count: \(line)")
            let json = try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024Q3", "--unit", "34", "--format", "json", "--db", db])
            let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any], json.out)
            let row = try XCTUnwrap((doc["indicators"] as? [[String: Any]])?.first { $0["code"] as? String == "2" })
            XCTAssertTrue(row["value"] is NSNull, "\(row)")
            XCTAssertEqual(row["numerator"] as? Double, 0)
            XCTAssertEqual(row["denominator"] as? Double, 0)
            XCTAssertEqual((row["coverage"] as? [String: Any])?["reporting"] as? Int, 2)
        }
    }

    func testTheFlagTravelsThroughTheIndicatorFiles() async throws {
        let dir = try scratch()
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let csv = try CLI.run(["export", "indicators", "--plan", "KH-CĐS-2024", "--db", db]).out
            let lines = csv.split(separator: "\n").map(String.init)
            XCTAssertTrue(lines[0].contains("allows_over_100,allows_zero_denominator,target_year"), lines[0])
            let json = try CLI.run(["export", "indicators", "--plan", "KH-CĐS-2024", "--format", "json", "--db", db]).out
            XCTAssertEqual(json.components(separatedBy: "\"allowsZeroDenominator\" : true").count - 1, 4, "indicators 2, 3, 4 and 8")

            // Setting it from a CSV file: indicator 1 becomes a rate that may be 0/0.
            let file = dir.appendingPathComponent("chi-tieu.csv")
            try """
            plan_code,code,name,measure,temporal,allows_zero_denominator,target_year,target_comparator,target_value
            KH-CĐS-2024,1,Tỷ lệ dịch vụ công trực tuyến toàn trình,rate,stock,có,2024,ge,80
            """.write(to: file, atomically: true, encoding: .utf8)
            let r = try CLI.run(["import", "indicators", file.path, "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
            let allows = try await withStore(db) { store in
                try await store.planContents(slugOrCode: "KH-CĐS-2024")?.indicators.first { $0.code == "1" }?.allowsZeroDenominator
            }
            XCTAssertEqual(allows, true)
        }
    }

    func testTheRoundsWorkbooksImportBackWithNoChange() async throws {
        let dir = try scratch()
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            // A quarter in which two units had no case files: 0/0, and one submitted.
            try await withStore(db) { store in
                let admin = Actor(username: "admin")
                let round = try await store.createRound(
                    ReportingRound(code: "bc-q3-2024", title: "Báo cáo quý III/2024", periodID: "2024Q3", planCodes: ["KH-CĐS-2024"],
                                   formCodes: ["BM01"], defaultDeadline: CalendarDate(2024, 9, 20), ownerUnitCode: "34"),
                    unitCodes: ["339", "TB-STP"], by: admin)
                for unit in ["339", "TB-STP"] {
                    let found = try await store.unitReport(round, unitCode: unit)
                    let report = try XCTUnwrap(found)
                    var patch = ReportPatch()
                    for item in report.indicators where item.indicator.allowsZeroDenominator {
                        patch.values[item.key] = IndicatorEntry(numerator: 0, denominator: 0).normalized(for: item.indicator)
                    }
                    for part in report.forms { for row in part.rows { patch.forms[part.key(row)] = ["1": .number(0), "2": .number(0)] } }
                    _ = try await store.saveReport(round, unitCode: unit, patch: patch, baseVersion: report.status.version, by: admin)
                }
                _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: admin)
                for round in try await store.rounds() {
                    var reports: [UnitReport] = []
                    for e in try await store.completeness(round) {
                        let found = try await store.unitReport(round, unitCode: e.unitCode)
                        let r = try XCTUnwrap(found)
                        reports.append(r)
                        try RoundWorkbookWriter.data([r], allUnits: false)
                            .write(to: dir.appendingPathComponent("\(round.code)-\(e.unitCode).xlsx"))
                    }
                    try RoundWorkbookWriter.data(reports, allUnits: true).write(to: dir.appendingPathComponent("\(round.code)-all.xlsx"))
                }
            }
            for (round, unit) in [("bc-q3-2024", "339"), ("bc-q3-2024", "TB-STP"), ("bc-q3-2024", "all"), ("bc-nam-2024", "all"),
                                  ("bc-nam-2024", "339"), ("bc-nam-2024", "TB-STTTT")] {
                let file = dir.appendingPathComponent("\(round)-\(unit).xlsx")
                let r = try CLI.run(["import", "values", file.path, "--round", round, "--db", db])
                XCTAssertEqual(r.status, 0, "\(round) \(unit): \(r.err)")
                XCTAssertTrue(r.out.contains("Số liệu: 0 thay đổi ở 0 đơn vị."), "\(round) \(unit): \(r.out)")
            }
        }
    }
}
