import DXDocuments
import Foundation
import XCTest

final class DOCXWriterTests: XCTestCase {
    private func writeSample(_ name: String) throws -> (data: Data, url: URL, folder: URL) {
        let folder = try TestOutput.folder(name)
        let data = try DOCXWriter().write(SampleReport.document)
        let url = folder.appendingPathComponent("bao-cao.docx")
        try data.write(to: url)
        return (data, url, folder)
    }

    // MARK: Read back by python-docx

    func testSampleReportFollowsDecree30WhenReadByPythonDocx() throws {
        let sample = try writeSample("docx-python")
        let output = try ExternalTools.runChecker(
            "check-docx.py", module: "docx", install: ExternalTools.pythonDocxInstall,
            arguments: [sample.url.path, "--require-landscape", "--require-footnotes",
                        "--expect-text", SampleReport.summaryLine, "--expect-text", "09/16", "--expect-text", "56,25%"])
        let report = try ExternalTools.json(output)
        XCTAssertEqual(report["problems"] as? [String], [])

        let sections = try XCTUnwrap(report["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.count, 3)
        XCTAssertEqual(sections.map { $0["orientation"] as? String }, ["portrait", "portrait", "landscape"])
        XCTAssertEqual(sections[0]["page_twips"] as? [Int], [11906, 16838])
        XCTAssertEqual(sections[2]["page_twips"] as? [Int], [16838, 11906])
        for section in sections {
            let margins = try XCTUnwrap(section["margins_mm"] as? [String: Double])
            XCTAssertEqual(margins["top"] ?? 0, 20, accuracy: 0.2)
            XCTAssertEqual(margins["left"] ?? 0, 30, accuracy: 0.2)
            XCTAssertEqual(margins["right"] ?? 0, 15, accuracy: 0.2)
            XCTAssertEqual(section["different_first_page"] as? Bool, true)
            XCTAssertEqual(section["page_number_in_header"] as? Bool, true)
            XCTAssertEqual(section["first_page_header_empty"] as? Bool, true)
        }
        XCTAssertEqual(report["default_fonts"] as? [String: String],
                       ["ascii": "Times New Roman", "hAnsi": "Times New Roman", "cs": "Times New Roman"])
        XCTAssertEqual(report["default_size"] as? Double, 14)

        let header = try XCTUnwrap(report["header"] as? [String: Any])
        XCTAssertEqual(header["borderless"] as? Bool, true)
        XCTAssertEqual(header["layout_fixed"] as? Bool, true)
        XCTAssertEqual(header["left"] as? [String], ["UBND TỈNH THÁI BÌNH", "BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ"])
        XCTAssertEqual(header["right"] as? [String], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
        XCTAssertEqual(header["number_line"] as? String, "Số: 83/BC-BCĐ")
        XCTAssertEqual(header["date_line"] as? String, "Thái Bình, ngày 05 tháng 7 năm 2024")
        XCTAssertEqual(header["rule_under_issuer"] as? Bool, true)
        XCTAssertEqual(header["rule_under_motto"] as? Bool, true)

        let title = try XCTUnwrap(report["title"] as? [String: Any])
        XCTAssertEqual(title["kind"] as? String, "BÁO CÁO")
        XCTAssertEqual(report["roman_headings"] as? [String], [
            "I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2024", "II. KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2024",
            "III. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG NHIỆM VỤ",
        ])

        let appendices = try XCTUnwrap(report["appendices"] as? [[String: Any]])
        XCTAssertEqual(appendices.map { $0["label"] as? String }, ["Phụ lục I", "Phụ lục II"])
        XCTAssertEqual(appendices.map { $0["orientation"] as? String }, ["portrait", "landscape"])
        XCTAssertEqual(appendices.map { $0["repeated_header_rows"] as? Int }, [1, 2])
        XCTAssertEqual(appendices[1]["table_rows"] as? Int, 2 + 8 * 8)
        XCTAssertEqual(appendices[1]["table_columns"] as? Int, 7)
        XCTAssertEqual(appendices[1]["header_texts"] as? [String], SampleReport.appendixHeaders)
        XCTAssertEqual(appendices[0]["citation"] as? String,
                       "(Kèm theo Báo cáo số 83/BC-BCĐ ngày 05 tháng 7 năm 2024 của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình)")
        XCTAssertEqual(report["footnotes"] as? [String], [SampleReport.footnoteText])

        let text = try XCTUnwrap(report["text"] as? String)
        XCTAssertTrue(text.contains("- Lưu: VT, CNTT."))
        XCTAssertTrue(text.contains("NGUYỄN KHẮC THẬN") || text.contains("Nguyễn Khắc Thận"))
    }

    // MARK: The package itself

    func testEveryXMLPartIsWellFormedForXmllint() throws {
        let sample = try writeSample("docx-xmllint")
        let count = try ExternalTools.lintEveryPart(of: sample.data, into: sample.folder.appendingPathComponent("parts"))
        XCTAssertGreaterThanOrEqual(count, 11)
    }

    func testContentTypesAndRelationshipsNameEveryPart() throws {
        let parts = try ExternalTools.parts(of: DOCXWriter().write(SampleReport.document))
        let contentTypes = try XCTUnwrap(parts["[Content_Types].xml"].map { String(decoding: $0, as: UTF8.self) })
        for path in parts.keys where path.hasSuffix(".xml") && path != "[Content_Types].xml" {
            XCTAssertTrue(contentTypes.contains("PartName=\"/\(path)\""), "no content type for \(path)")
        }
        let rels = try XCTUnwrap(parts["word/_rels/document.xml.rels"].map { String(decoding: $0, as: UTF8.self) })
        for target in ["styles.xml", "settings.xml", "footnotes.xml", "header1.xml", "header2.xml"] {
            XCTAssertTrue(rels.contains("Target=\"\(target)\""))
            XCTAssertNotNil(parts["word/" + target])
        }
        XCTAssertNotNil(parts["_rels/.rels"])
        let document = try XCTUnwrap(parts["word/document.xml"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(document.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        XCTAssertTrue(document.contains("<w:tblHeader/>"))
        XCTAssertTrue(document.contains("<w:titlePg/>"))
        XCTAssertTrue(document.hasSuffix("</w:sectPr></w:body></w:document>"))
        let settings = try XCTUnwrap(parts["word/settings.xml"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(settings.contains("w:name=\"compatibilityMode\"") && settings.contains("w:val=\"15\""))
    }

    func testOutputIsByteIdenticalForTheSameModel() throws {
        XCTAssertEqual(try DOCXWriter().write(SampleReport.document), try DOCXWriter().write(SampleReport.document))
    }

    func testTextIsEscapedNormalisedAndStrippedOfControlCharacters() throws {
        let decomposed = "Thái Bình".decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(decomposed.unicodeScalars), Array("Thái Bình".unicodeScalars))
        let tricky = "A & B < C > D \"E\" \u{1}\u{B}F " + decomposed
        let model = DocumentModel(sections: [Decree30.mainSection([
            .paragraph(Paragraph.body(tricky)),
            .paragraph(Paragraph([.text("  lề  "), .lineBreak, .text("x\ty")])),
        ])])
        let data = try DOCXWriter().write(model)
        let document = try XCTUnwrap(ExternalTools.parts(of: data)["word/document.xml"].map { String(decoding: $0, as: UTF8.self) })
        XCTAssertTrue(document.contains("A &amp; B &lt; C &gt; D &quot;E&quot; F Thái Bình"))
        XCTAssertFalse(document.contains("\u{1}"))
        XCTAssertTrue(document.contains("<w:t xml:space=\"preserve\">  lề  </w:t>"))
        XCTAssertTrue(document.contains("<w:t>x</w:t><w:tab/><w:t>y</w:t>"))

        let folder = try TestOutput.folder("docx-escaping")
        let linted = try ExternalTools.lintEveryPart(of: data, into: folder)
        XCTAssertGreaterThan(linted, 0)
    }

    // MARK: Models the writer refuses

    func testRowWithMoreCellsThanColumnsIsRefusedInVietnameseAndNothingIsWritten() throws {
        let table = Table(columnWidths: [.mm(20), .mm(40)], rows: [
            TableRow.header(["STT", "Nội dung"]),
            TableRow([TableCell(text: "1"), TableCell(text: "a"), TableCell(text: "thừa")]),
        ], headerRowCount: 1)
        let model = DocumentModel(sections: [Decree30.mainSection([.table(table)])])
        let folder = try TestOutput.folder("docx-bad")
        let url = folder.appendingPathComponent("bad.docx")
        XCTAssertThrowsError(try DOCXWriter().write(model, to: url)) { error in
            XCTAssertEqual(error as? DocumentError, .rowWidthMismatch(table: 1, row: 2, columns: 2, covered: 3))
            XCTAssertEqual(error.localizedDescription, "Bảng thứ 1, dòng 2: các ô phủ 3 cột trong khi bảng có 2 cột.")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        // The HTML writer refuses the same model.
        XCTAssertThrowsError(try HTMLWriter().write(model, to: url)) { error in
            XCTAssertEqual(error as? DocumentError, .rowWidthMismatch(table: 1, row: 2, columns: 2, covered: 3))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testOtherBadModelsGiveVietnameseErrors() {
        func error(_ model: DocumentModel) -> DocumentError? {
            do { _ = try DOCXWriter().write(model); return nil } catch { return error as? DocumentError }
        }
        func section(_ table: Table) -> DocumentModel { DocumentModel(sections: [Decree30.mainSection([.table(table)])]) }
        XCTAssertEqual(error(DocumentModel(sections: [])), .noSections)
        XCTAssertEqual(error(section(Table(columnWidths: [], rows: [TableRow([])]))), .tableWithoutColumns(table: 1))
        XCTAssertEqual(error(section(Table(columnWidths: [.mm(10)], rows: []))), .tableWithoutRows(table: 1))
        XCTAssertEqual(error(section(Table(columnWidths: [.mm(10)], rows: [TableRow([TableCell(text: "")])], headerRowCount: 2))),
                       .headerRowCountOutOfRange(table: 1, headerRows: 2, rows: 1))
        XCTAssertEqual(error(section(Table(columnWidths: [.mm(10), .mm(10)], rows: [TableRow([TableCell(text: "a")])]))),
                       .rowWidthMismatch(table: 1, row: 1, columns: 2, covered: 1))
        XCTAssertEqual(error(section(Table(columnWidths: [.mm(10)], rows: [TableRow([.mergedFromAbove()])]))),
                       .orphanVerticalMerge(table: 1, row: 1, cell: 1))
        let nested = Footnote(paragraphs: [Paragraph([.footnote(Footnote("trong"))])])
        XCTAssertEqual(error(DocumentModel(sections: [Decree30.mainSection([.paragraph(Paragraph([.footnote(nested)]))])])),
                       .footnoteInsideFootnote)
        let margins = PageMargins(top: .mm(200), bottom: .mm(200), left: .mm(30), right: .mm(15))
        XCTAssertEqual(error(DocumentModel(sections: [DocumentSection(page: PageSetup(margins: margins), blocks: [])])),
                       .noRoomForText(section: 1))
        for case let described? in [DocumentError.noSections, .tableWithoutRows(table: 2), .footnoteInsideFootnote].map(\.errorDescription) {
            XCTAssertTrue(described.contains("Văn bản") || described.contains("Bảng") || described.contains("Chú thích"), described)
        }
    }

    // MARK: LibreOffice

    /// LibreOffice opens the file, lays it out as A4 with a landscape appendix, and repeats the
    /// header row of the long table on every page it reaches.
    func testLibreOfficeRepeatsTheTableHeaderOnLaterPages() throws {
        let converter = PDFConverter()
        guard converter.isAvailable else {
            try ExternalTools.missing("LibreOffice (soffice)", install: ExternalTools.libreOfficeInstall, file: #filePath, line: #line)
        }
        let pdftotext = try ExternalTools.require("pdftotext", install: ExternalTools.popplerInstall)
        let pdfinfo = try ExternalTools.require("pdfinfo", install: ExternalTools.popplerInstall)
        let folder = try TestOutput.folder("docx-libreoffice")
        let pdf = try converter.convert(SampleReport.document)
        let url = folder.appendingPathComponent("bao-cao.pdf")
        try pdf.write(to: url)

        let text = try ExternalTools.run(pdftotext, ["-layout", url.path, "-"]).output
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertGreaterThanOrEqual(pages.count, 5, text)
        let first = try XCTUnwrap(pages.first)
        XCTAssertTrue(first.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        XCTAssertTrue(first.contains("Độc lập - Tự do - Hạnh phúc"))
        XCTAssertTrue(first.contains("BÁO CÁO"))
        // Appendix II starts on a page of its own; its column titles are on that page and on
        // each later page the table reaches, repeated by the reader.
        let start = try XCTUnwrap(pages.firstIndex { $0.contains("Phụ lục II") })
        let headed = pages[start...].filter { $0.contains("Cơ quan chủ trì") && $0.contains("(7)") }
        XCTAssertGreaterThanOrEqual(headed.count, 2, "table header not repeated:\n\(pages[start...].joined(separator: "\n=====\n"))")
        XCTAssertTrue(pages.last?.contains("Cơ quan chủ trì") ?? false)

        // Page sizes: A4 portrait first, A4 landscape last (595 x 842 pt).
        let info = try ExternalTools.run(pdfinfo, ["-f", "1", "-l", "999", url.path]).output
        let sizes = info.split(separator: "\n").filter { $0.contains("size:") && $0.hasPrefix("Page") }
        XCTAssertTrue(sizes.first?.contains("595") == true && sizes.first?.contains("841") == true, info)
        XCTAssertTrue(sizes.last.map { $0.range(of: #"841\.\d+ x 595"#, options: .regularExpression) != nil } == true, info)
    }
}
