import DXCore
import Foundation

/// Why a CSV file could not be read at all, in Vietnamese.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public enum Reason: Hashable, Sendable {
        case empty
        case tooLarge(limit: Int)
        case notUTF8
        case unterminatedQuote
        case textAfterClosingQuote
        case tooManyRows(limit: Int)
        case tooManyFields(limit: Int)
        case fieldTooLong(limit: Int)
        /// A record of a streamed file longer than `CSVStream.Limits.maxRecordBytes`.
        case recordTooLong(limit: Int)
    }

    public let reason: Reason
    /// 1-based line of the file where the problem is (nil for the whole file).
    public let line: Int?

    public init(_ reason: Reason, line: Int? = nil) {
        self.reason = reason
        self.line = line
    }

    public var message: String {
        let at = line.map { "Dòng \($0): " } ?? ""
        switch reason {
        case .empty: return "Tệp CSV rỗng"
        case .tooLarge(let l): return "Tệp CSV quá lớn (tối đa \(VNNumber.format(l / 1_048_576)) MB)"
        case .notUTF8:
            return "Tệp CSV không dùng bảng mã UTF-8; trong Excel hãy chọn \"Lưu dưới dạng\" › \"CSV UTF-8 (Comma delimited)\""
        case .unterminatedQuote: return at + "dấu ngoặc kép mở nhưng không đóng"
        case .textAfterClosingQuote: return at + "có ký tự ngay sau dấu ngoặc kép đóng (trong ô, dấu ngoặc kép phải viết đôi \"\")"
        case .tooManyRows(let l): return "Tệp CSV có hơn \(VNNumber.format(l)) dòng, vượt quá giới hạn cho phép"
        case .tooManyFields(let l): return at + "có hơn \(VNNumber.format(l)) cột"
        case .fieldTooLong(let l): return at + "có ô dài hơn \(VNNumber.format(l)) ký tự"
        case .recordTooLong(let l):
            return at + "dòng dài hơn \(VNNumber.format(l / 1_048_576)) MB (kiểm tra dấu ngoặc kép chưa đóng)"
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}

/// One record of a CSV file.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based line of the file where the record starts (the header is line 1), which is what
    /// a spreadsheet shows as the row number when the file is opened.
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field, without the `'` that `CSVReader.escape` puts before a leading `=`, `+`, `-`
    /// or `@` (and that Excel also uses to mark text), so what we write reads back the same.
    public subscript(index: Int) -> String? {
        guard fields.indices.contains(index) else { return nil }
        let f = fields[index]
        if f.first == "'", let second = f.dropFirst().first, "=+-@".contains(second) { return String(f.dropFirst()) }
        return f
    }
}

/// A CSV file as read: the header and the records after it.
public struct CSVTable: Hashable, Sendable {
    public let delimiter: Character
    public let header: [String]
    public let records: [CSVRecord]
}

/// RFC 4180 CSV: fields separated by `,` or `;` (detected from the header line, as Excel
/// writes `;` where the decimal separator is a comma), optionally quoted with `"` (a quote
/// inside written `""`, line breaks allowed inside quotes), records ended by CRLF, LF or CR.
/// UTF-8 with or without a byte-order mark; anything else is refused with a message on how
/// to save as UTF-8. Blank lines are skipped.
public enum CSVReader {
    public struct Limits: Hashable, Sendable {
        public var maxBytes = 50 * 1_048_576
        public var maxRecords = 200_000
        public var maxFields = 1_000
        public var maxFieldLength = 32_767
        public init() {}
    }

