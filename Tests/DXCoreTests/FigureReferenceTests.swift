import DXCore
import XCTest

/// References to stored figures in section II: reading them, refusing what cannot be read, and
/// resolving them with the evaluation's own aggregation, printed the Vietnamese way.
final class FigureReferenceTests: XCTestCase {
    static let plan = Plan(code: "SL-CĐS-2024", slug: "sl-cds-2024", kind: .plan, title: "Số liệu", issuerCode: "34",
                           horizonFrom: 2024, horizonTo: 2024)
    static let tasksPlan = Plan(code: "121/KH-UBND", slug: "121", kind: .plan, title: "Kế hoạch 121", issuerCode: "34",
                                horizonFrom: 2023, horizonTo: 2023)
    static let tree = try! UnitTree([
        OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province),
        OrgUnit(code: "338", name: "Huyện Quỳnh Phụ", kind: .district, parentCode: "34"),
        OrgUnit(code: "344", name: "Huyện Vũ Thư", kind: .district, parentCode: "34"),
        OrgUnit(code: "341", name: "Huyện Thái Thụy", kind: .district, parentCode: "34"),
    ])

    func resolver() -> FigureResolver {
        let indicators = [
            Indicator(code: "4.2", name: "BTXH", measure: .rate, unitOfMeasure: "%"),
            Indicator(code: "7.5", name: "Hồ sơ định danh", measure: .count, unitOfMeasure: "hồ sơ"),
            Indicator(code: "2.1", name: "Khóa học", measure: .count),
            Indicator(code: "8.1", name: "Hộ tịch làm sạch", measure: .count, temporal: .flow),
            Indicator(code: "9.9", name: "Chưa có số liệu", measure: .count),
        ]
        let values = [
            DataValue(planCode: Self.plan.code, indicatorCode: "4.2", unitCode: "34", periodID: "2024S1", numerator: 111_759, denominator: 111_780),
            DataValue(planCode: Self.plan.code, indicatorCode: "7.5", unitCode: "34", periodID: "2024S1", value: 1_445_521),
            DataValue(planCode: Self.plan.code, indicatorCode: "2.1", unitCode: "34", periodID: "2024S1", value: 9),
            DataValue(planCode: Self.plan.code, indicatorCode: "8.1", unitCode: "344", periodID: "2024S1", value: 2_225),
            DataValue(planCode: Self.plan.code, indicatorCode: "8.1", unitCode: "338", periodID: "2024S1", value: 8_824),
        ]
        let tasks = (1...4).map { PlanTask(code: "1.\($0)", title: "Nhiệm vụ \($0)") }
        let reports = [TaskStatus.done, .done, .notStarted].enumerated().map { i, s in
            TaskReport(planCode: Self.tasksPlan.code, taskCode: "1.\(i + 1)", unitCode: "34", periodID: "2023", status: s)
        }
        return FigureResolver(tree: Self.tree, unit: Self.tree["34"]!, period: Period(identifier: "2024S1")!, plans: [
            Self.plan.code: FigurePlan(plan: Self.plan, indicators: indicators, tasks: [], values: values, taskReports: []),
            Self.tasksPlan.code: FigurePlan(plan: Self.tasksPlan, indicators: [], tasks: tasks, values: [], taskReports: reports),
        ])
    }

    func testTokensAreReadWithTheReportsUnitAndPeriodAsDefaults() {
        let parts = FigureText.parse("Toàn tỉnh thu nhận [[value|SL-CĐS-2024|7.5]] hồ sơ; BTXH [[parts| SL-CĐS-2024 |4.2|34|2024S1]].")
        XCTAssertEqual(parts.count, 5)
        guard case .reference(let a, let token) = parts[1], case .reference(let b, _) = parts[3] else { return XCTFail("\(parts)") }
        XCTAssertEqual(a, FigureReference(kind: .value, plan: "SL-CĐS-2024", item: "7.5"))
        XCTAssertEqual(token, "[[value|SL-CĐS-2024|7.5]]")
        XCTAssertEqual(b, FigureReference(kind: .parts, plan: "SL-CĐS-2024", item: "4.2", unit: "34", period: "2024S1"))
        XCTAssertEqual(b.token, "[[parts|SL-CĐS-2024|4.2|34|2024S1]]")
        XCTAssertEqual(FigureReference(kind: .value, plan: "P", item: "1", period: "2024").token, "[[value|P|1||2024]]")
        XCTAssertEqual(FigureReference(kind: .tasks, plan: "83/KH-BCĐ", item: "done").token, "[[tasks|83/KH-BCĐ|done]]")
    }

    func testWhatCannotBeReadIsRefusedWithAVietnameseReasonNamingIt() {
        let blocks = [NarrativeBlock(heading: "Dữ liệu số", text: "a [[valeur|P|1]] b [[value|P]] c [[value|P|1|34|2024Q5]]"),
                      NarrativeBlock(heading: "Nhiệm vụ", text: "[[tasks|P|finished]] và [[value|P|1")]
        let messages = NarrativeBlock.problems(blocks).map(\.message)
        XCTAssertEqual(messages.count, 5, "\(messages)")
        XCTAssertTrue(messages[0].hasPrefix("Mục II.1: tham chiếu “[[valeur|P|1]]” không hợp lệ: loại “valeur” không có"), messages[0])
        XCTAssertTrue(messages[1].contains("[[value|KẾ HOẠCH|CHỈ TIÊU|ĐƠN VỊ|KỲ]]"), messages[1])
        XCTAssertTrue(messages[2].contains("kỳ “2024Q5” không tồn tại"), messages[2])
        XCTAssertTrue(messages[3].hasPrefix("Mục II.2") && messages[3].contains("trạng thái “finished” không có"), messages[3])
        XCTAssertTrue(messages[4].contains("thiếu “]]”"), messages[4])
        XCTAssertTrue(NarrativeBlock.problems(blocks).allSatisfy { $0.path == "sectionII" })
    }

    func testFiguresArePrintedInVietnameseAndAMissingFigureShowsAsMissing() {
        let r = resolver()
        XCTAssertEqual(r.render("Toàn tỉnh thu nhận [[value|SL-CĐS-2024|7.5]] hồ sơ."), "Toàn tỉnh thu nhận 1.445.521 hồ sơ.")
        XCTAssertEqual(r.render("BTXH: [[parts|SL-CĐS-2024|4.2]] (đạt [[value|SL-CĐS-2024|4.2]])"), "BTXH: 111.759/111.780 (đạt 99,98%)")
        XCTAssertEqual(r.render("cung cấp [[value|SL-CĐS-2024|2.1]] khóa học"), "cung cấp 09 khóa học", "counts below ten have two digits")
        XCTAssertEqual(r.render("[[value|SL-CĐS-2024|9.9]]"), FigureResolver.missing)
        XCTAssertEqual(r.render("[[value|SL-CĐS-2024|7.5|34|2025S1]]"), "(chưa có số liệu)", "another period has no figure")
        XCTAssertEqual(r.render("[[parts|SL-CĐS-2024|7.5]]"), FigureResolver.missing, "a count has no parts")
        XCTAssertEqual(r.render("[[value|KHÔNG-CÓ|1]]"), FigureResolver.missing)
        XCTAssertEqual(r.render("Vũ Thư [[value|SL-CĐS-2024|8.1|344]], Quỳnh Phụ [[value|SL-CĐS-2024|8.1|338]]"), "Vũ Thư 2.225, Quỳnh Phụ 8.824")
    }

    func testASumAddsTheUnitsUnderAUnit() {
        let r = resolver()
        XCTAssertEqual(r.render("[[sum|SL-CĐS-2024|8.1|34]]"), "11.049")
        XCTAssertEqual(r.render("[[sum|SL-CĐS-2024|8.1]]"), "11.049", "under the report's unit by default")
        XCTAssertEqual(r.render("[[sum|SL-CĐS-2024|8.1|344]]"), FigureResolver.missing, "a district without units under it")
    }

    func testTaskCountsByStatusUseThePeriodThePlanIsReportedIn() {
        let r = resolver()
        // Plan 121 ended in 2023: a 2024 report counts its tasks of 2023.
        XCTAssertEqual(r.render("[[tasks|121/KH-UBND|done]]/[[tasks|121/KH-UBND|all]]"), "02/04")
        XCTAssertEqual(r.render("[[tasks|121/KH-UBND|notStarted]], [[tasks|121/KH-UBND|noReport]]"), "01, 01")
        XCTAssertEqual(r.render("[[tasks|121/KH-UBND|done|2022]]"), "00")
    }

    func testBlocksAreEditedAsOneTextHeadedByHashLines() {
        let blocks = [NarrativeBlock(heading: "Hạ tầng số", text: "- Dòng một.\n- Dòng hai [[value|P|1]]."),
                      NarrativeBlock(heading: "Nhân lực số", text: "- Một dòng.")]
        let text = NarrativeBlock.joined(blocks)
        XCTAssertEqual(text, "# Hạ tầng số\n- Dòng một.\n- Dòng hai [[value|P|1]].\n\n# Nhân lực số\n- Một dòng.")
        XCTAssertEqual(NarrativeBlock.split(text.replacingOccurrences(of: "\n", with: "\r\n")), blocks)
        XCTAssertEqual(NarrativeBlock.split("Không tiêu đề\n#  Tiêu đề  \n\n"), [NarrativeBlock(heading: "", text: "Không tiêu đề"),
                                                                                 NarrativeBlock(heading: "Tiêu đề", text: "")])
    }

    func testTemplatesWithOneTaskPlanStillDecodeAndSeveralAreKeptInOrder() throws {
        let old = #"{"code":"a","name":"A","planCode":"KH","tasksPlanCode":"83/KH-BCĐ","settings":{"parentBody":"","issuingBody":"BCĐ","symbol":"BC-BCĐ","place":"Thái Bình","date":"2024-07-05","subject":"","introduction":"","authority":[],"signerName":"","recipients":["x"],"archive":"VT","includeTasks":true,"includeDocuments":true}}"#
        let decoded = try JSONDecoder().decode(ReportTemplate.self, from: Data(old.utf8))
        XCTAssertEqual(decoded.taskPlans, [ReportTaskPlan(code: "83/KH-BCĐ")])
        var t = decoded
        t.taskPlans = [ReportTaskPlan(code: "83/KH-BCĐ", statedTotal: 49), ReportTaskPlan(code: "121/KH-UBND")]
        let back = try JSONDecoder().decode(ReportTemplate.self, from: JSONEncoder().encode(t))
        XCTAssertEqual(back, t)
        XCTAssertEqual(back.tasksPlanCode, "83/KH-BCĐ")
        // Stored: the list inside the settings JSON, read back by a template built from the row.
        let row = ReportTemplate(code: "a", name: "A", planCode: "KH", tasksPlanCode: "83/KH-BCĐ", settings: t.storedSettings)
        XCTAssertEqual(row.taskPlans, t.taskPlans)
        XCTAssertNil(row.settings.taskPlans, "one source of truth: the template's list")
        t.taskPlans.append(ReportTaskPlan(code: "83/KH-BCĐ"))
        XCTAssertTrue(t.problems().contains { $0.message == "Kế hoạch nhiệm vụ 83/KH-BCĐ được chọn hai lần." })
    }

    func testAPlanThatEndedBeforeTheReportIsReportedOverItsLastYear() {
        XCTAssertEqual(ReportTaskPlan.period(for: Self.tasksPlan, in: Period(identifier: "2024S1")!).identifier, "2023")
        XCTAssertEqual(ReportTaskPlan.period(for: Self.plan, in: Period(identifier: "2024S1")!).identifier, "2024S1")
    }
}
