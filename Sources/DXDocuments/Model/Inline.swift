/// Content inside a paragraph.
public enum Inline: Sendable, Hashable {
    case text(TextRun)
    /// A superscript mark in the text that refers to a note at the foot of the page.
    /// Notes are numbered in document order.
    case footnote(Footnote)
    case lineBreak
    case tab
    /// The current page number (a field, updated by the reader).
    case pageNumber
}

/// Text with one formatting. "\n" becomes a line break and "\t" a tab.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// Points; nil takes the paragraph's default.
    public var pointSize: Double?
    public var superscript: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false,
                pointSize: Double? = nil, superscript: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.pointSize = pointSize
        self.superscript = superscript
    }
}

/// The text of a footnote.
public struct Footnote: Sendable, Hashable {
    public var paragraphs: [Paragraph]

    public init(paragraphs: [Paragraph]) {
        self.paragraphs = paragraphs
    }

    public init(_ text: String) {
        self.paragraphs = [Paragraph([.text(TextRun(text))])]
    }
}

extension Inline {
    public static func text(_ text: String, bold: Bool = false, italic: Bool = false,
                            underline: Bool = false, pointSize: Double? = nil) -> Inline {
        .text(TextRun(text, bold: bold, italic: italic, underline: underline, pointSize: pointSize))
    }
}
