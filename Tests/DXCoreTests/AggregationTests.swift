import DXCore
import XCTest

/// Aggregation over the unit tree and over time (docs/evaluation.md §1–2).
final class AggregationTests: XCTestCase {
    typealias F = Fixture

    /// Province P with a department S and districts D1 (communes C11, C12) and D2 (C21–C23).
    private func tree() throws -> UnitTree {
        try UnitTree([
            F.unit("P", .province),
            F.unit("S", .department, parent: "P"),
            F.unit("D1", .district, parent: "P"),
            F.unit("C11", .commune, parent: "D1"),
            F.unit("C12", .commune, parent: "D1"),
            F.unit("D2", .district, parent: "P"),
            F.unit("C21", .commune, parent: "D2"),
            F.unit("C22", .commune, parent: "D2"),
            F.unit("C23", .commune, parent: "D2"),
        ])
    }

    private let rate = Indicator(code: "r", name: "Tỷ lệ hồ sơ xử lý trên môi trường mạng", measure: .rate,
                                 aggregation: .sum, temporal: .flow)
    private let count = Indicator(code: "c", name: "Số hồ sơ trực tuyến", measure: .count, aggregation: .sum,
                                  temporal: .flow)
    private let coverageRate = Indicator(code: "k", name: "Tỷ lệ hộ gia đình có cáp quang", measure: .rate,
                                         aggregation: .sum, temporal: .stock)

    // MARK: - Over units

    func testRatesAddNumeratorsAndDenominatorsNeverAverageTheRates() throws {
        // 9/10 = 90% and 10/100 = 10%: the mean of the rates is 50%, the true rate 19/110.
        let values = [
            F.value("r", "C11", "2024Q1", numerator: 9, denominator: 10),
            F.value("r", "C12", "2024Q1", numerator: 10, denominator: 100),
        ]
        let agg = IndicatorAggregator(indicator: rate, tree: try tree(), values: values)
        let d1 = agg.value(of: "D1", in: F.period("2024Q1"))
        XCTAssertEqual(d1.source, .aggregated)
        XCTAssertEqual(d1.numerator, 19)
        XCTAssertEqual(d1.denominator, 110)
        XCTAssertEqual(d1.value!, 17.272727, accuracy: 1e-6)
        XCTAssertNotEqual(d1.value!, 50, accuracy: 1)
        XCTAssertEqual(VNNumber.percent(d1.value!), "17,27%")
        // The province adds the same parts: D2 has no data and adds nothing.
        let p = agg.value(of: "P", in: F.period("2024Q1"))
        XCTAssertEqual(p.numerator, 19)
        XCTAssertEqual(p.denominator, 110)
    }

    func testCountsAndAmountsAddUp() throws {
        let values = [
            F.value("c", "C11", "2024", value: 120),
            F.value("c", "C12", "2024", value: 0),
            F.value("c", "C21", "2024", value: 1_445_401),
            F.value("c", "S", "2024", value: 0),
        ]
        let agg = IndicatorAggregator(indicator: count, tree: try tree(), values: values)
        XCTAssertEqual(agg.value(of: "D1", in: .year(2024)).value, 120)
        XCTAssertEqual(agg.value(of: "P", in: .year(2024)).value, 1_445_521)
        XCTAssertEqual(VNNumber.format(Int(agg.value(of: "P", in: .year(2024)).value!)), "1.445.521")
    }

    func testAUnitsOwnFigureWinsOverItsUnitsSum() throws {
        // The district reports its own consolidated figure; its communes' figures are not added
        // to it a second time, and they still give coverage and drill-down.
        let values = [
            F.value("c", "D1", "2024", value: 500),
            F.value("c", "C11", "2024", value: 100),
            F.value("c", "C12", "2024", value: 200),
            F.value("c", "C21", "2024", value: 7),
        ]
        let agg = IndicatorAggregator(indicator: count, tree: try tree(), values: values)
        let d1 = agg.value(of: "D1", in: .year(2024))
        XCTAssertEqual(d1.source, .reported)
        XCTAssertEqual(d1.value, 500)
        XCTAssertEqual(d1.parts.map(\.unitCode), ["C11", "C12"])
        XCTAssertEqual(d1.parts.map(\.value), [100, 200])
        XCTAssertEqual(agg.value(of: "P", in: .year(2024)).value, 507)
    }

