/// A paragraph. Properties left nil take the document's defaults (body text of NĐ 30/2020:
/// justified, first-line indent 1.27 cm, 14 pt, 6 pt after, 1.2 lines) or, inside a table cell,
/// the cell text defaults (left, no indent, no spacing, single lines).
public struct Paragraph: Sendable, Hashable {
    public var content: [Inline]
    public var alignment: HorizontalAlignment?
    public var firstLineIndent: Length?
    public var leftIndent: Length?
    public var rightIndent: Length?
    /// Points.
    public var spaceBefore: Double?
    /// Points.
    public var spaceAfter: Double?
    public var lineSpacing: LineSpacing?
    /// Keeps a heading on the page of the paragraph that follows it.
    public var keepWithNext: Bool
    /// Keeps the paragraph's lines on one page.
    public var keepLinesTogether: Bool
    public var pageBreakBefore: Bool
    public var topBorder: BorderLine?
    public var bottomBorder: BorderLine?
    /// Size of the paragraph mark; it sets the height of an empty paragraph (a spacer or a rule).
    public var markPointSize: Double?

    public init(
        _ content: [Inline] = [],
        alignment: HorizontalAlignment? = nil,
        firstLineIndent: Length? = nil,
        leftIndent: Length? = nil,
        rightIndent: Length? = nil,
        spaceBefore: Double? = nil,
        spaceAfter: Double? = nil,
        lineSpacing: LineSpacing? = nil,
        keepWithNext: Bool = false,
        keepLinesTogether: Bool = false,
        pageBreakBefore: Bool = false,
        topBorder: BorderLine? = nil,
        bottomBorder: BorderLine? = nil,
        markPointSize: Double? = nil
    ) {
        self.content = content
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
        self.leftIndent = leftIndent
        self.rightIndent = rightIndent
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.lineSpacing = lineSpacing
        self.keepWithNext = keepWithNext
        self.keepLinesTogether = keepLinesTogether
        self.pageBreakBefore = pageBreakBefore
        self.topBorder = topBorder
        self.bottomBorder = bottomBorder
        self.markPointSize = markPointSize
    }

    /// A paragraph of one run of text.
    public init(
        text: String,
        bold: Bool = false,
        italic: Bool = false,
        pointSize: Double? = nil,
        alignment: HorizontalAlignment? = nil,
        firstLineIndent: Length? = nil,
        spaceBefore: Double? = nil,
        spaceAfter: Double? = nil,
        keepWithNext: Bool = false
    ) {
        self.init(
            [.text(TextRun(text, bold: bold, italic: italic, pointSize: pointSize))],
            alignment: alignment, firstLineIndent: firstLineIndent,
            spaceBefore: spaceBefore, spaceAfter: spaceAfter, keepWithNext: keepWithNext,
            markPointSize: pointSize
        )
    }

    /// A short horizontal rule centred in `containerWidth`, drawn as the top border of an empty,
    /// 1 pt high paragraph whose indents leave `width` between them. A paragraph border renders
    /// alike in Word and LibreOffice, where drawn shapes drift with fonts and anchors.
    /// `gapAbove` (points) keeps the line clear of the descenders of the text above it.
    public static func rule(width: Length, containerWidth: Length, alignment: HorizontalAlignment = .center,
                            gapAbove: Double = 3) -> Paragraph {
        let spare = max(containerWidth - width, .zero)
        let left: Length
        switch alignment {
        case .left, .justify: left = .zero
        case .center: left = spare * 0.5
        case .right: left = spare
        }
        return Paragraph(
            [], alignment: alignment, firstLineIndent: .zero,
            leftIndent: left, rightIndent: spare - left,
            spaceBefore: gapAbove, spaceAfter: 0, lineSpacing: .exactly(points: 1),
            topBorder: BorderLine(), markPointSize: 1
        )
    }

    /// Whether the paragraph has nothing to show but its mark.
    public var isEmpty: Bool { content.isEmpty }
}

public enum HorizontalAlignment: Sendable, Hashable {
    case left
    case center
    case right
    case justify
}

public enum LineSpacing: Sendable, Hashable {
    case single
    /// A multiple of single spacing (1.5 = one and a half lines).
    case multiple(Double)
    case exactly(points: Double)
    case atLeast(points: Double)
}

/// A solid line.
public struct BorderLine: Sendable, Hashable {
    /// Points; Word offers 0.25–6.
    public var width: Double
    /// Points between the line and the text.
    public var spacing: Double

    public init(width: Double = 0.75, spacing: Double = 0) {
        self.width = width
        self.spacing = spacing
    }
}
