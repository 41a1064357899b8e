import DXDocuments
import Foundation
import XCTest

final class HTMLWriterTests: XCTestCase {
    func testStandalonePrintablePage() throws {
        let html = try HTMLWriter().render(SampleReport.document)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\"/>"))
        XCTAssertTrue(html.contains("<title>Báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2024</title>"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
        // Print CSS: A4 pages, the landscape appendix, the page number from page 2.
        XCTAssertTrue(html.contains("@page s1 { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;"))
        XCTAssertTrue(html.contains("@page s3 { size: A4 landscape;"))
        XCTAssertTrue(html.contains("@top-center { content: counter(page);"))
        XCTAssertTrue(html.contains("@page s1:first { @top-center { content: none; } }"))
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"))
        XCTAssertTrue(html.contains("font-family: \"Times New Roman\""))
        XCTAssertFalse(html.contains("<script"))
        // Three sections, two appendix tables with header rows in thead (two rows in the second).
        XCTAssertEqual(html.components(separatedBy: "<section class=\"page").count - 1, 3)
        XCTAssertEqual(html.components(separatedBy: "<thead>").count - 1, 2)
        let secondHead = try XCTUnwrap(html.components(separatedBy: "<thead>").last?.components(separatedBy: "</thead>").first)
        XCTAssertEqual(secondHead.components(separatedBy: "<tr").count - 1, 2)
        XCTAssertTrue(secondHead.contains("Cơ quan phối hợp"))
        // Merges: the "I" group row spans three columns; the first task spans two rows.
        XCTAssertTrue(html.contains("colspan=\"3\""))
        XCTAssertTrue(html.contains("rowspan=\"2\""))
        // Footnote reference and note.
        XCTAssertTrue(html.contains("<a href=\"#fn-1\">1</a>"))
        XCTAssertTrue(html.contains(SampleReport.footnoteText))
    }

    /// Every text of the model appears in the page, escaped: the page shows what the DOCX shows.
    func testSameContentAsTheModel() throws {
        let html = try HTMLWriter().render(SampleReport.document)
        let texts = ModelText.texts(of: SampleReport.document)
        XCTAssertGreaterThan(texts.count, 200)
        for text in texts where !text.isEmpty {
            var escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            escaped = escaped.replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            XCTAssertTrue(html.contains(escaped), "missing from the page: \(text)")
        }
    }

    func testEscapingAndWellFormedXML() throws {
        let model = DocumentModel(
            sections: [Decree30.mainSection([.paragraph(Paragraph.body("<script>alert(\"x\")</script> & \u{1}"))])],
            metadata: DocumentMetadata(title: "A < B & \"C\""))
        let html = try HTMLWriter().render(model)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; </p>"))
        XCTAssertTrue(html.contains("<title>A &lt; B &amp; &quot;C&quot;</title>"))

        let xmllint = try ExternalTools.require("xmllint", install: "apt-get install -y libxml2-utils")
        let folder = try TestOutput.folder("html")
        for (name, document) in [("escaping.html", model), ("bao-cao.html", SampleReport.document)] {
            let url = folder.appendingPathComponent(name)
            try HTMLWriter().write(document, to: url)
            let result = try ExternalTools.run(xmllint, ["--noout", url.path])
            XCTAssertEqual(result.status, 0, "xmllint rejects \(name):\n\(result.output)")
        }
    }
}

/// All the texts of a model, in order: runs and footnotes.
enum ModelText {
    static func texts(of document: DocumentModel) -> [String] {
        var out: [String] = []
        func visit(_ paragraph: Paragraph) {
            for inline in paragraph.content {
                switch inline {
                case .text(let run):
                    out += run.text.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).map(String.init)
                case .footnote(let note): note.paragraphs.forEach(visit)
                case .lineBreak, .tab, .pageNumber: break
                }
            }
        }
        for section in document.sections {
            for block in section.blocks {
                switch block {
                case .paragraph(let p): visit(p)
                case .table(let table):
                    for row in table.rows { for cell in row.cells { cell.paragraphs.forEach(visit) } }
                }
            }
        }
        return out
    }
}