    func testARateGivenOnlyAsAPercentageCannotEnterARatioOfSums() throws {
        let values = [
            F.value("r", "C11", "2024Q1", numerator: 30, denominator: 40),
            F.value("r", "C12", "2024Q1", value: 90),
        ]
        let agg = IndicatorAggregator(indicator: rate, tree: try tree(), values: values)
        let d1 = agg.value(of: "D1", in: F.period("2024Q1"))
        XCTAssertEqual(d1.value, 75)
        XCTAssertEqual(d1.notCombinable, ["C12"])
        XCTAssertEqual(d1.coverage.reporting, ["C11", "C12"])
    }

    func testAZeroDenominatorGivesNoRateButItsPartsStillAdd() throws {
        let values = [
            F.value("r", "C11", "2024Q1", numerator: 0, denominator: 0),
            F.value("r", "C12", "2024Q1", numerator: 5, denominator: 10),
        ]
        let agg = IndicatorAggregator(indicator: rate, tree: try tree(), values: values)
        XCTAssertNil(agg.value(of: "C11", in: F.period("2024Q1")).value)
        XCTAssertEqual(agg.value(of: "D1", in: F.period("2024Q1")).value, 50)
        let empty = IndicatorAggregator(indicator: rate, tree: try tree(), values: [values[0]])
        XCTAssertNil(empty.value(of: "D1", in: F.period("2024Q1")).value, "0/0 is no rate, not 0%")
    }

    func testIndicatorsThatAreNotAggregableListTheirParts() throws {
        let share = Indicator(code: "g", name: "Kinh tế số chiếm % GRDP", measure: .amount, unitOfMeasure: "% GRDP",
                              aggregation: .none, temporal: .stock)
        let values = [
            F.value("g", "D1", "2024", value: 4.1),
            F.value("g", "C21", "2024", value: 2.5),
            F.value("g", "C22", "2024", value: 3.5),
        ]
        let agg = IndicatorAggregator(indicator: share, tree: try tree(), values: values)
        let p = agg.value(of: "P", in: .year(2024))
        XCTAssertEqual(p.source, .missing)
        XCTAssertNil(p.value, "shares of GRDP are not added up")
        XCTAssertEqual(p.parts.map(\.unitCode), ["D1", "C21", "C22"])
        XCTAssertEqual(p.parts.map(\.value), [4.1, 2.5, 3.5])
        // A figure of the node's own stands.
        let own = IndicatorAggregator(indicator: share, tree: try tree(),
                                      values: values + [F.value("g", "P", "2024", value: 5.2)])
        XCTAssertEqual(own.value(of: "P", in: .year(2024)).value, 5.2)
    }

    // MARK: - Coverage

