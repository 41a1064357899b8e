import Foundation

/// Writes rows as CSV (RFC 4180): fields quoted when they hold the delimiter, a quote, a line
/// break or edge spaces; quotes doubled; CRLF between records. A UTF-8 byte order mark makes
/// Excel read Vietnamese letters as UTF-8 instead of the system code page.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var includesByteOrderMark: Bool
    /// Prefixes a quote to fields that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-`
    /// not followed by a number), since exported text may come from anyone who filled in a form.
    public var neutralizesFormulas: Bool
    /// How `write(_ sheet:)` turns numbers, percentages and dates into text.
    public var numberStyle: CSVNumberStyle

    public init(delimiter: Character = ",", includesByteOrderMark: Bool = true, neutralizesFormulas: Bool = true,
                numberStyle: CSVNumberStyle = .vietnamese) {
        self.delimiter = delimiter
        self.includesByteOrderMark = includesByteOrderMark
        self.neutralizesFormulas = neutralizesFormulas
        self.numberStyle = numberStyle
    }

    /// Rows of already formatted strings. Text is written in NFC.
    public func write(_ rows: [[String]]) -> Data {
        var text = ""
        let separator = String(delimiter)
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { text += separator }
                appendField(value, to: &text)
            }
            text += "\r\n"
        }
        var data = Data()
        data.reserveCapacity(text.utf8.count + 3)
        if includesByteOrderMark { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        data.append(contentsOf: text.precomposedStringWithCanonicalMapping.utf8)
        return data
    }

    /// One sheet of a workbook (an appendix): every row, values formatted by `numberStyle` and
    /// the cell's number format; merged cells are empty but for their top-left cell.
    public func write(_ sheet: Worksheet) -> Data {
        write(sheet.rows.map { row in row.cells.map { format($0) } })
    }

    /// Writes the sheet's CSV to `url` in one step.
    public func write(_ sheet: Worksheet, to url: URL) throws {
        try FileOutput.write(write(sheet), to: url)
    }

    /// A cell's value as text in `numberStyle`.
    public func format(_ cell: SheetCell) -> String {
        switch cell.value {
        case .empty: return ""
        case .text(let text): return text
        case .number(let value): return NumberText.format(value, format: cell.style.numberFormat, style: numberStyle)
        case .percent(let value):
            let format: NumberFormat
            switch cell.style.numberFormat {
            case .percent0, .percent2: format = cell.style.numberFormat
            default: format = .percent2
            }
            return NumberText.format(value, format: format, style: numberStyle)
        case .date(let year, let month, let day):
            switch numberStyle {
            case .vietnamese: return OfficialDate.twoDigits(day) + "/" + OfficialDate.twoDigits(month) + "/" + String(year)
            case .invariant: return String(year) + "-" + OfficialDate.twoDigits(month) + "-" + OfficialDate.twoDigits(day)
            }
        }
    }

    private func appendField(_ raw: String, to text: inout String) {
        var value = raw
        if neutralizesFormulas, looksLikeFormula(value) { value = "'" + value }
        var needsQuotes = value.first == " " || value.last == " "
        if !needsQuotes {
            for character in value where character == delimiter || character == "\"" || character == "\n"
                || character == "\r" || character == "\r\n" {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            text += value
            return
        }
        text += "\""
        for character in value {
            if character == "\"" { text += "\"\"" } else { text.append(character) }
        }
        text += "\""
    }

    private func looksLikeFormula(_ value: String) -> Bool {
        guard let first = value.first else { return false }
        switch first {
        case "=", "+", "@", "\t", "\r":
            return true
        case "-":
            // "-12,5" is a negative number and stays as it is; "-" followed by text may be a formula.
            let rest = value.dropFirst()
            return !(rest.first?.isNumber ?? false) && rest.contains(where: { "=(!".contains($0) })
        default:
            return false
        }
    }
}

/// How numbers read in a CSV file.
public enum CSVNumberStyle: Sendable, Hashable {
    /// As the report prints them: `1.445.521`, `56,25%`, `27/06/2024`.
    case vietnamese
    /// For other programs: `1445521`, `56.25%`, `2024-06-27`.
    case invariant
}

/// Numbers as text in the two styles, without Foundation's locale data (which differs between
/// platforms and versions).
enum NumberText {
    static func format(_ value: Double, format: NumberFormat, style: CSVNumberStyle) -> String {
        guard value.isFinite else { return "" }
        let grouping = style == .vietnamese
        switch format {
        case .integer: return fixed(value, decimals: 0, grouping: grouping, style: style)
        case .decimal2: return fixed(value, decimals: 2, grouping: grouping, style: style)
        case .percent0: return fixed(value * 100, decimals: 0, grouping: false, style: style) + "%"
        case .percent2: return fixed(value * 100, decimals: 2, grouping: false, style: style) + "%"
        case .general, .date, .custom:
            // Whole numbers without decimals; others as the shortest decimal that reads back the same.
            if value == value.rounded(), abs(value) < 1e15 {
                return fixed(value, decimals: 0, grouping: grouping, style: style)
            }
            let plain = String(value)
            return style == .vietnamese ? plain.replacingOccurrences(of: ".", with: ",") : plain
        }
    }

    static func fixed(_ value: Double, decimals: Int, grouping: Bool, style: CSVNumberStyle) -> String {
        let raw = String(format: "%.\(decimals)f", value)
        var sign = ""
        var body = Substring(raw)
        if body.hasPrefix("-") {
            body = body.dropFirst()
            // "-0" and "-0.00" read as zero.
            if body.contains(where: { $0 != "0" && $0 != "." }) { sign = "-" }
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        if grouping && integer.count > 3 {
            var grouped = ""
            for (index, digit) in integer.enumerated() {
                if index > 0 && (integer.count - index) % 3 == 0 { grouped.append(".") }
                grouped.append(digit)
            }
            integer = grouped
        }
        guard parts.count > 1 else { return sign + integer }
        return sign + integer + (style == .vietnamese ? "," : ".") + parts[1]
    }
}
