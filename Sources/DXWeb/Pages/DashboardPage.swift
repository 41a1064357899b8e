import DXCore
import DXStore
import Foundation

/// A plan for one unit and one period. First what a leader asks: how many targets are met,
/// which units are late with their reports, what changed since the previous period; then the
/// counts, progress by pillar, every indicator with its traffic light, the units below to drill
/// into (those without any figure grouped and counted, not listed with zeros), and tasks by
/// lead agency.
enum DashboardPage {
    struct ChildRow {
        var unit: OrgUnit
        var summary: IndicatorSummary
        /// Indicators for which the unit or its subtree has a figure.
        var withData: Int
    }

    struct LeadRow {
        var name: String
        var total: Int
        var done: Int
        var underway: Int
        var notStarted: Int
        var noReport: Int
    }

    struct Model: Sendable {
        var evaluation: PlanEvaluation
        /// Periods with data for this plan, newest first, for the period picker.
        var periods: [Period]
        /// From the root down to the unit's parent, for the breadcrumb.
        var ancestors: [OrgUnit]
        var children: [ChildRow]
        var leads: [LeadRow]
        /// The activity plan whose tasks the report counts beside this plan's indicators: the
        /// first one-year plan of tasks only that covers the period's year, if there is one.
        var tasksPlan: String?
        /// Whether the reader may switch to the preview with unsubmitted figures.
        var mayPreview = false
        /// The same plan for the period just before, when that period has figures.
        var previous: PlanEvaluation?
        /// The reporting round of this plan and period, with the units of the subtree.
        var round: RoundProgress?

        var kept: Model {
            var m = self
            m.evaluation = DashboardPage.withoutParts(evaluation)
            m.previous = previous.map(DashboardPage.withoutParts)
            return m
        }
    }

    /// Who in the unit's subtree has not reported on time in the round of the period.
    struct RoundProgress {
        var round: ReportingRound
        var expected: Int
        var submitted: Int
        /// Not submitted and past the deadline.
        var overdue: [CompletenessEntry]
        /// Submitted after the deadline.
        var submittedLate: [CompletenessEntry]
        /// Not submitted, the deadline still ahead.
        var pending: Int
    }

    /// A model as kept: without the values below each figure (`AggregatedValue.parts`, the
    /// drill-down), which this page does not show and which are most of a province's model — a
    /// hundred indicators' figures for each of its units.
    static func withoutParts(_ e: PlanEvaluation) -> PlanEvaluation {
        var e = e
        for i in e.indicators.indices {
            e.indicators[i].aggregate.parts = []
            e.indicators[i].previousAggregate?.parts = []
        }
        return e
    }

    /// What a dashboard's model depends on beside the database: the request's plan, period and
    /// unit as asked, the reader's preview, the day (which units are late) and the page's
    /// language (a lead agency not named is "Chưa xác định").
    struct Key: Hashable, Sendable {
        var plan: String
        var period: String?
        var unit: String?
        var includeUnsubmitted: Bool
        var mayPreview: Bool
        var today: CalendarDate
        var language: Language
    }

    /// `query`, kept in `cache` until a write changes the database's revision tokens: the
    /// figures read "now" however long ago they were computed, since nothing has changed since.
    static func cachedQuery(_ store: Store, cache: ResultCache<Key, Model>?, plan key: String, period: String?, unit: String?,
                            includeUnsubmitted: Bool, mayPreview: Bool, now: Date = Date()) async throws -> Model {
        let today = CalendarDate.today(now: now)
        var model = try await store.cached(cache, Key(plan: key, period: period, unit: unit, includeUnsubmitted: includeUnsubmitted,
                                                      mayPreview: mayPreview, today: today, language: Language.current)) {
            try await query(store, plan: key, period: period, unit: unit, includeUnsubmitted: includeUnsubmitted,
                            mayPreview: mayPreview, today: today).kept
        }
        model.evaluation.reading?.readAt = now
        return model
    }