    func testPartialCoverageIsReportedAndMissingIsNotZero() throws {
        // 15 communes in one district; 12 report, one of them a true zero.
        var units = [F.unit("D", .district)]
        for i in 1...15 { units.append(F.unit("X\(i)", .commune, parent: "D")) }
        var values: [DataValue] = []
        for i in 1...12 {
            values.append(F.value("r", "X\(i)", "2024Q1", numerator: i == 1 ? 0 : 10, denominator: 20))
        }
        let agg = IndicatorAggregator(indicator: rate, tree: try UnitTree(units), values: values)
        let d = agg.value(of: "D", in: F.period("2024Q1"))
        XCTAssertEqual(d.coverage.labelVI, "12/15 đơn vị có số liệu")
        XCTAssertEqual(d.coverage.labelEN, "12/15 units reporting")
        XCTAssertEqual(d.coverage.missing, ["X13", "X14", "X15"])
        XCTAssertFalse(d.coverage.isComplete)
        // The three missing communes add nothing to the denominator: 110/240, not 110/300.
        XCTAssertEqual(d.numerator, 110)
        XCTAssertEqual(d.denominator, 240)
        XCTAssertEqual(VNNumber.percent(d.value!), "45,83%")
        // A commune that reported 0 is reporting; one that reported nothing is missing.
        XCTAssertEqual(agg.value(of: "X1", in: F.period("2024Q1")).value, 0)
        let x13 = agg.value(of: "X13", in: F.period("2024Q1"))
        XCTAssertEqual(x13.source, .missing)
        XCTAssertNil(x13.value)
        XCTAssertEqual(x13.source.labelVI, "Chưa có số liệu")
    }

    func testNobodyReportingGivesAMissingValueNotZero() throws {
        let agg = IndicatorAggregator(indicator: count, tree: try tree(), values: [])
        let p = agg.value(of: "P", in: .year(2024))
        XCTAssertEqual(p.source, .missing)
        XCTAssertNil(p.value)
        XCTAssertFalse(p.hasData)
        XCTAssertEqual(p.coverage.labelVI, "0/6 đơn vị có số liệu")
    }

    func testExpectedReportersByKindCountAUnitWhoseUnitsReported() throws {
        // Departments and districts are expected; D2 sent nothing itself but its communes did.
        let values = [
            F.value("c", "S", "2024", value: 3),
            F.value("c", "C21", "2024", value: 4),
        ]
        let agg = IndicatorAggregator(indicator: count, tree: try tree(), values: values,
                                      expected: .kinds([.department, .district]))
        let p = agg.value(of: "P", in: .year(2024))
        XCTAssertEqual(p.coverage.expected, ["S", "D1", "D2"])
        XCTAssertEqual(p.coverage.reporting, ["S", "D2"])
        XCTAssertEqual(p.coverage.missing, ["D1"])
        XCTAssertEqual(p.coverage.labelVI, "2/3 đơn vị có số liệu")
        XCTAssertEqual(p.value, 7)
    }

    func testAUnitThatNoLongerExistedIsNotExpected() throws {
        let units = [
            F.unit("P", .province),
            F.unit("D", .district, parent: "P", validTo: CalendarDate(2025, 6, 30)),
            F.unit("X", .commune, parent: "P"),
        ]
        let agg = IndicatorAggregator(indicator: count, tree: try UnitTree(units), values: [F.value("c", "X", "2025Q3", value: 1)])
        XCTAssertEqual(agg.value(of: "P", in: F.period("2025Q3")).coverage.labelVI, "1/1 đơn vị có số liệu")
        XCTAssertEqual(agg.value(of: "P", in: F.period("2025Q2")).coverage.labelVI, "0/2 đơn vị có số liệu")
    }

    // MARK: - Over time

