import DXDocuments
import Foundation
import XCTest

/// Writing grows linearly with the content: a 5,000-row appendix is written in well under the
/// bounds below even in a debug build on a slow machine (the bounds only catch quadratic code).
final class PerformanceTests: XCTestCase {
    static let rowCount = 5_000

    func testLargeTableWritesQuickly() throws {
        let page = PageSetup(orientation: .landscape)
        let widths = [0.06, 0.34, 0.2, 0.2, 0.2].map { page.textWidth * $0 }
        var rows = [TableRow.header(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Kết quả", "Ghi chú"])]
        for index in 1...Self.rowCount {
            rows.append(TableRow([TableCell(text: String(index)), TableCell(text: "Nhiệm vụ số \(index) & <chuyển đổi số>"),
                                  TableCell(text: "Sở Thông tin và Truyền thông"), TableCell(text: "Hoàn thành"), TableCell(text: "")]))
        }
        let model = DocumentModel(sections: [DocumentSection(page: page, blocks: [.table(Table(columnWidths: widths, rows: rows, headerRowCount: 1))])])
        var start = Date()
        let docx = try DOCXWriter().write(model)
        let docxSeconds = Date().timeIntervalSince(start)
        start = Date()
        let html = try HTMLWriter().write(model)
        let htmlSeconds = Date().timeIntervalSince(start)
        print("DOCX \(Self.rowCount) rows: \(docx.count) bytes in \(docxSeconds) s; HTML: \(html.count) bytes in \(htmlSeconds) s")
        XCTAssertLessThan(docxSeconds, 20)
        XCTAssertLessThan(htmlSeconds, 20)
    }

    func testLargeSheetWritesQuickly() throws {
        var rows = [SheetRow.header(["STT", "Đơn vị", "Tử số", "Mẫu số", "Tỷ lệ"])]
        for index in 1...Self.rowCount {
            rows.append(SheetRow([SheetCell(.number(Double(index))), SheetCell(.text("Đơn vị \(index)")),
                                  SheetCell(.number(Double(index % 97))), SheetCell(.number(97)),
                                  SheetCell(.percent(Double(index % 97) / 97))]))
        }
        let workbook = Workbook(sheets: [Worksheet(name: "Tỷ lệ", columnWidths: [6, 40, 10, 10, 10], rows: rows, headerRowCount: 1)])
        var start = Date()
        let xlsx = try XLSXWriter().write(workbook)
        let xlsxSeconds = Date().timeIntervalSince(start)
        start = Date()
        let csv = CSVWriter().write(workbook.sheets[0])
        let csvSeconds = Date().timeIntervalSince(start)
        print("XLSX \(Self.rowCount) rows: \(xlsx.count) bytes in \(xlsxSeconds) s; CSV: \(csv.count) bytes in \(csvSeconds) s")
        XCTAssertLessThan(xlsxSeconds, 20)
        XCTAssertLessThan(csvSeconds, 20)
    }

    func testSampleReportWritesFast() throws {
        let start = Date()
        for _ in 0..<5 { _ = try DOCXWriter().write(SampleReport.document) }
        let seconds = Date().timeIntervalSince(start) / 5
        print("Sample report DOCX: \(seconds) s")
        XCTAssertLessThan(seconds, 2)
    }
}
