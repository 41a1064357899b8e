import DXCore
import DXDocuments
import DXImport
import DXStore
@testable import DXWeb
import Foundation
import NIOCore
import Vapor
import XCTest
import XCTVapor
import ZIPFoundation

/// The Excel round trip of a unit's report: the template downloaded, filled (by our writer or
/// by openpyxl as Excel would), uploaded, previewed and applied; files with errors or hostile
/// content refused with a message and nothing written.
final class ExcelRoundTripTests: XCTestCase {
    static let templatePath = "/rounds/\(demoRound)/units/339/report.xlsx"
    static let uploadPath = "/rounds/\(demoRound)/units/339/upload"

    // MARK: - Helpers

    func report(_ app: Application, _ unit: String = "339") async throws -> UnitReport {
        let store = Store(app.db)
        let found = try await store.round(demoRound)
        let round = try XCTUnwrap(found)
        let report = try await store.unitReport(round, unitCode: unit)
        return try XCTUnwrap(report)
    }

    /// The demo gives districts no task: Hưng Hà cooperates on task 1.2 of the Steering
    /// Committee's plan for the tests that need a task row.
    func giveHungHaATask(_ app: Application) async throws {
        let store = Store(app.db)
        let contents = try await store.planContents(slugOrCode: "83/KH-BCĐ")
        var task = try XCTUnwrap(contents?.tasks.first { $0.code == "1.2" })
        task.cooperatingUnitCodes.append("339")
        try await store.saveTask(planKey: "83/KH-BCĐ", task, by: Actor(username: "admin"))
    }

