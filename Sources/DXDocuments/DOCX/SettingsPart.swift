/// `word/settings.xml`. Children follow CT_Settings order: zoom, defaultTabStop,
/// characterSpacingControl, footnotePr, compat, themeFontLang, decimalSymbol, listSeparator.
enum SettingsPart {
    static func xml() -> String {
        var xml = XMLWriter()
        xml.open("w:settings", [("xmlns:w", OOXML.wordMain)])
        xml.empty("w:zoom", [("w:percent", "100")])
        xml.empty("w:defaultTabStop", [("w:val", "720")])
        xml.empty("w:characterSpacingControl", [("w:val", "doNotCompress")])
        // Word expects the separator notes of footnotes.xml to be named here.
        xml.within("w:footnotePr") { xml in
            xml.empty("w:footnote", [("w:id", "-1")])
            xml.empty("w:footnote", [("w:id", "0")])
        }
        // Mode 15 (Word 2013+) keeps Word out of compatibility mode and its older table layout.
        xml.within("w:compat") { xml in
            xml.empty("w:compatSetting", [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"),
                                          ("w:val", "15")])
        }
        xml.empty("w:themeFontLang", [("w:val", "vi-VN")])
        xml.empty("w:decimalSymbol", [("w:val", ",")])
        xml.empty("w:listSeparator", [("w:val", ";")])
        xml.close("w:settings")
        return xml.finished
    }
}
