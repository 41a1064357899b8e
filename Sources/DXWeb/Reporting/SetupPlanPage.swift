import DXCore
import DXStore
import Foundation

/// A plan's set-up page, for the coordinator filling it in: per indicator its unit, its targets
/// by year and the rounds that ask for it; per task its lead and deadline; then the plan's own
/// fields. A table on a wide screen, a card a row on a phone.
enum SetupPlanPage {
    struct Model {
        var contents: PlanContents
        var archived: (indicators: [String], tasks: [String])
        /// The rounds whose plans include this one, latest first.
        var rounds: [ReportingRound]
        /// Unit names by code, for the units in charge.
        var unitNames: [String: String]
        var csrf: String
        var error: FieldIssue?
        var flash: String?
    }

    static func render(_ m: Model) -> String {
        let p = m.contents.plan
        return Layout.page(title: "\(t("Thiết lập")) \(p.code)") {
            SetupPages.crumbs()
            Node.h1(text: "\(translated(p.kind.labelVI)) \(p.code)")
            Node.p(.class("lead"), text: p.title)
            Node.p(.class("meta"), .id("plan-facts")) {
                t("Thời gian:") + " " + SetupPages.years(p) + " "
                if !m.contents.indicators.isEmpty { Node.span(.class("badge"), text: t("%@ chỉ tiêu", VNNumber.padded(m.contents.indicators.count))); " " }
                if !m.contents.tasks.isEmpty { Node.span(.class("badge"), text: t("%@ nhiệm vụ", VNNumber.padded(m.contents.tasks.count))); " " }
                roundsBadge(m.rounds.count)
                if !m.rounds.isEmpty {
                    " "
                    Node.joined(m.rounds.map { Node.link(.round($0.code), $0.title) }, separator: " · ")
                }
            }
            ViewParts.flash(m.flash)
            SetupPages.errorBox(m.error)
            indicators(m)
            tasks(m)
            header(m)
        }
    }

    static func roundsBadge(_ n: Int) -> Node {
        n == 0 ? .span(.class("badge ev-none"), text: t("Chưa có trong đợt báo cáo nào"))
            : .span(.class("badge ev-met"), text: t("Có trong %@ đợt báo cáo", VNNumber.padded(n)))
    }

    static func indicators(_ m: Model) -> Node {
        let p = m.contents.plan
        return .section(.id("indicators")) {
            Node.h2(text: "\(t("Chỉ tiêu")) (\(m.contents.indicators.count))")
            Node.p { Node.a(.class("button primary"), .href(.setupIndicator(plan: p.slug, code: nil)), text: t("Thêm chỉ tiêu")) }
            if m.contents.indicators.isEmpty {
                emptyState(t("Kế hoạch chưa có chỉ tiêu nào."),
                           next: t("Bấm “Thêm chỉ tiêu” để nhập từng chỉ tiêu với đơn vị tính và mục tiêu theo năm; các đơn vị chỉ báo cáo được chỉ tiêu đã có ở đây."))
            } else {
                Node.table(.class("stacked"), .id("setup-indicators")) {
                    Node.columnHeads(["TT", t("Chỉ tiêu"), t("Đơn vị tính"), t("Mục tiêu theo năm"), t("Đơn vị chủ trì"), t("Đợt báo cáo")])
                    Node.tbody { for i in m.contents.indicators { indicatorRow(i, m) } }
                }
            }
            archivedLinks(m.archived.indicators.map { (SiteRoute.setupIndicator(plan: p.slug, code: $0), $0) })
        }
    }

    static func indicatorRow(_ i: Indicator, _ m: Model) -> Node {
        let using = rounds(using: i, m)
        return .tr {
            Node.td(.class("code"), text: i.code)
            cell(t("Chỉ tiêu"), "title") { Node.link(.setupIndicator(plan: m.contents.plan.slug, code: i.code), i.name) }
            cell(t("Đơn vị tính")) { i.unitOfMeasure ?? (i.measure == .rate ? "%" : translated(i.measure.labelVI)) }
            cell(t("Mục tiêu theo năm"), "nowrap") {
                if i.targets.isEmpty {
                    Node.span(.class("muted"), text: t("Chưa có mục tiêu"))
                } else {
                    DashboardPage.lines(i.targets.sorted { ($0.year, rank($0.level)) < ($1.year, rank($1.level)) }
                        .map { "\($0.year): \($0.shortLabelVI(unit: i.unitOfMeasure))" })
                }
            }
            cell(t("Đơn vị chủ trì")) { i.responsibleUnitCode.map { m.unitNames[$0] ?? $0 } ?? "—" }
            cell(t("Đợt báo cáo")) {
                if using.isEmpty {
                    Node.span(.class("badge ev-none"), text: t("Chưa dùng"))
                } else {
                    Node.span(.class("badge ev-met"), text: t("Có trong %@ đợt", VNNumber.padded(using.count)))
                }
            }
        }
    }

