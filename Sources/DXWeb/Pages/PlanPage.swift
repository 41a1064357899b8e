import DXCore
import DXStore
import Foundation

enum PlanPage {
    struct IndicatorRow {
        var indicator: Indicator
        var targets: [Target]
        /// The latest reported value at the plan's own unit, with its period.
        var latest: (value: DataValue, period: Period)?
    }

    struct TaskRow {
        var task: PlanTask
        var leadName: String
        var latest: (report: TaskReport, period: Period)?
    }

    struct Group<Row> {
        var pillar: Pillar?
        var rows: [Row]
    }

    struct Model {
        var plan: Plan
        var issuerName: String
        var indicatorGroups: [Group<IndicatorRow>]
        var taskGroups: [Group<TaskRow>]
        var indicatorCount: Int
        var taskCount: Int
        /// Periods with reported data, newest first: each has a dashboard.
        var periods: [Period]
        /// When the latest figures shown were read (counted figures only).
        var reading: DataReading
    }

    static func query(_ store: Store, slugOrCode: String, now: Date = Date()) async throws -> Model? {
        guard let contents = try await store.planContents(slugOrCode: slugOrCode) else { return nil }
        let plan = contents.plan
        let tree = try await store.unitTree()
        // Results shown are the ones of the province (or whatever unit issued the plan).
        let home = tree.nearest(.province, from: plan.issuerCode)?.code ?? plan.issuerCode
        let values = try await store.values(planCode: plan.code)
        let reports = try await store.taskReports(planCode: plan.code)

        func latestValue(_ code: String) -> (DataValue, Period)? {
            let mine = values.filter { $0.indicatorCode == code }
            let preferred = mine.filter { $0.unitCode == home }
            return (preferred.isEmpty ? mine : preferred)
                .compactMap { v in (try? Period.parse(v.periodID)).map { (v, $0) } }
                .max { $0.1 < $1.1 }
        }
        func latestReport(_ code: String) -> (TaskReport, Period)? {
            let mine = reports.filter { $0.taskCode == code }
            let preferred = mine.filter { $0.unitCode == home }
            return (preferred.isEmpty ? mine : preferred)
                .compactMap { r in (try? Period.parse(r.periodID)).map { (r, $0) } }
                .max { $0.1 < $1.1 }
        }

        let indicatorRows = contents.indicators.map {
            IndicatorRow(indicator: $0, targets: $0.targets, latest: latestValue($0.code))
        }
        let taskRows = contents.tasks.map {
            TaskRow(task: $0, leadName: $0.leadUnitCode.flatMap { tree[$0]?.name } ?? $0.leadText, latest: latestReport($0.code))
        }
        return Model(
            plan: plan, issuerName: tree[plan.issuerCode]?.name ?? plan.issuerCode,
            indicatorGroups: group(indicatorRows, plan: plan, pillarOf: { $0.indicator.pillarCode }),
            taskGroups: group(taskRows, plan: plan, pillarOf: { $0.task.pillarCode }),
            indicatorCount: contents.indicators.count, taskCount: contents.tasks.count,
            periods: try await store.reportedPeriods(planCode: plan.code).sorted(by: >), reading: DataReading(readAt: now))
    }

    /// Rows under their top-level pillar in the plan's order; rows without one come last.
    static func group<Row>(_ rows: [Row], plan: Plan, pillarOf: (Row) -> String?) -> [Group<Row>] {
        var groups = plan.pillars.filter { $0.parentCode == nil }.map { Group<Row>(pillar: $0, rows: []) }
        var loose: [Row] = []
        for r in rows {
            guard let code = pillarOf(r),
                  let i = groups.firstIndex(where: { HierarchicalCode.isWithin(code, $0.pillar!.code) })
            else { loose.append(r); continue }
            groups[i].rows.append(r)
        }
        groups = groups.filter { !$0.rows.isEmpty }
        if !loose.isEmpty { groups.append(Group(pillar: nil, rows: loose)) }
        return groups
    }

