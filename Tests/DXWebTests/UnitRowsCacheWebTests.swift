import DXCore
import DXStore
@testable import DXWeb
import Foundation
import SQLKit
import Vapor
import XCTest
import XCTVapor

/// The server keeps the unit table it last read (`UnitRowsCache`) and reads it again when the
/// table's revision token changes. Whoever writes — a page of this server, another instance, the
/// command line, a hand-written statement — the next page shows the write.
final class UnitRowsCacheWebTests: XCTestCase {
    func testAUnitRenamedOutsideTheServerIsShownOnTheNextPage() async throws {
        try await withDemoApp { app, url in
            let admin = try await browser(app, DemoData.adminUsername)
            try await app.test(.GET, "/units", headers: admin.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Huyện Hưng Hà"), url.kindName)
            }
            // Not through any store function: a statement as another tool would send it.
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE units SET name = 'Huyện Hưng Hà (đổi tên)' WHERE code = '339'").run()
            try await app.test(.GET, "/units", headers: admin.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Huyện Hưng Hà (đổi tên)"), "\(url.kindName): the renamed unit")
            }
        }
    }

    func testAUnitAddedByAnotherInstanceIsInScopeAtOnce() async throws {
        try await withDemoApp { app, url in
            let admin = try await browser(app, DemoData.adminUsername)
            try await app.test(.GET, "/units", headers: admin.headers) { res async in
                XCTAssertFalse(res.body.string.contains("Xã Thử Nghiệm"))
            }
            // Another instance: its own store on the same database, with its own cache.
            let other = Store(app.db, unitCache: UnitRowsCache())
            _ = try await other.units()
            // Within the district's own validity (districts end on 30/6/2025).
            try await other.upsertUnits([OrgUnit(code: "33999", name: "Xã Thử Nghiệm", kind: .commune, parentCode: "339",
                                                 validFrom: CalendarDate(2024, 1, 1), validTo: CalendarDate(2025, 6, 30))])
            try await app.test(.GET, "/units", headers: admin.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Xã Thử Nghiệm"), "\(url.kindName): the new commune")
            }
            let seenByOther = try await other.unitTree(asOf: CalendarDate(2024, 12, 31))["33999"]
            XCTAssertEqual(seenByOther?.parentCode, "339", url.kindName)
            let seenHere = try await app.store.unit(code: "33999")
            XCTAssertEqual(seenHere?.parentCode, "339", url.kindName)
        }
    }

    func testARequestThatWritesNothingReadsTheTokensOnceAndTheNextRequestSeesTheWrite() async throws {
        try await withDemoApp { app, url in
            let cache = UnitRowsCache(), plans = PlanContentsCache()
            let request = Store(app.db, unitCache: cache, planCache: plans, snapshot: ReadSnapshotTokens())
            let name = try await request.unit(code: "339")?.name
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE units SET name = 'Đổi giữa chừng' WHERE code = '339'").run()
            // The same request goes on with the units as it first read them, as a snapshot would.
            let sameRequest = try await request.unit(code: "339")?.name
            XCTAssertEqual(sameRequest, name, url.kindName)
            let nextRequest = try await Store(app.db, unitCache: cache, planCache: plans, snapshot: ReadSnapshotTokens()).unit(code: "339")?.name
            XCTAssertEqual(nextRequest, "Đổi giữa chừng", url.kindName)
            let withoutSnapshot = try await Store(app.db, unitCache: cache).unit(code: "339")?.name
            XCTAssertEqual(withoutSnapshot, "Đổi giữa chừng", url.kindName)
        }
    }

    func testARequestThatWritesReadsTheTokensOnceBeforeItsWriteAndAfreshAfterIt() async throws {
        try await withDemoApp { app, url in
            let req = Request(application: app, method: .PATCH, on: app.eventLoopGroup.next())
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            let withoutPhase = try await req.store.unit(code: "339")?.name
            try await sql.raw("UPDATE units SET name = 'Trước khi đọc' WHERE code = '339'").run()
            let stillWithout = try await req.store.unit(code: "339")?.name
            XCTAssertEqual(stillWithout, "Trước khi đọc", "\(url.kindName): until it asks, a writing request reads the tokens at every use")
            XCTAssertNotEqual(withoutPhase, stillWithout)

            req.startReads()
            let before = try await req.store.unit(code: "339")?.name
            try await sql.raw("UPDATE units SET name = 'Đổi giữa chừng' WHERE code = '339'").run()
            let sameStretch = try await req.store.unit(code: "339")?.name
            XCTAssertEqual(sameStretch, before, "\(url.kindName): the reads before the write share one read of the tokens")
            try await req.writing {
                try await sql.raw("UPDATE units SET name = 'Do chính nó ghi' WHERE code = '339'").run()
            }
            let after = try await req.store.unit(code: "339")?.name
            XCTAssertEqual(after, "Do chính nó ghi", "\(url.kindName): after its write the request sees it")
        }
    }

    func testAFigureOfAUnitAddedDuringARequestIsReadWithItsCode() async throws {
        try await withDemoApp { app, url in
            let request = Store(app.db, unitCache: UnitRowsCache(), planCache: PlanContentsCache(), snapshot: ReadSnapshotTokens())
            _ = try await request.units()
            // Another instance adds a commune and its figure after this request read the units:
            // the figure names a unit the request's list does not hold.
            let other = Store(app.db, unitCache: UnitRowsCache())
            try await other.upsertUnits([OrgUnit(code: "33999", name: "Xã Thử Nghiệm", kind: .commune, parentCode: "339",
                                                 validFrom: CalendarDate(2024, 1, 1), validTo: CalendarDate(2025, 6, 30))])
            let imported = try await other.importValues([(line: 2, value: DataValue(
                planCode: "KH-CĐS-2024", indicatorCode: "16", unitCode: "33999", periodID: "2024", value: 12))], dryRun: false)
            XCTAssertEqual(imported.errors, [], url.kindName)
            let read = try await request.values(planCode: "KH-CĐS-2024", slice: Store.FactSlice(periodIDs: ["2024"]), includeUnsubmitted: true)
            XCTAssertEqual(read.filter { $0.unitCode == "33999" }.map(\.value), [12], url.kindName)
            let direct = try await other.values(planCode: "KH-CĐS-2024", periodID: "2024", includeUnsubmitted: true)
            XCTAssertEqual(read.sorted(by: DataValue.transferOrder), direct.sorted(by: DataValue.transferOrder), url.kindName)
        }
    }

    func testAStoreInATransactionReadsItsOwnUnitWrites() async throws {
        try await withDemoApp { app, url in
            _ = try await app.store.units()
            let seen = try await app.db.transaction { tx in
                let sql = try XCTUnwrap(tx as? any SQLDatabase)
                try await sql.raw("UPDATE units SET name = 'Tạm thời' WHERE code = '339'").run()
                return try await Store(tx).unit(code: "339")?.name
            }
            XCTAssertEqual(seen, "Tạm thời", url.kindName)
            let after = try await app.store.unit(code: "339")
            XCTAssertEqual(after?.name, "Tạm thời", url.kindName)
        }
    }
}

private extension Application {
    var store: Store { Store(db, unitCache: caches.unitRows) }
}
