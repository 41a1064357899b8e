import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// The demo's half-year report of 2024 downloaded as DOCX and read back with python-docx: it
/// says what the real report (shared/seeds/000) says, figure by figure — except where the seed
/// contradicts itself (domain.md §12), where it gives the correct figure instead.
final class SeedReportWebTests: XCTestCase {
    /// What the seed says, as the generated report must print it.
    static let seedFigures: [String] = [
        // I.2 and I.3: both task plans, in the seed's order.
        "2. Kết quả thực hiện nhiệm vụ theo Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024",
        "đặt ra 49 nhiệm vụ (6 tháng đầu năm 31 nhiệm vụ):",
        "Số nhiệm vụ đã hoàn thành: 05/31 nhiệm vụ",
        "Số nhiệm vụ chưa triển khai: 01 nhiệm vụ",
        "3. Kết quả thực hiện nhiệm vụ theo Kế hoạch nâng cao chỉ số chuyển đổi số tỉnh Thái Bình (năm 2023)",
        "Nhận thức số: Hoàn thành 08/08 nhiệm vụ",
        "Hạ tầng số: Hoàn thành 04/05 nhiệm vụ",
        "Nhân lực số: Hoàn thành 05/09 nhiệm vụ",
        "Hoạt động kinh tế số: Hoàn thành 10/10 nhiệm vụ",
        "Hoạt động xã hội số: Hoàn thành 08/08 nhiệm vụ",
        // II: the figures of the seed's section II.
        "80/100 máy chủ thực hiện triển khai theo công nghệ ảo hóa đạt 80%",
        "cung cấp 09 khóa học về chuyển đổi số với sự tham gia của 5.192 cán bộ công chức, viên chức",
        "đã đăng tải 25 tin, bài", "gần 420 tin, bài, hình ảnh", "172 phóng sự", "262 tin về hoạt động",
        "cung cấp dữ liệu 12 lĩnh vực",
        "Đối tượng BTXH: 111.759/111.780 (đạt 99,98%)",
        "Đối tượng Trẻ em: 318.667/441.183 (72,23%)",
        "đã ghi nhận 21.979.427 sự kiện an toàn thông tin, phối hợp xử lý 26 cảnh báo",
        "rà quét 33 trang/cổng thông tin điện tử", "phát hiện 1.240 lỗ hổng bảo mật", "ban hành 16 văn bản kiến nghị",
        "đạt 43,87% (Mục tiêu 80%", "đạt 78,3% (Mục tiêu: 50%)", "đạt 2,22% (Mục tiêu: 45%)", "đạt 78,98% (Mục tiêu: 100%)",
        "số hóa hồ sơ đạt 81,16% (Mục tiêu: 100%)", "phát sinh hồ sơ đạt 74,5% (Mục tiêu 85%)",
        "Tỷ lệ văn bản điện tử ký số đạt 99,1% (Mục tiêu là: 97%)", "Lãnh đạo đạt 79,7% (Mục tiêu là: 50%)",
        "Đã có 15 sở, ban, ngành",
        "Tổng số người có tài khoản: 79.448/169.780 người", "Tổng số người nhận chi trả qua tài khoản: 45.809/79.448 người",
        "3.903.369 đơn hàng với tổng số tiền thu hộ đạt 885.439 triệu đồng",
        "Toàn tỉnh thu nhận 1.445.521 hồ sơ; kích hoạt 987.217 hồ sơ",
        "thu nhận được 49.350 hồ sơ, kích hoạt được 28.888 hồ sơ",
        "làm sạch được 2.225 hồ sơ", "với 17.644 hồ sơ chứng thực điện tử", "đã làm sạch được 8.824 hồ sơ",
    ]

    /// The seed's own errors and what the report says instead: the counts of its appendices
    /// (which the demo holds), computed, and percentages of the stated parts.
    static let seedErrors: [(wrong: String, correct: String)] = [
        // I.2: "25/31" underway counts two tasks whose result is free text (1.1, 6.1).
        ("25/31", "Số nhiệm vụ đã và đang triển khai: 23/31 nhiệm vụ"),
        // I.3: "09 nhóm nhiệm vụ với 79 nhiệm vụ" whose parts add up to 80, per pillar to 76,
        // and whose appendix lists 75 in 8 groups.
        ("với 79 nhiệm vụ", "đề ra 08 nhóm nhiệm vụ với 75 nhiệm vụ"),
        ("62 nhiệm vụ hoàn thành (78,48%)", "59 nhiệm vụ hoàn thành (78,67%)"),
        // "06 (7,56%)" of 79 is 7,59%; the appendix has 05 not completed of 75.
        ("(7,56%)", "05 nhiệm vụ chưa hoàn thành (6,67%)"),
        // Per pillar the summary disagrees with its appendix.
        ("Thể chế số: Hoàn thành 09/11", "Thể chế số: Hoàn thành 08/10 nhiệm vụ"),
        ("An toàn thông tin mạng: Hoàn thành 07/07", "An toàn thông tin mạng: Hoàn thành 06/07 nhiệm vụ"),
        ("Hoạt động chính quyền số: Hoàn thành 11/18", "Hoạt động chính quyền số: Hoàn thành 10/18 nhiệm vụ"),
        // 55.000/58.000 is 94,83%, not 94,6%.
        ("(94,6%)", "Đối tượng Người có công: 55.000/58.000 (94,83%)"),
        // 45.809/79.448 is 57,66%: "57,6%" cut the figure instead of rounding it.
        ("(57,6%)", "45.809/79.448 người (57,66%)"),
    ]

