import DXCore
@testable import DXImport
import Foundation
import XCTest
import ZIPFoundation

/// Files written the way Excel writes them (see scripts/make-xlsx-fixtures.py).
final class XLSXReaderTests: XCTestCase {
    func testReadsAnExcelLikeWorkbook() throws {
        let book = try XLSXWorkbook(url: XLSXFixtures.url("excel-like.xlsx"))
        XCTAssertEqual(book.sheetNames, ["Chỉ tiêu", "Không r"])
        XCTAssertFalse(book.date1904)
        let sheet = try book.sheet(named: "Chỉ tiêu")

        // Shared strings, Vietnamese, a merged title.
        XCTAssertEqual(sheet["A1"]?.value, .string("BIỂU TỔNG HỢP HỒ SƠ"))
        XCTAssertEqual(sheet.mergedRanges.map(\.description), ["A1:G1"])
        XCTAssertEqual(sheet.displayedValue(row: 1, column: 5), .string("BIỂU TỔNG HỢP HỒ SƠ"))
        XCTAssertNil(sheet[1, 5])  // only the top-left cell holds the value
        XCTAssertEqual(sheet.text("B2"), "Đơn vị")

        // Numbers, a rich-text run, and the phonetic run that must be skipped.
        XCTAssertEqual(try sheet.number("C3"), 1_445_521)
        XCTAssertEqual(sheet["B4"]?.value, .string("Sở Tư pháp"))
        XCTAssertEqual(sheet["G3"]?.value, .string("Đã rà soát"))
        XCTAssertEqual(try sheet.number("C4"), 12.5)

        // Formulas with cached values: number, error, string results.
        XCTAssertEqual(sheet["E3"]?.formula, "C3+D3")
        XCTAssertEqual(sheet["E3"]?.value, .number(1_445_531))
        XCTAssertEqual(sheet["E4"]?.value, .error("#DIV/0!"))
        XCTAssertEqual(sheet["E5"]?.value, .string("UBND huyện Hưng Hà (huyện)"))
        XCTAssertEqual(sheet["E5"]?.formula, #"B5&" (huyện)""#)

        // Dates by style: a custom dd/mm/yyyy and built-in 14 (time of day dropped); a plain
        // number with no date style stays a number.
        XCTAssertEqual(sheet["F3"]?.value, .date(CalendarDate(2024, 7, 5)))
        XCTAssertEqual(try sheet.date("F4"), CalendarDate(2025, 6, 30))
        XCTAssertEqual(sheet["F5"]?.value, .number(45658))

        // Booleans, error values, inline strings.
        XCTAssertEqual(sheet["G4"]?.value, .bool(true))
        XCTAssertEqual(sheet["G5"]?.value, .error("#N/A"))
        XCTAssertEqual(sheet["H5"]?.value, .string("Nội tuyến"))

        // A number typed as text in the Vietnamese way is still a number.
        XCTAssertEqual(try sheet.number("D5"), 1234)
        XCTAssertEqual(sheet.lastRow, 5)
        XCTAssertEqual(sheet.rows.map(\.row), [1, 2, 3, 4, 5])
    }

    func testReadsFromDataToo() throws {
        let data = try Data(contentsOf: XLSXFixtures.url("excel-like.xlsx"))
        let sheet = try XLSXWorkbook(data: data).sheet(named: "Chỉ tiêu")
        XCTAssertEqual(sheet["B4"]?.value, .string("Sở Tư pháp"))
    }

    func testRowsAndCellsWithoutReferences() throws {
        let sheet = try XLSXWorkbook(url: XLSXFixtures.url("excel-like.xlsx")).sheet(named: "không r")
        XCTAssertEqual(sheet.name, "Không r")
        XCTAssertEqual(sheet.text("A1"), "Mã")
        XCTAssertEqual(sheet.text("B1"), "Giá trị")
        XCTAssertEqual(sheet.text("A3"), "X2")
        XCTAssertEqual(try sheet.number("B3"), 20)
        XCTAssertEqual(try sheet.number("A4"), 30)
        XCTAssertEqual(sheet.lastRow, 4)
    }

    func testCellsWithOnlyAColumnOrNoReferenceFollowTheRow() throws {
        let xml = XLSXBuilder.sheetXML(
            #"<row r="4"><c r="B" t="inlineStr"><is><t>b</t></is></c><c><v>3</v></c></row><row><c r="E"><v>5</v></c></row>"#)
        let url = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", xml), name: "columns")
        let sheet = try XLSXWorkbook(url: url).sheet(at: 0)
        XCTAssertEqual(sheet.text("B4"), "b")
        XCTAssertEqual(try sheet.number("C4"), 3)
        XCTAssertEqual(try sheet.number("E5"), 5)
    }

    func testDate1904System() throws {
        let book = try XLSXWorkbook(url: XLSXFixtures.url("date1904.xlsx"))
        XCTAssertTrue(book.date1904)
        XCTAssertEqual(try book.sheet(at: 0).date("A1"), CalendarDate(2024, 7, 5))
    }

    func testSerialDates() {
        XCTAssertEqual(XLSXDates.date(serial: 1), CalendarDate(1900, 1, 1))
        XCTAssertEqual(XLSXDates.date(serial: 59), CalendarDate(1900, 2, 28))
        XCTAssertNil(XLSXDates.date(serial: 60))  // Excel's 29 February 1900
        XCTAssertEqual(XLSXDates.date(serial: 61), CalendarDate(1900, 3, 1))
        XCTAssertEqual(XLSXDates.date(serial: 45478), CalendarDate(2024, 7, 5))
        XCTAssertEqual(XLSXDates.date(serial: 45477.999999999), CalendarDate(2024, 7, 5))
        XCTAssertEqual(XLSXDates.date(serial: 0, date1904: true), CalendarDate(1904, 1, 1))
        XCTAssertNil(XLSXDates.date(serial: -1))
        for d in [CalendarDate(1900, 1, 1), CalendarDate(1900, 2, 28), CalendarDate(1900, 3, 1), CalendarDate(2025, 7, 1)] {
            XCTAssertEqual(XLSXDates.date(serial: Double(XLSXDates.serial(d))), d)
        }
    }

    func testPercentFormatsAreToldApart() {
        let styles = XLSXStyles(customFormats: [164: "0.0%", 165: "0.00\"%\"", 166: "#,##0;[Red]-0%", 167: "0\\%"],
                                cellFormats: [0, 9, 10, 164, 165, 166, 167, 14])
        XCTAssertEqual((0..<8).map { styles.isPercent(style: $0) }, [false, true, true, true, false, false, false, false],
                       "General, 0%, 0.00%, a custom 0.0%; a quoted or escaped % and a % of the negative section only are not")
    }

    func testCellReferences() {
        XCTAssertEqual(XLSXCellReference("C5"), XLSXCellReference(row: 5, column: 3))
        XCTAssertEqual(XLSXCellReference("$AA$10")?.column, 27)
        XCTAssertEqual(XLSXCellReference("XFD1048576")?.column, 16_384)
        XCTAssertNil(XLSXCellReference("XFE1"))
        XCTAssertNil(XLSXCellReference("A0"))
        XCTAssertNil(XLSXCellReference("5C"))
        XCTAssertEqual(XLSXCellReference(row: 7, column: 703).description, "AAA7")
    }

    func testTypedReadsNameTheSheetAndCell() throws {
        let sheet = try XLSXWorkbook(url: XLSXFixtures.url("excel-like.xlsx")).sheet(named: "Chỉ tiêu")
        XCTAssertThrowsError(try sheet.number("C5")) { e in
            XCTAssertEqual("\(e)", "Trang tính 'Chỉ tiêu', ô C5: \"nhiều\" không phải là số")
        }
        XCTAssertThrowsError(try sheet.number("E4")) { e in
            XCTAssertEqual("\(e)", "Trang tính 'Chỉ tiêu', ô E4: Ô chứa lỗi công thức #DIV/0!")
        }
        XCTAssertThrowsError(try sheet.date("B3")) { e in
            XCTAssertTrue("\(e)".hasPrefix("Trang tính 'Chỉ tiêu', ô B3: \"Sở Nội vụ\" không phải là ngày"), "\(e)")
        }
        XCTAssertNil(try sheet.number("Z99"))
    }

    func testMissingSheetListsTheSheets() throws {
        let book = try XLSXWorkbook(url: XLSXFixtures.url("excel-like.xlsx"))
        XCTAssertThrowsError(try book.sheet(named: "Nhiệm vụ")) { e in
            XCTAssertEqual((e as? XLSXError)?.reason, .missingSheet(name: "Nhiệm vụ", available: ["Chỉ tiêu", "Không r"]))
            XCTAssertEqual("\(e)", "Không tìm thấy trang tính 'Nhiệm vụ'. Các trang tính có trong tệp: 'Chỉ tiêu', 'Không r'")
        }
        XCTAssertThrowsError(try book.sheet(at: 5))
    }

    func testFixturesAreFreshWhenPythonIsAvailable() throws {
        try XCTSkipUnless(XLSXFixtures.isFresh, "python3/openpyxl not installed: the committed fixtures were used")
    }
}

/// Hostile and broken files: each is refused with a clear message, without a crash.
final class XLSXHostileFileTests: XCTestCase {
    private func reason(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> XLSXError? {
        do {
            try body()
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let e as XLSXError {
            return e
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    func testNotAZip() {
        let e = reason { _ = try XLSXWorkbook(data: Data("STT;Đơn vị;Giá trị\n1;Sở Nội vụ;5\n".utf8)) }
        XCTAssertEqual(e?.reason, .notAZip)
        XCTAssertEqual(e?.message, "Tệp không phải là tệp Excel .xlsx (không phải tệp nén ZIP của Office Open XML)")
        XCTAssertEqual(reason { _ = try XLSXWorkbook(data: Data()) }?.reason, .emptyFile)
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        XCTAssertEqual(reason { _ = try XLSXWorkbook(data: xls) }?.reason, .legacyExcel)
        // A zip signature followed by garbage.
        let broken = Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200))
        XCTAssertNotNil(reason { _ = try XLSXWorkbook(data: broken) })
    }

    func testAZipThatIsNotASpreadsheet() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dximport-notxlsx.zip")
        try XLSXBuilder.write([XLSXBuilder.Part("readme.txt", "xin chào")], to: url)
        let e = reason { _ = try XLSXWorkbook(url: url) }
        XCTAssertEqual(e?.reason, .missingPart("xl/workbook.xml"))
    }

    func testZipBombIsRefused() throws {
        // 50 MB of spaces inside a cell compress about a thousand times.
        let size = 50 * 1_048_576
        let head = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"#
        let headData = Data(head.utf8)
        let bomb = XLSXBuilder.Part("xl/worksheets/sheet1.xml", size: size) { offset, count in
            if offset < headData.count { return headData.subdata(in: offset..<min(headData.count, offset + count)) }
            return Data(repeating: 0x20, count: min(count, size - offset))
        }
        let url = try XLSXBuilder.workbook(sheet: bomb, name: "bomb")
        let book = try XLSXWorkbook(url: url)
        let e = reason { _ = try book.sheet(at: 0) }
        XCTAssertEqual(e?.reason, .suspiciousCompression(part: "xl/worksheets/sheet1.xml", ratio: 100))
        XCTAssertEqual(e?.sheet, "Dữ liệu")
        XCTAssertTrue(e?.message.contains("zip bomb") == true, e?.message ?? "")
    }

    func testOversizedPartIsRefused() throws {
        var limits = XLSXLimits()
        limits.maxEntrySize = 200_000
        let rows = XLSXBuilder.streamedSheet(rows: 20_000, rowLength: 32) { i in
            "<row><c><v>\(String(format: "%07d", (i &* 7919) % 9_999_991))</v></c></row>"
        }
        let url = try XLSXBuilder.workbook(sheet: rows, name: "oversized")
        let e = reason { _ = try XLSXWorkbook(url: url, limits: limits).sheet(at: 0) }
        XCTAssertEqual(e?.reason, .entryTooLarge(part: "xl/worksheets/sheet1.xml", limit: 200_000))
    }

    func testEntityExpansionIsRefused() throws {
        let lol = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>
        """
        let url = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", lol), name: "lol")
        let e = reason { _ = try XLSXWorkbook(url: url).sheet(at: 0) }
        XCTAssertEqual(e?.reason, .doctype(part: "xl/worksheets/sheet1.xml"))
        XCTAssertTrue(e?.message.hasPrefix("Trang tính 'Dữ liệu': Thành phần 'xl/worksheets/sheet1.xml' chứa khai báo DOCTYPE") == true,
                      e?.message ?? "")

        // In the workbook part too, and in UTF-16 (which would hide it from a byte scan).
        var parts = [XLSXBuilder.Part("[Content_Types].xml", XLSXBuilder.contentTypes),
                     XLSXBuilder.Part("xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><workbook/>")]
        let u1 = FileManager.default.temporaryDirectory.appendingPathComponent("dximport-doctype-wb.xlsx")
        try XLSXBuilder.write(parts, to: u1)
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: u1) }?.reason, .doctype(part: "xl/workbook.xml"))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("<workbook/>".data(using: .utf16LittleEndian)!)
        parts[1] = XLSXBuilder.Part("xl/workbook.xml", size: utf16.count) { o, c in utf16.subdata(in: o..<min(o + c, utf16.count)) }
        try XLSXBuilder.write(parts, to: u1)
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: u1) }?.reason, .unsupportedEncoding(part: "xl/workbook.xml"))
    }

    func testAMillionRowsAreRefusedEarly() throws {
        // 1,000,000 rows of pseudo-random numbers (about 32 MB, compressing less than 100:1),
        // streamed into the zip. The reader stops at row 100,001.
        let rows = XLSXBuilder.streamedSheet(rows: 1_000_000, rowLength: 32) { i in
            "<row><c><v>\(String(format: "%07d", (i &* 2_654_435_761) % 9_999_991))</v></c></row>"
        }
        let url = try XLSXBuilder.workbook(sheet: rows, name: "million")
        let book = try XLSXWorkbook(url: url)
        let start = Date()
        let e = reason { _ = try book.sheet(at: 0) }
        XCTAssertEqual(e?.reason, .tooManyRows(limit: 100_000))
        XCTAssertEqual(e?.message, "Trang tính 'Dữ liệu': Có hơn 100.000 dòng, vượt quá giới hạn cho phép; hãy chia nhỏ tệp")
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }

    func testRowsClaimedBeyondTheLimitAreRefusedWithoutReadingThem() throws {
        let claimed = XLSXBuilder.sheetXML(#"<row r="1"><c r="A1"><v>1</v></c></row>"#,
                                           before: #"<dimension ref="A1:C1000000"/>"#)
        let u1 = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", claimed), name: "claimed")
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: u1).sheet(at: 0) }?.reason, .tooManyRows(limit: 100_000))
        let far = XLSXBuilder.sheetXML(#"<row r="1000000"><c r="A1000000"><v>1</v></c></row>"#)
        let u2 = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", far), name: "far")
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: u2).sheet(at: 0) }?.reason, .tooManyRows(limit: 100_000))
        var limits = XLSXLimits()
        limits.maxRows = 2
        let three = XLSXBuilder.sheetXML("<row><c><v>1</v></c></row><row/><row/>")
        let u3 = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", three), name: "three")
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: u3, limits: limits).sheet(at: 0) }?.reason, .tooManyRows(limit: 2))
    }

    func testBrokenIndexesAndValuesNameTheCell() throws {
        let badShared = XLSXBuilder.sheetXML(#"<row r="3"><c r="B3" t="s"><v>7</v></c></row>"#)
        let u1 = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", badShared), name: "shared")
        let e1 = reason { _ = try XLSXWorkbook(url: u1).sheet(at: 0) }
        XCTAssertEqual(e1?.reason, .sharedStringOutOfRange(index: "7", count: 0))
        XCTAssertEqual(e1?.cell, "B3")
        XCTAssertTrue(e1?.message.hasPrefix("Trang tính 'Dữ liệu', ô B3: ") == true)

        let badNumber = XLSXBuilder.sheetXML(#"<row r="2"><c r="C2"><v>12abc</v></c></row>"#)
        let u2 = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", badNumber), name: "number")
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: u2).sheet(at: 0) }?.reason, .invalidStoredNumber("12abc"))

        let badRef = XLSXBuilder.sheetXML(#"<row r="2"><c r="C0"><v>1</v></c></row>"#)
        let u3 = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", badRef), name: "ref")
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: u3).sheet(at: 0) }?.reason, .invalidCellReference("C0"))

        let malformed = XLSXBuilder.sheetXML(#"<row r="2"><c r="C2"><v>1</v></row>"#)
        let u4 = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/sheet1.xml", malformed), name: "malformed")
        let e4 = reason { _ = try XLSXWorkbook(url: u4).sheet(at: 0) }
        if case .malformedXML(let part, _, _)? = e4?.reason {
            XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        } else {
            XCTFail("\(String(describing: e4))")
        }

        let missing = try XLSXBuilder.workbook(sheet: XLSXBuilder.Part("xl/worksheets/other.xml", "<worksheet/>"), name: "nosheet")
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: missing).sheet(at: 0) }?.reason,
                       .missingPart("xl/worksheets/sheet1.xml"))
    }

    func testDamagedCopiesOfARealFileFailCleanly() throws {
        let original = try Data(contentsOf: XLSXFixtures.url("excel-like.xlsx"))
        func attempt(_ data: Data) {
            do {
                let book = try XLSXWorkbook(data: data)
                for name in book.sheetNames { _ = try book.sheet(named: name) }
            } catch {
                // Typed throws: only an XLSXError, with a message, can come out.
                XCTAssertFalse(error.message.isEmpty)
            }
        }
        // Truncated at many lengths.
        for length in stride(from: 0, to: original.count, by: 61) { attempt(original.prefix(length)) }
        // Single bytes changed all over the file (local headers, compressed data, directory).
        var generator = SystemRandomNumberGenerator()
        for position in stride(from: 0, to: original.count, by: 37) {
            var copy = original
            copy[copy.startIndex + position] ^= UInt8.random(in: 1...255, using: &generator)
            attempt(copy)
        }
    }

    func testDamagedXMLWithValidChecksumsFailsCleanly() throws {
        // The XML itself damaged (the zip is rebuilt, so checksums match): this reaches the
        // XML parser, which must neither crash nor hang.
        let original = try Archive(url: XLSXFixtures.url("excel-like.xlsx"), accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in original {
            var data = Data()
            _ = try original.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        let targets = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"]
        var generator = SystemRandomNumberGenerator()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dximport-xmlfuzz-\(UUID().uuidString).xlsx")
        for round in 0..<120 {
            let target = targets[round % targets.count]
            let damaged: [XLSXBuilder.Part] = parts.map { path, data in
                var d = data
                if path == target {
                    for _ in 0..<(1 + round % 3) {
                        let i = Int.random(in: 0..<d.count, using: &generator)
                        d[d.startIndex + i] = [0x3C, 0x3E, 0x22, 0x26, 0xFF, 0xC3, 0x00, 0x2F][Int.random(in: 0..<8, using: &generator)]
                    }
                }
                let bytes = d
                return XLSXBuilder.Part(path, size: bytes.count) { o, c in bytes.subdata(in: o..<min(o + c, bytes.count)) }
            }
            try XLSXBuilder.write(damaged, to: url)
            do {
                let book = try XLSXWorkbook(url: url)
                for name in book.sheetNames { _ = try book.sheet(named: name) }
            } catch {
                XCTAssertFalse(error.message.isEmpty)
            }
        }
    }

    func testTooManyEntries() throws {
        var limits = XLSXLimits()
        limits.maxEntries = 10
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dximport-entries.xlsx")
        try XLSXBuilder.write((0..<11).map { XLSXBuilder.Part("x/\($0).xml", "<a/>") }, to: url)
        XCTAssertEqual(reason { _ = try XLSXWorkbook(url: url, limits: limits) }?.reason, .tooManyEntries(limit: 10))
    }
}
