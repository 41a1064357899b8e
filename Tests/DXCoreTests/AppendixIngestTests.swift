import DXCore
import XCTest

/// Reading an old report's appendices: columns by their headers, unit names as readers write
/// them, deadlines in words, and the items, results and documents they give.
final class AppendixIngestTests: XCTestCase {
    let units = [
        OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province),
        OrgUnit(code: "STTTT", name: "Sở Thông tin và Truyền thông tỉnh Thái Bình", kind: .department, parentCode: "34"),
        OrgUnit(code: "VP", name: "Văn phòng Ủy ban nhân dân tỉnh Thái Bình", kind: .department, parentCode: "34"),
        OrgUnit(code: "SKHDT", name: "Sở Kế hoạch và Đầu tư tỉnh Thái Bình", kind: .department, parentCode: "34"),
        OrgUnit(code: "STC", name: "Sở Tài chính tỉnh Thái Bình", kind: .department, parentCode: "34"),
    ]

    func table(_ rows: [[String]]) -> String {
        rows.map { $0.map { "\t" + $0 }.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }

    func testUnitNamesMatchIgnoringToneMarksAbbreviationsAndTheProvincesName() {
        let m = UnitNameMatcher(units: units)
        XCTAssertEqual(m.unit(named: "Sở TT&TT")?.code, "STTTT")
        XCTAssertEqual(m.unit(named: "Sở Thông tin và\nTruyền thông")?.code, "STTTT")
        XCTAssertEqual(m.unit(named: "VP UBND tỉnh")?.code, "VP")
        XCTAssertEqual(m.unit(named: "Văn phòng Ủy ban nhân dân tỉnh")?.code, "VP")
        XCTAssertEqual(m.unit(named: "So Ke hoach va Dau tu")?.code, "SKHDT")
        XCTAssertEqual(m.unit(named: "Sở KH&ĐT")?.code, "SKHDT")
        XCTAssertNil(m.unit(named: "Sở Y tế"))
        XCTAssertEqual(UnitNameMatcher.names(in: "Sở Tài chính, Sở Kế hoạch và Đầu tư; Các sở, ban, ngành"),
                       ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Các sở, ban, ngành"])
        XCTAssertTrue(UnitNameMatcher.isCollective("Các sở, ban, ngành"))
        XCTAssertTrue(UnitNameMatcher.isCollective("UBND huyện, thành phố"))
    }

    func testDeadlinesAsReportsWriteThem() {
        XCTAssertEqual(Deadline(text: "Tháng 6/2024"), .month(year: 2024, month: 6))
        XCTAssertEqual(Deadline(text: "Quý III/2024"), .quarter(year: 2024, quarter: 3))
        XCTAssertEqual(Deadline(text: "Năm 2025"), .year(2025))
        XCTAssertEqual(Deadline(text: "30/6/2024"), .date(CalendarDate(2024, 6, 30)))
        XCTAssertEqual(Deadline(text: "Thường xuyên"), .ongoing)
        XCTAssertEqual(Deadline(text: "Hằng quý"), .quarterly)
        XCTAssertNil(Deadline(text: "Theo tiến độ dự án"))
        XCTAssertNil(Deadline(text: "31/2/2024"))
    }

    func testColumnsAreToldByTheirHeadersAndCanBeCorrected() throws {
        let doc = LintDocument(text: "Phụ lục 01: Chỉ tiêu\n" + table([["TT", "Mục tiêu", "Kết quả", "Ghi chú"], ["1", "80%", "85%", "Hoàn thành"]]))
        var m = AppendixMapping(guessing: doc.tables[0])
        XCTAssertEqual(m.kind, .indicators)
        XCTAssertEqual(m.roles, [.number, .target, .result, .judgement])
        XCTAssertEqual(m.spec, "1:stt,2:muc-tieu,3:ket-qua,4:danh-gia")
        try m.apply(spec: "4:ghi-chu")
        XCTAssertEqual(m.roles, [.number, .target, .result, .note])
        XCTAssertThrowsError(try m.apply(spec: "4:khong-co")) { XCTAssertTrue("\($0)".contains("Vai trò “khong-co” không có")) }
        XCTAssertThrowsError(try m.apply(spec: "bon:ket-qua")) { XCTAssertTrue("\($0)".contains("phải viết dạng số-cột:vai-trò")) }
    }

    func testIndicatorsTasksAndDocumentsComeOutOfTheirTables() throws {
        let text = "Phụ lục 01: Kết quả thực hiện các chỉ tiêu theo Kế hoạch chuyển đổi số năm 2024\n" + table([
            ["TT", "Mục tiêu", "Kết quả", "Ghi chú"],
            ["", "Chính quyền số", "", ""],
            ["1", "Phấn đấu 80% hồ sơ trực tuyến", "Đã cung cấp 60/90 hồ sơ đạt 66,67%", "Chưa đạt"],
            ["2", "Tỷ lệ hồ sơ trễ hạn dưới 5%", "3%", "Hoàn thành"],
            ["3", "Phổ cập 4G/5G", "Hoàn thành 78% phổ cập", "Đạt 78% mục tiêu"],
        ]) + "\nPhụ lục 02: Nhiệm vụ\n" + table([
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kết quả", "Ghi chú"],
            ["1", "Thể chế số", "", "", "", "", ""],
            ["1.1", "Ban hành quy chế dữ liệu", "Sở TT&TT", "VP UBND tỉnh, Sở Y tế; Các sở, ban, ngành", "Tháng 6/2024", "Hoàn thành", "Số 12/QĐ-UBND"],
            ["1.2", "Chính sách thuê chuyên gia", "Sở Nội vụ", "Sở Tài chính", "Thường xuyên", "", "Chưa triển khai"],
        ]) + "\nPhụ lục 03: Văn bản\n" + table([
            ["STT", "Số Ký Hiệu", "Trích Yếu", "Ngày Ban Hành", "Cơ Quan Ban Hành", "Lãnh Đạo Ký"],
            ["1", "12/QĐ-UBND", "Quy chế dữ liệu", "08/3/2024", "Văn phòng Ủy ban nhân dân tỉnh", "Nguyễn Văn A"],
        ])
        let doc = LintDocument(text: text)
        let mappings = doc.tables.map(AppendixMapping.init(guessing:))
        XCTAssertEqual(mappings.map(\.kind), [.indicators, .tasks, .documents])
        let target = IngestTarget(planCode: "KH-2024", unitCode: "34", periodID: "2024S1", year: 2024)
        let r = try AppendixIngest.read(doc, mappings: mappings, into: target, existing: nil, units: units)

        XCTAssertEqual(r.plan.plan.title, "Kế hoạch chuyển đổi số năm 2024")
        XCTAssertEqual(r.plan.plan.pillars.map(\.name), ["Chính quyền số", "Thể chế số"])
        XCTAssertEqual(r.plan.indicators.map(\.code), ["1", "2", "3"])
        XCTAssertEqual(r.plan.indicators.map(\.measure), [.rate, .amount, .qualitative])
        XCTAssertEqual(r.plan.indicators[1].direction, .lowerIsBetter)
        XCTAssertEqual(r.plan.indicators[0].targets.first?.value, 80)
        XCTAssertEqual(r.values.map { [$0.numerator, $0.denominator, $0.value] }, [[60, 90, nil], [nil, nil, 3], [nil, nil, nil]])
        XCTAssertEqual(r.values.map(\.judgement), [.notMet, .met, .partlyMet])

        XCTAssertEqual(r.plan.tasks.map(\.code), ["1.1", "1.2"])
        XCTAssertEqual(r.plan.tasks[0].leadUnitCode, "STTTT")
        XCTAssertEqual(r.plan.tasks[0].cooperatingUnitCodes, ["VP"])
        XCTAssertEqual(r.plan.tasks[0].deadline, .month(year: 2024, month: 6))
        XCTAssertEqual(r.plan.tasks[1].cooperatingUnitCodes, ["STC"])
        XCTAssertEqual(r.taskReports.map(\.status), [.done, .notStarted])
        XCTAssertEqual(r.unmatched, [
            "Phụ lục 02, dòng 3: “Sở Y tế” không khớp đơn vị nào",
            "Phụ lục 02, dòng 4: “Sở Nội vụ” không khớp đơn vị nào",
        ])
        XCTAssertEqual(r.documents.map(\.number), ["12/QĐ-UBND"])
        XCTAssertEqual(r.documents.first?.issued, CalendarDate(2024, 3, 8))
        XCTAssertEqual(r.documents.first?.issuerUnitCode, "VP")
    }

    func testTwoTaskTablesForOnePlanAreRefused() {
        let tasks = table([["STT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "A", "Sở Tài chính"]])
        let doc = LintDocument(text: "Phụ lục 02: A\n" + tasks + "\nPhụ lục 03: B\n" + tasks)
        let target = IngestTarget(planCode: "KH", unitCode: "34", periodID: nil, year: 2024)
        XCTAssertThrowsError(try AppendixIngest.read(doc, mappings: doc.tables.map(AppendixMapping.init(guessing:)), into: target,
                                                     existing: nil, units: units)) {
            XCTAssertEqual("\($0)", "Các bảng Phụ lục 02, Phụ lục 03 đều là bảng nhiệm vụ: một kế hoạch chỉ nhận một bảng nhiệm vụ; chọn một bằng --table.")
        }
    }
}
