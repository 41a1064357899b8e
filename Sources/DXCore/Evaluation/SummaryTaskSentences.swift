/// Task summary lines as the reports write them (seed 000, sections I.2 and I.3):
///
///     Kế hoạch hoạt động ... năm 2024 đặt ra 49 nhiệm vụ (6 tháng đầu năm 31 nhiệm vụ):
///     - Số nhiệm vụ đã hoàn thành: 05/31 nhiệm vụ đạt 16,13%.
///     - Số nhiệm vụ đã và đang triển khai: 25/31 nhiệm vụ đạt 80,65% (trong đó 21 nhiệm vụ thường xuyên).
///     - Số nhiệm vụ chưa triển khai: 01 nhiệm vụ Chính sách ... (nhiệm vụ do Văn phòng ... chủ trì).
///
///     - Thể chế số: Hoàn thành 09/11 nhiệm vụ; Chưa triển khai 02 nhiệm vụ (2.7. ...; 2.8. ...).
///
/// Lines are returned without their leading dash. Percentages have two decimals where the seed
/// rounds by hand ("16%", "80,6%"), so that they can be checked against the counts.
extension TaskSummary {
    /// "… đặt ra 49 nhiệm vụ (6 tháng đầu năm 31 nhiệm vụ):". `plannedTotal` is the plan's
    /// whole count when the stored tasks are only this period's share of it.
    public func progressHeadlineVI(planName: String, plannedTotal: Int? = nil) -> String {
        let total = plannedTotal ?? lines.count
        let scope = inScope.count
        let lead = "\(VNText.clean(planName)) đặt ra \(SummaryText.count(total)) nhiệm vụ"
        guard scope != total else { return lead + ":" }
        return lead + " (\(SummaryText.periodWithinYear(period)) \(SummaryText.count(scope)) nhiệm vụ):"
    }

    /// Done, underway and not started are always written; other statuses, tasks nobody reported
    /// on and overdue tasks when there are any.
    public func progressLinesVI(maxTitled: Int = 3) -> [String] {
        let scope = inScope.count
        let done = count(.done)
        let underway = self.underway
        let recurring = underway.count(where: { $0.timing == .recurring })
        var underwayLine = "Số nhiệm vụ đã và đang triển khai: \(SummaryText.fraction(underway.count, scope)) nhiệm vụ đạt "
            + VNNumber.percent(underway.count, of: scope)
        if recurring > 0 { underwayLine += " (trong đó \(SummaryText.count(recurring)) nhiệm vụ thường xuyên)" }
        var result = [
            "Số nhiệm vụ đã hoàn thành: \(SummaryText.fraction(done, scope)) nhiệm vụ đạt \(VNNumber.percent(done, of: scope)).",
            underwayLine + ".",
            "Số nhiệm vụ chưa triển khai: \(TaskSummary.named(lines(.notStarted), maxTitled: maxTitled))",
        ]
        let extra: [(TaskStatus?, String)] = [
            (.notCompleted, "Số nhiệm vụ chưa hoàn thành"),
            (.notDone, "Số nhiệm vụ chưa thực hiện"),
            (.other, "Số nhiệm vụ có kết quả khác"),
            (nil, "Số nhiệm vụ chưa có báo cáo"),
        ]
        for (status, lead) in extra where count(status) > 0 {
            result.append("\(lead): \(TaskSummary.named(lines(status), maxTitled: maxTitled))")
        }
        if !overdue.isEmpty {
            result.append("Số nhiệm vụ quá hạn chưa hoàn thành: \(TaskSummary.named(overdue, maxTitled: maxTitled))")
        }
        return result
    }

    /// "Kế hoạch số 121/KH-UBND ... đề ra 08 nhóm nhiệm vụ với 75 nhiệm vụ. Trong đó 59 nhiệm vụ
    /// hoàn thành (78,67%), 05 nhiệm vụ chưa hoàn thành (6,67%), ..., cụ thể:"
    public func overviewVI(planName: String, pillars: [Pillar]) -> String {
        let scope = inScope.count
        let groups = byPillar(pillars).count
        let parts = TaskSummary.statusOrder.compactMap { status -> String? in
            let n = count(status)
            guard n > 0 else { return nil }
            return "\(SummaryText.count(n)) nhiệm vụ \(TaskSummary.word(status)) (\(VNNumber.percent(n, of: scope)))"
        }
        return "\(VNText.clean(planName)) đề ra \(SummaryText.count(groups)) nhóm nhiệm vụ với "
            + "\(SummaryText.count(scope)) nhiệm vụ. Trong đó \(parts.joined(separator: ", ")), cụ thể:"
    }

    /// One line per pillar: "Thể chế số: Hoàn thành 09/11 nhiệm vụ; Chưa triển khai 02 nhiệm vụ
    /// (2.7. ...; 2.8. ...)." Every status that is not done is named with its tasks.
    public func pillarLinesVI(_ pillars: [Pillar], maxTitled: Int = 3) -> [String] {
        byPillar(pillars).map { $0.lineVI(maxTitled: maxTitled) }
    }

    /// Statuses in the order summaries list them; `nil` is "no report".
    static let statusOrder: [TaskStatus?] = [.done, .deployed, .inProgress, .notStarted, .notCompleted, .notDone, .other, nil]

    /// The status inside a sentence: "59 nhiệm vụ hoàn thành".
    static func word(_ status: TaskStatus?) -> String {
        switch status {
        case .other: "có kết quả khác"
        case nil: "chưa có báo cáo"
        case let s?: s.labelVI.lowercased()
        }
    }

    /// "01 nhiệm vụ <title> (nhiệm vụ do <lead> chủ trì)." for one task, as the seed names its one
    /// task not started; "02 nhiệm vụ (2.7. ...; 2.8. ...)." for several; "không có." for none.
    static func named(_ lines: [TaskLine], maxTitled: Int) -> String {
        switch lines.count {
        case 0:
            return "không có."
        case 1:
            let task = lines[0].task
            let lead = VNText.clean(task.leadText)
            return "01 nhiệm vụ \(SummaryText.inline(task.title))" + (lead.isEmpty ? "" : " (nhiệm vụ do \(lead) chủ trì)") + "."
        default:
            let list = SummaryText.itemList(lines.map { ($0.task.code, $0.task.title) }, maxTitled: maxTitled)
            return "\(SummaryText.count(lines.count)) nhiệm vụ \(list)."
        }
    }
}

extension TaskPillarGroup {
    /// "Thể chế số: Hoàn thành 09/11 nhiệm vụ; Chưa triển khai 02 nhiệm vụ (2.7. ...; 2.8. ...)."
    /// Tasks without a pillar are headed "Nhiệm vụ khác".
    public func lineVI(maxTitled: Int = 3) -> String {
        let name = pillar.map { VNText.clean($0.name) } ?? "Nhiệm vụ khác"
        var parts = ["Hoàn thành \(SummaryText.fraction(count(.done), lines.count)) nhiệm vụ"]
        for status in TaskSummary.statusOrder.dropFirst() {
            let items = lines.filter { $0.status == status }
            guard !items.isEmpty else { continue }
            let label = switch status {
            case .other: "Kết quả khác"
            case nil: "Chưa có báo cáo"
            case let s?: s.labelVI
            }
            let list = SummaryText.itemList(items.map { ($0.task.code, $0.task.title) }, maxTitled: maxTitled)
            parts.append("\(label) \(SummaryText.count(items.count)) nhiệm vụ \(list)")
        }
        return "\(name): \(parts.joined(separator: "; "))."
    }
}
