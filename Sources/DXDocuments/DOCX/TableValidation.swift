/// Checks a table's grid before writing it: Word draws a ragged or shifted table, or refuses the
/// file, when the cells of a row do not cover the grid exactly or a merge has no start.
enum TableValidation {
    static func check(_ table: Table, number: Int) throws {
        let columns = table.columnWidths.count
        guard columns > 0 else { throw DocumentError.tableWithoutColumns(table: number) }
        guard !table.rows.isEmpty else { throw DocumentError.tableWithoutRows(table: number) }
        for (index, width) in table.columnWidths.enumerated() where width <= .zero {
            throw DocumentError.nonPositiveColumnWidth(table: number, column: index + 1)
        }
        guard (0...table.rows.count).contains(table.headerRowCount) else {
            throw DocumentError.headerRowCountOutOfRange(table: number, headerRows: table.headerRowCount, rows: table.rows.count)
        }
        // For each grid column, the span and merge state of the cell starting there in the row above.
        var above: [Int: (span: Int, merge: VerticalMerge?)] = [:]
        for (rowIndex, row) in table.rows.enumerated() {
            var column = 0
            var current: [Int: (span: Int, merge: VerticalMerge?)] = [:]
            for (cellIndex, cell) in row.cells.enumerated() {
                guard cell.columnSpan >= 1 else {
                    throw DocumentError.invalidColumnSpan(table: number, row: rowIndex + 1, cell: cellIndex + 1)
                }
                if cell.verticalMerge == .continued {
                    guard let upper = above[column], upper.span == cell.columnSpan, upper.merge != nil else {
                        throw DocumentError.orphanVerticalMerge(table: number, row: rowIndex + 1, cell: cellIndex + 1)
                    }
                }
                current[column] = (cell.columnSpan, cell.verticalMerge)
                column += cell.columnSpan
            }
            guard column == columns else {
                throw DocumentError.rowWidthMismatch(table: number, row: rowIndex + 1, columns: columns, covered: column)
            }
            above = current
        }
    }
}
