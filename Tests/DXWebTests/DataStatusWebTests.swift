import DXCore
import DXStore
import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// Drafts stay out of the pages, the report files and the API; coordinators may preview them
/// (`?drafts=1`, API `unsubmitted=true`), and every such output says so.
final class DataStatusWebTests: XCTestCase {
    /// Hưng Hà types 1.234/1.500 for indicator 3 into its draft report, as in issue 13.
    private func draftFigure(_ app: Application) async throws {
        let store = Store(app.db)
        let found = try await store.round(demoRound)
        let round = try XCTUnwrap(found)
        let report = try await store.unitReport(round, unitCode: "339")
        let hh = try XCTUnwrap(report)
        _ = try await store.saveReport(round, unitCode: "339",
                                       patch: ReportPatch(values: [ItemKey(plan: "KH-CĐS-2024", code: "3"): IndicatorEntry(numerator: 1234, denominator: 1500)]),
                                       baseVersion: hh.status.version, by: Actor(username: "hungha"))
    }

    private let dashboard = "/plans/kh-cds-2024/dashboard?period=2024&unit=339"
    private let warning = "Bao gồm số liệu chưa gửi, chưa được duyệt — không dùng làm số liệu chính thức."

    func testTheDashboardShowsDraftsOnlyInTheCoordinatorsPreview() async throws {
        try await withDemoApp { app, _ in
            try await draftFigure(app)
            let coordinator = try await browser(app, "dieuphoi").headers
            try await app.test(.GET, dashboard, headers: coordinator) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertFalse(body.contains("1.234/1.500"), "the draft is not counted")
                XCTAssertFalse(body.contains(warning))
                XCTAssertTrue(body.contains("Số liệu tính đến "), "when the figures were read")
                XCTAssertTrue(body.contains("id=\"preview-toggle\" href=\"/plans/kh-cds-2024/dashboard?period=2024&amp;unit=339&amp;drafts=1\""), body)
            }
            try await app.test(.GET, dashboard + "&drafts=1", headers: coordinator) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("1.234/1.500"), "the preview counts the draft")
                XCTAssertTrue(body.contains(warning), "and says so")
                XCTAssertTrue(body.contains("drafts=1\">Word (DOCX)</a>"), "the report files of the preview are previews too")
            }
            // Readers and reporters who ask get the counted figures, which they may read anyway.
            for user in ["lanhdao", "hungha"] {
                let headers = try await browser(app, user).headers
                try await app.test(.GET, dashboard + "&drafts=1", headers: headers) { res async in
                    XCTAssertEqual(res.status, .ok, user)
                    let body = res.body.string
                    XCTAssertFalse(body.contains("1.234/1.500"), user)
                    XCTAssertFalse(body.contains(warning), user)
                    XCTAssertFalse(body.contains("preview-toggle"), user)
                }
            }
        }
    }

    func testTheReportFilesOfAPreviewCarryTheWarningAndTheReadingTime() async throws {
        try await withDemoApp { app, _ in
            try await draftFigure(app)
            let coordinator = try await browser(app, "dieuphoi").headers
            let base = "/plans/kh-cds-2024/report.%@?period=2024&unit=339"
            var docx = Data()
            try await app.test(.GET, String(format: base, "docx") + "&drafts=1", headers: coordinator) { res async in
                XCTAssertEqual(res.status, .ok)
                docx = Data(res.body.readableBytesView)
            }
            let text = try docxText(docx)
            XCTAssertTrue(text.contains(warning), text)
            XCTAssertTrue(text.contains("Số liệu tính đến "), text)

            try await app.test(.GET, String(format: base, "docx"), headers: coordinator) { res async in
                docx = Data(res.body.readableBytesView)
            }
            let official = try docxText(docx)
            XCTAssertFalse(official.contains(warning))
            XCTAssertTrue(official.contains("Số liệu tính đến "))

            try await app.test(.GET, String(format: base, "html") + "&drafts=1", headers: coordinator) { res async in
                XCTAssertTrue(res.body.string.contains(warning))
            }
            try await app.test(.GET, String(format: base, "csv") + "&drafts=1", headers: coordinator) { res async in
                let csv = res.body.string
                XCTAssertTrue(csv.contains("Ghi chú: \(warning)"), csv)
                XCTAssertTrue(csv.contains("Ghi chú: Số liệu tính đến "), csv)
            }
            try await app.test(.GET, String(format: base, "csv") + "&drafts=1", headers: try await browser(app, "lanhdao").headers) { res async in
                XCTAssertFalse(res.body.string.contains(warning), "a viewer gets the counted figures")
                XCTAssertTrue(res.body.string.contains("Ghi chú: Số liệu tính đến "))
            }
            var xlsx = Data()
            try await app.test(.GET, String(format: base, "xlsx") + "&drafts=1", headers: coordinator) { res async in
                xlsx = Data(res.body.readableBytesView)
            }
            let cells = try xlsxFirstColumn(xlsx)
            XCTAssertTrue(cells.contains("Ghi chú: \(warning)"), cells)
            XCTAssertTrue(cells.contains("Ghi chú: Số liệu tính đến "), cells)
        }
    }

    func testSavedTemplatesOfferThePreviewToCoordinatorsOnlyAndTheIndicatorPageSaysWhenItRead() async throws {
        try await withDemoApp { app, _ in
            let coordinator = try await browser(app, "dieuphoi").headers
            let viewer = try await browser(app, "lanhdao").headers
            let file = "/reports/\(DemoReportTemplate.code)/report.html?period=2024"
            try await app.test(.GET, "/reports/\(DemoReportTemplate.code)?period=2024", headers: coordinator) { res async in
                XCTAssertTrue(res.body.string.contains("id=\"preview-downloads\""), "coordinators are offered the preview")
            }
            try await app.test(.GET, "/reports/\(DemoReportTemplate.code)?period=2024", headers: viewer) { res async in
                XCTAssertFalse(res.body.string.contains("id=\"preview-downloads\""))
            }
            try await app.test(.GET, file + "&drafts=1", headers: coordinator) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains(warning))
                XCTAssertTrue(res.body.string.contains("Huyện Hưng Hà"), "the draft district's figures are in the preview")
            }
            try await app.test(.GET, file + "&drafts=1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertFalse(res.body.string.contains(warning), "a viewer gets the official report")
                XCTAssertTrue(res.body.string.contains("Số liệu tính đến "))
            }
            try await app.test(.GET, "/plans/kh-cds-2024/indicators/3?period=2024", headers: viewer) { res async in
                XCTAssertTrue(res.body.string.contains("id=\"data-read-at\">Số liệu tính đến "), res.body.string)
            }
            try await app.test(.GET, "/plans/kh-cds-2024/indicators/3?period=2024&unit=339&drafts=1", headers: coordinator) { res async in
                XCTAssertTrue(res.body.string.contains(warning))
                XCTAssertTrue(res.body.string.contains("3.787/3.798"), "Hưng Hà's draft seed figures in the preview")
            }
        }
    }

    func testTheAPIStatesItsReadingAndRefusesPreviewsToReporters() async throws {
        try await withDemoApp { app, _ in
            try await draftFigure(app)
            let token = try await adminToken(app)
            let admin: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            let path = "/api/v1/plans/kh-cds-2024/evaluation?period=2024&unit=339"
            func indicator3(_ body: [String: Any]) -> [String: Any]? {
                (body["indicators"] as? [[String: Any]])?.first { $0["code"] as? String == "3" }
            }
            try await app.test(.GET, path, headers: admin) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = json(res)
                XCTAssertEqual(body["includesUnsubmitted"] as? Bool, false)
                XCTAssertTrue((body["dataReadAt"] as? String)?.hasSuffix("+07:00") ?? false, "\(body["dataReadAt"] ?? "nil")")
                XCTAssertNotEqual(indicator3(body)?["numerator"] as? Double, 1234)
            }
            try await app.test(.GET, path + "&unsubmitted=true", headers: admin) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = json(res)
                XCTAssertEqual(body["includesUnsubmitted"] as? Bool, true)
                XCTAssertEqual(indicator3(body)?["numerator"] as? Double, 1234)
            }
            let reporter = try await apiToken(app, "hungha")
            try await app.test(.GET, path + "&unsubmitted=true", headers: reporter) { res async in
                XCTAssertEqual(res.status, .forbidden, "a reporter may not ask for unsubmitted figures")
            }
            try await app.test(.GET, path, headers: reporter) { res async in
                XCTAssertEqual(res.status, .ok, "but reads the counted ones")
            }
        }
    }

    // MARK: - Reading the files back with independent readers

    private func python(_ module: String) throws -> URL { try PythonReaders.python(with: module) }

    private func scratchFile(_ data: Data, _ ext: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-status-\(UUID().uuidString).\(ext)")
        try data.write(to: url)
        return url
    }

    /// Every paragraph of the document, python-docx's reading.
    private func docxText(_ data: Data) throws -> String {
        let py = try python("docx")
        let file = try scratchFile(data, "docx")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try run(py, ["-c", "import sys, docx\nfor p in docx.Document(sys.argv[1]).paragraphs: print(p.text)", file.path])
        XCTAssertEqual(r.status, 0, r.output)
        return r.output
    }

    /// The first column of every sheet, openpyxl's reading.
    private func xlsxFirstColumn(_ data: Data) throws -> String {
        let py = try python("openpyxl")
        let file = try scratchFile(data, "xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nfor ws in wb.worksheets:\n    for row in ws.iter_rows(min_col=1, max_col=1, values_only=True):\n        print(row[0] if row[0] is not None else '')"
        let r = try run(py, ["-c", script, file.path])
        XCTAssertEqual(r.status, 0, r.output)
        return r.output
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try PythonReaders.run(executable, arguments)
    }
}
