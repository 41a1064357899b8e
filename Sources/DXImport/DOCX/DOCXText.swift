import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The paragraphs of a Word document, in reading order, table cells included (one paragraph
/// each): what a reader of the report reads. Opened through the same guarded archive as the
/// spreadsheets (sizes, entry count, compression ratio), parsed without external entities.
public enum DOCXText {
    public static func paragraphs(url: URL, limits: XLSXLimits = .default) throws(XLSXError) -> [String] {
        try paragraphs(XLSXArchive(url: url, limits: limits))
    }

    public static func paragraphs(data: Data, limits: XLSXLimits = .default) throws(XLSXError) -> [String] {
        try paragraphs(XLSXArchive(data: data, limits: limits))
    }

    static func paragraphs(_ archive: XLSXArchive) throws(XLSXError) -> [String] {
        let xml = try archive.read("word/document.xml")
        let reader = ParagraphReader()
        let parser = XMLParser(data: xml)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse() else { throw XLSXError(.unreadable("word/document.xml không phải XML hợp lệ")) }
        return reader.paragraphs
    }

    /// Text runs (`w:t`), tabs and breaks, joined per paragraph (`w:p`).
    final class ParagraphReader: NSObject, XMLParserDelegate {
        var paragraphs: [String] = []
        private var current = ""
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "w:p": current = ""
            case "w:t": inText = true
            case "w:tab": current += "\t"
            case "w:br", "w:cr": current += " "
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:p":
                let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { paragraphs.append(text) }
                current = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }
}
