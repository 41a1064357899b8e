/// A spreadsheet to write: the appendices of a report, or a form for units to fill in.
public struct Workbook: Sendable, Hashable {
    public var sheets: [Worksheet]

    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }
}

public struct Worksheet: Sendable, Hashable {
    /// At most 31 characters, none of `[ ] : * ? / \`, unique in the workbook regardless of case.
    public var name: String
    /// Widths in Excel's unit (characters of the default font); column A first.
    public var columnWidths: [Double]
    public var rows: [SheetRow]
    /// The first rows: frozen while scrolling and printed at the top of every page.
    public var headerRowCount: Int
    /// Columns kept visible while scrolling sideways (the STT and name columns).
    public var frozenColumnCount: Int
    public var mergedRanges: [CellRange]
    public var validations: [ListValidation]
    public var orientation: PageOrientation
    /// Excel's sheet protection without a password: cells are read-only unless their style is
    /// `unlocked`. A template keeps its identifiers and headers from being typed over by
    /// accident; it is no security (anyone may lift it from the Review tab).
    public var isProtected: Bool

    public init(name: String, columnWidths: [Double] = [], rows: [SheetRow], headerRowCount: Int = 0,
                frozenColumnCount: Int = 0, mergedRanges: [CellRange] = [], validations: [ListValidation] = [],
                orientation: PageOrientation = .landscape, isProtected: Bool = false) {
        self.name = name
        self.columnWidths = columnWidths
        self.rows = rows
        self.headerRowCount = headerRowCount
        self.frozenColumnCount = frozenColumnCount
        self.mergedRanges = mergedRanges
        self.validations = validations
        self.orientation = orientation
        self.isProtected = isProtected
    }
}

public struct SheetRow: Sendable, Hashable {
    public var cells: [SheetCell]
    /// Points; nil lets the reader size the row.
    public var height: Double?

    public init(_ cells: [SheetCell], height: Double? = nil) {
        self.cells = cells
        self.height = height
    }

    /// A header row: bold, centred, wrapped, bordered text.
    public static func header(_ titles: [String]) -> SheetRow {
        SheetRow(titles.map { SheetCell(.text($0), style: .header) })
    }
}

public struct SheetCell: Sendable, Hashable {
    public var value: CellValue
    public var style: CellStyle

    /// A percentage takes the `0.00%` format unless the style names another one.
    public init(_ value: CellValue, style: CellStyle = .body) {
        self.value = value
        var style = style
        if case .percent = value, style.numberFormat == .general { style.numberFormat = .percent2 }
        if case .date = value, style.numberFormat == .general { style.numberFormat = .date }
        self.style = style
    }

    public static let empty = SheetCell(.empty)
}

public enum CellValue: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    /// A fraction: 0.5625 shows as 56,25% in a Vietnamese Excel.
    case percent(Double)
    /// A calendar date, stored as Excel's day number.
    case date(year: Int, month: Int, day: Int)
}

public struct CellStyle: Sendable, Hashable {
    public var bold: Bool
    public var italic: Bool
    public var wrapsText: Bool
    /// Thin lines on all four sides.
    public var bordered: Bool
    public var horizontalAlignment: CellHorizontalAlignment
    public var verticalAlignment: VerticalAlignment
    public var numberFormat: NumberFormat
    /// Whether the cell may be edited on a protected sheet (Excel's cells are locked by default).
    public var unlocked: Bool

    public init(bold: Bool = false, italic: Bool = false, wrapsText: Bool = false, bordered: Bool = false,
                horizontalAlignment: CellHorizontalAlignment = .general, verticalAlignment: VerticalAlignment = .bottom,
                numberFormat: NumberFormat = .general, unlocked: Bool = false) {
        self.bold = bold
        self.italic = italic
        self.wrapsText = wrapsText
        self.bordered = bordered
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.numberFormat = numberFormat
        self.unlocked = unlocked
    }

    /// Nothing but the workbook's font.
    public static let plain = CellStyle()
    /// A table cell: bordered, wrapped, top-aligned.
    public static let body = CellStyle(wrapsText: true, bordered: true, verticalAlignment: .top)
    /// A column heading.
    public static let header = CellStyle(bold: true, wrapsText: true, bordered: true,
                                         horizontalAlignment: .center, verticalAlignment: .center)
    /// A group row (a pillar above its tasks).
    public static let group = CellStyle(bold: true, wrapsText: true, bordered: true, verticalAlignment: .top)

    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

public enum CellHorizontalAlignment: Sendable, Hashable {
    /// Excel's default: text left, numbers right.
    case general
    case left
    case center
    case right
}

/// Number formats. Codes are Excel's invariant ones: the reader's locale shows `0.00%` as
/// 56,25% in Vietnamese; a code written with a decimal comma would not be a valid format.
public enum NumberFormat: Sendable, Hashable {
    case general
    /// `#,##0` (built-in 3): 1.445.521.
    case integer
    /// `#,##0.00` (built-in 4).
    case decimal2
    /// `0%` (built-in 9).
    case percent0
    /// `0.00%` (built-in 10).
    case percent2
    /// `dd/mm/yyyy`.
    case date
    /// Any other Excel format code.
    case custom(String)
}
