import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

final class RoundSetupTests: XCTestCase {
    func testACoordinatorOpensARoundWithDefaultDeadlinesFromTheCutOff() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/rounds/new", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Mở đợt báo cáo mới"))
            }
            let good: [(String, String)] = [
                ("_csrf", b.csrf), ("code", "bc-quy-3-2024"), ("title", "Báo cáo quý III/2024"), ("period", "2024Q3"),
                ("plans", "83/KH-BCĐ"), ("kinds", "department"), ("directOnly", "1"), ("units", "12616"),
                ("indicatorScope", "all"), ("taskScope", "lead"), ("sections", "Kết quả\nĐề xuất"),
                ("deadline", ""), ("deadline.commune", "25/09/2024"), ("lockDate", "2024-10-15"), ("changeFactor", "2,5"),
            ]
            func without(_ k: String, _ v: String) -> [(String, String)] { good.map { $0.0 == k ? (k, v) : $0 } }
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(without("period", "2024Q5") + [])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Mã kỳ báo cáo &quot;2024Q5&quot; không hợp lệ"), res.body.string)
            }
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(good.filter { $0.0 != "plans" })) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Chọn ít nhất một kế hoạch."))
            }
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(without("deadline.commune", "10/09/2024"))) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Hạn nộp của cấp xã phải sau ngày chốt số liệu 14/09/2024."))
            }
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(without("units", "khong-co"))) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Không có đơn vị mã khong-co."))
            }
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(without("code", demoRound))) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Mã đợt báo cáo &quot;bc-nam-2024&quot; đã tồn tại."))
            }
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(good)) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/rounds/bc-quy-3-2024")
            }
            let store = Store(app.db)
            let round = try await store.round("bc-quy-3-2024")!
            XCTAssertEqual(round.defaultDeadline, CalendarDate(2024, 9, 20))
            XCTAssertEqual(round.deadline(for: .commune), CalendarDate(2024, 9, 25))
            XCTAssertEqual(round.lockDate, CalendarDate(2024, 10, 15))
            XCTAssertEqual(round.changeFactor, 2.5)
            XCTAssertEqual(round.narrativeSections, ["Kết quả", "Đề xuất"])
            let entries = try await store.completeness(round)
            XCTAssertEqual(entries.count, 25, "24 departments and the listed commune")
            XCTAssertEqual(entries.first { $0.unitCode == "12616" }?.deadline, CalendarDate(2024, 9, 25))
            XCTAssertEqual(entries.first { $0.unitCode == "TB-STP" }?.deadline, CalendarDate(2024, 9, 20))
            // Tasks where the unit leads only; the plan has no indicators.
            let stttt = try await store.unitReport(round, unitCode: "TB-STTTT")!
            XCTAssertEqual(stttt.tasks.count, 14)
            XCTAssertTrue(stttt.indicators.isEmpty)
            let audit = try await store.auditEntries(roundCode: "bc-quy-3-2024")
            XCTAssertEqual(audit.map(\.field), ["created"])
            XCTAssertEqual(audit.first?.username, "dieuphoi")
        }
    }

    func testAfterTheLockDateOnlyCoordinatorsEdit() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let round = try await store.createRound(
                ReportingRound(code: "bc-6-thang-2024", title: "6 tháng 2024", periodID: "2024S1", planCodes: ["KH-CĐS-2024"],
                               defaultDeadline: CalendarDate(2024, 6, 20), lockDate: CalendarDate(2024, 7, 1)),
                unitCodes: ["339"], by: Actor(username: "dieuphoi"))
            let path = "/rounds/\(round.code)/units/339"
            let reporter = try await browser(app, "hungha")
            try await app.test(.GET, path, headers: reporter.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Đợt báo cáo đã khóa sổ từ sau ngày 01/07/2024: chỉ cơ quan thường trực được sửa."))
                XCTAssertFalse(res.body.string.contains(">Lưu nháp</button>"))
            }
            try await app.test(.POST, path, headers: reporter.headers, body: formBody([("_csrf", reporter.csrf), ("version", "0"), ("n|Kết quả", "x")])) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let coordinator = try await browser(app, "dieuphoi")
            try await app.test(.POST, path, headers: coordinator.headers, body: formBody([("_csrf", coordinator.csrf), ("version", "0"), ("n|Kết quả", "Bổ sung sau khóa sổ.")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            // Closing the round stops everyone.
            try await app.test(.POST, "/rounds/\(round.code)/close", headers: coordinator.headers, body: formBody([("_csrf", coordinator.csrf), ("closed", "true")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.POST, path, headers: coordinator.headers, body: formBody([("_csrf", coordinator.csrf), ("version", "1"), ("n|Kết quả", "Lần nữa.")])) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertTrue(res.body.string.contains("Đợt báo cáo đã đóng"))
            }
        }
    }

    func testAdministratorsManageAccountsAndEveryChangeIsAudited() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "admin")
            let create: [(String, String)] = [("_csrf", b.csrf), ("username", "xadoanhung"), ("displayName", "Cán bộ xã Đoan Hùng"),
                                              ("role", "reporter"), ("unit", "12616"), ("password", "mat-khau-dai-1")]
            try await app.test(.POST, "/admin/accounts", headers: b.headers, body: formBody(create.map { $0.0 == "password" ? ($0.0, "ngan") : $0 })) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Mật khẩu phải có ít nhất 8 ký tự."))
            }
            try await app.test(.POST, "/admin/accounts", headers: b.headers, body: formBody(create)) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.POST, "/admin/accounts", headers: b.headers, body: formBody(create)) { res async in
                XCTAssertEqual(res.status, .conflict)
                XCTAssertTrue(res.body.string.contains("Tên đăng nhập &quot;xadoanhung&quot; đã tồn tại"))
            }
            try await app.test(.POST, "/admin/accounts/xadoanhung/disable", headers: b.headers, body: formBody([("_csrf", b.csrf)])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.POST, "/admin/accounts/admin/disable", headers: b.headers, body: formBody([("_csrf", b.csrf)])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Không thể tự khóa tài khoản của chính mình."))
            }
            try await app.test(.POST, "/admin/accounts/xadoanhung/reset", headers: b.headers, body: formBody([("_csrf", b.csrf), ("password", "mat-khau-moi-2")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.GET, "/admin/accounts", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Cán bộ xã Đoan Hùng"))
                XCTAssertTrue(res.body.string.contains("Đã khóa"))
            }
            let audit = try await Store(app.db).auditEntries(subjectCode: "xadoanhung")
            XCTAssertEqual(audit.map(\.field), ["password", "disabled", "created"])
            XCTAssertTrue(audit.allSatisfy { $0.username == "admin" })
            try await app.test(.GET, "/audit", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Tài khoản xadoanhung – khóa tài khoản"))
            }
        }
    }
}
