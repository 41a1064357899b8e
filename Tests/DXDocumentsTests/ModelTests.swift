import DXDocuments
import Foundation
import XCTest

/// The ready-made Decree 30 blocks, checked by value rather than through a file.
final class ModelTests: XCTestCase {
    func testDatesAndNumbersArePaddedAsTheDecreeSays() {
        XCTAssertEqual(OfficialDate(day: 5, month: 7, year: 2024).longForm, "ngày 05 tháng 7 năm 2024")
        XCTAssertEqual(OfficialDate(day: 15, month: 2, year: 2024).longForm, "ngày 15 tháng 02 năm 2024")
        XCTAssertEqual(OfficialDate(day: 1, month: 11, year: 2024).shortForm, "01/11/2024")
        XCTAssertEqual(OfficialDate(day: 5, month: 7, year: 2024).placeAndDate("Thái Bình"), "Thái Bình, ngày 05 tháng 7 năm 2024")
        XCTAssertEqual(DocumentNumber(83, symbol: "BC-BCĐ").line, "Số: 83/BC-BCĐ")
        XCTAssertEqual(DocumentNumber(5, symbol: "BC-BCĐ").reference, "05/BC-BCĐ")
        XCTAssertTrue(DocumentNumber(nil, symbol: "BC-BCĐ").reference.hasSuffix("/BC-BCĐ"))
        XCTAssertEqual(SampleReport.citation.attachmentNote,
                       "(Kèm theo Báo cáo số 83/BC-BCĐ ngày 05 tháng 7 năm 2024 của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình)")
    }

    func testSectionHeadingsAreNumberedInText() {
        XCTAssertEqual(SectionHeading(.part, number: 4, title: "Phương hướng nhiệm vụ").text, "IV. PHƯƠNG HƯỚNG NHIỆM VỤ")
        XCTAssertEqual(SectionHeading(.item, number: 2, title: "Tồn tại, hạn chế").text, "2. Tồn tại, hạn chế")
        XCTAssertEqual(SectionHeading(.point, number: 5, title: "Hạ tầng số").text, "đ) Hạ tầng số")
        XCTAssertEqual(SectionHeading(.point, number: 24, title: "x").label, "aa)")
        XCTAssertEqual(AppendixHeading(number: 4, title: "Văn bản", citation: nil).label, "Phụ lục IV")
        let part = SectionHeading(.part, number: 1, title: "Tình hình").paragraph
        XCTAssertTrue(part.keepWithNext)
        XCTAssertEqual(part.content, [.text(TextRun("I. TÌNH HÌNH", bold: true))])
    }

    func testHeaderBlockLayout() throws {
        let table = SampleReport.header.table
        XCTAssertEqual(table.borders, .none)
        XCTAssertEqual(table.columnWidths.count, 2)
        XCTAssertEqual(table.width, Decree30.portraitTextWidth)
        func texts(_ cell: TableCell) -> [String] {
            cell.paragraphs.compactMap { p in
                guard case .text(let run)? = p.content.first else { return nil }
                return run.text
            }
        }
        XCTAssertEqual(texts(table.rows[0].cells[0]), ["UBND TỈNH THÁI BÌNH", "BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ"])
        XCTAssertEqual(texts(table.rows[0].cells[1]), [OfficialHeader.nationalName, OfficialHeader.motto])
        // Each column ends with its rule.
        XCTAssertNotNil(table.rows[0].cells[0].paragraphs.last?.topBorder)
        XCTAssertNotNil(table.rows[0].cells[1].paragraphs.last?.topBorder)
        XCTAssertEqual(texts(table.rows[1].cells[0]), ["Số: 83/BC-BCĐ"])
        XCTAssertEqual(texts(table.rows[1].cells[1]), ["Thái Bình, ngày 05 tháng 7 năm 2024"])
    }

    func testSignatureBlockRecipients() {
        let block = SignatureBlock(recipients: ["- Bộ TT&TT (để b/c);", "Sở Tài chính."], archive: "VT, CNTT",
                                   authority: ["TM. Ban Chỉ đạo", "Trưởng ban"], signerName: "Nguyễn Văn A")
        XCTAssertEqual(block.recipientLines, ["- Bộ TT&TT (để b/c);", "- Sở Tài chính;", "- Lưu: VT, CNTT."])
    }

    func testDecreeMarginsAndPageSizes() {
        XCTAssertTrue(PageMargins.decree30.isWithinDecree30Ranges)
        XCTAssertFalse(PageMargins(top: .mm(20), bottom: .mm(20), left: .mm(25), right: .mm(15)).isWithinDecree30Ranges)
        XCTAssertEqual(PageSetup(orientation: .landscape).width.twips, 16838)
        XCTAssertEqual(Length.mm(30).twips, 1701)
        XCTAssertEqual(Decree30.portraitTextWidth, Length(twips: 11906 - 1701 - 850))
    }
}
