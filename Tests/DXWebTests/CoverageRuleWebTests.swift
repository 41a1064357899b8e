import DXCore
import DXDocuments
import DXImport
import DXStore
@testable import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// Issue 13, "one coverage rule", through the web: 0/0 accepted where the indicator allows it
/// and refused with one message (naming the field, the cell or the JSON path) where it does not,
/// in the web form, the API and the Excel upload; every workbook of every round and unit read
/// back unchanged; the dashboard telling the province's own figure from its units' reports.
final class CoverageRuleWebTests: XCTestCase {
    let plan = "KH-CĐS-2024"
    /// Indicator 2 (case files processed online) is a rate of events and allows 0/0; indicator 1
    /// (online services offered, a state) does not.
    let allowing = "2", refusing = "1"
    let quietRound = "bc-q3-2024-0-0"
    let refusal = "Mẫu số phải lớn hơn 0: chỉ tiêu này không cho phép 0/0. Nếu kỳ này không phát sinh, để trống tử số, mẫu số và ghi lý do vào ô Ghi chú."

    func download(_ app: Application, _ b: Browser, _ path: String) async throws -> Data {
        var data = Data()
        try await app.test(.GET, path, headers: b.headers) { res async in
            XCTAssertEqual(res.status, .ok, "\(path): \(res.body.string.prefix(500))")
            data = Data(res.body.readableBytesView)
        }
        return data
    }

