import DXCore
import DXTestSupport
import Foundation
import XCTest

/// `dxtrack report` on the demo data, its files judged by independent readers: python-docx,
/// openpyxl, LibreOffice and pdftotext. A reader that is missing skips the check, or fails it
/// when DXTRACK_REQUIRE_DOC_TOOLS=1 (CI installs them all).
final class ReportCommandTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func demo() throws -> (db: String, dir: URL) {
        let path = TestDatabases.sqlitePath()
        let db = "sqlite:" + path
        XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
        return (db, URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    func report(_ format: String, _ out: URL, db: String, extra: [String] = []) throws -> CLI.Run {
        try CLI.run(["report", "--plan", "KH-CĐS-2024", "--tasks-plan", "83/KH-BCĐ", "--period", "2024S1", "--number", "83",
                     "--format", format, "--out", out.path, "--db", db] + extra)
    }

    /// Runs a checker script; skips (or fails under CI) when python or its module is missing.
    func python(_ script: String, _ args: [String]) throws -> [String: Any] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.repo.appendingPathComponent("scripts/\(script)").path] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if text.contains("No module named") { try missing("python module for \(script): \(text)") }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            XCTFail("\(script) printed no JSON: \(text)")
            return [:]
        }
        XCTAssertEqual(p.terminationStatus, 0, text)
        return json
    }

    func missing(_ what: String) throws {
        if ProcessInfo.processInfo.environment["DXTRACK_REQUIRE_DOC_TOOLS"] == "1" {
            XCTFail("\(what) is missing (DXTRACK_REQUIRE_DOC_TOOLS=1)")
        }
        throw XCTSkip("\(what) is missing")
    }

    func testTheDOCXIsInTheStatesFormatAndSaysNineOfSixteen() throws {
        let (db, dir) = try demo()
        let out = dir.appendingPathComponent("bao-cao.docx")
        let r = try report("docx", out, db: db)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "Đã ghi \(out.path) (3 phụ lục).\n")
        let json = try python("check-docx.py", ["--expect-text", "09/16", "--expect-text", "56,25%", "--require-landscape", out.path])
        XCTAssertEqual((json["problems"] as? [Any])?.count, 0, "\(json["problems"] ?? "")")
        let text = json["text"] as? String ?? ""
        XCTAssertTrue(text.contains("Số: 83/BC-BCĐ"), "the number in the header")
        XCTAssertTrue(text.contains("Phụ lục III"))
        XCTAssertTrue(text.contains("(Kèm theo Báo cáo số 83/BC-BCĐ"))
    }

    func testTheXLSXHasOneSheetPerAppendixWithTheEvaluationsValues() throws {
        let (db, dir) = try demo()
        let out = dir.appendingPathComponent("phu-luc.xlsx")
        let r = try report("xlsx", out, db: db)
        XCTAssertEqual(r.status, 0, r.err)
        let json = try python("check-xlsx.py", ["--expect-sheets", "3", out.path])
        XCTAssertEqual((json["problems"] as? [Any])?.count ?? 0, 0, "\(json["problems"] ?? "")")
        let sheets = json["sheets"] as? [[String: Any]] ?? []
        XCTAssertEqual(sheets.compactMap { $0["name"] as? String }, ["Phụ lục I - Chỉ tiêu", "Phụ lục II - Nhiệm vụ", "Phụ lục III - Văn bản"])
        let first = try XCTUnwrap(sheets.first)
        XCTAssertEqual(first["freeze_panes"] as? String, "C2")
        let rows = first["rows"] as? [[Any]] ?? []
        // Row 9: the header, the pillar row, then indicators 1–7. Its rate is the fraction 60/90.
        XCTAssertEqual(rows[8][0] as? String, "7")
        XCTAssertEqual(try XCTUnwrap(rows[8][3] as? Double), 60.0 / 90, accuracy: 1e-12)
        XCTAssertEqual((first["number_formats"] as? [String: Any])?["D9"] as? String, "0.00%")
    }

    func testCSVAndHTMLAndTheirBadInputs() throws {
        let (db, dir) = try demo()
        let csv = dir.appendingPathComponent("phu-luc-1.csv")
        XCTAssertEqual(try report("csv", csv, db: db).status, 0)
        let bytes = try Data(contentsOf: csv)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, so Excel reads the Vietnamese")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("STT,Chỉ tiêu,Mục tiêu,Kết quả"), String(text.prefix(80)))
        XCTAssertTrue(text.contains("66,67%"))
        let html = dir.appendingPathComponent("xem-truoc.html")
        XCTAssertEqual(try report("html", html, db: db).status, 0)
        XCTAssertTrue(try String(contentsOf: html, encoding: .utf8).contains("09/16 chỉ tiêu đạt 56,25%"))
        // The demo holds the 2025 reform: a report names the units of its own period.
        let thaiBinh = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(thaiBinh.contains("UBND TỈNH THÁI BÌNH"), "2024 is Thái Bình's")
        let hy = dir.appendingPathComponent("hung-yen.html")
        let after = try CLI.run(["report", "--plan", "02-NQ/TU", "--period", "2025S2", "--unit", "33", "--format", "html",
                                 "--out", hy.path, "--db", db])
        XCTAssertEqual(after.status, 0, after.err)
        let hungYen = try String(contentsOf: hy, encoding: .utf8)
        XCTAssertTrue(hungYen.contains("UBND TỈNH HƯNG YÊN"), "2025 S2 of 33 is the new Hưng Yên's")
        XCTAssertFalse(hungYen.contains("UBND TỈNH THÁI BÌNH"))

        let noAppendix = try report("csv", csv, db: db, extra: ["--appendix", "9"])
        XCTAssertEqual(noAppendix.status, 1)
        XCTAssertEqual(noAppendix.err, "Lỗi: Báo cáo chỉ có 3 phụ lục; không có phụ lục 9.\n")
        let badPeriod = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--period", "2024X", "--format", "docx",
                                     "--out", dir.appendingPathComponent("x.docx").path, "--db", db])
        XCTAssertEqual(badPeriod.status, 1)
        XCTAssertTrue(badPeriod.err.hasPrefix("Lỗi: "), badPeriod.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.docx").path), "nothing written")
        let template = dir.appendingPathComponent("mau.json")
        try Data("{\"issuingBody\": 3}".utf8).write(to: template)
        let badTemplate = try report("docx", dir.appendingPathComponent("y.docx"), db: db, extra: ["--template", template.path])
        XCTAssertEqual(badTemplate.status, 1)
        XCTAssertTrue(badTemplate.err.hasPrefix("Lỗi: Mẫu báo cáo \(template.path) không hợp lệ"), badTemplate.err)
    }

    func testASavedTemplateGivesThePlansAndTheHeader() throws {
        let (db, dir) = try demo()
        let html = dir.appendingPathComponent("mau.html")
        let r = try CLI.run(["report", "--template", "bao-cao-cds-tinh", "--period", "2024S1", "--number", "83", "--date", "05/07/2024",
                             "--format", "html", "--out", html.path, "--db", db])
        XCTAssertEqual(r.status, 0, r.err)
        let text = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(text.contains("83/BC-BCĐ"))
        XCTAssertTrue(text.contains("ngày 05 tháng 7 năm 2024"))
        XCTAssertTrue(text.contains("09/16 chỉ tiêu đạt 56,25%"))
        XCTAssertFalse(text.contains("Phụ lục IV"), "no district reported indicator 16 for the half-year")
        let year = dir.appendingPathComponent("nam.html")
        XCTAssertEqual(try CLI.run(["report", "--template", "bao-cao-cds-tinh", "--period", "2024", "--format", "html", "--out", year.path, "--db", db]).status, 0)
        // Hưng Hà, the only district with indicator 16 for 2024, is still drafting in the demo
        // round: its figures appear only in the preview (data status).
        XCTAssertFalse(try String(contentsOf: year, encoding: .utf8).contains("Phụ lục IV"), "no district has submitted indicator 16")
        XCTAssertEqual(try CLI.run(["report", "--template", "bao-cao-cds-tinh", "--period", "2024", "--format", "html", "--out", year.path,
                                    "--include-unsubmitted", "--db", db]).status, 0)
        let yearText = try String(contentsOf: year, encoding: .utf8)
        XCTAssertTrue(yearText.contains("Phụ lục IV"), "indicator 16 by district after indicators, tasks and documents")
        XCTAssertTrue(yearText.contains("Huyện Hưng Hà"))

        let unknown = try CLI.run(["report", "--template", "khong-co", "--period", "2024S1", "--format", "html", "--out", html.path, "--db", db])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.err, "Lỗi: Không có mẫu báo cáo \"khong-co\": không phải tệp JSON, cũng không phải mã mẫu đã lưu.\n")
        let noPlan = try CLI.run(["report", "--period", "2024S1", "--format", "html", "--out", html.path, "--db", db])
        XCTAssertEqual(noPlan.status, 1)
        XCTAssertTrue(noPlan.err.contains("Thiếu --plan"), noPlan.err)
        let badDate = try CLI.run(["report", "--template", "bao-cao-cds-tinh", "--period", "2024S1", "--date", "31/02/2024",
                                   "--format", "html", "--out", html.path, "--db", db])
        XCTAssertEqual(badDate.err, "Lỗi: Ngày báo cáo \"31/02/2024\" không hợp lệ: nhập theo dạng ngày/tháng/năm.\n")
    }

    func testConsolidatedFormsFollowAsAppendicesWithTheirTwoLevelHeader() throws {
        let (db, dir) = try demo()
        var settings = ReportSettings(issuingBody: "Ban Chỉ đạo về chuyển đổi số", symbol: "BC-BCĐ", place: "Thái Bình", date: CalendarDate(2025, 1, 10))
        settings.formAppendices = ["BM01", "BM02"]
        let file = dir.appendingPathComponent("mau-bieu.json")
        try JSONEncoder().encode(settings).write(to: file)
        let docx = dir.appendingPathComponent("nam.docx"), xlsx = dir.appendingPathComponent("nam.xlsx")
        for (format, out) in [("docx", docx), ("xlsx", xlsx)] {
            let r = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--tasks-plan", "83/KH-BCĐ", "--period", "2024", "--template", file.path,
                                 "--format", format, "--out", out.path, "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
        }
        // BM02 is the last appendix: its header keeps the groups over their columns.
        let d = try python("check-form-table.py", [docx.path, "4", "-1"])
        let rows = d["rows"] as? [[String: Any]] ?? []
        let top = (rows.first?["cells"] as? [[String: Any]] ?? []).map { "\($0["text"] as? String ?? "")/\($0["span"] as? Int ?? 0)" }
        XCTAssertEqual(top, ["STT/1", "Đơn vị/1", "Tổng hồ sơ nhận giải quyết/4", "Kết quả giải quyết/5", "Tỷ lệ giải quyết đúng hạn/1"])
        XCTAssertEqual(rows.map { $0["repeat"] as? Bool }, [true, true, true, true], "the header repeats on every page")
        let x = try python("check-form-table.py", [xlsx.path, "4", "Phụ lục V - Biểu BM02"])
        XCTAssertEqual((x["sheets"] as? [String])?.suffix(2), ["Phụ lục IV - Biểu BM01", "Phụ lục V - Biểu BM02"])
        XCTAssertTrue((x["merged"] as? [String] ?? []).contains("C1:F1"), "\(x["merged"] ?? "")")
        // The sheet ends with a blank row and the note of when the figures were read.
        var body = x["body"] as? [[Any]] ?? []
        XCTAssertTrue((body.last?[0] as? String)?.hasPrefix("Ghi chú: Số liệu tính đến ") ?? false, "\(body.last ?? [])")
        while let first = body.last?[0], first is NSNull || (first as? String)?.hasPrefix("Ghi chú: ") == true { body.removeLast() }
        XCTAssertEqual(body.last?[1] as? String, "Tổng cộng")
        let filled = body.dropLast().filter { $0[2] is Double }
        // Four units filled the demo round; Công an tỉnh's report was returned, so its rows do
        // not count (data status).
        XCTAssertEqual(filled.count, 3, "the three units whose filled report is submitted or approved")
        XCTAssertEqual(body.last?[2] as? Double, filled.compactMap { $0[2] as? Double }.reduce(0, +))
    }

    func testThePDFRepeatsTheTableHeaderOnALaterPage() throws {
        guard ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].contains(where: FileManager.default.fileExists)
        else { return try missing("LibreOffice") }
        guard FileManager.default.fileExists(atPath: "/usr/bin/pdftotext") else { return try missing("pdftotext") }
        let (db, dir) = try demo()
        let out = dir.appendingPathComponent("bao-cao.pdf")
        let r = try report("pdf", out, db: db)
        XCTAssertEqual(r.status, 0, r.err)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-layout", out.path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let pages = text.components(separatedBy: "\u{0C}")
        let withTaskHeader = pages.filter { $0.contains("Cơ quan phối hợp") }
        XCTAssertGreaterThan(withTaskHeader.count, 1, "the tasks appendix's header repeats on its later pages")
        XCTAssertTrue(pages[0].contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    }

    /// `--tasks-plan` repeated: one section I.n and one appendix per plan, in the order given;
    /// the demo's half-year template does the same with section II's figures filled in.
    func testSeveralTaskPlansGiveOneSectionAndOneAppendixEach() throws {
        let (db, dir) = try demo()
        let out = dir.appendingPathComponent("bao-cao-hai-ke-hoach.docx")
        let r = try report("docx", out, db: db, extra: ["--tasks-plan", "121/KH-UBND"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "Đã ghi \(out.path) (4 phụ lục).\n")
        let json = try python("check-docx.py", ["--expect-text", "3. Kết quả thực hiện nhiệm vụ theo Kế hoạch nâng cao chỉ số chuyển đổi số tỉnh Thái Bình (năm 2023)",
                                                "--expect-text", "Phụ lục IV", out.path])
        XCTAssertEqual((json["problems"] as? [Any])?.count, 0, "\(json["problems"] ?? "")")

        let saved = dir.appendingPathComponent("bao-cao-6-thang.docx")
        let t = try CLI.run(["report", "--template", "bao-cao-6-thang-2024", "--period", "2024S1", "--number", "83",
                             "--format", "docx", "--out", saved.path, "--db", db])
        XCTAssertEqual(t.status, 0, t.err)
        XCTAssertEqual(t.out, "Đã ghi \(saved.path) (4 phụ lục).\n")
        let text = try python("check-docx.py", [saved.path])["text"] as? String ?? ""
        XCTAssertTrue(text.contains("đặt ra 49 nhiệm vụ (6 tháng đầu năm 31 nhiệm vụ):"))
        XCTAssertTrue(text.contains("Toàn tỉnh thu nhận 1.445.521 hồ sơ"))

        // A settings file's references are checked as saving a template checks them.
        var settings = ReportSettings(issuingBody: "Ban Chỉ đạo về chuyển đổi số", symbol: "BC-BCĐ", place: "Thái Bình", date: CalendarDate(2024, 7, 5))
        for (text, message) in [("[[value|SL-CĐS-2024|9.9]]", "kế hoạch SL-CĐS-2024 không có chỉ tiêu 9.9."),
                                ("[[value|SL-CĐS-2024|7.5|34|2024H1]]", "kỳ “2024H1” không tồn tại")] {
            settings.narrativeBlocks = [NarrativeBlock(heading: "Dữ liệu số", text: text)]
            let file = dir.appendingPathComponent("mau-muc-ii.json")
            try JSONEncoder().encode(settings).write(to: file)
            let bad = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--template", file.path, "--period", "2024S1",
                                   "--format", "docx", "--out", saved.path, "--db", db])
            XCTAssertEqual(bad.status, 1)
            XCTAssertTrue(bad.err.contains(message), bad.err)
        }
    }
}
