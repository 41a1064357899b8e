import DXCore
import DXDocuments

/// A computed table form (biểu mẫu) as a worksheet and as a document table, with its
/// multi-level header laid out once (`TableForm.headerLayout`) and drawn with merged cells in
/// XLSX and `gridSpan`/`vMerge` in DOCX. Numbers stay numbers in the worksheet; the document
/// shows them as the form's number format writes them.
public enum FormTableOutput {
    public static func worksheet(_ table: FormTable, name: String) -> Worksheet {
        let form = table.form.form
        let layout = form.headerLayout()
        var rows = Array(repeating: SheetRow(Array(repeating: SheetCell(.empty, style: .header), count: layout.columnCount)), count: layout.rowCount)
        var merges: [CellRange] = []
        for c in layout.cells {
            rows[c.row].cells[c.column] = SheetCell(.text(c.text), style: .header)
            if c.rowSpan > 1 || c.columnSpan > 1 {
                merges.append(CellRange(firstRow: c.row, firstColumn: c.column, lastRow: c.row + c.rowSpan - 1, lastColumn: c.column + c.columnSpan - 1))
            }
        }
        let lines = table.rows.map { ($0, false) } + (table.totals.map { [($0, true)] } ?? [])
        for (row, isTotal) in lines {
            let style: CellStyle = isTotal ? .group : .body
            var cells: [SheetCell] = form.numbered ? [SheetCell(.text(row.number), style: style)] : []
            cells.append(SheetCell(.text(row.label), style: style))
            for c in form.columns {
                var s = style
                switch row[c.key] {
                case .number(let x):
                    if c.format.percentSign {
                        s.numberFormat = c.format.fractionDigits == 0 ? .percent0 : .percent2
                        cells.append(SheetCell(.percent(x / 100), style: s))
                    } else {
                        s.numberFormat = c.format.fractionDigits == 0 ? .integer : .decimal2
                        cells.append(SheetCell(.number(x), style: s))
                    }
                case .text(let t): cells.append(SheetCell(.text(t), style: s))
                case .divisionByZero: cells.append(SheetCell(.text(FormCellValue.divisionByZeroPlaceholder), style: s))
                case .empty: cells.append(SheetCell(.empty, style: s))
                }
            }
            rows.append(SheetRow(cells))
        }
        let stub = form.numbered ? [6.0, 30] : [30.0]
        return Worksheet(name: name, columnWidths: stub + form.columns.map { _ in 14 }, rows: rows, headerRowCount: layout.rowCount,
                         frozenColumnCount: stub.count, mergedRanges: merges)
    }

    /// The table for a report appendix: header rows repeated on every page, spans as in the form.
    public static func documentTable(_ table: FormTable, width: Length) -> Table {
        let form = table.form.form
        let layout = form.headerLayout()
        let stub = form.numbered ? [0.06, 0.22] : [0.24]
        let share = (1 - stub.reduce(0, +)) / Double(max(form.columns.count, 1))
        let widths = (stub + form.columns.map { _ in share }).map { Length(twips: Int(Double(width.twips) * $0)) }
        var rows: [TableRow] = []
        for r in 0..<layout.rowCount {
            var cells: [TableCell] = []
            var column = 0
            while column < layout.columnCount {
                if let c = layout.rows[r].first(where: { $0.column == column }) {
                    let bold = r < layout.rowCount - (form.showColumnNumbers ? 1 : 0)
                    cells.append(TableCell(text: c.text, bold: bold, italic: !bold, alignment: .center, columnSpan: c.columnSpan,
                                           verticalMerge: c.rowSpan > 1 ? .restart : nil, verticalAlignment: .center))
                    column += c.columnSpan
                } else if let above = layout.cells.first(where: { $0.row < r && r < $0.row + $0.rowSpan && $0.column == column }) {
                    cells.append(.mergedFromAbove(columnSpan: above.columnSpan))
                    column += above.columnSpan
                } else {
                    cells.append(TableCell(text: ""))
                    column += 1
                }
            }
            rows.append(TableRow(cells, cantSplit: true))
        }
        for (i, line) in table.displayRows().enumerated() {
            let isTotal = table.totals != nil && i == table.rows.count
            let cells = line.enumerated().map { k, text in
                TableCell(text: text, bold: isTotal, alignment: k < stub.count ? (k == 0 && form.numbered ? .center : .left) : .right)
            }
            rows.append(TableRow(cells, cantSplit: true))
        }
        return Table(columnWidths: widths, rows: rows, headerRowCount: layout.rowCount)
    }
}
