/// The document's kind and subject under the header block: "BÁO CÁO" in bold capitals, the
/// subject in bold, a short rule under it.
public struct DocumentTitle: Sendable, Hashable {
    /// "BÁO CÁO"; printed in capitals.
    public var kind: String
    /// The subject (trích yếu); one paragraph per entry.
    public var subject: [String]
    /// An italic line such as "(Tại Hội nghị Sơ kết 6 tháng đầu năm 2024 ...)".
    public var note: String?
    public var width: Length

    public init(kind: String, subject: [String], note: String? = nil, width: Length = Decree30.portraitTextWidth) {
        self.kind = kind
        self.subject = subject
        self.note = note
        self.width = width
    }

    public var blocks: [Block] {
        let size = Decree30.bodyPointSize
        var paragraphs: [Paragraph] = [
            Paragraph([.text(TextRun(kind.vietnameseUppercased, bold: true, pointSize: size))],
                      alignment: .center, firstLineIndent: .zero, spaceBefore: 18, spaceAfter: 0,
                      lineSpacing: .single, keepWithNext: true),
        ]
        for line in subject {
            paragraphs.append(Paragraph([.text(TextRun(line, bold: true, pointSize: size))],
                                        alignment: .center, firstLineIndent: .zero, spaceBefore: 0, spaceAfter: 0,
                                        lineSpacing: .single, keepWithNext: true))
        }
        if let note {
            paragraphs.append(Paragraph([.text(TextRun(note, italic: true, pointSize: size))],
                                        alignment: .center, firstLineIndent: .zero, spaceBefore: 0, spaceAfter: 0,
                                        lineSpacing: .single, keepWithNext: true))
        }
        let longest = subject.map { TextWidthEstimate.width(of: $0, pointSize: size, bold: true) }.max() ?? .mm(60)
        var rule = Paragraph.rule(width: max(min(longest, width) * 0.4, .mm(25)), containerWidth: width)
        rule.spaceAfter = 12
        paragraphs.append(rule)
        return paragraphs.map(Block.paragraph)
    }
}
