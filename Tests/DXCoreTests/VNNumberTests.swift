import XCTest
@testable import DXCore

final class VNNumberFormattingTests: XCTestCase {
    func testIntegersGroupThousandsWithDots() {
        XCTAssertEqual(VNNumber.format(1_445_521), "1.445.521")
        XCTAssertEqual(VNNumber.format(1013), "1.013")
        XCTAssertEqual(VNNumber.format(999), "999")
        XCTAssertEqual(VNNumber.format(0), "0")
        XCTAssertEqual(VNNumber.format(-1234), "-1.234")
        XCTAssertEqual(VNNumber.format(Int.min), "-9.223.372.036.854.775.808")
    }

    func testEnglishGroupsWithCommasAndUsesADecimalPoint() {
        XCTAssertEqual(VNNumber.format(1_445_521, locale: .en), "1,445,521")
        XCTAssertEqual(VNNumber.format(1445.5, locale: .en), "1,445.5")
        XCTAssertEqual(VNNumber.percent(56.25, locale: .en), "56.25%")
    }

    func testDecimalsUseAComma() {
        XCTAssertEqual(VNNumber.format(56.25), "56,25")
        XCTAssertEqual(VNNumber.format(1_445_521.5), "1.445.521,5")
        XCTAssertEqual(VNNumber.format(0.5), "0,5")
        XCTAssertEqual(VNNumber.format(-0.5), "-0,5")
    }

    func testTrailingZerosAreTrimmedUnlessAskedToKeepThem() {
        XCTAssertEqual(VNNumber.format(80.6), "80,6")
        XCTAssertEqual(VNNumber.format(3.0), "3")
        XCTAssertEqual(VNNumber.format(80.6, fractionDigits: 2, trimZeros: false), "80,60")
        XCTAssertEqual(VNNumber.format(3.0, fractionDigits: 1, trimZeros: false), "3,0")
        XCTAssertEqual(VNNumber.format(16.129, fractionDigits: 0), "16")
    }

    func testRoundsHalfAwayFromZeroOnTheDecimalAsWritten() {
        // 56.245 is stored as 56.24499999…; the reader sees 56,245 and expects 56,25.
        XCTAssertEqual(VNNumber.format(56.245), "56,25")
        XCTAssertEqual(VNNumber.format(-56.245), "-56,25")
        XCTAssertEqual(VNNumber.format(2.675), "2,68")
        XCTAssertEqual(VNNumber.format(1.005), "1,01")
        XCTAssertEqual(VNNumber.format(0.5, fractionDigits: 0), "1")
        XCTAssertEqual(VNNumber.format(-2.5, fractionDigits: 0), "-3")
        XCTAssertEqual(VNNumber.format(9.995), "10")
        XCTAssertEqual(VNNumber.format(999.9995, fractionDigits: 3), "1.000")
    }

    func testBinaryNoiseOfArithmeticDoesNotDecideTheRounding() {
        XCTAssertEqual(0.145 * 100, 14.499999999999998)
        XCTAssertEqual(VNNumber.format(0.145 * 100, fractionDigits: 0), "15")
        XCTAssertEqual(VNNumber.format(0.1 + 0.2), "0,3")
    }

    func testValuesThatRoundToZeroHaveNoMinusSign() {
        XCTAssertEqual(VNNumber.format(-0.001), "0")
        XCTAssertEqual(VNNumber.format(-0.0), "0")
    }

    func testVeryLargeAndVerySmallValues() {
        XCTAssertEqual(VNNumber.format(1e16), "10.000.000.000.000.000")
        XCTAssertEqual(VNNumber.format(0.00001), "0")
        XCTAssertEqual(VNNumber.format(0.00005, fractionDigits: 4), "0,0001")
        XCTAssertEqual(VNNumber.format(1.5e-7, fractionDigits: 7), "0,0000002")
    }