    static func render(_ m: Model) -> String {
        let p = m.plan
        var b = "<h1>\(escape(t("%@ số %@", p.kind.label, p.code)))</h1>"
        b += "<p><strong>\(escape(p.title))</strong></p>"
        b += "<p class=\"meta\">\(t("Cơ quan ban hành:")) \(escape(m.issuerName))"
        if let d = p.issued { b += " · \(t("Ngày ban hành:")) \(VNDate.numeric(d))" }
        b += " · \(t("Thời kỳ:")) \(p.horizonFrom == p.horizonTo ? t("năm %@", p.horizonFrom) : "\(p.horizonFrom)–\(p.horizonTo)")</p>"
        b += DataPreview.banner(m.reading)

        if !m.periods.isEmpty {
            b += "<p>\(t("Đánh giá kết quả:")) " + m.periods.map { period in
                "<a href=\"\(escape(SiteRoute.dashboard(slug: p.slug, period: period.identifier, unit: nil).path))\">\(escape(period.label))</a>"
            }.joined(separator: " · ") + "</p>"
        }

        // A plan of only tasks (or only indicators) shows no empty heading.
        if m.indicatorCount > 0 { b += "<h2>\(t("Chỉ tiêu")) (\(VNNumber.padded(m.indicatorCount, width: 2)))</h2>" }
        for g in m.indicatorGroups {
            b += "<h3>\(escape(g.pillar.map { "\($0.code). \($0.name)" } ?? t("Chỉ tiêu khác")))</h3>"
            b += "<div class=\"wide\"><table><thead><tr><th>TT</th><th>\(t("Chỉ tiêu"))</th><th>\(t("Mục tiêu"))</th><th>\(t("Kết quả gần nhất"))</th></tr></thead><tbody>"
            for r in g.rows {
                let i = r.indicator
                let targets = r.targets.map { t("Năm %@:", $0.year) + " " + escape($0.shortLabelVI(unit: i.unitOfMeasure)) }.joined(separator: "<br>")
                var result = "<span class=\"muted\">\(t("Chưa có số liệu"))</span>"
                if let (v, period) = r.latest {
                    result = "\(escape(v.shortLabelVI(measure: i.measure, unit: i.unitOfMeasure)))<br><span class=\"muted\">\(escape(period.label))</span>"
                }
                b += "<tr><td>\(escape(i.code))</td><td>\(escape(i.name))</td><td>\(targets)</td><td>\(result)</td></tr>"
            }
            b += "</tbody></table></div>"
        }

        if m.taskCount > 0 { b += "<h2>\(t("Nhiệm vụ")) (\(VNNumber.padded(m.taskCount, width: 2)))</h2>" }
        if m.taskCount == 0 && m.indicatorCount == 0 { b += "<p class=\"muted\">\(t("Kế hoạch này chưa có chỉ tiêu và nhiệm vụ."))</p>" }
        for g in m.taskGroups {
            b += "<h3>\(escape(g.pillar.map { "\($0.code). \($0.name)" } ?? t("Nhiệm vụ khác")))</h3>"
            b += "<div class=\"wide\"><table><thead><tr><th>STT</th><th>\(t("Nhiệm vụ"))</th><th>\(t("Cơ quan chủ trì"))</th><th>\(t("Thời gian hoàn thành"))</th><th>\(t("Tình trạng"))</th></tr></thead><tbody>"
            for r in g.rows {
                let task = r.task
                var status = "<span class=\"muted\">\(t("Chưa báo cáo"))</span>"
                if let (rep, period) = r.latest {
                    let cls = rep.status == .done ? "s-done" : rep.status.isUnderway ? "s-progress" : "s-not"
                    status = "<span class=\"badge \(cls)\">\(escape(translated(rep.statusLabel)))</span><br><span class=\"muted\">\(escape(period.label))</span>"
                }
                var title = escape(task.title)
                if !task.subItems.isEmpty {
                    title += "<ol>" + task.subItems.map { "<li>\(escape($0))</li>" }.joined() + "</ol>"
                }
                b += "<tr><td>\(escape(task.code))</td><td>\(title)</td><td>\(escape(r.leadName))</td><td>\(escape(task.deadlineLabel))</td><td>\(status)</td></tr>"
            }
            b += "</tbody></table></div>"
        }
        return Layout.page(title: "\(p.kind.label) \(p.code)", body: b)
    }
}
