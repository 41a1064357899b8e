/// How serious a finding is. Vietnamese names, as the report's readers say them.
public enum LintSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    /// The numbers contradict each other: the report must be corrected.
    case error = "lỗi"
    /// Probably wrong, or incomplete: a person should look ("trong đó" lists may leave parts out).
    case warning = "cảnh báo"
    /// Not wrong, but worth knowing: a percentage cut instead of rounded.
    case note = "lưu ý"

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: LintSeverity, b: LintSeverity) -> Bool { a.rank < b.rank }
}

/// One contradiction in a report's own numbers: where, what it says, what its numbers give.
public struct LintFinding: Sendable, Hashable, Codable {
    public var severity: LintSeverity
    /// 1-based paragraph of the text.
    public var paragraph: Int
    /// The words the finding is about, as printed.
    public var quote: String
    /// What the report states ("79 nhiệm vụ", "7,56%").
    public var stated: String
    /// What its own numbers give ("62 + 06 + 12 = 80", "6/79 = 7,59%").
    public var computed: String
    /// One Vietnamese sentence.
    public var message: String
    /// Where in a table, when the finding is about one: its number (1-based, in reading
    /// order), the row (1-based, the header row included) and the column (1-based).
    public var table: Int?
    public var row: Int?
    public var column: Int?

    public init(_ severity: LintSeverity, paragraph: Int, quote: String, stated: String, computed: String, message: String,
                table: Int? = nil, row: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.paragraph = paragraph
        self.quote = quote
        self.stated = stated
        self.computed = computed
        self.message = message
        self.table = table
        self.row = row
        self.column = column
    }

    enum CodingKeys: String, CodingKey { case severity, paragraph, quote, stated, computed, message, table, row, column }

    /// Every field, `null` where a finding is not in a table: a consumer reads one shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(paragraph, forKey: .paragraph)
        try c.encode(quote, forKey: .quote)
        try c.encode(stated, forKey: .stated)
        try c.encode(computed, forKey: .computed)
        try c.encode(message, forKey: .message)
        try c.encode(table, forKey: .table)
        try c.encode(row, forKey: .row)
        try c.encode(column, forKey: .column)
    }

    /// "bảng 2, dòng 5, cột 3" or "đoạn 12": where a reader finds it.
    public var place: String {
        guard let table else { return "đoạn \(paragraph)" }
        var s = "bảng \(table)"
        if let row { s += ", dòng \(row)" }
        if let column { s += ", cột \(column)" }
        return s
    }
}
