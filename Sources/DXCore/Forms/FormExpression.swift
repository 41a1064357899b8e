/// A formula over the columns of one row of a table form: `(1)+(2)`, `(1)/(3)*100`.
///
/// Grammar (a deliberately small, safe language: no functions, no names of anything but
/// columns, bounded length and nesting):
///
///     expression := term (("+" | "-") term)*
///     term       := factor (("*" | "/") factor)*
///     factor     := ("+" | "-") factor | number | reference | "(" expression ")"
///     reference  := "(" digits ")" | "[" key "]" | identifier
///     number     := digits ["." digits]        (a decimal point, never a comma)
///
/// `×` also multiplies; `÷` and `:` (the Vietnamese division sign) also divide; `−` and `–`
/// also subtract.
///
/// Column references, as Vietnamese tables write them:
/// - `(1)`: the column whose key is `1`. A parenthesised whole number is always a column
///   reference, never the number itself, because that is how the forms number their columns.
/// - `[key]`: any key, e.g. `[truc_tuyen]` or `[1a]`.
/// - a bare identifier (a letter or `_`, then letters, digits, `_`): `online + offline`.
///
/// Comparisons (`=`, `<=`, `>=`, `<`, `>`) exist only at the top of an identity rule, see
/// `FormComparison`.
public indirect enum FormExpression: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case column(String)
    case negate(FormExpression)
    case binary(FormOperator, FormExpression, FormExpression)

    /// The longest formula accepted; longer text is not a formula anyone wrote by hand.
    public static let maximumLength = 1_000
    /// The deepest nesting accepted, so that hostile input cannot exhaust the stack.
    public static let maximumDepth = 64

    public static func parse(_ text: String) throws(FormExpressionError) -> FormExpression {
        var parser = try FormExpressionParser(text)
        let e = try parser.parseExpression()
        try parser.expectEnd()
        return e
    }

    /// Keys of the columns referenced, in order of first appearance.
    public var columnReferences: [String] {
        var seen: Set<String> = []
        var out: [String] = []
        func walk(_ e: FormExpression) {
            switch e {
            case .number: break
            case .column(let k): if seen.insert(k).inserted { out.append(k) }
            case .negate(let x): walk(x)
            case .binary(_, let a, let b): walk(a); walk(b)
            }
        }
        walk(self)
        return out
    }

    /// The formula written back in the `(1)+(2)` notation (normalised spacing and parentheses).
    public var description: String { render(parentPrecedence: 0, rightSide: false) }

    private func render(parentPrecedence: Int, rightSide: Bool) -> String {
        switch self {
        case .number(let x):
            if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
            return String(x)
        case .column(let k):
            if k.allSatisfy({ $0.isASCII && $0.isNumber }) { return "(\(k))" }
            if FormExpressionParser.isIdentifier(k) { return k }
            return "[\(k)]"
        case .negate(let x):
            return "-" + x.render(parentPrecedence: 3, rightSide: false)
        case .binary(let op, let a, let b):
            let p = op.precedence
            let text = a.render(parentPrecedence: p, rightSide: false) + op.symbol
                + b.render(parentPrecedence: p, rightSide: true)
            let needs = p < parentPrecedence || (p == parentPrecedence && rightSide)
            return needs ? "(" + text + ")" : text
        }
    }

    /// Evaluates the formula; `value(key)` gives a column's value in the row.
    ///
    /// - A referenced column without a value makes the result `.missing` ("chưa có số liệu"),
    ///   not zero.
    /// - A division by zero makes it `.divisionByZero`, which forms show as
    ///   `FormCellValue.divisionByZeroPlaceholder`. Missing wins over division by zero.
    public func evaluate(_ value: (String) -> Double?) -> FormEvaluation {
        switch self {
        case .number(let x):
            return .number(x)
        case .column(let k):
            guard let v = value(k) else { return .missing }
            return .number(v)
        case .negate(let x):
            if case .number(let v) = x.evaluate(value) { return .number(-v) }
            return x.evaluate(value)
        case .binary(let op, let a, let b):
            let l = a.evaluate(value)
            let r = b.evaluate(value)
            switch (l, r) {
            case (.missing, _), (_, .missing): return .missing
            case (.divisionByZero, _), (_, .divisionByZero): return .divisionByZero
            case (.number(let x), .number(let y)):
                switch op {
                case .add: return .number(x + y)
                case .subtract: return .number(x - y)
                case .multiply: return .number(x * y)
                case .divide:
                    guard y != 0 else { return .divisionByZero }
                    return .number(x / y)
                }
            }
        }
    }
}

public enum FormOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    public var symbol: String { rawValue }

    var precedence: Int {
        switch self {
        case .add, .subtract: 1
        case .multiply, .divide: 2
        }
    }
}

