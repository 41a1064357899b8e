import XCTest
@testable import DXCore

final class PeriodContainmentTests: XCTestCase {
    private func ids(_ periods: [Period]) -> [String] { periods.map(\.identifier) }
    private func ids(_ periods: [Period]?) -> [String]? { periods.map(ids) }

    func testContainmentIsByCalendarDays() throws {
        XCTAssertTrue(Period.year(2024).contains(.quarter(2024, 3)))
        XCTAssertTrue(Period.nineMonths(2024).contains(.quarter(2024, 3)))
        XCTAssertFalse(Period.nineMonths(2024).contains(.quarter(2024, 4)))
        XCTAssertTrue(Period.halfYear(2024, 1).contains(.month(2024, 6)))
        XCTAssertFalse(Period.halfYear(2024, 1).contains(.month(2024, 7)))
        XCTAssertFalse(Period.year(2024).contains(.quarter(2023, 4)))
        XCTAssertTrue(Period.quarter(2024, 1).contains(.quarter(2024, 1)))
        let crossing = try Period.custom(from: CalendarDate(2023, 12, 15), to: CalendarDate(2024, 3, 14))
        XCTAssertFalse(Period.year(2024).contains(crossing))
        XCTAssertFalse(crossing.contains(.quarter(2024, 1)))
        XCTAssertTrue(crossing.contains(.month(2024, 2)))
        XCTAssertTrue(Period.quarter(2024, 1).contains(CalendarDate(2024, 2, 29)))
        XCTAssertFalse(Period.quarter(2024, 1).contains(CalendarDate(2024, 4, 1)))
    }

    func testAYearSplitsIntoQuartersHalvesAndMonths() {
        let y = Period.year(2024)
        XCTAssertEqual(ids(y.subPeriods(of: .quarter)), ["2024Q1", "2024Q2", "2024Q3", "2024Q4"])
        XCTAssertEqual(ids(y.subPeriods(of: .halfYear)), ["2024S1", "2024S2"])
        XCTAssertEqual(ids(y.subPeriods(of: .month)), (1...12).map { String(format: "2024%02d", $0) })
        XCTAssertEqual(ids(y.subPeriods(of: .nineMonths)), ["2024N9"])
        XCTAssertEqual(ids(y.subPeriods(of: .year)), ["2024"])
        XCTAssertEqual(y.subPeriods(of: .custom), [])
    }

    func testCumulativePeriodsSplitIntoTheirQuarters() {
        XCTAssertEqual(ids(Period.halfYear(2024, 1).subPeriods(of: .quarter)), ["2024Q1", "2024Q2"])
        XCTAssertEqual(ids(Period.halfYear(2024, 2).subPeriods(of: .quarter)), ["2024Q3", "2024Q4"])
        XCTAssertEqual(ids(Period.nineMonths(2024).subPeriods(of: .quarter)), ["2024Q1", "2024Q2", "2024Q3"])
        XCTAssertEqual(ids(Period.nineMonths(2024).subPeriods(of: .halfYear)), ["2024S1"])
        XCTAssertEqual(ids(Period.quarter(2024, 3).subPeriods(of: .month)), ["202407", "202408", "202409"])
        XCTAssertEqual(Period.quarter(2024, 3).subPeriods(of: .halfYear), [])
    }

    func testACustomRangeHoldsOnlyWholePeriods() throws {
        let p = try Period.custom(from: CalendarDate(2023, 11, 15), to: CalendarDate(2024, 5, 31))
        XCTAssertEqual(ids(p.subPeriods(of: .month)), ["202312", "202401", "202402", "202403", "202404", "202405"])
        XCTAssertEqual(ids(p.subPeriods(of: .quarter)), ["2024Q1"])
        XCTAssertEqual(p.subPeriods(of: .year), [])
    }

    func testParentsShortestFirst() {
        XCTAssertEqual(ids(Period.quarter(2024, 3).parents), ["2024S2", "2024N9", "2024"])
        XCTAssertEqual(ids(Period.quarter(2024, 4).parents), ["2024S2", "2024"])
        XCTAssertEqual(ids(Period.month(2024, 3).parents), ["2024Q1", "2024S1", "2024N9", "2024"])
        XCTAssertEqual(ids(Period.halfYear(2024, 1).parents), ["2024N9", "2024"])
        XCTAssertEqual(ids(Period.nineMonths(2024).parents), ["2024"])
        XCTAssertEqual(Period.year(2024).parents, [])
    }

    func testACustomRangeHasTheCalendarPeriodsAroundIt() throws {
        let p = try Period.custom(from: CalendarDate(2024, 3, 1), to: CalendarDate(2024, 3, 31))
        XCTAssertEqual(ids(p.parents), ["202403", "2024Q1", "2024S1", "2024N9", "2024"])
        let crossing = try Period.custom(from: CalendarDate(2023, 12, 15), to: CalendarDate(2024, 1, 14))
        XCTAssertEqual(crossing.parents, [])
    }

    func testEnclosingType() throws {
        let q3 = Period.quarter(2024, 3)
        XCTAssertEqual(q3.enclosing(type: .halfYear), .halfYear(2024, 2))
        XCTAssertEqual(q3.enclosing(type: .nineMonths), .nineMonths(2024))
        XCTAssertEqual(q3.enclosing(type: .year), .year(2024))
        XCTAssertEqual(q3.enclosing(type: .quarter), q3)
        XCTAssertNil(q3.enclosing(type: .month))
        XCTAssertNil(q3.enclosing(type: .custom))
        XCTAssertNil(Period.quarter(2024, 4).enclosing(type: .nineMonths))
        let acrossHalves = try Period.custom(from: CalendarDate(2024, 6, 1), to: CalendarDate(2024, 7, 31))
        XCTAssertNil(acrossHalves.enclosing(type: .halfYear))
        XCTAssertEqual(acrossHalves.enclosing(type: .year), .year(2024))
    }

