import Foundation

/// Vietnamese text: normal form, search that ignores tone marks, headings in capitals, slugs.
public enum VNText {
    /// Text is stored in NFC (domain §11). Input pasted from macOS file names, PDFs or some
    /// keyboards arrives decomposed, and would otherwise neither compare byte-equal nor sort
    /// with its precomposed twin.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// NFC, trimmed, with every run of whitespace (no-break spaces and line breaks included)
    /// made a single space: what a name or title typed into a form should be stored as.
    public static func clean(_ text: String) -> String {
        nfc(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The form compared by search: lower case, without tone marks or other diacritics, `đ` as
    /// `d`, whitespace collapsed. "Sở Thông tin và Truyền thông" → "so thong tin va truyen thong".
    ///
    /// Foundation's diacritic folding leaves `đ` alone (it is a letter of its own, not d with a
    /// mark), and people search for "Da Nang" as often as "Đà Nẵng", so the folding is done here.
    public static func searchKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(foldedLetters[scalar] ?? scalar)
        }
        return String(out)
    }

    /// Letters that are not a base letter plus combining marks, so decomposition cannot fold
    /// them. Only the lower-case forms: the key is lower-cased first.
    private static let foldedLetters: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{0111}": "d",  // đ
        "\u{00F0}": "d",  // ð, which Đ is sometimes mistyped as
    ]

    /// True when every word of `query` occurs in `text`, ignoring case and tone marks, in any
    /// order: "truyen thong so" finds "Sở Thông tin và Truyền thông". An empty query matches all.
    public static func matches(query: String, in text: String) -> Bool {
        let key = searchKey(text)
        return searchKey(query).split(separator: " ").allSatisfy { key.contains($0) }
    }

    /// Capitals for headings and issuing bodies ("BAN CHỈ ĐẠO"), in NFC. Unicode's default
    /// casing is right for Vietnamese (no locale rules apply), but upper-casing decomposed input
    /// gives decomposed output, so the result is normalised again.
    public static func uppercased(_ text: String) -> String {
        nfc(text.uppercased())
    }

    /// URL-safe ASCII: lower case, no diacritics, anything else between words as one hyphen.
    /// `83/KH-BCĐ` → `83-kh-bcd`. Letters with no ASCII form (other scripts) separate words too.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in searchKey(text).unicodeScalars {
            guard ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) else {
                pendingHyphen = true
                continue
            }
            if pendingHyphen, !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
