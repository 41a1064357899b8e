import DXCore
import DXStore
import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// The consolidated table of a form for a period, on the page and as XLSX and CSV files, and
/// forms attached to a round when it is opened.
final class ConsolidatedTableWebTests: XCTestCase {
    func testTheTableShowsTheUnitsRowsAndTheTotalsAsARatioOfSums() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            let table = try await Store(app.db).consolidatedForm("BM01", period: .year(2024))
            let totals = try XCTUnwrap(table.totals)
            let online = table.rows.compactMap { $0["1"].number }.reduce(0, +)
            let all = table.rows.compactMap { $0["3"].number }.reduce(0, +)
            XCTAssertGreaterThan(all, 1000)
            // The rate of the totals is the ratio of the sums, not the mean of the rates.
            let rate = VNNumber.percent(online / all * 100, fractionDigits: 2, trimZeros: false)
            XCTAssertEqual(table.display(totals, "4"), rate)
            XCTAssertNotNil(rate.range(of: #"^\d+,\d\d%$"#, options: .regularExpression), rate)
            let sum = table.display(totals, "3")
            XCTAssertTrue(sum.contains("."), "thousands grouped the Vietnamese way: \(sum)")

            for path in ["/forms/BM01/table?period=2024", "/forms/BM01/table"] {
                try await app.test(.GET, path, headers: b.headers) { res async in
                    XCTAssertEqual(res.status, .ok, path)
                    let page = res.body.string
                    XCTAssertTrue(page.contains("<option value=\"2024\" selected>"), "the latest period with entries by default")
                    XCTAssertTrue(page.contains("<tr class=\"total\"><td></td><th scope=\"row\">Tổng cộng</th><td class=\"num\">\(table.display(totals, "1"))</td>"), page)
                    XCTAssertTrue(page.contains("<td class=\"num\">\(sum)</td><td class=\"num\">\(rate)</td></tr>"))
                    XCTAssertTrue(page.contains("<th colspan=\"3\" scope=\"colgroup\">Số hồ sơ tiếp nhận</th>"), "the two-level header")
                    XCTAssertTrue(page.contains("<th scope=\"row\">Sở Thông tin và Truyền thông</th>"))
                    XCTAssertTrue(page.contains("href=\"/forms/BM01/table.xlsx?period=2024\""))
                    XCTAssertTrue(page.contains("href=\"/forms/BM01/table.csv?period=2024\""))
                    XCTAssertTrue(page.contains("id=\"data-read-at\">Số liệu tính đến "), "when the rows were read")
                    XCTAssertFalse(page.contains("id=\"violations\""), "the demo figures keep the identities")
                }
            }
            try await app.test(.GET, "/forms/BM01/table?period=2024Q9", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(res.body.string.contains("Mã kỳ báo cáo &quot;2024Q9&quot; không hợp lệ"), res.body.string)
            }
            try await app.test(.GET, "/forms/BM99/table?period=2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .notFound)
            }
        }
    }

