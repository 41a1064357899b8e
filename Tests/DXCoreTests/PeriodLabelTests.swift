import Foundation
import XCTest
@testable import DXCore

final class PeriodLabelTests: XCTestCase {
    private func custom(_ from: CalendarDate, _ to: CalendarDate) -> Period {
        try! Period.custom(from: from, to: to)
    }

    func testVietnameseLabelsAsReportsWriteThem() {
        XCTAssertEqual(Period.year(2024).labelVI, "năm 2024")
        XCTAssertEqual(Period.halfYear(2024, 1).labelVI, "6 tháng đầu năm 2024")
        XCTAssertEqual(Period.halfYear(2024, 2).labelVI, "6 tháng cuối năm 2024")
        XCTAssertEqual(Period.nineMonths(2024).labelVI, "9 tháng đầu năm 2024")
        XCTAssertEqual(Period.month(2024, 3).labelVI, "Tháng 3/2024")
        XCTAssertEqual(Period.month(2024, 12).labelVI, "Tháng 12/2024")
        XCTAssertEqual(custom(CalendarDate(2024, 1, 1), CalendarDate(2024, 11, 30)).labelVI,
                       "từ 01/01/2024 đến 30/11/2024")
    }

    func testQuartersUseRomanNumerals() {
        XCTAssertEqual((1...4).map { Period.quarter(2024, $0).labelVI },
                       ["Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024"])
    }

    func testHeadingsStartWithACapital() {
        XCTAssertEqual(Period.year(2024).headingVI, "Năm 2024")
        XCTAssertEqual(Period.halfYear(2024, 1).headingVI, "6 tháng đầu năm 2024")
        XCTAssertEqual(Period.quarter(2024, 4).headingVI, "Quý IV/2024")
        XCTAssertEqual(Period.month(2024, 3).headingVI, "Tháng 3/2024")
        XCTAssertEqual(custom(CalendarDate(2024, 1, 1), CalendarDate(2024, 11, 30)).headingVI,
                       "Từ 01/01/2024 đến 30/11/2024")
    }

    func testEnglishLabels() {
        XCTAssertEqual(Period.year(2024).labelEN, "Year 2024")
        XCTAssertEqual(Period.halfYear(2024, 1).labelEN, "First half of 2024")
        XCTAssertEqual(Period.halfYear(2024, 2).labelEN, "Second half of 2024")
        XCTAssertEqual(Period.quarter(2024, 1).labelEN, "Q1 2024")
        XCTAssertEqual(Period.quarter(2024, 4).labelEN, "Q4 2024")
        XCTAssertEqual(Period.month(2024, 3).labelEN, "March 2024")
        XCTAssertEqual(Period.month(2024, 12).labelEN, "December 2024")
        XCTAssertEqual(Period.nineMonths(2024).labelEN, "First 9 months of 2024")
        XCTAssertEqual(custom(CalendarDate(2024, 1, 1), CalendarDate(2024, 11, 30)).labelEN,
                       "01/01/2024 – 30/11/2024")
    }

    /// `==` on String ignores normalisation, so compare scalars: stored text must be NFC.
    func testVietnameseLabelsAreNFC() {
        var periods = PeriodType.allCases.filter { $0 != .custom }.flatMap { Period.year(2024).subPeriods(of: $0) }
        periods.append(custom(CalendarDate(2024, 1, 1), CalendarDate(2024, 11, 30)))
        for p in periods {
            for label in [p.labelVI, p.headingVI, p.cutOff.labelVI] {
                XCTAssertEqual(Array(label.unicodeScalars),
                               Array(label.precomposedStringWithCanonicalMapping.unicodeScalars), label)
            }
        }
        for type in PeriodType.allCases {
            XCTAssertEqual(Array(type.nameVI.unicodeScalars),
                           Array(type.nameVI.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    func testEveryLabelOfAYearIsDistinct() {
        let periods = PeriodType.allCases.flatMap { Period.year(2024).subPeriods(of: $0) }
        XCTAssertEqual(periods.count, 1 + 2 + 4 + 12 + 1)
        XCTAssertEqual(Set(periods.map(\.labelVI)).count, periods.count)
        XCTAssertEqual(Set(periods.map(\.labelEN)).count, periods.count)
    }
}
