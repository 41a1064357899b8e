import Foundation

/// A JSON file holding one array, read element by element from disk: each element's bytes are
/// handed out whole (to be decoded on their own) and only one is held at a time, so an array of
/// any length is read in bounded memory. Strings, escapes and nesting are followed only far
/// enough to find where an element ends; the decoder checks the element itself.
public struct JSONArrayStream {
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        /// The element the reader was in (1-based), if any.
        public var item: Int?
    }

    /// Bytes of one element, as a CSV record's limit: a broken file cannot swallow memory.
    public static let maxElementBytes = 1_048_576

    private let file: File
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var finished = false
    /// Elements handed out so far.
    public private(set) var count = 0

    /// Opens `path` and reads up to the opening bracket (after an optional byte-order mark).
    public init(path: String) throws(Failure) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure(message: "không đọc được tệp") }
        file = File(handle)
        if peek() == 0xEF { for _ in 0..<3 { _ = take() } }
        skipSpace()
        guard take() == UInt8(ascii: "[") else { throw Failure(message: "tệp phải là một mảng JSON ([ … ])") }
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            _ = take()
            finished = true
        }
    }

    /// The next element's bytes, or nil after the closing bracket.
    public mutating func next() throws(Failure) -> Data? {
        guard !finished else { return nil }
        skipSpace()
        var element: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        let item = count + 1
        while let b = take() {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                element.append(b)
            } else {
                switch b {
                case UInt8(ascii: "\""):
                    inString = true
                    element.append(b)
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    element.append(b)
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 {
                        guard b == UInt8(ascii: "]") else { throw Failure(message: "dấu } thừa", item: item) }
                        finished = true
                        skipSpace()
                        guard peek() == nil else { throw Failure(message: "còn nội dung sau dấu ] cuối mảng", item: item) }
                        if element.isEmpty {
                            // "[1, ]" or "[]" after a comma.
                            if count > 0 { throw Failure(message: "dấu phẩy thừa trước dấu ]", item: item) }
                            return nil
                        }
                        count += 1
                        return Data(element)
                    }
                    depth -= 1
                    element.append(b)
                case UInt8(ascii: ","):
                    if depth == 0 {
                        guard !element.isEmpty else { throw Failure(message: "phần tử rỗng", item: item) }
                        count += 1
                        return Data(element)
                    }
                    element.append(b)
                default:
                    element.append(b)
                }
            }
            if element.count > Self.maxElementBytes {
                throw Failure(message: "một phần tử dài hơn \(Self.maxElementBytes / 1_048_576) MB", item: item)
            }
        }
        throw Failure(message: "tệp kết thúc giữa chừng (thiếu dấu ] cuối mảng)", item: item)
    }

    private mutating func refill() -> Bool {
        guard !atEnd else { return false }
        guard let d = try? file.handle.read(upToCount: 1 << 20), !d.isEmpty else {
            atEnd = true
            return false
        }
        buffer = [UInt8](d)
        position = 0
        return true
    }

    private mutating func peek() -> UInt8? {
        if position == buffer.count, !refill() { return nil }
        return buffer[position]
    }

    private mutating func take() -> UInt8? {
        guard let b = peek() else { return nil }
        position += 1
        return b
    }

    private mutating func skipSpace() {
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { position += 1 }
    }

    /// Closes the file when the stream goes.
    private final class File {
        let handle: FileHandle
        init(_ handle: FileHandle) { self.handle = handle }
        deinit { try? handle.close() }
    }
}
