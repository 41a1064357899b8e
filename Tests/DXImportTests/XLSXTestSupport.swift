import Foundation
import XCTest
import ZIPFoundation

/// Fixtures of the XLSX tests.
///
/// The openpyxl-written files come from `scripts/make-xlsx-fixtures.py`: when python3 with
/// openpyxl is installed the script is run once per test process into a temporary directory,
/// so the tests check what the script writes today; otherwise the committed copies in
/// `Fixtures/` (written by the same script) are used.
enum XLSXFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()

    static let generated: URL? = {
        let script = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/make-xlsx-fixtures.py")
        guard FileManager.default.fileExists(atPath: script.path) else { return nil }
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("dximport-fixtures-\(UUID().uuidString)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, out.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? out : nil
    }()

    /// Whether the files come from running the script now (python3 and openpyxl present).
    static var isFresh: Bool { generated != nil }

    static func url(_ name: String) throws -> URL {
        if let dir = generated {
            let u = dir.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: u.path) { return u }
        }
        let committed = testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: committed.path) else {
            throw XCTSkip("Fixture \(name) missing and python3/openpyxl not available to generate it")
        }
        return committed
    }
}

/// Builds minimal workbooks, and hostile ones, with ZIPFoundation.
enum XLSXBuilder {
    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    </Types>
    """
    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """
    static let workbook = """
    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
    <sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
    static let workbookRels = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
    </Relationships>
    """

    /// A part's content, produced in chunks so that huge parts never sit in memory.
    struct Part {
        var path: String
        var size: Int
        var chunk: (_ offset: Int, _ count: Int) -> Data

        init(_ path: String, _ text: String) {
            let data = Data(text.utf8)
            self.path = path
            self.size = data.count
            self.chunk = { o, c in data.subdata(in: o..<min(o + c, data.count)) }
        }

        init(_ path: String, size: Int, chunk: @escaping (Int, Int) -> Data) {
            self.path = path
            self.size = size
            self.chunk = chunk
        }
    }

    static func write(_ parts: [Part], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for p in parts {
            try archive.addEntry(with: p.path, type: .file, uncompressedSize: Int64(p.size),
                                 compressionMethod: .deflate, bufferSize: 1 << 16) { position, size in
                p.chunk(Int(position), size)
            }
        }
    }

    /// A workbook whose only sheet, "Dữ liệu", is `sheet`.
    static func workbook(sheet: Part, extra: [Part] = [], name: String = UUID().uuidString) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dximport-\(name).xlsx")
        try write([Part("[Content_Types].xml", contentTypes), Part("_rels/.rels", rootRels),
                   Part("xl/workbook.xml", workbook), Part("xl/_rels/workbook.xml.rels", workbookRels),
                   sheet] + extra, to: url)
        return url
    }

    static func sheetXML(_ sheetData: String, before: String = "", after: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(before)<sheetData>\(sheetData)</sheetData>\(after)</worksheet>
        """
    }

    /// A sheet part made of a head, `count` rows and a tail, generated as the zip writer asks
    /// for them so that it never sits in memory. Every `row(i)` must have `rowLength` bytes.
    static func streamedSheet(rows count: Int, rowLength: Int, row: @escaping @Sendable (Int) -> String) -> Part {
        let head = Data(#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8)
        let tail = Data("</sheetData></worksheet>".utf8)
        let bodyEnd = head.count + count * rowLength
        let total = bodyEnd + tail.count
        return Part("xl/worksheets/sheet1.xml", size: total) { offset, wanted in
            var out = Data()
            out.reserveCapacity(wanted)
            var o = offset
            while out.count < wanted, o < total {
                let room = wanted - out.count
                if o < head.count {
                    out.append(head.subdata(in: o..<min(head.count, o + room)))
                } else if o >= bodyEnd {
                    let t = o - bodyEnd
                    out.append(tail.subdata(in: t..<min(tail.count, t + room)))
                } else {
                    let i = (o - head.count) / rowLength
                    let within = (o - head.count) % rowLength
                    let bytes = Data(row(i).utf8)
                    precondition(bytes.count == rowLength, "row \(i) has \(bytes.count) bytes")
                    out.append(bytes.subdata(in: within..<min(rowLength, within + room)))
                }
                o = offset + out.count
            }
            return out
        }
    }
}
