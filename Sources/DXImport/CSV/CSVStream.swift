import DXCore
import Foundation

/// A CSV file read record by record from disk, for files too large to hold: the same dialect
/// as `CSVReader` (RFC 4180, `,` `;` or tab detected from the header line, quotes, CRLF/LF/CR,
/// UTF-8 with or without a byte-order mark, blank lines skipped) and the same messages, but
/// only one record in memory at a time.
///
/// There is no limit on the number of records — a whole quarter of the country is one file —
/// so what bounds the work is per record: the number of fields, the length of a field and the
/// length of a record (a missing closing quote would otherwise swallow the rest of the file).
public struct CSVStream {
    public struct Limits: Hashable, Sendable {
        public var maxFields = 1_000
        public var maxFieldLength = 32_767
        /// Bytes of one record, quoted line breaks included.
        public var maxRecordBytes = 1_048_576
        public init() {}
    }

    public let delimiter: Character
    public private(set) var header: [String]

    private let source: ChunkSource
    private let limits: Limits
    private let sep: UInt8
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Line the next byte is on (header = 1).
    private var line = 1
    private var scratch: [UInt8] = []

    /// Opens `path`, reads the header and detects the delimiter.
    public init(path: String, delimiter: Character? = nil, limits: Limits = Limits()) throws(CSVError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CSVError(.empty) }
        try self.init(source: ChunkSource(handle: handle), delimiter: delimiter, limits: limits)
    }

    /// Reads from bytes already in memory, cut into chunks of `chunkSize` bytes (small chunks let
    /// tests put a line break or a UTF-8 sequence across a chunk boundary).
    public init(data: Data, delimiter: Character? = nil, limits: Limits = Limits(), chunkSize: Int = 1 << 20) throws(CSVError) {
        try self.init(source: ChunkSource(data: data, chunkSize: chunkSize), delimiter: delimiter, limits: limits)
    }

    private init(source: ChunkSource, delimiter: Character?, limits: Limits) throws(CSVError) {
        // The header line whole (and the byte-order mark) before anything is decided about it.
        var first: [UInt8] = []
        while first.count <= limits.maxRecordBytes, CSVStream.headerLineEnd(first) == nil, let chunk = source.next(), !chunk.isEmpty {
            first += chunk
        }
        if first.isEmpty { throw CSVError(.empty) }
        if first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF]) { throw CSVError(.notUTF8) }
        let start = first.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let sep: Character
        if let delimiter { sep = delimiter } else { sep = CSVStream.detectDelimiter(first[start...]) }
        self.source = source
        self.limits = limits
        buffer = first
        position = start
        self.delimiter = sep
        self.sep = sep.asciiValue ?? UInt8(ascii: ",")
        // Placeholder so that `self` is fully initialised before reading the header with it.
        header = []
        guard let names = try nextFields() else { throw CSVError(.empty) }
        header = names.fields.map { VNText.clean($0) }
    }

    /// Where the first line ends (a line break outside quotes), if it does within `bytes`.
    private static func headerLineEnd(_ bytes: ArraySlice<UInt8>) -> Int? {
        var inQuotes = false
        for i in bytes.indices {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, b == 0x0A || b == 0x0D { return i }
        }
        return nil
    }

    private static func headerLineEnd(_ bytes: [UInt8]) -> Int? { headerLineEnd(bytes[...]) }

    /// The delimiter of the header line as `CSVReader` detects it.
    private static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> Character {
        let end = headerLineEnd(bytes) ?? bytes.endIndex
        return CSVReader.detectDelimiter(Substring(String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)))
    }

    /// The next non-blank record, or nil at the end of the file.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        try nextFields()
    }

    private mutating func refill() -> Bool {
        guard !atEnd else { return false }
        guard let chunk = source.next(), !chunk.isEmpty else {
            atEnd = true
            return false
        }
        buffer = chunk
        position = 0
        return true
    }

    private mutating func nextFields() throws(CSVError) -> CSVRecord? {
        var fields: [String] = []
        fields.reserveCapacity(max(header.count, 8))
        // The field's bytes go into a buffer kept from record to record.
        var field = scratch
        scratch = []
        field.removeAll(keepingCapacity: true)
        defer { scratch = field }
        var recordBytes = 0
        var recordLine = line
        var inQuotes = false
        var afterQuote = false
        var fieldStarted = false
        var sawAnything = false

        func endField() throws(CSVError) {
            let text: String
            if let s = String(validating: field, as: UTF8.self) { text = s } else { throw CSVError(.notUTF8, line: recordLine) }
            if field.count > limits.maxFieldLength, text.count > limits.maxFieldLength {
                throw CSVError(.fieldTooLong(limit: limits.maxFieldLength), line: recordLine)
            }
            fields.append(text)
            guard fields.count <= limits.maxFields else { throw CSVError(.tooManyFields(limit: limits.maxFields), line: recordLine) }
            field.removeAll(keepingCapacity: true)
            afterQuote = false
            fieldStarted = false
        }

        while true {
            if position == buffer.count, !refill() { break }
            let b = buffer[position]
            position += 1
            sawAnything = true
            recordBytes += 1
            if recordBytes > limits.maxRecordBytes {
                throw CSVError(.recordTooLong(limit: limits.maxRecordBytes), line: recordLine)
            }
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    inQuotes = false
                    afterQuote = true
                } else {
                    // A CR LF pair inside quotes is one line break, as in `CSVReader`.
                    if b == 0x0A, field.last != 0x0D { line += 1 } else if b == 0x0D { line += 1 }
                    field.append(b)
                    if field.count > limits.maxFieldLength * 4 {
                        throw CSVError(.fieldTooLong(limit: limits.maxFieldLength), line: recordLine)
                    }
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                if afterQuote {
                    field.append(b)
                    inQuotes = true
                    afterQuote = false
                } else if !fieldStarted {
                    inQuotes = true
                    fieldStarted = true
                } else {
                    field.append(b)
                }
            case sep:
                try endField()
            case 0x0A, 0x0D:
                // CR LF is one break: swallow the LF that follows a CR, across chunks too.
                if b == 0x0D {
                    if position == buffer.count { _ = refill() }
                    if position < buffer.count, buffer[position] == 0x0A { position += 1 }
                }
                try endField()
                line += 1
                if fields.count == 1, fields[0].isEmpty {
                    // A blank line: skipped, the next record starts on the next line.
                    fields.removeAll(keepingCapacity: true)
                    recordLine = line
                    recordBytes = 0
                    sawAnything = false
                    continue
                }
                return CSVRecord(line: recordLine, fields: fields)
            default:
                if afterQuote {
                    if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { continue }
                    throw CSVError(.textAfterClosingQuote, line: line)
                }
                field.append(b)
                fieldStarted = true
                if field.count > limits.maxFieldLength * 4 {
                    throw CSVError(.fieldTooLong(limit: limits.maxFieldLength), line: recordLine)
                }
            }
        }
        if inQuotes { throw CSVError(.unterminatedQuote, line: recordLine) }
        guard sawAnything, !field.isEmpty || !fields.isEmpty || afterQuote else { return nil }
        try endField()
        return CSVRecord(line: recordLine, fields: fields)
    }
}

/// Fixed-size chunks of a file (or of bytes in memory), so a file of any size is read in
/// constant memory.
private final class ChunkSource {
    private let handle: FileHandle?
    private let data: Data
    private var offset = 0
    private let chunkSize: Int

    init(handle: FileHandle) {
        self.handle = handle
        data = Data()
        chunkSize = 1 << 20
    }

    init(data: Data, chunkSize: Int) {
        handle = nil
        self.data = data
        self.chunkSize = max(1, chunkSize)
    }

    func next() -> [UInt8]? {
        if let handle {
            guard let d = try? handle.read(upToCount: chunkSize), !d.isEmpty else { return nil }
            return [UInt8](d)
        }
        guard offset < data.count else { return nil }
        let end = min(offset + chunkSize, data.count)
        defer { offset = end }
        return [UInt8](data[data.startIndex + offset ..< data.startIndex + end])
    }

    deinit { try? handle?.close() }
}
