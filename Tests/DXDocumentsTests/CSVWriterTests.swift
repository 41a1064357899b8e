import DXDocuments
import Foundation
import XCTest

final class CSVWriterTests: XCTestCase {
    func testByteOrderMarkCRLFAndRFC4180Quoting() {
        let data = CSVWriter().write([
            ["STT", "Trích yếu", "Ghi chú"],
            ["1", "Kế hoạch \"chuyển đổi số\", năm 2024", "dòng 1\ndòng 2"],
            ["2", " lề ", ""],
        ])
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text, "STT,Trích yếu,Ghi chú\r\n"
            + "1,\"Kế hoạch \"\"chuyển đổi số\"\", năm 2024\",\"dòng 1\ndòng 2\"\r\n"
            + "2,\" lề \",\r\n")
    }

    func testTextIsNFCAndFormulasAreNeutralised() {
        let data = CSVWriter(includesByteOrderMark: false).write([["Thái Bình".decomposedStringWithCanonicalMapping,
                                                                   "=HYPERLINK(\"x\")", "-12,5", "@SUM(A1)"]])
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(Array(text.unicodeScalars), Array("Thái Bình,\"'=HYPERLINK(\"\"x\"\")\",\"-12,5\",'@SUM(A1)\r\n".unicodeScalars))
    }

    func testWorksheetValuesInVietnameseAndInvariantStyle() {
        let sheet = SampleWorkbook.indicators
        let vietnamese = String(decoding: CSVWriter(includesByteOrderMark: false).write(sheet), as: UTF8.self)
        let lines = vietnamese.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "STT,Chỉ tiêu,Kết quả thực hiện,,,Trạng thái")
        XCTAssertEqual(lines[2], "1,Dịch vụ công trực tuyến toàn trình,9,16,\"56,25%\",Hoàn thành")
        XCTAssertEqual(lines[6], ",Tổng,1.445.521,,,")
        let invariant = String(decoding: CSVWriter(includesByteOrderMark: false, numberStyle: .invariant).write(sheet), as: UTF8.self)
        XCTAssertTrue(invariant.contains("\r\n1,Dịch vụ công trực tuyến toàn trình,9,16,56.25%,Hoàn thành\r\n"))
        XCTAssertTrue(invariant.contains(",Tổng,1445521,,,"))
        let documents = String(decoding: CSVWriter(includesByteOrderMark: false).write(SampleWorkbook.documents), as: UTF8.self)
        XCTAssertTrue(documents.contains(",27/06/2024,"))
    }

    func testNumberFormats() {
        let writer = CSVWriter()
        func format(_ value: Double, _ format: NumberFormat) -> String {
            writer.format(SheetCell(.number(value), style: CellStyle(numberFormat: format)))
        }
        XCTAssertEqual(format(1_445_521, .integer), "1.445.521")
        XCTAssertEqual(format(-1234.5, .decimal2), "-1.234,50")
        XCTAssertEqual(format(0.8002, .general), "0,8002")
        XCTAssertEqual(format(12, .general), "12")
        XCTAssertEqual(format(-0.0001, .integer), "0")
        XCTAssertEqual(writer.format(SheetCell(.percent(0.0759))), "7,59%")
        XCTAssertEqual(writer.format(SheetCell(.percent(1))), "100,00%")
    }

    /// Python's csv module, an independent RFC 4180 reader, reads back the same fields.
    func testPythonReadsTheSameFields() throws {
        let python = try ExternalTools.require("python3", install: "apt-get install -y python3")
        let folder = try TestOutput.folder("csv")
        let url = folder.appendingPathComponent("phu-luc.csv")
        try CSVWriter().write(SampleWorkbook.indicators, to: url)
        let script = "import csv,json,sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''))), ensure_ascii=False))"
        let result = try ExternalTools.run(python, ["-c", script, url.path])
        XCTAssertEqual(result.status, 0, result.output)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
        XCTAssertEqual(rows.count, 7)
        XCTAssertEqual(rows[2], ["1", "Dịch vụ công trực tuyến toàn trình", "9", "16", "56,25%", "Hoàn thành"])
    }
}