    /// Uploads a file as the unit's report page does (multipart, with the form's CSRF token).
    func upload(_ app: Application, _ b: Browser, _ file: Data, path: String) async throws -> (HTTPStatus, String) {
        let boundary = "----dxtrack\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(b.csrf)\r\n".utf8)
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bao-cao.xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=\(boundary)", "Cookie": "dxtrack_session=\(b.cookie)"]
        var out: (HTTPStatus, String) = (.ok, "")
        try await app.test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { res async in out = (res.status, res.body.string) }
        return out
    }

    /// A round of the third quarter of 2024 in which three units reported no case files at all
    /// (0/0 for indicator 2) and one of them submitted.
    func quietQuarter(_ app: Application) async throws -> ReportingRound {
        let store = Store(app.db)
        let admin = Actor(username: DemoData.adminUsername)
        let round = try await store.createRound(
            ReportingRound(code: quietRound, title: "Báo cáo quý III/2024 (không phát sinh hồ sơ)", periodID: "2024Q3",
                           planCodes: [plan], defaultDeadline: CalendarDate(2024, 9, 20), ownerUnitCode: DemoData.provinceCode),
            unitCodes: ["339", "TB-STP", "TB-SNV"], by: admin)
        for (unit, extra) in [("339", 12.0), ("TB-STP", 0), ("TB-SNV", 3)] {
            let found = try await store.unitReport(round, unitCode: unit)
            let report = try XCTUnwrap(found)
            var patch = ReportPatch()
            for item in report.indicators where item.indicator.code == allowing || item.indicator.code == "3" {
                patch.values[item.key] = IndicatorEntry(numerator: 0, denominator: 0).normalized(for: item.indicator)
            }
            if let count = report.indicators.first(where: { $0.indicator.code == "16" }) {
                patch.values[count.key] = IndicatorEntry(numerator: extra, denominator: 20, comment: "Không phát sinh hồ sơ trong quý.")
                    .normalized(for: count.indicator)
            }
            _ = try await store.saveReport(round, unitCode: unit, patch: patch, baseVersion: report.status.version, by: admin)
        }
        _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: admin)
        return round
    }

    /// The property: for every round and every unit, the unit's workbook and the coordinator's
    /// workbook of all units, downloaded and read back as they are, change nothing and hold no
    /// error; STT runs 1..n down every form sheet.
    func assertEveryWorkbookReadsBackUnchanged(_ app: Application, _ db: DatabaseURL) async throws {
        let store = Store(app.db)
        let admin = try await browser(app, DemoData.adminUsername)
        let rounds = try await store.rounds()
        XCTAssertGreaterThanOrEqual(rounds.count, 2)
        for round in rounds {
            var reports: [UnitReport] = []
            for entry in try await store.completeness(round) {
                let found = try await store.unitReport(round, unitCode: entry.unitCode)
                let report = try XCTUnwrap(found)
                reports.append(report)
                let data = try await download(app, admin, "/rounds/\(round.code)/units/\(entry.unitCode)/report.xlsx")
                let back = try RoundWorkbookReader.read(try RoundWorkbookReader.open(data), reports: [report], allUnits: false)
                XCTAssertEqual(back.errors, [], "[\(db.kindName)] \(round.code) \(entry.unitCode)")
                XCTAssertEqual(back.changes, [], "[\(db.kindName)] \(round.code) \(entry.unitCode): 0 thay đổi")
            }
            let data = try await download(app, admin, "/rounds/\(round.code)/report.xlsx?units=all")
            let opened = try RoundWorkbookReader.open(data)
            let back = try RoundWorkbookReader.read(opened, reports: reports, allUnits: true)
            XCTAssertEqual(back.errors, [], "[\(db.kindName)] \(round.code), every unit")
            XCTAssertEqual(back.changes, [], "[\(db.kindName)] \(round.code), every unit: 0 thay đổi")
            let book = try XLSXWorkbook(data: data)
            for code in round.formCodes {
                let sheet = try book.sheet(named: RoundWorkbook.formSheet(code))
                let form = try XCTUnwrap(reports.lazy.compactMap { $0.forms.first { $0.code == code } }.first).form.form
                guard form.numbered else { continue }
                let column = RoundWorkbook.formStub(form, allUnits: true) + 1
                let stt = sheet.rows.map(\.row).filter { $0 > form.headerLayout().rowCount }.compactMap { sheet.text(row: $0, column: column) }
                XCTAssertEqual(stt, (0..<stt.count).map { String($0 + 1) }, "STT of \(code) in \(round.code)")
            }
        }
    }

    func testEveryWorkbookOfEveryRoundAndUnitReadsBackUnchangedWithAQuietQuarterToo() async throws {
        try await withDemoApp { app, db in
            _ = try await quietQuarter(app)
            try await assertEveryWorkbookReadsBackUnchanged(app, db)
            // And through the upload page: the coordinator's file of the quiet round, as downloaded.
            let dieuphoi = try await browser(app, "dieuphoi")
            let data = try await download(app, dieuphoi, "/rounds/\(quietRound)/report.xlsx?units=all")
            let book = try XLSXWorkbook(data: data)
            let sheet = try book.sheet(named: RoundWorkbook.indicatorSheet)
            let zeros = sheet.rows.map(\.row).filter { row in
                sheet.text(row: row, column: 3) == allowing
                    && sheet.text(row: row, column: 2 + RoundWorkbook.IndicatorColumn.numerator.rawValue) == "0"
                    && sheet.text(row: row, column: 2 + RoundWorkbook.IndicatorColumn.denominator.rawValue) == "0"
            }
            XCTAssertEqual(zeros.count, 3, "the three units' 0/0 rows are in the file")
        }
    }

    func testZeroOverZeroInTheWebFormOnlyWhereTheIndicatorAllowsIt() async throws {
        try await withDemoApp { app, _ in
            _ = try await quietQuarter(app)
            let b = try await browser(app, "sotuphap")
            let path = "/rounds/\(quietRound)/units/TB-STP"
            let round = try await Store(app.db).round(quietRound)
            let before = try await Store(app.db).unitReport(try XCTUnwrap(round), unitCode: "TB-STP")
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", String(before!.status.version)), ("action", "save"),
                ("v|\(plan)|\(refusing).numerator", "0"), ("v|\(plan)|\(refusing).denominator", "0"),
                ("v|\(plan)|\(allowing).numerator", "5"), ("v|\(plan)|\(allowing).denominator", "0"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let html = res.body.string
                XCTAssertTrue(html.contains(refusal), html)
                XCTAssertTrue(html.contains("Mẫu số phải lớn hơn 0 khi tử số lớn hơn 0."), html)
            }
            let unchanged = try await Store(app.db).unitReport(try XCTUnwrap(round), unitCode: "TB-STP")
            XCTAssertEqual(unchanged?.status.version, before?.status.version, "nothing written")
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", String(before!.status.version)), ("action", "save"),
                ("v|\(plan)|\(allowing).numerator", "0"), ("v|\(plan)|\(allowing).denominator", "0"),
            ])) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
        }
    }

    func testZeroOverZeroThroughTheAPIGivesANullRate() async throws {
        try await withDemoApp { app, _ in
            _ = try await quietQuarter(app)
            let h = try await apiToken(app, "sotuphap")
            let path = "/api/v1/rounds/\(quietRound)/units/TB-STP"
            var version = 0
            try await app.test(.GET, path, headers: h) { res async in
                version = json(res)["version"] as? Int ?? 0
                let v2 = (json(res)["values"] as? [[String: Any]])?.first { $0["indicator"] as? String == self.allowing }
                XCTAssertEqual(v2?["numerator"] as? Double, 0)
                XCTAssertEqual(v2?["denominator"] as? Double, 0)
                XCTAssertTrue(v2?["value"] is NSNull || v2?["value"] == nil, "0/0 has no rate")
            }
            let bad: [String: Any] = ["version": version, "values": [["indicator": refusing, "numerator": 0, "denominator": 0],
                                                                      ["indicator": allowing, "numerator": 4, "denominator": 0]]]
            try await app.test(.PATCH, path, headers: h, body: try jsonBody(bad)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let errors = json(res)["errors"] as? [[String: Any]] ?? []
                let byPath = Dictionary(errors.map { ($0["path"] as? String ?? "", $0["message"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
                XCTAssertEqual(byPath["values[0].denominator"], self.refusal)
                XCTAssertEqual(byPath["values[1].denominator"], "Mẫu số phải lớn hơn 0 khi tử số lớn hơn 0.")
            }
            let good: [String: Any] = ["version": version, "values": [["indicator": allowing, "numerator": 0, "denominator": 0]]]
            try await app.test(.PATCH, path, headers: h, body: try jsonBody(good)) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
            // The definition says so in the API's indicator JSON.
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/indicators", headers: h) { res async in
                let list = jsonArray(res)
                XCTAssertEqual(list.first { $0["code"] as? String == self.allowing }?["allowsZeroDenominator"] as? Bool, true)
                XCTAssertEqual(list.first { $0["code"] as? String == self.refusing }?["allowsZeroDenominator"] as? Bool, false)
            }
        }
    }

    func testZeroOverZeroInAnUploadedWorkbookIsRefusedOnItsCellAndNothingIsWritten() async throws {
        try await withDemoApp { app, _ in
            let round = try await quietQuarter(app)
            let store = Store(app.db)
            let found = try await store.unitReport(round, unitCode: "TB-STP")
            let report = try XCTUnwrap(found)
            let row = try XCTUnwrap(report.indicators.firstIndex { $0.indicator.code == refusing }) + 1
            var book = RoundWorkbook.workbook([report], allUnits: false)
            let sheet = try XCTUnwrap(book.sheets.firstIndex { $0.name == RoundWorkbook.indicatorSheet })
            book.sheets[sheet].rows[row].cells[RoundWorkbook.IndicatorColumn.numerator.rawValue].value = .number(0)
            book.sheets[sheet].rows[row].cells[RoundWorkbook.IndicatorColumn.denominator.rawValue].value = .number(0)
            let data = try XLSXWriter().write(book)
            let cell = CellRange.cellReference(row: row, column: RoundWorkbook.IndicatorColumn.denominator.rawValue)
            let back = try RoundWorkbookReader.read(try RoundWorkbookReader.open(data), reports: [report], allUnits: false)
            XCTAssertEqual(back.errors.map(\.description), ["Trang 'Chỉ tiêu', ô \(cell): \(refusal)"])
            // The upload page says the same and offers nothing to apply.
            let b = try await browser(app, "sotuphap")
            let (status, page) = try await upload(app, b, data, path: "/rounds/\(quietRound)/units/TB-STP/upload")
            XCTAssertEqual(status, .unprocessableEntity, page)
            XCTAssertTrue(page.contains("<td>Chỉ tiêu</td><td>\(cell)</td><td>\(refusal)</td>"), page)
            XCTAssertFalse(page.contains("id=\"apply\""))
            let after = try await store.unitReport(round, unitCode: "TB-STP")
            XCTAssertEqual(after?.status.version, report.status.version)
        }
    }

    func testTheDashboardTellsTheProvincesOwnFigureFromItsUnitsReports() async throws {
        try await withDemoApp { app, _ in
            _ = try await quietQuarter(app)
            let b = try await browser(app, "lanhdao")
            // The first half of 2024: every figure is the province's own, no unit below reported.
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertEqual(res.status, .ok)
                XCTAssertFalse(html.contains("đơn vị có số liệu"), "no bare coverage beside the province's figure")
                XCTAssertTrue(html.contains("Số liệu của tỉnh<br>0/"), html)
                XCTAssertTrue(html.contains(" đơn vị trực thuộc đã báo cáo"))
            }
            // The quiet quarter: Hưng Hà submitted 0/0, the province has no figure of its own.
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024Q3", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("<td data-label=\"Kết quả\"><span class=\"v\">—<br><span class=\"muted\">0/0</span></span></td>"), html)
                XCTAssertTrue(html.contains(">1/"), html)
                XCTAssertFalse(html.contains("Số liệu của tỉnh"))
            }
            try await app.test(.GET, "/plans/kh-cds-2024/indicators/2?period=2024Q3", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("id=\"source\">Tổng hợp từ đơn vị trực thuộc; 1/"), html)
            }
            try await app.test(.GET, "/plans/kh-cds-2024/indicators/2?period=2024Q3&unit=339", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("id=\"source\">Số liệu của huyện"), html)
            }
        }
    }

    func testTheSetUpFormCarriesTheFlag() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, DemoData.adminUsername)
            try await app.test(.GET, SiteRoute.setupIndicator(plan: "kh-cds-2024", code: allowing).path, headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertEqual(res.status, .ok, html)
                XCTAssertTrue(html.contains("name=\"allowsZeroDenominator\" value=\"1\" checked> Cho phép 0/0 (kỳ không phát sinh hồ sơ)"), html)
            }
        }
    }
}
