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

/// Who signs, and whose documents the documents appendix lists.
final class ReportSignerAndDocumentsCommandTests: XCTestCase {
    func html(_ args: [String]) throws -> String {
        let path = TestDatabases.sqlitePath()
        let db = "sqlite:" + path
        XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("bao-cao.html")
        let run = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--format", "html", "--out", out.path, "--db", db] + args)
        XCTAssertEqual(run.status, 0, run.err)
        return try String(contentsOf: out, encoding: .utf8)
    }

    func testTheSignersNameAndTitleArePrintedWhenGiven() throws {
        let page = try html(["--unit", "339", "--signer", "Nguyễn Văn Bình", "--signer-title", "Phó Chủ tịch"])
        XCTAssertTrue(page.contains("Nguyễn Văn Bình"))
        XCTAssertTrue(page.contains("PHÓ CHỦ TỊCH") || page.contains("Phó Chủ tịch"))
        XCTAssertFalse(page.contains(">Chủ tịch<") || page.contains(">CHỦ TỊCH<"), "the title replaces the derived one")
    }

    func testAnOverlongSignerIsRefusedAndNothingWritten() throws {
        let path = TestDatabases.sqlitePath()
        XCTAssertEqual(try CLI.run(["demo", "--db", "sqlite:" + path]).status, 0)
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("khong-ghi.html")
        let run = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--format", "html", "--out", out.path,
                               "--db", "sqlite:" + path, "--signer", String(repeating: "A", count: 2_001)])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.err.contains("Người ký: trường 'signerName' dài 2.001 ký tự"), run.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testTheProvincesDocumentsAppendixLeavesOutTheDistrictsNoticesUnlessAsked() throws {
        let province = try html([])
        XCTAssertTrue(province.contains("805/QĐ-UBND"), "the provincial committee's decision")
        XCTAssertTrue(province.contains("645/STTTT-CNTTVT"), "a department's document")
        XCTAssertFalse(province.contains("54/KH-UBND"), "Hưng Hà's plan is the district's business")
        XCTAssertFalse(province.contains("569/UBND-VHTT"))
        let all = try html(["--documents-of-subunits"])
        XCTAssertTrue(all.contains("54/KH-UBND"))
        XCTAssertTrue(all.contains("805/QĐ-UBND"))
    }

    func testADistrictsDocumentsAppendixListsItsOwnAndItsOfficesDocuments() throws {
        let district = try html(["--unit", "339"])
        XCTAssertTrue(district.contains("54/KH-UBND"))
        XCTAssertTrue(district.contains("04/VHTT"), "issued by the district's office of culture and information")
        XCTAssertFalse(district.contains("805/QĐ-UBND"), "the province's decision is not the district's")
    }
}
