import XCTest
@testable import DXCore

/// Nghị định 09/2019/NĐ-CP: data from the 15th of the month before to the 14th of the last month.
final class PeriodCutOffTests: XCTestCase {
    private func window(_ p: Period) -> [CalendarDate] { [p.cutOff.from, p.cutOff.to] }

    func testMonthlyRunsFromThe15thOfThePreviousMonth() {
        XCTAssertEqual(window(.month(2024, 3)), [CalendarDate(2024, 2, 15), CalendarDate(2024, 3, 14)])
        XCTAssertEqual(window(.month(2024, 12)), [CalendarDate(2024, 11, 15), CalendarDate(2024, 12, 14)])
    }

    func testJanuaryStartsInTheDecemberBefore() {
        XCTAssertEqual(window(.month(2024, 1)), [CalendarDate(2023, 12, 15), CalendarDate(2024, 1, 14)])
    }

    func testQuarterlyRunsFromTheLastMonthOfThePreviousQuarter() {
        XCTAssertEqual(window(.quarter(2024, 1)), [CalendarDate(2023, 12, 15), CalendarDate(2024, 3, 14)])
        XCTAssertEqual(window(.quarter(2024, 2)), [CalendarDate(2024, 3, 15), CalendarDate(2024, 6, 14)])
        XCTAssertEqual(window(.quarter(2024, 3)), [CalendarDate(2024, 6, 15), CalendarDate(2024, 9, 14)])
        XCTAssertEqual(window(.quarter(2024, 4)), [CalendarDate(2024, 9, 15), CalendarDate(2024, 12, 14)])
    }

    func testHalvesYearAndNineMonths() {
        XCTAssertEqual(window(.halfYear(2024, 1)), [CalendarDate(2023, 12, 15), CalendarDate(2024, 6, 14)])
        // S2 is July–December on its own (DHIS2), so its data start where S1's stop.
        XCTAssertEqual(window(.halfYear(2024, 2)), [CalendarDate(2024, 6, 15), CalendarDate(2024, 12, 14)])
        XCTAssertEqual(window(.year(2024)), [CalendarDate(2023, 12, 15), CalendarDate(2024, 12, 14)])
        XCTAssertEqual(window(.nineMonths(2024)), [CalendarDate(2023, 12, 15), CalendarDate(2024, 9, 14)])
    }

