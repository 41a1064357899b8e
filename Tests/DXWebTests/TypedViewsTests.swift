import DXCore
@testable import DXWeb
import XCTest

/// The pages, charts, sign-in and form designer are built with `Node`: data reaches them as text
/// wherever it goes, so a hostile name cannot become markup, and no view escapes by hand.
final class TypedViewsTests: XCTestCase {
    let hostile = "<script>alert('x')</script> & \"q\""
    let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"

    func testChartsEscapeLabelsInTheDrawingTheDescriptionAndTheTable() {
        let bars = BarChart(title: hostile, items: [.init(label: hostile, value: 0.5, valueLabel: hostile)], scaleMax: 1).figure().html
        XCTAssertFalse(bars.contains("<script"), bars)
        XCTAssertTrue(bars.hasPrefix("<figure><svg class=\"chart\""), bars)
        XCTAssertTrue(bars.contains("aria-label=\"\(escaped)\""))
        XCTAssertTrue(bars.contains("<title>\(escaped)</title><desc>\(escaped): \(escaped)</desc>"), bars)
        XCTAssertTrue(bars.contains("<caption>\(escaped)</caption>"))
        // Every SVG element is closed: an unclosed <rect> would swallow what follows it.
        XCTAssertEqual(bars.components(separatedBy: "<rect ").count, bars.components(separatedBy: "</rect>").count)

        let line = LineChart(title: "Xu hướng", points: [.init(label: hostile, value: 2, valueLabel: "2"), .init(label: "2024", value: nil, valueLabel: "")],
                             target: 3, targetLabel: hostile, mark: (1, hostile)).svg().html
        XCTAssertFalse(line.contains("<script"), line)
        XCTAssertTrue(line.contains(">\(escaped)</text>"), line)
        XCTAssertTrue(line.contains("<desc>\(escaped): 2; 2024: chưa có số liệu</desc>"), line)
        XCTAssertTrue(line.contains("<line class=\"mark\""), "the reform is drawn between the two points")
        XCTAssertTrue(line.contains("stroke-dasharray=\"6 4\""), "the target as a dashed line")
    }

    func testAWideTableIsANamedRegionThatScrollsOnItsOwn() {
        let typed = wideTable { Node.table { "x" } }.html
        XCTAssertTrue(typed.hasPrefix("<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng rộng, kéo ngang để xem hết\""), typed)
    }

    func testCSRFFieldEscapesItsToken() {
        XCTAssertEqual(csrfField(hostile).html, "<input type=\"hidden\" name=\"_csrf\" value=\"\(escaped)\">")
        XCTAssertEqual(csrfField(nil).html, "<input type=\"hidden\" name=\"_csrf\" value=\"\">")
    }

    func testLayoutEscapesTheTitleAndKeepsTheBodyItWasGiven() {
        let page = Layout.page(title: hostile) { Node.p(text: hostile) }
        XCTAssertTrue(page.hasPrefix("<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"), page)
        XCTAssertTrue(page.contains("<title>\(escaped) · dxtrack</title>"))
        XCTAssertTrue(page.contains("<main id=\"main\"><p>\(escaped)</p></main>"), page)
        XCTAssertFalse(page.contains("<script"))
    }

    func testTheLintedParagraphMarksTheQuoteAndEscapesTheRest() {
        let finding = LintFinding(.error, paragraph: 1, quote: "5/8", stated: "5/8", computed: "62,5%", message: hostile)
        let html = LintPage.marked("<b>5/8</b> đạt", [finding]).html
        XCTAssertEqual(html, "&lt;b&gt;<mark title=\"\(escaped)\">5/8</mark>&lt;/b&gt; đạt")
    }

    /// No view escapes by hand or writes markup into a string: every page is built from `Node`s,
    /// whose text and attribute values are escaped when rendered. Only the typed HTML itself
    /// (Support/Node.swift, Support/HTML.swift) escapes; the OpenAPI document carries an ADX
    /// example as data, and mail (Mail/) writes addresses as `<name@host>`.
    func testNoViewEscapesByHandOrConcatenatesMarkup() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let web = root.appendingPathComponent("Sources/DXWeb")
        let exempt: Set<String> = ["Node.swift", "HTML.swift", "OpenAPIDocument.swift"]
        let files = try XCTUnwrap(FileManager.default.enumerator(at: web, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !exempt.contains($0.lastPathComponent) && !$0.path.contains("/Mail/") }
        XCTAssertGreaterThan(files.count, 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertFalse(text.contains("escape("), "\(file.lastPathComponent) escapes by hand")
            XCTAssertFalse(text.contains("\"<"), "\(file.lastPathComponent) writes markup in a string")
            XCTAssertFalse(text.contains(".trusted("), "\(file.lastPathComponent) inserts untyped markup")
        }
    }
}