    static func query(_ store: Store, plan key: String, period: String?, unit: String?,
                      includeUnsubmitted: Bool = false, mayPreview: Bool = false,
                      today: CalendarDate = ReportRules.today) async throws -> Model {
        guard let contents = try await store.planContents(slugOrCode: key) else {
            throw StoreError.notFound("kế hoạch \"\(key)\"")
        }
        let periods = try await store.reportedPeriods(planCode: contents.plan.code).sorted(by: >)
        let periodID = period ?? periods.first?.identifier ?? String(contents.plan.horizonTo)
        // One read of the facts the page shows: the unit's subtree for the period and its
        // comparisons; the units below are evaluated from the same rows.
        let facts = try await store.evaluationFacts(plan: contents.plan.code, period: periodID, unit: unit,
                                                    includeUnsubmitted: includeUnsubmitted, summed: true)
        let (evaluation, childEvaluations) = facts.evaluations()
        let tree = facts.tree
        let children = childEvaluations.map { e in
            ChildRow(unit: e.unit, summary: e.summary, withData: e.indicators.count(where: { $0.aggregate.hasData }))
        }
        let companion = contents.indicators.isEmpty ? nil : try await store.tasksOnlyPlan(year: evaluation.period.start.year)
        // The previous period's figures are those its comparisons already computed.
        let previous = periods.contains(evaluation.period.previous) ? evaluation.previousPeriodEvaluation : nil
        let round = try await store.rounds().first {
            $0.periodID == evaluation.period.identifier && $0.planCodes.contains(contents.plan.code)
        }
        var progress: RoundProgress?
        if let round {
            let entries = try await store.completeness(round).filter { tree.isWithin($0.unitCode, scope: evaluation.unit.code) }
            if !entries.isEmpty {
                progress = RoundProgress(round: round, expected: entries.count, submitted: entries.count(where: { $0.state.isSubmitted }),
                                         overdue: entries.filter { $0.isOverdue(today: today) },
                                         submittedLate: entries.filter { $0.state.isSubmitted && $0.late },
                                         pending: entries.count(where: { !$0.state.isSubmitted && !$0.isOverdue(today: today) }))
            }
        }
        return Model(evaluation: evaluation, periods: periods, ancestors: tree.ancestors(of: evaluation.unit.code).reversed(),
                     children: children, leads: leads(evaluation.tasks, tree: tree), tasksPlan: companion, mayPreview: mayPreview,
                     previous: previous, round: progress)
    }

    /// In-scope tasks counted by lead agency, the agencies with the most tasks not done first.
    static func leads(_ tasks: TaskSummary, tree: UnitTree) -> [LeadRow] {
        var rows: [String: LeadRow] = [:]
        var order: [String] = []
        for line in tasks.inScope {
            let task = line.task
            let name = task.leadUnitCode.flatMap { tree[$0]?.name } ?? (VNText.clean(task.leadText).isEmpty ? t("Chưa xác định") : VNText.clean(task.leadText))
            if rows[name] == nil {
                rows[name] = LeadRow(name: name, total: 0, done: 0, underway: 0, notStarted: 0, noReport: 0)
                order.append(name)
            }
            rows[name]!.total += 1
            switch line.status {
            case .done: rows[name]!.done += 1
            case let s? where s.isUnderway: rows[name]!.underway += 1
            case nil: rows[name]!.noReport += 1
            default: rows[name]!.notStarted += 1
            }
        }
        return order.compactMap { rows[$0] }.sorted { ($0.total - $0.done, $0.total) > ($1.total - $1.done, $1.total) }
    }

    /// Where the page's links go: the drill-down keeps the preview, and so do the report files.
    struct Links {
        var plan: Plan
        var period: Period
        var previewing: Bool

        func keep(_ path: String) -> String { previewing ? DataPreview.previewing(path) : path }
        func unit(_ code: String) -> String { keep(SiteRoute.dashboard(slug: plan.slug, period: period.identifier, unit: code).path) }
    }

    static func render(_ m: Model) -> String {
        let e = m.evaluation
        let links = Links(plan: e.plan, period: e.period, previewing: e.reading?.includesUnsubmitted ?? false)
        return Layout.page(title: "\(e.plan.code) — \(e.period.label)") {
            top(m, links)
            // A plan of tasks only has no targets: no wall of 00/00 counts and empty indicator lists.
            if e.summary.total > 0 {
                results(m)
                indicators(m)
                children(m, links)
            }
            tasks(m)
        }
    }

