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

            // A round of a period after 1/7/2025 expects the unit valid then; a 2024 round, the old one.
            let admin = Actor(username: "admin")
            let late = try await store.createRound(
                ReportingRound(code: "r-2025s2", title: "Sáu tháng cuối năm 2025", periodID: "2025S2", planCodes: ["KH-CĐS-2024"],
                               defaultDeadline: CalendarDate(2026, 1, 20)), unitCodes: ["12595"], by: admin)
            let lateUnits = try await store.roundUnitStatuses(late).map(\.unit.name)
            XCTAssertEqual(lateUnits, ["Xã Ngự Thiên"])
            let early = try await store.createRound(
                ReportingRound(code: "r-2024", title: "Năm 2024", periodID: "2024", planCodes: ["KH-CĐS-2024"],
                               defaultDeadline: CalendarDate(2025, 1, 20)), unitCodes: ["12595"], by: admin)
            let earlyUnits = try await store.roundUnitStatuses(early).map(\.unit.name)
            XCTAssertEqual(earlyUnits, ["Xã Cộng Hòa"])
            let earlyOne = try await store.roundUnitStatus(early, unitCode: "12595")?.unit.name
            XCTAssertEqual(earlyOne, "Xã Cộng Hòa", "a closed unit's round stays readable under its code")

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

    /// The coordinator's page that says which old department continues as which new one.
    func testACoordinatorMatchesAMergedProvincesDepartmentOnThePage() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let reform = CalendarDate(2025, 7, 1)
            try await store.upsertUnits([
                OrgUnit(code: "33", name: "Tỉnh Hưng Yên", kind: .province, validFrom: reform),
                OrgUnit(code: "HY-SNV", name: "Sở Nội vụ tỉnh Hưng Yên", kind: .department, parentCode: "33", validFrom: reform),
            ])
            let merged = try await store.applyUnitChanges([UnitChange(line: 2, date: reform, kind: .merge, fromCodes: ["34"], toCodes: ["33"])],
                                                          actor: "test", source: "test", dryRun: false)
            XCTAssertEqual(merged.errors, [])
            XCTAssertTrue(merged.unsettled.map(\.code).contains("TB-SNV"))
            let reporter = try await browser(app, "hungha")
            try await app.test(.GET, "/units/successors", headers: reporter.headers) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            // The new province's administrator decides (the successor's side).
            try await store.createAccount(Account(username: "hyadmin", displayName: "Quản trị Hưng Yên", role: .administrator, unitCode: "33"),
                                          passwordHash: "$2b$12$fakehashfortest")
            let b = try await browser(app, "hyadmin")
            try await app.test(.GET, "/units/successors", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Sở Nội vụ (TB-SNV)"), res.body.string)
                XCTAssertTrue(res.body.string.contains("<option value=\"HY-SNV\">Sở Nội vụ tỉnh Hưng Yên (HY-SNV)</option>"))
            }
            try await app.test(.POST, "/units/successors", headers: b.headers,
                               body: formBody([("_csrf", b.csrf), ("from", "TB-SNV"), ("to", "HY-SNV"), ("date", "2025-07-01")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.POST, "/units/successors", headers: b.headers,
                               body: formBody([("_csrf", b.csrf), ("from", "TB-SNV"), ("to", "HY-SNV"), ("date", "2025-07-01")])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Đơn vị TB-SNV không chờ đơn vị kế thừa HY-SNV."), res.body.string)
            }
            let left = try await store.unsettledUnits().map(\.unit.code)
            XCTAssertFalse(left.contains("TB-SNV"))
            let audit = try await store.auditEntries(subjectCode: "TB-SNV").map(\.username)
            XCTAssertTrue(audit.contains("hyadmin"))
        }
    }
}