    /// Levels from the top down, as the plans list them.
    static func rank(_ level: AdminLevel) -> Int { AdminLevel.allCases.firstIndex(of: level) ?? 0 }

    /// The rounds that ask units for the indicator: those of its plan that report indicators,
    /// all of them or those of the unit in charge.
    static func rounds(using i: Indicator, _ m: Model) -> [ReportingRound] {
        m.rounds.filter {
            switch $0.indicatorScope {
            case .all: true
            case .responsible: i.responsibleUnitCode != nil
            case .none: false
            }
        }
    }

    static func tasks(_ m: Model) -> Node {
        let p = m.contents.plan
        return .section(.id("tasks")) {
            Node.h2(text: "\(t("Nhiệm vụ")) (\(m.contents.tasks.count))")
            Node.p { Node.a(.class("button"), .href(.setupTask(plan: p.slug, code: nil)), text: t("Thêm nhiệm vụ")) }
            if m.contents.tasks.isEmpty {
                emptyState(t("Kế hoạch chưa có nhiệm vụ nào."),
                           next: t("Bấm “Thêm nhiệm vụ” để nhập nhiệm vụ với cơ quan chủ trì và thời hạn; kế hoạch chỉ có chỉ tiêu thì để trống."))
            } else {
                Node.table(.class("stacked"), .id("setup-tasks")) {
                    Node.columnHeads(["TT", t("Nhiệm vụ"), t("Cơ quan chủ trì"), t("Thời hạn")])
                    Node.tbody {
                        for task in m.contents.tasks {
                            Node.tr {
                                Node.td(.class("code"), text: task.code)
                                cell(t("Nhiệm vụ"), "title") { Node.link(.setupTask(plan: p.slug, code: task.code), task.title) }
                                cell(t("Cơ quan chủ trì")) { task.leadText.isEmpty ? (task.leadUnitCode.map { m.unitNames[$0] ?? $0 } ?? "—") : task.leadText }
                                cell(t("Thời hạn")) { task.deadlineText ?? task.deadline.map { translated($0.labelVI) } ?? "—" }
                            }
                        }
                    }
                }
            }
            archivedLinks(m.archived.tasks.map { (SiteRoute.setupTask(plan: p.slug, code: $0), $0) })
        }
    }

    /// The plan's title, years and pillars: changed rarely, so folded below the lists unless a
    /// save of them was refused.
    static func header(_ m: Model) -> Node {
        let p = m.contents.plan
        return .details(.id("plan-form"), .class("box"), .flag("open", m.error != nil)) {
            Node.summary { Node.strong(text: t("Sửa tên, thời gian và trụ cột của kế hoạch")) }
            Node.form(.method("post"), .action(.setupPlan(slug: p.slug)), .class("stack")) {
                csrfField(m.csrf)
                SetupPages.area(t("Tên kế hoạch"), "title", rows: 2, p.title, required: true, error: m.error)
                SetupPages.yearFields(from: String(p.horizonFrom), to: String(p.horizonTo), error: m.error)
                SetupPages.area(t("Trụ cột (mỗi dòng: mã | tên)"), "pillars", rows: max(3, p.pillars.count + 1),
                                p.pillars.map { "\($0.code) | \($0.name)" }.joined(separator: "\n"), error: m.error)
                Node.button(.type("submit"), .class("primary"), text: t("Lưu"))
            }
        }
    }

    static func archivedLinks(_ links: [(SiteRoute, String)]) -> Node {
        guard !links.isEmpty else { return .empty }
        return .p(.class("muted")) {
            t("Đã lưu trữ:") + " "
            Node.joined(links.map { Node.link($0.0, $0.1) }, separator: ", ")
        }
    }
}
