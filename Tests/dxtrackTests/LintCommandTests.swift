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

    func findings(_ run: CLI.Run) throws -> [[String: Any]] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]], run.out + run.err)
    }

    func testTheHalfYearReportsOwnContradictionsAreErrorsAndTheOtherSeedsAreClean() throws {
        let run = try CLI.run(["lint", try seed("000").path, "--format", "json"])
        XCTAssertEqual(run.status, 1, "an error-level finding")
        let list = try findings(run)
        let stated = list.map { "\($0["stated"]!) → \($0["computed"]!)" }
        XCTAssertEqual(stated, [
            "79 nhiệm vụ → 62 + 06 + 12 = 80",
            "7,56% → 06/79 = 7,59%",
            "13,96% → 12/79 = 15,19%",
            "09 nhóm → 8 nhóm được liệt kê",
            "79 nhiệm vụ → 08 + 11 + 05 + 09 + 07 + 18 + 10 + 08 = 76",
            "94,6% → 55.000/58.000 = 94,83%",
            "60% → 60/90 = 66,67%",
        ])
        XCTAssertTrue(list.allSatisfy { $0["severity"] as? String == "lỗi" && ($0["paragraph"] as? Int ?? 0) > 0 && !($0["quote"] as? String ?? "").isEmpty })
        for clean in ["001", "003"] {
            let r = try CLI.run(["lint", try seed(clean).path])
            XCTAssertEqual(r.status, 0, r.out)
            XCTAssertTrue(r.out.contains("Không thấy mâu thuẫn nào giữa các con số."), r.out)
        }
    }

    func testAWordDocumentGivesTheSameFindingsAsItsText() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile) else {
            if ProcessInfo.processInfo.environment["DXTRACK_REQUIRE_DOC_TOOLS"] != nil { XCTFail("LibreOffice is required") }
            throw XCTSkip("LibreOffice is not installed")
        }
        let dir = URL(fileURLWithPath: TestDatabases.sqlitePath()).deletingLastPathComponent()
        let text = dir.appendingPathComponent("bao-cao.txt")
        try FileManager.default.copyItem(at: try seed("000"), to: text)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        p.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/lo", "--infilter=Text (encoded):UTF8,LF,,,",
                       "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir.path, text.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let docx = dir.appendingPathComponent("bao-cao.docx")
        XCTAssertTrue(FileManager.default.fileExists(atPath: docx.path))
        let fromWord = try findings(try CLI.run(["lint", docx.path, "--format", "json"]))
        let fromText = try findings(try CLI.run(["lint", text.path, "--format", "json"]))
        XCTAssertEqual(fromWord.map { $0["computed"] as? String }, fromText.map { $0["computed"] as? String })
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