    func download(_ app: Application, _ b: Browser, _ path: String = templatePath) async throws -> Data {
        var data = Data()
        try await app.test(.GET, path, headers: b.headers) { res async in
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(res.headers.contentType?.subType, "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            data = Data(res.body.readableBytesView)
        }
        return data
    }

    func multipart(_ fields: [(String, String)], file: Data?, fileName: String = "bao-cao.xlsx") -> (HTTPHeaders, ByteBuffer) {
        multipartBody(fields, file: file, fileName: fileName)
    }

    /// Uploads a file and returns the status and page.
    func upload(_ app: Application, _ b: Browser, _ file: Data?, path: String = uploadPath, csrf: Bool = true) async throws -> (HTTPStatus, String) {
        let (headers, body) = multipart(csrf ? [("_csrf", b.csrf)] : [], file: file)
        var h = headers
        h.add(name: "Cookie", value: "dxtrack_session=\(b.cookie)")
        var out: (HTTPStatus, String) = (.ok, "")
        try await app.test(.POST, path, headers: h, body: body) { res async in out = (res.status, res.body.string) }
        return out
    }

    func uploadID(_ page: String) -> String? {
        guard let r = page.range(of: #"name="upload" value="([0-9a-f]{32})""#, options: .regularExpression) else { return nil }
        return String(page[r].dropFirst(21).prefix(32))
    }

    /// A filled template: the report with `change` applied, written by the template writer.
    func filled(_ report: UnitReport, _ change: (inout UnitReport) -> Void = { _ in }, edit: (inout Workbook) -> Void = { _ in }) throws -> Data {
        var r = report
        change(&r)
        var book = RoundWorkbook.workbook([r], allUnits: false)
        edit(&book)
        return try XLSXWriter().write(book)
    }

    func setCell(_ book: inout Workbook, sheet: String, row: Int, column: Int, _ value: CellValue) {
        guard let s = book.sheets.firstIndex(where: { $0.name == sheet }) else { return XCTFail("no sheet \(sheet)") }
        book.sheets[s].rows[row].cells[column].value = value
    }

    // MARK: - Template

    func testTemplateReadBackByOpenpyxlThenFilledByItAndApplied() async throws {
        let python = try openpyxl()
        try await withDemoApp { app, _ in
            try await giveHungHaATask(app)
            let b = try await browser(app, "hungha")
            let data = try await download(app, b)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("excel-roundtrip-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let template = dir.appendingPathComponent("mau.xlsx"), filledURL = dir.appendingPathComponent("da-dien.xlsx")
            try data.write(to: template)
            let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames, "protected": {}, "validations": {}, "unlocked": {}}
            for ws in wb.worksheets:
                out["protected"][ws.title] = bool(ws.protection.sheet)
                out["validations"][ws.title] = [[str(v.sqref), v.formula1] for v in ws.data_validations.dataValidation]
                out["unlocked"][ws.title] = [c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked]
            ws = wb["Chỉ tiêu"]
            ws["M2"] = "Ghi chú nhập bằng openpyxl"
            wb["Nhiệm vụ"]["F2"] = "Hoàn thành"
            wb["Nhiệm vụ"]["H2"] = "Đã hoàn thành (openpyxl)"
            # "100%" typed in Excel: the cell holds 1 formatted as a percentage.
            wb["Nhiệm vụ"]["G2"] = 1
            wb["Nhiệm vụ"]["G2"].number_format = "0%"
            wb.save(sys.argv[2])
            print(json.dumps(out, ensure_ascii=False))
            """
            let result = try run(python, ["-c", script, template.path, filledURL.path])
            XCTAssertEqual(result.status, 0, result.output)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], result.output)
            XCTAssertEqual(json["sheets"] as? [String], ["Hướng dẫn", "Chỉ tiêu", "Nhiệm vụ", "BM01", "BM02", "Thuyết minh"])
            let protected = try XCTUnwrap(json["protected"] as? [String: Bool])
            XCTAssertTrue(protected.values.allSatisfy { $0 }, "\(protected)")
            let validations = try XCTUnwrap(json["validations"] as? [String: [[String]]])
            let status = try XCTUnwrap(validations["Nhiệm vụ"]?.first)
            XCTAssertTrue(status[0].hasPrefix("F2"), "\(status)")
            XCTAssertEqual(status[1], "\"Hoàn thành,Đã triển khai,Đang triển khai,Chưa triển khai,Chưa hoàn thành,Chưa thực hiện,Khác\"")
            let unlocked = try XCTUnwrap(json["unlocked"] as? [String: [String]])
            // Identifiers and names locked; comments and results open.
            XCTAssertFalse(unlocked["Chỉ tiêu"]!.contains("A2") || unlocked["Chỉ tiêu"]!.contains("B2") || unlocked["Chỉ tiêu"]!.contains("C2"))
            XCTAssertTrue(unlocked["Chỉ tiêu"]!.contains("M2") && unlocked["Chỉ tiêu"]!.contains("L2"))
            XCTAssertEqual(unlocked["Hướng dẫn"], [])
            XCTAssertTrue(unlocked["Thuyết minh"]!.contains("B2") && !unlocked["Thuyết minh"]!.contains("A2"))
            XCTAssertTrue(unlocked["BM02"]!.contains { $0.hasPrefix("D") } && !unlocked["BM02"]!.contains { $0.hasPrefix("A") })

            // The file openpyxl saved (shared strings, its own styles) uploads and applies.
            let before = try await report(app)
            let (code, page) = try await upload(app, b, try Data(contentsOf: filledURL))
            XCTAssertEqual(code, .ok, page)
            XCTAssertTrue(page.contains("Ghi chú nhập bằng openpyxl"), page)
            let id = try XCTUnwrap(uploadID(page), page)
            try await app.test(.POST, "\(Self.uploadPath)/apply", headers: b.headers, body: formBody([("_csrf", b.csrf), ("upload", id)])) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let after = try await report(app)
            XCTAssertEqual(after.indicators[0].entry?.comment, "Ghi chú nhập bằng openpyxl")
            XCTAssertEqual(after.tasks[0].entry?.status, .done)
            XCTAssertEqual(after.tasks[0].entry?.percent, 100, "a percent-formatted cell is read as the percentage it shows")
            XCTAssertEqual(after.status.version, before.status.version + 1)
        }
    }

    func testTheTemplateAsDownloadedChangesNothing() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            let (status, page) = try await upload(app, b, try await download(app, b))
            XCTAssertEqual(status, .ok)
            XCTAssertTrue(page.contains("id=\"no-changes\""), page)
            XCTAssertFalse(page.contains("id=\"apply\""))
        }
    }

    func testFilledTemplatePreviewsItsChangesAndAppliesThemOnce() async throws {
        try await withDemoApp { app, _ in
            try await giveHungHaATask(app)
            let b = try await browser(app, "hungha")
            let before = try await report(app)
            XCTAssertEqual(before.tasks.count, 1)
            let data = try filled(before) { r in
                r.indicators[0].entry = IndicatorEntry(numerator: r.indicators[0].entry?.numerator, denominator: r.indicators[0].entry?.denominator,
                                                       value: r.indicators[0].entry?.value, judgement: r.indicators[0].entry?.judgement,
                                                       text: r.indicators[0].entry?.text, comment: "Đã rà soát theo tệp Excel")
                r.tasks[0].entry = TaskEntry(status: .inProgress, percent: 45, result: "Đang triển khai theo tệp")
                let f = r.forms.firstIndex { $0.code == "BM01" }!
                r.forms[f].entries["339"] = FormRowInput(key: "339", values: ["1": .number(1_445_521), "2": .number(300)])
                r.status.narrative["Kết quả"] = "Hoàn thành 09/16 chỉ tiêu, đạt 56,25%."
            }
            let (status, page) = try await upload(app, b, data)
            XCTAssertEqual(status, .ok, page)
            for expected in ["Đã rà soát theo tệp Excel", "Đang triển khai theo tệp", "1.445.521", "Hoàn thành 09/16 chỉ tiêu, đạt 56,25%.",
                             "<td>Chỉ tiêu</td><td>M2</td>", "<td>BM01</td>", "id=\"apply\""] {
                XCTAssertTrue(page.contains(expected), "preview lacks \(expected)")
            }
            // Unchanged items are not listed: a second indicator is in the file as stored.
            XCTAssertFalse(page.contains("<td>Chỉ tiêu</td><td>M3</td>"), page)
            // Nothing is written by the preview.
            let unchanged = try await report(app).status.version
            XCTAssertEqual(unchanged, before.status.version)

            let id = try XCTUnwrap(uploadID(page))
            try await app.test(.POST, "\(Self.uploadPath)/apply", headers: b.headers, body: formBody([("_csrf", b.csrf), ("upload", id)])) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                XCTAssertEqual(res.headers.first(name: .location), "/rounds/\(demoRound)/units/339?msg=saved")
            }
            let after = try await report(app)
            XCTAssertEqual(after.status.version, before.status.version + 1)
            XCTAssertEqual(after.indicators[0].entry?.comment, "Đã rà soát theo tệp Excel")
            XCTAssertEqual(after.tasks[0].entry?.status, .inProgress)
            XCTAssertEqual(after.tasks[0].entry?.percent, 45)
            XCTAssertEqual(after.forms.first { $0.code == "BM01" }?.entries["339"]?.values["1"], .number(1_445_521))
            XCTAssertEqual(after.status.narrative["Kết quả"], "Hoàn thành 09/16 chỉ tiêu, đạt 56,25%.")
            let audit = try await Store(app.db).changesSince(after.round, unitCode: "339", version: before.status.version)
            XCTAssertTrue(audit.allSatisfy { $0.username == "hungha" && $0.version == after.status.version })
            XCTAssertTrue(audit.contains { $0.subject == "indicator" && $0.field == "comment" })
            XCTAssertTrue(audit.contains { $0.subject == "form" })
            XCTAssertTrue(audit.contains { $0.subject == "narrative" })

            // The upload is gone once applied; another session cannot use an id either.
            try await app.test(.POST, "\(Self.uploadPath)/apply", headers: b.headers, body: formBody([("_csrf", b.csrf), ("upload", id)])) { res async in
                XCTAssertEqual(res.status, .gone)
            }
        }
    }

    func testAReportChangedAfterThePreviewGivesAConflictAndAppliesNothing() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            let before = try await report(app)
            let (_, page) = try await upload(app, b, try filled(before) { $0.status.narrative["Đề xuất"] = "Đề xuất từ tệp" })
            let id = try XCTUnwrap(uploadID(page), page)
            _ = try await Store(app.db).saveReport(before.round, unitCode: "339", patch: ReportPatch(narrative: ["Kết quả": "Sửa trên web"]),
                                                   baseVersion: before.status.version, by: Actor(username: "hungha"))
            try await app.test(.POST, "\(Self.uploadPath)/apply", headers: b.headers, body: formBody([("_csrf", b.csrf), ("upload", id)])) { res async in
                XCTAssertEqual(res.status, .conflict)
                XCTAssertTrue(res.body.string.contains("id=\"conflict\""))
            }
            let narrative = try await report(app).status.narrative
            XCTAssertNil(narrative["Đề xuất"])
        }
    }

    // MARK: - Errors in the file

    func testErrorsNameSheetAndCellAndNothingCanBeApplied() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            let before = try await report(app)
            let numeric = try XCTUnwrap(before.indicators.firstIndex { $0.indicator.measure.isNumeric })
            let valueColumn = RoundWorkbook.IndicatorColumn.value.rawValue
            let bm02 = try XCTUnwrap(before.forms.first { $0.code == "BM02" })
            let layout = bm02.form.form.headerLayout()
            let totalColumn = 1 + layout.gridColumn["1"]!
            // Total 100 = 10 + 20 + 70 and = 30 + 40 + 10 + 15 + 5; the file's total says 105.
            let row: [String: FormCellValue] = ["1": .number(100), "2": .number(10), "3": .number(20), "4": .number(70), "5": .number(30),
                                                "6": .number(40), "7": .number(10), "8": .number(15), "9": .number(5)]
            let data = try filled(before, { r in
                r.forms[r.forms.firstIndex { $0.code == "BM02" }!].entries["339"] = FormRowInput(key: "339", values: row)
            }, edit: { book in
                setCell(&book, sheet: "Chỉ tiêu", row: numeric + 1, column: valueColumn, .text("mười hai"))
                setCell(&book, sheet: "Chỉ tiêu", row: 1 + (numeric == 0 ? 1 : 0), column: RoundWorkbook.IndicatorColumn.code.rawValue, .text("99.9"))
                setCell(&book, sheet: "BM02", row: layout.rowCount, column: totalColumn, .number(105))
            })
            let (status, page) = try await upload(app, b, data)
            XCTAssertEqual(status, .unprocessableEntity, page)
            let valueCell = CellRange.cellReference(row: numeric + 1, column: valueColumn)
            XCTAssertTrue(page.contains("<td>Chỉ tiêu</td><td>\(valueCell)</td><td>&quot;mười hai&quot;") || page.contains("<td>Chỉ tiêu</td><td>\(valueCell)</td>"), page)
            XCTAssertTrue(page.contains("<td>Chỉ tiêu</td><td>B\(2 + (numeric == 0 ? 1 : 0))</td><td>Mã không khớp với báo cáo: kế hoạch"), page)
            let labelCell = CellRange.cellReference(row: layout.rowCount, column: 1 + layout.columnCount - bm02.form.form.columns.count - 1)
            XCTAssertTrue(page.contains("<td>BM02</td><td>\(labelCell)</td><td>Không khớp: Tổng số = Trực tiếp"), page)
            XCTAssertTrue(page.contains("lỗi: chưa áp dụng được"))
            XCTAssertFalse(page.contains("id=\"apply\""))
            XCTAssertNil(uploadID(page))
            let version = try await report(app).status.version
            XCTAssertEqual(version, before.status.version)
        }
    }

    func testAnotherUnitsFileIsRefusedOnItsGuideCell() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            let other = try await report(app, "TB-STP")
            let (status, page) = try await upload(app, b, try filled(other))
            XCTAssertEqual(status, .unprocessableEntity)
            XCTAssertTrue(page.contains("<td>Hướng dẫn</td><td>B3</td><td>Tệp là mẫu của đơn vị &quot;TB-STP&quot;, không phải của &quot;339&quot;."), page)
        }
    }

    // MARK: - Hostile files through the upload

    func testHostileFilesAreRefusedWithAMessageAndNothingIsWritten() async throws {
        let guide = HostileXLSX.sheet(#"<row r="2"><c r="B2" t="inlineStr"><is><t>bc-nam-2024</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>339</t></is></c></row>"#)
        // 50 MB of spaces in one cell: compresses about a thousand times.
        let bomb = HostileXLSX.build([("Hướng dẫn", .init(size: 50 * 1_048_576, head: HostileXLSX.sheetHead + #"<row r="1"><c r="A1" t="inlineStr"><is><t>"#, fill: 0x20))])
        let lol = HostileXLSX.build([("Hướng dẫn", .init(#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"#))])
        let million = HostileXLSX.build([("Hướng dẫn", .init(guide)),
                                         ("Chỉ tiêu", .init(HostileXLSX.sheet(#"<row r="1000000"><c r="A1000000"><v>1</v></c></row>"#, dimension: "A1:M1000000")))])
        // 100,001 real rows of numbers that do not compress much: the reader stops at its row limit.
        var rows = ""
        rows.reserveCapacity(100_001 * 32)
        for i in 0...100_000 { rows += "<row><c><v>\(String(format: "%07d", (i &* 2_654_435_761) % 9_999_991))</v></c></row>" }
        let many = HostileXLSX.build([("Hướng dẫn", .init(guide)), ("Chỉ tiêu", .init(HostileXLSX.sheet(rows)))])
        let onlyGuide = HostileXLSX.build([("Hướng dẫn", .init(guide))])
        let cases: [(String, Data, HTTPStatus, String)] = [
            ("zip bomb", bomb, .unprocessableEntity, "zip bomb"),
            ("entity expansion", lol, .unprocessableEntity, "DOCTYPE/ENTITY"),
            ("not a zip", Data("Đây không phải tệp Excel".utf8), .unprocessableEntity, "không phải là tệp Excel .xlsx"),
            ("million rows", million, .unprocessableEntity, "Có hơn 100.000 dòng"),
            ("100,001 rows", many, .unprocessableEntity, "Có hơn 100.000 dòng"),
            ("missing sheets", onlyGuide, .unprocessableEntity, "Không tìm thấy trang tính &#39;Chỉ tiêu&#39;"),
            ("too large", Data(repeating: 0x50, count: 6 * 1_048_576), .payloadTooLarge, "Tệp tải lên quá lớn (tối đa 5 MB)."),
        ]
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            let version = try await report(app).status.version
            for (name, data, expected, message) in cases {
                let (status, page) = try await upload(app, b, data)
                XCTAssertEqual(status, expected, name)
                XCTAssertTrue(page.contains(message) || page.contains(message.replacingOccurrences(of: "&#39;", with: "'")), "\(name): \(page.prefix(3000))")
                XCTAssertFalse(page.contains("id=\"apply\""), name)
            }
            let after = try await report(app).status.version
            XCTAssertEqual(after, version)
        }
    }

    // MARK: - Who may

    func testOnlyThoseWhoMayReadOrEditGetTheTemplateOrUpload() async throws {
        try await withDemoApp { app, _ in
            let hungha = try await browser(app, "hungha")
            let data = try filled(try await report(app))
            let sotuphap = try await browser(app, "sotuphap")
            try await app.test(.GET, Self.templatePath, headers: sotuphap.headers) { res async in XCTAssertEqual(res.status, .forbidden) }
            let refusedReporter = try await upload(app, sotuphap, data).0
            XCTAssertEqual(refusedReporter, .forbidden)
            let refusedViewer = try await upload(app, try await browser(app, "lanhdao"), data).0
            XCTAssertEqual(refusedViewer, .forbidden)
            // The viewer may read, so download.
            _ = try await download(app, try await browser(app, "lanhdao"))
            // An upload without the form's CSRF token is refused before anything is read.
            let (status, page) = try await upload(app, hungha, data, csrf: false)
            XCTAssertEqual(status, .forbidden)
            XCTAssertTrue(page.contains("CSRF"))
            // The report page offers both, with the token in the multipart form.
            try await app.test(.GET, "/rounds/\(demoRound)/units/339", headers: hungha.headers) { res async in
                let body = res.body.string
                XCTAssertTrue(body.contains("href=\"\(Self.templatePath)\""))
                XCTAssertTrue(body.contains("enctype=\"multipart/form-data\" action=\"\(Self.uploadPath)\""))
            }
            try await app.test(.GET, "/rounds/\(demoRound)/report.xlsx?units=all", headers: hungha.headers) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
        }
    }

    func testTheCoordinatorsWorkbookHasEveryUnitAndAppliesToSeveralInOneGo() async throws {
        try await withDemoApp { app, _ in
            let data = try await download(app, try await browser(app, "dieuphoi"), "/rounds/\(demoRound)/report.xlsx?units=all")
            let book = try XLSXWorkbook(data: data)
            let opened = try RoundWorkbookReader.open(data)
            XCTAssertTrue(opened.isAllUnits)
            let indicators = try book.sheet(named: "Chỉ tiêu")
            XCTAssertEqual(indicators.text("A1"), "Mã đơn vị")
            let units = Set(indicators.rows.dropFirst().compactMap { indicators.text(row: $0.row, column: 1) })
            let round = try await Store(app.db).round(demoRound)
            let completeness = try await Store(app.db).completeness(try XCTUnwrap(round))
            XCTAssertEqual(units, Set(completeness.map(\.unitCode)))
            // STT runs 1..n down a form's sheet, not "1" on every unit's row.
            let bm01 = try book.sheet(named: "BM01")
            let stt = bm01.rows.compactMap { bm01.text(row: $0.row, column: 3) }.filter { Int($0) != nil }
            XCTAssertGreaterThan(stt.count, 1)
            XCTAssertEqual(stt, (1...max(1, stt.count)).map(String.init))
            // Read back unchanged, it changes nothing in any unit.
            var reports: [UnitReport] = []
            for e in completeness { reports.append(try await report(app, e.unitCode)) }
            let result = try RoundWorkbookReader.read(opened, reports: reports, allUnits: true)
            XCTAssertEqual(result.errors, [])
            XCTAssertEqual(result.changes, [])

            // Filled for two units and uploaded on the round page: one transaction for both.
            let dieuphoi = try await browser(app, "dieuphoi")
            func edited(_ change: (inout UnitReport) -> Void, for unit: String) -> [UnitReport] {
                reports.map { r in
                    var r = r
                    if r.status.unit.code == unit { change(&r) }
                    return r
                }
            }
            var filledReports = edited({ $0.status.narrative["Đề xuất"] = "Đề xuất của Hưng Hà" }, for: "339")
            filledReports = filledReports.map { r in
                var r = r
                if r.status.unit.code == "TB-STP" { r.status.narrative["Đề xuất"] = "Đề xuất của Sở Tư pháp" }
                return r
            }
            let roundUpload = "/rounds/\(demoRound)/upload"
            let (status, page) = try await upload(app, dieuphoi, try XLSXWriter().write(RoundWorkbook.workbook(filledReports, allUnits: true)), path: roundUpload)
            XCTAssertEqual(status, .ok, page)
            XCTAssertTrue(page.contains("<td>339</td><td>Thuyết minh</td>") && page.contains("<td>TB-STP</td><td>Thuyết minh</td>"), page)
            let id = try XCTUnwrap(uploadID(page), page)
            try await app.test(.POST, roundUpload + "/apply", headers: dieuphoi.headers, body: formBody([("_csrf", dieuphoi.csrf), ("upload", id)])) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let hh = try await report(app, "339"), stp = try await report(app, "TB-STP")
            XCTAssertEqual(hh.status.narrative["Đề xuất"], "Đề xuất của Hưng Hà")
            XCTAssertEqual(stp.status.narrative["Đề xuất"], "Đề xuất của Sở Tư pháp")
            XCTAssertEqual(hh.status.version, reports.first { $0.status.unit.code == "339" }!.status.version + 1)

            // An approved report cannot be changed by the file: an error names the unit, nothing is applied.
            let approved = edited({ $0.status.narrative["Đề xuất"] = "Sửa báo cáo đã duyệt" }, for: "TB-STTTT")
            let (refused, refusal) = try await upload(app, dieuphoi, try XLSXWriter().write(RoundWorkbook.workbook(approved, allUnits: true)), path: roundUpload)
            XCTAssertEqual(refused, .unprocessableEntity)
            XCTAssertTrue(refusal.contains("Đơn vị TB-STTTT: Báo cáo đã được phê duyệt"), refusal)
            XCTAssertFalse(refusal.contains("id=\"apply\""))
            // A reporter cannot use the round's upload.
            let reporter = try await upload(app, try await browser(app, "hungha"), Data("x".utf8), path: roundUpload).0
            XCTAssertEqual(reporter, .forbidden)
        }
    }

    // MARK: - Tools

    func openpyxl() throws -> URL { try PythonReaders.python(with: "openpyxl") }

    func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try PythonReaders.run(executable, arguments)
    }
}

/// Minimal workbooks with chosen sheet parts, zipped with ZIPFoundation; parts may be produced
/// in chunks (a zip bomb never sits in memory).
enum HostileXLSX {
    struct Part {
        var size: Int
        var chunk: (Int, Int) -> Data

        init(_ text: String) {
            let data = Data(text.utf8)
            size = data.count
            chunk = { o, c in data.subdata(in: o..<min(o + c, data.count)) }
        }

        init(size: Int, head: String, fill: UInt8) {
            let h = Data(head.utf8)
            self.size = size
            chunk = { o, c in
                if o < h.count { return h.subdata(in: o..<min(h.count, o + c)) }
                return Data(repeating: fill, count: min(c, size - o))
            }
        }
    }

    static let sheetHead = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#

    static func sheet(_ rows: String, dimension: String? = nil) -> String {
        sheetHead + (dimension.map { "<dimension ref=\"\($0)\"/>" } ?? "") + "<sheetData>\(rows)</sheetData></worksheet>"
    }

    static func build(_ sheets: [(String, Part)]) -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let names = sheets.enumerated().map { i, s in "<sheet name=\"\(s.0)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }.joined()
        let rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        var parts: [(String, Part)] = [
            ("[Content_Types].xml", Part(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#)),
            ("_rels/.rels", Part(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
            ("xl/workbook.xml", Part(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"# + names + "</sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", Part(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + rels + "</Relationships>")),
        ]
        for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", s.1)) }
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for (path, p) in parts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(p.size), compressionMethod: .deflate,
                                     bufferSize: 1 << 16) { position, size in p.chunk(Int(position), size) }
            }
            return try Data(contentsOf: url)
        } catch {
            XCTFail("cannot build a test workbook: \(error)")
            return Data()
        }
    }
}
