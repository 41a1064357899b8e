import DXCore
import DXDocuments
import DXReports
import Foundation
import XCTest

/// A two-level form header (biểu mẫu) written to XLSX and DOCX and read back by openpyxl and
/// python-docx: the groups span their columns, the stub columns span the title rows.
final class FormTableOutputTests: XCTestCase {
    static let form = TableForm(
        code: "BM02", title: "Kết quả giải quyết TTHC",
        rows: .fixed([FormRowCategory(key: "SNV", label: "Sở Nội vụ"), FormRowCategory(key: "STP", label: "Sở Tư pháp")]),
        columns: [
            FormColumn(key: "1", title: "Trực tuyến", group: ["Hồ sơ tiếp nhận"]),
            FormColumn(key: "2", title: "Trực tiếp", group: ["Hồ sơ tiếp nhận"]),
            FormColumn(key: "3", title: "Tổng", kind: .computed, formula: "(1)+(2)", group: ["Hồ sơ tiếp nhận"]),
            FormColumn(key: "4", title: "Tỷ lệ trực tuyến", kind: .computed, formula: "(1)/(3)*100",
                       format: FormNumberFormat(fractionDigits: 2, percentSign: true)),
        ])

    func table() throws -> FormTable {
        let form = try CompiledTableForm(Self.form)
        return form.compute(categories: form.form.rows.resolve(units: []), inputs: [
            FormRowInput(key: "SNV", values: ["1": .number(3787), "2": .number(11)]),
            FormRowInput(key: "STP", values: ["1": .number(0), "2": .number(0)]),
        ])
    }

    func testTheXLSXMergesTheGroupAndTheStubColumns() throws {
        let folder = try TestOutput.folder("form-xlsx")
        let url = folder.appendingPathComponent("bieu-mau.xlsx")
        try XLSXWriter().write(Workbook(sheets: [FormTableOutput.worksheet(try table(), name: "BM02")]), to: url)
        let r = try ExternalTools.json(try ExternalTools.runChecker("check-form-table.py", module: "openpyxl", install: ExternalTools.openpyxlInstall,
                                                                    arguments: [url.path, "3"]))
        // Row 1: STT, Đơn vị (down two rows), the group over C–E, the rate down two rows.
        XCTAssertEqual(r["merged"] as? [String], ["A1:A2", "B1:B2", "C1:E1", "F1:F2"])
        let header = try XCTUnwrap(r["header"] as? [[Any]])
        XCTAssertEqual(header[0].map { $0 as? String }, ["STT", "Đơn vị", "Hồ sơ tiếp nhận", nil, nil, "Tỷ lệ trực tuyến"])
        XCTAssertEqual(header[1].map { $0 as? String }, [nil, nil, "Trực tuyến", "Trực tiếp", "Tổng", nil])
        XCTAssertEqual(header[2].map { $0 as? String }, ["A", "B", "(1)", "(2)", "(3) = (1)+(2)", "(4) = (1)/(3)*100"])
        XCTAssertEqual(r["freeze"] as? String, "C4")
        let body = try XCTUnwrap(r["body"] as? [[Any]])
        XCTAssertEqual(body[0][4] as? Double, 3798)
        XCTAssertEqual(body[0][5] as? Double ?? 0, 3787.0 / 3798, accuracy: 1e-12, "a percentage cell holds the fraction")
        XCTAssertEqual(body[1][5] as? String, "—", "division by zero shows the placeholder")
        XCTAssertEqual(body[2][1] as? String, "Tổng")
        XCTAssertEqual((r["formats"] as? [String])?[5], "0.00%")
    }

    func testTheDOCXSpansTheGroupAndMergesTheStubDown() throws {
        let folder = try TestOutput.folder("form-docx")
        let url = folder.appendingPathComponent("bieu-mau.docx")
        let t = FormTableOutput.documentTable(try table(), width: .mm(247))
        try DOCXWriter().write(DocumentModel(sections: [DocumentSection(page: PageSetup(orientation: .landscape), blocks: [.table(t)])]), to: url)
        let r = try ExternalTools.json(try ExternalTools.runChecker("check-form-table.py", module: "docx", install: ExternalTools.pythonDocxInstall,
                                                                    arguments: [url.path, "3"]))
        XCTAssertEqual(r["grid"] as? Int, 6)
        let rows = try XCTUnwrap(r["rows"] as? [[String: Any]])
        func cells(_ i: Int) -> [[String: Any]] { rows[i]["cells"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(cells(0).map { $0["text"] as? String }, ["STT", "Đơn vị", "Hồ sơ tiếp nhận", "Tỷ lệ trực tuyến"])
        XCTAssertEqual(cells(0).map { $0["span"] as? Int }, [1, 1, 3, 1])
        XCTAssertEqual(cells(0).map { $0["vmerge"] as? String }, ["restart", "restart", nil, "restart"])
        XCTAssertEqual(cells(1).map { $0["text"] as? String }, ["", "", "Trực tuyến", "Trực tiếp", "Tổng", ""])
        XCTAssertEqual(cells(1).map { $0["vmerge"] as? String }, ["continue", "continue", nil, nil, nil, "continue"])
        XCTAssertEqual(cells(2).count, 6)
        XCTAssertEqual(rows.map { $0["repeat"] as? Bool }, [true, true, true], "every header row repeats on later pages")
    }
}
