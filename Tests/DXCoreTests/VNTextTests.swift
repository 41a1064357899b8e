import XCTest
@testable import DXCore

final class VNTextTests: XCTestCase {
    /// "Truyền thông" typed as base letters followed by combining marks (NFD).
    let decomposed = "Truye\u{0302}\u{0300}n tho\u{0302}ng"

    func testNFCComposesDecomposedInput() {
        let nfc = VNText.nfc(decomposed)
        XCTAssertEqual(Array(nfc.unicodeScalars), Array("Truy\u{1EC1}n th\u{00F4}ng".unicodeScalars))
        XCTAssertEqual(VNText.nfc("Thái Bình"), "Thái Bình")
    }

    func testCleanCollapsesWhitespaceAndComposes() {
        XCTAssertEqual(VNText.clean("  Sở\u{00A0}Thông tin \n và   Truyền thông "),
                       "Sở Thông tin và Truyền thông")
        XCTAssertEqual(Array(VNText.clean(decomposed).unicodeScalars).count, "Truyền thông".unicodeScalars.count)
    }

    func testSearchKeyDropsToneMarksAndCase() {
        XCTAssertEqual(VNText.searchKey("Sở Thông tin và Truyền thông"), "so thong tin va truyen thong")
        XCTAssertEqual(VNText.searchKey("Hưng Hà"), "hung ha")
        XCTAssertEqual(VNText.searchKey("Ủy ban nhân dân tỉnh Thái Bình"), "uy ban nhan dan tinh thai binh")
        XCTAssertEqual(VNText.searchKey("Nhận thức số"), "nhan thuc so")
    }

    func testSearchKeyTreatsDStrokeAsD() {
        XCTAssertEqual(VNText.searchKey("ĐỒNG"), "dong")
        XCTAssertEqual(VNText.searchKey("Đà Nẵng"), "da nang")
        XCTAssertEqual(VNText.searchKey("Ban Chỉ đạo"), "ban chi dao")
        XCTAssertEqual(VNText.searchKey("\u{00D0}ồng"), "dong", "Icelandic Ð, which looks the same as Đ")
    }

    func testSearchKeyIsTheSameForComposedAndDecomposedInput() {
        XCTAssertEqual(VNText.searchKey(decomposed), "truyen thong")
        let name = "Đà Nẵng Hưng Hà Thủy Nguyên"
        XCTAssertEqual(VNText.searchKey(name.decomposedStringWithCanonicalMapping), VNText.searchKey(name))
    }

    func testSearchKeyCollapsesAndTrimsWhitespace() {
        XCTAssertEqual(VNText.searchKey("  Hưng\u{00A0}\u{00A0}Hà\t\nxã "), "hung ha xa")
        XCTAssertEqual(VNText.searchKey(""), "")
    }

    func testSearchKeyKeepsDigitsAndPunctuation() {
        XCTAssertEqual(VNText.searchKey("Kế hoạch 83/KH-BCĐ"), "ke hoach 83/kh-bcd")
    }

    func testMatchesNeedsEveryQueryWordInAnyOrder() {
        let unit = "Sở Thông tin và Truyền thông"
        XCTAssertTrue(VNText.matches(query: "truyen thong", in: unit))
        XCTAssertTrue(VNText.matches(query: "Truyền  THÔNG sở", in: unit))
        XCTAssertTrue(VNText.matches(query: "tin", in: unit))
        XCTAssertTrue(VNText.matches(query: "thôn", in: unit), "words match as substrings")
        XCTAssertFalse(VNText.matches(query: "truyen hinh", in: unit))
        XCTAssertTrue(VNText.matches(query: "da nang", in: "UBND thành phố Đà Nẵng"))
        XCTAssertTrue(VNText.matches(query: "đà", in: "Da Nang"))
    }

    func testAnEmptyQueryMatchesEverything() {
        XCTAssertTrue(VNText.matches(query: "", in: "Hưng Hà"))
        XCTAssertTrue(VNText.matches(query: "   ", in: ""))
    }

    func testUppercasingKeepsVietnameseLetters() {
        XCTAssertEqual(VNText.uppercased("Ban Chỉ đạo"), "BAN CHỈ ĐẠO")
        XCTAssertEqual(VNText.uppercased("Độc lập - Tự do - Hạnh phúc"), "ĐỘC LẬP - TỰ DO - HẠNH PHÚC")
        XCTAssertEqual(VNText.uppercased("ủy ban nhân dân tỉnh thái bình"), "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH")
        // The standard library agrees, which is what the rest of the code may rely on.
        XCTAssertEqual("Ban Chỉ đạo".uppercased(), "BAN CHỈ ĐẠO")
    }

    func testUppercasingDecomposedInputGivesNFC() {
        let upper = VNText.uppercased(decomposed)
        XCTAssertEqual(Array(upper.unicodeScalars), Array("TRUY\u{1EC0}N TH\u{00D4}NG".unicodeScalars))
    }

    func testSlugIsLowercaseASCIIWithHyphens() {
        XCTAssertEqual(VNText.slug("83/KH-BCĐ"), "83-kh-bcd")
        XCTAssertEqual(VNText.slug("Sở Thông tin và Truyền thông"), "so-thong-tin-va-truyen-thong")
        XCTAssertEqual(VNText.slug("  Báo cáo 6 tháng đầu năm 2024!  "), "bao-cao-6-thang-dau-nam-2024")
        XCTAssertEqual(VNText.slug("Quyết định 922/QĐ-BTTTT"), "quyet-dinh-922-qd-btttt")
        XCTAssertEqual(VNText.slug("--//--"), "")
        XCTAssertEqual(VNText.slug("Hà Nội 北京 2024"), "ha-noi-2024")
    }

    func testSlugIsTheSameForComposedAndDecomposedInput() {
        XCTAssertEqual(VNText.slug(decomposed), "truyen-thong")
    }
}

final class RomanNumeralTests: XCTestCase {
    func testSectionAndQuarterNumbers() {
        let expected = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        XCTAssertEqual((1...10).map(VNText.roman), expected)
        XCTAssertEqual(VNText.roman(14), "XIV")
        XCTAssertEqual(VNText.roman(19), "XIX")
        XCTAssertEqual(VNText.roman(24), "XXIV")
        XCTAssertEqual(VNText.roman(39), "XXXIX")
        XCTAssertEqual(VNText.roman(40), "XL")
        XCTAssertEqual(VNText.roman(2024), "MMXXIV")
    }

    func testNumbersRomanNumeralsCannotWriteStayInDigits() {
        XCTAssertEqual(VNText.roman(0), "0")
        XCTAssertEqual(VNText.roman(-3), "-3")
        XCTAssertEqual(VNText.roman(4000), "4000")
    }

    func testReadingRomanNumeralsBack() {
        for n in 1...399 {
            XCTAssertEqual(VNText.romanValue(VNText.roman(n)), n)
        }
        XCTAssertEqual(VNText.romanValue("iv"), 4)
        XCTAssertNil(VNText.romanValue("IIII"))
        XCTAssertNil(VNText.romanValue("IC"))
        XCTAssertNil(VNText.romanValue("VX"))
        XCTAssertNil(VNText.romanValue(""))
        XCTAssertNil(VNText.romanValue("II."))
        XCTAssertNil(VNText.romanValue("4"))
    }
}
