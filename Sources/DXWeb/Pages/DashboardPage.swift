import DXCore
import DXStore

/// A plan for one unit and one period: the counts, progress by pillar, every indicator with its
/// traffic light, the units below to drill into, and tasks by lead agency.
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

    struct Model {
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
    }

    static func query(_ store: Store, plan key: String, period: String?, unit: String?,
                      includeUnsubmitted: Bool = false, mayPreview: Bool = false) async throws -> Model {
        guard let contents = try await store.planContents(slugOrCode: key) else {
            throw StoreError.notFound("kế hoạch \"\(key)\"")
        }
        let periods = try await store.reportedPeriods(planCode: contents.plan.code).sorted(by: >)
        let periodID = period ?? periods.first?.identifier ?? String(contents.plan.horizonTo)
        // One read of the facts the page shows: the unit's subtree for the period and its
        // comparisons; the units below are evaluated from the same rows.
        let facts = try await store.evaluationFacts(plan: contents.plan.code, period: periodID, unit: unit,
                                                    includeUnsubmitted: includeUnsubmitted)
        let evaluation = facts.evaluation()
        let tree = facts.tree
        let children = facts.childEvaluations().map { e in
            ChildRow(unit: e.unit, summary: e.summary, withData: e.indicators.count(where: { $0.aggregate.hasData }))
        }
        let companion = contents.indicators.isEmpty ? nil : try await store.planSummaries().first {
            $0.taskCount > 0 && $0.indicatorCount == 0 && $0.plan.covers(year: evaluation.period.start.year)
                && $0.plan.horizonFrom == $0.plan.horizonTo
        }?.plan.slug
        return Model(evaluation: evaluation, periods: periods, ancestors: tree.ancestors(of: evaluation.unit.code).reversed(),
                     children: children, leads: leads(evaluation.tasks, tree: tree), tasksPlan: companion, mayPreview: mayPreview)
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

    static func render(_ m: Model) -> String {
        let e = m.evaluation
        let s = e.summary
        let previewing = e.reading?.includesUnsubmitted ?? false
        // The preview follows the reader through the drill-down and into the report files.
        let keep = { (path: String) in previewing ? DataPreview.previewing(path) : path }
        let link = { (unit: String) in keep(SiteRoute.dashboard(slug: e.plan.slug, period: e.period.identifier, unit: unit).path) }
        var b = "<p class=\"meta\"><a href=\"\(SiteRoute.plan(slug: e.plan.slug).path)\">\(escape(e.plan.code))</a>"
        for a in m.ancestors { b += " › <a href=\"\(escape(link(a.code)))\">\(escape(a.name))</a>" }
        b += " › \(escape(e.unit.name))</p>"
        b += "<h1>\(escape(e.plan.title)) — \(escape(e.period.label))</h1>"
        b += DataPreview.banner(e.reading)
        // A unit newer than some of the periods shown: where those figures come from.
        for line in e.lineage?.sentencesVI ?? [] { b += "<p class=\"hint lineage\">\(escape(line))</p>" }
        if m.mayPreview {
            let here = SiteRoute.dashboard(slug: e.plan.slug, period: e.period.identifier, unit: e.unit.code).path
            b += previewing
                ? "<p class=\"hint\"><a id=\"preview-toggle\" href=\"\(escape(here))\">\(t("Chỉ xem số liệu đã gửi, đã duyệt"))</a></p>"
                : "<p class=\"hint\"><a id=\"preview-toggle\" href=\"\(escape(DataPreview.previewing(here)))\">\(t("Xem trước kể cả số liệu chưa gửi"))</a></p>"
        }
        b += periodPicker(m)
        b += "<p class=\"downloads\">\(t("Báo cáo theo Nghị định 30/2020:")) " + ReportDownload.Format.allCases.map { f in
            "<a href=\"\(escape(keep(SiteRoute.report(slug: e.plan.slug, format: f.rawValue, period: e.period.identifier, tasksPlan: m.tasksPlan).path)))\">\(escape(f.label))</a>"
        }.joined(separator: " · ") + "</p>"
        b += "<p class=\"hint\"><a href=\"\(escape(SiteRoute.reportTemplates.path))\">\(t("Mẫu báo cáo đã lưu"))</a>: \(t("chọn số, ngày, người ký, nơi nhận, phụ lục và biên tập thuyết minh của đơn vị."))</p>"

        b += "<h2>\(t("Kết quả thực hiện mục tiêu"))</h2>"
        b += "<ul class=\"figures\">"
        b += figure(s.count(.met), s.total, t("mục tiêu hoàn thành"), VNNumber.percent(s.count(.met), of: s.total))
        b += figure(s.count(.partlyMetFrom50), s.total, t("hoàn thành từ 50%"), nil)
        b += figure(s.count(.partlyMetBelow50), s.total, t("hoàn thành dưới 50%"), nil)
        b += figure(s.count(.notMet) + s.count(.partlyMetUnstated), s.total, t("chưa đạt hoặc chưa rõ tỷ lệ"), nil)
        b += figure(s.count(.notEvaluable), s.total, t("chưa đánh giá"), nil)
        b += "</ul>"
        b += "<div class=\"sentences\"><p>\(escape(s.headlineVI(planName: e.plan.title)))</p><ul>"
        for line in s.linesVI() { b += "<li>\(escape(line))</li>" }
        b += "</ul></div>"
        if !s.contradictions.isEmpty {
            b += "<p class=\"warn\">" + t("Có %@ chỉ tiêu mà đánh giá ghi trong báo cáo khác với kết quả tính từ số liệu:", VNNumber.padded(s.contradictions.count)) + " "
            b += s.contradictions.map { escape($0.indicatorCode) }.joined(separator: ", ") + ".</p>"
        }

        let pillars = e.indicatorsByPillar
        if pillars.count > 1 {
            b += "<h2>\(t("Tiến độ theo trụ cột"))</h2>"
            let items = pillars.map { g -> BarChart.Item in
                let met = g.results.count(where: { $0.evaluation.evaluationClass == .met })
                return BarChart.Item(label: g.pillar?.name ?? t("Chỉ tiêu khác"), value: Double(met) / Double(g.results.count) * 100,
                                     valueLabel: t("%@ hoàn thành", VNNumber.fraction(met, g.results.count, width: 2)))
            }
            b += "<figure>" + BarChart(title: t("Tỷ lệ chỉ tiêu hoàn thành theo trụ cột"), items: items, scaleMax: 100).svg() + "</figure>"
        }

        b += "<h2>\(t("Chỉ tiêu"))</h2>"
        for g in pillars {
            if pillars.count > 1 { b += "<h3>\(escape(g.pillar.map { "\($0.code). \($0.name)" } ?? t("Chỉ tiêu khác")))</h3>" }
            b += "<div class=\"wide\"><table><thead><tr><th>TT</th><th>\(t("Chỉ tiêu"))</th><th>\(t("Mục tiêu"))</th><th>\(t("Kết quả"))</th><th>\(t("Đánh giá"))</th><th>\(t("Nguồn số liệu"))</th></tr></thead><tbody>"
            for r in g.results {
                let i = r.indicator
                let target = r.evaluation.target.map { escape($0.shortLabelVI(unit: i.unitOfMeasure)) } ?? "<span class=\"muted\">\(t("Chưa có mục tiêu"))</span>"
                var result = escape(r.valueLabelVI)
                if let parts = r.partsLabelVI { result += "<br><span class=\"muted\">\(escape(parts))</span>" }
                if let c = r.samePeriodLastYear { result += "<br><span class=\"muted\">\(escape(c.sentenceVI(.samePeriodLastYear)))</span>" }
                // The unit's own figure and its units' reports told apart: "Số liệu của tỉnh" above
                // "3/38 đơn vị trực thuộc đã báo cáo", not a bare "0/38" beside the province's figure.
                let coverage = r.aggregate.provenance(kind: e.unit.kind).map(escape).joined(separator: "<br>")
                let href = SiteRoute.indicator(slug: e.plan.slug, code: i.code, period: e.period.identifier, unit: e.unit.code).path
                b += "<tr><td>\(escape(i.code))</td><td><a href=\"\(escape(href))\">\(escape(i.name))</a></td><td>\(target)</td>"
                b += "<td>\(result)</td><td>\(EvaluationBadge.html(r.evaluation))</td><td>\(coverage)</td></tr>"
            }
            b += "</tbody></table></div>"
        }

        if !m.children.isEmpty {
            b += "<h2>\(t("Đơn vị trực thuộc"))</h2>"
            b += "<div class=\"wide\"><table><thead><tr><th>\(t("Đơn vị"))</th><th>\(t("Chỉ tiêu có số liệu"))</th><th>\(t("Hoàn thành"))</th><th>\(t("Từ 50%"))</th><th>\(t("Dưới 50%"))</th></tr></thead><tbody>"
            for c in m.children {
                let total = c.summary.total
                b += "<tr><td><a href=\"\(escape(link(c.unit.code)))\">\(escape(c.unit.name))</a></td>"
                b += "<td class=\"num\">\(VNNumber.fraction(c.withData, total, width: 2))</td>"
                b += "<td class=\"num\">\(VNNumber.padded(c.summary.count(.met)))</td>"
                b += "<td class=\"num\">\(VNNumber.padded(c.summary.count(.partlyMetFrom50)))</td>"
                b += "<td class=\"num\">\(VNNumber.padded(c.summary.count(.partlyMetBelow50)))</td></tr>"
            }
            b += "</tbody></table></div>"
        }

        if !e.tasks.lines.isEmpty {
            b += "<h2>\(t("Nhiệm vụ"))</h2><p>\(escape(e.tasks.progressHeadlineVI(planName: e.plan.title)))</p><ul>"
            for line in e.tasks.progressLinesVI() { b += "<li>\(escape(line))</li>" }
            for line in e.tasks.pillarLinesVI(e.plan.pillars) { b += "<li>\(escape(line))</li>" }
            b += "</ul>"
        }
        if !m.leads.isEmpty {
            b += "<h3>\(t("Theo cơ quan chủ trì"))</h3>"
            b += "<div class=\"wide\"><table><thead><tr><th>\(t("Cơ quan chủ trì"))</th><th>\(t("Số nhiệm vụ"))</th><th>\(t("Hoàn thành"))</th><th>\(t("Đang triển khai"))</th><th>\(t("Chưa triển khai, chưa hoàn thành"))</th><th>\(t("Chưa báo cáo"))</th></tr></thead><tbody>"
            for l in m.leads {
                b += "<tr><td>\(escape(l.name))</td><td class=\"num\">\(VNNumber.padded(l.total))</td><td class=\"num\">\(VNNumber.padded(l.done))</td>"
                b += "<td class=\"num\">\(VNNumber.padded(l.underway))</td><td class=\"num\">\(VNNumber.padded(l.notStarted))</td><td class=\"num\">\(VNNumber.padded(l.noReport))</td></tr>"
            }
            b += "</tbody></table></div>"
        }
        return Layout.page(title: "\(e.plan.code) — \(e.period.label)", body: b)
    }

    static func figure(_ n: Int, _ total: Int, _ label: String, _ extra: String?) -> String {
        "<li><strong>\(VNNumber.fraction(n, total, width: 2))</strong> \(escape(label))" + (extra.map { " (\(escape($0)))" } ?? "") + "</li>"
    }

    /// A plain GET form, so the period can be changed without JavaScript.
    static func periodPicker(_ m: Model) -> String {
        let e = m.evaluation
        guard !m.periods.isEmpty else { return "" }
        var s = "<form class=\"inline\" method=\"get\" action=\"\(escape(SiteRoute.dashboard(slug: e.plan.slug, period: nil, unit: nil).path))\">"
        s += "<input type=\"hidden\" name=\"unit\" value=\"\(escape(e.unit.code))\">"
        if e.reading?.includesUnsubmitted == true { s += "<input type=\"hidden\" name=\"\(DataPreview.parameter)\" value=\"1\">" }
        s += "<label>\(t("Kỳ báo cáo")) <select name=\"period\">"
        var periods = m.periods
        if !periods.contains(e.period) { periods.insert(e.period, at: 0) }
        for p in periods {
            s += "<option value=\"\(escape(p.identifier))\"\(p == e.period ? " selected" : "")>\(escape(p.label))</option>"
        }
        return s + "</select></label> <button type=\"submit\">\(t("Xem"))</button></form>"
    }
}
