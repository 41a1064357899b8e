import DXCore
import Foundation

/// One worksheet as read: the cells that hold a value, and the merged ranges.
public struct XLSXSheet: Sendable {
    public let name: String
    public let cells: [XLSXCellReference: XLSXCell]
    public let mergedRanges: [XLSXRange]
    /// Highest row and column that hold a value (0 for an empty sheet).
    public let lastRow: Int
    public let lastColumn: Int

    public init(name: String, cells: [XLSXCellReference: XLSXCell], mergedRanges: [XLSXRange] = []) {
        self.name = name
        self.cells = cells
        self.mergedRanges = mergedRanges
        self.lastRow = cells.keys.map(\.row).max() ?? 0
        self.lastColumn = cells.keys.map(\.column).max() ?? 0
    }

    /// Rows that hold a value, ascending, each with its cells left to right.
    public var rows: [(row: Int, cells: [XLSXCell])] {
        Dictionary(grouping: cells.values, by: \.reference.row)
            .sorted { $0.key < $1.key }
            .map { ($0.key, $0.value.sorted { $0.reference.column < $1.reference.column }) }
    }

    public subscript(reference: String) -> XLSXCell? {
        XLSXCellReference(reference).flatMap { cells[$0] }
    }

    public subscript(row: Int, column: Int) -> XLSXCell? {
        cells[XLSXCellReference(row: row, column: column)]
    }

    /// The range a cell is merged into, if any.
    public func mergedRange(containing r: XLSXCellReference) -> XLSXRange? {
        mergedRanges.first { $0.contains(r) }
    }

    /// The value shown at a position: a cell inside a merged range shows the value of the
    /// range's top-left cell (Excel keeps it there only).
    public func displayedValue(row: Int, column: Int) -> XLSXValue? {
        let r = XLSXCellReference(row: row, column: column)
        if let v = cells[r]?.value { return v }
        guard let m = mergedRange(containing: r) else { return nil }
        return cells[m.topLeft]?.value
    }

    private func fail(_ reason: XLSXError.Reason, _ row: Int, _ column: Int) -> XLSXError {
        XLSXError(reason, sheet: name, cell: XLSXCellReference(row: row, column: column).description)
    }

    /// The text of a cell, trimmed; nil when empty. Numbers give their plain notation.
    public func text(row: Int, column: Int) -> String? {
        guard let v = displayedValue(row: row, column: column) else { return nil }
        let t = VNText.clean(v.text)
        return t.isEmpty ? nil : t
    }

    /// A number: a numeric cell, or text typed the way people type numbers (`1.445.521`,
    /// `56,25 %`). nil when empty. Errors name the sheet and cell.
    public func number(row: Int, column: Int) throws(XLSXError) -> Double? {
        guard let v = displayedValue(row: row, column: column) else { return nil }
        switch v {
        case .number(let x): return x
        case .string(let s):
            let t = VNText.clean(s)
            if t.isEmpty { return nil }
            guard let x = VNNumber.parse(t) else { throw fail(.notANumber(t), row, column) }
            return x
        case .bool(let b): throw fail(.notANumber(b ? "TRUE" : "FALSE"), row, column)
        case .date(let d): throw fail(.notANumber(VNDate.numeric(d)), row, column)
        case .error(let e): throw fail(.cellError(e), row, column)
        }
    }

    /// A day: a date-formatted cell, or text such as `05/07/2024`. nil when empty.
    public func date(row: Int, column: Int) throws(XLSXError) -> CalendarDate? {
        guard let v = displayedValue(row: row, column: column) else { return nil }
        switch v {
        case .date(let d): return d
        case .string(let s):
            let t = VNText.clean(s)
            if t.isEmpty { return nil }
            guard let d = VNDate.parse(t) ?? CalendarDate(iso: t) else { throw fail(.notADate(t), row, column) }
            return d
        case .number(let x): throw fail(.notADate(XLSXValue.plain(x)), row, column)
        case .bool(let b): throw fail(.notADate(b ? "TRUE" : "FALSE"), row, column)
        case .error(let e): throw fail(.cellError(e), row, column)
        }
    }

    public func number(_ reference: String) throws(XLSXError) -> Double? {
        guard let r = XLSXCellReference(reference) else { throw XLSXError(.invalidCellReference(reference), sheet: name) }
        return try number(row: r.row, column: r.column)
    }

    public func date(_ reference: String) throws(XLSXError) -> CalendarDate? {
        guard let r = XLSXCellReference(reference) else { throw XLSXError(.invalidCellReference(reference), sheet: name) }
        return try date(row: r.row, column: r.column)
    }

    public func text(_ reference: String) -> String? {
        XLSXCellReference(reference).flatMap { text(row: $0.row, column: $0.column) }
    }
}

/// Reads `<worksheet>`: rows and cells with or without `r`, values by type, merges, and the
/// row and cell limits, which stop the parse as soon as they are passed.
final class XLSXSheetParser: XLSXXMLHandler {
    let name: String
    let part: String
    let limits: XLSXLimits
    let sharedStrings: [String]
    let styles: XLSXStyles
    let date1904: Bool

    var cells: [XLSXCellReference: XLSXCell] = [:]
    var merges: [XLSXRange] = []

    private var rowCount = 0
    private var currentRow = 0
    private var currentColumn = 0
    // The cell being read.
    private var cellRef: XLSXCellReference?
    private var cellType: String?
    private var cellStyle = 0
    private var valueText: String?
    private var formulaText: String?
    private var inlineText: String?
    // Where text goes.
    private enum Sink { case none, value, formula, inline }
    private var sink = Sink.none
    private var phoneticDepth = 0
    private var inInlineString = false