    public static func read(_ data: Data, delimiter: Character? = nil, limits: Limits = Limits()) throws(CSVError) -> CSVTable {
        guard data.count <= limits.maxBytes else { throw CSVError(.tooLarge(limit: limits.maxBytes)) }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw CSVError(.notUTF8) }
        let text = String(decoding: bytes, as: UTF8.self)
        // Invalid sequences were replaced by U+FFFD: then the bytes differ.
        guard text.utf8.elementsEqual(bytes) else { throw CSVError(.notUTF8) }
        return try read(text, delimiter: delimiter, limits: limits)
    }

    public static func read(_ text: String, delimiter: Character? = nil, limits: Limits = Limits()) throws(CSVError) -> CSVTable {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let sep = delimiter ?? detectDelimiter(body)
        let rows = try parse(body, delimiter: sep, limits: limits)
        guard let first = rows.first else { throw CSVError(.empty) }
        let header = first.fields.map { VNText.clean($0) }
        return CSVTable(delimiter: sep, header: header, records: Array(rows.dropFirst()))
    }

    /// The delimiter of the first line: `;`, `,` or tab, whichever occurs most outside quotes
    /// (`,` when none does).
    public static func detectDelimiter(_ text: Substring) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for ch in text {
            if ch == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if ch == "\n" || ch == "\r" || ch == "\r\n" { break }
            if counts[ch] != nil { counts[ch]! += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }!
        return best.value == 0 ? "," : best.key
    }

    private static func parse(_ text: Substring, delimiter: Character, limits: Limits) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        var fieldStarted = false

        func endField() throws(CSVError) {
            guard field.count <= limits.maxFieldLength else { throw CSVError(.fieldTooLong(limit: limits.maxFieldLength), line: recordLine) }
            fields.append(field)
            guard fields.count <= limits.maxFields else { throw CSVError(.tooManyFields(limit: limits.maxFields), line: recordLine) }
            field = ""
            afterQuote = false
            fieldStarted = false
        }
        func endRecord() throws(CSVError) {
            try endField()
            // A blank line is one empty field: skipped.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
                guard records.count <= limits.maxRecords + 1 else { throw CSVError(.tooManyRows(limit: limits.maxRecords)) }
            }
            fields = []
        }

        // Swift treats "\r\n" as one Character, which is exactly one line break here.
        for ch in text {
            if inQuotes {
                if ch == "\"" {
                    inQuotes = false
                    afterQuote = true
                } else {
                    if ch == "\n" || ch == "\r\n" || ch == "\r" { line += 1 }
                    field.append(ch)
                    if field.utf8.count > limits.maxFieldLength * 4 {
                        throw CSVError(.fieldTooLong(limit: limits.maxFieldLength), line: recordLine)
                    }
                }
                continue
            }
            switch ch {
            case "\"":
                if afterQuote {
                    // `""` inside a quoted field: a literal quote.
                    field.append("\"")
                    inQuotes = true
                    afterQuote = false
                } else if !fieldStarted {
                    inQuotes = true
                    fieldStarted = true
                } else {
                    // A quote inside an unquoted field is kept as it is (lenient, like Excel).
                    field.append(ch)
                }
            case delimiter:
                try endField()
            case "\n", "\r\n", "\r":
                try endRecord()
                line += 1
                recordLine = line
            default:
                if afterQuote {
                    if ch == " " || ch == "\t" { continue }  // spaces after a closing quote
                    throw CSVError(.textAfterClosingQuote, line: line)
                }
                field.append(ch)
                fieldStarted = true
                if field.utf8.count > limits.maxFieldLength * 4 {
                    throw CSVError(.fieldTooLong(limit: limits.maxFieldLength), line: recordLine)
                }
            }
        }
        if inQuotes { throw CSVError(.unterminatedQuote, line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || afterQuote { try endRecord() }
        return records
    }

    /// One field written for RFC 4180: quoted when it holds the delimiter, a quote or a line
    /// break, or starts with a character spreadsheets read as a formula (`=`, `+`, `-`, `@`),
    /// which is then prefixed with `'` against CSV injection.
    public static func escape(_ field: String, delimiter: Character = ",") -> String {
        var f = field
        if let first = f.first, "=+-@".contains(first), Double(f) == nil { f = "'" + f }
        if f.contains(delimiter) || f.contains("\"") || f.contains("\n") || f.contains("\r") {
            return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return f
    }

    /// Records written as CSV with CRLF line ends (RFC 4180), UTF-8 text.
    public static func write(_ rows: [[String]], delimiter: Character = ",") -> String {
        rows.map { $0.map { escape($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r\n" }.joined()
    }
}
