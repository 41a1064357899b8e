import DXCore
import XCTest

/// The summary sentences of a report's section I (docs/evaluation.md §6–7).
final class SummaryTests: XCTestCase {
    // MARK: - The demo plan, as the seed reports it

    /// The 16 indicators of "Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024" with the province's
    /// figures for 6 tháng đầu năm 2024, evaluated the way the dashboard and `dxtrack evaluate`
    /// do: aggregate for unit 34, then evaluate at the province's level.
    private func demoEvaluations() throws -> [IndicatorEvaluation] {
        let plan = try DemoResources.plan("kh-cds-2024")
        let tree = try DemoResources.units()
        var values = try DemoResources.values()
        // The qualitative indicators 10 and 14 state the share of their target ("Đạt 50% mục
        // tiêu", "Hoàn thành 78%"); the demo records it as the value.
        for i in values.indices where values[i].planCode == plan.code && values[i].value == nil {
            switch values[i].indicatorCode {
            case "10": values[i].value = 50
            case "14": values[i].value = 78
            default: break
            }
        }
        let province = try XCTUnwrap(tree["34"])
        let period = Period.halfYear(2024, 1)
        return plan.indicators.map(\.domain).map { indicator in
            let aggregator = IndicatorAggregator(indicator: indicator, tree: tree,
                                                 values: values.filter { $0.planCode == plan.code })
            return IndicatorEvaluation(indicator: indicator, aggregate: aggregator.value(of: "34", in: period),
                                       unit: province)
        }
    }

    func testTheDemoPlanAtTheFirstHalfOf2024Has9Of16Met() throws {
        let evaluations = try demoEvaluations()
        let summary = IndicatorSummary(evaluations)
        XCTAssertEqual(summary.total, 16)
        XCTAssertEqual(summary.counts, IndicatorSummary.Counts(total: 16, met: 9, partlyMetFrom50: 5, below50: 1,
                                                                partlyMetUnstated: 0, notMet: 1, notEvaluable: 0))
        XCTAssertEqual(summary.evaluations(.met).map(\.indicatorCode), ["1", "2", "3", "5", "6", "7", "12", "15", "16"])
        XCTAssertEqual(summary.evaluations(.partlyMetFrom50).map(\.indicatorCode), ["4", "9", "10", "13", "14"])
        XCTAssertEqual(evaluations.map(\.labelVI), [
            "Hoàn thành", "Hoàn thành", "Hoàn thành", "Đạt 81,16% mục tiêu", "Hoàn thành", "Hoàn thành",
            "Hoàn thành", "Đạt 33,33% mục tiêu", "Đạt 77,48% mục tiêu", "Đạt 50% mục tiêu", "Chưa đạt",
            "Hoàn thành", "Đạt 90,67% mục tiêu", "Đạt 78% mục tiêu", "Hoàn thành", "Hoàn thành",
        ])
        let text = summary.textVI(planName: "Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024")
        XCTAssertTrue(text.contains("09/16"))
        XCTAssertTrue(text.contains("56,25%"))
        // The seed's lines, word for word, and the line for its "Chưa đạt" indicator that the
        // seed leaves out (its lines add up to 15 of 16).
        XCTAssertEqual(text, """
            Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 16 mục tiêu
            - Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%.
            - Số mục tiêu hoàn thành từ 50%: 05/16 chỉ tiêu đạt 31,25%.
            - Số mục tiêu hoàn thành dưới 50%: 01 chỉ tiêu 30% hoạt động kiểm tra của cơ quan quản lý nhà nước \
            được thực hiện thông qua môi trường số và hệ thống ứng dụng công nghệ thông tin.
            - Số mục tiêu chưa đạt: 01 chỉ tiêu Phấn đấu kinh tế số chiếm 6-8% GRDP (mục tiêu đến năm 2025 là 20%).
            """)
    }

    func testTheDemoPlanByPillar() throws {
        let plan = try DemoResources.plan("kh-cds-2024")
        let groups = IndicatorSummary(try demoEvaluations()).byPillar(plan.pillars)
        XCTAssertEqual(groups.map { $0.pillar?.code }, ["1", "2", "3"])
        XCTAssertEqual(groups.map(\.summary.total), [8, 4, 4])
        XCTAssertEqual(groups.map { $0.summary.count(.met) }, [6, 1, 2])
    }

