import Foundation

/// Writes a `DocumentModel` as one standalone HTML page: the preview of the report in a browser
/// and a print-friendly version of it. It shows the same content as the DOCX: each section is a
/// sheet of A4 paper on screen and starts a new page in print (`@page` rules give each section
/// its size, orientation and margins, and the page number at the top centre); table header rows
/// are a `thead`, which browsers repeat at the top of every printed page; footnotes are listed at
/// the end of the section that cites them.
///
/// The markup is also well-formed XML (every element closed, only numeric character references),
/// so `xmllint --noout` can check it.
public struct HTMLWriter: Sendable {
    /// The page title; nil takes the document's metadata title.
    public var title: String?

    public init(title: String? = nil) {
        self.title = title
    }

    /// The page as UTF-8 bytes.
    public func write(_ document: DocumentModel) throws -> Data {
        Data(try render(document).utf8)
    }

    /// Writes the page to `url` in one step; nothing is written when the model is rejected.
    public func write(_ document: DocumentModel, to url: URL) throws {
        try FileOutput.write(write(document), to: url)
    }

    /// The page as a string. Throws `DocumentError` for the same models `DOCXWriter` rejects.
    public func render(_ document: DocumentModel) throws -> String {
        guard !document.sections.isEmpty else { throw DocumentError.noSections }
        var renderer = HTMLRenderer()
        var html = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        let pageTitle = title ?? document.metadata.title ?? "Văn bản"
        html += "<title>" + HTMLRenderer.escape(pageTitle) + "</title>\n"
        if let creator = document.metadata.creator {
            html += "<meta name=\"author\" content=\"" + HTMLRenderer.escape(creator) + "\"/>\n"
        }
        html += "<style>\n" + HTMLStyles.css(for: document.sections) + "</style>\n</head>\n<body>\n"
        for (index, section) in document.sections.enumerated() {
            guard section.page.textWidth > .zero, section.page.textHeight > .zero else {
                throw DocumentError.noRoomForText(section: index + 1)
            }
            try renderer.renderSection(section, index: index, into: &html)
        }
        html += "</body>\n</html>\n"
        return html
    }
}

/// The style sheet: the decree's body text as defaults, one named `@page` per section.
enum HTMLStyles {
    static func css(for sections: [DocumentSection]) -> String {
        let size = HTMLRenderer.points(Decree30.bodyPointSize)
        var css = """
        :root { color-scheme: light; }
        html { background: #e8e8e8; }
        body { margin: 0; padding: 12px 0; font-family: "Times New Roman", "Liberation Serif", Tinos, serif; font-size: \(size); color: #000; }
        .page { box-sizing: border-box; background: #fff; margin: 0 auto 16px auto; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
        p { margin: 0 0 6pt 0; text-align: justify; text-indent: 1.27cm; line-height: 1.38; }
        table { border-collapse: collapse; table-layout: fixed; margin-top: 0; margin-bottom: 0; }
        table.center { margin-left: auto; margin-right: auto; }
        table.right { margin-left: auto; }
        table.grid td, table.grid th { border: 0.5pt solid #000; }
        table.layout td, table.layout th { border: none; }
        td, th { vertical-align: top; font-weight: normal; overflow-wrap: break-word; }
        td p, th p { margin: 0; text-align: left; text-indent: 0; line-height: 1.15; }
        th { font-weight: bold; }
        tr.bold td, tr.bold th { font-weight: bold; }
        thead { display: table-header-group; }
        tr.keep { break-inside: avoid; page-break-inside: avoid; }
        .fnref { font-size: 65%; vertical-align: super; line-height: 0; }
        .fnref a { color: inherit; text-decoration: none; }
        .footnotes { margin-top: 12pt; border-top: 0.5pt solid #000; width: 40%; padding-top: 3pt; }
        .footnotes p { font-size: 12pt; text-indent: 0; margin: 0; width: 250%; line-height: 1.15; }
        .tab { display: inline-block; width: 1.27cm; }
        @media print {
          html, body { background: none; padding: 0; margin: 0; }
          .page { box-shadow: none; margin: 0; width: auto !important; min-height: 0 !important; padding: 0 !important; }
          .page + .page { break-before: page; page-break-before: always; }
        }

        """
        for (index, section) in sections.enumerated() {
            let page = section.page
            let margins = page.margins
            let name = "s\(index + 1)"
            let orientation = page.orientation == .portrait ? "portrait" : "landscape"
            let marginList = [margins.top, margins.right, margins.bottom, margins.left].map(HTMLRenderer.mm).joined(separator: " ")
            css += "@page \(name) { size: A4 \(orientation); margin: \(marginList);"
            switch section.pageNumbering {
            case .none:
                css += " }\n"
            case .headerCentred(let onFirstPage, _):
                css += " @top-center { content: counter(page); font-family: \"Times New Roman\", serif; font-size: \(size); vertical-align: bottom; padding-bottom: \(HTMLRenderer.mm(margins.top - margins.header - .mm(5))); } }\n"
                if !onFirstPage && index == 0 {
                    css += "@page \(name):first { @top-center { content: none; } }\n"
                }
            }
            css += "#\(name) { page: \(name); width: \(HTMLRenderer.mm(page.width)); min-height: \(HTMLRenderer.mm(page.height)); "
            css += "padding: \(marginList); }\n"
        }
        return css
    }
}

