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

    public init(_ severity: LintSeverity, paragraph: Int, quote: String, stated: String, computed: String, message: String) {
        self.severity = severity
        self.paragraph = paragraph
        self.quote = quote
        self.stated = stated
        self.computed = computed
        self.message = message
    }
}
