/// `word/footnotes.xml`: the separator (id -1) and continuation separator (id 0) Word requires,
/// then the document's notes.
enum FootnotesPart {
    static func xml(_ notes: [(id: Int, note: Footnote)], body: inout DocumentBody) throws -> String {
        var xml = XMLWriter()
        xml.open("w:footnotes", [("xmlns:w", OOXML.wordMain), ("xmlns:r", OOXML.relationshipsNS)])
        separator(&xml, id: "-1", type: "separator", mark: "w:separator")
        separator(&xml, id: "0", type: "continuationSeparator", mark: "w:continuationSeparator")
        let context = DocumentBody.Context(styleID: "FootnoteText", insideFootnote: true)
        for (id, note) in notes {
            xml.open("w:footnote", [("w:id", String(id))])
            let paragraphs = note.paragraphs.isEmpty ? [Paragraph()] : note.paragraphs
            for (index, paragraph) in paragraphs.enumerated() {
                var paragraph = paragraph
                if index == 0 {
                    // The note repeats its own number, then a space, before the text.
                    paragraph.content.insert(.text(TextRun(" ")), at: 0)
                }
                try body.renderParagraph(paragraph, context: context, into: &xml, footnoteMark: index == 0)
            }
            xml.close("w:footnote")
        }
        xml.close("w:footnotes")
        return xml.finished
    }

    private static func separator(_ xml: inout XMLWriter, id: String, type: String, mark: String) {
        xml.within("w:footnote", [("w:type", type), ("w:id", id)]) { xml in
            xml.within("w:p") { xml in
                xml.within("w:pPr") { xml in
                    xml.empty("w:spacing", [("w:before", "0"), ("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")])
                    xml.empty("w:ind", [("w:firstLine", "0")])
                }
                xml.within("w:r") { xml in xml.empty(mark) }
            }
        }
    }
}
