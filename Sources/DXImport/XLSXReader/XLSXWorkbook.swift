import DXCore
import Foundation

/// A spreadsheet opened for reading, safely (`ooxml-notes.md`): the zip is checked entry by
/// entry against `XLSXLimits`, XML parts with a DOCTYPE are refused, shared-string and style
/// indexes are bounds-checked, and sheets are read on demand with bounded rows and cells.
///
/// ```swift
/// let book = try XLSXWorkbook(url: upload)
/// let sheet = try book.sheet(named: "Chỉ tiêu")
/// let value = try sheet.number("C5")   // "Trang tính 'Chỉ tiêu', ô C5: ..." on error
/// ```
public final class XLSXWorkbook {
    /// Sheet names in workbook order.
    public let sheetNames: [String]
    /// Whether dates count from 1904 (`workbookPr date1904`).
    public let date1904: Bool
    public let limits: XLSXLimits

    private let archive: XLSXArchive
    private let sheetParts: [String: String]
    private let sharedStrings: [String]
    private let styles: XLSXStyles

    public convenience init(url: URL, limits: XLSXLimits = .default) throws(XLSXError) {
        try self.init(archive: XLSXArchive(url: url, limits: limits))
    }

    public convenience init(data: Data, limits: XLSXLimits = .default) throws(XLSXError) {
        try self.init(archive: XLSXArchive(data: data, limits: limits))
    }

    private init(archive: XLSXArchive) throws(XLSXError) {
        self.archive = archive
        self.limits = archive.limits

        // _rels/.rels names the workbook part; files without it use the usual name.
        var workbookPart = "xl/workbook.xml"
        if archive.contains("_rels/.rels") {
            let rels = try Self.relationships(archive, part: "_rels/.rels", base: "")
            if let r = rels.values.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                workbookPart = r.target
            }
        }
        guard archive.contains(workbookPart) else { throw XLSXError(.missingPart(workbookPart)) }

        let book = WorkbookHandler()
        try XLSXXML.parse(archive.read(workbookPart), part: workbookPart, limits: archive.limits, handler: book)
        date1904 = book.date1904

        let directory = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/"
            + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        let rels = archive.contains(relsPart)
            ? try Self.relationships(archive, part: relsPart, base: directory) : [:]

        var parts: [String: String] = [:]
        var names: [String] = []
        for (i, s) in book.sheets.enumerated() {
            let part = s.relationshipID.flatMap { rels[$0]?.target }
                ?? (directory.isEmpty ? "" : directory + "/") + "worksheets/sheet\(i + 1).xml"
            parts[s.name] = part
            names.append(s.name)
        }
        sheetNames = names
        sheetParts = parts

        let sharedPart = rels.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? (directory.isEmpty ? "" : directory + "/") + "sharedStrings.xml"
        if archive.contains(sharedPart) {
            let h = SharedStringsHandler(limit: archive.limits.maxCells)
            try XLSXXML.parse(archive.read(sharedPart), part: sharedPart, limits: archive.limits, handler: h)
            sharedStrings = h.strings
        } else {
            sharedStrings = []
        }

