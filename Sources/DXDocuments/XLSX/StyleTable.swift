/// Collects the distinct cell styles of a workbook into `xl/styles.xml` and hands out their
/// indexes (`s` of a cell). Fonts, borders and number formats are shared between styles.
struct StyleTable {
    static let fontName = "Times New Roman"
    static let fontSize = "12"

    private(set) var styles: [CellStyle] = [.plain]
    private var indexes: [CellStyle: Int] = [.plain: 0]
    private var customFormats: [String] = []

    mutating func index(of style: CellStyle) -> Int {
        if let index = indexes[style] { return index }
        styles.append(style)
        indexes[style] = styles.count - 1
        if case .custom(let code) = style.numberFormat, !customFormats.contains(code) { customFormats.append(code) }
        if style.numberFormat == .date, !customFormats.contains(Self.dateCode) { customFormats.append(Self.dateCode) }
        return styles.count - 1
    }

    static let dateCode = "dd/mm/yyyy"

    private func numberFormatID(_ format: NumberFormat) -> Int {
        switch format {
        case .general: return 0
        case .integer: return 3
        case .decimal2: return 4
        case .percent0: return 9
        case .percent2: return 10
        case .date: return 164 + (customFormats.firstIndex(of: Self.dateCode) ?? 0)
        case .custom(let code): return 164 + (customFormats.firstIndex(of: code) ?? 0)
        }
    }

    /// Fonts: 0 regular, 1 bold, 2 italic, 3 bold italic.
    private static func fontID(_ style: CellStyle) -> Int { (style.bold ? 1 : 0) + (style.italic ? 2 : 0) }

    /// Children in CT_Stylesheet order: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles.
    func xml() -> String {
        var xml = XMLWriter()
        xml.open("styleSheet", [("xmlns", SpreadsheetML.main)])
        if !customFormats.isEmpty {
            xml.within("numFmts", [("count", String(customFormats.count))]) { xml in
                for (offset, code) in customFormats.enumerated() {
                    xml.empty("numFmt", [("numFmtId", String(164 + offset)), ("formatCode", code)])
                }
            }
        }
        xml.within("fonts", [("count", "4")]) { xml in
            for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
                xml.within("font") { xml in
                    if bold { xml.empty("b") }
                    if italic { xml.empty("i") }
                    xml.empty("sz", [("val", Self.fontSize)])
                    xml.empty("name", [("val", Self.fontName)])
                    xml.empty("family", [("val", "1")])
                    xml.empty("charset", [("val", "163")])
                }
            }
        }
        // Excel requires these two fills first, whatever the workbook uses.
        xml.within("fills", [("count", "2")]) { xml in
            xml.within("fill") { xml in xml.empty("patternFill", [("patternType", "none")]) }
            xml.within("fill") { xml in xml.empty("patternFill", [("patternType", "gray125")]) }
        }
        xml.within("borders", [("count", "2")]) { xml in
            xml.within("border") { xml in
                for side in ["left", "right", "top", "bottom", "diagonal"] { xml.empty(side) }
            }
            xml.within("border") { xml in
                for side in ["left", "right", "top", "bottom"] {
                    xml.within(side, [("style", "thin")]) { xml in xml.empty("color", [("indexed", "64")]) }
                }
                xml.empty("diagonal")
            }
        }
        xml.within("cellStyleXfs", [("count", "1")]) { xml in
            xml.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
        }
        xml.within("cellXfs", [("count", String(styles.count))]) { xml in
            for style in styles {
                var attributes: [XMLWriter.Attribute] = [
                    ("numFmtId", String(numberFormatID(style.numberFormat))), ("fontId", String(Self.fontID(style))),
                    ("fillId", "0"), ("borderId", style.bordered ? "1" : "0"), ("xfId", "0"),
                    ("applyNumberFormat", "1"), ("applyFont", "1"), ("applyBorder", "1"), ("applyAlignment", "1"),
                ]
                if style.unlocked { attributes.append(("applyProtection", "1")) }
                xml.within("xf", attributes) { xml in
                    var alignment: [XMLWriter.Attribute] = []
                    switch style.horizontalAlignment {
                    case .general: break
                    case .left: alignment.append(("horizontal", "left"))
                    case .center: alignment.append(("horizontal", "center"))
                    case .right: alignment.append(("horizontal", "right"))
                    }
                    switch style.verticalAlignment {
                    case .top: alignment.append(("vertical", "top"))
                    case .center: alignment.append(("vertical", "center"))
                    case .bottom: break
                    }
                    if style.wrapsText { alignment.append(("wrapText", "1")) }
                    xml.empty("alignment", alignment)
                    // CT_Xf: alignment, then protection.
                    if style.unlocked { xml.empty("protection", [("locked", "0")]) }
                }
            }
        }
        xml.within("cellStyles", [("count", "1")]) { xml in
            xml.empty("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
        }
        xml.close("styleSheet")
        return xml.finished
    }
}

enum SpreadsheetML {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml."
}
