import DXCore
import DXStore
import DXTestSupport
import Foundation
import XCTest

/// A unit's figures reach the outputs only once its report has gone up (`DataStatus`), on every
/// test database: issue 13, a draft 1.234/1.500 of Hưng Hà showed as 82,27% "Hoàn thành".
final class DataStatusStoreTests: XCTestCase {
    private func eachWithDemo(_ body: (StoreRuntime) async throws -> Void) async throws {
        try await TestDatabases.each(snapshot: "demo-round", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
        }, body)
    }

    private let signed = ItemKey(plan: "KH-CĐS-2024", code: "3")

    /// Indicator 3 of Hưng Hà for 2024 as `evaluate` sees it.
    private func indicator3(_ store: Store, includeUnsubmitted: Bool = false) async throws -> AggregatedValue {
        let d = try await store.evaluate(plan: "KH-CĐS-2024", period: "2024", unit: "339", includeUnsubmitted: includeUnsubmitted)
        return try XCTUnwrap(d.indicator("3")).aggregate
    }

    func testADraftFigureCountsOnlyOnceSubmittedAndLeavesWhenReturned() async throws {
        try await eachWithDemo { rt in
            let store = rt.store
            let round = try await store.round(DemoRound.code)!
            let hh = try await store.unitReport(round, unitCode: "339")!
            XCTAssertEqual(hh.status.state, .draft)
            _ = try await store.saveReport(round, unitCode: "339",
                                           patch: ReportPatch(values: [signed: IndicatorEntry(numerator: 1234, denominator: 1500)]),
                                           baseVersion: hh.status.version, by: Actor(username: "hungha"))

            var seen = try await indicator3(store)
            XCTAssertNil(seen.numerator, "the draft is not the district's word yet")
            let official = try await store.evaluate(plan: "KH-CĐS-2024", period: "2024", unit: "339")
            XCTAssertEqual(official.reading?.includesUnsubmitted, false)
            XCTAssertEqual(official.document.includesUnsubmitted, false)

            seen = try await indicator3(store, includeUnsubmitted: true)
            XCTAssertEqual(seen.numerator, 1234, "the coordinator's preview")
            XCTAssertEqual(seen.denominator, 1500)
            let preview = try await store.evaluate(plan: "KH-CĐS-2024", period: "2024", unit: "339", includeUnsubmitted: true)
            XCTAssertEqual(preview.indicator("3")?.aggregate.value ?? 0, 82.27, accuracy: 0.005, "the draft's 82,27%")
            XCTAssertEqual(preview.document.includesUnsubmitted, true)

            _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
            seen = try await indicator3(store)
            XCTAssertEqual(seen.numerator, 1234, "submitted: it counts")

            _ = try await store.transition(round, unitCode: "339", action: .return, comment: "Kiểm tra lại chỉ tiêu 3.",
                                           baseVersion: nil, by: Actor(username: "dieuphoi"))
            seen = try await indicator3(store)
            XCTAssertNil(seen.numerator, "returned: the figure leaves the outputs again")

            // Figures of no round still count: the province's own 2024S1 figures of the seed.
            let firstHalf = try await store.evaluate(plan: "KH-CĐS-2024", period: "2024S1")
            XCTAssertEqual(firstHalf.summary.count(.met), 9)
        }
    }

    func testAwaitingApprovalDoesNotCountAndApprovalDoes() async throws {
        try await eachWithDemo { rt in
            let store = rt.store
            let round = try await store.createRound(
                ReportingRound(code: "duyet-q3", title: "Báo cáo quý III có lãnh đạo đơn vị duyệt", periodID: "2024Q3",
                               planCodes: ["KH-CĐS-2024"], taskScope: .none, defaultDeadline: CalendarDate(2024, 10, 20),
                               unitApproval: true, ownerUnitCode: "34"),
                unitCodes: ["339"], by: Actor(username: "dieuphoi"))
            let hh = try await store.unitReport(round, unitCode: "339")!
            _ = try await store.saveReport(round, unitCode: "339",
                                           patch: ReportPatch(values: [signed: IndicatorEntry(numerator: 1234, denominator: 1500)]),
                                           baseVersion: hh.status.version, by: Actor(username: "hungha"))
            func district() async throws -> Double? {
                try await store.evaluate(plan: "KH-CĐS-2024", period: "2024Q3", unit: "339").indicator("3")?.aggregate.numerator
            }
            let waiting = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
            XCTAssertEqual(waiting.state, .awaitingApproval)
            let awaiting = try await district()
            XCTAssertNil(awaiting, "waiting for the head of the unit: not sent up")
            _ = try await store.transition(round, unitCode: "339", action: .approve, comment: nil, baseVersion: nil, by: Actor(username: "lanhdao-hh"))
            let approved = try await district()
            XCTAssertEqual(approved, 1234, "approved by the unit: submitted, counted")
        }
    }

    func testTaskReportsAndFormRowsFollowTheSameRule() async throws {
        try await eachWithDemo { rt in
            let store = rt.store
            // The demo gives districts no task: Hưng Hà cooperates on task 1.2 of the Steering
            // Committee's plan here.
            let contents = try await store.planContents(slugOrCode: "83/KH-BCĐ")
            var given = try XCTUnwrap(contents?.tasks.first { $0.code == "1.2" })
            given.cooperatingUnitCodes.append("339")
            try await store.saveTask(planKey: "83/KH-BCĐ", given, by: Actor(username: "admin"))
            let round = try await store.round(DemoRound.code)!
            let hh = try await store.unitReport(round, unitCode: "339")!
            let task = try XCTUnwrap(hh.tasks.first).key
            let row = FormRowKey(form: "BM01", row: "339")
            _ = try await store.saveReport(round, unitCode: "339",
                                           patch: ReportPatch(tasks: [task: TaskEntry(status: .done, percent: 100, result: "Đã hoàn thành (bản nháp).")],
                                                              forms: [row: ["1": .number(1_234), "2": .number(266)]]),
                                           baseVersion: hh.status.version, by: Actor(username: "hungha"))
            func status(_ includeUnsubmitted: Bool = false) async throws -> TaskStatus? {
                try await store.evaluate(plan: task.plan, period: "2024", unit: "339", includeUnsubmitted: includeUnsubmitted)
                    .tasks.lines.first { $0.task.code == task.code }?.status
            }
            func online(_ includeUnsubmitted: Bool = false) async throws -> Double? {
                let table = try await store.consolidatedForm("BM01", period: .year(2024), includeUnsubmitted: includeUnsubmitted)
                return table.rows.first { $0.key == "339" }?["1"].number
            }
            var s = try await status()
            XCTAssertNil(s, "a draft task report does not count")
            s = try await status(true)
            XCTAssertEqual(s, .done)
            var n = try await online()
            XCTAssertNil(n, "a draft form row is not consolidated")
            n = try await online(true)
            XCTAssertEqual(n, 1_234)
            let drafts = try await store.values(planCode: "KH-CĐS-2024", periodID: "2024")
            XCTAssertFalse(drafts.contains { $0.unitCode == "339" }, "nor Hưng Hà's seed figures while its report is a draft")

            _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
            s = try await status()
            XCTAssertEqual(s, .done)
            n = try await online()
            XCTAssertEqual(n, 1_234)
            let entries = try await store.formEntries(form: "BM01", period: "2024")
            XCTAssertTrue(entries.contains { $0.unitCode == "339" })
            XCTAssertFalse(entries.contains { $0.unitCode == "TB-CA" }, "Công an tỉnh's report was returned")
        }
    }
}
