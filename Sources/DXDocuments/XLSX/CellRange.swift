/// A rectangle of cells, zero-based, inclusive at both ends.
public struct CellRange: Sendable, Hashable {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// "A1:C2", or "B3" for a single cell.
    public var reference: String {
        let first = CellRange.cellReference(row: firstRow, column: firstColumn)
        if firstRow == lastRow && firstColumn == lastColumn { return first }
        return first + ":" + CellRange.cellReference(row: lastRow, column: lastColumn)
    }

    public var isSingleCell: Bool { firstRow == lastRow && firstColumn == lastColumn }

    func overlaps(_ other: CellRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow
            && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }

    var isWellFormed: Bool {
        firstRow >= 0 && firstColumn >= 0 && firstRow <= lastRow && firstColumn <= lastColumn
            && lastRow < CellRange.maximumRows && lastColumn < CellRange.maximumColumns
    }

    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// "A", "Z", "AA", ... for zero-based column 0, 25, 26.
    public static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "C5" for zero-based row 4, column 2.
    public static func cellReference(row: Int, column: Int) -> String {
        columnName(column) + String(row + 1)
    }
}
