/// A numbered heading of the text, numbered as NĐ 30/2020 writes it, in the text itself rather
/// than as a Word list (which would renumber itself or lose its numbers in other readers):
/// "I. TÌNH HÌNH ..." (Roman numeral, bold capitals), "1. Kết quả ..." (Arabic, bold),
/// "a) Chỉ tiêu ..." (Vietnamese letter, italic).
public struct SectionHeading: Sendable, Hashable {
    public enum Level: Sendable, Hashable {
        /// "I.", "II.": bold capitals.
        case part
        /// "1.", "2.": bold.
        case item
        /// "a)", "b)": italic.
        case point
    }

    public var level: Level
    /// Counts from 1.
    public var number: Int
    public var title: String

    public init(_ level: Level, number: Int, title: String) {
        self.level = level
        self.number = number
        self.title = title
    }

    /// "I.", "1." or "a)".
    public var label: String {
        switch level {
        case .part: return RomanNumeral.string(number) + "."
        case .item: return String(number) + "."
        case .point: return Self.letter(number) + ")"
        }
    }

    /// The printed line: "I. TÌNH HÌNH THỰC HIỆN", "1. Kết quả", "a) Chỉ tiêu".
    public var text: String {
        let title = level == .part ? self.title.vietnameseUppercased : self.title
        return label + " " + title
    }

    public var paragraph: Paragraph {
        let run: TextRun
        switch level {
        case .part: run = TextRun(text, bold: true)
        case .item: run = TextRun(text, bold: true)
        case .point: run = TextRun(text, italic: true)
        }
        return Paragraph([.text(run)], spaceBefore: level == .part ? 6 : nil, keepWithNext: true)
    }

    public var block: Block { .paragraph(paragraph) }

    /// The letters of the Vietnamese alphabet used for points (no f, j, w, z; đ after d):
    /// a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y; past y, "aa"...
    static let letters: [String] = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p",
                                    "q", "r", "s", "t", "u", "v", "x", "y"]

    static func letter(_ number: Int) -> String {
        guard number >= 1 else { return String(number) }
        let index = (number - 1) % letters.count
        let repeats = (number - 1) / letters.count + 1
        return String(repeating: letters[index], count: repeats)
    }
}

extension Paragraph {
    /// A paragraph of body text with the document defaults (justified, first-line indent).
    public static func body(_ text: String) -> Paragraph { Paragraph([.text(TextRun(text))]) }
}
