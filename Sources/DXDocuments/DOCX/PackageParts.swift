import Foundation

/// The package-level parts shared by DOCX and XLSX: content types, relationships and the
/// document properties.
enum PackageParts {
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    static func relationships(_ relationships: [Relationship]) -> String {
        var xml = XMLWriter()
        xml.open("Relationships", [("xmlns", OOXML.packageRelationships)])
        for relationship in relationships {
            xml.empty("Relationship", [("Id", relationship.id), ("Type", relationship.type), ("Target", relationship.target)])
        }
        xml.close("Relationships")
        return xml.finished
    }

    /// `overrides` maps part names ("/word/document.xml") to content types.
    static func contentTypes(overrides: [(part: String, type: String)]) -> String {
        var xml = XMLWriter()
        xml.open("Types", [("xmlns", OOXML.contentTypesNS)])
        xml.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        xml.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        for override in overrides {
            xml.empty("Override", [("PartName", override.part), ("ContentType", override.type)])
        }
        xml.close("Types")
        return xml.finished
    }

    static func coreProperties(title: String?, subject: String?, creator: String?, created: Date?) -> String {
        var xml = XMLWriter()
        xml.open("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        if let title { xml.element("dc:title", text: title) }
        if let subject { xml.element("dc:subject", text: subject) }
        if let creator { xml.element("dc:creator", text: creator) }
        if let created {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            xml.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: formatter.string(from: created))
        }
        xml.close("cp:coreProperties")
        return xml.finished
    }

    static func extendedProperties() -> String {
        var xml = XMLWriter()
        xml.open("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")])
        xml.element("Application", text: "dxtrack")
        xml.close("Properties")
        return xml.finished
    }

    static let packageRelationshipsOfficeDocument = OOXML.relationshipType + "officeDocument"
    static let extendedPropertiesType = OOXML.relationshipType + "extended-properties"
}