    func testFlowsAddUpTheirQuartersAndStocksTakeTheLatest() throws {
        let units = [F.unit("X", .commune)]
        let flows = [10.0, 20, 30, 40].enumerated().map { F.value("c", "X", "2024Q\($0.offset + 1)", value: $0.element) }
        let flow = IndicatorAggregator(indicator: count, tree: try UnitTree(units), values: flows)
        XCTAssertEqual(flow.value(of: "X", in: .halfYear(2024, 1)).value, 30)
        XCTAssertEqual(flow.value(of: "X", in: .nineMonths(2024)).value, 60)
        XCTAssertEqual(flow.value(of: "X", in: .year(2024)).value, 100)
        XCTAssertEqual(flow.value(of: "X", in: .year(2024)).periodsUsed.map(\.identifier),
                       ["2024Q1", "2024Q2", "2024Q3", "2024Q4"])

        // The same quarters of a coverage rate: the year is its state at the end, Q4.
        let stocks = [50.0, 60, 70, 80].enumerated().map {
            F.value("k", "X", "2024Q\($0.offset + 1)", numerator: $0.element, denominator: 100)
        }
        let stock = IndicatorAggregator(indicator: coverageRate, tree: try UnitTree(units), values: stocks)
        XCTAssertEqual(stock.value(of: "X", in: .halfYear(2024, 1)).value, 60)
        XCTAssertEqual(stock.value(of: "X", in: .year(2024)).value, 80)
        XCTAssertEqual(stock.value(of: "X", in: .year(2024)).periodsUsed.map(\.identifier), ["2024Q4"])

        // A flow rate over two quarters adds the parts: (50 + 60) / (100 + 100).
        let flowRate = IndicatorAggregator(indicator: rate, tree: try UnitTree(units), values: stocks.map {
            var v = $0
            v.indicatorCode = "r"
            return v
        })
        let s1 = flowRate.value(of: "X", in: .halfYear(2024, 1))
        XCTAssertEqual(s1.numerator, 110)
        XCTAssertEqual(s1.denominator, 200)
        XCTAssertEqual(s1.value, 55)
    }

    func testAFlowWithAQuarterMissingIsGivenAndMarkedPartial() throws {
        let values = ["2024Q1": 10.0, "2024Q2": 20, "2024Q4": 40].map { F.value("c", "C11", $0.key, value: $0.value) }
        let agg = IndicatorAggregator(indicator: count, tree: try tree(), values: values)
        let c = agg.value(of: "C11", in: .year(2024))
        XCTAssertEqual(c.value, 70)
        XCTAssertEqual(c.missingPeriods.map(\.identifier), ["2024Q3"])
        XCTAssertFalse(c.coversPeriod)
        XCTAssertEqual(agg.value(of: "D1", in: .year(2024)).coverage.partial, ["C11"])
    }

    func testALongerReportedPeriodIsPreferredToItsPieces() throws {
        // S1 reported as a whole and Q1, Q2 also: the half-year's own figure is taken.
        let values = [
            F.value("c", "X", "2024S1", value: 35),
            F.value("c", "X", "2024Q1", value: 10),
            F.value("c", "X", "2024Q2", value: 20),
            F.value("c", "X", "2024Q3", value: 5),
        ]
        let agg = IndicatorAggregator(indicator: count, tree: try UnitTree([F.unit("X", .commune)]), values: values)
        XCTAssertEqual(agg.value(of: "X", in: .halfYear(2024, 1)).value, 35)
        XCTAssertEqual(agg.value(of: "X", in: .nineMonths(2024)).value, 40)
        XCTAssertEqual(agg.value(of: "X", in: .year(2024)).missingPeriods.map(\.identifier), ["2024Q4"])
    }

    func testAStockOlderThanThePeriodIsMarkedAndAStockStandsForAnyPeriodEndingTheSameDay() throws {
        let values = [F.value("k", "X", "2024S1", numerator: 54, denominator: 100)]
        let agg = IndicatorAggregator(indicator: coverageRate, tree: try UnitTree([F.unit("X", .commune)]), values: values)
        let year = agg.value(of: "X", in: .year(2024))
        XCTAssertEqual(year.value, 54)
        XCTAssertEqual(year.asOf, CalendarDate(2024, 6, 30))
        XCTAssertFalse(year.coversPeriod)
        // The half-year's state at 30/06 is the second quarter's.
        XCTAssertEqual(agg.value(of: "X", in: .quarter(2024, 2)).value, 54)
        XCTAssertTrue(agg.value(of: "X", in: .quarter(2024, 2)).coversPeriod)
        XCTAssertNil(agg.value(of: "X", in: .quarter(2024, 1)).value)
    }

