import Foundation

/// Writes a `Workbook` as a SpreadsheetML package (.xlsx) that Excel, LibreOffice and openpyxl
/// open without repair. Strings are written inline, so there is no shared-string table to keep
/// consistent.
public struct XLSXWriter: Sendable {
    public init() {}

    /// The .xlsx file's bytes. Throws `WorkbookError` for sheet names or contents Excel would refuse.
    public func write(_ workbook: Workbook) throws -> Data {
        try WorkbookValidation.check(workbook)
        var styles = StyleTable()
        var sheetParts: [String] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            sheetParts.append(WorksheetPart.xml(sheet, isFirst: index == 0, styles: &styles))
        }

        var package = ZipPackage()
        var overrides: [(part: String, type: String)] = [
            ("/xl/workbook.xml", SpreadsheetML.contentType + "sheet.main+xml"),
            ("/xl/styles.xml", SpreadsheetML.contentType + "styles+xml"),
        ]
        for index in sheetParts.indices {
            overrides.append(("/xl/worksheets/sheet\(index + 1).xml", SpreadsheetML.contentType + "worksheet+xml"))
        }
        overrides.append(("/docProps/core.xml", OOXML.corePropertiesContentType))
        overrides.append(("/docProps/app.xml", OOXML.extendedPropertiesContentType))
        package.add("[Content_Types].xml", PackageParts.contentTypes(overrides: overrides))
        package.add("_rels/.rels", PackageParts.relationships([
            .init(id: "rId1", type: PackageParts.packageRelationshipsOfficeDocument, target: "xl/workbook.xml"),
            .init(id: "rId2", type: OOXML.corePropertiesType, target: "docProps/core.xml"),
            .init(id: "rId3", type: PackageParts.extendedPropertiesType, target: "docProps/app.xml"),
        ]))
        package.add("docProps/core.xml", PackageParts.coreProperties(title: nil, subject: nil, creator: nil, created: nil))
        package.add("docProps/app.xml", PackageParts.extendedProperties())
        package.add("xl/workbook.xml", workbookXML(workbook))
        var relationships = workbook.sheets.indices.map {
            PackageParts.Relationship(id: "rId\($0 + 1)", type: OOXML.relationshipType + "worksheet",
                                      target: "worksheets/sheet\($0 + 1).xml")
        }
        relationships.append(.init(id: "rIdStyles", type: OOXML.relationshipType + "styles", target: "styles.xml"))
        package.add("xl/_rels/workbook.xml.rels", PackageParts.relationships(relationships))
        for (index, part) in sheetParts.enumerated() {
            package.add("xl/worksheets/sheet\(index + 1).xml", part)
        }
        package.add("xl/styles.xml", styles.xml())
        return try package.archived()
    }

    /// Children in CT_Workbook order: bookViews, sheets, definedNames.
    private func workbookXML(_ workbook: Workbook) -> String {
        var xml = XMLWriter()
        xml.open("workbook", [("xmlns", SpreadsheetML.main), ("xmlns:r", OOXML.relationshipsNS)])
        xml.within("bookViews") { xml in xml.empty("workbookView", [("activeTab", "0")]) }
        xml.within("sheets") { xml in
            for (index, sheet) in workbook.sheets.enumerated() {
                xml.empty("sheet", [("name", XMLText.sanitized(sheet.name)), ("sheetId", String(index + 1)),
                                    ("r:id", "rId\(index + 1)")])
            }
        }
        // Header rows print at the top of every page, as in the DOCX appendices.
        let titled = workbook.sheets.enumerated().filter { $0.element.headerRowCount > 0 }
        if !titled.isEmpty {
            xml.within("definedNames") { xml in
                for (index, sheet) in titled {
                    let quoted = "'" + XMLText.sanitized(sheet.name).replacingOccurrences(of: "'", with: "''") + "'"
                    xml.element("definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", String(index))],
                                text: "\(quoted)!$1:$\(sheet.headerRowCount)")
                }
            }
        }
        xml.close("workbook")
        return xml.finished
    }
}
