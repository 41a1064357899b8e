import DXCore
@testable import DXStore
import DXTestSupport
import Foundation
import SQLKit
import XCTest

/// Issue 13, "one coverage rule", in the store on every test database: whether 0/0 is allowed
/// is stored with the indicator, values coming in by import obey it, and a stored 0/0 counts as
/// reporting with no rate.
final class CoverageRuleStoreTests: XCTestCase {
    private func eachWithDemo(_ body: (StoreRuntime) async throws -> Void) async throws {
        try await TestDatabases.each(snapshot: "demo-round", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
        }, body)
    }

    private let plan = "KH-CĐS-2024"

    private func value(_ indicator: String, _ unit: String, _ n: Double, _ d: Double) -> DataValue {
        DataValue(planCode: plan, indicatorCode: indicator, unitCode: unit, periodID: "2024Q3", numerator: n, denominator: d)
    }

    func testTheIndicatorSaysWhetherZeroOverZeroIsAllowedAndTheStoreHoldsToIt() async throws {
        try await eachWithDemo { rt in
            let store = rt.store
            let found = try await store.planContents(slugOrCode: plan)
            let contents = try XCTUnwrap(found)
            XCTAssertEqual(contents.indicators.filter(\.allowsZeroDenominator).map(\.code), ["2", "3", "4", "8"])

            let created = try await store.upsertValue(value("2", "339", 0, 0))
            XCTAssertEqual(created, .created)
            do {
                try await store.upsertValue(value("1", "339", 0, 0))
                XCTFail("indicator 1 does not allow 0/0")
            } catch let e as StoreError {
                XCTAssertEqual(e.description, "Số liệu \(plan) / 1 / 339 / 2024Q3: \(ZeroDenominatorRule.zeroOverZeroNotAllowed)")
            }
            do {
                try await store.upsertValue(value("2", "338", 3, 0))
                XCTFail("n/0 is never a rate")
            } catch let e as StoreError {
                XCTAssertEqual(e.description, "Số liệu \(plan) / 2 / 338 / 2024Q3: \(ZeroDenominatorRule.numeratorOverZero)")
            }

            // The stored 0/0 is a figure: Hưng Hà reports, the province's rate is "—".
            let e = try await store.evaluate(plan: plan, period: "2024Q3", unit: "34")
            let r = try XCTUnwrap(e.indicator("2"))
            XCTAssertEqual(r.aggregate.coverage.reporting, ["339"])
            XCTAssertEqual(r.aggregate.numerator, 0)
            XCTAssertEqual(r.aggregate.denominator, 0)
            XCTAssertNil(r.aggregate.value)
            XCTAssertEqual(r.valueLabelVI, "—")

            // The flag is saved with the definition, and read back.
            var first = try XCTUnwrap(contents.indicators.first { $0.code == "1" })
            first.allowsZeroDenominator = true
            try await store.saveIndicator(planKey: plan, first, by: Actor(username: "admin"))
            let saved = try await store.planContents(slugOrCode: plan)?.indicators.first { $0.code == "1" }
            XCTAssertEqual(saved?.allowsZeroDenominator, true)
            let now = try await store.upsertValue(value("1", "339", 0, 0))
            XCTAssertEqual(now, .created)
        }
    }
}

extension CoverageRuleStoreTests {
    /// A database from before the flag: an indicator that already holds a 0/0 (the command line
    /// used to accept it) is marked as allowing it, every other indicator refuses it.
    func testTheMigrationKeepsStoredZeroOverZeroImportable() async throws {
        try await eachWithDemo { rt in
            let store = rt.store
            let found = try await store.planContents(slugOrCode: "KH-CĐS-2024")?.indicators.first { $0.code == "13" }
            var fibre = try XCTUnwrap(found)
            fibre.allowsZeroDenominator = true
            try await store.saveIndicator(planKey: "KH-CĐS-2024", fibre, by: Actor(username: "admin"))
            _ = try await store.upsertValue(DataValue(planCode: "KH-CĐS-2024", indicatorCode: "13", unitCode: "339", periodID: "2024Q3",
                                                      numerator: 0, denominator: 0))
            // The table as it was before M019 (Fluent cannot drop a column on SQLite, SQL can), then
            // M019 again; on one connection, so that SQLite's pool sees one schema throughout.
            try await rt.database.transaction { tx in
                try await (tx as! any SQLDatabase).raw("ALTER TABLE indicators DROP COLUMN allows_zero_denominator").run()
                try await M019AddIndicatorZeroDenominator().up(tx)
            }
            let flags = try await store.planContents(slugOrCode: "KH-CĐS-2024")?.indicators.filter(\.allowsZeroDenominator).map(\.code)
            XCTAssertEqual(flags, ["13"], "only the indicator holding a 0/0; the demo's flags come from its files, not the migration")
        }
    }
}
