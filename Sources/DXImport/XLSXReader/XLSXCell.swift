import DXCore
import Foundation

/// A cell position, 1-based: row 5, column 3 is `C5`.
public struct XLSXCellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let maxColumn = 16_384  // XFD
    public static let maxRow = 1_048_576

    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `C5` or `$C$5`; nil for anything else or beyond XFD1048576.
    public init?(_ text: String) {
        var col = 0
        var row = 0
        var letters = 0
        var digits = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                col = col * 26 + Int((b | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...Self.maxColumn).contains(col), (1...Self.maxRow).contains(row) else {
            return nil
        }
        self.init(row: row, column: col)
    }

    /// `A`, `Z`, `AA`, `XFD`.
    public static func columnName(_ column: Int) -> String {
        var n = column
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The column part alone (`C` in `C5`), for rows written without `r`.
    static func column(ofReference text: String) -> Int? {
        var col = 0
        var letters = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard letters < 3 else { return nil }
                col = col * 26 + Int((b | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            default:
                return letters > 0 && col <= maxColumn ? col : nil
            }
        }
        return letters > 0 && col <= maxColumn ? col : nil
    }

    public var description: String { Self.columnName(column) + String(row) }

    public static func < (a: Self, b: Self) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangle of cells, as merges are given (`A1:C1`).
public struct XLSXRange: Hashable, Sendable, CustomStringConvertible {
    public let topLeft: XLSXCellReference
    public let bottomRight: XLSXCellReference

    public init(topLeft: XLSXCellReference, bottomRight: XLSXCellReference) {
        self.topLeft = topLeft
        self.bottomRight = bottomRight
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let a = XLSXCellReference(String(parts[0])),
              let b = XLSXCellReference(String(parts.last!)) else { return nil }
        self.init(topLeft: XLSXCellReference(row: min(a.row, b.row), column: min(a.column, b.column)),
                  bottomRight: XLSXCellReference(row: max(a.row, b.row), column: max(a.column, b.column)))
    }

    public func contains(_ r: XLSXCellReference) -> Bool {
        (topLeft.row...bottomRight.row).contains(r.row) && (topLeft.column...bottomRight.column).contains(r.column)
    }

    public var rowCount: Int { bottomRight.row - topLeft.row + 1 }
    public var columnCount: Int { bottomRight.column - topLeft.column + 1 }

    public var description: String { "\(topLeft):\(bottomRight)" }
}

/// What a cell holds once read.
public enum XLSXValue: Hashable, Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    /// A number whose style is a date format, as a day (the time of day is dropped).
    case date(CalendarDate)
    /// An error value such as `#DIV/0!` or `#N/A`.
    case error(String)

    /// The value as a person would read it in a cell (numbers in plain notation).
    public var text: String {
        switch self {
        case .number(let x): return XLSXValue.plain(x)
        case .string(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return VNDate.numeric(d)
        case .error(let e): return e
        }
    }

    static func plain(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}

public struct XLSXCell: Hashable, Sendable {
    public let reference: XLSXCellReference
    public let value: XLSXValue
    /// The formula, when the cell has one (the value is then Excel's cached result).
    public let formula: String?
    /// A number shown as a percentage: Excel keeps `56,25%` as 0.5625.
    public let isPercent: Bool

    public init(reference: XLSXCellReference, value: XLSXValue, formula: String? = nil, isPercent: Bool = false) {
        self.reference = reference
        self.value = value
        self.formula = formula
        self.isPercent = isPercent
    }
}
