import Foundation

/// Writes a `DocumentModel` as a WordprocessingML package (.docx) that Word, LibreOffice and
/// python-docx open without repair.
public struct DOCXWriter: Sendable {
    public init() {}

    /// The .docx file's bytes. Throws `DocumentError` for a model that cannot be laid out
    /// (a table whose rows do not fill its grid, for instance).
    public func write(_ document: DocumentModel) throws -> Data {
        var body = DocumentBody()
        let documentXML = try body.render(document)
        let footnotesXML = try FootnotesPart.xml(body.footnotes, body: &body)

        let type = OOXML.wordContentType
        var package = ZipPackage()
        package.add("[Content_Types].xml", PackageParts.contentTypes(overrides: [
            ("/word/document.xml", type + "document.main+xml"),
            ("/word/styles.xml", type + "styles+xml"),
            ("/word/settings.xml", type + "settings+xml"),
            ("/word/footnotes.xml", type + "footnotes+xml"),
            ("/word/header1.xml", type + "header+xml"),
            ("/word/header2.xml", type + "header+xml"),
            ("/docProps/core.xml", OOXML.corePropertiesContentType),
            ("/docProps/app.xml", OOXML.extendedPropertiesContentType),
        ]))
        package.add("_rels/.rels", PackageParts.relationships([
            .init(id: "rId1", type: PackageParts.packageRelationshipsOfficeDocument, target: "word/document.xml"),
            .init(id: "rId2", type: OOXML.corePropertiesType, target: "docProps/core.xml"),
            .init(id: "rId3", type: PackageParts.extendedPropertiesType, target: "docProps/app.xml"),
        ]))
        let metadata = document.metadata
        package.add("docProps/core.xml", PackageParts.coreProperties(
            title: metadata.title, subject: metadata.subject, creator: metadata.creator, created: metadata.created))
        package.add("docProps/app.xml", PackageParts.extendedProperties())
        package.add("word/document.xml", documentXML)
        package.add("word/_rels/document.xml.rels", PackageParts.relationships([
            .init(id: "rIdStyles", type: OOXML.relationshipType + "styles", target: "styles.xml"),
            .init(id: "rIdSettings", type: OOXML.relationshipType + "settings", target: "settings.xml"),
            .init(id: "rIdFootnotes", type: OOXML.relationshipType + "footnotes", target: "footnotes.xml"),
            .init(id: DocumentBody.numberedHeaderID, type: OOXML.relationshipType + "header", target: "header1.xml"),
            .init(id: DocumentBody.emptyHeaderID, type: OOXML.relationshipType + "header", target: "header2.xml"),
        ]))
        package.add("word/styles.xml", StylesPart.xml())
        package.add("word/settings.xml", SettingsPart.xml())
        package.add("word/footnotes.xml", footnotesXML)
        package.add("word/header1.xml", HeaderParts.numbered())
        package.add("word/header2.xml", HeaderParts.empty())
        return try package.archived()
    }
}