    func testTheDemosHalfYearReportSaysWhatTheSeedSays() async throws {
        let py = try PythonReaders.python(with: "docx")
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            var data = Data()
            try await app.test(.GET, "/reports/bao-cao-6-thang-2024/report.docx?period=2024S1&number=83&date=2024-07-05", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                data = Data(res.body.readableBytesView)
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-seed-\(UUID().uuidString).docx")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            // Paragraphs, then every table cell: what a reader of the document sees.
            let script = """
            import sys, docx
            d = docx.Document(sys.argv[1])
            for p in d.paragraphs: print(p.text)
            for t in d.tables:
                for row in t.rows:
                    for c in row.cells: print(c.text)
            """
            let r = try PythonReaders.run(py, ["-c", script, file.path])
            XCTAssertEqual(r.status, 0, r.output)
            let text = r.output
            for figure in Self.seedFigures {
                XCTAssertTrue(text.contains(figure), "the seed's “\(figure)” is not in the report")
            }
            for (wrong, correct) in Self.seedErrors {
                XCTAssertFalse(text.contains(wrong), "the seed's error “\(wrong)” is repeated")
                XCTAssertTrue(text.contains(correct), "the correct “\(correct)” is not in the report")
            }
            XCTAssertFalse(text.contains(FigureResolver.missing), "every figure the seed quotes is stored")
            XCTAssertFalse(text.contains("[["), "no reference is left unresolved")
            // The appendices in the seed's order: indicators, the two task plans, documents.
            let appendixTitles = text.split(separator: "\n").filter { $0.hasPrefix("Phụ lục ") }.map(String.init)
            XCTAssertEqual(appendixTitles, ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV"], text)
        }
    }

    func testTheEditorRefusesAReferenceToWhatDoesNotExistAtTheField() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/reports/bao-cao-6-thang-2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("# Hạ tầng số"), "section II is edited as one text headed by # lines")
                XCTAssertTrue(page.contains("<code>[[value|SL-CĐS-2024|7.5]]</code>"), "the picker lists copyable references")
                XCTAssertTrue(page.contains("<code>[[tasks|83/KH-BCĐ|done]]</code>"))
                XCTAssertTrue(page.contains("<option value=\"121/KH-UBND\" selected>"), "the second task plan is chosen")
                XCTAssertTrue(page.contains("name=\"tasksPlanStated\" inputmode=\"numeric\" size=\"4\" value=\"49\""))
                XCTAssertTrue(page.contains("<div class=\"builder row\" hidden>"), "the builder shows only with the script")
                XCTAssertTrue(page.contains("<script src=\"/static/picker.js\" defer></script>"))
            }
            try await app.test(.GET, "/static/picker.js") { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.description, "text/javascript; charset=utf-8")
                XCTAssertTrue(res.body.string.contains("textarea[name=\"sectionII\"]"))
            }
            let fields = ReportTemplateWebTests.fields.map { $0.0 == "tasksPlan" ? ($0.0, "83/KH-BCĐ") : $0 }
                + [("tasksPlan.1", "121/KH-UBND"), ("tasksPlanStated", "49"),
                   ("sectionII", "# Dữ liệu số\n- Đối tượng BTXH: [[parts|SL-CĐS-2024|4.2]]; khác: [[value|SL-CĐS-2024|4.9|TB-KHONG]].")]
            try await app.test(.POST, "/reports/bao-cao-6-thang-2024", headers: b.headers, body: formBody([("_csrf", b.csrf)] + fields)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let page = res.body.string
                XCTAssertTrue(page.contains("<p class=\"err\" id=\"err-sectionII\">Mục II.1: tham chiếu “[[value|SL-CĐS-2024|4.9|TB-KHONG]]”: kế hoạch SL-CĐS-2024 không có chỉ tiêu 4.9.</p>"), page)
                XCTAssertTrue(page.contains("không có đơn vị mã TB-KHONG."))
                XCTAssertTrue(page.contains("[[parts|SL-CĐS-2024|4.2]]"), "what was typed is kept")
            }
            let good = fields.map { $0.0 == "sectionII" ? ($0.0, "# Dữ liệu số\r\n- Đối tượng BTXH: [[parts|SL-CĐS-2024|4.2]] ([[value|SL-CĐS-2024|4.2]]).") : $0 }
            try await app.test(.POST, "/reports/bao-cao-6-thang-2024", headers: b.headers, body: formBody([("_csrf", b.csrf)] + good)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let found = try await Store(app.db).reportTemplate("bao-cao-6-thang-2024")
            let saved = try XCTUnwrap(found)
            XCTAssertEqual(saved.taskPlans, [ReportTaskPlan(code: "83/KH-BCĐ", statedTotal: 49), ReportTaskPlan(code: "121/KH-UBND")])
            XCTAssertEqual(saved.settings.narrativeBlocks, [NarrativeBlock(heading: "Dữ liệu số", text: "- Đối tượng BTXH: [[parts|SL-CĐS-2024|4.2]] ([[value|SL-CĐS-2024|4.2]]).")])
            try await app.test(.GET, "/reports/bao-cao-6-thang-2024/report.html?period=2024S1", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("- Đối tượng BTXH: 111.759/111.780 (99,98%)."))
            }
        }
    }
}