/// The result of evaluating a formula.
public enum FormEvaluation: Hashable, Sendable {
    case number(Double)
    /// An operand has no value yet.
    case missing
    /// A divisor was zero (e.g. a rate over zero cases).
    case divisionByZero

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}

/// A formula that could not be read, with a Vietnamese message pointing at the position.
public struct FormExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case empty
        case tooLong
        case tooDeep
        case unexpectedCharacter(Character)
        case unexpectedEnd
        case expectedClosingParenthesis
        case expectedClosingBracket
        case emptyReference
        case trailingText
        case invalidNumber(String)
        case comparisonMissing
        case comparisonRepeated
    }

    public let formula: String
    /// 1-based character position, nil when it concerns the whole formula.
    public let position: Int?
    public let reason: Reason

    public var message: String {
        let at = position.map { " (vị trí \($0))" } ?? ""
        let detail: String
        switch reason {
        case .empty: detail = "công thức trống"
        case .tooLong: detail = "công thức quá dài (tối đa \(FormExpression.maximumLength) ký tự)"
        case .tooDeep: detail = "công thức lồng quá nhiều dấu ngoặc"
        case .unexpectedCharacter(let c): detail = "ký tự không hợp lệ \"\(c)\"\(at)"
        case .unexpectedEnd: detail = "công thức kết thúc đột ngột, thiếu toán hạng"
        case .expectedClosingParenthesis: detail = "thiếu dấu đóng ngoặc \")\"\(at)"
        case .expectedClosingBracket: detail = "thiếu dấu \"]\"\(at)"
        case .emptyReference: detail = "tham chiếu cột trống\(at)"
        case .trailingText: detail = "thừa nội dung sau công thức\(at)"
        case .invalidNumber(let t): detail = "số không hợp lệ \"\(t)\"\(at) (dùng dấu chấm cho phần thập phân)"
        case .comparisonMissing: detail = "quy tắc kiểm tra phải có một dấu so sánh (=, <=, >=, <, >)"
        case .comparisonRepeated: detail = "quy tắc kiểm tra chỉ được có một dấu so sánh"
        }
        return "Công thức \"\(formula)\" không hợp lệ: \(detail)"
    }

    public var description: String { message }
}

/// `left op right`: the identity checked between columns of a row, e.g.
/// `(1) = (2)+(3)+(4)` ("Tổng số = Trực tiếp + Trực tuyến + Kỳ trước chuyển sang").
public struct FormComparison: Hashable, Sendable, CustomStringConvertible {
    public enum Relation: String, Hashable, Sendable, CaseIterable {
        case equal = "="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"
    }

    public var left: FormExpression
    public var relation: Relation
    public var right: FormExpression

    public init(left: FormExpression, relation: Relation, right: FormExpression) {
        self.left = left
        self.relation = relation
        self.right = right
    }

    public static func parse(_ text: String) throws(FormExpressionError) -> FormComparison {
        var parser = try FormExpressionParser(text)
        let l = try parser.parseExpression()
        guard let rel = parser.parseRelation() else {
            if parser.atEnd { throw FormExpressionError(formula: text, position: nil, reason: .comparisonMissing) }
            throw parser.error(.trailingText)
        }
        let r = try parser.parseExpression()
        if parser.parseRelation() != nil {
            throw FormExpressionError(formula: text, position: nil, reason: .comparisonRepeated)
        }
        try parser.expectEnd()
        return FormComparison(left: l, relation: rel, right: r)
    }

    public var columnReferences: [String] {
        var out = left.columnReferences
        for k in right.columnReferences where !out.contains(k) { out.append(k) }
        return out
    }

    public var description: String { "\(left) \(relation.rawValue) \(right)" }

    /// Whether the relation holds, within `tolerance` (absolute). nil when a side cannot be
    /// computed (missing data or a division by zero): such a row is not checked.
    public func holds(_ value: (String) -> Double?, tolerance: Double = 1e-9) -> (holds: Bool, left: Double, right: Double)? {
        guard let l = left.evaluate(value).number, let r = right.evaluate(value).number else { return nil }
        let ok: Bool
        switch relation {
        case .equal: ok = abs(l - r) <= tolerance
        case .lessOrEqual: ok = l <= r + tolerance
        case .greaterOrEqual: ok = l + tolerance >= r
        case .less: ok = l < r - tolerance
        case .greater: ok = l > r + tolerance
        }
        return (ok, l, r)
    }
}

/// A recursive-descent parser over the characters of a formula.
struct FormExpressionParser {
    let text: String
    let chars: [Character]
    var index = 0
    var depth = 0

