import Foundation

/// Checks a report's own numbers against each other, the way a careful reader would with a
/// calculator: a fraction against its percentage, parts against their whole, a count against
/// the items it lists, a breakdown by group against the total, and Vietnamese number slips.
/// Pure: a document (paragraphs and tables) in, findings out. Rounding to the printed precision is never a
/// finding; cutting instead of rounding is a note.
public enum ReportLinter {
    /// Things counted in reports: the noun that ties a whole to its parts.
    static let nouns = ["nhiệm vụ", "chỉ tiêu", "mục tiêu", "đơn vị", "hồ sơ", "văn bản", "dịch vụ", "thủ tục"]
    static var noun: String { "(" + nouns.joined(separator: "|") + ")" }
    static let n = LintNumbers.count
    static let p = LintNumbers.percent

    public static func lint(paragraphs: [String]) -> [LintFinding] {
        lint(LintDocument(paragraphs: paragraphs))
    }

    /// The text's checks on every paragraph, the tables' own checks, and the text against the
    /// appendices it points to.
    public static func lint(_ document: LintDocument) -> [LintFinding] {
        var out: [LintFinding] = []
        for (i, text) in document.paragraphs.enumerated() {
            out += fractionsAndPercentages(text, paragraph: i + 1)
            out += partsOfAWhole(text, paragraph: i + 1)
            out += amountParts(text, paragraph: i + 1)
            out += numberSlips(text, paragraph: i + 1)
        }
        out += groupBreakdowns(document.paragraphs)
        out += bulletBreakdowns(document.paragraphs)
        out += tables(document)
        out += appendices(document)
        return out.sorted { ($0.paragraph, $0.severity) < ($1.paragraph, $1.severity) }
    }

