import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word's automatic list numbers (`word/numbering.xml`): the text of "1.", "1.2.", "a)" or a
/// bullet is not in the paragraph, so without this a numbered appendix row or a bulleted list
/// would read without its number. Bullets read as "-", the way reports typed by hand write them.
final class ListNumbering {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    /// Levels of each abstract list, by level.
    private var abstract: [String: [Int: Level]] = [:]
    /// numId → abstractNumId.
    private var instances: [String: String] = [:]
    /// Counters per list instance and level.
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(_ reader: NumberingReader) {
        abstract = reader.abstract
        instances = reader.instances
    }

    /// The label of the next paragraph of list `id` at `level`, counting it; nil for an unknown list.
    func next(_ id: String, level: Int) -> String? {
        guard let levels = instances[id].flatMap({ abstract[$0] }), let lvl = levels[level] else { return nil }
        var c = counters[id, default: [:]]
        c[level] = (c[level] ?? (lvl.start - 1)) + 1
        // A new item at one level restarts the levels below it.
        for deeper in c.keys where deeper > level { c[deeper] = nil }
        counters[id] = c
        if lvl.format == "bullet" { return "-" }
        if lvl.format == "none" { return nil }
        var label = lvl.text
        for l in 0...level {
            let f = levels[l] ?? Level()
            let n = c[l] ?? f.start
            label = label.replacingOccurrences(of: "%\(l + 1)", with: Self.format(n, f.format))
        }
        return label.isEmpty ? nil : label
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "decimalZero": n < 10 ? "0\(n)" : "\(n)"
        case "lowerLetter": letters(n).lowercased()
        case "upperLetter": letters(n)
        case "lowerRoman": roman(n).lowercased()
        case "upperRoman": roman(n)
        default: "\(n)"
        }
    }

    static func letters(_ n: Int) -> String {
        guard n > 0 else { return "\(n)" }
        let letter = Character(UnicodeScalar(UInt8(65 + (n - 1) % 26)))
        return String(repeating: String(letter), count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return "\(n)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, digits) in table {
            while rest >= value { out += digits; rest -= value }
        }
        return out
    }
}

/// Reads `word/numbering.xml`: abstract lists with their levels, and the list instances that
/// paragraphs name.
final class NumberingReader: NSObject, XMLParserDelegate {
    var abstract: [String: [Int: ListNumbering.Level]] = [:]
    var instances: [String: String] = [:]
    private var abstractID: String?
    private var level: Int?
    private var numID: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let val = attributes["w:val"]
        switch name {
        case "w:abstractNum": abstractID = attributes["w:abstractNumId"]
        case "w:lvl" where abstractID != nil:
            level = Int(attributes["w:ilvl"] ?? "0")
            if let a = abstractID, let l = level { abstract[a, default: [:]][l] = ListNumbering.Level() }
        case "w:start", "w:numFmt", "w:lvlText":
            guard let a = abstractID, let l = level, let val else { return }
            if name == "w:start" { abstract[a]?[l]?.start = Int(val) ?? 1 }
            if name == "w:numFmt" { abstract[a]?[l]?.format = val }
            if name == "w:lvlText" { abstract[a]?[l]?.text = val }
        case "w:num": numID = attributes["w:numId"]
        case "w:abstractNumId": if let n = numID, let val { instances[n] = val }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:abstractNum": abstractID = nil
        case "w:lvl": level = nil
        case "w:num": numID = nil
        default: break
        }
    }
}
