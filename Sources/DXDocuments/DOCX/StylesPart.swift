/// `word/styles.xml`: the body text of NĐ 30/2020 as document defaults, so that every paragraph
/// without its own formatting already complies, plus the few named styles the writer uses.
enum StylesPart {
    static let fontName = "Times New Roman"
    /// 1.27 cm, the first-line indent Word offers by default and within the decree's 1–1.27 cm.
    static let firstLineIndentTwips = "720"
    /// 1.2 lines: between the decree's single and 1.5.
    static let bodyLineTwips = "288"
    /// The decree asks for at least 6 pt between paragraphs.
    static let bodySpaceAfterTwips = "120"

    static func xml() -> String {
        var xml = XMLWriter()
        xml.open("w:styles", [("xmlns:w", OOXML.wordMain)])
        xml.within("w:docDefaults") { xml in
            xml.within("w:rPrDefault") { xml in
                xml.within("w:rPr") { xml in
                    // Vietnamese letters fall outside ASCII: hAnsi and cs must name the font too,
                    // or Word shows them in a fallback font.
                    xml.empty("w:rFonts", [("w:ascii", fontName), ("w:eastAsia", fontName),
                                           ("w:hAnsi", fontName), ("w:cs", fontName)])
                    xml.empty("w:sz", [("w:val", WordUnits.halfPoints(Decree30.bodyPointSize))])
                    xml.empty("w:szCs", [("w:val", WordUnits.halfPoints(Decree30.bodyPointSize))])
                    xml.empty("w:lang", [("w:val", "vi-VN"), ("w:eastAsia", "en-US"), ("w:bidi", "ar-SA")])
                }
            }
            xml.within("w:pPrDefault") { xml in
                xml.within("w:pPr") { xml in
                    xml.empty("w:spacing", [("w:before", "0"), ("w:after", bodySpaceAfterTwips),
                                            ("w:line", bodyLineTwips), ("w:lineRule", "auto")])
                    xml.empty("w:ind", [("w:firstLine", firstLineIndentTwips)])
                    xml.empty("w:jc", [("w:val", "both")])
                }
            }
        }
        xml.within("w:style", [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")]) { xml in
            xml.empty("w:name", [("w:val", "Normal")])
            xml.empty("w:qFormat")
        }
        xml.within("w:style", [("w:type", "character"), ("w:default", "1"), ("w:styleId", "DefaultParagraphFont")]) { xml in
            xml.empty("w:name", [("w:val", "Default Paragraph Font")])
            xml.empty("w:uiPriority", [("w:val", "1")])
            xml.empty("w:semiHidden")
            xml.empty("w:unhideWhenUsed")
        }
        xml.within("w:style", [("w:type", "table"), ("w:default", "1"), ("w:styleId", "TableNormal")]) { xml in
            xml.empty("w:name", [("w:val", "Normal Table")])
            xml.empty("w:uiPriority", [("w:val", "99")])
            xml.empty("w:semiHidden")
            xml.empty("w:unhideWhenUsed")
            xml.within("w:tblPr") { xml in
                xml.empty("w:tblInd", [("w:w", "0"), ("w:type", "dxa")])
                xml.within("w:tblCellMar") { xml in
                    xml.empty("w:top", [("w:w", "0"), ("w:type", "dxa")])
                    xml.empty("w:left", [("w:w", "108"), ("w:type", "dxa")])
                    xml.empty("w:bottom", [("w:w", "0"), ("w:type", "dxa")])
                    xml.empty("w:right", [("w:w", "108"), ("w:type", "dxa")])
                }
            }
        }
        // Cell text: no indent, no spacing, single lines; justified text in narrow cells leaves holes.
        paragraphStyle(&xml, id: "TableText", name: "Table Text", custom: true,
                       spacing: [("w:before", "0"), ("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
                       justification: "left", pointSize: nil)
        paragraphStyle(&xml, id: "Header", name: "header", custom: false,
                       spacing: [("w:before", "0"), ("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
                       justification: "center", pointSize: nil)
        paragraphStyle(&xml, id: "FootnoteText", name: "footnote text", custom: false,
                       spacing: [("w:before", "0"), ("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
                       justification: "both", pointSize: 12)
        xml.within("w:style", [("w:type", "character"), ("w:styleId", "FootnoteReference")]) { xml in
            xml.empty("w:name", [("w:val", "footnote reference")])
            xml.empty("w:basedOn", [("w:val", "DefaultParagraphFont")])
            xml.empty("w:uiPriority", [("w:val", "99")])
            xml.within("w:rPr") { xml in xml.empty("w:vertAlign", [("w:val", "superscript")]) }
        }
        xml.close("w:styles")
        return xml.finished
    }

    private static func paragraphStyle(_ xml: inout XMLWriter, id: String, name: String, custom: Bool,
                                       spacing: [XMLWriter.Attribute], justification: String, pointSize: Double?) {
        var attributes: [XMLWriter.Attribute] = [("w:type", "paragraph")]
        if custom { attributes.append(("w:customStyle", "1")) }
        attributes.append(("w:styleId", id))
        xml.within("w:style", attributes) { xml in
            xml.empty("w:name", [("w:val", name)])
            xml.empty("w:basedOn", [("w:val", "Normal")])
            xml.empty("w:uiPriority", [("w:val", "99")])
            if custom { xml.empty("w:qFormat") }
            xml.within("w:pPr") { xml in
                xml.empty("w:spacing", spacing)
                xml.empty("w:ind", [("w:firstLine", "0")])
                xml.empty("w:jc", [("w:val", justification)])
            }
            if let pointSize {
                xml.within("w:rPr") { xml in
                    xml.empty("w:sz", [("w:val", WordUnits.halfPoints(pointSize))])
                    xml.empty("w:szCs", [("w:val", WordUnits.halfPoints(pointSize))])
                }
            }
        }
    }
}
