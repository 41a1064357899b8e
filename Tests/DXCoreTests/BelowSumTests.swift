import DXCore
import XCTest

/// `BelowSum`: a subtree summed elsewhere (the database) stands for the recursion over its units
/// and gives the same figures and coverage, only without the drill-down below the unit.
final class BelowSumTests: XCTestCase {
    typealias F = Fixture

    /// Country N with provinces P (district D1: communes C11, C12; department S) and Q (communes Q1, Q2).
    private func tree() throws -> UnitTree {
        try UnitTree([
            F.unit("N", .other),
            F.unit("P", .province, parent: "N"),
            F.unit("S", .department, parent: "P"),
            F.unit("D1", .district, parent: "P"),
            F.unit("C11", .commune, parent: "D1"),
            F.unit("C12", .commune, parent: "D1"),
            F.unit("Q", .province, parent: "N"),
            F.unit("Q1", .commune, parent: "Q"),
            F.unit("Q2", .commune, parent: "Q"),
        ])
    }

    private func withoutDeepParts(_ a: AggregatedValue) -> AggregatedValue {
        var v = a
        v.parts = a.parts.map { var p = $0; p.parts = []; return p }
        return v
    }

    func testASummedSubtreeGivesTheRecursionsFiguresAndCoverage() throws {
        let rate = Indicator(code: "r", name: "Tỷ lệ", measure: .rate, aggregation: .sum, temporal: .flow)
        let q = F.period("2024Q1")
        // D1 gives its own figure (it wins over C11, C12); Q has one commune reporting 0/0.
        let values = [
            F.value("r", "D1", "2024Q1", numerator: 30, denominator: 40),
            F.value("r", "C11", "2024Q1", numerator: 9, denominator: 10),
            F.value("r", "C12", "2024Q1", numerator: 1, denominator: 100),
            F.value("r", "S", "2024Q1", numerator: 5, denominator: 5),
            F.value("r", "Q1", "2024Q1", numerator: 0, denominator: 0),
        ]
        let tree = try tree()
        // What the database gives for the frontier below P and Q: D1 and S, and Q1.
        let below: [String: [Period: BelowSum]] = [
            "P": [q: BelowSum(numerator: 35, denominator: 45, reportingChildren: ["S", "D1"])],
            "Q": [q: BelowSum(numerator: 0, denominator: 0, reportingChildren: ["Q1"])],
        ]
        for unit in ["N", "P", "Q"] {
            let expected = ExpectedReporters.units(Set(tree.children(of: unit).map(\.code)))
            let full = IndicatorAggregator(indicator: rate, tree: tree, values: values, expected: expected)
            let ownOnly = values.filter { ["N", "P", "Q"].contains($0.unitCode) }
            let summed = IndicatorAggregator(indicator: rate, tree: tree, values: ownOnly, expected: expected, below: below)
            let a = summed.value(of: unit, in: q), b = full.value(of: unit, in: q)
            if unit == "N" {
                XCTAssertEqual(withoutDeepParts(a), withoutDeepParts(b), unit)
            } else {
                var c = b
                c.parts = []
                XCTAssertEqual(a, c, unit)
            }
        }
        let summed = IndicatorAggregator(indicator: rate, tree: tree, values: [], expected: .units(["Q1", "Q2"]), below: below)
        let qValue = summed.value(of: "Q", in: q)
        XCTAssertTrue(qValue.isZeroOverZero)
        XCTAssertEqual(qValue.source, .aggregated)
        XCTAssertEqual(qValue.coverage.missing, ["Q2"])
        // A period the database did not sum has nothing below, as values that were not read.
        XCTAssertEqual(summed.value(of: "Q", in: F.period("2024Q2")).source, .missing)
    }

    func testTheUnitsOwnFigureStillWins() throws {
        let count = Indicator(code: "c", name: "Số", measure: .count, aggregation: .sum, temporal: .flow)
        let q = F.period("2024Q1")
        let tree = try tree()
        let below: [String: [Period: BelowSum]] = ["Q": [q: BelowSum(value: 70, reportingChildren: ["Q1", "Q2"])]]
        let own = [F.value("c", "Q", "2024Q1", value: 100)]
        let agg = IndicatorAggregator(indicator: count, tree: tree, values: own, expected: .units(["Q1", "Q2"]), below: below)
        let v = agg.value(of: "Q", in: q)
        XCTAssertEqual(v.value, 100)
        XCTAssertEqual(v.source, .reported)
        XCTAssertEqual(v.provenanceVI(kind: .province), ["Số liệu của tỉnh", "2/2 đơn vị trực thuộc đã báo cáo"])
        let sum = IndicatorAggregator(indicator: count, tree: tree, values: [], expected: .units(["P", "Q"]), below: below)
        XCTAssertEqual(sum.value(of: "N", in: q).value, 70)
        XCTAssertEqual(sum.value(of: "N", in: q).coverage.reporting, ["Q"])
    }
}