    /// The breadcrumb, the title, the preview switch, the period and the three answers.
    static func top(_ m: Model, _ links: Links) -> Node {
        let e = m.evaluation
        return .group {
            Node.p(.class("meta")) {
                Node.link(.plan(slug: e.plan.slug), e.plan.code)
                for a in m.ancestors { " › "; Node.a(.href(links.unit(a.code)), text: a.name) }
                " › \(e.unit.name)"
            }
            Node.h1(text: "\(e.plan.title) — \(e.period.label)")
            DataPreview.banner(e.reading)
            // A unit newer than some of the periods shown: where those figures come from.
            for line in e.lineage?.sentencesVI ?? [] { Node.p(.class("hint lineage"), text: line) }
            if m.mayPreview { previewToggle(e, previewing: links.previewing) }
            periodPicker(m)
            answers(m, link: links.unit)
            Node.p(.class("downloads")) {
                t("Báo cáo theo Nghị định 30/2020:")
                " "
                Node.joined(ReportDownload.Format.allCases.map { f in
                    Node.a(.href(links.keep(SiteRoute.report(slug: e.plan.slug, format: f.rawValue, period: e.period.identifier,
                                                             tasksPlan: m.tasksPlan).path)), text: f.label)
                }, separator: " · ")
            }
            Node.p(.class("hint")) {
                Node.link(.reportTemplates, t("Mẫu báo cáo đã lưu"))
                ": "
                t("chọn số, ngày, người ký, nơi nhận, phụ lục và biên tập thuyết minh của đơn vị.")
            }
        }
    }

    static func previewToggle(_ e: PlanEvaluation, previewing: Bool) -> Node {
        let here = SiteRoute.dashboard(slug: e.plan.slug, period: e.period.identifier, unit: e.unit.code).path
        return Node.p(.class("hint")) {
            if previewing {
                Node.a(.id("preview-toggle"), .href(here), text: t("Chỉ xem số liệu đã gửi, đã duyệt"))
            } else {
                Node.a(.id("preview-toggle"), .href(DataPreview.previewing(here)), text: t("Xem trước kể cả số liệu chưa gửi"))
            }
        }
    }

    /// The counts by judgement, the sentences, and progress by pillar.
    static func results(_ m: Model) -> Node {
        let e = m.evaluation
        let s = e.summary
        return .group {
            Node.h2(text: t("Kết quả thực hiện mục tiêu"))
            Node.ul(.class("figures")) {
                figure(s.count(.met), s.total, t("mục tiêu hoàn thành"), VNNumber.percent(s.count(.met), of: s.total), "f-met")
                figure(s.count(.partlyMetFrom50), s.total, t("hoàn thành từ 50%"), nil, "f-partly")
                figure(s.count(.partlyMetBelow50), s.total, t("hoàn thành dưới 50%"), nil, "f-partly")
                figure(s.count(.notMet) + s.count(.partlyMetUnstated), s.total, t("chưa đạt hoặc chưa rõ tỷ lệ"), nil, "f-not")
                figure(s.count(.notEvaluable), s.total, t("chưa đánh giá"), nil, "f-none")
            }
            Node.div(.class("sentences")) {
                Node.p(text: s.headlineVI(planName: e.plan.title))
                Node.ul { s.linesVI().map { Node.li(text: $0) } }
            }
            if !s.contradictions.isEmpty {
                Node.p(.class("warn")) {
                    t("Có %@ chỉ tiêu mà đánh giá ghi trong báo cáo khác với kết quả tính từ số liệu:", VNNumber.padded(s.contradictions.count))
                    " " + s.contradictions.map(\.indicatorCode).joined(separator: ", ") + "."
                }
            }
            pillarChart(e)
        }
    }

    static func pillarChart(_ e: PlanEvaluation) -> Node {
        let pillars = e.indicatorsByPillar
        guard pillars.count > 1 else { return .empty }
        let items = pillars.map { g -> BarChart.Item in
            let met = g.results.count(where: { $0.evaluation.evaluationClass == .met })
            return BarChart.Item(label: g.pillar?.name ?? t("Chỉ tiêu khác"), value: Double(met) / Double(g.results.count) * 100,
                                 valueLabel: t("%@ hoàn thành", VNNumber.fraction(met, g.results.count, width: 2)))
        }
        return .group {
            Node.h2(text: t("Tiến độ theo trụ cột"))
            BarChart(title: t("Tỷ lệ chỉ tiêu hoàn thành theo trụ cột"), items: items, scaleMax: 100).figure()
        }
    }

