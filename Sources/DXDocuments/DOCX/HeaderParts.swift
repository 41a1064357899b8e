/// The two header parts: one with the centred page number, one empty. A section that hides the
/// number on its first page points its "first" header at the empty one and sets `titlePg`.
enum HeaderParts {
    static func numbered() -> String {
        header { xml in
            DocumentBody.renderPageField(pointSize: Decree30.bodyPointSize, into: &xml)
        }
    }

    static func empty() -> String {
        header { _ in }
    }

    private static func header(_ content: (inout XMLWriter) -> Void) -> String {
        var xml = XMLWriter()
        xml.open("w:hdr", [("xmlns:w", OOXML.wordMain), ("xmlns:r", OOXML.relationshipsNS)])
        xml.within("w:p") { xml in
            xml.within("w:pPr") { xml in
                xml.empty("w:pStyle", [("w:val", "Header")])
                xml.empty("w:jc", [("w:val", "center")])
            }
            content(&xml)
        }
        xml.close("w:hdr")
        return xml.finished
    }
}
