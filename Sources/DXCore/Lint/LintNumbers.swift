import Foundation

/// Numbers as Vietnamese reports print them: "1.445.521", "56,25", "06" (a count with its
/// leading zero), and the percentages' printed precision.
enum LintNumbers {
    /// A count: digits, possibly grouped by dots ("1.445.521", "06").
    static let count = #"\d{1,3}(?:\.\d{3})+|\d+"#
    /// A percentage's number: "78,48", "16", "100".
    static let percent = #"\d+(?:,\d+)?"#

    static func integer(_ s: String) -> Int? { Int(s.replacingOccurrences(of: ".", with: "")) }

    static func decimal(_ s: String) -> Double? { Double(s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")) }

    /// Digits after the comma: the precision the author printed.
    static func decimals(_ s: String) -> Int { s.split(separator: ",").dropFirst().first?.count ?? 0 }

    /// "7,59%": a value at `digits` decimals, Vietnamese style.
    static func format(_ x: Double, digits: Int) -> String {
        VNNumber.format(x, fractionDigits: digits) + "%"
    }

    enum Agreement { case agrees, truncated, differs }

    /// Whether `printed` (with its own precision) is `exact` rounded; cutting instead of rounding
    /// is told apart, since it is a habit, not a mistake in the count.
    static func agreement(printed: String, exact: Double) -> Agreement {
        guard let p = decimal(printed) else { return .differs }
        let d = decimals(printed)
        let scale = pow(10.0, Double(d))
        if abs((exact * scale).rounded() - p * scale) < 0.5 { return .agrees }
        if abs((exact * scale).rounded(.down) - p * scale) < 0.5 { return .truncated }
        return .differs
    }
}

extension String {
    /// Every match of `pattern` with its capture groups (nil where a group did not take part).
    func lintMatches(_ pattern: String) -> [(range: Range<String.Index>, groups: [String?])] {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        return re.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap { m in
            guard let r = Range(m.range, in: self) else { return nil }
            let groups = (1..<max(m.numberOfRanges, 1)).map { i -> String? in
                Range(m.range(at: i), in: self).map { String(self[$0]) }
            }
            return (r, groups)
        }
    }
}

extension StringProtocol {
    /// Where `word` first occurs, ignoring case and tone marks ("Trong đó", "trong do"), as an
    /// index of this string: the folded text keeps one character per character.
    func lintFind(_ word: String) -> String.Index? {
        func fold<S: StringProtocol>(_ s: S) -> [Character] {
            s.map { c -> Character in
                if c == "đ" || c == "Đ" { return "d" }
                return String(c).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).first ?? c
            }
        }
        let hay = fold(self), needle = fold(word)
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle {
            return index(startIndex, offsetBy: i)
        }
        return nil
    }
}
