import DXCore
import DXStore
import DXTestSupport
import XCTVapor
import XCTest

/// Issue 15 on the pages: the unit tree as of a day, a reused code naming its unit of that
/// day, closed units marked, and the search finding old and new.
final class UnitReformWebTests: XCTestCase {
    func testTheTreeAsOfADayAndTheSearchFindBothUnitsOfAReusedCode() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let reform = CalendarDate(2025, 7, 1)
            try await store.upsertUnits([
                OrgUnit(code: "33", name: "Tỉnh Hưng Yên", kind: .province, validFrom: reform),
                OrgUnit(code: "12595", name: "Xã Ngự Thiên", kind: .commune, parentCode: "33", validFrom: reform),
            ])
            // The store's lookups by code are as of a day.
            let old = try await store.unit(code: "12595", asOf: CalendarDate(2024, 12, 31))
            XCTAssertEqual(old?.name, "Xã Cộng Hòa")
            XCTAssertEqual(old?.parentCode, "339")
            let new = try await store.unit(code: "12595")
            XCTAssertEqual(new?.name, "Xã Ngự Thiên")
            let tree2024 = try await store.unitTree(asOf: CalendarDate(2024, 12, 31))
            XCTAssertTrue(tree2024.children(of: "339").map(\.code).contains("12595"))
            let today = try await store.unitTree()
            XCTAssertEqual(today.children(of: "33").map(\.code), ["12595"])
            let late2025 = try await store.units(validOn: CalendarDate(2025, 12, 31))
            XCTAssertEqual(late2025.filter { $0.kind == .commune }.map(\.code), ["12595"])
            // Two units with one code on the same day: refused by the store.
            do {
                try await store.upsertUnits([OrgUnit(code: "12595", name: "Xã Trùng", kind: .commune, parentCode: "33",
                                                     validFrom: CalendarDate(2025, 1, 1), validTo: CalendarDate(2025, 12, 31))])
                XCTFail("overlap accepted")
            } catch let e as StoreError {
                XCTAssertTrue(e.description.contains("Đơn vị 12595: mã này đang là Xã Cộng Hòa"), e.description)
            }

            let b = try await browser(app, "admin")
            try await app.test(.GET, "/units?asOf=2024-12-31", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(html.contains("Cây đơn vị ngày 31/12/2024"), html)
                XCTAssertTrue(html.contains("Xã Cộng Hòa"))
                XCTAssertFalse(html.contains("Xã Ngự Thiên"))
            }
            try await app.test(.GET, "/units", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("Xã Ngự Thiên"))
                XCTAssertTrue(html.contains("<strong>Xã Quang Trung</strong>"), "a closed unit whose code is not reused stays")
            }
            try await app.test(.GET, "/setup?q=12595", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("Xã Cộng Hòa (đến 30/6/2025)"), html)
                XCTAssertTrue(html.contains("Xã Ngự Thiên"), html)
            }
        }
    }
}
