import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

final class SetupTests: XCTestCase {
    func testSearchIgnoresCaseAndToneMarksAndTreatsDAsD() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/setup?q=THONG%20tin%20truyen", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Đơn vị TB-STTTT: Sở Thông tin và Truyền thông"), res.body.string)
            }
            try await app.test(.GET, "/setup?q=doan%20hung", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Xã Đoan Hùng"))
            }
            try await app.test(.GET, "/setup?q=ky%20so", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Chỉ tiêu 3: Tỷ lệ văn bản điện tử có chứng thực số và ký số"), res.body.string)
            }
            try await app.test(.GET, "/setup", headers: try await browser(app, "hungha").headers) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
        }
    }

    func testAnIndicatorIsCreatedEditedAndArchivedNeverDeleted() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            let base = "/setup/plans/kh-cds-2024/indicators"
            func post(_ path: String, _ fields: [(String, String)], _ status: HTTPStatus, _ check: ((String) -> Void)? = nil) async throws {
                try await app.test(.POST, path, headers: b.headers, body: formBody([("_csrf", b.csrf)] + fields)) { res async in
                    XCTAssertEqual(res.status, status, res.body.string)
                    check?(res.body.string)
                }
            }
            let fields: [(String, String)] = [
                ("code", "17"), ("name", "Tỷ lệ xã có điểm phục vụ một cửa số"), ("pillar", "1"), ("measure", "rate"),
                ("aggregation", "sum"), ("temporal", "stock"), ("direction", "higher"), ("responsible", "TB-STTTT"),
                ("t0.year", "2024"), ("t0.level", "commune"), ("t0.comparator", "ge"), ("t0.value", "60,5"), ("t0.text", "60,5% số xã"),
                ("t1.year", ""),
            ]
            try await post(base + "/moi", fields.map { $0.0 == "t0.value" ? ($0.0, "sáu mươi") : $0 }, .unprocessableEntity) {
                XCTAssertTrue($0.contains("Mục tiêu năm 2024: &quot;sáu mươi&quot; không phải là số hợp lệ."))
            }
            try await post(base + "/moi", fields.map { $0.0 == "pillar" ? ($0.0, "9") : $0 }, .unprocessableEntity) {
                XCTAssertTrue($0.contains("không có trụ cột mã 9"))
            }
            try await post(base + "/moi", fields, .seeOther)
            try await post(base + "/moi", fields, .unprocessableEntity) { XCTAssertTrue($0.contains("Kế hoạch đã có chỉ tiêu mã 17.")) }
            let store = Store(app.db)
            var made = try await store.indicator(planKey: "kh-cds-2024", code: "17")
            XCTAssertEqual(made?.indicator.targets, [Target(year: 2024, level: .commune, comparator: .ge, value: 60.5, text: "60,5% số xã")])
            XCTAssertEqual(made?.indicator.responsibleUnitCode, "TB-STTTT")
            // Editing replaces the targets.
            try await post(base + "/17", fields.map { $0.0 == "t0.year" ? ($0.0, "2025") : $0 }, .seeOther)
            made = try await store.indicator(planKey: "kh-cds-2024", code: "17")
            XCTAssertEqual(made?.indicator.targets.map(\.year), [2025])
            try await post(base + "/17/archive", [("archived", "true")], .seeOther)
            let contents = try await store.planContents(slugOrCode: "kh-cds-2024")
            XCTAssertEqual(contents?.indicators.count, 16, "archived indicators leave the plan")
            let archived = try await store.indicator(planKey: "kh-cds-2024", code: "17")?.archived
            XCTAssertEqual(archived, true, "but stay in the database")
            let audit = try await store.auditEntries(subjectCode: "17").map(\.field)
            XCTAssertEqual(audit, ["archived", "definition", "created"])
        }
    }

    func testPlansAreCreatedWithPillarsAndAUsedPillarCannotBeDropped() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            let fields: [(String, String)] = [("_csrf", b.csrf), ("code", "15/KH-UBND"), ("kind", "plan"), ("title", "Kế hoạch chuyển đổi số năm 2025"),
                                              ("issuer", "TB-UBND"), ("issued", "20/01/2025"), ("from", "2025"), ("to", "2025"),
                                              ("pillars", "1 | Chính quyền số\n2 | Kinh tế số")]
            try await app.test(.POST, "/setup/new-plan", headers: b.headers, body: formBody(fields.map { $0.0 == "pillars" ? ($0.0, "1 Chính quyền số") : $0 })) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Trụ cột dòng 1: ghi theo dạng “mã | tên”."))
            }
            try await app.test(.POST, "/setup/new-plan", headers: b.headers, body: formBody(fields)) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/setup/plans/15-kh-ubnd-2025?msg=saved")
            }
            try await app.test(.POST, "/setup/new-plan", headers: b.headers, body: formBody(fields)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Đã có kế hoạch số 15/KH-UBND."))
            }
            let plan = try await Store(app.db).plan(slugOrCode: "15/KH-UBND")
            XCTAssertEqual(plan?.pillars.map(\.name), ["Chính quyền số", "Kinh tế số"])
            XCTAssertEqual(plan?.issued, CalendarDate(2025, 1, 20))
            // KH-CĐS-2024's pillar 2 has indicators: it stays.
            try await app.test(.POST, "/setup/plans/kh-cds-2024", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("title", "Kế hoạch 2024"), ("from", "2024"), ("to", "2024"), ("pillars", "1 | Chính quyền số\n3 | Xã hội số"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Trụ cột 2 đang được 4 chỉ tiêu và 0 nhiệm vụ sử dụng: không bỏ được."), res.body.string)
            }
            let unchanged = try await Store(app.db).plan(slugOrCode: "kh-cds-2024")
            XCTAssertEqual(unchanged?.pillars.count, 3, "nothing half-written")
        }
    }

    func testDocumentsAreFoundAndEdited() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.POST, "/setup/documents", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("number", "99/KH-UBND"), ("summary", ""), ("issuer", "UBND tỉnh"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Văn bản 99/KH-UBND: chưa nhập trích yếu."))
            }
            try await app.test(.POST, "/setup/documents", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("number", "99/KH-UBND"), ("summary", "Kế hoạch đào tạo kỹ năng số"), ("issuer", "UBND tỉnh"), ("issued", "05/07/2024"),
            ])) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/setup/documents?number=99%2FKH-UBND&msg=saved")
            }
            try await app.test(.GET, "/setup?q=dao%20tao%20ky%20nang", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Văn bản 99/KH-UBND: Kế hoạch đào tạo kỹ năng số"))
            }
            try await app.test(.GET, "/setup/documents?number=99%2FKH-UBND", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("value=\"05/07/2024\""))
            }
        }
    }

    func testTasksAndUnitsAreCheckedLikeAnImport() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "admin")
            try await app.test(.POST, "/setup/plans/83-kh-bcd-2024/tasks/moi", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "9.9"), ("title", "Thử nghiệm"), ("deadline", "tháng 6"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Thời hạn &quot;tháng 6&quot; không hợp lệ"))
            }
            try await app.test(.POST, "/setup/plans/83-kh-bcd-2024/tasks/moi", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "9.9"), ("title", "Thử nghiệm"), ("deadline", "2024Q4"), ("lead", "TB-STP"), ("cooperating", "TB-SNV, nope"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("không có đơn vị mã nope"), res.body.string)
            }
            try await app.test(.POST, "/setup/plans/83-kh-bcd-2024/tasks/moi", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "9.9"), ("title", "Thử nghiệm"), ("deadline", "2024Q4"), ("lead", "TB-STP"), ("cooperating", "TB-SNV"),
            ])) { res async in XCTAssertEqual(res.status, .seeOther) }
            // The new task now appears in Sở Tư pháp's report of the demo round.
            let report = try await Store(app.db).unitReport(try await Store(app.db).round(demoRound)!, unitCode: "TB-STP")
            XCTAssertEqual(report?.tasks.map(\.task.code), ["9.9"])
            try await app.test(.POST, "/setup/units/34", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "34"), ("name", "Tỉnh Thái Bình"), ("kind", "province"), ("parent", "12616"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("tạo thành vòng lặp"), res.body.string)
            }
            // Districts end on 30/6/2025: a commune from 1/7/2025 cannot be placed under one.
            try await app.test(.POST, "/setup/units/moi", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "12700"), ("name", "Xã Mới"), ("kind", "commune"), ("parent", "339"), ("validFrom", "01/07/2025"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("đơn vị cấp trên 339 không có hiệu lực trong thời gian này"), res.body.string)
            }
            try await app.test(.POST, "/setup/units/moi", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "12700"), ("name", "Xã Mới"), ("kind", "commune"), ("parent", "339"), ("validFrom", "01/01/2025"),
            ])) { res async in XCTAssertEqual(res.status, .seeOther, res.body.string) }
            let added = try await Store(app.db).unit(code: "12700")
            XCTAssertEqual(added?.validFrom, CalendarDate(2025, 1, 1))
        }
    }
}