    func testRowsThatBreakAnIdentityAreListedUnderTheTable() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let stored = try await store.tableForm("BM01")
            var form = try XCTUnwrap(stored)
            form.identities = [FormIdentity(rule: "(1) <= (2)", message: "Hồ sơ trực tuyến không nhiều hơn hồ sơ trực tiếp")]
            try await store.saveTableForm(form, creating: false, by: Actor(username: "dieuphoi"))
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/forms/BM01/table?period=2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                // The three submitted units' rows and the total; Công an tỉnh's returned rows
                // are not consolidated (data status).
                XCTAssertTrue(page.contains("<h2 id=\"violations\">Các dòng không thỏa mãn quy tắc kiểm tra (4)</h2>"), page)
                XCTAssertFalse(page.contains("<li>Dòng “Công an tỉnh”"))
                XCTAssertTrue(page.contains("<li>Dòng “Sở Thông tin và Truyền thông”: Hồ sơ trực tuyến không nhiều hơn hồ sơ trực tiếp ((1) &lt;= (2); vế trái"))
                XCTAssertTrue(page.contains("<li>Dòng “Tổng cộng”: "))
            }
        }
    }

    func testAUnitAccountSeesOnlyItsOwnRowsWithADivisionByZeroShownAsADash() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let found = try await store.round(demoRound)
            let round = try XCTUnwrap(found)
            let stored = try await store.unitReport(round, unitCode: "339")
            let report = try XCTUnwrap(stored)
            _ = try await store.saveReport(round, unitCode: "339",
                                           patch: ReportPatch(forms: [FormRowKey(form: "BM01", row: "339"): ["1": .number(0), "2": .number(0)]]),
                                           baseVersion: report.status.version, by: Actor(username: "hungha"))
            // A draft row is not consolidated (data status): the district sends its report up.
            _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
            let full = try await store.consolidatedForm("BM01", period: .year(2024))
            let tree = try await store.unitTree()
            // The district and its own offices (units of kind department under it).
            let own = full.rows.filter { tree.isWithin($0.key, scope: "339") }
            XCTAssertTrue(own.contains { $0.key == "339" })
            XCTAssertLessThan(own.count, full.rows.count)
            let b = try await browser(app, "hungha")
            try await app.test(.GET, "/forms/BM01/table?period=2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("Bảng chỉ gồm các đơn vị thuộc phạm vi tài khoản của bạn"))
                XCTAssertTrue(page.contains("<th scope=\"row\">Huyện Hưng Hà</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">—</td></tr>"), page)
                XCTAssertTrue(page.contains("<tr class=\"total\"><td></td><th scope=\"row\">Tổng cộng</th><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">—</td></tr>"),
                              "totals over the district's rows only")
                for row in full.rows {
                    XCTAssertEqual(page.contains("<th scope=\"row\">\(row.label)</th>"), tree.isWithin(row.key, scope: "339"), row.label)
                }
            }
            try await app.test(.GET, "/forms/BM01/table.csv?period=2024", headers: b.headers) { res async in
                let text = res.body.string
                // Header, the unit's rows, the total, then the note of when the rows were read.
                let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                XCTAssertEqual(lines.count, 1 + own.count + 1 + 1, text)
                XCTAssertTrue(lines.last?.hasPrefix("Ghi chú: Số liệu tính đến ") == true, text)
            }
        }
    }

    func testTheTableDownloadsAsXLSXAndCSV() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "lanhdao")
            let table = try await Store(app.db).consolidatedForm("BM01", period: .year(2024))
            try await app.test(.GET, "/forms/BM01/table.xlsx?period=2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.description, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                XCTAssertEqual(res.headers.first(name: .contentDisposition), "attachment; filename=\"bieu-mau-BM01-2024.xlsx\"")
                let data = Data(res.body.readableBytesView)
                XCTAssertGreaterThan(data.count, 1000)
                XCTAssertEqual(Array(data.prefix(2)), Array("PK".utf8))
                // The merged two-level header, read back from the archive (strings are inline).
                if let sheet = Self.unzipped(data, "xl/worksheets/sheet1.xml") {
                    XCTAssertTrue(sheet.contains("<mergeCell ref=\"C1:E1\"/>"), sheet)
                    XCTAssertTrue(sheet.contains("<mergeCell ref=\"A1:A2\"/>"))
                    XCTAssertTrue(sheet.contains("Số hồ sơ tiếp nhận"))
                    XCTAssertTrue(sheet.contains("Tổng cộng"))
                }
            }
            try await app.test(.GET, "/forms/BM01/table.csv?period=2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.description, "text/csv; charset=utf-8")
                let data = Data(res.body.readableBytesView)
                XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "Excel reads it as UTF-8")
                let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
                XCTAssertEqual(lines[0], "STT,Đơn vị,Số hồ sơ tiếp nhận › Hồ sơ trực tuyến (hồ sơ) (1),"
                               + "\"Số hồ sơ tiếp nhận › Hồ sơ trực tiếp, bưu chính (hồ sơ) (2)\","
                               + "Số hồ sơ tiếp nhận › Tổng số (hồ sơ) (3),Tỷ lệ hồ sơ trực tuyến (4)")
                let totals = try! XCTUnwrap(table.totals)
                XCTAssertTrue(lines.contains { $0.hasPrefix(",Tổng cộng,") && $0.hasSuffix("\"\(table.display(totals, "4"))\"") }, lines.joined(separator: "\n"))
                // Header, rows, total, and the note of when the rows were read.
                XCTAssertEqual(lines.filter { !$0.isEmpty }.count, 1 + table.rows.count + 1 + 1)
            }
        }
    }

    func testARoundOpenedOnTheWebCarriesTheTickedForms() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/rounds/new", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("<input type=\"checkbox\" name=\"forms\" value=\"BM01\">"), res.body.string)
            }
            let fields: [(String, String)] = [
                ("_csrf", b.csrf), ("code", "bc-quy-3-2024"), ("title", "Báo cáo quý III/2024"), ("period", "2024Q3"),
                ("plans", "KH-CĐS-2024"), ("forms", "BM01"), ("kinds", "district"), ("directOnly", "1"), ("units", ""),
                ("indicatorScope", "all"), ("taskScope", "lead"), ("sections", "Kết quả"), ("deadline", ""), ("lockDate", ""), ("changeFactor", "3"),
            ]
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(fields.map { $0.0 == "forms" ? ("forms", "BM99") : $0 })) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Không có biểu mẫu BM99."))
                XCTAssertTrue(res.body.string.contains("value=\"BM01\">"))
            }
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(fields)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let round = try await Store(app.db).round("bc-quy-3-2024")
            XCTAssertEqual(round?.formCodes, ["BM01"])
            try await app.test(.GET, "/rounds/bc-quy-3-2024", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("<a href=\"/forms/BM01/table?period=2024Q3\">BM01</a>"), res.body.string)
            }
        }
    }

    /// One file of a ZIP archive through `unzip`, or nil where it is not installed.
    static func unzipped(_ archive: Data, _ member: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? archive.write(to: file)) != nil else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        p.arguments = ["-p", file.path, member]
        let out = Pipe()
        p.standardOutput = out
        guard (try? p.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
