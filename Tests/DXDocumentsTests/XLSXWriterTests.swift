import DXDocuments
import Foundation
import XCTest

final class XLSXWriterTests: XCTestCase {
    func testWorkbookReadBackByOpenpyxl() throws {
        let folder = try TestOutput.folder("xlsx-openpyxl")
        let url = folder.appendingPathComponent("phu-luc.xlsx")
        try XLSXWriter().write(SampleWorkbook.workbook, to: url)
        let output = try ExternalTools.runChecker("check-xlsx.py", module: "openpyxl", install: ExternalTools.openpyxlInstall,
                                                  arguments: [url.path, "--expect-sheets", "2"])
        let report = try ExternalTools.json(output)
        XCTAssertEqual(report["problems"] as? [String], [])
        XCTAssertEqual(report["sheet_names"] as? [String], ["Phụ lục I - Chỉ tiêu", "Phụ lục IV - Văn bản"])
        let sheets = try XCTUnwrap(report["sheets"] as? [[String: Any]])

        let indicators = sheets[0]
        XCTAssertEqual(indicators["freeze_panes"] as? String, "A3")
        XCTAssertEqual(indicators["column_widths"] as? [String: Double],
                       ["A": 6, "B": 50, "C": 10, "D": 10, "E": 12, "F": 18])
        XCTAssertEqual(indicators["merged"] as? [String], ["A1:A2", "B1:B2", "C1:E1", "F1:F2"])
        XCTAssertEqual(indicators["percent_cells"] as? [String], ["E3", "E4", "E5", "E6"])
        let formats = try XCTUnwrap(indicators["number_formats"] as? [String: String])
        XCTAssertEqual(formats["E3"], "0.00%")
        XCTAssertEqual(formats["C7"], "#,##0")
        XCTAssertEqual(indicators["print_title_rows"] as? String, "$1:$2")
        XCTAssertEqual(indicators["orientation"] as? String, "landscape")
        let rows = try XCTUnwrap(indicators["rows"] as? [[Any]])
        XCTAssertEqual(rows.count, 7)
        XCTAssertEqual(rows[0][0] as? String, "STT")
        XCTAssertEqual(rows[2][0] as? Int, 1)
        XCTAssertEqual(rows[2][1] as? String, "Dịch vụ công trực tuyến toàn trình")
        XCTAssertEqual(rows[2][2] as? Int, 9)
        XCTAssertEqual(rows[2][3] as? Int, 16)
        XCTAssertEqual(try XCTUnwrap(rows[2][4] as? Double), 0.5625, accuracy: 1e-12)
        XCTAssertEqual(rows[6][2] as? Int, 1_445_521)
        let validations = try XCTUnwrap(indicators["validations"] as? [[String: Any]])
        XCTAssertEqual(validations.first?["formula1"] as? String, "\"Hoàn thành,Đang triển khai,Chưa triển khai\"")

        let documents = sheets[1]
        XCTAssertEqual(documents["freeze_panes"] as? String, "C2")
        let documentRows = try XCTUnwrap(documents["rows"] as? [[Any]])
        XCTAssertEqual(documentRows[1][3] as? String, "2024-06-27")
        XCTAssertEqual((documents["number_formats"] as? [String: String])?["D2"], "dd/mm/yyyy")
    }