    func testACustomRangeIsItsOwnWindow() throws {
        let p = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 11, 30))
        XCTAssertEqual(window(p), [CalendarDate(2024, 1, 1), CalendarDate(2024, 11, 30)])
    }

    func testConsecutiveWindowsTileTheYearWithoutGapOrOverlap() {
        for type in [PeriodType.month, .quarter, .halfYear] {
            let periods = Period.year(2024).subPeriods(of: type)
            XCTAssertEqual(periods.first?.cutOff.from, Period.year(2024).cutOff.from)
            XCTAssertEqual(periods.last?.cutOff.to, Period.year(2024).cutOff.to)
            for (a, b) in zip(periods, periods.dropFirst()) {
                XCTAssertEqual(a.cutOff.to.adding(days: 1), b.cutOff.from, "\(a) → \(b)")
            }
            XCTAssertEqual(periods.map(\.cutOff.dayCount).reduce(0, +), Period.year(2024).cutOff.dayCount)
        }
    }

    func testLeapYearsChangeTheLengthOfWindowsOverFebruary() {
        XCTAssertEqual(Period.month(2024, 3).cutOff.dayCount, 29)  // 15/2–14/3/2024, leap
        XCTAssertEqual(Period.month(2023, 3).cutOff.dayCount, 28)
        XCTAssertEqual(Period.quarter(2024, 1).cutOff.dayCount, 91)
        XCTAssertEqual(Period.year(2024).cutOff.dayCount, 366)  // 15/12/2023–14/12/2024 holds 29/2
        XCTAssertEqual(Period.year(2025).cutOff.dayCount, 365)
        XCTAssertTrue(Period.quarter(2024, 1).cutOff.contains(CalendarDate(2024, 2, 29)))
    }

    func testWindowContainsItsEndsOnly() {
        let w = Period.quarter(2024, 1).cutOff
        XCTAssertTrue(w.contains(CalendarDate(2023, 12, 15)))
        XCTAssertTrue(w.contains(CalendarDate(2024, 3, 14)))
        XCTAssertFalse(w.contains(CalendarDate(2023, 12, 14)))
        XCTAssertFalse(w.contains(CalendarDate(2024, 3, 15)))
        XCTAssertEqual(w.labelVI, "từ 15/12/2023 đến 14/03/2024")
    }

    // MARK: deadlines

    func testDefaultDeadlineIsThe20thOfTheLastMonth() {
        XCTAssertEqual(Period.quarter(2024, 1).defaultDeadline(), CalendarDate(2024, 3, 20))
        XCTAssertEqual(Period.halfYear(2024, 1).defaultDeadline(), CalendarDate(2024, 6, 20))
        XCTAssertEqual(Period.nineMonths(2024).defaultDeadline(), CalendarDate(2024, 9, 20))
        XCTAssertEqual(Period.year(2024).defaultDeadline(), CalendarDate(2024, 12, 20))
        XCTAssertEqual(Period.month(2024, 1).defaultDeadline(), CalendarDate(2024, 1, 20))
        XCTAssertEqual(Period.year(2024).defaultDeadline(dayOfMonth: 25), CalendarDate(2024, 12, 25))
    }

    func testADeadlineRightAfterTheCutOffMovesPastTheWeekend() {
        // 14/9/2024 is a Saturday: the 15th is Sunday, Monday 16th is the first working day.
        XCTAssertEqual(Period.quarter(2024, 3).defaultDeadline(dayOfMonth: 15), CalendarDate(2024, 9, 16))
        // 14/6/2024 is a Friday: Saturday 15th is no working day, Monday 17th is.
        XCTAssertEqual(Period.halfYear(2024, 1).defaultDeadline(dayOfMonth: 15), CalendarDate(2024, 6, 17))
        // 14/3/2024 is a Thursday: Friday 15th is fine.
        XCTAssertEqual(Period.quarter(2024, 1).defaultDeadline(dayOfMonth: 15), CalendarDate(2024, 3, 15))
    }

    func testADayBeforeTheCutOffEndsFallsInTheNextMonth() {
        XCTAssertEqual(Period.month(2024, 3).defaultDeadline(dayOfMonth: 10), CalendarDate(2024, 4, 10))
        XCTAssertEqual(Period.month(2024, 12).defaultDeadline(dayOfMonth: 14), CalendarDate(2025, 1, 14))
    }

    func testACustomRangeFallsDueOnTheNextSuchDay() throws {
        let toNov30 = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 11, 30))
        XCTAssertEqual(toNov30.defaultDeadline(), CalendarDate(2024, 12, 20))
        let toMar10 = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 3, 10))
        XCTAssertEqual(toMar10.defaultDeadline(), CalendarDate(2024, 3, 20))
        // Ends Friday 20/12/2024: the 21st is a Saturday, so Monday 23rd.
        let toDec20 = try Period.custom(from: CalendarDate(2024, 12, 1), to: CalendarDate(2024, 12, 20))
        XCTAssertEqual(toDec20.defaultDeadline(dayOfMonth: 21), CalendarDate(2024, 12, 23))
    }

    func testADayTheMonthLacksMeansItsLastDay() {
        XCTAssertEqual(Period.halfYear(2024, 1).defaultDeadline(dayOfMonth: 31), CalendarDate(2024, 6, 30))
        XCTAssertEqual(Period.month(2023, 2).defaultDeadline(dayOfMonth: 30), CalendarDate(2023, 2, 28))
        XCTAssertEqual(Period.month(2024, 2).defaultDeadline(dayOfMonth: 30), CalendarDate(2024, 2, 29))
    }

    func testEveryDeadlineLeavesAWorkingDayAfterTheCutOff() {
        for year in 2023...2026 {
            let periods = PeriodType.allCases.flatMap { Period.year(year).subPeriods(of: $0) }
            for p in periods {
                for day in [1, 14, 15, 16, 20, 25, 31] {
                    let deadline = p.defaultDeadline(dayOfMonth: day)
                    let firstWorkingDay = Period.nextWorkingDay(after: p.cutOff.to)
                    XCTAssertGreaterThanOrEqual(deadline, firstWorkingDay, "\(p) day \(day)")
                    XCTAssertFalse(firstWorkingDay.isWeekend)
                }
            }
        }
    }

    func testNextWorkingDay() {
        XCTAssertEqual(Period.nextWorkingDay(after: CalendarDate(2024, 3, 14)), CalendarDate(2024, 3, 15))  // Thu → Fri
        XCTAssertEqual(Period.nextWorkingDay(after: CalendarDate(2024, 6, 14)), CalendarDate(2024, 6, 17))  // Fri → Mon
        XCTAssertEqual(Period.nextWorkingDay(after: CalendarDate(2024, 12, 14)), CalendarDate(2024, 12, 16))  // Sat → Mon
        XCTAssertEqual(Period.nextWorkingDay(after: CalendarDate(2024, 1, 14)), CalendarDate(2024, 1, 15))  // Sun → Mon
        XCTAssertEqual(Period.nextWorkingDay(after: CalendarDate(2024, 12, 31)), CalendarDate(2025, 1, 1))  // Tue → Wed
    }
}