    /// Every indicator with its traffic light, a table a pillar.
    static func indicators(_ m: Model) -> Node {
        let e = m.evaluation
        let pillars = e.indicatorsByPillar
        return .group {
            Node.h2(text: t("Chỉ tiêu"))
            for g in pillars {
                if pillars.count > 1 { Node.h3(text: g.pillar.map { "\($0.code). \($0.name)" } ?? t("Chỉ tiêu khác")) }
                Node.table(.class("stacked")) {
                    Node.columnHeads(["TT", t("Chỉ tiêu"), t("Mục tiêu"), t("Kết quả"), t("Đánh giá"), t("Nguồn số liệu")])
                    Node.tbody { g.results.map { indicatorRow($0, e) } }
                }
            }
        }
    }

    static func indicatorRow(_ r: IndicatorResult, _ e: PlanEvaluation) -> Node {
        let i = r.indicator
        let href = SiteRoute.indicator(slug: e.plan.slug, code: i.code, period: e.period.identifier, unit: e.unit.code).path
        // The unit's own figure and its units' reports told apart: "Số liệu của tỉnh" above
        // "3/38 đơn vị trực thuộc đã báo cáo", not a bare "0/38" beside the province's figure.
        let coverage = r.aggregate.provenance(kind: e.unit.kind)
        return .tr {
            Node.td(.class("code"), text: i.code)
            cell(t("Chỉ tiêu"), "title") { Node.a(.href(href), text: i.name) }
            cell(t("Mục tiêu")) {
                if let target = r.evaluation.target { target.shortLabelVI(unit: i.unitOfMeasure) }
                else { Node.span(.class("muted"), text: t("Chưa có mục tiêu")) }
            }
            cell(t("Kết quả")) {
                r.valueLabelVI
                if let parts = r.partsLabelVI { Node.br(); Node.span(.class("muted"), text: parts) }
                if let c = r.samePeriodLastYear { Node.br(); Node.span(.class("muted"), text: c.sentenceVI(.samePeriodLastYear)) }
            }
            cell(t("Đánh giá")) { EvaluationBadge.node(r.evaluation) }
            cell(t("Nguồn số liệu")) { lines(coverage) }
        }
    }

    /// Lines of text with a line break between them.
    static func lines(_ lines: [String]) -> Node {
        .fragment(lines.enumerated().flatMap { i, line in i == 0 ? [Node.text(line)] : [Node.br(), Node.text(line)] })
    }

    /// The units below to drill into; those without a single figure are one line with their
    /// count, not rows of zeros.
    static func children(_ m: Model, _ links: Links) -> Node {
        guard !m.children.isEmpty else { return .empty }
        let reporting = m.children.filter { $0.withData > 0 }
        let silent = m.children.filter { $0.withData == 0 }
        return .group {
            Node.h2(text: t("Đơn vị trực thuộc"))
            if !reporting.isEmpty {
                Node.table(.class("stacked")) {
                    Node.columnHeads([t("Đơn vị"), t("Chỉ tiêu có số liệu"), t("Hoàn thành"), t("Từ 50%"), t("Dưới 50%")])
                    Node.tbody { reporting.map { childRow($0, links) } }
                }
            }
            if !silent.isEmpty {
                Node.details(.class("empty"), .id("units-without-data")) {
                    Node.summary {
                        Node.strong(text: t("%@/%@ đơn vị chưa có số liệu nào cho kỳ này", VNNumber.padded(silent.count), VNNumber.padded(m.children.count)))
                    }
                    Node.p { Node.joined(silent.map { Node.a(.href(links.unit($0.unit.code)), text: $0.unit.name) }, separator: ", ") }
                }
            }
        }
    }

    static func childRow(_ c: ChildRow, _ links: Links) -> Node {
        .tr {
            cell(t("Đơn vị"), "title") { Node.a(.href(links.unit(c.unit.code)), text: c.unit.name) }
            cell(t("Chỉ tiêu có số liệu"), "num") { VNNumber.fraction(c.withData, c.summary.total, width: 2) }
            cell(t("Hoàn thành"), "num") { VNNumber.padded(c.summary.count(.met)) }
            cell(t("Từ 50%"), "num") { VNNumber.padded(c.summary.count(.partlyMetFrom50)) }
            cell(t("Dưới 50%"), "num") { VNNumber.padded(c.summary.count(.partlyMetBelow50)) }
        }
    }

