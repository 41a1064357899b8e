import DXCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A Word document as its reader reads it: paragraphs in reading order (table cells included,
/// one paragraph each; list numbers and bullets as Word prints them; footnotes at the end) and
/// its tables on the column grid (`gridSpan` cells keep their text in the first column they
/// cover, `vMerge` continuations are empty). Opened through the same guarded archive as the
/// spreadsheets (sizes, entry count, compression ratio), parsed without external entities.
public enum DOCXText {
    public static func paragraphs(url: URL, limits: XLSXLimits = .default) throws(XLSXError) -> [String] {
        try document(url: url, limits: limits).paragraphs
    }

    public static func paragraphs(data: Data, limits: XLSXLimits = .default) throws(XLSXError) -> [String] {
        try document(data: data, limits: limits).paragraphs
    }

    public static func document(url: URL, limits: XLSXLimits = .default) throws(XLSXError) -> LintDocument {
        try document(XLSXArchive(url: url, limits: limits))
    }

    public static func document(data: Data, limits: XLSXLimits = .default) throws(XLSXError) -> LintDocument {
        try document(XLSXArchive(data: data, limits: limits))
    }

    static func document(_ archive: XLSXArchive) throws(XLSXError) -> LintDocument {
        let numbering = archive.contains("word/numbering.xml") ? try ListNumbering(parse(archive, "word/numbering.xml")) : ListNumbering()
        let body = BodyReader(numbering: numbering)
        try parse(archive, "word/document.xml", into: body)
        if archive.contains("word/footnotes.xml") {
            let notes = BodyReader(numbering: numbering, footnotes: true)
            try parse(archive, "word/footnotes.xml", into: notes)
            body.paragraphs += notes.paragraphs
        }
        return LintDocument(paragraphs: body.paragraphs, tables: body.tables)
    }

    static func parse(_ archive: XLSXArchive, _ part: String, into delegate: any XMLParserDelegate) throws(XLSXError) {
        let parser = XMLParser(data: try archive.read(part))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else { throw XLSXError(.unreadable("\(part) không phải XML hợp lệ")) }
    }

    static func parse(_ archive: XLSXArchive, _ part: String) throws(XLSXError) -> NumberingReader {
        let reader = NumberingReader()
        try parse(archive, part, into: reader)
        return reader
    }

    /// Text runs (`w:t`), tabs and breaks, joined per paragraph (`w:p`); tables (`w:tbl`) cell
    /// by cell. A table inside a cell is read as that cell's text.
    final class BodyReader: NSObject, XMLParserDelegate {
        var paragraphs: [String] = []
        var tables: [LintTable] = []
        private let numbering: ListNumbering
        private let footnotes: Bool
        private var current = ""
        private var inText = false
        private var list: (id: String, level: Int)?
        private var lastCaption: String?
        // The outermost table being read.
        private var depth = 0
        private var rows: [[LintCell]] = []
        private var row: [LintCell] = []
        private var cell: LintCell?
        private var span = 1
        private var continuesMerge = false
        private var skipping = 0

        init(numbering: ListNumbering, footnotes: Bool = false) {
            self.numbering = numbering
            self.footnotes = footnotes
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if skipping > 0 {
                if name == "w:footnote" { skipping += 1 }
                return
            }
            switch name {
            // Word's separator lines between text and notes are not notes.
            case "w:footnote" where footnotes && attributes["w:type"] != nil: skipping = 1
            case "w:tbl":
                depth += 1
                if depth == 1 { rows = [] }
            case "w:tr" where depth == 1: row = []
            case "w:tc" where depth == 1:
                // Until its text comes, a cell points at the paragraph before it.
                cell = LintCell("", paragraph: max(paragraphs.count, 1))
                span = 1
                continuesMerge = false
            case "w:gridSpan" where depth == 1: span = max(1, min(Int(attributes["w:val"] ?? "1") ?? 1, 64))
            case "w:vMerge" where depth == 1: continuesMerge = (attributes["w:val"] ?? "continue") == "continue"
            case "w:p":
                current = ""
                list = nil
            case "w:numId": if let id = attributes["w:val"] { list = (id, list?.level ?? 0) }
            case "w:ilvl": list = (list?.id ?? "", Int(attributes["w:val"] ?? "0") ?? 0)
            case "w:t": inText = true
            case "w:tab": current += "\t"
            case "w:br", "w:cr": current += " "
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if skipping > 0 {
                if name == "w:footnote" { skipping -= 1 }
                return
            }
            switch name {
            case "w:t": inText = false
            case "w:p":
                var text = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if let list, let label = numbering.next(list.id, level: list.level) { text = label + " " + text }
                current = ""
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
                paragraphs.append(text)
                if depth >= 1, var c = cell {
                    if c.text.isEmpty { c.paragraph = paragraphs.count }
                    c.text += (c.text.isEmpty ? "" : " ") + text
                    cell = c
                } else if LintTable.isCaption(text) {
                    lastCaption = text
                }
            case "w:tc" where depth == 1:
                var c = cell ?? LintCell("", paragraph: paragraphs.count)
                // The merged cell's text is in its first row; the rows it covers read empty.
                if continuesMerge { c.text = "" }
                row.append(c)
                for _ in 1..<span { row.append(LintCell("", paragraph: c.paragraph)) }
                cell = nil
            case "w:tr" where depth == 1:
                rows.append(row)
            case "w:tbl":
                depth -= 1
                if depth == 0 {
                    if !rows.isEmpty { tables.append(LintTable(number: tables.count + 1, caption: lastCaption, rows: rows)) }
                    lastCaption = nil
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText, skipping == 0 { current += string }
        }
    }
}