    func testEverySubPeriodHasItsContainerAmongItsParents() {
        let year = Period.year(2024)
        for type in PeriodType.allCases {
            for child in year.subPeriods(of: type) {
                for parent in PeriodType.allCases.flatMap({ year.subPeriods(of: $0) })
                where parent != child && parent.contains(child) {
                    XCTAssertTrue(child.parents.contains(parent), "\(child) in \(parent)")
                    XCTAssertTrue(parent.subPeriods(of: child.type).contains(child), "\(parent) ⊃ \(child)")
                }
            }
        }
    }

    func testCumulativeQuartersOfYearToDatePeriods() throws {
        XCTAssertEqual(ids(Period.halfYear(2024, 1).cumulativeQuarters), ["2024Q1", "2024Q2"])
        XCTAssertEqual(ids(Period.nineMonths(2024).cumulativeQuarters), ["2024Q1", "2024Q2", "2024Q3"])
        XCTAssertEqual(ids(Period.year(2024).cumulativeQuarters), ["2024Q1", "2024Q2", "2024Q3", "2024Q4"])
        XCTAssertEqual(ids(Period.quarter(2024, 1).cumulativeQuarters), ["2024Q1"])
        let firstHalf = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 6, 30))
        XCTAssertEqual(ids(firstHalf.cumulativeQuarters), ["2024Q1", "2024Q2"])
    }

    func testPeriodsNotFromTheStartOfTheYearHaveNoCumulativeQuarters() throws {
        XCTAssertNil(Period.halfYear(2024, 2).cumulativeQuarters)
        XCTAssertNil(Period.quarter(2024, 3).cumulativeQuarters)
        XCTAssertNil(Period.month(2024, 1).cumulativeQuarters)
        XCTAssertNil(try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 11, 30)).cumulativeQuarters)
    }

    func testYearToDateIsNamedWhenItCanBe() {
        XCTAssertEqual(Period.quarter(2024, 1).yearToDate, .quarter(2024, 1))
        XCTAssertEqual(Period.quarter(2024, 2).yearToDate, .halfYear(2024, 1))
        XCTAssertEqual(Period.quarter(2024, 3).yearToDate, .nineMonths(2024))
        XCTAssertEqual(Period.quarter(2024, 4).yearToDate, .year(2024))
        XCTAssertEqual(Period.halfYear(2024, 2).yearToDate, .year(2024))
        XCTAssertEqual(Period.month(2024, 1).yearToDate, .month(2024, 1))
        XCTAssertEqual(Period.month(2024, 5).yearToDate.identifier, "2024-01-01_2024-05-31")
    }

    // MARK: previous, next, same period last year

    func testPreviousIsTheSameTypeJustBefore() {
        XCTAssertEqual(Period.quarter(2024, 1).previous, .quarter(2023, 4))
        XCTAssertEqual(Period.quarter(2024, 3).previous, .quarter(2024, 2))
        XCTAssertEqual(Period.halfYear(2024, 1).previous, .halfYear(2023, 2))
        XCTAssertEqual(Period.halfYear(2024, 2).previous, .halfYear(2024, 1))
        XCTAssertEqual(Period.month(2024, 1).previous, .month(2023, 12))
        XCTAssertEqual(Period.month(2024, 3).previous, .month(2024, 2))
        XCTAssertEqual(Period.nineMonths(2024).previous, .nineMonths(2023))
        XCTAssertEqual(Period.year(2024).previous, .year(2023))
    }

    func testNextUndoesPrevious() {
        for type in PeriodType.allCases {
            for p in Period.year(2024).subPeriods(of: type) {
                XCTAssertEqual(p.previous.next, p)
                XCTAssertEqual(p.next.previous, p)
            }
        }
        XCTAssertEqual(Period.quarter(2024, 4).next, .quarter(2025, 1))
        XCTAssertEqual(Period.month(2024, 12).next, .month(2025, 1))
    }

    func testPreviousOfACustomRangeHasTheSameLength() throws {
        let p = try Period.custom(from: CalendarDate(2024, 3, 1), to: CalendarDate(2024, 3, 10))
        XCTAssertEqual(p.previous.identifier, "2024-02-20_2024-02-29")
        XCTAssertEqual(p.previous.next, p)
    }

    func testSamePeriodLastYear() {
        XCTAssertEqual(Period.quarter(2024, 3).samePeriodLastYear, .quarter(2023, 3))
        XCTAssertEqual(Period.halfYear(2024, 1).samePeriodLastYear, .halfYear(2023, 1))
        XCTAssertEqual(Period.month(2024, 2).samePeriodLastYear, .month(2023, 2))
        XCTAssertEqual(Period.nineMonths(2024).samePeriodLastYear, .nineMonths(2023))
        XCTAssertEqual(Period.year(2024).samePeriodLastYear, .year(2023))
    }

    func testSamePeriodLastYearOfACustomRangeKeepsDayAndMonth() throws {
        let p = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 11, 30))
        XCTAssertEqual(p.samePeriodLastYear.identifier, "2023-01-01_2023-11-30")
        let leap = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 2, 29))
        XCTAssertEqual(leap.samePeriodLastYear.identifier, "2023-01-01_2023-02-28")
    }
}