    func testTheLaterOfTwoValuesForOnePeriodWins() throws {
        let early = Date(timeIntervalSince1970: 1_700_000_000)
        var a = F.value("c", "X", "2024", value: 1)
        a.updatedAt = early.addingTimeInterval(60)
        var b = F.value("c", "X", "2024", value: 2)
        b.updatedAt = early
        let agg = IndicatorAggregator(indicator: count, tree: try UnitTree([F.unit("X", .commune)]), values: [a, b])
        XCTAssertEqual(agg.value(of: "X", in: .year(2024)).value, 1)
        let unreadable = IndicatorAggregator(indicator: count, tree: try UnitTree([F.unit("X", .commune)]),
                                             values: [F.value("c", "X", "2024-13", value: 1)])
        XCTAssertEqual(unreadable.unreadable.count, 1)
    }

    // MARK: - Properties

    /// For flows reported by the leaves only, every node's aggregate is the sum of its
    /// children's aggregates, for counts and for both parts of rates, for every period.
    func testPropertyAFlowNodeIsTheSumOfItsChildren() throws {
        var rng = SeededGenerator(seed: 2024)
        for round in 0..<40 {
            var units = [F.unit("R", .province)]
            var frontier = ["R"]
            var leaves: [String] = []
            var n = 0
            while let parent = frontier.first {
                frontier.removeFirst()
                let depth = parent.split(separator: "-").count
                let children = depth >= 4 ? 0 : Int.random(in: 0...4, using: &rng)
                if children == 0 { leaves.append(parent) }
                for _ in 0..<children {
                    n += 1
                    let code = parent + "-\(n)"
                    units.append(F.unit(code, depth == 1 ? .district : .commune, parent: parent))
                    frontier.append(code)
                }
            }
            let tree = try UnitTree(units)
            var values: [DataValue] = []
            for leaf in leaves {
                for q in 1...4 where Int.random(in: 0..<4, using: &rng) > 0 {
                    let d = Double(Int.random(in: 0...500, using: &rng))
                    let num = Double(Int.random(in: 0...Int(d), using: &rng))
                    values.append(F.value("c", leaf, "2024Q\(q)", value: Double(Int.random(in: 0...1000, using: &rng))))
                    values.append(F.value("r", leaf, "2024Q\(q)", numerator: num, denominator: d))
                }
            }
            let counts = IndicatorAggregator(indicator: count, tree: tree, values: values)
            let rates = IndicatorAggregator(indicator: rate, tree: tree, values: values)
            for period in [Period.year(2024), .halfYear(2024, 1), .nineMonths(2024), .quarter(2024, 3)] {
                for unit in units where !tree.children(of: unit.code).isEmpty {
                    let kids = tree.children(of: unit.code).map(\.code)
                    let node = counts.value(of: unit.code, in: period)
                    let parts = counts.values(of: kids, in: period).compactMap(\.value)
                    XCTAssertEqual(node.value, parts.isEmpty ? nil : parts.reduce(0, +),
                                   "round \(round), \(unit.code), \(period)")
                    let r = rates.value(of: unit.code, in: period)
                    let rp = rates.values(of: kids, in: period)
                    let nums = rp.compactMap(\.numerator), dens = rp.compactMap(\.denominator)
                    XCTAssertEqual(r.numerator, nums.isEmpty ? nil : nums.reduce(0, +))
                    XCTAssertEqual(r.denominator, dens.isEmpty ? nil : dens.reduce(0, +))
                }
                // Over time too: a leaf's year is the sum of the quarters it reported.
                for leaf in leaves {
                    let quarters = period.subPeriods(of: .quarter).compactMap { counts.value(of: leaf, in: $0).value }
                    XCTAssertEqual(counts.value(of: leaf, in: period).value, quarters.isEmpty ? nil : quarters.reduce(0, +))
                }
            }
            // Coverage counts every leaf once at the root.
            XCTAssertEqual(counts.value(of: "R", in: .year(2024)).coverage.expected.count, leaves.count)
        }
    }
}
