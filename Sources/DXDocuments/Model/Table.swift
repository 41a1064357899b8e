/// A table laid out on a fixed grid of columns.
public struct Table: Sendable, Hashable {
    public var columnWidths: [Length]
    public var rows: [TableRow]
    /// The first `headerRowCount` rows repeat at the top of every page the table reaches.
    public var headerRowCount: Int
    public var borders: TableBorders
    public var alignment: HorizontalAlignment
    /// Default size of the text in the cells, points; nil takes the document's body size.
    public var textPointSize: Double?
    /// Space between a cell's edge and its text, left and right.
    public var cellPadding: Length

    public init(
        columnWidths: [Length],
        rows: [TableRow],
        headerRowCount: Int = 0,
        borders: TableBorders = .all,
        alignment: HorizontalAlignment = .center,
        textPointSize: Double? = nil,
        cellPadding: Length = .mm(1.5)
    ) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.headerRowCount = headerRowCount
        self.borders = borders
        self.alignment = alignment
        self.textPointSize = textPointSize
        self.cellPadding = cellPadding
    }

    public var width: Length { columnWidths.reduce(.zero, +) }
}

public enum TableBorders: Sendable, Hashable {
    /// Thin single lines around and between every cell.
    case all
    /// A layout table: no line anywhere (the header block of an official document).
    case none
}

public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    /// Group rows (a pillar heading above its tasks) are bold throughout.
    public var isBold: Bool
    /// Keeps the row on one page rather than splitting it across a page break.
    public var cantSplit: Bool
    public var minimumHeight: Length?

    public init(_ cells: [TableCell], isBold: Bool = false, cantSplit: Bool = false, minimumHeight: Length? = nil) {
        self.cells = cells
        self.isBold = isBold
        self.cantSplit = cantSplit
        self.minimumHeight = minimumHeight
    }

    /// A header row: bold, centred texts, vertically centred, kept on one page.
    public static func header(_ titles: [String]) -> TableRow {
        TableRow(
            titles.map { TableCell(text: $0, bold: true, alignment: .center, verticalAlignment: .center) },
            cantSplit: true
        )
    }
}

public struct TableCell: Sendable, Hashable {
    public var paragraphs: [Paragraph]
    /// Number of grid columns the cell covers.
    public var columnSpan: Int
    public var verticalMerge: VerticalMerge?
    public var verticalAlignment: VerticalAlignment

    public init(paragraphs: [Paragraph], columnSpan: Int = 1, verticalMerge: VerticalMerge? = nil,
                verticalAlignment: VerticalAlignment = .top) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
        self.verticalMerge = verticalMerge
        self.verticalAlignment = verticalAlignment
    }

    public init(_ content: [Inline], alignment: HorizontalAlignment? = nil, columnSpan: Int = 1,
                verticalMerge: VerticalMerge? = nil, verticalAlignment: VerticalAlignment = .top) {
        self.init(paragraphs: [Paragraph(content, alignment: alignment)], columnSpan: columnSpan,
                  verticalMerge: verticalMerge, verticalAlignment: verticalAlignment)
    }

    public init(text: String, bold: Bool = false, italic: Bool = false, alignment: HorizontalAlignment? = nil,
                columnSpan: Int = 1, verticalMerge: VerticalMerge? = nil, verticalAlignment: VerticalAlignment = .top) {
        self.init([.text(TextRun(text, bold: bold, italic: italic))], alignment: alignment, columnSpan: columnSpan,
                  verticalMerge: verticalMerge, verticalAlignment: verticalAlignment)
    }

    /// The cell below the start of a vertical merge: it shows nothing of its own.
    public static func mergedFromAbove(columnSpan: Int = 1) -> TableCell {
        TableCell(paragraphs: [Paragraph()], columnSpan: columnSpan, verticalMerge: .continued)
    }
}

public enum VerticalMerge: Sendable, Hashable {
    /// The top cell of a vertically merged block; it holds the content.
    case restart
    /// A cell covered by the block started above.
    case continued
}

public enum VerticalAlignment: Sendable, Hashable {
    case top
    case center
    case bottom
}