        let stylesPart = rels.values.first { $0.type.hasSuffix("/styles") }?.target
            ?? (directory.isEmpty ? "" : directory + "/") + "styles.xml"
        if archive.contains(stylesPart) {
            let h = StylesHandler()
            try XLSXXML.parse(archive.read(stylesPart), part: stylesPart, limits: archive.limits, handler: h)
            styles = XLSXStyles(customFormats: h.formats, cellFormats: h.cellFormats)
        } else {
            styles = XLSXStyles(customFormats: [:], cellFormats: [])
        }
    }

    /// Reads a sheet by name (exactly, then ignoring case and surrounding spaces).
    public func sheet(named name: String) throws(XLSXError) -> XLSXSheet {
        let found = sheetParts[name] != nil ? name
            : sheetNames.first { VNText.clean($0).lowercased() == VNText.clean(name).lowercased() }
        guard let actual = found, let part = sheetParts[actual] else {
            throw XLSXError(.missingSheet(name: name, available: sheetNames))
        }
        return try readSheet(actual, part: part)
    }

    /// Reads the sheet at a 0-based position in workbook order.
    public func sheet(at index: Int) throws(XLSXError) -> XLSXSheet {
        guard sheetNames.indices.contains(index) else {
            throw sheetNames.isEmpty ? XLSXError(.noSheets)
                : XLSXError(.missingSheet(name: "#\(index + 1)", available: sheetNames))
        }
        return try sheet(named: sheetNames[index])
    }

    private func readSheet(_ name: String, part: String) throws(XLSXError) -> XLSXSheet {
        let parser = XLSXSheetParser(name: name, part: part, limits: limits, sharedStrings: sharedStrings,
                                     styles: styles, date1904: date1904)
        do {
            let data = try archive.read(part)
            try XLSXXML.parse(data, part: part, limits: limits, handler: parser)
        } catch {
            throw error.at(sheet: name)
        }
        return XLSXSheet(name: name, cells: parser.cells, mergedRanges: parser.merges)
    }

    // MARK: - Parts

    struct Relationship {
        var target: String
        var type: String
    }

    /// Id → relationship with its target resolved to a part name (relative to `base`, or
    /// absolute when it starts with `/`). External targets are dropped.
    static func relationships(_ archive: XLSXArchive, part: String, base: String) throws(XLSXError) -> [String: Relationship] {
        let h = RelationshipsHandler()
        try XLSXXML.parse(archive.read(part), part: part, limits: archive.limits, handler: h)
        var out: [String: Relationship] = [:]
        for (id, target, type, external) in h.items where !external {
            out[id] = Relationship(target: resolve(target, base: base), type: type)
        }
        return out
    }

    static func resolve(_ target: String, base: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for s in target.split(separator: "/") {
            if s == ".." { _ = segments.popLast() } else if s != "." { segments.append(s) }
        }
        return segments.joined(separator: "/")
    }

    private final class WorkbookHandler: XLSXXMLHandler {
        var sheets: [(name: String, relationshipID: String?)] = []
        var date1904 = false
        var wantsText: Bool { false }
        func start(_ name: String, _ a: [String: String]) throws(XLSXError) {
            switch name {
            case "workbookPr":
                date1904 = a["date1904"] == "1" || a["date1904"]?.lowercased() == "true"
            case "sheet":
                if let n = a["name"], sheets.count < 10_000 { sheets.append((XLSXText.decode(n), a["id"])) }
            default: break
            }
        }
        func end(_ name: String) throws(XLSXError) {}
        func text(_ text: String) throws(XLSXError) {}
    }

    private final class RelationshipsHandler: XLSXXMLHandler {
        var items: [(String, String, String, Bool)] = []
        var wantsText: Bool { false }
        func start(_ name: String, _ a: [String: String]) throws(XLSXError) {
            if name == "Relationship", let id = a["Id"], let target = a["Target"], items.count < 10_000 {
                items.append((id, target, a["Type"] ?? "", a["TargetMode"] == "External"))
            }
        }
        func end(_ name: String) throws(XLSXError) {}
        func text(_ text: String) throws(XLSXError) {}
    }

    /// `<si>` items: plain `<t>` or rich-text runs `<r><t>`, phonetic `<rPh>` skipped.
    private final class SharedStringsHandler: XLSXXMLHandler {
        let limit: Int
        var strings: [String] = []
        private var current: String?
        private var inText = false
        private var phonetic = 0
        init(limit: Int) { self.limit = limit }
        var wantsText: Bool { inText && phonetic == 0 }
        func start(_ name: String, _ a: [String: String]) throws(XLSXError) {
            switch name {
            case "si": current = ""
            case "t": inText = current != nil
            case "rPh": phonetic += 1
            default: break
            }
        }
        func end(_ name: String) throws(XLSXError) {
            switch name {
            case "t": inText = false
            case "rPh": phonetic = max(0, phonetic - 1)
            case "si":
                strings.append(XLSXText.decode(current ?? ""))
                current = nil
                if strings.count > limit { throw XLSXError(.tooManyCells(limit: limit)) }
            default: break
            }
        }
        func text(_ text: String) throws(XLSXError) { current? += text }
    }

    private final class StylesHandler: XLSXXMLHandler {
        var formats: [Int: String] = [:]
        var cellFormats: [Int] = []
        private var inCellXfs = false
        var wantsText: Bool { false }
        func start(_ name: String, _ a: [String: String]) throws(XLSXError) {
            switch name {
            case "numFmt":
                if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"], formats.count < 10_000 {
                    formats[id] = code
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                if cellFormats.count < 100_000 { cellFormats.append(a["numFmtId"].flatMap { Int($0) } ?? 0) }
            default: break
            }
        }
        func end(_ name: String) throws(XLSXError) { if name == "cellXfs" { inCellXfs = false } }
        func text(_ text: String) throws(XLSXError) {}
    }
}

