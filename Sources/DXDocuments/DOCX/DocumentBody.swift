/// Renders `word/document.xml` and gathers the footnotes met on the way, numbered in
/// document order.
struct DocumentBody {
    /// Relationship ids of the two header parts, fixed by `DOCXWriter`.
    static let numberedHeaderID = "rIdHeaderPageNumber"
    static let emptyHeaderID = "rIdHeaderEmpty"

    private(set) var footnotes: [(id: Int, note: Footnote)] = []
    private var tableCount = 0

    /// How paragraphs render where they stand: body text, a table cell or a footnote.
    struct Context {
        var styleID: String?
        var defaultPointSize: Double?
        var forceBold = false
        var insideFootnote = false

        static let body = Context()
    }

    mutating func render(_ document: DocumentModel) throws -> String {
        guard !document.sections.isEmpty else { throw DocumentError.noSections }
        var xml = XMLWriter()
        xml.open("w:document", [("xmlns:w", OOXML.wordMain), ("xmlns:r", OOXML.relationshipsNS)])
        xml.open("w:body")
        for (index, section) in document.sections.enumerated() {
            guard section.page.textWidth > .zero, section.page.textHeight > .zero else {
                throw DocumentError.noRoomForText(section: index + 1)
            }
            let isLast = index == document.sections.count - 1
            try renderSection(section, isLast: isLast, into: &xml)
        }
        xml.close("w:body")
        xml.close("w:document")
        return xml.finished
    }

