import DXCore
import XCTest

/// Periods to and from DHIS2's identifiers and ADX's start/duration; the nine months and date
/// ranges, which DHIS2 has no type for, refused in Vietnamese.
final class PeriodDHIS2Tests: XCTestCase {
    func testIdentifiersAndADXPeriodsBothWays() throws {
        for (id, adx) in [("2024", "2024-01-01/P1Y"), ("2024S2", "2024-07-01/P6M"), ("2024Q1", "2024-01-01/P3M"),
                          ("2024Q4", "2024-10-01/P3M"), ("202402", "2024-02-01/P1M"), ("202412", "2024-12-01/P1M")] {
            let p = try Period.fromDHIS2(id)
            XCTAssertEqual(try p.dhis2Identifier(), id)
            XCTAssertEqual(try p.adxPeriod(), adx)
            XCTAssertEqual(try Period.fromADX(adx), p, adx)
        }
        // Other spellings ISO 8601 allows for the same days.
        XCTAssertEqual(try Period.fromADX("2024-01-01/P12M").identifier, "2024")
        XCTAssertEqual(try Period.fromADX("2024-02-01/P29D").identifier, "202402")
        XCTAssertEqual(try Period.fromADX("2023-02-01/P28D").identifier, "202302")
    }

    func testNineMonthsAndDateRangesAreRefusedInVietnamese() {
        let nine = "kỳ 9 tháng đầu năm 2024 (2024N9) là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này"
        XCTAssertThrowsError(try Period.fromDHIS2("2024N9")) { XCTAssertTrue(($0 as? Period.DHIS2Problem)?.message.hasPrefix(nine) == true, "\($0)") }
        XCTAssertThrowsError(try Period.fromADX("2024-01-01/P9M")) { XCTAssertTrue(($0 as? Period.DHIS2Problem)?.message.hasPrefix(nine) == true, "\($0)") }
        XCTAssertThrowsError(try Period.nineMonths(2024).adxPeriod())
        XCTAssertThrowsError(try Period.nineMonths(2024).dhis2Identifier())
        XCTAssertThrowsError(try Period.fromDHIS2("2024-01-01_2024-11-30")) {
            XCTAssertTrue(($0 as? Period.DHIS2Problem)?.message.contains("khoảng ngày tự chọn") == true, "\($0)")
        }
        XCTAssertThrowsError(try Period.fromADX("2024-01-01/P334D")) {
            XCTAssertTrue(($0 as? Period.DHIS2Problem)?.message.contains("khoảng ngày tự chọn") == true, "\($0)")
        }
        for bad in ["2024-01-15/P1M", "2024-01-01", "2024-01-01/P", "2024-01-01/3M", "2024-01-01/P0M", "2024-13-01/P1M",
                    "2024-01-01/P1M/x", "2024-01-01/P99999Y", "2024Q5", "24Q1"] {
            XCTAssertThrowsError(try bad.contains("/") || bad.count == 10 ? Period.fromADX(bad) : Period.fromDHIS2(bad), bad)
        }
    }
}