    /// Tasks: the progress sentences, then the lead agencies.
    static func tasks(_ m: Model) -> Node {
        let e = m.evaluation
        return .group {
            if !e.tasks.lines.isEmpty {
                Node.h2(text: t("Nhiệm vụ"))
                Node.p(text: e.tasks.progressHeadlineVI(planName: e.plan.title))
                Node.ul {
                    e.tasks.progressLinesVI().map { Node.li(text: $0) }
                    e.tasks.pillarLinesVI(e.plan.pillars).map { Node.li(text: $0) }
                }
            }
            if !m.leads.isEmpty {
                Node.h3(text: t("Theo cơ quan chủ trì"))
                Node.table(.class("stacked")) {
                    Node.columnHeads([t("Cơ quan chủ trì"), t("Số nhiệm vụ"), t("Hoàn thành"), t("Đang triển khai"),
                                      t("Chưa triển khai, chưa hoàn thành"), t("Chưa báo cáo")])
                    Node.tbody { m.leads.map(leadRow) }
                }
            }
        }
    }

    static func leadRow(_ l: LeadRow) -> Node {
        .tr {
            cell(t("Cơ quan chủ trì"), "title") { l.name }
            cell(t("Số nhiệm vụ"), "num") { VNNumber.padded(l.total) }
            cell(t("Hoàn thành"), "num") { VNNumber.padded(l.done) }
            cell(t("Đang triển khai"), "num") { VNNumber.padded(l.underway) }
            cell(t("Chưa triển khai, chưa hoàn thành"), "num") { VNNumber.padded(l.notStarted) }
            cell(t("Chưa báo cáo"), "num") { VNNumber.padded(l.noReport) }
        }
    }

    static func figure(_ n: Int, _ total: Int, _ label: String, _ extra: String?, _ cls: String) -> Node {
        .li(.class(cls)) {
            Node.strong(text: VNNumber.fraction(n, total, width: 2))
            " " + label + (extra.map { " (\($0))" } ?? "")
        }
    }

    /// The three answers at the top: targets met, units late, changes since the last period.
    static func answers(_ m: Model, link: (String) -> String) -> Node {
        .div(.class("answers")) {
            targetsAnswer(m.evaluation.summary)
            lateAnswer(m.round, link: link)
            changesAnswer(m)
        }
    }

    static func targetsAnswer(_ s: IndicatorSummary) -> Node {
        .section(.id("answer-targets")) {
            Node.h2(text: t("Mục tiêu đã đạt"))
            if s.total == 0 {
                Node.p(.class("empty"), text: t("Kế hoạch chưa có chỉ tiêu. Thêm chỉ tiêu ở trang Thiết lập."))
            } else {
                Node.p(.class("big"), text: VNNumber.fraction(s.count(.met), s.total, width: 2))
                Node.p(text: t("chỉ tiêu hoàn thành mục tiêu (%@)", VNNumber.percent(s.count(.met), of: s.total)))
                let notEvaluable = s.count(.notEvaluable)
                if notEvaluable > 0 {
                    Node.p(.class("hint"), text: t("%@ chỉ tiêu chưa đánh giá được (thiếu số liệu hoặc mục tiêu).", VNNumber.padded(notEvaluable)))
                }
            }
        }
    }

    static func lateAnswer(_ round: RoundProgress?, link: (String) -> String) -> Node {
        .section(.id("answer-late")) {
            Node.h2(text: t("Đơn vị chậm báo cáo"))
            if let r = round {
                Node.p(.class("big"), text: VNNumber.padded(r.overdue.count))
                Node.p(text: t("đơn vị quá hạn chưa gửi; đã gửi %@ đơn vị", VNNumber.fraction(r.submitted, r.expected, width: 2)))
                lateUnits(r, link: link)
                Node.p(.class("hint")) { Node.link(.round(r.round.code), t("Tiến độ nộp báo cáo của đợt")) }
            } else {
                Node.p(.class("empty"), text: t("Chưa có đợt báo cáo nào cho kỳ này. Người điều phối mở đợt ở trang Báo cáo định kỳ."))
            }
        }
    }

    static func lateUnits(_ r: RoundProgress, link: (String) -> String) -> Node {
        let shown = r.overdue + r.submittedLate
        guard !shown.isEmpty else {
            return .p(.class("ok"), text: r.pending > 0
                ? t("Chưa đơn vị nào trễ hạn; %@ đơn vị chưa gửi, còn trong hạn.", VNNumber.padded(r.pending))
                : t("Không có đơn vị chậm báo cáo."))
        }
        return .ul {
            for entry in shown.prefix(6) {
                let note = entry.state.isSubmitted ? t("gửi muộn") : t("hạn %@", VNDate.numeric(entry.deadline))
                Node.li {
                    Node.a(.href(link(entry.unitCode)), text: entry.unitName)
                    " "
                    Node.span(.class("muted"), text: "(\(note))")
                }
            }
            if shown.count > 6 { Node.li(text: t("và %@ đơn vị khác", VNNumber.padded(shown.count - 6))) }
        }
    }

