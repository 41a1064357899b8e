import Foundation

/// Text as it may appear inside an XML 1.0 part.
enum XMLText {
    /// NFC first, because Vietnamese typed on different keyboards arrives decomposed and Word
    /// then shows detached tone marks; then drop what XML 1.0 cannot carry (a single C0 control
    /// character makes Word refuse the whole file); then escape.
    static func escaped(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in sanitized(raw).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// NFC with the characters XML 1.0 forbids removed.
    static func sanitized(_ raw: String) -> String {
        let nfc = raw.precomposedStringWithCanonicalMapping
        guard nfc.unicodeScalars.contains(where: { !isAllowed($0) }) else { return nfc }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: nfc.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Leading or trailing white space is dropped by readers unless the element says otherwise.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
    }
}
