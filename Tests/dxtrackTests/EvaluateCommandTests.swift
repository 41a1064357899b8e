import DXStore
import DXTestSupport
import Foundation
import XCTest

final class EvaluateCommandTests: XCTestCase {
    let cli = CLI.self

    func testTextGivesTheSummaryLinesAndATable() async throws {
        for db in try await cli.databases() {
            XCTAssertEqual(try cli.run(["demo", "--db", db]).status, 0)
            let r = try cli.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertTrue(r.out.contains("Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 16 mục tiêu"), r.out)
            XCTAssertTrue(r.out.contains("- Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."), r.out)
            XCTAssertTrue(r.out.contains("STT  Chỉ tiêu"), r.out)
            XCTAssertTrue(r.out.contains("Đạt 81,16% mục tiêu"), "indicator 4 in the table")
        }
    }

    func testJSONHasIndicatorsAndSummary() async throws {
        for db in try await cli.databases() {
            XCTAssertEqual(try cli.run(["demo", "--db", db]).status, 0)
            let r = try cli.run(["evaluate", "--plan", "kh-cds-2024", "--period", "2024S1", "--format", "json", "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            let summary = try XCTUnwrap(json["summary"] as? [String: Any])
            XCTAssertEqual(summary["total"] as? Int, 16)
            XCTAssertEqual(summary["met"] as? Int, 9)
            XCTAssertEqual(summary["below50"] as? Int, 1)
            let counted = ["met", "partlyMetFrom50", "below50", "partlyMetUnstated", "notMet", "notEvaluable"]
                .compactMap { summary[$0] as? Int }.reduce(0, +)
            XCTAssertEqual(counted, 16, "every indicator is counted in exactly one class")
            let indicators = try XCTUnwrap(json["indicators"] as? [[String: Any]])
            XCTAssertEqual(indicators.count, 16)
            let seven = try XCTUnwrap(indicators.first { $0["code"] as? String == "7" })
            XCTAssertEqual(seven["numerator"] as? Double, 60)
            XCTAssertEqual(seven["denominator"] as? Double, 90)
            XCTAssertEqual(seven["evaluation"] as? String, "met")
            XCTAssertNotNil(seven["coverage"] as? [String: Any])
            XCTAssertNotNil(seven["target"] as? [String: Any])
            let four = try XCTUnwrap(indicators.first { $0["code"] as? String == "4" })
            XCTAssertEqual(try XCTUnwrap(four["percentOfTarget"] as? Double), 81.16, accuracy: 1e-9)
            // Every key is there on every indicator, null when there is nothing to say.
            for key in ["code", "name", "target", "value", "numerator", "denominator", "coverage", "evaluation", "percentOfTarget"] {
                XCTAssertTrue(indicators.allSatisfy { $0.keys.contains(key) }, key)
            }
            XCTAssertTrue(seven["percentOfTarget"] is NSNull)
        }
    }

    func testBadInputIsOneVietnameseLineAndExitCode1() async throws {
        let db = "sqlite:" + TestDatabases.sqlitePath()
        XCTAssertEqual(try cli.run(["demo", "--db", db]).status, 0)
        let period = try cli.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S3", "--db", db])
        XCTAssertEqual(period.status, 1)
        XCTAssertTrue(period.err.hasPrefix("Lỗi: "), period.err)
        XCTAssertTrue(period.err.contains("2024S3"), period.err)
        let plan = try cli.run(["evaluate", "--plan", "KHONG-CO", "--period", "2024", "--db", db])
        XCTAssertEqual(plan.status, 1)
        XCTAssertEqual(plan.err, "Lỗi: Không tìm thấy kế hoạch KHONG-CO\n")
        let unit = try cli.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024", "--unit", "999", "--db", db])
        XCTAssertEqual(unit.err, "Lỗi: Không tìm thấy đơn vị mã 999\n")
        XCTAssertEqual(try cli.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024", "--format", "xml", "--db", db]).status, 64)
    }
}
