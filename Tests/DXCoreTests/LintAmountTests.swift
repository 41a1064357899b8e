@testable import DXCore
import XCTest

/// Amounts with scale words ("530,3 nghìn tỷ", "1,2 triệu", "45 tỷ đồng") read as numbers, and
/// the checks on parts and appendices working on them as they do on counts.
final class LintAmountTests: XCTestCase {
    func table(_ rows: [[String]]) -> String {
        rows.map { $0.map { "\t" + $0 }.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }

    func summary(_ findings: [LintFinding]) -> [String] {
        findings.map { "\($0.severity.rawValue) \($0.place): \($0.stated) ≠ \($0.computed)" }
    }

    func testAmountsInEveryVietnameseFormAreNumbers() {
        let read = LintNumbers.amounts("Tổng vốn 530,3 nghìn tỷ đồng; thu hộ 885.439 triệu đồng, 1,2 triệu lượt truy cập, 45 tỷ trong năm, 150.000 đồng/hồ sơ, 06 tháng, năm 2024, 60/90 hồ sơ.")
            .map(\.amount)
        XCTAssertEqual(read.map(\.printed), ["530,3 nghìn tỷ đồng", "885.439 triệu đồng", "1,2 triệu lượt", "45 tỷ", "150.000 đồng"])
        for (value, expected) in zip(read.map(\.value), [530.3e12, 885_439e6, 1.2e6, 45e9, 150_000]) {
            XCTAssertEqual(value, expected, accuracy: expected * 1e-12)
        }
        XCTAssertEqual(read.map(\.noun), ["dong", "dong", "luot", "", "dong"])
        XCTAssertEqual(read[0].slack, 0.05e12, "the last printed digit of 530,3 nghìn tỷ is a tenth of a nghìn tỷ")
        XCTAssertEqual(LintNumbers.amounts("Ngân sách 12 tỉ và 3 ngàn tỷ").map(\.amount.value), [12e9, 3e12], "tỉ, ngàn: the other spellings")
    }

    func testPartsOfAnAmountThatAddUpSayNothing() {
        let text = [
            "Tổng vốn đầu tư cho chuyển đổi số giai đoạn 2021-2025 là 530,3 nghìn tỷ đồng, trong đó ngân sách nhà nước 120,5 nghìn tỷ đồng (22,7%), vốn xã hội hóa 409,8 nghìn tỷ đồng (77,3%).",
            // Scales mixed: 1,2 triệu = 800 nghìn + 400 nghìn.
            "Cổng dịch vụ công có 1,2 triệu lượt truy cập, trong đó 800 nghìn lượt từ điện thoại và 400 nghìn lượt từ máy tính.",
            // Rounding: 45 tỷ against 12,4 + 32,7 = 45,1 is within the half-units printed.
            "Doanh thu thương mại điện tử đạt 45 tỷ đồng, trong đó bán lẻ 12,4 tỷ đồng, dịch vụ 32,7 tỷ đồng.",
            "Số tiền chi trả 58,1 tỷ đồng (trong đó: BTXH: 29.568, NCC: 16.241).",
        ]
        XCTAssertEqual(summary(ReportLinter.lint(paragraphs: text)), [])
    }

    func testPartsOfAnAmountThatDoNotAddUpAreFindings() {
        let text = [
            "Tổng vốn đầu tư là 530,3 nghìn tỷ đồng, trong đó ngân sách nhà nước 130,5 nghìn tỷ đồng, vốn xã hội hóa 409,8 nghìn tỷ đồng.",
            "Doanh thu đạt 45 tỷ đồng, trong đó bán lẻ 12 tỷ đồng, dịch vụ 30 tỷ đồng.",
            "Kinh phí 2 tỷ đồng, trong đó ngân sách tỉnh 1.500 triệu đồng (60%), ngân sách huyện 500 triệu đồng (25%).",
        ]
        let findings = ReportLinter.lint(paragraphs: text)
        XCTAssertEqual(summary(findings), [
            "lỗi đoạn 1: 530,3 nghìn tỷ đồng ≠ 130,5 nghìn tỷ đồng + 409,8 nghìn tỷ đồng = 540,3 nghìn tỷ",
            "cảnh báo đoạn 2: 45 tỷ đồng ≠ 12 tỷ đồng + 30 tỷ đồng = 42 tỷ",
            "lỗi đoạn 3: 60% ≠ 1.500 triệu đồng / 2 tỷ đồng = 75%",
        ], summary(findings).joined(separator: "\n"))
        XCTAssertEqual(findings[0].message, "Tổng ghi 530,3 nghìn tỷ đồng nhưng các phần cộng lại được 540,3 nghìn tỷ.")
    }

    func testATotalInTheTextAgainstTheMoneyColumnOfItsAppendix() {
        func report(_ stated: String) -> String {
            """
            1. Kết quả thực hiện của các đơn vị
            Tổng kinh phí các đơn vị đã chi cho chuyển đổi số là \(stated) (Chi tiết tại Phụ lục 05 kèm theo).
            2. Phần khác

            Phụ lục 05: Kết quả thực hiện của các đơn vị
            """ + "\n" + table([
                ["STT", "Đơn vị", "Kinh phí (triệu đồng)", "Số hồ sơ trực tuyến"],
                ["1", "Sở Tài chính", "1.250,5", "120"],
                ["2", "Sở Nội vụ", "2.749,5", "80"],
                ["", "Tổng cộng", "4.000", "200"],
            ])
        }
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: report("4 tỷ đồng")))), [])
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: report("4.000 triệu đồng")))), [])
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: report("4,5 tỷ đồng")))), [
            "lỗi đoạn 2: 4,5 tỷ đồng ≠ Phụ lục 05, cột “Kinh phí (triệu đồng)”: 4.000",
        ])
    }

    /// "45.809 người/79.448 người (57,6%)" (seed 000, section II.10): the fraction is read with
    /// what it counts between its numbers; 57,66% cut to 57,6 is a note, 46,79% as 46,8 nothing.
    func testAFractionWithWhatItCountsBetweenItsNumbers() {
        let text = ["Tổng số người có tài khoản: 79.448 người/169.780 người (46,8%). Tổng số người nhận chi trả qua tài khoản: 45.809 người/79.448 người (57,6%).",
                    "Quyết định số 571/QĐ-UBND ngày 17/03/2022 và Nghị định số 42/2022/NĐ-CP đạt 100%."]
        XCTAssertEqual(summary(ReportLinter.lint(paragraphs: text)), ["lưu ý đoạn 1: 57,6% ≠ 45.809/79.448 = 57,659%"])
    }

    /// A figure in the text against the same figure in the appendix it points to: the row is
    /// the one whose target begins with the sentence's words; the target's own figure, and one
    /// after "mục tiêu", are not results.
    func testAFigureInTheTextAgainstTheSameFigureInItsAppendix() {
        func report(_ sentence: String) -> String {
            """
            1. Kết quả thực hiện các chỉ tiêu
            \(sentence)
            (Chi tiết tại Phụ lục 01 kèm theo).
            2. Phần khác

            Phụ lục 01: Kết quả thực hiện các chỉ tiêu
            """ + "\n" + table([
                ["TT", "Mục tiêu", "Kết quả", "Ghi chú"],
                ["1", "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ đạt 50%", "78,3%", "Hoàn thành"],
                ["2", "30% hoạt động kiểm tra của cơ quan quản lý nhà nước thực hiện trên môi trường số", "10%", "Chưa đạt"],
            ])
        }
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: report("Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ đạt 78,3% (Mục tiêu: 50%).")))), [])
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: report("- Dưới 50%: 01 chỉ tiêu 30% hoạt động kiểm tra của cơ quan quản lý nhà nước.")))), [])
        XCTAssertEqual(summary(ReportLinter.lint(LintDocument(text: report("Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ đạt 87,3% (Mục tiêu: 50%).")))), [
            "lỗi đoạn 2: 87,3% ≠ Phụ lục 01, dòng 2: 78,3%",
        ])
    }
}
