import Foundation

extension VNNumber {
    /// Why a text is not a number, with a message in Vietnamese that can be shown as it is.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
        public enum Reason: Equatable, Sendable {
            case empty
            case tooLong
            case invalidCharacter(Character)
            case misplacedSign
            case misplacedPercent
            case misplacedSeparator
            case badGrouping
        }

        public let input: String
        public let reason: Reason

        public var message: String {
            let head = "\"\(input)\" không phải là số hợp lệ"
            switch reason {
            case .empty: return "Chưa nhập số"
            case .tooLong: return "Chuỗi quá dài để là một số"
            case .invalidCharacter(let c): return head + ": có ký tự \"\(c)\""
            case .misplacedSign: return head + ": dấu + hoặc - chỉ được đặt một lần, ở đầu số"
            case .misplacedPercent: return head + ": chỉ được có một dấu %, ở cuối số"
            case .misplacedSeparator: return head + ": dấu chấm hoặc dấu phẩy đặt sai chỗ"
            case .badGrouping: return head + ": mỗi nhóm hàng nghìn phải có đủ 3 chữ số"
            }
        }

        public var description: String { message }
        public var errorDescription: String? { message }
    }

    /// Reads a number the way people type it; nil if it is not one. See `parseOrThrow(_:)` for
    /// what is accepted.
    public static func parse(_ text: String) -> Double? {
        try? parseOrThrow(text)
    }

    /// Reads a number the way people type it in forms and spreadsheets.
    ///
    /// Accepted: surrounding whitespace; one leading `+`, `-` or `−`; one trailing `%`, with or
    /// without a space before it, which is dropped (`56,25 %` → 56.25: the caller knows whether
    /// the field holds a percentage); thousands grouped by `.`, `,`, spaces, no-break spaces or
    /// narrow no-break spaces; decimal `,` or `.`; a leading separator (`,5`, `.5` → 0.5), since
    /// nothing else can be meant.
    ///
    /// Which separator is the decimal one:
    /// - both `.` and `,` appear: the last one is the decimal separator and must appear once
    ///   (`1.445,5` and `1,445.5` are both 1445.5);
    /// - one of them appears several times: it groups thousands (`1.445.521`, `1,445,521`);
    /// - one of them appears once, next to space grouping: it is the decimal (`1 445,5`);
    /// - `,` appears once: it is the decimal, as in Vietnamese (`1,445` = 1.445, `56,25`);
    /// - `.` appears once: it groups thousands when exactly three digits follow and the digits
    ///   before could be a first group (1–3 digits, not starting with 0), as in Vietnamese
    ///   (`1.445` = 1445); otherwise it is the decimal point of English typing (`56.25`,
    ///   `0.445`, `1234.567`).
    ///
    /// Rejected: empty text, letters (`12a`, `abc`, `1e5`), a second sign (`--1`), a sign or `%`
    /// anywhere else, separators side by side or at the end (`1..2`, `5.`), groups that are not
    /// three digits (`1.44.5`, `12,3,4`) or a grouped number starting with 0.
    public static func parseOrThrow(_ text: String) throws -> Double {
        let scanned = try scan(text)
        guard let value = Double(scanned.plain), value.isFinite else {
            throw ParseError(input: text, reason: .tooLong)
        }
        return value
    }

    /// A whole count, as typed: `05`, `1.013`, `1 013`. nil for fractions, percentages and
    /// anything `parse(_:)` rejects.
    public static func parseInteger(_ text: String) -> Int? {
        guard let scanned = try? scan(text), scanned.fraction.isEmpty, !scanned.hadPercent else {
            return nil
        }
        return Int(scanned.plain)
    }

    /// Longer input is not a number anyone typed; refusing it early keeps hostile input cheap.
    static let maximumLength = 100

    struct Scanned {
        var negative: Bool
        var integer: String
        var fraction: String
        var hadPercent: Bool

        /// The number as Swift's own parsers read it: `-1445.5`.
        var plain: String {
            (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
        }
    }

    private enum Separator: Equatable {
        case space, dot, comma
    }

    static func scan(_ input: String) throws(ParseError) -> Scanned {
        func fail(_ reason: ParseError.Reason) -> ParseError { ParseError(input: input, reason: reason) }

        guard input.count <= maximumLength else { throw fail(.tooLong) }
        var body = Substring(input).drop(while: \.isWhitespace)
        while body.last?.isWhitespace == true { body = body.dropLast() }
        guard !body.isEmpty else { throw fail(.empty) }

        var hadPercent = false
        if body.last == "%" {
            hadPercent = true
            body = body.dropLast()
            while body.last?.isWhitespace == true { body = body.dropLast() }
        }
        if body.contains("%") { throw fail(.misplacedPercent) }

        let signs: Set<Character> = ["+", "-", "\u{2212}"]
        var negative = false
        if let first = body.first, signs.contains(first) {
            negative = first != "+"
            body = body.dropFirst()
        }
        if body.contains(where: signs.contains) { throw fail(.misplacedSign) }
        guard !body.isEmpty else { throw fail(.empty) }

        // Split into digit runs and the separators between them.
        var groups: [String] = [""]
        var separators: [Separator] = []
        var previousWasSpace = false
        for ch in body {
            if ch.isASCII, ch.isWholeNumber {
                groups[groups.count - 1].append(ch)
                previousWasSpace = false
                continue
            }
            let separator: Separator
            if ch.isWhitespace {
                if previousWasSpace { continue }  // a run of spaces is one separator
                separator = .space
                previousWasSpace = true
            } else if ch == "." {
                separator = .dot
                previousWasSpace = false
            } else if ch == "," {
                separator = .comma
                previousWasSpace = false
            } else {
                throw fail(.invalidCharacter(ch))
            }
            if groups[groups.count - 1].isEmpty {
                // Only `,5` / `.5` may start with a separator; it reads as 0,5.
                guard groups.count == 1, separator != .space else { throw fail(.misplacedSeparator) }
                groups[0] = "0"
            }
            separators.append(separator)
            groups.append("")
        }
        guard !groups[groups.count - 1].isEmpty else { throw fail(.misplacedSeparator) }

        let decimalIndex = try decimalSeparatorIndex(separators, groups: groups, fail: fail)
        let integerGroups = decimalIndex.map { Array(groups[...$0]) } ?? groups
        let fraction = decimalIndex.map { groups[$0 + 1] } ?? ""

        if integerGroups.count > 1 {
            let first = integerGroups[0]
            guard (1...3).contains(first.count), first.first != "0",
                  integerGroups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw fail(.badGrouping)
            }
        }
        return Scanned(negative: negative, integer: integerGroups.joined(), fraction: fraction,
                       hadPercent: hadPercent)
    }

    /// The index in `separators` of the decimal separator, nil if all of them group thousands.
    /// Checks that grouping uses one kind of separator only.
    private static func decimalSeparatorIndex(
        _ separators: [Separator], groups: [String], fail: (ParseError.Reason) -> ParseError
    ) throws(ParseError) -> Int? {
        guard let last = separators.last else { return nil }
        let marks = separators.filter { $0 != .space }
        let hasSpaces = separators.contains(.space)
        let markKinds = Set(marks.map { $0 == .dot })

        // Which kind decides the decimal: see the rules in `parseOrThrow(_:)`.
        let decimalIsLast: Bool
        switch (markKinds.count, marks.count) {
        case (0, _):
            decimalIsLast = false
        case (2, _):
            decimalIsLast = true
        case (1, 1):
            if hasSpaces || last == .comma {
                decimalIsLast = true
            } else {
                let before = groups[0]
                let looksGrouped = separators.count == 1 && groups[1].count == 3
                    && (1...3).contains(before.count) && before.first != "0"
                decimalIsLast = !looksGrouped
            }
        default:  // one kind, several times: grouping, unless spaces group already
            if hasSpaces { throw fail(.misplacedSeparator) }
            decimalIsLast = false
        }

        guard decimalIsLast else {
            // All separators group, so they must all be the same.
            if Set(separators).count > 1 { throw fail(.badGrouping) }
            return nil
        }
        guard last != .space else { throw fail(.misplacedSeparator) }
        let grouping = separators.dropLast()
        if grouping.contains(last) { throw fail(.misplacedSeparator) }
        if Set(grouping).count > 1 { throw fail(.badGrouping) }
        return separators.count - 1
    }
}