    func testNaNAndInfinityShowThePlaceholder() {
        XCTAssertEqual(VNNumber.format(.nan), "—")
        XCTAssertEqual(VNNumber.format(.infinity), "—")
        XCTAssertEqual(VNNumber.percent(-.infinity), "—")
        XCTAssertEqual(VNNumber.index(.nan), "—")
    }

    func testPercentHasNoSpaceBeforeTheSign() {
        XCTAssertEqual(VNNumber.percent(56.25), "56,25%")
        XCTAssertEqual(VNNumber.percent(80.6), "80,6%")
        XCTAssertEqual(VNNumber.percent(100), "100%")
        XCTAssertEqual(VNNumber.percent(16.129, fractionDigits: 0), "16%")
    }

    func testPercentOfCountsIsExact() {
        // Domain §12: "06 (7,56%)" of 79 is really 7,59%.
        XCTAssertEqual(VNNumber.percent(6, of: 79), "7,59%")
        XCTAssertEqual(VNNumber.percent(25, of: 31, fractionDigits: 1), "80,6%")
        XCTAssertEqual(VNNumber.percent(5, of: 31, fractionDigits: 0), "16%")
        XCTAssertEqual(VNNumber.percent(1, of: 8, fractionDigits: 0), "13%")
        XCTAssertEqual(VNNumber.percent(-1, of: 8, fractionDigits: 0), "-13%")
        XCTAssertEqual(VNNumber.percent(1, of: 3, fractionDigits: 2, trimZeros: false), "33,33%")
        XCTAssertEqual(VNNumber.percent(1, of: 2, fractionDigits: 2, trimZeros: false), "50,00%")
        XCTAssertEqual(VNNumber.percent(1013, of: 1013), "100%")
    }

    func testPercentOfNothingIsThePlaceholder() {
        XCTAssertEqual(VNNumber.percent(0, of: 0), "—")
    }

    func testPercentOfHugeCountsFallsBackToFloatingPoint() {
        XCTAssertEqual(VNNumber.percent(Int.max / 2, of: Int.max, fractionDigits: 0), "50%")
    }

    func testFractionsShowDoneOverPlanned() {
        XCTAssertEqual(VNNumber.fraction(1013, 1013), "1.013/1.013")
        XCTAssertEqual(VNNumber.fraction(5, 31), "5/31")
        XCTAssertEqual(VNNumber.fraction(9, 16, width: 2), "09/16")
        XCTAssertEqual(VNNumber.fraction(12.5, 40.0), "12,5/40")
        XCTAssertEqual(VNNumber.fraction(1013, 1013, locale: .en), "1,013/1,013")
    }

    func testCountsInSummaryLinesArePaddedToTwoDigits() {
        XCTAssertEqual(VNNumber.padded(5), "05")
        XCTAssertEqual(VNNumber.padded(0), "00")
        XCTAssertEqual(VNNumber.padded(16), "16")
        XCTAssertEqual(VNNumber.padded(100), "100")
        XCTAssertEqual(VNNumber.padded(1013), "1.013")
        XCTAssertEqual(VNNumber.padded(7, width: 3), "007")
        XCTAssertEqual(VNNumber.padded(-5), "-05")
    }

    func testIndexValuesHaveFourFixedDigits() {
        // Đà Nẵng 2022 (domain §9): 800,2 points of 1.000.
        XCTAssertEqual(VNNumber.index(800.2 / 1000), "0,8002")
        XCTAssertEqual(VNNumber.index(0.8), "0,8000")
        XCTAssertEqual(VNNumber.index(1), "1,0000")
        XCTAssertEqual(VNNumber.index(0.80025), "0,8003")
        XCTAssertEqual(VNNumber.index(0.8002, locale: .en), "0.8002")
    }

    func testNegativeFractionDigitsAreTreatedAsZero() {
        XCTAssertEqual(VNNumber.format(56.7, fractionDigits: -1), "57")
    }
}

