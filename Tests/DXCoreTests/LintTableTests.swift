import DXCore
import XCTest

/// Tables as the linter reads them from text, their own checks (totals, rates, judgements
/// against targets), and the text against the appendix it points to.
final class LintTableTests: XCTestCase {
    /// A table the way a word processor saves it as text: a cell a line, starting with a tab,
    /// a blank line after each row.
    func table(_ rows: [[String]]) -> String {
        rows.map { $0.map { "\t" + $0 }.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }

    func summary(_ findings: [LintFinding]) -> [String] {
        findings.map { f in
            "\(f.severity.rawValue) \(f.place): \(f.stated) ≠ \(f.computed)"
        }
    }

    func testTextTablesAreReadRowByRowEvenWithLineBreaksAndBlankLinesInsideCells() {
        let text = """
        Phụ lục 01: Kết quả
        \tTT
        \tNhiệm vụ
        \tKết quả

        \t1
        \tSở Thông tin và
        Truyền thông

        \tHoàn thành

        \t2
        \tSở Tài chính
        \tChưa triển khai

        Hết bảng.
        """
        let doc = LintDocument(text: text)
        XCTAssertEqual(doc.tables.count, 1)
        let t = doc.tables[0]
        XCTAssertEqual(t.appendix, 1)
        XCTAssertEqual(t.rows.map { $0.map(\.text) }, [
            ["TT", "Nhiệm vụ", "Kết quả"],
            ["1", "Sở Thông tin và Truyền thông", "Hoàn thành"],
            ["2", "Sở Tài chính", "Chưa triển khai"],
        ])
        // Paragraph numbers stay those of the lines, so a finding points at the right line.
        XCTAssertEqual(doc.paragraphs[t.rows[1][1].paragraph - 1], "Sở Thông tin và")
        XCTAssertEqual(doc.paragraphs.last, "Hết bảng.")
    }

    func testATotalRowMustBeTheSumOfTheRowsAboveIt() {
        let text = table([
            ["STT", "Đơn vị", "Số hồ sơ", "Trực tuyến"],
            ["1", "Huyện A", "1.200", "800"],
            ["2", "Huyện B", "300", "150"],
            ["", "Tổng cộng", "1.500", "960"],
        ])
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: text))), [
            "lỗi bảng 1, dòng 4, cột 4: 960 ≠ 800 + 150 = 950",
        ])
    }

    func testSubtotalRowsAreNotAddedTwice() {
        let text = table([
            ["STT", "Đơn vị", "Số hồ sơ"],
            ["1", "Khối sở", "30"],
            ["1.1", "Sở A", "10"],
            ["1.2", "Sở B", "20"],
            ["2", "Khối huyện", "5"],
            ["", "Tổng", "35"],
        ])
        XCTAssertEqual(ReportLinter.lint(LintDocument(text: text)), [])
    }

    func testATotalColumnIsCheckedOnlyWhereMostRowsShowItIsOne() {
        let rows = [
            ["STT", "Đơn vị", "Tổng số", "Mức độ 3", "Mức độ 4"],
            ["1", "Huyện A", "10", "4", "6"],
            ["2", "Huyện B", "12", "5", "7"],
            ["3", "Huyện C", "9", "5", "5"],
        ]
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: table(rows)))), [
            "lỗi bảng 1, dòng 4, cột 3: 9 ≠ 5 + 5 = 10",
        ])
        // Where the columns do not add up in most rows, "Tổng số" is not their total: nothing said.
        let unrelated = [rows[0], ["1", "A", "10", "4", "1"], ["2", "B", "12", "5", "2"], ["3", "C", "9", "5", "5"]]
        XCTAssertEqual(ReportLinter.lint(LintDocument(text: table(unrelated))), [])
    }

    func testARateColumnAgainstTheTwoColumnsItDivides() {
        let text = table([
            ["STT", "Đơn vị", "Hồ sơ trực tuyến", "Tổng hồ sơ", "Tỷ lệ (%)"],
            ["1", "Huyện A", "5", "31", "16"],
            ["2", "Huyện B", "25", "31", "80,6"],
            ["3", "Huyện C", "6", "79", "7,56"],
            ["4", "Huyện D", "1", "3", "33,3"],
        ])
        // 5/31 = 16,13 printed 16 and 25/31 = 80,65 printed 80,6 are rounding, not errors.
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: text))), [
            "lỗi bảng 1, dòng 4, cột 5: 7,56% ≠ 6/79 = 7,59%",
        ])
    }

    func testAJudgementAgainstItsTarget() {
        let text = table([
            ["TT", "Mục tiêu", "Kết quả", "Đánh giá"],
            ["1", "Phấn đấu 80% hồ sơ xử lý trực tuyến", "65% hồ sơ xử lý trực tuyến", "Đạt"],
            ["2", "Tỷ lệ ký số đạt 97% trở lên; 50% có đủ chữ ký", "99,1%; 79,7%", "Hoàn thành"],
            ["3", "Phấn đấu 30% hoạt động kiểm tra trên môi trường số", "Khoảng 10%", "Đạt 30% mục tiêu"],
            ["4", "Tỷ lệ số hóa hồ sơ đạt 100%", "81,16%", "Đạt 81,16% mục tiêu"],
            ["5", "Phấn đấu 50% doanh nghiệp dùng hóa đơn điện tử", "88,96%", "Chưa đạt"],
            ["6", "Tỷ lệ hồ sơ trễ hạn dưới 5%", "7%", "Hoàn thành"],
        ])
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: text))), [
            "lỗi bảng 1, dòng 2, cột 4: Đạt ≠ 65% / 80%",
            "cảnh báo bảng 1, dòng 4, cột 4: Đạt 30% mục tiêu ≠ 10/30 = 33,3%",
            "cảnh báo bảng 1, dòng 6, cột 4: Chưa đạt ≠ 88,96% / 50%",
        ])
        let first = ReportLinter.lint(LintDocument(text: text))[0]
        XCTAssertEqual(first.message, "Đánh giá “Đạt” nhưng kết quả 65% thấp hơn mục tiêu 80%.")
        XCTAssertEqual([first.table, first.row, first.column], [1, 2, 4])
    }

    func testTheTextAgainstTheAppendixItPointsTo() {
        let text = """
        1. Kết quả thực hiện nhiệm vụ
        Kế hoạch đề ra 02 nhóm nhiệm vụ với 05 nhiệm vụ. Trong đó 04 nhiệm vụ hoàn thành, 01 nhiệm vụ chưa hoàn thành, cụ thể:
        - Nhận thức số: Hoàn thành 02/02 nhiệm vụ.
        - Thể chế số: Hoàn thành 02/03 nhiệm vụ; Chưa hoàn thành 01/03 nhiệm vụ (2.2).
        (Chi tiết tại Phụ lục 03 kèm theo)
        2. Phần khác

        Phụ lục 03: Kết quả thực hiện
        """ + "\n" + table([
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Kết quả"],
            ["1", "Nhận thức số", "", ""],
            ["1.1", "Duy trì chuyên trang", "Sở TT&TT", "Hoàn thành"],
            ["1.2", "Chuyên mục trên báo", "Báo tỉnh", "Hoàn thành"],
            ["2", "Thể chế số", "", ""],
            ["2.1", "Chính sách dữ liệu", "Sở Tư pháp", "Hoàn thành"],
            ["2.2", "Chính sách chuyên gia", "Sở Nội vụ", "Hoàn thành 50%"],
        ])
        // The appendix lists 4 items, not 5, and "Thể chế số" has 2 rows, not 3. The text's
        // own sums agree (2 + 3 = 5, 4 + 1 = 5): only the appendix shows the slip.
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: text))), [
            "lỗi đoạn 2: 05 nhiệm vụ ≠ Phụ lục 03: 4 nhiệm vụ",
            "lỗi đoạn 4: Thể chế số: 03 ≠ Phụ lục 03: 2 dòng",
        ])
    }

    func testAnAppendixThatAgreesWithItsTextSaysNothing() {
        let text = """
        1. Kết quả
        Kế hoạch đặt ra 03 chỉ tiêu.
        - Số chỉ tiêu hoàn thành: 02/03 chỉ tiêu đạt 66,67%.
        (Chi tiết tại Phụ lục 01 kèm theo).

        Phụ lục 01: Chỉ tiêu
        """ + "\n" + table([
            ["TT", "Mục tiêu", "Kết quả", "Ghi chú"],
            ["", "Chính quyền số", "", ""],
            ["1", "80% hồ sơ trực tuyến", "85% hồ sơ trực tuyến", "Hoàn thành"],
            ["2", "100% cơ sở dữ liệu kết nối", "100% cơ sở dữ liệu kết nối", "Hoàn thành"],
            ["3", "30% kiểm tra trên môi trường số", "15%", "Đạt 50% mục tiêu"],
        ])
        XCTAssertEqual(ReportLinter.lint(LintDocument(text: text)), [])
    }
}