/// Renders sections, paragraphs and tables; numbers footnotes and tables in document order as
/// `DOCXWriter` does.
struct HTMLRenderer {
    private var footnoteCount = 0
    private var tableCount = 0
    private var pendingFootnotes: [(id: Int, note: Footnote)] = []

    struct Context {
        var inCell = false
        var defaultPointSize: Double?
        var insideFootnote = false
    }

    mutating func renderSection(_ section: DocumentSection, index: Int, into html: inout String) throws {
        let orientation = section.page.orientation == .portrait ? "portrait" : "landscape"
        html += "<section class=\"page \(orientation)\" id=\"s\(index + 1)\">\n"
        for block in section.blocks {
            switch block {
            case .paragraph(let paragraph):
                try renderParagraph(paragraph, context: Context(), into: &html)
            case .table(let table):
                try renderTable(table, into: &html)
            }
        }
        if !pendingFootnotes.isEmpty {
            html += "<div class=\"footnotes\">\n"
            let notes = pendingFootnotes
            pendingFootnotes = []
            for (id, note) in notes {
                for (offset, paragraph) in (note.paragraphs.isEmpty ? [Paragraph()] : note.paragraphs).enumerated() {
                    html += offset == 0 ? "<p id=\"fn-\(id)\"" : "<p"
                    html += paragraphStyle(paragraph, context: Context(inCell: true, insideFootnote: true)) + ">"
                    if offset == 0 { html += "<span class=\"fnref\"><a href=\"#fnref-\(id)\">\(id)</a></span> " }
                    try renderInlines(paragraph.content, context: Context(inCell: true, insideFootnote: true), into: &html)
                    html += "</p>\n"
                }
            }
            html += "</div>\n"
        }
        html += "</section>\n"
    }

    // MARK: Paragraphs

    private mutating func renderParagraph(_ paragraph: Paragraph, context: Context, into html: inout String) throws {
        html += "<p" + paragraphStyle(paragraph, context: context) + ">"
        if paragraph.content.isEmpty {
            // An empty line keeps its height (a signature space); a rule is only its border.
            if paragraph.topBorder == nil && paragraph.bottomBorder == nil { html += "&#160;" }
        } else {
            try renderInlines(paragraph.content, context: context, into: &html)
        }
        html += "</p>\n"
    }