    init(_ text: String) throws(FormExpressionError) {
        self.text = text
        guard text.count <= FormExpression.maximumLength else {
            throw FormExpressionError(formula: String(text.prefix(40)) + "…", position: nil, reason: .tooLong)
        }
        self.chars = Array(text)
        skipSpaces()
        if index >= chars.count { throw FormExpressionError(formula: text, position: nil, reason: .empty) }
    }

    var atEnd: Bool { index >= chars.count }

    func error(_ reason: FormExpressionError.Reason) -> FormExpressionError {
        FormExpressionError(formula: text, position: min(index, chars.count) + 1, reason: reason)
    }

    mutating func skipSpaces() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    mutating func expectEnd() throws(FormExpressionError) {
        skipSpaces()
        if !atEnd { throw error(.trailingText) }
    }

    mutating func parseRelation() -> FormComparison.Relation? {
        skipSpaces()
        guard index < chars.count else { return nil }
        let c = chars[index]
        let next: Character? = index + 1 < chars.count ? chars[index + 1] : nil
        switch c {
        case "=":
            index += 1
            if next == "=" { index += 1 }
            return .equal
        case "<":
            index += next == "=" ? 2 : 1
            return next == "=" ? .lessOrEqual : .less
        case ">":
            index += next == "=" ? 2 : 1
            return next == "=" ? .greaterOrEqual : .greater
        case "≤": index += 1; return .lessOrEqual
        case "≥": index += 1; return .greaterOrEqual
        default: return nil
        }
    }

    mutating func parseExpression() throws(FormExpressionError) -> FormExpression {
        depth += 1
        defer { depth -= 1 }
        if depth > FormExpression.maximumDepth { throw error(.tooDeep) }
        var left = try parseTerm()
        while true {
            skipSpaces()
            guard index < chars.count else { return left }
            let op: FormOperator
            switch chars[index] {
            case "+": op = .add
            case "-", "\u{2212}", "–": op = .subtract
            default: return left
            }
            index += 1
            let right = try parseTerm()
            left = .binary(op, left, right)
        }
    }

    mutating func parseTerm() throws(FormExpressionError) -> FormExpression {
        var left = try parseFactor()
        while true {
            skipSpaces()
            guard index < chars.count else { return left }
            let op: FormOperator
            switch chars[index] {
            case "*", "×": op = .multiply
            case "/", ":", "÷": op = .divide
            default: return left
            }
            index += 1
            let right = try parseFactor()
            left = .binary(op, left, right)
        }
    }

    mutating func parseFactor() throws(FormExpressionError) -> FormExpression {
        depth += 1
        defer { depth -= 1 }
        if depth > FormExpression.maximumDepth { throw error(.tooDeep) }
        skipSpaces()
        guard index < chars.count else { throw error(.unexpectedEnd) }
        let c = chars[index]
        switch c {
        case "+":
            index += 1
            return try parseFactor()
        case "-", "\u{2212}", "–":
            index += 1
            return .negate(try parseFactor())
        case "(":
            // `(123)` is a column reference; anything else in parentheses is grouping.
            var j = index + 1
            while j < chars.count, chars[j] == " " { j += 1 }
            let digitsStart = j
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let digitsEnd = j
            while j < chars.count, chars[j] == " " { j += 1 }
            if digitsEnd > digitsStart, j < chars.count, chars[j] == ")" {
                index = j + 1
                return .column(String(chars[digitsStart..<digitsEnd]))
            }
            index += 1
            let inner = try parseExpression()
            skipSpaces()
            guard index < chars.count, chars[index] == ")" else { throw error(.expectedClosingParenthesis) }
            index += 1
            return inner
        case "[":
            let start = index + 1
            var j = start
            while j < chars.count, chars[j] != "]" { j += 1 }
            guard j < chars.count else { throw error(.expectedClosingBracket) }
            let key = FormExpressionParser.trimmed(String(chars[start..<j]))
            guard !key.isEmpty else { throw error(.emptyReference) }
            index = j + 1
            return .column(key)
        default:
            if c.isASCII, c.isNumber || c == "." {
                let start = index
                while index < chars.count, chars[index].isASCII, chars[index].isNumber || chars[index] == "." {
                    index += 1
                }
                let t = String(chars[start..<index])
                guard t.filter({ $0 == "." }).count <= 1, t.first != ".", t.last != ".",
                      let x = Double(t), x.isFinite else {
                    index = start
                    throw error(.invalidNumber(t))
                }
                return .number(x)
            }
            if c == "_" || c.isLetter {
                let start = index
                while index < chars.count, chars[index] == "_" || chars[index].isLetter || chars[index].isNumber {
                    index += 1
                }
                return .column(String(chars[start..<index]))
            }
            throw error(.unexpectedCharacter(c))
        }
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }

    static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.first, first == "_" || first.isLetter else { return false }
        return key.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}