    // MARK: - Indicator summary lines

    private func evaluation(_ code: String, _ name: String, _ outcome: EvaluationOutcome) -> IndicatorEvaluation {
        var e = IndicatorEvaluation(indicator: Indicator(code: code, name: name, measure: .rate), value: nil,
                                    judgement: nil, target: nil)
        e.outcome = outcome
        return e
    }

    func testSeveralIndicatorsInAClassAreNamedByCodeAndTitleOrByCodeOnly() {
        let s = IndicatorSummary([
            evaluation("1", "Chỉ tiêu một.", .met),
            evaluation("8", "Chỉ tiêu tám", .partlyMet(percentOfTarget: 30)),
            evaluation("11", "Chỉ tiêu mười một;", .partlyMet(percentOfTarget: 12.5)),
            evaluation("12", "Chỉ tiêu mười hai", .notEvaluable(.noData)),
        ])
        XCTAssertEqual(s.linesVI(), [
            "Số mục tiêu hoàn thành: 01/04 chỉ tiêu đạt 25%.",
            "Số mục tiêu hoàn thành từ 50%: 00/04 chỉ tiêu đạt 0%.",
            "Số mục tiêu hoàn thành dưới 50%: 02 chỉ tiêu (8. Chỉ tiêu tám; 11. Chỉ tiêu mười một).",
            "Số mục tiêu chưa đánh giá: 01 chỉ tiêu Chỉ tiêu mười hai.",
        ])
        XCTAssertEqual(s.linesVI(maxTitled: 1)[2], "Số mục tiêu hoàn thành dưới 50%: 02 chỉ tiêu (8, 11).")
        XCTAssertEqual(IndicatorSummary([]).linesVI()[2], "Số mục tiêu hoàn thành dưới 50%: không có.")
    }

    // MARK: - Tasks

    private func task(_ code: String, _ title: String, pillar: String? = nil, deadline: Deadline? = nil,
                      lead: String = "") -> PlanTask {
        PlanTask(code: code, title: title, pillarCode: pillar ?? String(code.prefix { $0 != "." }),
                 leadUnitCode: lead.isEmpty ? nil : lead, leadText: lead, deadline: deadline)
    }

    private func report(_ code: String, _ status: TaskStatus, period: String = "2023") -> TaskReport {
        TaskReport(planCode: "121/KH-UBND", taskCode: code, unitCode: "34", periodID: period, status: status)
    }

    func testTheLineOfAPillarNamesTheTasksNotDone() {
        // Seed 000, section I.3: Thể chế số has 11 tasks, 2.7 and 2.8 not started.
        var tasks = (1...11).map { task("2.\($0)", "Nhiệm vụ 2.\($0)") }
        tasks[6].title = "Tham mưu ban hành chính sách tỷ lệ chi ngân sách nhà nước tối thiểu hằng năm cho chuyển đổi số"
        tasks[7].title = "Tham mưu ban hành chính sách thuê chuyên gia chuyển đổi số"
        tasks += (1...5).map { task("3.\($0)", "Nhiệm vụ 3.\($0)") }
        tasks += (1...9).map { task("4.\($0)", "Nhiệm vụ 4.\($0)") }
        var reports = tasks.map { report($0.code, .done) }
        reports[6] = report("2.7", .notStarted)
        reports[7] = report("2.8", .notStarted)
        reports[13] = report("3.3", .notCompleted)
        for code in ["4.2", "4.6", "4.7", "4.9"] {
            reports[reports.firstIndex { $0.taskCode == code }!] = report(code, .notCompleted)
        }
        let pillars = [Pillar(code: "2", name: "Thể chế số"), Pillar(code: "3", name: "Hạ tầng số"),
                       Pillar(code: "4", name: "Nhân lực số")]
        let s = TaskSummary(tasks: tasks, reports: reports, period: .year(2023))
        XCTAssertEqual(s.pillarLinesVI(pillars), [
            "Thể chế số: Hoàn thành 09/11 nhiệm vụ; Chưa triển khai 02 nhiệm vụ (2.7. Tham mưu ban hành chính sách "
                + "tỷ lệ chi ngân sách nhà nước tối thiểu hằng năm cho chuyển đổi số; 2.8. Tham mưu ban hành chính "
                + "sách thuê chuyên gia chuyển đổi số).",
            "Hạ tầng số: Hoàn thành 04/05 nhiệm vụ; Chưa hoàn thành 01 nhiệm vụ (3.3. Nhiệm vụ 3.3).",
            "Nhân lực số: Hoàn thành 05/09 nhiệm vụ; Chưa hoàn thành 04 nhiệm vụ (4.2, 4.6, 4.7, 4.9).",
        ])
        XCTAssertEqual(s.overviewVI(planName: "Kế hoạch số 121/KH-UBND", pillars: pillars),
                       "Kế hoạch số 121/KH-UBND đề ra 03 nhóm nhiệm vụ với 25 nhiệm vụ. Trong đó 18 nhiệm vụ hoàn thành "
                           + "(72%), 02 nhiệm vụ chưa triển khai (8%), 05 nhiệm vụ chưa hoàn thành (20%), cụ thể:")
        // Undated tasks belong to every period of the plan and nothing is overdue.
        XCTAssertEqual(s.inScope.count, 25)
        XCTAssertTrue(s.inScope.allSatisfy { $0.timing == .undated })
        XCTAssertTrue(s.overdue.isEmpty)
    }

