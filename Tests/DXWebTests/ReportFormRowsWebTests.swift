import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// The table forms of the demo round (BM01, BM02) as Hưng Hà fills its own row on the report page.
final class ReportFormRowsWebTests: XCTestCase {
    let path = "/rounds/\(demoRound)/units/339"

    func testTheReportPageAsksForTheUnitsOwnRowOfEachForm() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            try await app.test(.GET, path, headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("Biểu BM01:</h2>") || html.contains("Biểu BM01: Kết quả tiếp nhận"), html)
                XCTAssertTrue(html.contains("name=\"f|BM01|339|1\""))
                XCTAssertTrue(html.contains("name=\"f|BM02|339|9\""))
                XCTAssertFalse(html.contains("name=\"f|BM01|339|3\""), "computed columns are not inputs")
                XCTAssertTrue(html.contains("Kết quả giải quyết › Đang giải quyết › Quá hạn (9)"))
                XCTAssertTrue(html.contains("Tổng số = Trực tiếp, bưu chính + Trực tuyến + Kỳ trước chuyển sang"))
                XCTAssertFalse(html.contains("name=\"f|BM01|TB-STP|1\""), "only its own row")
            }
        }
    }

    func testBadCellsAndBrokenIdentitiesAreRefusedWithNothingSaved() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "1"), ("action", "save"),
                ("f|BM01|339|1", "nhiều"), ("f|BM01|339|2", "300"),
                ("f|BM02|339|1", "1.000"), ("f|BM02|339|2", "200"), ("f|BM02|339|3", "700"), ("f|BM02|339|4", "50"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let html = res.body.string
                XCTAssertTrue(html.contains("Chưa lưu: có 2 lỗi cần sửa."), html)
                XCTAssertTrue(html.contains("Cột (1) &quot;Hồ sơ trực tuyến&quot;"), html)
                XCTAssertTrue(html.contains("Không khớp: Tổng số = Trực tiếp, bưu chính + Trực tuyến + Kỳ trước chuyển sang (vế trái 1.000, vế phải 950)."), html)
                XCTAssertTrue(html.contains("value=\"nhiều\""), "what was typed is kept")
            }
            let entries = try await Store(app.db).formEntries(form: "BM02", period: "2024")
            XCTAssertFalse(entries.contains { $0.unitCode == "339" }, "nothing half-written")
        }
    }

    func testSavedRowsShowTheComputedRateAndReachTheConsolidatedTable() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "1"), ("action", "save"),
                ("f|BM01|339|1", "1.200"), ("f|BM01|339|2", "300"),
            ])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.GET, path, headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("value=\"1.200\""))
                XCTAssertTrue(res.body.string.contains("Tỷ lệ hồ sơ trực tuyến (4) = (1)/(3)*100: <strong>80,00%</strong>"), res.body.string)
            }
            // A draft row reaches the consolidated table in the coordinator's preview, and the
            // official table once the report is submitted (data status).
            let store = Store(app.db)
            let draft = try await store.consolidatedForm("BM01", period: .year(2024))
            XCTAssertNil(draft.rows.first { $0.key == "339" }?["3"].number)
            let preview = try await store.consolidatedForm("BM01", period: .year(2024), includeUnsubmitted: true)
            XCTAssertEqual(preview.rows.first { $0.key == "339" }?["3"].number, 1_500)
            let found = try await store.round(demoRound)
            _ = try await store.transition(try XCTUnwrap(found), unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
            let table = try await store.consolidatedForm("BM01", period: .year(2024))
            XCTAssertEqual(table.rows.first { $0.key == "339" }?["3"].number, 1_500)
        }
    }

    func testARequiredColumnMustBeFilledBeforeSubmitting() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            var form = try await store.tableForm("BM01")!
            form.columns[0].required = true
            try await store.saveTableForm(form, creating: false, by: Actor(username: "dieuphoi"))
            let b = try await browser(app, "hungha")
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "1"), ("action", "submit"), ("n|Kết quả", "Đã làm."),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Chưa nhập cột (1) “Hồ sơ trực tuyến” của biểu BM01."), res.body.string)
            }
        }
    }

    func testTheAPIReadsAndPatchesFormRowsWithTheSameChecks() async throws {
        try await withDemoApp { app, _ in
            let h = try await apiToken(app, "hungha")
            let api = "/api/v1/rounds/\(demoRound)/units/339"
            try await app.test(.PATCH, api, headers: h, body: try jsonBody([
                "version": 1, "forms": [["form": "BM02", "row": "339", "cells": ["1": 1_000, "2": 200, "3": 700, "4": 50]]],
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Tổng số = Trực tiếp, bưu chính + Trực tuyến + Kỳ trước chuyển sang"), res.body.string)
            }
            try await app.test(.PATCH, api, headers: h, body: try jsonBody([
                "version": 1, "forms": [["form": "BM01", "row": "TB-STP", "cells": ["1": 1]]],
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("không thuộc báo cáo của đơn vị này"), res.body.string)
            }
            try await app.test(.PATCH, api, headers: h, body: try jsonBody([
                "version": 1, "forms": [["form": "BM01", "row": "339", "cells": ["1": 1_200, "2": "300"]]],
            ])) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                let forms = json(res)["forms"] as? [[String: Any]] ?? []
                let bm01 = forms.first { $0["form"] as? String == "BM01" }
                XCTAssertEqual((bm01?["computed"] as? [String: Any])?["4"] as? Double, 80)
                XCTAssertEqual((bm01?["cells"] as? [String: Any])?["2"] as? Double, 300, "cells come back as PATCH takes them")
            }
        }
    }
}
