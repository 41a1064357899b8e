import DXCore
@testable import DXStore
import DXTestSupport
import Foundation
import XCTest

/// Issue 15, items 2 and 3: a code names the unit valid at the end of the period (or on the day
/// asked), and a unit's figures for the time before it existed come live from its predecessors:
/// sums for counts, summed numerators over summed denominators for rates, stocks at the period's
/// end, divided predecessors by their share, and no figure at all where a division has no share.
final class UnitLineageEvaluationTests: XCTestCase {
    static let plan = "KH-LIN"
    static let reform = CalendarDate(2025, 7, 1)

    /// The old Hưng Yên (33) and Thái Bình (34) with their communes, figures for 2024Q3 and a
    /// stock for 2025Q2; on 1/7/2025 they merge into a new 33 whose communes take over the old.
    static func load(_ store: Store, sharesFor34X4: [Double?] = [nil, nil]) async throws {
        var units = [OrgUnit(code: "VN", name: "Cả nước", kind: .other),
                     OrgUnit(code: "33", name: "Tỉnh Hưng Yên (cũ)", kind: .province, parentCode: "VN"),
                     OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province, parentCode: "VN")]
        for (p, n) in [("33", 2), ("34", 4)] {
            for c in 1...n { units.append(OrgUnit(code: "\(p)X\(c)", name: "Xã \(c) tỉnh \(p)", kind: .commune, parentCode: p)) }
        }
        let indicators = [
            Indicator(code: "R", name: "Tỷ lệ hồ sơ trực tuyến", measure: .rate, unitOfMeasure: "%", temporal: .flow,
                      targets: [Target(year: 2025, comparator: .ge, value: 50)]),
            Indicator(code: "C", name: "Số hồ sơ", measure: .count, temporal: .flow),
            Indicator(code: "S", name: "Số điểm Wi-Fi", measure: .count, temporal: .stock),
        ]
        let plan = Plan(code: plan, slug: "kh-lin", kind: .plan, title: "Kế hoạch thử", issuerCode: "VN",
                        horizonFrom: 2024, horizonTo: 2026)
        var values: [DataValue] = []
        func add(_ unit: String, _ period: String, rate: (Double, Double)? = nil, count: Double? = nil, stock: Double? = nil) {
            if let rate {
                values.append(DataValue(planCode: Self.plan, indicatorCode: "R", unitCode: unit, periodID: period,
                                        numerator: rate.0, denominator: rate.1))
            }
            if let count { values.append(DataValue(planCode: Self.plan, indicatorCode: "C", unitCode: unit, periodID: period, value: count)) }
            if let stock { values.append(DataValue(planCode: Self.plan, indicatorCode: "S", unitCode: unit, periodID: period, value: stock)) }
        }
        add("33X1", "2024Q3", rate: (10, 20), count: 100)
        add("33X2", "2024Q3", rate: (30, 40), count: 200)
        add("34X1", "2024Q3", rate: (5, 10), count: 50)
        add("34X2", "2024Q3", rate: (50, 100), count: 1000)
        add("34X4", "2024Q3", rate: (1, 10), count: 7)
        // 34X3 reports nothing.
        add("33X1", "2025Q2", stock: 4)
        add("34X1", "2025Q2", stock: 6)
        _ = try await store.load(Dataset(units: units, plans: [PlanContents(plan: plan, indicators: indicators)], values: values))

