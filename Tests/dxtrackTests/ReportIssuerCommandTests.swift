import DXTestSupport
import Foundation
import XCTest

/// A report for a district or a department is headed by that unit, not by the province.
final class ReportIssuerCommandTests: XCTestCase {
    func html(unit: String?) throws -> String {
        let path = TestDatabases.sqlitePath()
        let db = "sqlite:" + path
        XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("bao-cao-\(unit ?? "tinh").html")
        let run = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--number", "15", "--date", "05/07/2024",
                               "--format", "html", "--out", out.path, "--db", db] + (unit.map { ["--unit", $0] } ?? []))
        XCTAssertEqual(run.status, 0, run.err)
        return try String(contentsOf: out, encoding: .utf8)
    }

    func testADistrictsReportCarriesItsOwnHeadingSymbolAndPlace() throws {
        let page = try html(unit: "339")
        XCTAssertTrue(page.contains("UBND HUYỆN HƯNG HÀ"), "the district's committee issues it")
        XCTAssertFalse(page.contains("BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ"))
        XCTAssertTrue(page.contains("15/BC-UBND"))
        XCTAssertTrue(page.contains("Hưng Hà, ngày 05 tháng 7 năm 2024"))
        XCTAssertTrue(page.contains("TM. ỦY BAN NHÂN DÂN") || page.contains("TM. Ủy ban nhân dân"), "signed for the committee")
    }

    func testADepartmentsReportIsHeadedByTheDepartmentUnderTheProvince() throws {
        let page = try html(unit: "TB-STP")
        XCTAssertTrue(page.contains("UBND TỈNH THÁI BÌNH"))
        XCTAssertTrue(page.contains("SỞ TƯ PHÁP"))
        XCTAssertTrue(page.contains("15/BC-STP"))
        XCTAssertTrue(page.contains("Thái Bình, ngày 05 tháng 7 năm 2024"))
    }

    func testTheProvincesReportKeepsTheSteeringCommitteesHeading() throws {
        let page = try html(unit: nil)
        XCTAssertTrue(page.contains("UBND TỈNH THÁI BÌNH"))
        XCTAssertTrue(page.contains("BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ"))
        XCTAssertTrue(page.contains("15/BC-BCĐ"))
        XCTAssertTrue(page.contains("UBND các huyện, thị xã, thành phố"), "2024: the province still had districts")
    }
}
