import DXCore
import DXDocuments
import Foundation

/// The official report laid out in the Decree 30 format: the same model gives the DOCX, the
/// HTML preview and the PDF.
public enum ReportDocument {
    public static func model(_ report: OfficialReport) -> DocumentModel {
        let s = report.settings
        let number = DocumentNumber(s.number, symbol: s.symbol)
        let date = OfficialDate(day: s.date.day, month: s.date.month, year: s.date.year)
        var blocks: [Block] = [OfficialHeader(parentBody: s.parentBody.isEmpty ? nil : s.parentBody,
                                              issuingBody: s.issuingBody, number: number, place: s.place, date: date).block]
        blocks += DocumentTitle(kind: "Báo cáo", subject: [s.subject]).blocks
        blocks += readingLines(report.reading).map { .paragraph($0) }
        blocks.append(.paragraph(Paragraph.body(s.introduction)))
        for section in report.sections {
            blocks.append(.paragraph(Paragraph([.text("\(section.number). \(section.title.uppercased())", bold: true)], keepWithNext: true)))
            for item in section.items {
                if let title = item.title {
                    let heading = (item.number.map { "\($0). " } ?? "") + title
                    blocks.append(.paragraph(Paragraph([.text(heading, bold: true)], keepWithNext: true)))
                }
                for p in item.paragraphs {
                    var content: [Inline] = [.text(p.text, italic: p.italic)]
                    if let f = p.footnote { content.append(.footnote(Footnote(f))) }
                    blocks.append(.paragraph(Paragraph(content)))
                }
            }
        }
        blocks.append(.paragraph(Paragraph.body(report.closing)))
        blocks.append(SignatureBlock(recipients: s.recipients, archive: s.archive, authority: s.authority,
                                     signerName: s.signerName).block)

        let citation = DocumentCitation(kind: "Báo cáo", number: number, date: date, issuer: s.issuingBody)
        let appendices = report.appendices.map { a -> DocumentSection in
            let orientation: PageOrientation = a.landscape ? .landscape : .portrait
            let width = PageSetup(orientation: orientation).textWidth
            let content = a.form.map { FormTableOutput.documentTable($0, width: width) } ?? table(a.table, width: width)
            return AppendixHeading(number: a.number, title: a.title, citation: citation)
                .section(orientation: orientation, content: [.table(content)])
        }
        return DocumentModel(sections: [Decree30.mainSection(blocks)] + appendices,
                             metadata: DocumentMetadata(title: "Báo cáo \(s.subject)", creator: s.issuingBody))
    }

    /// Under the title: the warning of a preview in bold, then when the figures were read, so a
    /// printed copy says what it is.
    static func readingLines(_ reading: DataReading?) -> [Paragraph] {
        guard let reading else { return [] }
        var lines: [Paragraph] = []
        if reading.includesUnsubmitted {
            lines.append(Paragraph(text: DataReading.unsubmittedWarningVI, bold: true, alignment: .center, spaceAfter: 6))
        }
        lines.append(Paragraph(text: reading.lineVI, italic: true, alignment: .center, spaceAfter: 6))
        return lines
    }

    public static func table(_ t: ReportTable, width: Length) -> Table {
        let n = t.columns.count
        var rows = [TableRow.header(t.columns.map(\.title)), TableRow.header((1...n).map { "(\($0))" })]
        for row in t.rows {
            switch row.kind {
            case .group:
                var cells = [TableCell(text: row.cells.first?.textVI ?? "", bold: true, alignment: .center)]
                cells.append(TableCell(text: row.cells.dropFirst().map(\.textVI).joined(separator: " "), bold: true, columnSpan: n - 1))
                rows.append(TableRow(cells, isBold: true, cantSplit: true))
            case .item, .total:
                let cells = zip(row.cells, t.columns).map { cell, column in
                    TableCell(text: cell.textVI, bold: row.kind == .total,
                              alignment: column.kind == .text ? (column.title == "STT" ? .center : .left) : .right)
                }
                // A long task may run over a page break: keeping every row whole left pages
                // half empty. Header rows still repeat on each page.
                rows.append(TableRow(cells, isBold: row.kind == .total))
            }
        }
        return Table(columnWidths: t.columns.map { width * $0.width }, rows: rows, headerRowCount: 2, textPointSize: 12)
    }
}

/// The appendices as a workbook (one sheet each) and as CSV files, with the values of the
/// evaluation: rates as percentages, counts as numbers.
public enum ReportSpreadsheet {
    public static func workbook(_ report: OfficialReport) -> Workbook {
        Workbook(sheets: report.appendices.map { withNotes(sheet($0), report.reading) })
    }

    /// Note rows after the table (not above it, so the header stays the first row a script
    /// reads): the preview warning when it applies and when the figures were read.
    public static func withNotes(_ sheet: Worksheet, _ reading: DataReading?) -> Worksheet {
        guard let reading else { return sheet }
        var s = sheet
        s.rows.append(SheetRow([]))
        for line in reading.linesVI {
            s.rows.append(SheetRow([SheetCell(.text("Ghi chú: \(line)"), style: CellStyle(italic: true))]))
        }
        return s
    }

    /// "Phụ lục I - Chỉ tiêu".
    public static func sheetName(_ a: ReportAppendix) -> String {
        let kind = switch a.kind {
        case .indicators: "Chỉ tiêu"
        case .tasks: "Nhiệm vụ"
        case .documents: "Văn bản"
        case .byUnit: "Theo đơn vị"
        case .form: a.form.map { "Biểu \($0.form.form.code)" } ?? "Biểu mẫu"
        }
        return "Phụ lục \(VNText.roman(a.number)) - \(kind)"
    }

    static func sheet(_ a: ReportAppendix) -> Worksheet {
        if let form = a.form { return FormTableOutput.worksheet(form, name: String(sheetName(a).prefix(31))) }
        let t = a.table
        var rows = [SheetRow.header(t.columns.map(\.title))]
        for row in t.rows {
            let style: CellStyle = row.kind == .item ? .body : .group
            rows.append(SheetRow(zip(row.cells + Array(repeating: .empty, count: max(0, t.columns.count - row.cells.count)), t.columns).map { cell, column in
                switch cell {
                case .text(let s): SheetCell(.text(s), style: style)
                case .number(let x): SheetCell(.number(x), style: withFormat(style, x == x.rounded() ? .integer : .decimal2))
                case .percent(let x): SheetCell(.percent(x / 100), style: withFormat(style, .percent2))
                case .measured: SheetCell(.text(cell.textVI), style: style)
                case .empty: SheetCell(.empty, style: style)
                }
            }))
        }
        return Worksheet(name: sheetName(a), columnWidths: t.columns.map { max(6, $0.width * 150) }, rows: rows,
                         headerRowCount: 1, frozenColumnCount: 2, orientation: a.landscape ? .landscape : .portrait)
    }

    static func withFormat(_ style: CellStyle, _ format: NumberFormat) -> CellStyle {
        var s = style
        s.numberFormat = format
        s.horizontalAlignment = .right
        return s
    }

    /// One appendix as CSV, numbers written the Vietnamese way as the document shows them.
    public static func csv(_ a: ReportAppendix, reading: DataReading? = nil) -> Data {
        CSVWriter().write(withNotes(sheet(a), reading))
    }
}