    func testTasksDueInThePeriodRecurringCarriedOverAndDueLater() {
        let tasks = [
            task("1.1", "Ban hành quy chế", deadline: .month(year: 2024, month: 6), lead: "Sở Thông tin và Truyền thông"),
            task("1.2", "Chính sách giảm thời gian xử lý hồ sơ trực tuyến.", deadline: .month(year: 2024, month: 6),
                 lead: "Văn phòng Ủy ban nhân dân tỉnh"),
            task("1.3", "Rà soát vùng lõm sóng", deadline: .date(CalendarDate(2024, 3, 31)), lead: "Sở Thông tin và Truyền thông"),
            task("2.1", "Duy trì chuyên trang", deadline: .ongoing, lead: "Sở Thông tin và Truyền thông"),
            task("2.2", "Họp Ban Chỉ đạo", deadline: .quarterly, lead: "Văn phòng Ủy ban nhân dân tỉnh"),
            task("3.1", "Kế hoạch năm sau", deadline: .year(2024)),
            task("3.2", "Việc năm trước", deadline: .year(2023)),
            task("3.3", "Việc năm trước đã xong", deadline: .year(2023)),
            task("3.4", "Chưa ai báo cáo", deadline: .month(year: 2024, month: 5)),
        ]
        let reports = [
            report("1.1", .done, period: "2024S1"),
            report("1.2", .notStarted, period: "2024S1"),
            report("1.3", .inProgress, period: "2024S1"),
            report("2.1", .inProgress, period: "2024S1"),
            report("2.2", .deployed, period: "2024S1"),
            report("3.1", .inProgress, period: "2024S1"),
            report("3.2", .notCompleted, period: "2024S1"),
            report("3.3", .done, period: "2024S1"),
            report("1.1", .notStarted, period: "2024Q1"),  // another period: not read
        ]
        let s = TaskSummary(tasks: tasks, reports: reports, period: .halfYear(2024, 1))
        XCTAssertEqual(s.lines.map(\.timing), [.dueInPeriod, .dueInPeriod, .dueInPeriod, .recurring, .recurring,
                                               .dueLater, .carriedOver, .doneEarlier, .dueInPeriod])
        XCTAssertEqual(s.inScope.map(\.task.code), ["1.1", "1.2", "1.3", "2.1", "2.2", "3.2", "3.4"])
        // On the day after the period, every one-off task in scope and not done is overdue.
        XCTAssertEqual(s.overdue.map(\.task.code), ["1.2", "1.3", "3.2", "3.4"])
        XCTAssertEqual(s.asOf, CalendarDate(2024, 7, 1))
        let early = TaskSummary(tasks: tasks, reports: reports, period: .halfYear(2024, 1), asOf: CalendarDate(2024, 6, 14))
        XCTAssertEqual(early.overdue.map(\.task.code), ["1.3", "3.2", "3.4"])

        XCTAssertEqual(s.progressHeadlineVI(planName: "Kế hoạch hoạt động của Ban Chỉ đạo năm 2024", plannedTotal: 49),
                       "Kế hoạch hoạt động của Ban Chỉ đạo năm 2024 đặt ra 49 nhiệm vụ (6 tháng đầu năm 07 nhiệm vụ):")
        XCTAssertEqual(s.progressLinesVI(), [
            "Số nhiệm vụ đã hoàn thành: 01/07 nhiệm vụ đạt 14,29%.",
            "Số nhiệm vụ đã và đang triển khai: 03/07 nhiệm vụ đạt 42,86% (trong đó 02 nhiệm vụ thường xuyên).",
            "Số nhiệm vụ chưa triển khai: 01 nhiệm vụ Chính sách giảm thời gian xử lý hồ sơ trực tuyến "
                + "(nhiệm vụ do Văn phòng Ủy ban nhân dân tỉnh chủ trì).",
            "Số nhiệm vụ chưa hoàn thành: 01 nhiệm vụ Việc năm trước.",
            "Số nhiệm vụ chưa có báo cáo: 01 nhiệm vụ Chưa ai báo cáo.",
            "Số nhiệm vụ quá hạn chưa hoàn thành: 04 nhiệm vụ (1.2, 1.3, 3.2, 3.4).",
        ])
        XCTAssertEqual(s.count(nil), 1, "no report is not 'Chưa triển khai'")
        XCTAssertEqual(s.count(.notStarted), 1)

        let leads = s.byLead()
        XCTAssertEqual(leads.map(\.leadText), ["Sở Thông tin và Truyền thông", "Văn phòng Ủy ban nhân dân tỉnh", ""])
        XCTAssertEqual(leads.map(\.lines.count), [3, 2, 2])
        XCTAssertEqual(leads.map { $0.count(.done) }, [1, 0, 0])
        XCTAssertEqual(leads.map(\.overdue.count), [1, 1, 2])
    }

