/// Renders one `xl/worksheets/sheetN.xml`. Children follow CT_Worksheet order: sheetPr,
/// dimension, sheetViews, sheetFormatPr, cols, sheetData, sheetProtection, mergeCells,
/// dataValidations, pageMargins, pageSetup.
enum WorksheetPart {
    static func xml(_ sheet: Worksheet, isFirst: Bool, styles: inout StyleTable) -> String {
        var xml = XMLWriter()
        xml.open("worksheet", [("xmlns", SpreadsheetML.main), ("xmlns:r", OOXML.relationshipsNS)])
        xml.within("sheetPr") { xml in xml.empty("pageSetUpPr", [("fitToPage", "1")]) }
        xml.empty("dimension", [("ref", dimension(sheet))])
        xml.within("sheetViews") { xml in
            var view: [XMLWriter.Attribute] = [("workbookViewId", "0")]
            if isFirst { view.insert(("tabSelected", "1"), at: 0) }
            xml.within("sheetView", view) { xml in frozenPane(sheet, into: &xml) }
        }
        xml.empty("sheetFormatPr", [("defaultRowHeight", "15.75")])
        if !sheet.columnWidths.isEmpty {
            xml.within("cols") { xml in
                for (index, width) in sheet.columnWidths.enumerated() {
                    xml.empty("col", [("min", String(index + 1)), ("max", String(index + 1)),
                                      ("width", number(width)), ("customWidth", "1")])
                }
            }
        }
        xml.within("sheetData") { xml in
            for (rowIndex, row) in sheet.rows.enumerated() {
                var attributes: [XMLWriter.Attribute] = [("r", String(rowIndex + 1))]
                if let height = row.height { attributes += [("ht", number(height)), ("customHeight", "1")] }
                xml.within("row", attributes) { xml in
                    for (columnIndex, cell) in row.cells.enumerated() {
                        let reference = CellRange.cellReference(row: rowIndex, column: columnIndex)
                        writeCell(cell, reference: reference, styles: &styles, into: &xml)
                    }
                }
            }
        }
        if sheet.isProtected {
            // No password; resizing columns and rows stays allowed ("0" lifts a restriction).
            xml.empty("sheetProtection", [("sheet", "1"), ("objects", "1"), ("scenarios", "1"),
                                          ("formatColumns", "0"), ("formatRows", "0")])
        }
        let merges = sheet.mergedRanges.filter { !$0.isSingleCell }
        if !merges.isEmpty {
            xml.within("mergeCells", [("count", String(merges.count))]) { xml in
                for range in merges { xml.empty("mergeCell", [("ref", range.reference)]) }
            }
        }
        if !sheet.validations.isEmpty {
            xml.within("dataValidations", [("count", String(sheet.validations.count))]) { xml in
                for validation in sheet.validations { writeValidation(validation, into: &xml) }
            }
        }
        xml.empty("pageMargins", [("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.6"),
                                  ("header", "0.3"), ("footer", "0.3")])
        // A4, as wide as one page, as many pages down as it takes.
        xml.empty("pageSetup", [("paperSize", "9"), ("orientation", sheet.orientation == .landscape ? "landscape" : "portrait"),
                                ("fitToWidth", "1"), ("fitToHeight", "0")])
        xml.close("worksheet")
        return xml.finished
    }

    private static func dimension(_ sheet: Worksheet) -> String {
        let width = sheet.rows.map(\.cells.count).max() ?? 0
        guard !sheet.rows.isEmpty, width > 0 else { return "A1" }
        return CellRange(firstRow: 0, firstColumn: 0, lastRow: sheet.rows.count - 1, lastColumn: width - 1).reference
    }

    private static func frozenPane(_ sheet: Worksheet, into xml: inout XMLWriter) {
        let rows = sheet.headerRowCount
        let columns = sheet.frozenColumnCount
        guard rows > 0 || columns > 0 else { return }
        let topLeft = CellRange.cellReference(row: rows, column: columns)
        let pane: String
        var attributes: [XMLWriter.Attribute] = []
        if columns > 0 { attributes.append(("xSplit", String(columns))) }
        if rows > 0 { attributes.append(("ySplit", String(rows))) }
        switch (rows > 0, columns > 0) {
        case (true, true): pane = "bottomRight"
        case (true, false): pane = "bottomLeft"
        default: pane = "topRight"
        }
        attributes += [("topLeftCell", topLeft), ("activePane", pane), ("state", "frozen")]
        xml.empty("pane", attributes)
        xml.empty("selection", [("pane", pane), ("activeCell", topLeft), ("sqref", topLeft)])
    }

    private static func writeCell(_ cell: SheetCell, reference: String, styles: inout StyleTable, into xml: inout XMLWriter) {
        let style = styles.index(of: cell.style)
        var attributes: [XMLWriter.Attribute] = [("r", reference)]
        if style != 0 { attributes.append(("s", String(style))) }
        switch cell.value {
        case .empty:
            // A styled empty cell still draws its borders.
            if style != 0 { xml.empty("c", attributes) }
        case .text(let text):
            attributes.append(("t", "inlineStr"))
            xml.within("c", attributes) { xml in
                xml.within("is") { xml in
                    xml.element("t", text: escapeUnderscoreHex(text), preserveSpace: true)
                }
            }
        case .number(let value), .percent(let value):
            xml.within("c", attributes) { xml in xml.element("v", text: number(value)) }
        case .date(let year, let month, let day):
            let serial = ExcelDate.serial(year: year, month: month, day: day) ?? 0
            xml.within("c", attributes) { xml in xml.element("v", text: String(serial)) }
        }
    }

    private static func writeValidation(_ validation: ListValidation, into xml: inout XMLWriter) {
        // showDropDown="1" would hide the arrow, so it is left out.
        var attributes: [XMLWriter.Attribute] = [
            ("type", "list"), ("allowBlank", validation.allowsBlank ? "1" : "0"),
            ("showInputMessage", validation.prompt == nil ? "0" : "1"), ("showErrorMessage", "1"),
        ]
        if let message = validation.errorMessage {
            attributes += [("errorTitle", "Giá trị không hợp lệ"), ("error", String(message.prefix(255)))]
        }
        if let prompt = validation.prompt {
            attributes.append(("prompt", String(prompt.prefix(255))))
        }
        attributes.append(("sqref", validation.range.reference))
        xml.within("dataValidation", attributes) { xml in
            xml.element("formula1", text: validation.formula)
        }
    }

    /// The shortest decimal that reads back as the same double ("56.25", "1e-05"): valid xsd:double.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Excel decodes `_xHHHH_` in strings as a character; a literal one is kept by escaping its
    /// underscore as `_x005F_`.
    static func escapeUnderscoreHex(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let characters = Array(text)
        var out = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "_", index + 6 < characters.count, characters[index + 1] == "x",
               characters[(index + 2)...(index + 5)].allSatisfy(\.isHexDigit), characters[index + 6] == "_" {
                out += "_x005F_"
            } else {
                out.append(characters[index])
            }
            index += 1
        }
        return out
    }
}
