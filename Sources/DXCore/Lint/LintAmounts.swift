import Foundation

/// Amounts as Vietnamese reports write them: a number with a scale word and perhaps a currency
/// — "530,3 nghìn tỷ", "1,2 triệu", "45 tỷ đồng", "885.439 triệu đồng" — compared in one unit
/// (1 tỷ = 10⁹), each to the precision it was printed with.
public struct LintAmount: Sendable, Hashable {
    /// In units of one (đồng, người, lượt …): 530,3 nghìn tỷ is 530 300 000 000 000.
    public var value: Double
    /// As printed: "530,3 nghìn tỷ đồng".
    public var printed: String
    /// The scale word's factor (10¹² for "nghìn tỷ"), 1 without one.
    public var scale: Double
    /// Decimals printed after the comma.
    public var digits: Int
    /// The folded word after the amount ("dong", "luot"), empty when there is none.
    public var noun: String

    /// Half a unit of the last printed digit: what rounding to the printed precision may hide.
    public var slack: Double { 0.5 * pow(10, -Double(digits)) * scale }
}

extension LintNumbers {
    /// Scale words, longest first so that "nghìn tỷ" is not read as "nghìn".
    static let scales: [(word: String, factor: Double)] = [
        ("nghìn tỷ", 1e12), ("ngàn tỷ", 1e12), ("nghìn tỉ", 1e12), ("ngàn tỉ", 1e12),
        ("tỷ", 1e9), ("tỉ", 1e9), ("triệu", 1e6), ("nghìn", 1e3), ("ngàn", 1e3),
    ]

    /// A number with a scale word ("530,3 nghìn tỷ"), or with a currency alone ("150.000 đồng").
    static var amountPattern: String {
        let words = scales.map { NSRegularExpression.escapedPattern(for: $0.word) }.joined(separator: "|")
        return "(?<![\\d.,/])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)\\s*(?:(\(words))(?![\\p{L}])\\s*(đồng|VNĐ|VND|USD|[\\p{L}]+)?|(đồng|VNĐ|VND|USD)(?![\\p{L}]))"
    }

    /// Every amount in `text`, in order. Bare numbers are no amounts: a year or a count has
    /// no scale word.
    static func amounts(_ text: String) -> [(range: Range<String.Index>, amount: LintAmount)] {
        text.lintMatches(amountPattern).compactMap { m in
            guard let number = m.groups[0], let x = decimal(number) else { return nil }
            let word = m.groups[1]
            let factor = word.flatMap { w in scales.first { LintText.fold($0.word) == LintText.fold(w) }?.factor } ?? 1
            // The word after says what is counted; a word that counts nothing ("45 tỷ trong
            // đó") says nothing.
            var noun = LintText.fold(m.groups[2] ?? m.groups[3] ?? "")
            if !nouns.contains(noun) { noun = "" }
            // "06 nghìn" is not how anyone writes an amount, but "06 tháng" is no amount either:
            // only a scale word or a currency makes one.
            guard word != nil || !noun.isEmpty else { return nil }
            let printed = [number, word, noun.isEmpty ? nil : (m.groups[2] ?? m.groups[3])].compactMap { $0 }.joined(separator: " ")
            return (m.range, LintAmount(value: x * factor, printed: printed,
                                        scale: factor, digits: decimals(number), noun: noun))
        }
    }

    /// "530,3 nghìn tỷ", at the scale and precision of `like`: how a sum is shown beside the
    /// figure it is compared with.
    static func format(_ value: Double, like: LintAmount) -> String {
        let word = scales.first { $0.factor == like.scale }?.word
        let number = VNNumber.format(value / like.scale, fractionDigits: like.digits + (like.scale > 1 ? 1 : 0))
        return [number, word].compactMap { $0 }.joined(separator: " ")
    }

    /// Whether `whole` is `parts` added up, allowing for the rounding of every figure printed.
    static func amountsAgree(_ whole: LintAmount, _ parts: [LintAmount]) -> Bool {
        let sum = parts.map(\.value).reduce(0, +)
        let slack = parts.map(\.slack).reduce(whole.slack, +)
        return abs(sum - whole.value) <= slack * 1.0001 + 1e-6
    }

    /// Amounts that speak of the same thing: the same word after them, where "đồng" may be
    /// left out ("120 tỷ" beside "530 tỷ đồng").
    static func sameKind(_ a: LintAmount, _ b: LintAmount) -> Bool {
        func kind(_ n: String) -> String { n == "vnd" ? "dong" : n }
        return a.noun.isEmpty || b.noun.isEmpty || kind(a.noun) == kind(b.noun)
    }

    /// Words that say what an amount counts.
    static let nouns: Set<String> = ["dong", "vnd", "usd", "nguoi", "luot", "ho", "don", "tin", "tai", "thue", "giao", "van", "thiet", "ban", "trang", "cuoc", "tan", "km", "ha"]
}