final class VNNumberParsingTests: XCTestCase {
    func testReadsWhatPeopleType() {
        XCTAssertEqual(VNNumber.parse("56,25"), 56.25)
        XCTAssertEqual(VNNumber.parse("56.25"), 56.25)
        XCTAssertEqual(VNNumber.parse("1.445.521"), 1_445_521)
        XCTAssertEqual(VNNumber.parse("1,445,521"), 1_445_521)
        XCTAssertEqual(VNNumber.parse("1 445 521"), 1_445_521)
        XCTAssertEqual(VNNumber.parse("0,5"), 0.5)
        XCTAssertEqual(VNNumber.parse("0,8002"), 0.8002)
        XCTAssertEqual(VNNumber.parse("05"), 5)
        XCTAssertEqual(VNNumber.parse("0"), 0)
    }

    func testAcceptsNoBreakAndNarrowNoBreakSpacesAsGrouping() {
        XCTAssertEqual(VNNumber.parse("1\u{00A0}445\u{00A0}521"), 1_445_521)
        XCTAssertEqual(VNNumber.parse("1\u{202F}445\u{202F}521"), 1_445_521)
        XCTAssertEqual(VNNumber.parse("1 445 521,5"), 1_445_521.5)
        XCTAssertEqual(VNNumber.parse("1 445.5"), 1445.5)
    }

    func testIgnoresSurroundingWhitespace() {
        XCTAssertEqual(VNNumber.parse("  56,25\t"), 56.25)
        XCTAssertEqual(VNNumber.parse("\u{00A0}12\n"), 12)
    }

    func testStripsOneTrailingPercentSign() {
        XCTAssertEqual(VNNumber.parse("56,25%"), 56.25)
        XCTAssertEqual(VNNumber.parse("56,25 %"), 56.25)
        XCTAssertEqual(VNNumber.parse("56,25\u{00A0}%"), 56.25)
        XCTAssertEqual(VNNumber.parse("-7,5%"), -7.5)
    }

    func testAcceptsOneLeadingSign() {
        XCTAssertEqual(VNNumber.parse("-3"), -3)
        XCTAssertEqual(VNNumber.parse("+3"), 3)
        XCTAssertEqual(VNNumber.parse("\u{2212}3"), -3, "the minus sign pasted from Word")
        XCTAssertEqual(VNNumber.parse("-1.234"), -1234)
    }

    func testALeadingSeparatorMeansZeroPoint() {
        XCTAssertEqual(VNNumber.parse(",5"), 0.5)
        XCTAssertEqual(VNNumber.parse(".5"), 0.5)
        XCTAssertEqual(VNNumber.parse(".500"), 0.5)
        XCTAssertEqual(VNNumber.parse("-,25"), -0.25)
    }

    func testALoneDotBeforeThreeDigitsGroupsThousandsAsInVietnamese() {
        XCTAssertEqual(VNNumber.parse("1.445"), 1445)
        XCTAssertEqual(VNNumber.parse("12.000"), 12000)
        XCTAssertEqual(VNNumber.parse("-100.000"), -100_000)
    }

    func testALoneDotIsADecimalPointWhenItCannotBeGrouping() {
        XCTAssertEqual(VNNumber.parse("56.25"), 56.25)
        XCTAssertEqual(VNNumber.parse("1.4455"), 1.4455)
        XCTAssertEqual(VNNumber.parse("0.445"), 0.445, "no group starts with 0")
        XCTAssertEqual(VNNumber.parse("1234.567"), 1234.567, "a first group has at most 3 digits")
    }

    func testALoneCommaIsTheDecimalCommaEvenBeforeThreeDigits() {
        XCTAssertEqual(VNNumber.parse("1,445"), 1.445)
        XCTAssertEqual(VNNumber.parse("12,000"), 12.0)
    }

    func testWithBothSeparatorsTheLastIsTheDecimal() {
        XCTAssertEqual(VNNumber.parse("1.445,5"), 1445.5)
        XCTAssertEqual(VNNumber.parse("1,445.5"), 1445.5)
        XCTAssertEqual(VNNumber.parse("1.445.521,25"), 1_445_521.25)
        XCTAssertEqual(VNNumber.parse("1,445,521.25"), 1_445_521.25)
    }

