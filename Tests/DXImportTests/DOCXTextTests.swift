import DXCore
@testable import DXImport
import XCTest

/// The Word reader on documents written the way Word writes them: tables with merged cells,
/// automatic list numbers, footnotes, and the guarded archive's refusals.
final class DOCXTextTests: XCTestCase {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    func docx(body: String, numbering: String? = nil, footnotes: String? = nil) throws -> URL {
        var parts = [
            XLSXBuilder.Part("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>
            """),
            XLSXBuilder.Part("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(Self.w)><w:body>\(body)</w:body></w:document>"),
        ]
        if let numbering { parts.append(XLSXBuilder.Part("word/numbering.xml", "<w:numbering \(Self.w)>\(numbering)</w:numbering>")) }
        if let footnotes { parts.append(XLSXBuilder.Part("word/footnotes.xml", "<w:footnotes \(Self.w)>\(footnotes)</w:footnotes>")) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(UUID().uuidString).docx")
        try XLSXBuilder.write(parts, to: url)
        return url
    }

    func p(_ text: String, list: (id: Int, level: Int)? = nil) -> String {
        let num = list.map { "<w:pPr><w:numPr><w:ilvl w:val=\"\($0.level)\"/><w:numId w:val=\"\($0.id)\"/></w:numPr></w:pPr>" } ?? ""
        return "<w:p>\(num)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    func tc(_ text: String, span: Int = 1, vMerge: String? = nil) -> String {
        var pr = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
        if let vMerge { pr += vMerge.isEmpty ? "<w:vMerge/>" : "<w:vMerge w:val=\"\(vMerge)\"/>" }
        return "<w:tc><w:tcPr>\(pr)</w:tcPr>\(text.isEmpty ? "<w:p/>" : p(text))</w:tc>"
    }

    func testMergedCellsKeepTheColumnGrid() throws {
        let body = p("Phụ lục 02: Số liệu") + "<w:tbl>"
            + "<w:tr>\(tc("STT"))\(tc("Đơn vị"))\(tc("Số liệu", span: 2))</w:tr>"
            + "<w:tr>\(tc(""))\(tc(""))\(tc("Quý I"))\(tc("Quý II"))</w:tr>"
            + "<w:tr>\(tc("1", vMerge: "restart"))\(tc("Huyện A"))\(tc("10"))\(tc("12"))</w:tr>"
            + "<w:tr>\(tc("", vMerge: ""))\(tc("Huyện A (bổ sung)"))\(tc("1"))\(tc("2"))</w:tr>"
            + "</w:tbl>" + p("Sau bảng.")
        let doc = try DOCXText.document(url: try docx(body: body))
        XCTAssertEqual(doc.tables.count, 1)
        XCTAssertEqual(doc.tables[0].appendix, 2)
        XCTAssertEqual(doc.tables[0].rows.map { $0.map(\.text) }, [
            ["STT", "Đơn vị", "Số liệu", ""],
            ["", "", "Quý I", "Quý II"],
            ["1", "Huyện A", "10", "12"],
            ["", "Huyện A (bổ sung)", "1", "2"],
        ])
        XCTAssertEqual(doc.paragraphs.first, "Phụ lục 02: Số liệu")
        XCTAssertEqual(doc.paragraphs.last, "Sau bảng.")
        // Each cell points at its own paragraph.
        let cell = doc.tables[0].rows[2][1]
        XCTAssertEqual(doc.paragraphs[cell.paragraph - 1], "Huyện A")
    }

    func testListNumbersAndBulletsReadAsWordPrintsThem() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>\
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>\
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
        <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
        """
        let body = p("TÌNH HÌNH", list: (3, 0)) + p("KẾT QUẢ", list: (3, 0))
            + p("Chỉ tiêu", list: (1, 0)) + p("Chính quyền số", list: (1, 1)) + p("Kinh tế số", list: (1, 1))
            + p("Nhiệm vụ", list: (1, 0)) + p("Thể chế", list: (1, 1))
            + p("Nhận thức số: Hoàn thành 08/08 nhiệm vụ.", list: (2, 0))
        let doc = try DOCXText.document(url: try docx(body: body, numbering: numbering))
        XCTAssertEqual(doc.paragraphs, [
            "I. TÌNH HÌNH", "II. KẾT QUẢ", "1. Chỉ tiêu", "1.1. Chính quyền số", "1.2. Kinh tế số", "2. Nhiệm vụ", "2.1. Thể chế",
            "- Nhận thức số: Hoàn thành 08/08 nhiệm vụ.",
        ])
    }

    func testFootnotesAreReadAfterTheTextWithoutWordsSeparators() throws {
        let notes = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
        <w:footnote w:id="1">\(p("Số liệu đến 15/6/2024: 55.000/58.000 hồ sơ (94,6%)."))</w:footnote>
        """
        let url = try docx(body: p("Tỷ lệ hồ sơ trực tuyến cao."), footnotes: notes)
        let doc = try DOCXText.document(url: url)
        XCTAssertEqual(doc.paragraphs, ["Tỷ lệ hồ sơ trực tuyến cao.", "Số liệu đến 15/6/2024: 55.000/58.000 hồ sơ (94,6%)."])
        // …and so a slip in a footnote is found like any other.
        XCTAssertEqual(ReportLinter.lint(doc).map(\.stated), ["94,6%"])
    }

    func testAHostileDocumentIsRefusedNotRead() throws {
        // An external entity would read a file of the server: the parser does not resolve it.
        let evil = """
        <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document \(Self.w)><w:body>\(p("&x;"))</w:body></w:document>
        """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evil-\(UUID().uuidString).docx")
        try XLSXBuilder.write([XLSXBuilder.Part("word/document.xml", evil)], to: url)
        let text = (try? DOCXText.document(url: url).paragraphs.joined()) ?? ""
        XCTAssertFalse(text.contains("root:"), text)
        // A bomb: a part that inflates far more than any real document does.
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).docx")
        try XLSXBuilder.write([XLSXBuilder.Part("word/document.xml", String(repeating: "<w:p/>", count: 400_000))], to: big)
        XCTAssertThrowsError(try DOCXText.document(url: big))
    }
}
