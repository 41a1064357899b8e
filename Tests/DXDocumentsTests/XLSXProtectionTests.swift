import DXDocuments
import Foundation
import XCTest

/// Sheet protection of fill-in templates: identifiers and headers locked, input cells open.
final class XLSXProtectionTests: XCTestCase {
    static let workbook = Workbook(sheets: [
        Worksheet(name: "Chỉ tiêu", columnWidths: [12, 30, 14],
                  rows: [.header(["Mã", "Tên", "Giá trị"]),
                         SheetRow([SheetCell(.text("1.1")), SheetCell(.text("Tỷ lệ")),
                                   SheetCell(.number(56.25), style: CellStyle.body.with { $0.unlocked = true })])],
                  headerRowCount: 1, isProtected: true),
        Worksheet(name: "Tự do", columnWidths: [10], rows: [SheetRow([SheetCell(.text("x"))])]),
    ])

    func testProtectedSheetAndUnlockedStyleInTheParts() throws {
        let parts = try ExternalTools.parts(of: XLSXWriter().write(Self.workbook))
        let sheet = String(decoding: try XCTUnwrap(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        let protection = try XCTUnwrap(sheet.range(of: "<sheetProtection sheet=\"1\""))
        // CT_Worksheet order: after sheetData, before pageMargins.
        XCTAssertLessThan(try XCTUnwrap(sheet.range(of: "</sheetData>")).lowerBound, protection.lowerBound)
        XCTAssertLessThan(protection.lowerBound, try XCTUnwrap(sheet.range(of: "<pageMargins")).lowerBound)
        XCTAssertFalse(String(decoding: try XCTUnwrap(parts["xl/worksheets/sheet2.xml"]), as: UTF8.self).contains("sheetProtection"))
        let styles = String(decoding: try XCTUnwrap(parts["xl/styles.xml"]), as: UTF8.self)
        XCTAssertEqual(styles.components(separatedBy: "<protection locked=\"0\"/>").count, 2, styles)
    }

    func testOpenpyxlSeesTheProtectionAndTheOpenCells() throws {
        let folder = try TestOutput.folder("xlsx-protection")
        let url = folder.appendingPathComponent("mau.xlsx")
        try XLSXWriter().write(Self.workbook).write(to: url)
        let output = try ExternalTools.runChecker("check-xlsx.py", module: "openpyxl", install: ExternalTools.openpyxlInstall,
                                                  arguments: [url.path, "--expect-sheets", "2"])
        let sheets = try XCTUnwrap(try ExternalTools.json(output)["sheets"] as? [[String: Any]])
        XCTAssertEqual(sheets[0]["protected"] as? Bool, true)
        XCTAssertEqual(sheets[0]["unlocked_cells"] as? [String], ["C2"])
        XCTAssertEqual(sheets[1]["protected"] as? Bool, false)
    }
}