    func testRejectsWhatIsNotANumber() {
        for bad in ["", "   ", "abc", "12a", "1e5", "nan", "1..2", "1,,2", "5.", "5,", "--1", "+-1",
                    "1-", "1+2", "1.44.5", "12,3,4", "1,2,3,4", "1.445,5,5", "1,445.521,5",
                    "1.445 521", "1 445.521.000", "0.445.521", "1234.567.890", "%", "5%%", "%5",
                    "5 % %", "- 3", "1 ,5", "١٢", "1 234,5 %x"] {
            XCTAssertNil(VNNumber.parse(bad), "\"\(bad)\" should be rejected")
        }
    }

    func testRejectsOverlongInput() {
        XCTAssertNil(VNNumber.parse(String(repeating: "1", count: 101)))
        XCTAssertNotNil(VNNumber.parse(String(repeating: "1", count: 100)))
    }

    func testErrorsSayInVietnameseWhatIsWrong() {
        XCTAssertThrowsError(try VNNumber.parseOrThrow("12,3,4")) { error in
            let e = error as? VNNumber.ParseError
            XCTAssertEqual(e?.reason, .badGrouping)
            XCTAssertEqual(e?.message,
                           "\"12,3,4\" không phải là số hợp lệ: mỗi nhóm hàng nghìn phải có đủ 3 chữ số")
            XCTAssertEqual(error.localizedDescription, e?.message)
        }
        XCTAssertThrowsError(try VNNumber.parseOrThrow("12a")) { error in
            XCTAssertEqual((error as? VNNumber.ParseError)?.reason, .invalidCharacter("a"))
            XCTAssertEqual("\(error)", "\"12a\" không phải là số hợp lệ: có ký tự \"a\"")
        }
        XCTAssertThrowsError(try VNNumber.parseOrThrow(" ")) { error in
            XCTAssertEqual((error as? VNNumber.ParseError)?.message, "Chưa nhập số")
        }
        XCTAssertThrowsError(try VNNumber.parseOrThrow("--1")) { error in
            XCTAssertEqual((error as? VNNumber.ParseError)?.reason, .misplacedSign)
        }
        XCTAssertThrowsError(try VNNumber.parseOrThrow("5%%")) { error in
            XCTAssertEqual((error as? VNNumber.ParseError)?.reason, .misplacedPercent)
        }
        XCTAssertThrowsError(try VNNumber.parseOrThrow("1..2")) { error in
            XCTAssertEqual((error as? VNNumber.ParseError)?.reason, .misplacedSeparator)
        }
    }

    func testThrowingVariantReturnsTheValue() throws {
        XCTAssertEqual(try VNNumber.parseOrThrow("1.445.521"), 1_445_521)
    }

    func testIntegerCountsRejectFractionsAndPercentages() {
        XCTAssertEqual(VNNumber.parseInteger("05"), 5)
        XCTAssertEqual(VNNumber.parseInteger("1.013"), 1013)
        XCTAssertEqual(VNNumber.parseInteger("1 013"), 1013)
        XCTAssertEqual(VNNumber.parseInteger("-2"), -2)
        XCTAssertNil(VNNumber.parseInteger("1,5"))
        XCTAssertNil(VNNumber.parseInteger("5%"))
        XCTAssertNil(VNNumber.parseInteger("99999999999999999999"))
        XCTAssertNil(VNNumber.parseInteger("x"))
    }

    func testFormattedNumbersReadBack() {
        for x in [0.0, 1, 56.25, -1234.5, 1_445_521, 0.8002, 999_999.99] {
            XCTAssertEqual(VNNumber.parse(VNNumber.format(x, fractionDigits: 4)), x)
            XCTAssertEqual(VNNumber.parse(VNNumber.format(x, fractionDigits: 4, locale: .en)), x)
            XCTAssertEqual(VNNumber.parse(VNNumber.percent(x, fractionDigits: 4)), x)
        }
    }
}
