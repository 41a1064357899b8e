import DXCore
import DXStore
import DXTestSupport
import Foundation
import XCTest

/// A save writes the report's own row (version, state, narrative, who and when) in the statement
/// that takes its version, on every test database.
final class ReportSaveStoreTests: XCTestCase {
    private func status(_ store: Store, _ round: ReportingRound) async throws -> RoundUnitStatus {
        let report = try await store.unitReport(round, unitCode: "TB-STP")
        return try XCTUnwrap(report).status
    }

    func testTheFirstSaveStartsTheReportAndRecordsWhoWroteWhatAndWhen() async throws {
        try await TestDatabases.each(snapshot: "demo-round", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
        }) { rt in
            let store = rt.store
            let found = try await store.round(DemoRound.code)
            let round = try XCTUnwrap(found)
            let section = try XCTUnwrap(round.narrativeSections.first)
            let before = try await status(store, round)
            XCTAssertEqual(before.state, .notStarted)
            let at = Date(timeIntervalSince1970: 1_733_000_000)
            let outcome = try await store.saveReport(round, unitCode: "TB-STP", patch: ReportPatch(narrative: [section: "  Đã triển khai.  "]),
                                                     baseVersion: before.version, by: Actor(username: "sotuphap"), now: at)
            XCTAssertEqual(outcome, .saved(version: before.version + 1, changes: 1))

            let after = try await status(store, round)
            XCTAssertEqual(after.state, .draft, "a report someone wrote in is started")
            XCTAssertEqual(after.version, before.version + 1)
            XCTAssertEqual(after.narrative[section], "Đã triển khai.")
            XCTAssertEqual(after.updatedBy, "sotuphap")
            XCTAssertEqual(after.updatedAt?.timeIntervalSince1970 ?? 0, at.timeIntervalSince1970, accuracy: 0.001)

            // On the version it had read, another save is refused and changes nothing.
            do {
                _ = try await store.saveReport(round, unitCode: "TB-STP", patch: ReportPatch(narrative: [section: "Khác."]),
                                               baseVersion: before.version, by: Actor(username: "khac"))
                XCTFail("a save on a stale version")
            } catch let c as ReportConflict {
                XCTAssertEqual(c.currentVersion, before.version + 1)
            }
            let unchanged = try await status(store, round)
            XCTAssertEqual(unchanged.narrative[section], "Đã triển khai.")
            XCTAssertEqual(unchanged.updatedBy, "sotuphap")
            XCTAssertEqual(unchanged.version, before.version + 1)
        }
    }
}