    static func quote(_ s: Substring) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        return t.count <= 160 ? t : String(t.prefix(157)) + "…"
    }

    /// "25/31 nhiệm vụ đạt 80,6%": the percentage must be the fraction, to its printed precision.
    /// Words between them that compare with something else (tăng, giảm, so với, mục tiêu) mean
    /// another percentage and are left alone.
    static func fractionsAndPercentages(_ text: String, paragraph: Int) -> [LintFinding] {
        var out: [LintFinding] = []
        // "45.809 người/79.448 người (57,6%)": a word or two of what is counted may sit between.
        for m in text.lintMatches("(\(n))(?:\\s+\\p{Ll}+){0,2}\\s*/\\s*(\(n))(?![\\d.,/])([^%;/\\n\\d]{0,45}?)(\(p))\\s*%") {
            guard let a = m.groups[0].flatMap(LintNumbers.integer), let b = m.groups[1].flatMap(LintNumbers.integer), b > 0,
                  let between = m.groups[2], let printed = m.groups[3] else { continue }
            // "tháng 6/2024", "ngày 08/9/2023": a date, not a fraction.
            if (1...12).contains(a), (1900...2100).contains(b) { continue }
            if let slash = text[..<m.range.lowerBound].last, slash == "/" { continue }
            if ["tăng", "giảm", "so với", "mục tiêu", "vượt", "kế hoạch"].contains(where: { between.lintFind($0) != nil }) { continue }
            let exact = Double(a) * 100 / Double(b)
            let digits = LintNumbers.decimals(printed)
            switch LintNumbers.agreement(printed: printed, exact: exact) {
            case .agrees: continue
            case .truncated:
                out.append(LintFinding(.note, paragraph: paragraph, quote: quote(text[m.range]), stated: printed + "%",
                                       computed: "\(m.groups[0]!)/\(m.groups[1]!) = \(LintNumbers.format(exact, digits: digits + 2))",
                                       message: "Tỷ lệ \(printed)% được cắt bớt chữ số thay vì làm tròn: \(m.groups[0]!)/\(m.groups[1]!) làm tròn là \(LintNumbers.format(exact, digits: digits))."))
            case .differs:
                out.append(LintFinding(.error, paragraph: paragraph, quote: quote(text[m.range]), stated: printed + "%",
                                       computed: "\(m.groups[0]!)/\(m.groups[1]!) = \(LintNumbers.format(exact, digits: max(digits, 2)))",
                                       message: "Tỷ lệ ghi \(printed)% nhưng \(m.groups[0]!)/\(m.groups[1]!) = \(LintNumbers.format(exact, digits: max(digits, 2)))."))
            }
        }
        return out
    }

    /// "… với 79 nhiệm vụ. Trong đó 62 nhiệm vụ hoàn thành (78,48%), 06 … (7,56%), 12 … (13,96%)":
    /// the parts against the whole (more than the whole is an error; fewer, after "trong đó",
    /// only a warning, since such lists need not name every part), and each percentage against
    /// its part of the whole.
    static func partsOfAWhole(_ text: String, paragraph: Int) -> [LintFinding] {
        guard let split = text.lintFind("trong đó") else { return [] }
        let before = text[..<split]
        var after = text[split...]
        if let end = after.lintFind("cụ thể") { after = after[..<end] }
        guard let whole = String(before).lintMatches("(\(n))\\s+\(noun)").last,
              let total = whole.groups[0].flatMap(LintNumbers.integer), let noun = whole.groups[1], total > 0 else { return [] }
        let parts = String(after).lintMatches("(\(n))\\s+\(NSRegularExpression.escapedPattern(for: noun))([^();]{0,60}?\\((\(p))\\s*%\\))?")
        guard parts.count >= 2 else { return [] }
        var out: [LintFinding] = []
        let counts = parts.compactMap { $0.groups[0].flatMap(LintNumbers.integer) }
        let sum = counts.reduce(0, +)
        let sumText = parts.compactMap { $0.groups[0] }.joined(separator: " + ") + " = \(sum)"
        let quoted = quote(text[whole.range.lowerBound...].prefix(160))
        if sum > total {
            out.append(LintFinding(.error, paragraph: paragraph, quote: quoted, stated: "\(whole.groups[0]!) \(noun)", computed: sumText,
                                   message: "Tổng ghi \(whole.groups[0]!) \(noun) nhưng các phần cộng lại được \(sum)."))
        } else if sum < total {
            out.append(LintFinding(.warning, paragraph: paragraph, quote: quoted, stated: "\(whole.groups[0]!) \(noun)", computed: sumText,
                                   message: "Các phần sau “trong đó” cộng lại \(sum), ít hơn tổng \(whole.groups[0]!) \(noun): kiểm tra phần còn thiếu."))
        }
        for part in parts {
            guard let printed = part.groups[2], let count = part.groups[0].flatMap(LintNumbers.integer) else { continue }
            let exact = Double(count) * 100 / Double(total)
            let digits = LintNumbers.decimals(printed)
            guard LintNumbers.agreement(printed: printed, exact: exact) == .differs else { continue }
            out.append(LintFinding(.error, paragraph: paragraph, quote: quote(String(after)[part.range]), stated: printed + "%",
                                   computed: "\(part.groups[0]!)/\(whole.groups[0]!) = \(LintNumbers.format(exact, digits: max(digits, 2)))",
                                   message: "\(part.groups[0]!) trên tổng \(whole.groups[0]!) \(noun) là \(LintNumbers.format(exact, digits: max(digits, 2))), không phải \(printed)%."))
        }
        return out
    }

    /// "đề ra 09 nhóm nhiệm vụ với 79 nhiệm vụ", then one "- Nhóm: Hoàn thành 08/08 nhiệm vụ; …"
    /// line a group: the number of lines against the groups, their totals against the whole,
    /// each line's parts against its total, and a count against the items it lists.
    static func groupBreakdowns(_ paragraphs: [String]) -> [LintFinding] {
        var out: [LintFinding] = []
        for (i, text) in paragraphs.enumerated() {
            guard let head = text.lintMatches("(\(n))\\s+nhóm\\s+\(noun)\\s+(?:với|gồm|và)\\s+(\(n))\\s+\\2").first,
                  let groups = head.groups[0].flatMap(LintNumbers.integer), let whole = head.groups[2].flatMap(LintNumbers.integer)
            else { continue }
            var bullets: [(index: Int, text: String)] = []
            var j = i + 1
            while j < paragraphs.count {
                let t = paragraphs[j].trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("-") || t.hasPrefix("+") || t.hasPrefix("•") else { break }
                bullets.append((j, t))
                j += 1
            }
            guard !bullets.isEmpty else { continue }
            let quoted = quote(text[head.range])
            if bullets.count != groups {
                out.append(LintFinding(.error, paragraph: i + 1, quote: quoted, stated: "\(head.groups[0]!) nhóm",
                                       computed: "\(bullets.count) nhóm được liệt kê",
                                       message: "Báo cáo ghi \(head.groups[0]!) nhóm nhưng liệt kê \(bullets.count) nhóm."))
            }
            var totals: [Int] = []
            for b in bullets {
                guard let total = b.text.lintMatches("(\(n))\\s*/\\s*(\(n))").first?.groups[1].flatMap(LintNumbers.integer) else { continue }
                totals.append(total)
                out += lineParts(b.text, total: total, paragraph: b.index + 1)
            }
            let sum = totals.reduce(0, +)
            if totals.count == bullets.count, sum != whole {
                out.append(LintFinding(.error, paragraph: i + 1, quote: quoted, stated: "\(head.groups[2]!) \(head.groups[1]!)",
                                       computed: totals.map { VNNumber.padded($0) }.joined(separator: " + ") + " = \(sum)",
                                       message: "Tổng ghi \(head.groups[2]!) \(head.groups[1]!) nhưng các nhóm cộng lại được \(sum)."))
            }
        }
        return out
    }

    /// "… đặt ra 16 mục tiêu" and then one line a kind: "- Số mục tiêu hoàn thành: 09/16 chỉ
    /// tiêu", "- … từ 50%: 05/16 chỉ tiêu", "- … dưới 50%: 01 chỉ tiêu": the lines' counts
    /// against the whole (more is an error; fewer a warning, since a kind may have been left
    /// out). Where the lines count out of another number ("5/31" under "49 nhiệm vụ (6 tháng
    /// đầu năm 31 nhiệm vụ)"), that number is the whole if the sentence states it.
    static func bulletBreakdowns(_ paragraphs: [String]) -> [LintFinding] {
        var out: [LintFinding] = []
        for (i, text) in paragraphs.enumerated() where text.lintFind("nhóm") == nil && !text.hasPrefix("-") {
            let stated = text.lintMatches("(?<![\\d./])(\(n))\\s+\(noun)")
            guard !stated.isEmpty else { continue }
            var lines: [(index: Int, count: Int, of: Int?, printed: String)] = []
            var j = i + 1
            while j < paragraphs.count, paragraphs[j].hasPrefix("-") || paragraphs[j].hasPrefix("+") {
                let line = paragraphs[j]
                guard let m = line.lintMatches("(?<![\\d./])(\(n))(?:\\s*/\\s*(\(n)))?\\s+\(noun)").first,
                      let count = m.groups[0].flatMap(LintNumbers.integer) else { lines = []; break }
                lines.append((j, count, m.groups[1].flatMap(LintNumbers.integer), m.groups[0]!))
                j += 1
            }
            guard lines.count >= 2 else { continue }
            let candidates = stated.compactMap { $0.groups[0].flatMap(LintNumbers.integer) }
            let denominators = Set(lines.compactMap(\.of))
            let whole: Int
            if denominators.isEmpty { whole = candidates[0] } else {
                guard denominators.count == 1, let d = denominators.first, candidates.contains(d) else { continue }
                whole = d
            }
            let sum = lines.map(\.count).reduce(0, +)
            guard sum != whole, let m = stated.first(where: { $0.groups[0].flatMap(LintNumbers.integer) == whole }) else { continue }
            let computed = lines.map(\.printed).joined(separator: " + ") + " = \(sum)"
            out.append(LintFinding(sum > whole ? .error : .warning, paragraph: i + 1, quote: quote(text[m.range]),
                                   stated: "\(m.groups[0]!) \(m.groups[1]!)", computed: computed,
                                   message: sum > whole
                                    ? "Tổng ghi \(m.groups[0]!) \(m.groups[1]!) nhưng các dòng liệt kê cộng lại được \(sum)."
                                    : "Các dòng liệt kê cộng lại \(sum), ít hơn \(m.groups[0]!) \(m.groups[1]!): kiểm tra loại còn thiếu."))
        }
        return out
    }

    /// One group's line: "Hoàn thành 11/18 nhiệm vụ; Chưa hoàn thành 01/18 nhiệm vụ (6.2);
    /// Chưa triển khai 06 (6.3, 6.11, …)".
    static func lineParts(_ line: String, total: Int, paragraph: Int) -> [LintFinding] {
        guard let colon = line.firstIndex(of: ":") else { return [] }
        var out: [LintFinding] = []
        var sum = 0
        var numbers: [String] = []
        for segment in Self.splitOutsideParentheses(line[line.index(after: colon)...]) {
            let s = String(segment)
            guard let first = s.lintMatches("(\(n))(?:\\s*/\\s*(\(n)))?").first, let count = first.groups[0].flatMap(LintNumbers.integer) else { continue }
            sum += count
            numbers.append(first.groups[0]!)
            // "06 (6.3, 6.11, 6.12)" or "02 nhiệm vụ (2.7. …; 2.8. …)": the items named.
            let rest = s[first.range.upperBound...]
            if let open = rest.firstIndex(of: "("), rest.distance(from: rest.startIndex, to: open) <= 14,
               let close = rest.lastIndex(of: ")"), open < close {
                let inside = rest[rest.index(after: open)..<close]
                let items = (inside.contains(";") ? inside.split(separator: ";") : inside.split(separator: ","))
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if items.count != count {
                    out.append(LintFinding(.error, paragraph: paragraph, quote: quote(segment), stated: first.groups[0]!,
                                           computed: "\(items.count) mục được liệt kê",
                                           message: "Ghi \(first.groups[0]!) nhưng liệt kê \(items.count) mục."))
                }
            }
        }
        if sum > total {
            out.append(LintFinding(.error, paragraph: paragraph, quote: quote(line[...]), stated: "/\(VNNumber.padded(total))",
                                   computed: numbers.joined(separator: " + ") + " = \(sum)",
                                   message: "Các phần của nhóm cộng lại \(sum), nhiều hơn tổng \(total) của nhóm."))
        }
        return out
    }

    /// Splits at ";" that are not inside parentheses: "01 (a; b); Chưa triển khai 02".
    static func splitOutsideParentheses(_ s: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = s.startIndex
        for i in s.indices {
            switch s[i] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case ";" where depth == 0:
                parts.append(s[start..<i])
                start = s.index(after: i)
            default: break
            }
        }
        parts.append(s[start...])
        return parts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// "98.7%" or "1,445,521" in a Vietnamese text: English separators that a reader takes for
    /// other numbers (98.7 looks like ninety-eight thousand seven hundred in Vietnamese).
    static func numberSlips(_ text: String, paragraph: Int) -> [LintFinding] {
        var out: [LintFinding] = []
        for m in text.lintMatches("(?<![\\d.,])(\\d+)\\.(\\d{1,2})\\s*%") {
            out.append(LintFinding(.warning, paragraph: paragraph, quote: quote(text[m.range]), stated: String(text[m.range]),
                                   computed: "\(m.groups[0]!),\(m.groups[1]!)%",
                                   message: "Số thập phân viết bằng dấu chấm trong văn bản tiếng Việt: viết \(m.groups[0]!),\(m.groups[1]!)%."))
        }
        for m in text.lintMatches("(?<![\\d.,])\\d{1,3}(?:,\\d{3}){2,}(?![\\d,])") {
            let s = String(text[m.range])
            out.append(LintFinding(.warning, paragraph: paragraph, quote: quote(text[m.range]), stated: s,
                                   computed: s.replacingOccurrences(of: ",", with: "."),
                                   message: "Phân cách hàng nghìn bằng dấu phẩy kiểu tiếng Anh: viết \(s.replacingOccurrences(of: ",", with: "."))."))
        }
        return out
    }
}
