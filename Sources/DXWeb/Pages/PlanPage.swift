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
        return Layout.page(title: "\(p.kind.label) \(p.code)") {
            Node.h1(text: t("%@ số %@", p.kind.label, p.code))
            Node.p { Node.strong(text: p.title) }
            Node.p(.class("meta")) {
                "\(t("Cơ quan ban hành:")) \(m.issuerName)"
                if let d = p.issued { " · \(t("Ngày ban hành:")) \(VNDate.numeric(d))" }
                " · \(t("Thời kỳ:")) \(p.horizonFrom == p.horizonTo ? t("năm %@", p.horizonFrom) : "\(p.horizonFrom)–\(p.horizonTo)")"
            }
            DataPreview.banner(m.reading)
            if !m.periods.isEmpty {
                Node.p {
                    "\(t("Đánh giá kết quả:")) "
                    Node.joined(m.periods.map { period in
                        Node.link(.dashboard(slug: p.slug, period: period.identifier, unit: nil), period.label)
                    }, separator: " · ")
                }
            }
            // A plan of only tasks (or only indicators) shows no empty heading.
            if m.indicatorCount > 0 { Node.h2(text: "\(t("Chỉ tiêu")) (\(VNNumber.padded(m.indicatorCount, width: 2)))") }
            m.indicatorGroups.map(indicatorTable)
            if m.taskCount > 0 { Node.h2(text: "\(t("Nhiệm vụ")) (\(VNNumber.padded(m.taskCount, width: 2)))") }
            if m.taskCount == 0 && m.indicatorCount == 0 { Node.p(.class("muted"), text: t("Kế hoạch này chưa có chỉ tiêu và nhiệm vụ.")) }
            m.taskGroups.map(taskTable)
        }
    }

    static func indicatorTable(_ g: Group<IndicatorRow>) -> Node {
        .group {
            Node.h3(text: g.pillar.map { "\($0.code). \($0.name)" } ?? t("Chỉ tiêu khác"))
            wideTable {
                Node.table {
                    Node.columnHeads(["TT", t("Chỉ tiêu"), t("Mục tiêu"), t("Kết quả gần nhất")], scoped: false)
                    Node.tbody { g.rows.map(indicatorRow) }
                }
            }
        }
    }

    static func indicatorRow(_ r: IndicatorRow) -> Node {
        let i = r.indicator
        let targets = r.targets.map { t("Năm %@:", $0.year) + " " + $0.shortLabelVI(unit: i.unitOfMeasure) }
        return .tr {
            Node.td(text: i.code)
            Node.td(text: i.name)
            Node.td { DashboardPage.lines(targets) }
            Node.td {
                if let (v, period) = r.latest {
                    v.shortLabelVI(measure: i.measure, unit: i.unitOfMeasure)
                    Node.br()
                    Node.span(.class("muted"), text: period.label)
                } else {
                    Node.span(.class("muted"), text: t("Chưa có số liệu"))
                }
            }
        }
    }

    static func taskTable(_ g: Group<TaskRow>) -> Node {
        .group {
            Node.h3(text: g.pillar.map { "\($0.code). \($0.name)" } ?? t("Nhiệm vụ khác"))
            wideTable {
                Node.table {
                    Node.columnHeads(["STT", t("Nhiệm vụ"), t("Cơ quan chủ trì"), t("Thời gian hoàn thành"), t("Tình trạng")], scoped: false)
                    Node.tbody { g.rows.map(taskRow) }
                }
            }
        }
    }

    static func taskRow(_ r: TaskRow) -> Node {
        let task = r.task
        return .tr {
            Node.td(text: task.code)
            Node.td {
                task.title
                if !task.subItems.isEmpty { Node.ol { task.subItems.map { Node.li(text: $0) } } }
            }
            Node.td(text: r.leadName)
            Node.td(text: task.deadlineLabel)
            Node.td {
                if let (rep, period) = r.latest {
                    let cls = rep.status == .done ? "s-done" : rep.status.isUnderway ? "s-progress" : "s-not"
                    Node.span(.class("badge \(cls)"), text: translated(rep.statusLabel))
                    Node.br()
                    Node.span(.class("muted"), text: period.label)
                } else {
                    Node.span(.class("muted"), text: t("Chưa báo cáo"))
                }
            }
        }
    }
}
