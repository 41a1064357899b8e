import Foundation

extension UUID {
    /// A UUID from its 36-character text, as `UUID(uuidString:)` reads it (hex digits of either
    /// case, dashes at 8, 13, 18 and 23). Foundation on Linux parses with `sscanf`: a tenth of a
    /// province's dashboard went there, for the 90,000 ids of its figures.
    init?(text: String) {
        var text = text
        guard let bytes = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.init(uuid: bytes)
    }

    /// A UUID from its text's UTF-8 bytes (a column read in place).
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let id = Self.parse(bytes) else { return nil }
        self.init(uuid: id)
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> uuid_t? {
        guard b.count == 36, b[8] == 0x2D, b[13] == 0x2D, b[18] == 0x2D, b[23] == 0x2D else { return nil }
        var out: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &out) { out -> Bool in
            var i = 0, o = 0
            while i < 36 {
                if i == 8 || i == 13 || i == 18 || i == 23 { i += 1; continue }
                guard let hi = nibble(b[i]), let lo = nibble(b[i + 1]) else { return false }
                out[o] = hi << 4 | lo
                o += 1
                i += 2
            }
            return true
        }
        return ok ? out : nil
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
}
