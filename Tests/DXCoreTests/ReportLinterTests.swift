import DXCore
import XCTest

/// `ReportLinter` on the sentences of the seed (`shared/seeds/000_*.txt`) and on sentences made
/// to test one rule each.
final class ReportLinterTests: XCTestCase {
    let seed = [
        "Kế hoạch số 121/KH-UBND ngày 08/9/2023 của Ủy ban nhân dan tỉnh đề ra 09 nhóm nhiệm vụ với 79 nhiệm vụ. Trong đó 62 nhiệm vụ hoàn thành (78,48%), 06 nhiệm vụ chưa hoàn thành (7,56%),  12 nhiệm vụ chưa triển khai (13,96%), cụ thể:",
        "- Nhận thức số: Hoàn thành 08/08 nhiệm vụ.",
        "- Thể chế số: Hoàn thành 09/11 nhiệm vụ; Chưa triển khai 02 nhiệm vụ (2.7. Tham mưu ban hành chính sách tỷ lệ chi ngân sách nhà nước tối thiểu hằng năm cho chuyển đổi số; 2.8. Tham mưu ban hành chính sách thuê chuyên gia chuyển đổi số).",
        "- Hạ tầng số: Hoàn thành 04/05 nhiệm vụ; Chưa hoàn thành 01/05 nhiệm vụ (3.3. Triển khai Trung tâm dữ liệu phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây).",
        "- Nhân lực số: Hoàn thành 05/09 nhiệm vụ; Chưa hoàn thành 04/09 nhiệm vụ (4.2, 4.6, 4.7, 4.9).",
        "- An toàn thông tin mạng: Hoàn thành 07/07 nhiệm vụ;",
        "- Hoạt động chính quyền số: Hoàn thành 11/18 nhiệm vụ; Chưa hoàn thành 01/18 nhiệm vụ (6.2); Chưa triển khai 06 (6.3, 6.11, 6.12, 6.14, 6.15, 6.16).",
        "- Hoạt động kinh tế số: Hoàn thành 10/10 nhiệm vụ.",
        "- Hoạt động xã hội số: Hoàn thành 08/08 nhiệm vụ.",
        "(Chi tiết tại Phụ lục 03 kèm theo)",
    ]

    func testTheSeedsKnownErrorsAreFoundAndNothingElse() {
        let findings = ReportLinter.lint(paragraphs: seed)
        let summary = findings.map { "\($0.severity.rawValue) ¶\($0.paragraph) \($0.stated) ≠ \($0.computed)" }
        XCTAssertEqual(summary, [
            "lỗi ¶1 79 nhiệm vụ ≠ 62 + 06 + 12 = 80",
            "lỗi ¶1 7,56% ≠ 06/79 = 7,59%",
            "lỗi ¶1 13,96% ≠ 12/79 = 15,19%",
            "lỗi ¶1 09 nhóm ≠ 8 nhóm được liệt kê",
            "lỗi ¶1 79 nhiệm vụ ≠ 08 + 11 + 05 + 09 + 07 + 18 + 10 + 08 = 76",
        ], summary.joined(separator: "\n"))
        XCTAssertEqual(findings[1].message, "06 trên tổng 79 nhiệm vụ là 7,59%, không phải 7,56%.")
    }

    func testRoundingToThePrintedPrecisionIsNeverAnError() {
        let text = ["- Số nhiệm vụ đã hoàn thành: 5/31 nhiệm vụ đạt 16%.",
                    "- Số nhiệm vụ đã và đang triển khai (nhiệm vụ thường xuyên): 25/31 nhiệm vụ đạt 80,6%.",
                    "Tỷ lệ hồ sơ trực tuyến đạt 111.759/111.780 hồ sơ (99,98%).",
                    "Đến tháng 6/2024 Thái Bình còn 5,76% hộ chưa có điện thoại thông minh."]
        XCTAssertEqual(ReportLinter.lint(paragraphs: text), [])
    }

    func testAFractionAgainstAWrongPercentageIsAnErrorAndACutOneANote() {
        let wrong = ReportLinter.lint(paragraphs: ["Số người dân có tài khoản: 55.000/58.000 người (94,6%)."])
        XCTAssertEqual(wrong.map(\.severity), [.error])
        XCTAssertEqual(wrong.first?.computed, "55.000/58.000 = 94,83%")
        let cut = ReportLinter.lint(paragraphs: ["Đã hoàn thành 2/3 nhiệm vụ (66,6%)."])
        XCTAssertEqual(cut.map(\.severity), [.note], "2/3 = 66,67%: cut, not rounded")
        // A percentage that compares with something else is not the fraction's.
        XCTAssertEqual(ReportLinter.lint(paragraphs: ["Hoàn thành 30/50 chỉ tiêu, tăng 5% so với năm trước."]), [])
    }

    func testATrongDoListMayLeavePartsOutButNotAddMore() {
        let fewer = ReportLinter.lint(paragraphs: ["Tỉnh giao 40 chỉ tiêu, trong đó 30 chỉ tiêu đạt (75%), 5 chỉ tiêu chưa đạt (12,5%)."])
        XCTAssertEqual(fewer.map(\.severity), [.warning])
        XCTAssertEqual(fewer.first?.computed, "30 + 5 = 35")
    }

    func testACountAgainstTheItemsItLists() {
        let text = ["Kế hoạch đề ra 02 nhóm nhiệm vụ với 10 nhiệm vụ:",
                    "- Thể chế số: Hoàn thành 03/05 nhiệm vụ; Chưa triển khai 02 nhiệm vụ (1.2, 1.4, 1.5).",
                    "- Hạ tầng số: Hoàn thành 05/05 nhiệm vụ."]
        let findings = ReportLinter.lint(paragraphs: text)
        XCTAssertEqual(findings.map(\.message), ["Ghi 02 nhưng liệt kê 3 mục."])
        XCTAssertEqual(findings.first?.paragraph, 2)
    }

    func testEnglishSeparatorsInAVietnameseText() {
        let findings = ReportLinter.lint(paragraphs: ["Tỷ lệ đạt 98.7%, dân số 1,445,521 người; tỷ lệ 56,25% và 1.445.521 người là đúng."])
        XCTAssertEqual(findings.map(\.computed), ["98,7%", "1.445.521"])
        XCTAssertTrue(findings.allSatisfy { $0.severity == .warning })
    }
}

