import XCTest
@testable import DXCore

final class VNDateFormattingTests: XCTestCase {
    func testNumericDatesHaveTwoDigitDayAndMonth() {
        XCTAssertEqual(VNDate.numeric(CalendarDate(2024, 6, 27)), "27/06/2024")
        XCTAssertEqual(VNDate.numeric(CalendarDate(2024, 1, 5)), "05/01/2024")
        XCTAssertEqual(VNDate.numeric(CalendarDate(2024, 12, 31)), "31/12/2024")
    }

    func testRunningTextDatesAreNotPadded() {
        XCTAssertEqual(VNDate.numeric(CalendarDate(2024, 3, 10), padded: false), "10/3/2024")
        XCTAssertEqual(VNDate.numeric(CalendarDate(2024, 7, 5), padded: false), "5/7/2024")
    }

    func testDocumentDatePadsDaysBelowTenAndOnlyJanuaryAndFebruary() {
        XCTAssertEqual(VNDate.documentDate(place: "Thái Bình", CalendarDate(2024, 7, 5)),
                       "Thái Bình, ngày 05 tháng 7 năm 2024")
        XCTAssertEqual(VNDate.documentDate(place: "Thái Bình", CalendarDate(2024, 1, 15)),
                       "Thái Bình, ngày 15 tháng 01 năm 2024")
        XCTAssertEqual(VNDate.documentDate(place: "Hà Nội", CalendarDate(2024, 2, 9)),
                       "Hà Nội, ngày 09 tháng 02 năm 2024")
        XCTAssertEqual(VNDate.documentDate(place: "Đà Nẵng", CalendarDate(2023, 12, 20)),
                       "Đà Nẵng, ngày 20 tháng 12 năm 2023")
        XCTAssertEqual(VNDate.documentDate(place: "Thái Bình", CalendarDate(2024, 10, 1)),
                       "Thái Bình, ngày 01 tháng 10 năm 2024")
    }

    func testDocumentDateWithoutAPlace() {
        XCTAssertEqual(VNDate.documentDate(CalendarDate(2024, 6, 27)), "ngày 27 tháng 6 năm 2024")
        XCTAssertEqual(VNDate.documentDate(place: "  ", CalendarDate(2024, 6, 27)), "ngày 27 tháng 6 năm 2024")
    }

    func testMonthLabels() {
        XCTAssertEqual(VNDate.monthLabel(month: 6, year: 2024), "Tháng 6/2024")
        XCTAssertEqual(VNDate.monthLabel(CalendarDate(2024, 12, 1)), "Tháng 12/2024")
        XCTAssertEqual(VNDate.monthLabel(month: 6, year: 2024, locale: .en), "June 2024")
        XCTAssertEqual(VNDate.monthLabel(CalendarDate(2024, 1, 31), locale: .en), "January 2024")
    }
}

final class VNDateParsingTests: XCTestCase {
    let june27 = CalendarDate(2024, 6, 27)

    func testReadsDayFirstWithAnySeparator() {
        XCTAssertEqual(VNDate.parse("27/06/2024"), june27)
        XCTAssertEqual(VNDate.parse("27/6/2024"), june27)
        XCTAssertEqual(VNDate.parse("27-06-2024"), june27)
        XCTAssertEqual(VNDate.parse("27.06.2024"), june27)
        XCTAssertEqual(VNDate.parse("5/7/2024"), CalendarDate(2024, 7, 5))
        XCTAssertEqual(VNDate.parse("  27/06/2024 "), june27)
    }

    func testReadsISODates() {
        XCTAssertEqual(VNDate.parse("2024-06-27"), june27)
        XCTAssertEqual(VNDate.parse("2024/6/27"), june27)
    }

    func testReadsTheDocumentForm() {
        XCTAssertEqual(VNDate.parse("Thái Bình, ngày 05 tháng 7 năm 2024"), CalendarDate(2024, 7, 5))
        XCTAssertEqual(VNDate.parse("ngày 27 tháng 6 năm 2024"), june27)
        XCTAssertEqual(VNDate.parse("ngay 15 thang 01 nam 2024"), CalendarDate(2024, 1, 15))
    }

    func testFormattedDatesReadBack() {
        for date in [june27, CalendarDate(2024, 1, 5), CalendarDate(2000, 2, 29)] {
            XCTAssertEqual(VNDate.parse(VNDate.numeric(date)), date)
            XCTAssertEqual(VNDate.parse(VNDate.numeric(date, padded: false)), date)
            XCTAssertEqual(VNDate.parse(VNDate.documentDate(place: "Thái Bình", date)), date)
            XCTAssertEqual(VNDate.parse(date.iso), date)
        }
    }

    func testRejectsDaysThatDoNotExist() {
        for bad in ["31/04/2024", "29/02/2023", "30/02/2024", "00/06/2024", "32/01/2024",
                    "15/13/2024", "15/00/2024", "2024-02-30", "ngày 31 tháng 4 năm 2024"] {
            XCTAssertNil(VNDate.parse(bad), "\"\(bad)\" should be rejected")
        }
        XCTAssertEqual(VNDate.parse("29/02/2024"), CalendarDate(2024, 2, 29))
    }

    func testRejectsWhatIsNotADate() {
        for bad in ["", "abc", "27/06", "27/6/24", "27/06-2024", "27//2024", "2024-06", "27 06 2024",
                    "027/06/2024", "27/06/02024", "27/06/2024/1", "27/06/0000", "+27/06/2024",
                    "ngày 27 tháng 6", "１/１/２０２４", "2024-06-27T10:00"] {
            XCTAssertNil(VNDate.parse(bad), "\"\(bad)\" should be rejected")
        }
    }

    func testErrorsSayInVietnameseWhatIsWrong() {
        XCTAssertThrowsError(try VNDate.parseOrThrow("31/04/2024")) { error in
            XCTAssertEqual((error as? VNDate.ParseError)?.reason, .noSuchDay(day: 31, month: 4, year: 2024))
            XCTAssertEqual("\(error)", "\"31/04/2024\" không phải là ngày hợp lệ: tháng 4 năm 2024 chỉ có 30 ngày")
        }
        XCTAssertThrowsError(try VNDate.parseOrThrow("15/13/2024")) { error in
            XCTAssertEqual("\(error)", "\"15/13/2024\" không phải là ngày hợp lệ: không có tháng 13")
        }
        XCTAssertThrowsError(try VNDate.parseOrThrow("hôm qua")) { error in
            XCTAssertEqual(error.localizedDescription,
                           "\"hôm qua\" không phải là ngày hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 27/06/2024")
        }
        XCTAssertThrowsError(try VNDate.parseOrThrow("")) { error in
            XCTAssertEqual("\(error)", "Chưa nhập ngày")
        }
    }
}
