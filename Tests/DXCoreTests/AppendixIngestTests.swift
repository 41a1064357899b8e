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

    func testSeveralTaskTablesOfOneReportAllGoIntoThePlan() throws {
        let doc = LintDocument(text: "Phụ lục 02: Nhiệm vụ năm 2024\n" + table([
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả"],
            ["1", "Chuyên trang chuyển đổi số", "Sở TT&TT", "VP UBND tỉnh", "Hoàn thành"],
            ["2", "Quy chế dữ liệu", "Sở Y tế", "", "Đang triển khai"],
        ]) + "\nPhụ lục 03: Nhiệm vụ nâng cao chỉ số\n" + table([
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả"],
            ["1", "Trung tâm dữ liệu", "Sở KH&ĐT", "Sở Tài chính, Sở Xây dựng", "Chưa triển khai"],
        ]))
        let mappings = doc.tables.map(AppendixMapping.init(guessing:))
        XCTAssertEqual(mappings.map(\.kind), [.tasks, .tasks])
        let target = IngestTarget(planCode: "KH", unitCode: "34", periodID: "2024S1", year: 2024)
        let r = try AppendixIngest.read(doc, mappings: mappings, into: target, existing: nil, units: units)
        // Both tables number their tasks from 1: the appendix tells them apart, the same on every reading.
        XCTAssertEqual(r.plan.tasks.map(\.code), ["PL02-1", "PL02-2", "PL03-1"])
        XCTAssertEqual(r.plan.tasks.map(\.leadUnitCode), ["STTTT", nil, "SKHDT"])
        XCTAssertEqual(r.plan.tasks.map(\.cooperatingUnitCodes), [["VP"], [], ["STC"]])
        XCTAssertEqual(r.plan.tasks[1].leadText, "Sở Y tế", "an unmatched lead is kept as written")
        XCTAssertEqual(r.taskReports.map(\.taskCode), ["PL02-1", "PL02-2", "PL03-1"])
        XCTAssertEqual(r.unmatched, [
            "Phụ lục 02, dòng 3: “Sở Y tế” không khớp đơn vị nào",
            "Phụ lục 03, dòng 2: “Sở Xây dựng” không khớp đơn vị nào",
        ])
        XCTAssertEqual(r.mappings.map(\.table), [1, 2])
        // One task table alone keeps the report's own numbers.
        let one = try AppendixIngest.read(doc, mappings: [mappings[1]], into: target, existing: nil, units: units)
        XCTAssertEqual(one.plan.tasks.map(\.code), ["1"])
    }

    // MARK: per-unit tables

    let communes = [
        OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province),
        OrgUnit(code: "STTTT", name: "Sở Thông tin và Truyền thông tỉnh Thái Bình", kind: .department, parentCode: "34"),
        OrgUnit(code: "339", name: "Huyện Hưng Hà", kind: .district, parentCode: "34"),
        OrgUnit(code: "340", name: "Huyện Đông Hưng", kind: .district, parentCode: "34"),
        OrgUnit(code: "12589", name: "Xã Quang Trung", kind: .commune, parentCode: "339"),
        OrgUnit(code: "12616", name: "Xã Đoan Hùng", kind: .commune, parentCode: "339"),
        OrgUnit(code: "12613", name: "Thị trấn Hưng Nhân", kind: .commune, parentCode: "339"),
        OrgUnit(code: "12700", name: "Xã Quang Trung", kind: .commune, parentCode: "340"),
    ]

    func existingPlan() -> PlanContents {
        PlanContents(plan: Plan(code: "KH-HH", slug: "kh-hh", kind: .plan, title: "Kế hoạch chuyển đổi số huyện", issuerCode: "339",
                                horizonFrom: 2024, horizonTo: 2024),
                     indicators: [
                        Indicator(code: "1.1", name: "Tỷ lệ hồ sơ trực tuyến", measure: .rate, targets: []),
                        Indicator(code: "1.2", name: "Số hồ sơ tiếp nhận trực tuyến trong kỳ", measure: .count, targets: []),
                        Indicator(code: "2.1", name: "Tỷ lệ văn bản ký số", measure: .rate, targets: []),
                     ])
    }

    let perUnitText = "Phụ lục 05: Kết quả thực hiện của các đơn vị\n"

    func perUnitDocument() -> LintDocument {
        LintDocument(text: perUnitText + table([
            ["STT", "Đơn vị", "Tỷ lệ hồ sơ trực tuyến (%)", "Số hồ sơ", "2.1", "Ghi chú"],
            ["1", "UBND xã Quang Trung", "85,5", "1.245", "120/150", ""],
            ["2", "Đoan Hùng", "90", "980", "", "Chưa báo cáo ký số"],
            ["3", "TT Hưng Nhân", "70", "500", "30/40", ""],
            ["4", "Xã Tiến Đức", "60", "300", "10/20", ""],
            ["", "Tổng cộng", "76,4", "3.025", "160/210", ""],
        ]))
    }

    func testPerUnitTablesAreToldByAUnitColumnBesideColumnsOfFigures() {
        let m = AppendixMapping(guessing: perUnitDocument().tables[0])
        XCTAssertEqual(m.kind, .units)
        XCTAssertEqual(m.roles, [.number, .unit, .value, .value, .value, .note])
        XCTAssertEqual(ColumnRole.guess(header: "Xã, thị trấn"), .unit)
        XCTAssertEqual(ColumnRole.guess(header: "Tên đơn vị"), .unit)
        XCTAssertNil(ColumnRole.guess(header: "Đơn vị tính"), "a unit of measure is no unit")
        XCTAssertEqual(ColumnRole.guess(header: "Đơn vị chủ trì"), .lead)
    }

    func testEachUnitsFiguresBecomeItsValuesAndUnmatchedUnitsAreListed() throws {
        let doc = perUnitDocument()
        var m = AppendixMapping(guessing: doc.tables[0])
        let target = IngestTarget(planCode: "KH-HH", unitCode: "339", periodID: "2024S1", year: 2024)
        // "Số hồ sơ" is too short to be taken for "Số hồ sơ tiếp nhận trực tuyến trong kỳ": the
        // reading stops and says how to name the indicator.
        XCTAssertThrowsError(try AppendixIngest.read(doc, mappings: [m], into: target, existing: existingPlan(), units: communes)) {
            XCTAssertEqual("\($0)", "Phụ lục 05, cột 4 “Số hồ sơ”: không khớp chỉ tiêu nào của kế hoạch KH-HH; chọn mã chỉ tiêu cho cột (dòng lệnh: --columns 1=4:gia-tri=MÃ).")
        }
        try m.apply(spec: "4:gia-tri=1.2")
        XCTAssertEqual(m.spec, "1:stt,2:don-vi,3:gia-tri,4:gia-tri=1.2,5:gia-tri,6:ghi-chu")
        let r = try AppendixIngest.read(doc, mappings: [m], into: target, existing: existingPlan(), units: communes)
        XCTAssertEqual(r.mappings.first?.indicators, [2: "1.1", 3: "1.2", 4: "2.1"], "by name without its unit of measure, as told, by code")
        func values(_ unit: String) -> [String] {
            r.values.filter { $0.unitCode == unit }.map { v in
                "\(v.indicatorCode)=" + (v.numerator.map { "\(Int($0))/\(Int(v.denominator ?? 0))" } ?? v.value.map { "\($0)" } ?? v.text ?? "")
            }
        }
        // "UBND xã Quang Trung": the one under Hưng Hà, not Đông Hưng's; "Đoan Hùng" without
        // "Xã"; "TT Hưng Nhân" is not matched (TT is also "trung tâm") and is listed.
        XCTAssertEqual(values("12589"), ["1.1=85.5", "1.2=1245.0", "2.1=120/150"])
        XCTAssertEqual(values("12616"), ["1.1=90.0", "1.2=980.0"])
        XCTAssertEqual(values("12700"), [])
        XCTAssertEqual(Set(r.values.map(\.periodID)), ["2024S1"])
        XCTAssertEqual(r.values.count, 5, "the total row is no unit's report")
        XCTAssertEqual(r.unmatched, [
            "Phụ lục 05, dòng 4: “TT Hưng Nhân” không khớp đơn vị nào",
            "Phụ lục 05, dòng 5: “Xã Tiến Đức” không khớp đơn vị nào",
        ])
    }

    func testAPerUnitTableNeedsAnExistingPlanAPeriodAndIndicatorsOfThePlan() throws {
        let doc = perUnitDocument()
        var m = AppendixMapping(guessing: doc.tables[0])
        try m.apply(spec: "4:gia-tri=1.2")
        let target = IngestTarget(planCode: "KH-KHONG-CO", unitCode: "339", periodID: "2024S1", year: 2024)
        XCTAssertThrowsError(try AppendixIngest.read(doc, mappings: [m], into: target, existing: nil, units: communes)) {
            XCTAssertTrue("\($0)".hasPrefix("Chưa có kế hoạch “KH-KHONG-CO”: số liệu theo đơn vị của Phụ lục 05"), "\($0)")
        }
        var noPeriod = target
        noPeriod.periodID = nil
        XCTAssertThrowsError(try AppendixIngest.read(doc, mappings: [m], into: noPeriod, existing: existingPlan(), units: communes)) {
            XCTAssertEqual("\($0)", "Phụ lục 05 ghi số liệu của từng đơn vị: cần chọn kỳ của số liệu (--period).")
        }
        try m.apply(spec: "4:gia-tri=9.9")
        XCTAssertThrowsError(try AppendixIngest.read(doc, mappings: [m], into: target, existing: existingPlan(), units: communes)) {
            XCTAssertEqual("\($0)", "Phụ lục 05, cột 4: kế hoạch KH-HH không có chỉ tiêu mã “9.9”.")
        }
        XCTAssertThrowsError(try m.apply(spec: "2:don-vi=1.1")) { XCTAssertTrue("\($0)".contains("chỉ cột gia-tri mới ghi kèm mã chỉ tiêu")) }
    }

    func testCommunesAndDistrictsAreMatchedAsReportsNameThem() {
        let m = UnitNameMatcher(units: communes)
        XCTAssertEqual(m.unit(named: "UBND xã Đoan Hùng")?.code, "12616")
        XCTAssertEqual(m.unit(named: "Ủy ban nhân dân xã Doan Hung")?.code, "12616")
        XCTAssertEqual(m.unit(named: "Đoan Hùng")?.code, "12616")
        XCTAssertEqual(m.unit(named: "UBND huyện Hưng Hà")?.code, "339")
        XCTAssertNil(m.unit(named: "Xã Quang Trung"), "two communes of that name, and no district to choose by")
        XCTAssertEqual(m.unit(named: "Xã Quang Trung", within: "340")?.code, "12700")
        XCTAssertEqual(m.unit(named: "Sở TT&TT", within: "339")?.code, "STTTT", "a unit outside the scope is still the one unit of its name")
    }
}
