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
            var i = 0, o = 0, bad: UInt8 = 0
            while i < 36 {
                if i == 8 || i == 13 || i == 18 || i == 23 { i += 1; continue }
                let hi = nibbles[Int(b[i])], lo = nibbles[Int(b[i + 1])]
                bad |= hi | lo
                out[o] = hi << 4 | lo
                o += 1
                i += 2
            }
            return bad & 0xF0 == 0
        }
        return ok ? out : nil
    }

    /// Each byte's value as a hex digit of either case; 0xFF for any other byte.
    private static let nibbles: [UInt8] = (0...255).map { c in
        switch c {
        case 0x30...0x39: UInt8(c - 0x30)
        case 0x61...0x66: UInt8(c - 0x61 + 10)
        case 0x41...0x46: UInt8(c - 0x41 + 10)
        default: 0xFF
        }
    }
}
