import Foundation
import XCTest
@testable import DXCore

final class PeriodIdentifierTests: XCTestCase {
    func testEachTypeHasItsDHIS2StyleIdentifier() {
        XCTAssertEqual(Period.year(2024).identifier, "2024")
        XCTAssertEqual(Period.halfYear(2024, 1).identifier, "2024S1")
        XCTAssertEqual(Period.halfYear(2024, 2).identifier, "2024S2")
        XCTAssertEqual(Period.quarter(2024, 1).identifier, "2024Q1")
        XCTAssertEqual(Period.quarter(2024, 4).identifier, "2024Q4")
        XCTAssertEqual(Period.month(2024, 3).identifier, "202403")
        XCTAssertEqual(Period.month(2024, 12).identifier, "202412")
        XCTAssertEqual(Period.nineMonths(2024).identifier, "2024N9")
        XCTAssertEqual(try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 11, 30)).identifier,
                       "2024-01-01_2024-11-30")
    }

    func testEveryPeriodOfAYearRoundTripsThroughItsIdentifier() throws {
        var all: [Period] = [.year(2024), .nineMonths(2024)]
        all += (1...2).map { Period.halfYear(2024, $0) }
        all += (1...4).map { Period.quarter(2024, $0) }
        all += (1...12).map { Period.month(2024, $0) }
        all.append(try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 11, 30)))
        all.append(try Period.custom(from: CalendarDate(2023, 12, 15), to: CalendarDate(2024, 3, 14)))
        all.append(try Period.custom(from: CalendarDate(2024, 3, 10), to: CalendarDate(2024, 3, 10)))
        for p in all {
            XCTAssertEqual(Period(identifier: p.identifier), p, p.identifier)
            XCTAssertEqual(try Period.parse(p.identifier), p, p.identifier)
        }
        XCTAssertEqual(Set(all.map(\.identifier)).count, all.count)
    }

    func testRoundTripsHoldAcrossSupportedYears() {
        for year in [Period.supportedYears.lowerBound, 1900, 2000, 2100, Period.supportedYears.upperBound] {
            for type in PeriodType.allCases where type != .custom {
                for p in Period.year(year).subPeriods(of: type) {
                    XCTAssertEqual(Period(identifier: p.identifier), p, p.identifier)
                }
            }
        }
    }

    func testParsingGivesTheTypeAndCalendarBounds() throws {
        let q1 = try Period.parse("2024Q1")
        XCTAssertEqual(q1.type, .quarter)
        XCTAssertEqual(q1.start, CalendarDate(2024, 1, 1))
        XCTAssertEqual(q1.end, CalendarDate(2024, 3, 31))
        XCTAssertEqual(q1.year, 2024)
        XCTAssertEqual(q1.number, 1)

        XCTAssertEqual(try Period.parse("2024S2").start, CalendarDate(2024, 7, 1))
        XCTAssertEqual(try Period.parse("2024S2").end, CalendarDate(2024, 12, 31))
        XCTAssertEqual(try Period.parse("2024N9").end, CalendarDate(2024, 9, 30))
        XCTAssertEqual(try Period.parse("202402").end, CalendarDate(2024, 2, 29))
        XCTAssertEqual(try Period.parse("202302").end, CalendarDate(2023, 2, 28))
        XCTAssertEqual(try Period.parse("2024").type, .year)
    }

    func testACustomRangeAcrossYearsBelongsToTheYearItEnds() throws {
        let p = try Period.parse("2023-12-15_2024-12-14")
        XCTAssertEqual(p.type, .custom)
        XCTAssertEqual(p.year, 2024)
        XCTAssertNil(p.number)
    }

    func testACustomRangeWithCalendarBoundsStaysCustom() throws {
        let p = try Period.parse("2024-01-01_2024-03-31")
        XCTAssertEqual(p.type, .custom)
        XCTAssertNotEqual(p, .quarter(2024, 1))
        XCTAssertEqual(p.identifier, "2024-01-01_2024-03-31")
    }

    func testBadIdentifiersAreRejectedWithAMessageShowingTheForms() {
        let bad = [
            "2024Q5", "2024Q0", "2024S3", "2024S0", "202413", "202400", "24Q1", "", " ", "2024 ",
            " 2024Q1", "2024 Q1", "2024q1", "2024s1", "2024n9", "2024N8", "2024N", "2024Q", "2024Q12",
            "20241", "2024-03", "+024", "+02401", "20240３", "２０２４", "999", "0999", "9999",
            "2024-11-30_2024-01-01", "2023-02-29_2023-03-01", "2024-01-01_2023-02-29",
            "2024-1-01_2024-11-30", "2024-01-01-2024-11-30", "2024-01-01_2024-11-30 ",
            "2024-01-01_+024-11-30", "2024-01-01_2024-+1-30", "2024-04-31_2024-05-01",
            "0999-01-01_2024-01-01", "2024-01-01", "2024W1", "2024Q1S1",
        ]
        for text in bad {
            XCTAssertNil(Period(identifier: text), text)
            XCTAssertThrowsError(try Period.parse(text), text) { error in
                XCTAssertEqual(error as? Period.Problem, .invalidIdentifier(text))
                XCTAssertEqual(error.localizedDescription, """
                    Mã kỳ báo cáo không hợp lệ: "\(text)". \
                    Dạng đúng: 2024, 2024S1, 2024Q3, 202403, 2024N9 hoặc 2024-01-01_2024-11-30.
                    """)
            }
        }
    }

    func testALeapDayIsAcceptedOnlyInALeapYear() {
        XCTAssertNotNil(Period(identifier: "2024-02-29_2024-03-01"))
        XCTAssertNil(Period(identifier: "2023-02-29_2023-03-01"))
        XCTAssertNotNil(Period(identifier: "2000-02-29_2000-02-29"))
        XCTAssertNil(Period(identifier: "1900-02-29_1900-03-01"))
    }

    func testACustomRangeMustNotEndBeforeItStarts() {
        let from = CalendarDate(2024, 11, 30), to = CalendarDate(2024, 1, 1)
        XCTAssertThrowsError(try Period.custom(from: from, to: to)) { error in
            XCTAssertEqual(error as? Period.Problem, .endBeforeStart(from: from, to: to))
            XCTAssertEqual(error.localizedDescription,
                           "Kỳ báo cáo không hợp lệ: ngày bắt đầu 30/11/2024 sau ngày kết thúc 01/01/2024.")
        }
        XCTAssertThrowsError(try Period.custom(from: CalendarDate(1, 1, 1), to: to)) { error in
            XCTAssertEqual(error as? Period.Problem, .outOfRange(from: CalendarDate(1, 1, 1), to: to))
        }
    }

    func testCodableAsTheIdentifierString() throws {
        let periods: [Period] = [.quarter(2024, 3), .month(2024, 1), .nineMonths(2024),
                                 try .custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 11, 30))]
        let json = try JSONEncoder().encode(periods)
        XCTAssertEqual(String(decoding: json, as: UTF8.self),
                       #"["2024Q3","202401","2024N9","2024-01-01_2024-11-30"]"#)
        XCTAssertEqual(try JSONDecoder().decode([Period].self, from: json), periods)
    }

    func testDecodingABadIdentifierFailsWithTheVietnameseMessage() {
        XCTAssertThrowsError(try JSONDecoder().decode([Period].self, from: Data(#"["2024Q5"]"#.utf8))) { error in
            guard case DecodingError.dataCorrupted(let context) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(context.debugDescription.hasPrefix("Mã kỳ báo cáo không hợp lệ: \"2024Q5\"."))
        }
    }

    func testDescriptionIsTheIdentifier() {
        XCTAssertEqual("\(Period.halfYear(2024, 1))", "2024S1")
    }

    /// Among periods ending the same day the longer one (earlier start) comes first.
    func testPeriodsSortByEndThenStart() throws {
        let custom = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 3, 31))
        let shuffled: [Period] = [.year(2024), .quarter(2024, 4), .nineMonths(2024), .quarter(2024, 3),
                                  .month(2024, 3), custom, .quarter(2024, 1), .halfYear(2024, 2), .year(2023)]
        XCTAssertEqual(shuffled.sorted().map(\.identifier), [
            "2023", "2024Q1", "2024-01-01_2024-03-31", "202403", "2024N9", "2024Q3", "2024", "2024S2", "2024Q4",
        ])
    }

    func testSameDaysOfDifferentTypesAreOrderedButNotEqual() throws {
        let custom = try Period.custom(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 3, 31))
        let q1 = Period.quarter(2024, 1)
        XCTAssertTrue(q1 < custom)
        XCTAssertFalse(custom < q1)
        XCTAssertNotEqual(q1, custom)
    }
}
