/// Builds an XML part as a string. Part sizes here are small (a report is a few hundred KB),
/// so a string is simpler than a streaming writer and keeps element order visible in the code,
/// which matters because Word rejects files whose property elements are out of schema order.
struct XMLWriter {
    typealias Attribute = (name: String, value: String)

    fileprivate(set) var xml: String
    private var openElements: [String] = []

    init() {
        xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    }

    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        xml += "<" + name + Self.render(attributes) + ">"
        openElements.append(name)
    }

    mutating func close(_ name: String) {
        let expected = openElements.popLast()
        precondition(expected == name, "XMLWriter: closing <\(name)> while <\(expected ?? "nothing")> is open")
        xml += "</" + name + ">"
    }

    mutating func empty(_ name: String, _ attributes: [Attribute] = []) {
        xml += "<" + name + Self.render(attributes) + "/>"
    }

    /// An element holding only text, escaped; `preserveSpace` adds `xml:space="preserve"`
    /// when the text has edge spaces.
    mutating func element(_ name: String, _ attributes: [Attribute] = [], text: String, preserveSpace: Bool = false) {
        var attributes = attributes
        if preserveSpace && XMLText.needsPreserve(text) {
            attributes.append(("xml:space", "preserve"))
        }
        xml += "<" + name + Self.render(attributes) + ">" + XMLText.escaped(text) + "</" + name + ">"
    }

    mutating func within(_ name: String, _ attributes: [Attribute] = [], _ body: (inout XMLWriter) throws -> Void) rethrows {
        open(name, attributes)
        try body(&self)
        close(name)
    }

    var finished: String {
        precondition(openElements.isEmpty, "XMLWriter: unclosed elements \(openElements)")
        return xml
    }

    private static func render(_ attributes: [Attribute]) -> String {
        var out = ""
        for attribute in attributes {
            out += " " + attribute.name + "=\"" + XMLText.escaped(attribute.value) + "\""
        }
        return out
    }
}

extension XMLWriter {
    /// A writer for a piece of a part, without the XML declaration, to be appended later.
    static func fragment() -> XMLWriter {
        var writer = XMLWriter()
        writer.xml = ""
        return writer
    }

    var isEmptyFragment: Bool { xml.isEmpty }

    mutating func append(_ fragment: XMLWriter) {
        xml += fragment.finished
    }
}
