@testable import DXCore
import XCTest

final class CalendarDateTests: XCTestCase {
    /// Period names and ISO days are padded without Foundation's formatter, to the same text.
    func testZeroPaddingIsWhatTheFormatterGives() {
        for n in [0, 1, 9, 10, 99, 100, 999, 1000, 2025, 9998, 12345, -1, -42] {
            for width in [2, 4] {
                XCTAssertEqual(CalendarDate.padded(n, width), String(format: "%0\(width)d", n), "\(n) to \(width)")
            }
        }
        XCTAssertEqual(CalendarDate(999, 1, 5).iso, "0999-01-05")
        XCTAssertEqual(Period.calendar(.month, year: 2025, number: 7).identifier, "202507")
    }

    func testOnlyRealDaysExist() {
        XCTAssertNil(CalendarDate(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2024, month: 4, day: 31))
        XCTAssertNil(CalendarDate(iso: "2024-6-1"))
        XCTAssertEqual(CalendarDate(iso: "2024-06-01"), CalendarDate(2024, 6, 1))
    }

    func testDayArithmeticAcrossYearsAndWeekdays() {
        XCTAssertEqual(CalendarDate(2023, 12, 31).adding(days: 1), CalendarDate(2024, 1, 1))
        XCTAssertEqual(CalendarDate(2024, 3, 1).adding(days: -1), CalendarDate(2024, 2, 29))
        XCTAssertEqual(CalendarDate(1970, 1, 1).dayNumber, 0)
        XCTAssertEqual(CalendarDate(2024, 6, 14).isoWeekday, 5)  // a Friday
        XCTAssertTrue(CalendarDate(2024, 6, 15).isWeekend)
    }

    func testTodayIsTheDayInVietnam() {
        // 2024-06-30 17:30 UTC is already 1 July in Hà Nội.
        let instant = Date(timeIntervalSince1970: 1_719_768_600)
        XCTAssertEqual(CalendarDate.today(now: instant), CalendarDate(2024, 7, 1))
    }
}