    private func paragraphStyle(_ paragraph: Paragraph, context: Context) -> String {
        var style = ""
        if let alignment = paragraph.alignment {
            style += "text-align: " + Self.textAlign(alignment) + "; "
        }
        if let first = paragraph.firstLineIndent { style += "text-indent: \(Self.mm(first)); " }
        if let left = paragraph.leftIndent { style += "margin-left: \(Self.mm(left)); " }
        if let right = paragraph.rightIndent { style += "margin-right: \(Self.mm(right)); " }
        if let before = paragraph.spaceBefore { style += "margin-top: \(Self.points(before)); " }
        if let after = paragraph.spaceAfter { style += "margin-bottom: \(Self.points(after)); " }
        if let size = paragraph.markPointSize ?? context.defaultPointSize { style += "font-size: \(Self.points(size)); " }
        if let line = paragraph.lineSpacing {
            switch line {
            case .single: style += "line-height: 1.15; "
            case .multiple(let factor): style += "line-height: \(Self.number(1.15 * factor)); "
            case .exactly(let points):
                style += "line-height: \(Self.points(points)); "
                if paragraph.content.isEmpty { style += "height: \(Self.points(points)); " }
            case .atLeast(let points): style += "min-height: \(Self.points(points)); "
            }
        }
        if paragraph.keepWithNext { style += "break-after: avoid; page-break-after: avoid; " }
        if paragraph.keepLinesTogether { style += "break-inside: avoid; " }
        if paragraph.pageBreakBefore { style += "break-before: page; page-break-before: always; " }
        if let top = paragraph.topBorder {
            style += "border-top: \(Self.points(top.width)) solid #000; padding-top: \(Self.points(top.spacing)); "
        }
        if let bottom = paragraph.bottomBorder {
            style += "border-bottom: \(Self.points(bottom.width)) solid #000; padding-bottom: \(Self.points(bottom.spacing)); "
        }
        guard !style.isEmpty else { return "" }
        style.removeLast()
        return " style=\"" + style + "\""
    }

    private mutating func renderInlines(_ inlines: [Inline], context: Context, into html: inout String) throws {
        for inline in inlines {
            switch inline {
            case .text(let run):
                renderRun(run, context: context, into: &html)
            case .lineBreak:
                html += "<br/>"
            case .tab:
                html += "<span class=\"tab\"></span>"
            case .pageNumber:
                // A browser numbers printed pages itself, in the page margin.
                break
            case .footnote(let note):
                guard !context.insideFootnote else { throw DocumentError.footnoteInsideFootnote }
                footnoteCount += 1
                let id = footnoteCount
                pendingFootnotes.append((id, note))
                html += "<span class=\"fnref\" id=\"fnref-\(id)\"><a href=\"#fn-\(id)\">\(id)</a></span>"
            }
        }
    }