    func testEveryXMLPartIsWellFormedForXmllint() throws {
        let folder = try TestOutput.folder("xlsx-xmllint")
        let data = try XLSXWriter().write(SampleWorkbook.workbook)
        let linted = try ExternalTools.lintEveryPart(of: data, into: folder)
        XCTAssertGreaterThanOrEqual(linted, 8)
        let parts = try ExternalTools.parts(of: data)
        let sheet = try XCTUnwrap(parts["xl/worksheets/sheet1.xml"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        // Numbers are numbers, not strings.
        XCTAssertTrue(sheet.contains("<c r=\"C3\" s=\""), sheet)
        XCTAssertTrue(sheet.contains("><v>9</v></c>"))
        XCTAssertTrue(sheet.contains("<v>0.5625</v>"))
        let styles = try XCTUnwrap(parts["xl/styles.xml"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(styles.contains("numFmtId=\"10\""))
        XCTAssertTrue(styles.contains("<patternFill patternType=\"gray125\"/>"))
    }

    func testOutputIsByteIdenticalForTheSameWorkbook() throws {
        XCTAssertEqual(try XLSXWriter().write(SampleWorkbook.workbook), try XLSXWriter().write(SampleWorkbook.workbook))
    }

    // MARK: Workbooks the writer refuses

    private func refusal(_ names: [String]) -> (WorkbookError?, Bool) {
        let workbook = Workbook(sheets: names.map { Worksheet(name: $0, rows: [SheetRow([SheetCell(.number(1))])]) })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dxdocuments-bad-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try XLSXWriter().write(workbook, to: url)
            return (nil, FileManager.default.fileExists(atPath: url.path))
        } catch {
            return (error as? WorkbookError, FileManager.default.fileExists(atPath: url.path))
        }
    }

    func testBadSheetNamesAreRefusedInVietnameseAndNothingIsWritten() {
        let long = "Phụ lục II - Kết quả thực hiện nhiệm vụ năm 2024"
        let cases: [([String], WorkbookError, String)] = [
            ([""], .emptySheetName(sheet: 1), "Trang tính thứ 1 chưa có tên."),
            (["Phụ lục I", "  "], .emptySheetName(sheet: 2), "Trang tính thứ 2 chưa có tên."),
            ([long], .sheetNameTooLong(name: long, length: long.count),
             "Tên trang tính “\(long)” dài \(long.count) ký tự; Excel chỉ cho phép tối đa 31 ký tự."),
            (["Phụ lục I", "phụ lục i"], .duplicateSheetName(name: "phụ lục i"),
             "Tên trang tính “phụ lục i” bị trùng (Excel không phân biệt chữ hoa, chữ thường)."),
            (["Chỉ tiêu 1/2024"], .forbiddenCharacterInSheetName(name: "Chỉ tiêu 1/2024", character: "/"),
             "Tên trang tính “Chỉ tiêu 1/2024” chứa ký tự “/” không được phép; tên không được có các ký tự [ ] : * ? / \\."),
            (["'Phụ lục"], .sheetNameStartsOrEndsWithApostrophe(name: "'Phụ lục"),
             "Tên trang tính “'Phụ lục” không được bắt đầu hoặc kết thúc bằng dấu nháy đơn (')."),
            (["History"], .reservedSheetName(name: "History"),
             "Tên trang tính “History” là tên Excel dành riêng; hãy chọn tên khác."),
            ([], .noSheets, "Sổ tính phải có ít nhất một trang tính."),
        ]
        for (names, expected, message) in cases {
            let (error, written) = refusal(names)
            XCTAssertEqual(error, expected, "\(names)")
            XCTAssertEqual(error?.errorDescription, message)
            XCTAssertFalse(written, "a file was written for \(names)")
        }
        // 31 characters of Vietnamese (NFC) is fine.
        let fits = String(repeating: "ệ", count: 31)
        XCTAssertNil(refusal([fits]).0)
    }

    func testBadContentIsRefused() {
        func error(_ sheet: Worksheet) -> WorkbookError? {
            do { _ = try XLSXWriter().write(Workbook(sheets: [sheet])); return nil } catch { return error as? WorkbookError }
        }
        XCTAssertEqual(error(Worksheet(name: "A", rows: [SheetRow([SheetCell(.number(.nan))])])),
                       .nonFiniteNumber(sheet: "A", cell: "A1"))
        XCTAssertEqual(error(Worksheet(name: "A", rows: [SheetRow([.empty, SheetCell(.date(year: 2024, month: 2, day: 30))])])),
                       .invalidDate(sheet: "A", cell: "B1"))
        XCTAssertEqual(error(Worksheet(name: "A", rows: [], mergedRanges: [
            CellRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1),
            CellRange(firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 2),
        ])), .overlappingMerges(sheet: "A", first: "A1:B2", second: "B2:C3"))
        XCTAssertEqual(error(Worksheet(name: "A", rows: [], headerRowCount: 1)), .headerRowCountOutOfRange(sheet: "A", headerRows: 1))
        XCTAssertEqual(error(Worksheet(name: "A", rows: [], validations: [
            ListValidation(range: CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 0), options: ["a,b"]),
        ])), .invalidValidationOption(sheet: "A", option: "a,b"))
    }

    func testCellReferencesAndExcelDates() {
        XCTAssertEqual(CellRange.columnName(0), "A")
        XCTAssertEqual(CellRange.columnName(25), "Z")
        XCTAssertEqual(CellRange.columnName(26), "AA")
        XCTAssertEqual(CellRange.columnName(16_383), "XFD")
        XCTAssertEqual(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 0).reference, "A1")
        let csv = CSVWriter(numberStyle: .invariant)
        XCTAssertEqual(csv.format(SheetCell(.date(year: 2024, month: 6, day: 27))), "2024-06-27")
    }
}
