import DXCore
import DXReports
import DXStore
import DXTestSupport
import XCTest

/// The demo's half-year report of 2024 as the seed (`000_*.txt`) was issued: two task plans in
/// section I, section II in the seed's words with its figures read from stored facts, and the
/// references of a template checked when it is saved. On SQLite and PostgreSQL.
final class SeedReportTests: XCTestCase {
    static let coordinator = Actor(username: "dieuphoi")

    func eachWithDemo(_ body: (StoreRuntime) async throws -> Void) async throws {
        try await TestDatabases.each(snapshot: "demo-round-template", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
            try await DemoReportTemplate.load(into: rt.store, settings: ReportTemplates.standard)
        }, body)
    }

    func testTheHalfYearReportHasBothTaskPlansInTheSeedsOrder() async throws {
        try await eachWithDemo { rt in
            let found = try await rt.store.reportTemplate(DemoReportTemplate.halfYearCode)
            let t = try XCTUnwrap(found)
            XCTAssertEqual(t.taskPlans, [ReportTaskPlan(code: "83/KH-BCĐ", statedTotal: 49), ReportTaskPlan(code: "121/KH-UBND")])
            let report = try await rt.store.officialReport(template: t, period: "2024S1", number: 83, date: CalendarDate(2024, 7, 5))
            XCTAssertEqual(report.appendices.map(\.kind), [.indicators, .tasks, .tasks, .documents])
            let partI = report.sections[0].items
            XCTAssertEqual(partI.map(\.number), ["1", "2", "3"])
            XCTAssertEqual(partI[1].title, "Kết quả thực hiện nhiệm vụ theo Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024")
            XCTAssertEqual(partI[1].paragraphs[0].text,
                           "Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 49 nhiệm vụ (6 tháng đầu năm 31 nhiệm vụ):")
            XCTAssertEqual(partI[1].paragraphs.last?.text, "(Chi tiết tại Phụ lục II kèm theo).")
            XCTAssertEqual(partI[2].title, "Kết quả thực hiện nhiệm vụ theo Kế hoạch nâng cao chỉ số chuyển đổi số tỉnh Thái Bình (năm 2023)")
            XCTAssertTrue(partI[2].paragraphs[0].text.contains("đề ra 08 nhóm nhiệm vụ với 75 nhiệm vụ"), partI[2].paragraphs[0].text)
            XCTAssertEqual(partI[2].paragraphs.last?.text, "(Chi tiết tại Phụ lục III kèm theo).")
            XCTAssertEqual(report.appendices[2].title, "Kết quả thực hiện nhiệm vụ theo Kế hoạch nâng cao chỉ số chuyển đổi số tỉnh Thái Bình (năm 2023)")

            let partII = report.sections[1].items
            XCTAssertEqual(partII.map(\.title).last, "Văn bản chỉ đạo, điều hành", "the documents appendix is still cited")
            XCTAssertEqual(partII.count, 10)
            XCTAssertEqual(partII[1].title, "Hạ tầng số")
            let text = partII.flatMap(\.paragraphs).map(\.text).joined(separator: "\n")
            for figure in ["80/100 máy chủ", "đạt 80%", "5.192 cán bộ", "09 khóa học", "1.445.521 hồ sơ", "21.979.427 sự kiện",
                           "111.759/111.780 (đạt 99,98%)", "55.000/58.000 (94,83%)", "318.667/441.183 (72,23%)"] {
                XCTAssertTrue(text.contains(figure), figure)
            }
            XCTAssertFalse(text.contains("[["), "every reference is resolved")
            XCTAssertFalse(text.contains(FigureResolver.missing), "the demo holds every figure the seed quotes")
        }
    }

    func testReferencesToWhatDoesNotExistAreRefusedNamingIt() async throws {
        try await eachWithDemo { rt in
            let found = try await rt.store.reportTemplate(DemoReportTemplate.halfYearCode)
            let base = try XCTUnwrap(found)
            func refused(_ text: String, _ message: String) async throws {
                var t = base
                t.settings.narrativeBlocks = [NarrativeBlock(heading: "Dữ liệu số", text: text)]
                do {
                    try await rt.store.saveReportTemplate(t, creating: false, by: Self.coordinator)
                    XCTFail("saved: \(text)")
                } catch let e as StoreError {
                    XCTAssertEqual(e.description, message)
                }
            }
            try await refused("Đạt [[value|SL-CĐS-2024|99.9]].", "Mục II.1: tham chiếu “[[value|SL-CĐS-2024|99.9]]”: kế hoạch SL-CĐS-2024 không có chỉ tiêu 99.9.")
            try await refused("Đạt [[value|SL-CĐS-2024|4.2|99999]].", "Mục II.1: tham chiếu “[[value|SL-CĐS-2024|4.2|99999]]”: không có đơn vị mã 99999.")
            try await refused("Đạt [[tasks|KH-KHONG-CO|done]].", "Mục II.1: tham chiếu “[[tasks|KH-KHONG-CO|done]]”: không có kế hoạch KH-KHONG-CO.")
            try await refused("Đạt [[value|SL-CĐS-2024|4.2|34|2024S3]].",
                              "Mục II.1: tham chiếu “[[value|SL-CĐS-2024|4.2|34|2024S3]]” không hợp lệ: kỳ “2024S3” không tồn tại (ví dụ 2024, 2024S1, 2024Q3, 202403, 2024N9).")
            var t = base
            t.taskPlans.append(ReportTaskPlan(code: "KH-KHONG-CO"))
            do {
                try await rt.store.saveReportTemplate(t, creating: false, by: Self.coordinator)
                XCTFail("an unknown task plan must be refused")
            } catch let e as StoreError {
                XCTAssertEqual(e.description, "Không tìm thấy kế hoạch KH-KHONG-CO")
            }
        }
    }

    func testAFigureWithoutCountedDataShowsAsMissingAndThePreviewLetsDraftsIn() async throws {
        try await eachWithDemo { rt in
            let found = try await rt.store.reportTemplate(DemoReportTemplate.halfYearCode)
            var t = try XCTUnwrap(found)
            // Hưng Hà is drafting its 2024 report: its figures do not count yet.
            t.settings.narrativeBlocks = [NarrativeBlock(heading: "Hưng Hà", text: "- Văn bản ký số: [[parts|KH-CĐS-2024|16|339|2024]]; chứng thực điện tử: [[value|SL-CĐS-2024|8.2|338]].")]
            try await rt.store.saveReportTemplate(t, creating: false, by: Self.coordinator)
            let official = try await rt.store.officialReport(template: t, period: "2024S1", number: nil, date: CalendarDate(2024, 7, 5))
            XCTAssertEqual(official.sections[1].items[0].paragraphs.map(\.text),
                           ["- Văn bản ký số: (chưa có số liệu); chứng thực điện tử: (chưa có số liệu)."])
            let preview = try await rt.store.officialReport(template: t, period: "2024S1", number: nil, date: CalendarDate(2024, 7, 5),
                                                            includeUnsubmitted: true)
            XCTAssertEqual(preview.sections[1].items[0].paragraphs.map(\.text),
                           ["- Văn bản ký số: 286/286; chứng thực điện tử: (chưa có số liệu)."])
        }
    }
}