    private func renderRun(_ run: TextRun, context: Context, into html: inout String) {
        var style = ""
        if run.bold { style += "font-weight: bold; " }
        if run.italic { style += "font-style: italic; " }
        if run.underline { style += "text-decoration: underline; " }
        if let size = run.pointSize { style += "font-size: \(Self.points(size)); " }
        if run.superscript { style += "vertical-align: super; font-size: 65%; " }
        if !style.isEmpty {
            style.removeLast()
            html += "<span style=\"" + style + "\">"
        }
        var first = true
        for line in run.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if !first { html += "<br/>" }
            first = false
            var firstPiece = true
            for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
                if !firstPiece { html += "<span class=\"tab\"></span>" }
                firstPiece = false
                Self.appendEscaped(piece, to: &html)
            }
        }
        if !style.isEmpty { html += "</span>" }
    }

    // MARK: Tables

    private mutating func renderTable(_ table: Table, into html: inout String) throws {
        tableCount += 1
        try TableValidation.check(table, number: tableCount)
        let spans = Self.rowSpans(table)
        var classes = [table.borders == .all ? "grid" : "layout"]
        switch table.alignment {
        case .center, .justify: classes.append("center")
        case .right: classes.append("right")
        case .left: break
        }
        html += "<table class=\"" + classes.joined(separator: " ") + "\" style=\"width: \(Self.mm(table.width));"
        if let size = table.textPointSize { html += " font-size: \(Self.points(size));" }
        html += "\">\n<colgroup>"
        for width in table.columnWidths { html += "<col style=\"width: \(Self.mm(width))\"/>" }
        html += "</colgroup>\n"
        let padding = Self.mm(table.cellPadding)
        let context = Context(inCell: true, defaultPointSize: table.textPointSize)
        for (rowIndex, row) in table.rows.enumerated() {
            let isHeader = rowIndex < table.headerRowCount
            if rowIndex == 0 && isHeader { html += "<thead>\n" }
            if rowIndex == table.headerRowCount { html += "<tbody>\n" }
            var rowClasses: [String] = []
            if row.isBold { rowClasses.append("bold") }
            if row.cantSplit || isHeader { rowClasses.append("keep") }
            html += rowClasses.isEmpty ? "<tr" : "<tr class=\"" + rowClasses.joined(separator: " ") + "\""
            if let height = row.minimumHeight { html += " style=\"height: \(Self.mm(height))\"" }
            html += ">"
            for (cellIndex, cell) in row.cells.enumerated() where cell.verticalMerge != .continued {
                let tag = isHeader ? "th" : "td"
                html += "<" + tag
                if cell.columnSpan > 1 { html += " colspan=\"\(cell.columnSpan)\"" }
                if let span = spans[rowIndex][cellIndex], span > 1 { html += " rowspan=\"\(span)\"" }
                html += " style=\"padding: 0 \(padding); vertical-align: \(Self.verticalAlign(cell.verticalAlignment))\">"
                for paragraph in cell.paragraphs.isEmpty ? [Paragraph()] : cell.paragraphs {
                    try renderParagraph(paragraph, context: context, into: &html)
                }
                html += "</" + tag + ">"
            }
            html += "</tr>\n"
            if rowIndex == table.headerRowCount - 1 { html += "</thead>\n" }
        }
        if table.headerRowCount < table.rows.count { html += "</tbody>\n" }
        html += "</table>\n"
    }

    /// For each row and cell, how many rows a vertical merge starting there covers.
    static func rowSpans(_ table: Table) -> [[Int?]] {
        // Grid column → (row, cell) of the open vertical merge starting there.
        var open: [Int: (row: Int, cell: Int)] = [:]
        var spans: [[Int?]] = table.rows.map { Array(repeating: nil, count: $0.cells.count) }
        for (rowIndex, row) in table.rows.enumerated() {
            var column = 0
            var stillOpen: [Int: (row: Int, cell: Int)] = [:]
            for (cellIndex, cell) in row.cells.enumerated() {
                switch cell.verticalMerge {
                case .restart?:
                    spans[rowIndex][cellIndex] = 1
                    stillOpen[column] = (rowIndex, cellIndex)
                case .continued?:
                    if let start = open[column] {
                        spans[start.row][start.cell] = (spans[start.row][start.cell] ?? 1) + 1
                        stillOpen[column] = start
                    }
                case nil:
                    break
                }
                column += cell.columnSpan
            }
            open = stillOpen
        }
        return spans
    }

    // MARK: Text and units

    static func escape(_ text: String) -> String {
        var out = ""
        appendEscaped(Substring(text), to: &out)
        return out
    }

    /// NFC, without what XML forbids, with `& < > "` escaped.
    static func appendEscaped(_ text: Substring, to out: inout String) {
        out += XMLText.escaped(String(text))
    }

    /// Millimetres to a tenth: twips of whole millimetres read back as whole ("15mm", not "14.99mm").
    static func mm(_ length: Length) -> String { number((length.millimetres * 10).rounded() / 10) + "mm" }
    static func points(_ value: Double) -> String { number(value) + "pt" }

    /// At most two decimals, no trailing zeros, a dot as the separator.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func textAlign(_ alignment: HorizontalAlignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justify: return "justify"
        }
    }

    static func verticalAlign(_ alignment: VerticalAlignment) -> String {
        switch alignment {
        case .top: return "top"
        case .center: return "middle"
        case .bottom: return "bottom"
        }
    }
}
