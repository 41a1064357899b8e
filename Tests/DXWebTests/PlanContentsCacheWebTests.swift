import DXCore
import DXStore
@testable import DXWeb
import Foundation
import SQLKit
import Vapor
import XCTest
import XCTVapor

/// The server keeps the plans it last read (`PlanContentsCache`) and reads one again when the
/// revision token of plans or of units changes. Whoever writes, the next page shows the write.
final class PlanContentsCacheWebTests: XCTestCase {
    let path = "/rounds/\(demoRound)/units/339"

    func testATargetAndAnIndicatorChangedOutsideTheServerShowOnTheNextPage() async throws {
        try await withDemoApp { app, url in
            let b = try await browser(app, "hungha")
            try await app.test(.GET, path, headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Mục tiêu: ≥ 97%"), url.kindName)
            }
            // Statements as another tool would send them, not through any store function.
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.raw("""
                UPDATE targets SET value = 95 WHERE value = 97 AND indicator_id IN \
                (SELECT i.id FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.code = 'KH-CĐS-2024' AND i.code = '3')
                """).run()
            try await app.test(.GET, path, headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Mục tiêu: ≥ 95%"), "\(url.kindName): the changed target")
            }
            try await sql.raw("""
                UPDATE indicators SET name = 'Chỉ tiêu đổi tên bên ngoài' WHERE code = '3' AND plan_id IN \
                (SELECT id FROM plans WHERE code = 'KH-CĐS-2024')
                """).run()
            try await app.test(.GET, path, headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Chỉ tiêu đổi tên bên ngoài"), "\(url.kindName): the renamed indicator")
            }
        }
    }

    func testAPlanChangedDirectlyOrThroughItsUnitsIsReadAgain() async throws {
        try await withDemoApp { app, url in
            let here = Store(app.db, unitCache: UnitRowsCache(), planCache: PlanContentsCache())
            let read = try await here.planContents(slugOrCode: "KH-CĐS-2024")
            let before = try XCTUnwrap(read)
            let bySlug = try await here.planContents(slugOrCode: "kh-cds-2024")
            XCTAssertEqual(bySlug, before, "by slug as by code")
            let pillar = try XCTUnwrap(before.plan.pillars.first)
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.raw("""
                UPDATE pillars SET name = 'Trụ cột đổi tên' WHERE code = \(bind: pillar.code) \
                AND plan_id IN (SELECT id FROM plans WHERE code = 'KH-CĐS-2024')
                """).run()
            let renamed = try await here.planContents(slugOrCode: "KH-CĐS-2024")
            XCTAssertEqual(renamed?.plan.pillars.first?.name, "Trụ cột đổi tên", url.kindName)

            // The contents name units by code: a new code for the issuer changes them, though no
            // table of the plan was written.
            try await sql.raw("UPDATE units SET code = 'TINH-MOI' WHERE code = \(bind: before.plan.issuerCode)").run()
            let reissued = try await here.planContents(slugOrCode: "KH-CĐS-2024")
            XCTAssertEqual(reissued?.plan.issuerCode, "TINH-MOI", url.kindName)
            let missing = try await here.planContents(slugOrCode: "KHONG-CO")
            XCTAssertNil(missing, "no plan of that code")
        }
    }

    func testAStoreInATransactionReadsItsOwnPlanWrites() async throws {
        try await withDemoApp { app, url in
            let cache = PlanContentsCache()
            _ = try await Store(app.db, planCache: cache).planContents(slugOrCode: "KH-CĐS-2024")
            let seen = try await app.db.transaction { tx in
                let sql = try XCTUnwrap(tx as? any SQLDatabase)
                try await sql.raw("UPDATE plans SET title = 'Tạm thời' WHERE code = 'KH-CĐS-2024'").run()
                return try await Store(tx, planCache: cache).planContents(slugOrCode: "KH-CĐS-2024")?.plan.title
            }
            XCTAssertEqual(seen, "Tạm thời", url.kindName)
            let after = try await Store(app.db, planCache: cache).planContents(slugOrCode: "KH-CĐS-2024")?.plan.title
            XCTAssertEqual(after, "Tạm thời", url.kindName)
        }
    }
}
