import DXCore
import DXStore
import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// Issue 15 item 5: the demo after the 2025 reform. The new Hưng Yên's 2025 dashboard compares
/// with 2024 re-aggregated from its predecessors and says which had no data; the trend marks
/// the reform; the 2024 pages still read Thái Bình as it was.
final class ReformDemoWebTests: XCTestCase {
    func testTheNewHungYenComparesWithItsPredecessorsFigures() async throws {
        try await withReformDemoApp { app, _ in
            let store = Store(app.db)
            // 1.2 for 2024 S2: what the 22 old communes of Hưng Hà reported, summed.
            let old = try await store.values(planCode: DemoReform.plan, periodID: "2024S2").filter { $0.indicatorCode == "1.2" }
            XCTAssertEqual(old.count, 22)
            let before = try await store.evaluate(plan: DemoReform.plan, period: "2024S2", unit: "33", unitsAsOf: DemoReform.day)
            XCTAssertEqual(before.indicator("1.2")?.aggregate.numerator, old.compactMap(\.numerator).reduce(0, +))
            XCTAssertEqual(before.indicator("1.2")?.aggregate.denominator, old.compactMap(\.denominator).reduce(0, +))

            let now = try await store.evaluate(plan: DemoReform.plan, period: "2025S2", unit: "33")
            XCTAssertEqual(now.unit.validFrom, DemoReform.day, "33 in 2025 S2 is the new province")
            let change = try XCTUnwrap(now.indicator("1.2")?.samePeriodLastYear, "compared with 2024 S2")
            XCTAssertEqual(change.previous, try XCTUnwrap(before.indicator("1.2")?.aggregate.value), accuracy: 1e-9)

            let headers = try await browser(app, "hungyen").headers
            try await app.test(.GET, "/plans/nq-02-2021/dashboard?period=2025S2&unit=33", headers: headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Tỉnh Hưng Yên"), body)
                XCTAssertTrue(body.contains("được tính từ các đơn vị tiền thân: Tỉnh Hưng Yên, Tỉnh Thái Bình."), body)
                XCTAssertTrue(body.contains("Đơn vị tiền thân chưa có số liệu: Tỉnh Hưng Yên."), body)
                XCTAssertTrue(body.contains("Xã Ngự Thiên"), "the new communes are the units below")
                XCTAssertFalse(body.contains("@2025-06-30"), "predecessors are not units to drill into")
            }
            try await app.test(.GET, "/plans/nq-02-2021/indicators/1.2?period=2025S2&unit=33", headers: headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Sắp xếp đơn vị 1/7/2025"), "the trend marks the reform")
                XCTAssertTrue(body.contains("Số liệu trước ngày 1/7/2025 được tính từ các đơn vị tiền thân"), body)
            }
            // Thái Bình's 2024 dashboard is as it was, under its own name.
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024&unit=34", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Tỉnh Thái Bình"))
                XCTAssertFalse(res.body.string.contains("tiền thân"))
            }
            // A reporter of an abolished district has no business with the new province.
            let hungha = try await browser(app, "hungha").headers
            try await app.test(.GET, "/plans/nq-02-2021/dashboard?period=2025S2&unit=33", headers: hungha) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
        }
    }

    /// Item 4: the accounts of closed units move to their successors on the successors page,
    /// audited, only those the reader may manage, and only when chosen.
    func testAnAdministratorMovesTheAccountsOfClosedUnitsOnThePage() async throws {
        try await withReformDemoApp { app, _ in
            let store = Store(app.db)
            let hyAdmin = Account(username: "hyadmin", displayName: "Quản trị Hưng Yên", role: .administrator, unitCode: "33")
            try await store.createAccount(hyAdmin, passwordHash: "x")
            let b = try await browser(app, "hyadmin")
            try await app.test(.GET, "/units/successors", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Tài khoản của đơn vị đã kết thúc"), body)
                XCTAssertTrue(body.contains("value=\"dieuphoi\" checked"), "Sở TT&TT's coordinator goes to Sở KH&CN")
                XCTAssertTrue(body.contains("HY-SKHCN Sở Khoa học và Công nghệ tỉnh Hưng Yên"), body)
                XCTAssertFalse(body.contains("value=\"hungha\""), "an abolished district has no successor: not offered")
            }
            // A coordinator cannot manage accounts.
            let coordinator = try await browser(app, "hungyen")
            try await app.test(.POST, "/units/successors/accounts", headers: coordinator.headers,
                               body: formBody([("_csrf", coordinator.csrf), ("user", "dieuphoi")])) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            try await app.test(.POST, "/units/successors/accounts", headers: b.headers, body: formBody([("_csrf", b.csrf)])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Chưa chọn tài khoản nào."))
            }
            try await app.test(.POST, "/units/successors/accounts", headers: b.headers,
                               body: formBody([("_csrf", b.csrf), ("user", "dieuphoi"), ("user", "hungha")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/units/successors?moved=1")
            }
            let moved = try await store.account(username: "dieuphoi")
            XCTAssertEqual(moved?.account.unitCode, "HY-SKHCN")
            let stayed = try await store.account(username: "lanhdao")
            XCTAssertEqual(stayed?.account.unitCode, "34", "only the chosen accounts move")
            let audit = try await store.auditEntries(subjectCode: "dieuphoi")
            XCTAssertTrue(audit.contains { $0.username == "hyadmin" && $0.field == "unit" && ($0.new ?? "").hasPrefix("HY-SKHCN") }, "\(audit)")
        }
    }
}