    init(name: String, part: String, limits: XLSXLimits, sharedStrings: [String], styles: XLSXStyles, date1904: Bool) {
        self.name = name
        self.part = part
        self.limits = limits
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
    }

    var wantsText: Bool { sink != .none && phoneticDepth == 0 }

    private func fail(_ reason: XLSXError.Reason, cell: XLSXCellReference? = nil) -> XLSXError {
        XLSXError(reason, sheet: name, cell: cell?.description)
    }

    func start(_ element: String, _ a: [String: String]) throws(XLSXError) {
        switch element {
        case "dimension":
            // A sheet that claims more rows than allowed is refused before its rows are read.
            if let ref = a["ref"], let range = XLSXRange(ref), range.bottomRight.row > limits.maxRows {
                throw fail(.tooManyRows(limit: limits.maxRows))
            }
        case "row":
            rowCount += 1
            if let r = a["r"] {
                guard let n = Int(r), n >= 1, n <= XLSXCellReference.maxRow else {
                    throw fail(.invalidCellReference(r))
                }
                currentRow = n
            } else {
                currentRow += 1
            }
            if rowCount > limits.maxRows || currentRow > limits.maxRows {
                throw fail(.tooManyRows(limit: limits.maxRows))
            }
            currentColumn = 0
        case "c":
            let row = max(currentRow, 1)
            if let r = a["r"] {
                if let ref = XLSXCellReference(r) {
                    cellRef = ref
                } else if r.allSatisfy({ $0.isASCII && $0.isLetter }), let col = XLSXCellReference.column(ofReference: r) {
                    // Some generators write only the column.
                    cellRef = XLSXCellReference(row: row, column: col)
                } else {
                    throw fail(.invalidCellReference(r))
                }
            } else {
                cellRef = XLSXCellReference(row: row, column: currentColumn + 1)
            }
            guard let ref = cellRef, ref.column <= XLSXCellReference.maxColumn else {
                throw fail(.tooManyColumns)
            }
            if ref.row > limits.maxRows { throw fail(.tooManyRows(limit: limits.maxRows)) }
            currentColumn = ref.column
            cellType = a["t"]
            cellStyle = a["s"].flatMap { Int($0) } ?? 0
            valueText = nil
            formulaText = nil
            inlineText = nil
            sink = .none
            inInlineString = false
        case "v" where cellRef != nil:
            sink = .value
            valueText = valueText ?? ""
        case "f" where cellRef != nil:
            sink = .formula
            formulaText = formulaText ?? ""
        case "is" where cellRef != nil:
            inInlineString = true
            inlineText = inlineText ?? ""
        case "t" where inInlineString:
            sink = .inline
        case "rPh":
            phoneticDepth += 1
        case "mergeCell":
            if let ref = a["ref"] {
                guard let range = XLSXRange(ref) else { throw fail(.invalidCellReference(ref)) }
                guard merges.count < limits.maxMergedRanges else { throw fail(.tooManyCells(limit: limits.maxMergedRanges)) }
                merges.append(range)
            }
        default:
            break
        }
    }

    func text(_ s: String) throws(XLSXError) {
        switch sink {
        case .value: valueText = (valueText ?? "") + s
        case .formula: formulaText = (formulaText ?? "") + s
        case .inline: inlineText = (inlineText ?? "") + s
        case .none: break
        }
    }

    func end(_ element: String) throws(XLSXError) {
        switch element {
        case "v", "f", "t":
            sink = .none
        case "is":
            inInlineString = false
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "c":
            guard let ref = cellRef else { return }
            cellRef = nil
            sink = .none
            if let value = try value(at: ref) {
                var percent = false
                if case .number = value { percent = styles.isPercent(style: cellStyle) }
                cells[ref] = XLSXCell(reference: ref, value: value,
                                      formula: formulaText.flatMap { $0.isEmpty ? nil : $0 }, isPercent: percent)
                if cells.count > limits.maxCells { throw fail(.tooManyCells(limit: limits.maxCells)) }
            }
        default:
            break
        }
    }

    private func value(at ref: XLSXCellReference) throws(XLSXError) -> XLSXValue? {
        let v = valueText
        switch cellType ?? "n" {
        case "s":
            guard let t = v?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            guard let i = Int(t), sharedStrings.indices.contains(i) else {
                throw fail(.sharedStringOutOfRange(index: t, count: sharedStrings.count), cell: ref)
            }
            return .string(sharedStrings[i])
        case "inlineStr":
            guard let t = inlineText ?? v else { return nil }
            return .string(XLSXText.decode(t))
        case "str":
            guard let t = v else { return nil }
            return .string(XLSXText.decode(t))
        case "b":
            guard let t = v?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            return .bool(t == "1" || t.lowercased() == "true")
        case "e":
            guard let t = v, !t.isEmpty else { return nil }
            return .error(t)
        case "d":
            guard let t = v?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            guard let d = CalendarDate(iso: String(t.prefix(10))) else {
                throw fail(.invalidDateSerial(t), cell: ref)
            }
            return .date(d)
        default:  // "n" and anything unknown: a number
            guard let t = v?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            guard let x = Double(t), x.isFinite else { throw fail(.invalidStoredNumber(t), cell: ref) }
            if cellStyle != 0 || styles.cellFormats.count > 0 {
                guard cellStyle >= 0, cellStyle < max(styles.cellFormats.count, 1) else {
                    throw fail(.styleOutOfRange(index: cellStyle, count: styles.cellFormats.count), cell: ref)
                }
            }
            if styles.isDate(style: cellStyle) {
                guard let d = XLSXDates.date(serial: x, date1904: date1904) else {
                    throw fail(.invalidDateSerial(t), cell: ref)
                }
                return .date(d)
            }
            return .number(x)
        }
    }
}
