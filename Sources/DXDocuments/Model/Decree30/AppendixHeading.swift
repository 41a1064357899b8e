/// The top of an appendix: "Phụ lục I" (bold, centred), its title in bold capitals, and
/// "(Kèm theo Báo cáo số ... ngày ... của ...)" in italics, with a short rule under them.
public struct AppendixHeading: Sendable, Hashable {
    /// "Phụ lục I".
    public var label: String
    /// Printed in capitals.
    public var title: String
    public var citation: DocumentCitation?

    public init(label: String, title: String, citation: DocumentCitation?) {
        self.label = label
        self.title = title
        self.citation = citation
    }

    /// Appendices are numbered in Roman numerals: 1 → "Phụ lục I".
    public init(number: Int, title: String, citation: DocumentCitation?) {
        self.init(label: "Phụ lục \(RomanNumeral.string(number))", title: title, citation: citation)
    }

    /// The heading paragraphs. `pageBreakBefore` is for an appendix that shares the previous
    /// section's page setup; a new section already starts on a new page.
    public func blocks(width: Length, pageBreakBefore: Bool = false) -> [Block] {
        let size = Decree30.bodyPointSize
        func line(_ run: TextRun, first: Bool = false) -> Paragraph {
            Paragraph([.text(run)], alignment: .center, firstLineIndent: .zero, spaceBefore: 0, spaceAfter: 0,
                      lineSpacing: .single, keepWithNext: true, pageBreakBefore: first && pageBreakBefore,
                      markPointSize: size)
        }
        var paragraphs = [
            line(TextRun(label, bold: true, pointSize: size), first: true),
            line(TextRun(title.vietnameseUppercased, bold: true, pointSize: size)),
        ]
        if let citation {
            paragraphs.append(line(TextRun(citation.attachmentNote, italic: true, pointSize: size)))
        }
        var rule = Paragraph.rule(width: min(.mm(50), width), containerWidth: width)
        rule.spaceAfter = 12
        rule.keepWithNext = true
        paragraphs.append(rule)
        return paragraphs.map(Block.paragraph)
    }

    /// A section holding the appendix: a new page (landscape for wide tables), its own page
    /// count restarting at 1 and shown from its second page.
    public func section(orientation: PageOrientation, content: [Block],
                        margins: PageMargins = .decree30) -> DocumentSection {
        let page = PageSetup(orientation: orientation, margins: margins)
        return DocumentSection(
            page: page,
            pageNumbering: .headerCentred(onFirstPage: false, restartAt: 1),
            blocks: blocks(width: page.textWidth) + content
        )
    }
}
