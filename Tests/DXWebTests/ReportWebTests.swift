import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// The data-entry page of Hưng Hà in the demo round, through the web form.
final class ReportWebTests: XCTestCase {
    let path = "/rounds/\(demoRound)/units/339"
    let plan = "KH-CĐS-2024"

    func version(_ app: Application, _ unit: String = "339") async throws -> Int {
        let store = Store(app.db)
        return try await store.roundUnitStatus(try await store.round(demoRound)!, unitCode: unit)!.version
    }

    func testTheFormShowsTargetsStoredFiguresAndTheComputedRate() async throws {
        try await withDemoApp { app, _ in
            // A 2023 figure makes the 2024 one a big move: a warning, shown next to the field.
            try await Store(app.db).upsertValue(DataValue(planCode: plan, indicatorCode: "3", unitCode: "339", periodID: "2023", value: 20))
            let b = try await browser(app, "hungha")
            try await app.test(.GET, path, headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("<h1>Huyện Hưng Hà</h1>"))
                XCTAssertTrue(html.contains("Chỉ tiêu (16)"))
                XCTAssertTrue(html.contains("Mục tiêu: ≥ 97%"))
                XCTAssertTrue(html.contains("name=\"v|KH-CĐS-2024|3.numerator\""))
                XCTAssertTrue(html.contains("value=\"3.787\""))
                XCTAssertTrue(html.contains("Tỷ lệ: <strong>99,71%</strong> (3.787/3.798)"))
                XCTAssertTrue(html.contains("Đạt mục tiêu"))
                XCTAssertTrue(html.contains("Kỳ trước (năm 2023): 20%"))
                XCTAssertTrue(html.contains("Giá trị thay đổi hơn 3 lần so với kỳ trước (20 → 99,71)"), "warning")
                XCTAssertTrue(html.contains("Tồn tại hạn chế"))
                XCTAssertTrue(html.contains(">Gửi báo cáo</button>"))
                XCTAssertTrue(html.contains("name=\"_csrf\" value=\"\(b.csrf)\""))
            }
        }
    }

    func testHostileTextSentBackIntoTheFormStaysText() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            let hostile = "\"><script>alert(1)</script>"
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "1"), ("action", "save"),
                ("v|\(plan)|1.numerator", "abc"), ("v|\(plan)|1.denominator", "10"), ("v|\(plan)|1.comment", hostile),
                ("n|Kết quả", "</textarea>" + hostile),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let html = res.body.string
                XCTAssertFalse(html.contains("<script>alert(1)"), "no value becomes markup")
                XCTAssertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "an input's value")
                XCTAssertTrue(html.contains("&lt;/textarea&gt;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"), "a textarea's text")
                XCTAssertFalse(html.contains("&amp;lt;"), "escaped once, not twice")
            }
        }
    }

    func testInvalidFieldsGetVietnameseMessagesAndNothingIsSaved() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "1"), ("action", "save"),
                ("v|\(plan)|3.numerator", "5.000"), ("v|\(plan)|3.denominator", "3.798"),
                ("v|\(plan)|1.numerator", "abc"), ("v|\(plan)|1.denominator", "10"),
                ("v|\(plan)|11.value", "-2"),
                ("n|Kết quả", "Đã lưu?"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let html = res.body.string
                XCTAssertTrue(html.contains("Chưa lưu: có 3 lỗi cần sửa."), html)
                XCTAssertTrue(html.contains("Tử số (5.000) lớn hơn mẫu số (3.798): tỷ lệ không được vượt 100% với chỉ tiêu này."))
                XCTAssertTrue(html.contains("&quot;abc&quot; không phải là số hợp lệ"))
                XCTAssertTrue(html.contains("Giá trị không được là số âm."))
                XCTAssertTrue(html.contains("value=\"abc\""), "what was typed is kept")
                XCTAssertTrue(html.contains("aria-invalid=\"true\""))
                // Each message links to its field by an id of ASCII letters, digits and dashes.
                XCTAssertTrue(html.contains("href=\"#f-v-KH-C-S-2024-1-numerator\""), html)
                XCTAssertTrue(html.contains("id=\"f-v-KH-C-S-2024-1-numerator\""), html)
            }
            let v1 = try await version(app)
            XCTAssertEqual(v1, 1, "nothing half-written")
        }
    }

    func testSavingWithEitherSeparatorAndSubmittingLate() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            try await app.test(.POST, path, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "1"), ("action", "save"),
                ("v|\(plan)|1.numerator", "1.234"), ("v|\(plan)|1.denominator", "1,500.0"),
            ])) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), self.path + "?msg=saved")
            }
            try await app.test(.GET, path + "?msg=saved", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Đã lưu nháp."))
                XCTAssertTrue(res.body.string.contains("Tỷ lệ: <strong>82,27%</strong> (1.234/1.500)"))
                XCTAssertTrue(res.body.string.contains("Chưa đạt mục tiêu"))
            }
            let v2 = try await version(app)
            XCTAssertEqual(v2, 2)
            // Stored as the draft it is; the outputs count it only once submitted (data status).
            let stored = try await Store(app.db).values(planCode: plan, periodID: "2024", includeUnsubmitted: true).first { $0.unitCode == "339" && $0.indicatorCode == "1" }
            XCTAssertEqual(stored?.numerator, 1234)
            XCTAssertEqual(stored?.denominator, 1500)
            XCTAssertEqual(stored?.author, "hungha")

            // Submitting needs every answer and the first narrative section.
            try await app.test(.POST, path, headers: b.headers, body: formBody([("_csrf", b.csrf), ("version", "2"), ("action", "submit")])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Chưa có số liệu: nhập số liệu, hoặc ghi rõ lý do vào ô Ghi chú"))
                XCTAssertTrue(res.body.string.contains("Chưa viết phần “Kết quả”."))
            }
            var fields: [(String, String)] = [("_csrf", b.csrf), ("version", "2"), ("action", "submit"), ("n|Kết quả", "Hoàn thành cơ bản các chỉ tiêu.")]
            for code in ["2", "6", "7", "8", "9", "10", "11", "12", "14", "15"] { fields.append(("v|\(plan)|\(code).comment", "Chưa có số liệu")) }
            try await app.test(.POST, path, headers: b.headers, body: formBody(fields)) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), self.path + "?msg=submit")
            }
            let status = try await Store(app.db).roundUnitStatus(try await Store(app.db).round(demoRound)!, unitCode: "339")!
            XCTAssertEqual(status.state, .submitted)
            XCTAssertTrue(status.late, "the 2024 deadline has passed")
            // Submitted: locked for the unit.
            try await app.test(.POST, path, headers: b.headers, body: formBody([("_csrf", b.csrf), ("version", "\(status.version)"), ("n|Đề xuất", "x")])) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertTrue(res.body.string.contains("Báo cáo đã gửi: chỉ sửa được khi bị trả lại hoặc được mở lại."))
            }
            // The coordinator sees it.
            let c = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/rounds/\(demoRound)", headers: c.headers) { res async in
                XCTAssertTrue(res.body.string.contains("<tr data-unit=\"339\">"))
                XCTAssertTrue(res.body.string.contains("Đã gửi (muộn)"))
            }
        }
    }

    func testTwoPeopleEditingGetAConflictNotASilentOverwrite() async throws {
        try await withDemoApp { app, _ in
            let reporter = try await browser(app, "hungha")
            let coordinator = try await browser(app, "dieuphoi")
            try await app.test(.POST, path, headers: reporter.headers, body: formBody([
                ("_csrf", reporter.csrf), ("version", "1"), ("v|\(plan)|2.numerator", "80"), ("v|\(plan)|2.denominator", "100"),
            ])) { res async in XCTAssertEqual(res.status, .seeOther) }
            try await app.test(.POST, path, headers: coordinator.headers, body: formBody([
                ("_csrf", coordinator.csrf), ("version", "1"), ("v|\(plan)|2.numerator", "70"), ("v|\(plan)|2.denominator", "100"),
            ])) { res async in
                XCTAssertEqual(res.status, .conflict)
                let html = res.body.string
                XCTAssertTrue(html.contains("Xung đột dữ liệu"))
                XCTAssertTrue(html.contains("phiên bản 1 → 2"))
                XCTAssertTrue(html.contains("hungha,"), "who changed it")
                XCTAssertTrue(html.contains("Chỉ tiêu 2 – tử số: (trống) → 80"), html)
                XCTAssertTrue(html.contains("value=\"70\""), "the second person's input is kept")
                XCTAssertTrue(html.contains("name=\"version\" value=\"2\""), "saving again overwrites knowingly")
            }
            let stored = try await Store(app.db).values(planCode: plan, periodID: "2024", includeUnsubmitted: true).first { $0.unitCode == "339" && $0.indicatorCode == "2" }
            XCTAssertEqual(stored?.numerator, 80)
        }
    }

    func testTaskEntriesAreCheckedAndStoredWithTheirEvidence() async throws {
        try await withDemoApp { app, _ in
            try await makeAccount(app, "baothaibinh", .reporter, "TB-BAO")
            let b = try await browser(app, "baothaibinh")
            let tasks = try await Store(app.db).unitReport(try await Store(app.db).round(demoRound)!, unitCode: "TB-BAO")!.tasks
            let key = try XCTUnwrap(tasks.first).key
            let p = "t|\(key.plan)|\(key.code)"
            let unitPath = "/rounds/\(demoRound)/units/TB-BAO"
            try await app.test(.GET, unitPath, headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("<datalist id=\"documents\"><option value=\""), "known documents are suggested")
                XCTAssertTrue(res.body.string.contains("list=\"documents\""))
            }
            try await app.test(.POST, unitPath, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "0"), ("\(p).status", "done"), ("\(p).percent", "150"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Nhiệm vụ đã hoàn thành phải ghi rõ kết quả."))
                XCTAssertTrue(res.body.string.contains("Tỷ lệ hoàn thành phải từ 0 đến 100."))
            }
            try await app.test(.POST, unitPath, headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("version", "0"), ("\(p).status", "done"), ("\(p).result", "Đã đăng 120 tin bài."), ("\(p).evidence", "805/QĐ-UBND"),
            ])) { res async in XCTAssertEqual(res.status, .seeOther) }
            let report = try await Store(app.db).unitReport(try await Store(app.db).round(demoRound)!, unitCode: "TB-BAO")!
            XCTAssertEqual(report.status.state, .draft)
            XCTAssertEqual(report.task(key)?.entry, TaskEntry(status: .done, result: "Đã đăng 120 tin bài.", evidence: "805/QĐ-UBND"))
            let audit = try await Store(app.db).auditEntries(roundCode: demoRound, unitCodes: ["TB-BAO"])
            XCTAssertEqual(Set(audit.map(\.field)), ["status", "result", "evidence"])
            XCTAssertTrue(audit.allSatisfy { $0.username == "baothaibinh" && $0.version == 1 && $0.subject == "task" })
        }
    }

    func testReturnNeedsAReasonAndTheCompletenessCSV() async throws {
        try await withDemoApp { app, _ in
            let c = try await browser(app, "dieuphoi")
            let snv = "/rounds/\(demoRound)/units/TB-SNV"
            try await app.test(.POST, snv + "/return", headers: c.headers, body: formBody([("_csrf", c.csrf), ("comment", " ")])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Phải ghi lý do trả lại báo cáo."))
            }
            try await app.test(.POST, snv + "/return", headers: c.headers, body: formBody([("_csrf", c.csrf), ("comment", "Bổ sung số liệu chỉ tiêu 2.")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.GET, snv, headers: c.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Báo cáo bị trả lại:</strong> Bổ sung số liệu chỉ tiêu 2."))
            }
            try await app.test(.GET, "/rounds/\(demoRound)/completeness.csv", headers: c.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.subType, "csv")
                let csv = res.body.string
                XCTAssertTrue(csv.hasPrefix("\u{FEFF}Mã đơn vị,Tên đơn vị,Hạn nộp,Trạng thái"))
                XCTAssertTrue(csv.contains("TB-STC,Sở Tài chính,20/12/2024,Đã gửi,Muộn,"), csv)
                XCTAssertTrue(csv.contains("TB-STTTT,Sở Thông tin và Truyền thông,20/12/2024,Đã phê duyệt,Đúng hạn,"))
                XCTAssertTrue(csv.contains("TB-STP,Sở Tư pháp,20/12/2024,Chưa bắt đầu,\"Quá hạn, chưa gửi\",,sotuphap"))
            }
            try await app.test(.GET, "/rounds/\(demoRound)", headers: c.headers) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("Đã gửi 02/32 đơn vị"), html)
                XCTAssertTrue(html.contains("Danh sách nhắc nộp"))
                XCTAssertTrue(html.contains("Sở Tư pháp – Chưa bắt đầu – tài khoản: sotuphap"))
            }
            try await app.test(.GET, "/audit?round=\(demoRound)&unit=TB-SNV", headers: c.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Bổ sung số liệu chỉ tiêu 2."))
                XCTAssertTrue(res.body.string.contains("Trạng thái báo cáo – trạng thái"))
            }
        }
    }
}
