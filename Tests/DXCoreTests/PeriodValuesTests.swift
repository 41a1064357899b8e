@testable import DXCore
import XCTest

/// A unit's values by period (`PeriodValues`) answer as a dictionary would, short or long (past
/// the length where they are indexed), after updates and removals.
final class PeriodValuesTests: XCTestCase {
    private func value(_ period: Period, _ n: Double) -> DataValue {
        DataValue(planCode: "P", indicatorCode: "1", unitCode: "U", periodID: period.identifier, value: n)
    }

    func testLookupsMatchADictionaryAsTheSeriesGrowsAndShrinks() {
        let months = (2023...2026).flatMap { y in (1...12).map { Period.calendar(.month, year: y, number: $0) } }
        let others = [Period.calendar(.year, year: 2024), Period.calendar(.quarter, year: 2025, number: 2)]
        var series = PeriodValues()
        var reference: [Period: DataValue] = [:]
        func check(_ step: String) {
            XCTAssertEqual(series.count, reference.count, step)
            for p in months + others { XCTAssertEqual(series[p], reference[p], "\(step): \(p.identifier)") }
            XCTAssertEqual(Set(series.map(\.period)), Set(reference.keys), step)
        }
        for (i, p) in months.enumerated() {
            series[p] = value(p, Double(i))
            reference[p] = value(p, Double(i))
            if i == 3 || i == 15 || i == 16 || i == 40 { check("after \(i + 1) months") }
        }
        // Updated in place, keeping its place in the order.
        series[months[5]] = value(months[5], -1)
        reference[months[5]] = value(months[5], -1)
        XCTAssertEqual(Array(series.map(\.period)), months)
        check("updated")
        for p in months.dropFirst(10) {
            series[p] = nil
            reference[p] = nil
        }
        check("back to ten")
        series[others[0]] = value(others[0], 7)
        reference[others[0]] = value(others[0], 7)
        check("a year added")
    }
}