        func change(_ line: Int, _ kind: UnitChangeKind, _ from: [String], _ to: [String], shares: [Double?] = [], name: String? = nil) -> UnitChange {
            UnitChange(line: line, date: reform, kind: kind, fromCodes: from, toCodes: to, shares: shares, name: name)
        }
        // As the official lists come: the new units first, then the mapping.
        _ = try await store.upsertUnits([OrgUnit(code: "33", name: "Tỉnh Hưng Yên", kind: .province, parentCode: "VN", validFrom: reform)]
            + (1...5).map { OrgUnit(code: "33Y\($0)", name: "Xã mới \($0)", kind: .commune, parentCode: "33", validFrom: reform) })
        let o = try await store.applyUnitChanges([
            change(2, .merge, ["33X1", "33X2"], ["33Y1"]),
            change(3, .divide, ["34X2"], ["33Y2", "33Y3"], shares: [0.4, 0.6]),
            change(4, .merge, ["34X1"], ["33Y2"]),
            change(5, .merge, ["34X3"], ["33Y3"]),
            change(6, .divide, ["34X4"], ["33Y4", "33Y5"], shares: sharesFor34X4),
            change(7, .merge, ["33", "34"], ["33"]),
        ], actor: "test", source: "test", dryRun: false)
        XCTAssertEqual(o.errors, [])
        // After the reform, the new communes report.
        let after = try await store.importValues([
            DataValue(planCode: Self.plan, indicatorCode: "C", unitCode: "33Y1", periodID: "2025Q3", value: 600),
            DataValue(planCode: Self.plan, indicatorCode: "C", unitCode: "33Y2", periodID: "2025Q3", value: 400),
            DataValue(planCode: Self.plan, indicatorCode: "S", unitCode: "33Y1", periodID: "2025Q3", value: 20),
        ].enumerated().map { (line: $0.offset + 2, value: $0.element) }, dryRun: false)
        XCTAssertEqual(after.errors, [])
    }

    func figure(_ e: PlanEvaluation, _ code: String) -> AggregatedValue { e.indicator(code)!.aggregate }

    func testACodeNamesTheUnitValidAtThePeriodsEndAndTheNewUnitReadsItsPredecessors() async throws {
        try await TestDatabases.each { rt in
            let store = rt.store
            try await Self.load(store)

            // 2024: 33 is the old Hưng Yên, its own two communes only.
            let old = try await store.evaluate(plan: Self.plan, period: "2024Q3", unit: "33")
            XCTAssertEqual(old.unit.name, "Tỉnh Hưng Yên (cũ)")
            XCTAssertEqual(figure(old, "C").value, 300)
            XCTAssertEqual(figure(old, "R").numerator, 40)
            XCTAssertEqual(figure(old, "R").denominator, 60)
            XCTAssertNil(old.lineage)

            // As of 1/7/2025, 33 is the new Hưng Yên: its 2024 figures are both old provinces'.
            let new = try await store.evaluate(plan: Self.plan, period: "2024Q3", unit: "33", unitsAsOf: Self.reform)
            XCTAssertEqual(new.unit.name, "Tỉnh Hưng Yên")
            XCTAssertEqual(figure(new, "C").value, 1357, "sums for counts")
            XCTAssertEqual(figure(new, "R").numerator, 96, "summed numerators")
            XCTAssertEqual(figure(new, "R").denominator, 180, "over summed denominators")
            XCTAssertEqual(figure(new, "R").coverage.expected.count, 2, "the two predecessors were expected")
            let lines = try XCTUnwrap(new.lineage).sentencesVI
            XCTAssertEqual(lines.first, "Số liệu trước ngày 1/7/2025 (Quý III/2024, Quý II/2024, Quý III/2023) được tính từ các đơn vị tiền thân: Tỉnh Hưng Yên (cũ), Tỉnh Thái Bình.")
            XCTAssertEqual(new.document.lineage, lines, "the API and --format json say it too")

            // After the reform the new unit's own communes report; the same quarter a year
            // earlier is its predecessors'.
            let q3 = try await store.evaluate(plan: Self.plan, period: "2025Q3", unit: "33")
            XCTAssertEqual(figure(q3, "C").value, 1000)
            XCTAssertEqual(q3.indicator("C")?.samePeriodLastYear?.previous, 1357)
            XCTAssertEqual(figure(q3, "C").coverage.expected.count, 5, "only the new communes are expected now")
        }
    }

    func testACommuneTakesItsPredecessorsSharesAndSaysWhichHadNoData() async throws {
        try await TestDatabases.each { rt in
            let store = rt.store
            try await Self.load(store)
            // 33Y2 = 34X1 + 40% of 34X2.
            let y2 = try await store.evaluate(plan: Self.plan, period: "2024Q3", unit: "33Y2", unitsAsOf: Self.reform)
            XCTAssertEqual(try XCTUnwrap(figure(y2, "C").value), 50 + 0.4 * 1000, accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(figure(y2, "R").numerator), 5 + 0.4 * 50, accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(figure(y2, "R").denominator), 10 + 0.4 * 100, accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(figure(y2, "R").value), (5 + 0.4 * 50) / (10 + 0.4 * 100) * 100, accuracy: 1e-9,
                           "a share of the parts, not of the percentage")
            XCTAssertTrue(try XCTUnwrap(y2.lineage).sentencesVI[0].contains("Xã 2 tỉnh 34 (40%)"), "\(y2.lineage!.sentencesVI)")

            // 33Y3 = 60% of 34X2 + 34X3, which reported nothing: said, not read as zero.
            let y3 = try await store.evaluate(plan: Self.plan, period: "2024Q3", unit: "33Y3", unitsAsOf: Self.reform)
            XCTAssertEqual(try XCTUnwrap(figure(y3, "C").value), 600, accuracy: 1e-9)
            XCTAssertEqual(y3.lineage?.withoutData.map(\.code), ["34X3"])
            XCTAssertEqual(y3.lineage?.sentencesVI.last, "Đơn vị tiền thân chưa có số liệu: Xã 3 tỉnh 34.")
        }
    }

    func testADivisionWithoutSharesGivesNoFigureAndSaysWhy() async throws {
        try await TestDatabases.each { rt in
            let store = rt.store
            try await Self.load(store)
            let y4 = try await store.evaluate(plan: Self.plan, period: "2024Q3", unit: "33Y4", unitsAsOf: Self.reform)
            XCTAssertEqual(figure(y4, "C").source, .missing, "never a guess")
            XCTAssertNil(figure(y4, "C").value)
            XCTAssertEqual(try XCTUnwrap(y4.lineage).sentencesVI,
                           ["Số liệu trước ngày 1/7/2025 (Quý III/2024, Quý II/2024, Quý III/2023): không so sánh được (Xã 4 tỉnh 34 chia tách)."])
            // The province took Thái Bình whole: its figure stands.
            let p = try await store.evaluate(plan: Self.plan, period: "2024Q3", unit: "33", unitsAsOf: Self.reform)
            XCTAssertEqual(figure(p, "C").value, 1357)
        }
    }

    func testAStockIsWhatExistsAtThePeriodsEnd() async throws {
        try await TestDatabases.each { rt in
            let store = rt.store
            try await Self.load(store)
            // 2025 spans the reform: the flows of both halves add up, but the stock is the new
            // communes' at 31/12, not theirs plus the closed communes' at 30/6.
            let year = try await store.evaluate(plan: Self.plan, period: "2025", unit: "33")
            XCTAssertEqual(figure(year, "S").value, 20)
            let h1 = try await store.evaluate(plan: Self.plan, period: "2025S1", unit: "33", unitsAsOf: Self.reform)
            XCTAssertEqual(figure(h1, "S").value, 10, "before the reform, the predecessors' stock at 30/6")
        }
    }

    func testABadAsOfDateIsRefusedInVietnamese() async throws {
        try await TestDatabases.each { rt in
            try await Self.load(rt.store)
            do {
                _ = try await rt.store.evaluate(plan: Self.plan, period: "2024Q3", unit: "33Y9", unitsAsOf: Self.reform)
                XCTFail("an unknown unit must be refused")
            } catch {
                XCTAssertTrue(String(describing: error).contains("đơn vị mã 33Y9"), "\(error)")
            }
        }
    }
}