    /// A section other than the last ends with a paragraph whose properties carry its `sectPr`;
    /// the last one's `sectPr` is the body's final child.
    private mutating func renderSection(_ section: DocumentSection, isLast: Bool, into xml: inout XMLWriter) throws {
        var blocks = section.blocks
        var closing: Paragraph?
        if !isLast, case .paragraph(let paragraph) = blocks.last {
            closing = paragraph
            blocks.removeLast()
        }
        var previousWasTable = false
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                try renderParagraph(paragraph, context: .body, into: &xml)
                previousWasTable = false
            case .table(let table):
                // Word joins two adjacent tables into one; a hairline paragraph keeps them apart.
                if previousWasTable { renderSpacer(sectionProperties: nil, into: &xml) }
                try renderTable(table, into: &xml)
                previousWasTable = true
            }
        }
        if isLast {
            // Word expects the body to end with a paragraph, not a table.
            if previousWasTable || blocks.isEmpty { renderSpacer(sectionProperties: nil, into: &xml) }
            renderSectionProperties(section, into: &xml)
        } else if let closing {
            try renderParagraph(closing, context: .body, sectionProperties: section, into: &xml)
        } else {
            renderSpacer(sectionProperties: section, into: &xml)
        }
    }

    /// An empty paragraph 1 pt high.
    private func renderSpacer(sectionProperties: DocumentSection?, into xml: inout XMLWriter) {
        xml.within("w:p") { xml in
            xml.within("w:pPr") { xml in
                xml.empty("w:spacing", [("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")])
                xml.within("w:rPr") { xml in
                    xml.empty("w:sz", [("w:val", "2")])
                    xml.empty("w:szCs", [("w:val", "2")])
                }
                if let sectionProperties { renderSectionProperties(sectionProperties, into: &xml) }
            }
        }
    }

    // MARK: Section properties

    /// Children in the order of CT_SectPr: headerReference, type, pgSz, pgMar, pgNumType, cols, titlePg.
    private func renderSectionProperties(_ section: DocumentSection, into xml: inout XMLWriter) {
        let page = section.page
        xml.within("w:sectPr") { xml in
            var titlePage = false
            var restart: Int?
            // Every section names its headers; one that named none would inherit the previous
            // section's, page number included.
            switch section.pageNumbering {
            case .none:
                xml.empty("w:headerReference", [("w:type", "default"), ("r:id", Self.emptyHeaderID)])
            case .headerCentred(let onFirstPage, let restartAt):
                xml.empty("w:headerReference", [("w:type", "default"), ("r:id", Self.numberedHeaderID)])
                if !onFirstPage {
                    xml.empty("w:headerReference", [("w:type", "first"), ("r:id", Self.emptyHeaderID)])
                    titlePage = true
                }
                restart = restartAt
            }
            xml.empty("w:type", [("w:val", "nextPage")])
            var size: [XMLWriter.Attribute] = [("w:w", String(page.width.twips)), ("w:h", String(page.height.twips))]
            if page.orientation == .landscape { size.append(("w:orient", "landscape")) }
            xml.empty("w:pgSz", size)
            let margins = page.margins
            xml.empty("w:pgMar", [
                ("w:top", String(margins.top.twips)), ("w:right", String(margins.right.twips)),
                ("w:bottom", String(margins.bottom.twips)), ("w:left", String(margins.left.twips)),
                ("w:header", String(margins.header.twips)), ("w:footer", String(margins.footer.twips)),
                ("w:gutter", "0"),
            ])
            if let restart { xml.empty("w:pgNumType", [("w:start", String(restart))]) }
            xml.empty("w:cols", [("w:space", "720")])
            if titlePage { xml.empty("w:titlePg") }
        }
    }

    // MARK: Paragraphs

    /// `footnoteMark` starts the paragraph with the note's own number (first paragraph of a footnote).
    mutating func renderParagraph(_ paragraph: Paragraph, context: Context, sectionProperties: DocumentSection? = nil,
                                  into xml: inout XMLWriter, footnoteMark: Bool = false) throws {
        xml.open("w:p")
        renderParagraphProperties(paragraph, context: context, sectionProperties: sectionProperties, into: &xml)
        if footnoteMark {
            xml.within("w:r") { xml in
                xml.within("w:rPr") { xml in xml.empty("w:rStyle", [("w:val", "FootnoteReference")]) }
                xml.empty("w:footnoteRef")
            }
        }
        for inline in paragraph.content {
            try renderInline(inline, context: context, into: &xml)
        }
        xml.close("w:p")
    }

    /// Children in the order of CT_PPr: pStyle, keepNext, keepLines, pageBreakBefore, pBdr,
    /// spacing, ind, jc, rPr, sectPr.
    private func renderParagraphProperties(_ paragraph: Paragraph, context: Context, sectionProperties: DocumentSection?,
                                           into xml: inout XMLWriter) {
        var body = XMLWriter.fragment()
        if let style = context.styleID { body.empty("w:pStyle", [("w:val", style)]) }
        if paragraph.keepWithNext { body.empty("w:keepNext") }
        if paragraph.keepLinesTogether { body.empty("w:keepLines") }
        if paragraph.pageBreakBefore { body.empty("w:pageBreakBefore") }
        if paragraph.topBorder != nil || paragraph.bottomBorder != nil {
            body.within("w:pBdr") { xml in
                if let top = paragraph.topBorder { xml.empty("w:top", Self.borderAttributes(top)) }
                if let bottom = paragraph.bottomBorder { xml.empty("w:bottom", Self.borderAttributes(bottom)) }
            }
        }
        var spacing: [XMLWriter.Attribute] = []
        if let before = paragraph.spaceBefore { spacing.append(("w:before", WordUnits.twips(before))) }
        if let after = paragraph.spaceAfter { spacing.append(("w:after", WordUnits.twips(after))) }
        if let line = paragraph.lineSpacing {
            switch line {
            case .single: spacing += [("w:line", "240"), ("w:lineRule", "auto")]
            case .multiple(let factor): spacing += [("w:line", String(Int((240 * factor).rounded()))), ("w:lineRule", "auto")]
            case .exactly(let points): spacing += [("w:line", WordUnits.twips(points)), ("w:lineRule", "exact")]
            case .atLeast(let points): spacing += [("w:line", WordUnits.twips(points)), ("w:lineRule", "atLeast")]
            }
        }
        if !spacing.isEmpty { body.empty("w:spacing", spacing) }
        var indent: [XMLWriter.Attribute] = []
        if let left = paragraph.leftIndent { indent.append(("w:left", String(left.twips))) }
        if let right = paragraph.rightIndent { indent.append(("w:right", String(right.twips))) }
        if let first = paragraph.firstLineIndent {
            indent.append(first.twips < 0 ? ("w:hanging", String(-first.twips)) : ("w:firstLine", String(first.twips)))
        }
        if !indent.isEmpty { body.empty("w:ind", indent) }
        if let alignment = paragraph.alignment { body.empty("w:jc", [("w:val", WordUnits.justification(alignment))]) }
        // The paragraph mark's size sets the height of an empty line.
        if let markSize = paragraph.markPointSize ?? context.defaultPointSize {
            body.within("w:rPr") { xml in
                xml.empty("w:sz", [("w:val", WordUnits.halfPoints(markSize))])
                xml.empty("w:szCs", [("w:val", WordUnits.halfPoints(markSize))])
            }
        }
        if let sectionProperties { renderSectionProperties(sectionProperties, into: &body) }
        if !body.isEmptyFragment {
            xml.within("w:pPr") { xml in xml.append(body) }
        }
    }

    private static func borderAttributes(_ line: BorderLine) -> [XMLWriter.Attribute] {
        [("w:val", "single"), ("w:sz", WordUnits.eighthPoints(line.width)),
         ("w:space", String(Int(line.spacing.rounded()))), ("w:color", "000000")]
    }

    // MARK: Runs

    private mutating func renderInline(_ inline: Inline, context: Context, into xml: inout XMLWriter) throws {
        switch inline {
        case .text(let run):
            renderRun(run, context: context, into: &xml)
        case .lineBreak:
            xml.within("w:r") { xml in xml.empty("w:br") }
        case .tab:
            xml.within("w:r") { xml in xml.empty("w:tab") }
        case .pageNumber:
            Self.renderPageField(pointSize: context.defaultPointSize, into: &xml)
        case .footnote(let note):
            guard !context.insideFootnote else { throw DocumentError.footnoteInsideFootnote }
            let id = footnotes.count + 1
            footnotes.append((id, note))
            xml.within("w:r") { xml in
                xml.within("w:rPr") { xml in
                    xml.empty("w:rStyle", [("w:val", "FootnoteReference")])
                    if let size = context.defaultPointSize {
                        xml.empty("w:sz", [("w:val", WordUnits.halfPoints(size))])
                        xml.empty("w:szCs", [("w:val", WordUnits.halfPoints(size))])
                    }
                }
                xml.empty("w:footnoteReference", [("w:id", String(id))])
            }
        }
    }

    private func renderRun(_ run: TextRun, context: Context, into xml: inout XMLWriter) {
        let bold = run.bold || context.forceBold
        let size = run.pointSize ?? context.defaultPointSize
        xml.within("w:r") { xml in
            if bold || run.italic || run.underline || run.superscript || size != nil {
                // CT_RPr order: b, i, sz, szCs, u, vertAlign.
                xml.within("w:rPr") { xml in
                    if bold { xml.empty("w:b") }
                    if run.italic { xml.empty("w:i") }
                    if let size {
                        xml.empty("w:sz", [("w:val", WordUnits.halfPoints(size))])
                        xml.empty("w:szCs", [("w:val", WordUnits.halfPoints(size))])
                    }
                    if run.underline { xml.empty("w:u", [("w:val", "single")]) }
                    if run.superscript { xml.empty("w:vertAlign", [("w:val", "superscript")]) }
                }
            }
            Self.renderText(run.text, into: &xml)
        }
    }

    /// Splits text at "\n" and "\t", which WordprocessingML writes as elements, not characters.
    static func renderText(_ text: String, into xml: inout XMLWriter) {
        var pending = ""
        func flush(_ xml: inout XMLWriter) {
            guard !pending.isEmpty else { return }
            xml.element("w:t", text: pending, preserveSpace: true)
            pending = ""
        }
        for character in text {
            switch character {
            case "\n", "\r\n", "\r":
                flush(&xml)
                xml.empty("w:br")
            case "\t":
                flush(&xml)
                xml.empty("w:tab")
            default:
                pending.append(character)
            }
        }
        flush(&xml)
    }

    /// A PAGE field: begin, instruction, separate, a placeholder the reader replaces, end.
    static func renderPageField(pointSize: Double?, into xml: inout XMLWriter) {
        func run(_ body: (inout XMLWriter) -> Void) {
            xml.within("w:r") { xml in
                if let pointSize {
                    xml.within("w:rPr") { xml in
                        xml.empty("w:sz", [("w:val", WordUnits.halfPoints(pointSize))])
                        xml.empty("w:szCs", [("w:val", WordUnits.halfPoints(pointSize))])
                    }
                }
                body(&xml)
            }
        }
        run { $0.empty("w:fldChar", [("w:fldCharType", "begin")]) }
        run { $0.element("w:instrText", text: " PAGE ", preserveSpace: true) }
        run { $0.empty("w:fldChar", [("w:fldCharType", "separate")]) }
        run { $0.element("w:t", text: "2") }
        run { $0.empty("w:fldChar", [("w:fldCharType", "end")]) }
    }

    // MARK: Tables

    private mutating func renderTable(_ table: Table, into xml: inout XMLWriter) throws {
        tableCount += 1
        let number = tableCount
        try TableValidation.check(table, number: number)
        let padding = String(table.cellPadding.twips)
        let borderValue = table.borders == .all ? "single" : "nil"
        xml.open("w:tbl")
        // CT_TblPr order: tblW, jc, tblBorders, tblLayout, tblCellMar, tblLook.
        xml.within("w:tblPr") { xml in
            xml.empty("w:tblW", [("w:w", String(table.width.twips)), ("w:type", "dxa")])
            xml.empty("w:jc", [("w:val", table.alignment == .justify ? "center" : WordUnits.justification(table.alignment))])
            xml.within("w:tblBorders") { xml in
                for edge in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                    if table.borders == .all {
                        xml.empty(edge, [("w:val", borderValue), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")])
                    } else {
                        xml.empty(edge, [("w:val", borderValue)])
                    }
                }
            }
            xml.empty("w:tblLayout", [("w:type", "fixed")])
            xml.within("w:tblCellMar") { xml in
                xml.empty("w:top", [("w:w", "0"), ("w:type", "dxa")])
                xml.empty("w:left", [("w:w", padding), ("w:type", "dxa")])
                xml.empty("w:bottom", [("w:w", "0"), ("w:type", "dxa")])
                xml.empty("w:right", [("w:w", padding), ("w:type", "dxa")])
            }
            xml.empty("w:tblLook", [("w:val", "0000"), ("w:firstRow", "0"), ("w:lastRow", "0"),
                                    ("w:firstColumn", "0"), ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")])
        }
        xml.within("w:tblGrid") { xml in
            for width in table.columnWidths { xml.empty("w:gridCol", [("w:w", String(width.twips))]) }
        }
        for (rowIndex, row) in table.rows.enumerated() {
            try renderRow(row, isHeader: rowIndex < table.headerRowCount, table: table, into: &xml)
        }
        xml.close("w:tbl")
    }

    private mutating func renderRow(_ row: TableRow, isHeader: Bool, table: Table, into xml: inout XMLWriter) throws {
        xml.open("w:tr")
        if row.cantSplit || isHeader || row.minimumHeight != nil {
            // CT_TrPr order: cantSplit, trHeight, tblHeader.
            xml.within("w:trPr") { xml in
                if row.cantSplit { xml.empty("w:cantSplit") }
                if let height = row.minimumHeight {
                    xml.empty("w:trHeight", [("w:val", String(height.twips)), ("w:hRule", "atLeast")])
                }
                if isHeader { xml.empty("w:tblHeader") }
            }
        }
        var column = 0
        for cell in row.cells {
            let span = cell.columnSpan
            let width = table.columnWidths[column..<(column + span)].reduce(.zero, +)
            column += span
            xml.open("w:tc")
            // CT_TcPr order: tcW, gridSpan, vMerge, vAlign.
            xml.within("w:tcPr") { xml in
                xml.empty("w:tcW", [("w:w", String(width.twips)), ("w:type", "dxa")])
                if span > 1 { xml.empty("w:gridSpan", [("w:val", String(span))]) }
                switch cell.verticalMerge {
                case .restart?: xml.empty("w:vMerge", [("w:val", "restart")])
                case .continued?: xml.empty("w:vMerge")
                case nil: break
                }
                if cell.verticalAlignment != .top {
                    xml.empty("w:vAlign", [("w:val", WordUnits.verticalAlignment(cell.verticalAlignment))])
                }
            }
            let context = Context(styleID: "TableText", defaultPointSize: table.textPointSize, forceBold: row.isBold)
            // Every cell needs a paragraph, even a covered one.
            let paragraphs = cell.paragraphs.isEmpty ? [Paragraph()] : cell.paragraphs
            for paragraph in paragraphs {
                try renderParagraph(paragraph, context: context, into: &xml)
            }
            xml.close("w:tc")
        }
        xml.close("w:tr")
    }
}