    func testTheDemoActivityPlanAtTheFirstHalfOf2024() throws {
        let plan = try DemoResources.plan("83-kh-bcd-2024")
        let s = TaskSummary(tasks: plan.tasks.map(\.domain), reports: try DemoResources.taskReports(),
                            period: .halfYear(2024, 1), unitCode: "34")
        XCTAssertEqual(s.inScope.count, 31)
        XCTAssertEqual(s.progressHeadlineVI(planName: "Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024",
                                            plannedTotal: 49),
                       "Kế hoạch hoạt động của Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 49 nhiệm vụ "
                           + "(6 tháng đầu năm 31 nhiệm vụ):")
        let lines = s.progressLinesVI()
        XCTAssertEqual(lines[0], "Số nhiệm vụ đã hoàn thành: 05/31 nhiệm vụ đạt 16,13%.")
        XCTAssertEqual(lines[2], "Số nhiệm vụ chưa triển khai: 01 nhiệm vụ Chính sách giảm thời gian xử lý hồ sơ trực tuyến "
                           + "để khuyến khích người dân sử dụng dịch vụ công trực tuyến (nhiệm vụ do Văn phòng Ủy ban nhân "
                           + "dân tỉnh chủ trì).")
        XCTAssertEqual(s.underway.filter { $0.timing == .recurring }.count, 21)
        XCTAssertEqual(lines[1], "Số nhiệm vụ đã và đang triển khai: 23/31 nhiệm vụ đạt 74,19% (trong đó 21 nhiệm vụ thường xuyên).")
        XCTAssertTrue(lines[3].hasPrefix("Số nhiệm vụ có kết quả khác: 02 nhiệm vụ (1.1. Chính sách cung cấp"))
        XCTAssertEqual(s.overdue.map(\.task.code), ["1.1", "1.1.b", "2.1"])
        XCTAssertEqual(lines.count, 5)
    }
}
