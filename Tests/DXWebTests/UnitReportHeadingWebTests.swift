import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// A unit saves the heading and signer of the reports it issues on its set-up page, and its
/// reports carry them.
final class UnitReportHeadingWebTests: XCTestCase {
    func testADistrictsSavedSignerAndSymbolHeadItsReport() async throws {
        try await withDemoApp { app, _ in
            let admin = try await browser(app, "admin")
            try await app.test(.GET, "/setup/units/339", headers: admin.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("Thể thức báo cáo của đơn vị"))
                XCTAssertTrue(page.contains("placeholder=\"UBND huyện Hưng Hà\""), "the derived heading shows where a field is empty")
            }
            let fields: [(String, String)] = [
                ("_csrf", admin.csrf), ("parentBody", ""), ("issuingBody", ""), ("symbol", "BC-VHTT"), ("place", ""),
                ("authority", "KT. Chủ tịch\nPhó Chủ tịch"), ("signerName", "Nguyễn Văn Bình"), ("recipients", ""), ("archive", "VT, VHTT"),
            ]
            try await app.test(.POST, "/setup/units/339/heading", headers: admin.headers,
                               body: formBody(fields.map { $0.0 == "symbol" ? ($0.0, "12/BC-VHTT") : $0 })) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Ký hiệu báo cáo nhập không kèm số và dấu “/”, ví dụ BC-UBND."))
                XCTAssertTrue(res.body.string.contains("value=\"Nguyễn Văn Bình\""), "what was typed is kept")
            }
            let store = Store(app.db)
            let nothing = try await store.unitReportHeading("339")
            XCTAssertNil(nothing, "nothing saved from a refused form")
            try await app.test(.POST, "/setup/units/339/heading", headers: admin.headers, body: formBody(fields)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let saved = try await store.unitReportHeading("339")
            XCTAssertEqual(saved, UnitReportHeading(symbol: "BC-VHTT", authority: ["KT. Chủ tịch", "Phó Chủ tịch"],
                                                    signerName: "Nguyễn Văn Bình", archive: "VT, VHTT"))
            try await app.test(.GET, "/plans/kh-cds-2024/report.html?period=2024S1&unit=339", headers: admin.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let doc = res.body.string
                XCTAssertTrue(doc.contains("UBND HUYỆN HƯNG HÀ"), "the derived issuing body stays")
                XCTAssertTrue(doc.contains("/BC-VHTT"))
                XCTAssertTrue(doc.contains("Nguyễn Văn Bình"))
                XCTAssertTrue(doc.contains("PHÓ CHỦ TỊCH") || doc.contains("Phó Chủ tịch"))
                XCTAssertTrue(doc.contains("Lưu: VT, VHTT."))
            }
            // The province's report is not affected by the district's heading.
            try await app.test(.GET, "/plans/kh-cds-2024/report.html?period=2024S1", headers: admin.headers) { res async in
                XCTAssertTrue(res.body.string.contains("/BC-BCĐ"))
                XCTAssertFalse(res.body.string.contains("Nguyễn Văn Bình"))
            }
            // Emptying every field goes back to the derived heading.
            try await app.test(.POST, "/setup/units/339/heading", headers: admin.headers,
                               body: formBody(fields.map { $0.0 == "_csrf" ? $0 : ($0.0, "") })) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            let cleared = try await store.unitReportHeading("339")
            XCTAssertNil(cleared)
            let audit = try await store.auditEntries(unitCodes: ["339"]).filter { $0.field == "reportHeading" }
            XCTAssertEqual(audit.count, 2, "saving and clearing are both audited")
        }
    }

    func testOnlyThoseWhoSetUpTheUnitMayChangeItsHeading() async throws {
        try await withDemoApp { app, _ in
            let reporter = try await browser(app, "hungha")
            try await app.test(.POST, "/setup/units/339/heading", headers: reporter.headers,
                               body: formBody([("_csrf", reporter.csrf), ("signerName", "Ai đó")])) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let admin = try await browser(app, "admin")
            try await app.test(.POST, "/setup/units/khong-co/heading", headers: admin.headers,
                               body: formBody([("_csrf", admin.csrf), ("signerName", "Ai đó")])) { res async in
                XCTAssertEqual(res.status, .notFound)
            }
            try await app.test(.POST, "/setup/units/339/heading", headers: admin.headers,
                               body: formBody([("signerName", "Không có CSRF")])) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let heading = try await Store(app.db).unitReportHeading("339")
            XCTAssertNil(heading)
        }
    }
}
