import DXCore
import DXTestSupport
import Foundation
import XCTest

/// `dxtrack lint` on the shared seeds, as text and as Word documents made from them.
final class LintCommandTests: XCTestCase {
    let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// The seeds live beside the checkout (`../shared/seeds`); without them these tests skip.
    func seed(_ prefix: String) throws -> URL {
        guard FileManager.default.fileExists(atPath: seeds.path) else { throw XCTSkip("no ../shared/seeds beside the checkout") }
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") })
        return seeds.appendingPathComponent(name)
    }

    /// The Word document LibreOffice makes of `file`, read with its import `filter`, beside it.
    static func wordDocument(of file: URL, filter: String) throws -> URL {
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile) else {
            if ProcessInfo.processInfo.environment["DXTRACK_REQUIRE_DOC_TOOLS"] != nil { XCTFail("LibreOffice is required") }
            throw XCTSkip("LibreOffice is not installed")
        }
        let dir = file.deletingLastPathComponent()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        p.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/lo", "--infilter=\(filter)",
                       "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir.path, file.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let docx = file.deletingPathExtension().appendingPathExtension("docx")
        XCTAssertTrue(FileManager.default.fileExists(atPath: docx.path), "LibreOffice made no \(docx.lastPathComponent)")
        return docx
    }

    func findings(_ run: CLI.Run) throws -> [[String: Any]] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]], run.out + run.err)
    }

    func testTheHalfYearReportsOwnContradictionsAreErrorsAndTheOtherSeedsAreClean() throws {
        let run = try CLI.run(["lint", try seed("000").path, "--format", "json"])
        XCTAssertEqual(run.status, 1, "an error-level finding")
        let list = try findings(run)
        let stated = list.map { "\($0["stated"]!) → \($0["computed"]!)" }
        let errors = list.filter { $0["severity"] as? String == "lỗi" }.map { "\($0["stated"]!) → \($0["computed"]!)" }
        XCTAssertEqual(errors, [
            "79 nhiệm vụ → 62 + 06 + 12 = 80",
            "7,56% → 06/79 = 7,59%",
            "13,96% → 12/79 = 15,19%",
            "09 nhóm → 8 nhóm được liệt kê",
            "79 nhiệm vụ → 08 + 11 + 05 + 09 + 07 + 18 + 10 + 08 = 76",
            "79 nhiệm vụ → Phụ lục 03: 75 nhiệm vụ",
            "Thể chế số: 11 → Phụ lục 03: 10 dòng",
            "94,6% → 55.000/58.000 = 94,83%",
            "60% → 60/90 = 66,67%",
        ], stated.joined(separator: "\n"))
        XCTAssertTrue(list.allSatisfy { ($0["paragraph"] as? Int ?? 0) > 0 && !($0["quote"] as? String ?? "").isEmpty })
        // Every finding names its place in a table, or says it is in none.
        XCTAssertTrue(list.allSatisfy { Set($0.keys).isSuperset(of: ["table", "row", "column"]) })
        for clean in ["001", "003"] {
            let r = try CLI.run(["lint", try seed(clean).path])
            XCTAssertEqual(r.status, 0, r.out)
            XCTAssertTrue(r.out.contains("Không thấy mâu thuẫn nào giữa các con số."), r.out)
        }
    }

    func testAWordDocumentGivesTheSameFindingsAsItsText() throws {
        let dir = URL(fileURLWithPath: TestDatabases.sqlitePath()).deletingLastPathComponent()
        let text = dir.appendingPathComponent("bao-cao.txt")
        try FileManager.default.copyItem(at: try seed("000"), to: text)
        let docx = try Self.wordDocument(of: text, filter: "Text (encoded):UTF8,LF,,,")
        // LibreOffice's text filter makes paragraphs, not tables: the findings of the text's own
        // numbers must agree; those of the tables are the next test's.
        func ofText(_ list: [[String: Any]]) -> [String?] {
            list.filter { $0["table"] is NSNull && !(($0["computed"] as? String ?? "").hasPrefix("Phụ lục")) }.map { $0["computed"] as? String }
        }
        let fromWord = try findings(try CLI.run(["lint", docx.path, "--format", "json"]))
        let fromText = try findings(try CLI.run(["lint", text.path, "--format", "json"]))
        XCTAssertEqual(ofText(fromWord), ofText(fromText))
        XCTAssertEqual(ofText(fromText).count, 9)
    }

    /// The seed's appendices as real Word tables: the text's tables become HTML tables, which
    /// LibreOffice writes as a .docx; the Word reader must find what the text reader finds,
    /// in the same tables, rows and columns.
    func testTheAppendixTablesOfAWordDocumentGiveTheSameFindingsAsTheText() throws {
        let dir = URL(fileURLWithPath: TestDatabases.sqlitePath()).deletingLastPathComponent()
        let seedText = try String(contentsOf: try seed("000"), encoding: .utf8)
        let html = dir.appendingPathComponent("bao-cao-bang.html")
        try Self.html(LintDocument(text: seedText)).write(to: html, atomically: true, encoding: .utf8)
        let docx = try Self.wordDocument(of: html, filter: "HTML (StarWriter)")
        func key(_ f: [String: Any]) -> String {
            "\(f["severity"]!) \(f["table"] ?? "-") \(f["row"] ?? "-") \(f["column"] ?? "-") \(f["stated"]!) → \(f["computed"]!)"
        }
        let fromWord = try findings(try CLI.run(["lint", docx.path, "--format", "json"])).map(key)
        let fromText = try findings(try CLI.run(["lint", try seed("000").path, "--format", "json"])).map(key)
        XCTAssertEqual(fromWord, fromText)
        XCTAssertTrue(fromText.contains { $0.contains("Phụ lục 03: 75 nhiệm vụ") }, fromText.joined(separator: "\n"))
        XCTAssertTrue(fromText.contains { $0.hasPrefix("cảnh báo 1 10 4 ") }, "the judgement in table 1, row 10, column 4")
    }

    /// A document as HTML: paragraphs, and each table where its first cell was.
    static func html(_ doc: LintDocument) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var tableAt: [Int: LintTable] = [:]
        var covered = Set<Int>()
        for t in doc.tables {
            let numbers = t.rows.flatMap { $0.filter { !$0.text.isEmpty }.map(\.paragraph) }
            guard let first = numbers.min(), let last = numbers.max() else { continue }
            tableAt[first] = t
            covered.formUnion(first...last)
        }
        var out = "<html><head><meta charset=\"utf-8\"></head><body>"
        for (i, text) in doc.paragraphs.enumerated() {
            if let t = tableAt[i + 1] {
                out += "<table border=\"1\">" + t.rows.map { "<tr>" + $0.map { "<td>\(esc($0.text))</td>" }.joined() + "</tr>" }.joined() + "</table>"
            }
            if !covered.contains(i + 1) { out += "<p>\(esc(text))</p>" }
        }
        return out + "</body></html>"
    }

    func testAFileThatCannotBeReadIsSaidSoWithExitCode2() throws {
        let dir = URL(fileURLWithPath: TestDatabases.sqlitePath()).deletingLastPathComponent()
        let fake = dir.appendingPathComponent("gia.docx")
        try Data("không phải tệp Word".utf8).write(to: fake)
        let sheet = dir.appendingPathComponent("bang.xlsx")
        try Data().write(to: sheet)
        for (file, message) in [(fake.path, "Không đọc được báo cáo"), (sheet.path, "Chỉ kiểm tra được tệp .docx, .txt hoặc .pdf"),
                                (dir.appendingPathComponent("khong-co.txt").path, "Không có tệp")] {
            let r = try CLI.run(["lint", file])
            XCTAssertEqual(r.status, 2, file)
            XCTAssertTrue(r.err.contains(message), r.err)
        }
    }
}
