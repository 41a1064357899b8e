import DXCore
import DXImport
import DXTestSupport
import Foundation
import XCTest

/// `dxtrack ingest` on the half-year report of the seeds, into a database that holds only the
/// province's units: the appendices come back as a plan whose evaluation says what the report
/// says, and bad requests write nothing.
final class IngestCommandTests: XCTestCase {
    let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    func seed() throws -> String {
        guard FileManager.default.fileExists(atPath: seeds.path) else { throw XCTSkip("no ../shared/seeds beside the checkout") }
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix("000") })
        return seeds.appendingPathComponent(name).path
    }

    /// A database with the province and the departments the appendices name, and nothing else.
    func emptyDatabase(_ db: String) throws {
        let units = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-units-\(UUID().uuidString).csv")
        try """
        code,name,kind,parent_code
        34,Tỉnh Thái Bình,province,
        TB-STTTT,Sở Thông tin và Truyền thông tỉnh Thái Bình,department,34
        TB-VP,Văn phòng Ủy ban nhân dân tỉnh Thái Bình,department,34
        TB-STC,Sở Tài chính tỉnh Thái Bình,department,34
        TB-SNV,Sở Nội vụ tỉnh Thái Bình,department,34
        """.write(to: units, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["migrate", "--db", db]).status, 0)
        let r = try CLI.run(["import", "units", units.path, "--db", db])
        XCTAssertEqual(r.status, 0, r.err)
    }

    func testTheAppendicesComeBackAsAPlanWhoseEvaluationSaysWhatTheReportSays() async throws {
        let report = try seed()
        for db in try await CLI.databases() {
            try emptyDatabase(db)
            let dry = try CLI.run(["ingest", report, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--table", "1", "--table", "4", "--dry-run", "--db", db])
            XCTAssertEqual(dry.status, 0, dry.err)
            XCTAssertTrue(dry.out.contains("16 chỉ tiêu, 0 nhiệm vụ, 3 nhóm"), dry.out)
            XCTAssertTrue(dry.out.contains("16 số liệu chỉ tiêu, 0 báo cáo nhiệm vụ; 6 văn bản"), dry.out)
            XCTAssertTrue(dry.out.contains("--columns 1=1:stt,2:muc-tieu,3:ket-qua,4:danh-gia"), dry.out)
            XCTAssertTrue(dry.out.contains("Chạy thử: chưa ghi gì."))
            XCTAssertNotEqual(try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--db", db]).status, 0, "a dry run writes nothing")

            let real = try CLI.run(["ingest", report, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--table", "1", "--table", "4", "--db", db])
            XCTAssertEqual(real.status, 0, real.err)
            XCTAssertTrue(real.out.contains("indicators +16"), real.out)
            let evaluation = try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--db", db])
            XCTAssertEqual(evaluation.status, 0, evaluation.err)
            // The report's own sentence (seed 000, section I.1), now computed from its appendix.
            XCTAssertTrue(evaluation.out.contains("đặt ra 16 mục tiêu"), evaluation.out)
            XCTAssertTrue(evaluation.out.contains("- Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."), evaluation.out)
            XCTAssertTrue(evaluation.out.contains("60/90"), "row 7's fraction is kept as a rate")

            let tasks = try CLI.run(["ingest", report, "--plan", "KH-121", "--period", "2023", "--table", "3", "--db", db])
            XCTAssertEqual(tasks.status, 0, tasks.err)
            XCTAssertTrue(tasks.out.contains("75 nhiệm vụ, 8 nhóm"), tasks.out)
            XCTAssertFalse(tasks.out.contains("“Sở Thông tin và Truyền thông” không khớp"), tasks.out)
            let evaluated = try CLI.run(["evaluate", "--plan", "KH-121", "--period", "2023", "--db", db]).out
            XCTAssertTrue(evaluated.contains("đặt ra 75 nhiệm vụ"), evaluated)
        }
    }

    func testBadRequestsAreRefusedInVietnameseAndWriteNothing() async throws {
        let report = try seed()
        for db in try await CLI.databases() {
            try emptyDatabase(db)
            for (args, message) in [
                (["--plan", "KH", "--table", "9"], "Báo cáo không có bảng 9"),
                (["--plan", "KH", "--table", "1", "--columns", "1=2:khong-co"], "Vai trò “khong-co” không có"),
                (["--plan", "KH", "--table", "1", "--columns", "3=2:ket-qua"], "--columns phải viết dạng"),
                (["--plan", "KH", "--table", "1", "--period", "2024X"], "Kỳ không hợp lệ"),
                (["--plan", "KH", "--table", "1", "--unit", "99"], "Không có đơn vị mã 99"),
            ] {
                let r = try CLI.run(["ingest", report] + args + ["--db", db])
                XCTAssertNotEqual(r.status, 0, args.joined(separator: " "))
                XCTAssertTrue(r.err.contains(message), "\(args): \(r.err)")
            }
            let missing = try CLI.run(["ingest", "/khong/co.docx", "--plan", "KH", "--db", db])
            XCTAssertEqual(missing.status, 2)
            // A .docx that is no Word document, and a table whose headers say nothing.
            let fake = FileManager.default.temporaryDirectory.appendingPathComponent("gia-\(UUID().uuidString).docx")
            try Data("không phải tệp Word".utf8).write(to: fake)
            let notWord = try CLI.run(["ingest", fake.path, "--plan", "KH", "--db", db])
            XCTAssertEqual(notWord.status, 2)
            XCTAssertTrue(notWord.err.contains("Không đọc được báo cáo"), notWord.err)
            let blind = try reportFile("Phụ lục 07: Số liệu khác", [["Cột A", "Cột B"], ["x", "y"], ["z", "w"]])
            let nothing = try CLI.run(["ingest", blind, "--plan", "KH", "--table", "1", "--db", db])
            XCTAssertNotEqual(nothing.status, 0)
            XCTAssertTrue(nothing.err.contains("Bảng 1: tiêu đề cột (“Cột A”, “Cột B”) không cho biết đây là bảng chỉ tiêu, nhiệm vụ, văn bản hay bảng theo đơn vị; chỉ định vai trò từng cột bằng --columns 1=1:stt,2:…"), nothing.err)
            XCTAssertNotEqual(try CLI.run(["evaluate", "--plan", "KH", "--period", "2024", "--db", db]).status, 0, "nothing was written")
        }
    }

    /// A report of its own, as text: `rows` as a table under `caption`.
    func reportFile(_ caption: String, _ rows: [[String]]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID().uuidString).txt")
        let table = rows.map { $0.map { "\t" + $0 }.joined(separator: "\n") + "\n" }.joined(separator: "\n")
        try (caption + "\n\n" + table).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testAPerUnitTableGivesEachMatchedUnitItsValuesAndListsTheOthers() async throws {
        let seedReport = try seed()
        let perUnit = try reportFile("Phụ lục 05: Kết quả thực hiện của các đơn vị", [
            ["STT", "Đơn vị", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (%)", "Chỉ tiêu 5", "Ghi chú"],
            ["1", "Sở TT&TT", "95,5", "120/150", ""],
            ["2", "VP UBND tỉnh", "88", "", "Chưa báo cáo"],
            ["3", "So Tai chinh", "70", "30/40", ""],
            ["4", "Sở Y tế", "60", "10/20", ""],
            ["", "Tổng cộng", "78,4", "160/210", ""],
        ])
        for db in try await CLI.databases() {
            try emptyDatabase(db)
            // Into a plan that does not exist: refused, nothing written.
            let unknown = try CLI.run(["ingest", perUnit, "--plan", "KH-CHUA-CO", "--period", "2024S1", "--db", db])
            XCTAssertNotEqual(unknown.status, 0)
            XCTAssertTrue(unknown.err.contains("Chưa có kế hoạch “KH-CHUA-CO”: số liệu theo đơn vị của Phụ lục 05 chỉ ghi được vào chỉ tiêu của một kế hoạch đã có"), unknown.err)
            XCTAssertNotEqual(try CLI.run(["export", "indicators", "--plan", "KH-CHUA-CO", "--db", db]).status, 0, "no plan was made")

            XCTAssertEqual(try CLI.run(["ingest", seedReport, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--table", "1", "--db", db]).status, 0)
            // "Chỉ tiêu 5" names no indicator by itself: the reading stops and says how to name it.
            let unnamed = try CLI.run(["ingest", perUnit, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--db", db])
            XCTAssertNotEqual(unnamed.status, 0)
            XCTAssertTrue(unnamed.err.contains("cột 4 “Chỉ tiêu 5”: không khớp chỉ tiêu nào của kế hoạch KH-CĐS-2024; chọn mã chỉ tiêu cho cột (dòng lệnh: --columns 1=4:gia-tri=MÃ)"), unnamed.err)

            let dry = try CLI.run(["ingest", perUnit, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--columns", "1=4:gia-tri=5", "--dry-run", "--db", db])
            XCTAssertEqual(dry.status, 0, dry.err)
            XCTAssertTrue(dry.out.contains("Bảng 1 (Phụ lục 05: Kết quả thực hiện của các đơn vị): Bảng theo đơn vị"), dry.out)
            XCTAssertTrue(dry.out.contains("cột 2 “Đơn vị” → Đơn vị (mỗi dòng một đơn vị)"), dry.out)
            XCTAssertTrue(dry.out.contains("cột 3 “Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (%)” → Giá trị chỉ tiêu 4 — Tỷ lệ số hóa hồ sơ"), dry.out)
            XCTAssertTrue(dry.out.contains("--columns 1=1:stt,2:don-vi,3:gia-tri=4,4:gia-tri=5,5:ghi-chu"), dry.out)
            XCTAssertTrue(dry.out.contains("Kết quả: 5 số liệu chỉ tiêu"), dry.out)
            XCTAssertTrue(dry.out.contains("Phụ lục 05, dòng 5: “Sở Y tế” không khớp đơn vị nào"), dry.out)

            let real = try CLI.run(["ingest", perUnit, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--columns", "1=4:gia-tri=5", "--db", db])
            XCTAssertEqual(real.status, 0, real.err)
            let export = try CLI.run(["export", "values", "--plan", "KH-CĐS-2024", "--format", "json", "--db", db])
            XCTAssertEqual(export.status, 0, export.err)
            let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [[String: Any]], export.out)
            let rows = list.filter { ($0["unitCode"] as? String ?? "").hasPrefix("TB-") }.map { v in
                "\(v["indicatorCode"]!) \(v["unitCode"]!) \(v["periodID"]!) " + ["numerator", "denominator", "value"].map { "\(v[$0] ?? "-")" }.joined(separator: " ")
            }.sorted()
            XCTAssertEqual(rows, [
                "4 TB-STC 2024S1 - - 70", "4 TB-STTTT 2024S1 - - 95.5", "4 TB-VP 2024S1 - - 88",
                "5 TB-STC 2024S1 30 40 -", "5 TB-STTTT 2024S1 120 150 -",
            ], export.out)
        }
    }

    /// Issue 17: seed 000's four appendices, as a Word document LibreOffice makes of the seed,
    /// ingested into a database that holds only units; the report written from that database
    /// gives back the seed's figures — its indicators with their results and fractions, its
    /// task tables row for row with their "Hoàn thành", its documents, and the seed's own
    /// sentence "09/16 chỉ tiêu đạt 56,25%".
    func testIngestingTheSeedsAppendicesAndWritingTheReportGivesBackItsFigures() async throws {
        let text = try seed()
        let seedDoc = LintDocument(text: try String(contentsOfFile: text, encoding: .utf8))
        let dir = URL(fileURLWithPath: TestDatabases.sqlitePath()).deletingLastPathComponent()
        let html = dir.appendingPathComponent("bao-cao-000.html")
        try LintCommandTests.html(seedDoc).write(to: html, atomically: true, encoding: .utf8)
        let docx = try LintCommandTests.wordDocument(of: html, filter: "HTML (StarWriter)")
        XCTAssertEqual(try DOCXText.document(url: docx).tables.map { $0.rows.count }, seedDoc.tables.map { $0.rows.count },
                       "the Word document holds the seed's tables")

        // What the seed's appendices hold, counted by `dxtrack lint` on the seed itself.
        let lint = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(CLI.run(["lint", text, "--format", "json"]).out.utf8)) as? [[String: Any]])
        func listed(_ appendix: String) throws -> Int {
            let computed = try XCTUnwrap(lint.compactMap { $0["computed"] as? String }.first { $0.hasPrefix("\(appendix): ") && $0.hasSuffix(" nhiệm vụ") })
            return try XCTUnwrap(Int(computed.split(separator: " ")[3]))
        }
        let (bcdTasks, planTasks) = (try listed("Phụ lục 02"), try listed("Phụ lục 03"))
        XCTAssertEqual([bcdTasks, planTasks], [30, 75])

        func clean(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        func column(_ t: LintTable, _ header: String) throws -> Int {
            try XCTUnwrap(t.rows[0].firstIndex { clean($0.text).lowercased() == header.lowercased() }, "\(header) in \(t.rows[0].map(\.text))")
        }
        func items(_ t: LintTable) -> [[String]] {
            t.rows.dropFirst().map { $0.map { clean($0.text) } }.filter { $0.first?.range(of: #"^\d+(\.\d+)*$"#, options: .regularExpression) != nil }
        }

        for db in try await CLI.databases() {
            try emptyDatabase(db)
            for args in [["--plan", "KH-CĐS-2024", "--period", "2024S1", "--table", "1", "--table", "4"],
                         ["--plan", "KH-BCD", "--period", "2024S1", "--table", "2"],
                         ["--plan", "KH-121", "--period", "2023", "--table", "3"]] {
                let r = try CLI.run(["ingest", docx.path] + args + ["--db", db])
                XCTAssertEqual(r.status, 0, r.err)
            }
            let out = dir.appendingPathComponent("bao-cao-lai.docx")
            let written = try CLI.run(["report", "--plan", "KH-CĐS-2024", "--tasks-plan", "KH-BCD", "--tasks-plan", "KH-121", "--period", "2024S1",
                                       "--format", "docx", "--out", out.path, "--db", db])
            XCTAssertEqual(written.status, 0, written.err)
            let back = try DOCXText.document(url: out)
            let tables = back.tables.filter { $0.rows.count > 1 && clean($0.rows[0].first?.text ?? "") == "STT" }
            XCTAssertEqual(tables.count, 4, "four appendices")
            guard tables.count == 4 else { continue }

            // Indicators: the seed's targets are the indicators, its results their values.
            let seedIndicators = items(seedDoc.tables[0])
            let indicators = Dictionary(items(tables[0]).map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(indicators.count, seedIndicators.count)
            let (name, result, parts) = (try column(tables[0], "Chỉ tiêu"), try column(tables[0], "Kết quả"), try column(tables[0], "Số liệu tuyệt đối"))
            var compared = 0
            for row in seedIndicators {
                let mine = try XCTUnwrap(indicators[row[0]], "indicator \(row[0])")
                XCTAssertEqual(mine[name], row[1])
                let fraction = row[2].range(of: #"\d{1,3}(\.\d{3})*/\d{1,3}(\.\d{3})*"#, options: .regularExpression).map { String(row[2][$0]) }
                let percents = row[2].matches(of: /\d+(,\d+)?%/).map { String($0.output.0) }
                if !mine[parts].isEmpty {
                    XCTAssertEqual(mine[parts], fraction, "row \(row[0]): the fraction is kept")
                } else if mine[result] != row[2] {
                    // A figure, not words: the seed's one percentage.
                    XCTAssertEqual([mine[result]], percents, "row \(row[0])")
                }
                compared += 1
            }
            XCTAssertEqual(compared, seedIndicators.count)
            let stated = try XCTUnwrap(seedDoc.paragraphs.first { $0.hasPrefix("- Số mục tiêu hoàn thành:") })
            XCTAssertTrue(back.paragraphs.contains(stated), "the seed's own “\(stated)”")
            XCTAssertTrue(back.paragraphs.contains { $0.hasSuffix("đặt ra \(seedIndicators.count) mục tiêu") })

            // Tasks: as many rows as the seed's appendices list, each a task of the seed, with
            // as many "Hoàn thành" as the seed marks.
            for (mine, seedTable, count) in [(tables[1], seedDoc.tables[1], bcdTasks), (tables[2], seedDoc.tables[2], planTasks)] {
                let rows = items(mine)
                XCTAssertEqual(rows.count, count)
                let titles = Set(seedTable.rows.dropFirst().compactMap { $0.count > 1 ? clean($0[1].text) : nil })
                let task = try column(mine, "Nhiệm vụ")
                XCTAssertEqual(rows.filter { !titles.contains($0[task]) }.map { $0[task] }, [])
                // As many done as the seed marks "Hoàn thành", in the report's own sentence.
                let seedResult = try column(seedTable, "Kết quả")
                let seedDone = seedTable.rows.dropFirst().filter { $0.count > seedResult && clean($0[seedResult].text) == "Hoàn thành" }.count
                let said = [String(format: "%02d/%02d nhiệm vụ", seedDone, count), "Trong đó \(seedDone) nhiệm vụ hoàn thành"]
                XCTAssertTrue(back.paragraphs.contains { p in said.contains { p.contains($0) } }, "\(said)")
            }
            XCTAssertTrue(back.paragraphs.contains { $0.contains("với \(planTasks) nhiệm vụ") })

            // Documents: the same numbers.
            let seedNumber = try column(seedDoc.tables[3], "Số Ký Hiệu"), number = try column(tables[3], "Số ký hiệu")
            XCTAssertEqual(Set(items(tables[3]).map { $0[number] }), Set(items(seedDoc.tables[3]).map { $0[seedNumber] }))
        }
    }

    func testSeveralTaskTablesGoIntoOnePlanWithTheirUnitsMatched() async throws {
        let report = try seed()
        for db in try await CLI.databases() {
            try emptyDatabase(db)
            let r = try CLI.run(["ingest", report, "--plan", "KH-NV", "--period", "2024S1", "--table", "2", "--table", "3", "--db", db])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertTrue(r.out.contains(": 0 chỉ tiêu, 105 nhiệm vụ,"), r.out)
            XCTAssertTrue(r.out.contains("Phụ lục 02, dòng") && r.out.contains("Phụ lục 03, dòng"), r.out)
            let tasks = try CLI.run(["export", "tasks", "--plan", "KH-NV", "--db", db]).out
            XCTAssertTrue(tasks.contains("\nKH-NV,PL02-1.2,"), tasks)
            XCTAssertTrue(tasks.contains("\nKH-NV,PL03-1.1,"), tasks)
            // "Sở Thông tin và Truyền thông" leads tasks of both tables, matched to its unit.
            XCTAssertTrue(tasks.contains(",TB-STTTT,Sở Thông tin và Truyền thông,"), tasks)
            XCTAssertFalse(r.out.contains("“Sở Thông tin và Truyền thông” không khớp"), r.out)
        }
    }
}