/// Number formats of the cell styles, to tell dates from numbers.
struct XLSXStyles: Sendable {
    /// Custom formats by id (ids from 164).
    let customFormats: [Int: String]
    /// `cellXfs`: the number format id of each cell style index.
    let cellFormats: [Int]

    func isDate(style: Int) -> Bool {
        guard cellFormats.indices.contains(style) else { return false }
        let id = cellFormats[style]
        if let code = customFormats[id] { return Self.isDateFormat(code) }
        return Self.isBuiltInDate(id)
    }

    /// Built-in 9 (`0%`) and 10 (`0.00%`), or a custom format with `%` outside quoted text and
    /// escapes in its first section.
    func isPercent(style: Int) -> Bool {
        guard cellFormats.indices.contains(style) else { return false }
        let id = cellFormats[style]
        guard let code = customFormats[id] else { return id == 9 || id == 10 }
        var inQuote = false, escape = false
        for ch in code {
            if escape { escape = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escape = true
            case ";": return false
            case "%": return true
            default: continue
            }
        }
        return false
    }

    /// Built-in date formats: 14–17 and 22 (dates, with time for 22), 27–36 and 50–58 (East
    /// Asian dates). 18–21 and 45–47 are times of day, which are not days and stay numbers.
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
    }

    /// A custom format is a date when, outside quoted text, escapes and `[...]` sections
    /// (colours, locales, elapsed times), it has a day or year code, or a month code without
    /// hours or seconds (which would make `m` minutes).
    static func isDateFormat(_ code: String) -> Bool {
        // Only the first section (positive numbers) decides.
        var letters = ""
        var inQuote = false
        var inBracket = false
        var escape = false
        for ch in code {
            if escape { escape = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": escape = true
            case ";": return classify(letters)
            default: letters.append(Character(ch.lowercased()))
            }
        }
        return classify(letters)
    }

    private static func classify(_ letters: String) -> Bool {
        if letters.contains("general") { return false }
        if letters.contains("d") || letters.contains("y") || letters.contains("e") && !letters.contains("0") {
            return true
        }
        return letters.contains("m") && !letters.contains("h") && !letters.contains("s") && !letters.contains("0")
    }
}

/// Excel serial numbers to days.
public enum XLSXDates {
    /// Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was (serial 60),
    /// so from serial 61 on the epoch is 1899-12-30. With the 1904 system serial 0 is
    /// 1904-01-01. The time of day is dropped (rounded to the nearest second first, so that
    /// 45292.99999999 is still the next day's midnight). nil for serial 60, negative or
    /// impossibly large serials.
    public static func date(serial: Double, date1904: Bool = false) -> CalendarDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let days = Int((serial * 86_400).rounded() / 86_400)
        if date1904 { return CalendarDate(1904, 1, 1).adding(days: days) }
        switch days {
        case ..<1: return nil
        case 60: return nil
        case ..<60: return CalendarDate(1899, 12, 31).adding(days: days)
        default: return CalendarDate(1899, 12, 30).adding(days: days)
        }
    }

    /// The serial of a day (1900 system), for writers.
    public static func serial(_ date: CalendarDate) -> Int {
        let days = date.dayNumber - CalendarDate(1899, 12, 30).dayNumber
        return days < 61 ? days - 1 : days
    }
}