    static func changesAnswer(_ m: Model) -> Node {
        let e = m.evaluation
        return .section(.id("answer-changes")) {
            Node.h2(text: t("Thay đổi so với kỳ trước"))
            if let p = m.previous {
                changes(e, since: p)
            } else {
                Node.p(.class("empty"), text: t("Kỳ trước (%@) chưa có số liệu để so sánh.", e.period.previous.label))
            }
        }
    }

    static func changes(_ e: PlanEvaluation, since p: PlanEvaluation) -> Node {
        let before = Dictionary(p.indicators.map { ($0.indicator.code, $0.evaluation) }, uniquingKeysWith: { a, _ in a })
        let metBefore = p.summary.count(.met)
        let metNow = e.summary.count(.met)
        let delta = metNow - metBefore
        let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
        // A move between two evaluations counts; an indicator evaluated in only one of the
        // two periods is counted apart, or a period with few figures would read as a collapse.
        var changed: [(IndicatorResult, IndicatorEvaluation)] = []
        var appeared = 0, vanished = 0
        for r in e.indicators {
            guard let old = before[r.indicator.code] else { continue }
            let was = old.evaluationClass, now = r.evaluation.evaluationClass
            if was == now { continue }
            if was == .notEvaluable { appeared += 1 } else if now == .notEvaluable { vanished += 1 } else { changed.append((r, old)) }
        }
        return .group {
            Node.p(.class("big"), text: "\(sign)\(VNNumber.padded(abs(delta)))")
            Node.p(text: t("chỉ tiêu hoàn thành so với %@ (%@ → %@)", p.period.label, VNNumber.padded(metBefore), VNNumber.padded(metNow)))
            if changed.isEmpty {
                Node.p(.class("hint"), text: t("Không chỉ tiêu nào đổi mức đánh giá."))
            } else {
                Node.ul {
                    changed.prefix(6).map { changeLine($0.0, from: $0.1, e) }
                    if changed.count > 6 { Node.li(text: t("và %@ chỉ tiêu khác", VNNumber.padded(changed.count - 6))) }
                }
            }
            if appeared > 0 { Node.p(.class("hint"), text: t("%@ chỉ tiêu mới đánh giá được ở kỳ này.", VNNumber.padded(appeared))) }
            if vanished > 0 {
                Node.p(.class("hint"), text: t("%@ chỉ tiêu đánh giá được ở kỳ trước nhưng kỳ này chưa đánh giá được.", VNNumber.padded(vanished)))
            }
        }
    }

    static func changeLine(_ r: IndicatorResult, from old: IndicatorEvaluation, _ e: PlanEvaluation) -> Node {
        let href = SiteRoute.indicator(slug: e.plan.slug, code: r.indicator.code, period: e.period.identifier, unit: e.unit.code).path
        let up = r.evaluation.evaluationClass > old.evaluationClass
        return .li {
            Node.a(.href(href), text: "\(t("Chỉ tiêu")) \(r.indicator.code)")
            " "
            Node.span(.role("img"), .aria("label", up ? t("tăng") : t("giảm")), text: up ? "▲" : "▼")
            " "
            EvaluationBadge.node(old)
            " → "
            EvaluationBadge.node(r.evaluation)
        }
    }

    /// A plain GET form, so the period can be changed without JavaScript.
    static func periodPicker(_ m: Model) -> Node {
        let e = m.evaluation
        guard !m.periods.isEmpty else { return .empty }
        var periods = m.periods
        if !periods.contains(e.period) { periods.insert(e.period, at: 0) }
        return .form(.class("inline"), .method("get"), .action(.dashboard(slug: e.plan.slug, period: nil, unit: nil))) {
            Node.hidden("unit", e.unit.code)
            if e.reading?.includesUnsubmitted == true { Node.hidden(DataPreview.parameter, "1") }
            Node.label {
                t("Kỳ báo cáo")
                " "
                Node.select(.name("period")) {
                    periods.map { p in Node.option(.value(p.identifier), .flag("selected", p == e.period), text: p.label) }
                }
            }
            " "
            Node.button(.type("submit"), text: t("Xem"))
        }
    }
}
