import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams the elements of one XML part to a handler, after refusing what the OPC standard
/// forbids anyway: a DOCTYPE or entity declaration (entity-expansion attacks; FoundationXML
/// substitutes entities) and anything but valid UTF-8 (UTF-16 would hide a DOCTYPE from the
/// byte scan, and invalid bytes in names crash FoundationXML on Linux).
///
/// Uses `XMLParser(stream:)`: on Linux `XMLParser(data:)` fails on large inputs
/// (`ooxml-notes.md`). Element and attribute names are given without their namespace prefix
/// (`x:row` → `row`, `r:id` → `id`), since generators choose prefixes freely.
protocol XLSXXMLHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String]) throws(XLSXError)
    func end(_ name: String) throws(XLSXError)
    /// Only called while `wantsText` is true, so text that nobody reads is not accumulated.
    func text(_ text: String) throws(XLSXError)
    var wantsText: Bool { get }
    /// The parser's line before each `start`, for readers that name lines in their messages.
    func position(line: Int)
}

extension XLSXXMLHandler {
    func position(line: Int) {}
}

enum XLSXXML {
    static func parse(_ data: Data, part: String, limits: XLSXLimits, handler: XLSXXMLHandler) throws(XLSXError) {
        try checkSafe(data, part: part)
        let delegate = Delegate(handler: handler, part: part, limits: limits)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let e = delegate.failure { throw e }
        if !ok {
            let detail = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "không rõ"
            throw XLSXError(.malformedXML(part: part, line: parser.lineNumber, detail: detail))
        }
    }

    /// Refuses DOCTYPE and ENTITY declarations and non-UTF-8 parts, by scanning the bytes
    /// before any parser sees them.
    static func checkSafe(_ data: Data, part: String) throws(XLSXError) {
        let head = [UInt8](data.prefix(4))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE])
            || head.starts(with: [0x00, 0x3C]) || head.starts(with: [0x3C, 0x00]) {
            throw XLSXError(.unsupportedEncoding(part: part))
        }
        // Invalid UTF-8 is refused before parsing: FoundationXML on Linux parses in recovery
        // mode and force-unwraps element and attribute names decoded as UTF-8, so a name with
        // a stray byte would crash the process.
        guard String(decoding: data, as: UTF8.self).utf8.elementsEqual(data) else {
            throw XLSXError(.unsupportedEncoding(part: part))
        }
        for marker in ["<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity"] {
            if data.range(of: Data(marker.utf8)) != nil { throw XLSXError(.doctype(part: part)) }
        }
        // The XML declaration may name an encoding; only UTF-8 is read.
        if let end = data.prefix(200).range(of: Data("?>".utf8)) {
            let decl = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self).lowercased()
            if let r = decl.range(of: "encoding=") {
                let value = decl[r.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
                if value != "utf-8" && value != "utf8" { throw XLSXError(.unsupportedEncoding(part: part)) }
            }
        }
    }

    static func localName(_ qualified: String) -> String {
        guard let i = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: i)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: XLSXXMLHandler
        let part: String
        let limits: XLSXLimits
        var failure: XLSXError?
        var textLength = 0

        init(handler: XLSXXMLHandler, part: String, limits: XLSXLimits) {
            self.handler = handler
            self.part = part
            self.limits = limits
        }

        private func run(_ parser: XMLParser, _ body: () throws(XLSXError) -> Void) {
            guard failure == nil else { return }
            do {
                try body()
            } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            textLength = 0
            handler.position(line: parser.lineNumber)
            run(parser) { () throws(XLSXError) in
                var attrs: [String: String] = [:]
                for (k, v) in attributes { attrs[XLSXXML.localName(k)] = v }
                try handler.start(XLSXXML.localName(elementName), attrs)
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?) {
            textLength = 0
            run(parser) { () throws(XLSXError) in try handler.end(XLSXXML.localName(elementName)) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard handler.wantsText else { return }
            textLength += string.utf16.count
            if textLength > limits.maxTextLength * 4 {
                failure = failure ?? XLSXError(.textTooLong(part: part, limit: limits.maxTextLength))
                parser.abortParsing()
                return
            }
            run(parser) { () throws(XLSXError) in try handler.text(string) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard handler.wantsText else { return }
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            failure = failure ?? XLSXError(.doctype(part: part))
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String,
                    publicID: String?, systemID: String?) {
            failure = failure ?? XLSXError(.doctype(part: part))
            parser.abortParsing()
        }
    }
}

/// Text as stored in SpreadsheetML: `_xHHHH_` escapes characters XML cannot carry
/// (`_x000D_` is a carriage return, `_x005F_` an underscore).
enum XLSXText {
    static func decode(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            if u[i] == "_", i + 6 < u.count, u[i + 1] == "x", u[i + 6] == "_" {
                let hex = String(String.UnicodeScalarView(u[(i + 2)..<(i + 6)]))
                if hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) {
                    out.append(scalar)
                    i += 7
                    continue
                }
            }
            out.append(u[i])
            i += 1
        }
        return String(out)
    }
}
