import DXCore
import DXStore

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
        /// The same plan for the period just before, when that period has figures.
        var previous: PlanEvaluation?
        /// The reporting round of this plan and period, with the units of the subtree.
        var round: RoundProgress?
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
                                                    includeUnsubmitted: includeUnsubmitted, summed: true)
        let evaluation = facts.evaluation()
        let tree = facts.tree
        let children = facts.childEvaluations().map { e in
            ChildRow(unit: e.unit, summary: e.summary, withData: e.indicators.count(where: { $0.aggregate.hasData }))
        }
        let companion = contents.indicators.isEmpty ? nil : try await store.planSummaries().first {
            $0.taskCount > 0 && $0.indicatorCount == 0 && $0.plan.covers(year: evaluation.period.start.year)
                && $0.plan.horizonFrom == $0.plan.horizonTo
        }?.plan.slug
        // The previous period is evaluated from the same rows: the facts of a period include
        // those of the period before it, which its comparisons need anyway.
        let before = evaluation.period.previous
        let previous = periods.contains(before) ? facts.evaluation(in: before) : nil
        let round = try await store.rounds().first {
            $0.periodID == evaluation.period.identifier && $0.planCodes.contains(contents.plan.code)
        }
        var progress: RoundProgress?
        if let round {
            let today = ReportRules.today
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
        b += answers(m, link: link)
        b += "<p class=\"downloads\">\(t("Báo cáo theo Nghị định 30/2020:")) " + ReportDownload.Format.allCases.map { f in
            "<a href=\"\(escape(keep(SiteRoute.report(slug: e.plan.slug, format: f.rawValue, period: e.period.identifier, tasksPlan: m.tasksPlan).path)))\">\(escape(f.label))</a>"
        }.joined(separator: " · ") + "</p>"
        b += "<p class=\"hint\"><a href=\"\(escape(SiteRoute.reportTemplates.path))\">\(t("Mẫu báo cáo đã lưu"))</a>: \(t("chọn số, ngày, người ký, nơi nhận, phụ lục và biên tập thuyết minh của đơn vị."))</p>"

        b += "<h2>\(t("Kết quả thực hiện mục tiêu"))</h2>"
        b += "<ul class=\"figures\">"
        b += figure(s.count(.met), s.total, t("mục tiêu hoàn thành"), VNNumber.percent(s.count(.met), of: s.total), "f-met")
        b += figure(s.count(.partlyMetFrom50), s.total, t("hoàn thành từ 50%"), nil, "f-partly")
        b += figure(s.count(.partlyMetBelow50), s.total, t("hoàn thành dưới 50%"), nil, "f-partly")
        b += figure(s.count(.notMet) + s.count(.partlyMetUnstated), s.total, t("chưa đạt hoặc chưa rõ tỷ lệ"), nil, "f-not")
        b += figure(s.count(.notEvaluable), s.total, t("chưa đánh giá"), nil, "f-none")
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
            b += BarChart(title: t("Tỷ lệ chỉ tiêu hoàn thành theo trụ cột"), items: items, scaleMax: 100).figure()
        }

        b += "<h2>\(t("Chỉ tiêu"))</h2>"
        for g in pillars {
            if pillars.count > 1 { b += "<h3>\(escape(g.pillar.map { "\($0.code). \($0.name)" } ?? t("Chỉ tiêu khác")))</h3>" }
            b += "<table class=\"stacked\"><thead><tr><th scope=\"col\">TT</th><th scope=\"col\">\(t("Chỉ tiêu"))</th><th scope=\"col\">\(t("Mục tiêu"))</th><th scope=\"col\">\(t("Kết quả"))</th><th scope=\"col\">\(t("Đánh giá"))</th><th scope=\"col\">\(t("Nguồn số liệu"))</th></tr></thead><tbody>"
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
                b += "<tr><td class=\"code\">\(escape(i.code))</td>" + cell(t("Chỉ tiêu"), "<a href=\"\(escape(href))\">\(escape(i.name))</a>", "title")
                b += cell(t("Mục tiêu"), target) + cell(t("Kết quả"), result) + cell(t("Đánh giá"), EvaluationBadge.html(r.evaluation))
                b += cell(t("Nguồn số liệu"), coverage) + "</tr>"
            }
            b += "</tbody></table>"
        }

        if !m.children.isEmpty {
            b += "<h2>\(t("Đơn vị trực thuộc"))</h2>"
            // Units without a single figure are one line with their count, not rows of zeros.
            let reporting = m.children.filter { $0.withData > 0 }
            let silent = m.children.filter { $0.withData == 0 }
            if !reporting.isEmpty {
                b += "<table class=\"stacked\"><thead><tr><th scope=\"col\">\(t("Đơn vị"))</th><th scope=\"col\">\(t("Chỉ tiêu có số liệu"))</th><th scope=\"col\">\(t("Hoàn thành"))</th><th scope=\"col\">\(t("Từ 50%"))</th><th scope=\"col\">\(t("Dưới 50%"))</th></tr></thead><tbody>"
                for c in reporting {
                    let total = c.summary.total
                    b += "<tr>" + cell(t("Đơn vị"), "<a href=\"\(escape(link(c.unit.code)))\">\(escape(c.unit.name))</a>", "title")
                    b += cell(t("Chỉ tiêu có số liệu"), VNNumber.fraction(c.withData, total, width: 2), "num")
                    b += cell(t("Hoàn thành"), VNNumber.padded(c.summary.count(.met)), "num")
                    b += cell(t("Từ 50%"), VNNumber.padded(c.summary.count(.partlyMetFrom50)), "num")
                    b += cell(t("Dưới 50%"), VNNumber.padded(c.summary.count(.partlyMetBelow50)), "num") + "</tr>"
                }
                b += "</tbody></table>"
            }
            if !silent.isEmpty {
                let count = t("%@/%@ đơn vị chưa có số liệu nào cho kỳ này", VNNumber.padded(silent.count), VNNumber.padded(m.children.count))
                b += "<details class=\"empty\" id=\"units-without-data\"><summary><strong>\(escape(count))</strong></summary><p>"
                b += silent.map { "<a href=\"\(escape(link($0.unit.code)))\">\(escape($0.unit.name))</a>" }.joined(separator: ", ")
                b += "</p></details>"
            }
        }

        if !e.tasks.lines.isEmpty {
            b += "<h2>\(t("Nhiệm vụ"))</h2><p>\(escape(e.tasks.progressHeadlineVI(planName: e.plan.title)))</p><ul>"
            for line in e.tasks.progressLinesVI() { b += "<li>\(escape(line))</li>" }
            for line in e.tasks.pillarLinesVI(e.plan.pillars) { b += "<li>\(escape(line))</li>" }
            b += "</ul>"
        }
        if !m.leads.isEmpty {
            b += "<h3>\(t("Theo cơ quan chủ trì"))</h3>"
            b += "<table class=\"stacked\"><thead><tr><th scope=\"col\">\(t("Cơ quan chủ trì"))</th><th scope=\"col\">\(t("Số nhiệm vụ"))</th><th scope=\"col\">\(t("Hoàn thành"))</th><th scope=\"col\">\(t("Đang triển khai"))</th><th scope=\"col\">\(t("Chưa triển khai, chưa hoàn thành"))</th><th scope=\"col\">\(t("Chưa báo cáo"))</th></tr></thead><tbody>"
            for l in m.leads {
                b += "<tr>" + cell(t("Cơ quan chủ trì"), escape(l.name), "title") + cell(t("Số nhiệm vụ"), VNNumber.padded(l.total), "num")
                b += cell(t("Hoàn thành"), VNNumber.padded(l.done), "num") + cell(t("Đang triển khai"), VNNumber.padded(l.underway), "num")
                b += cell(t("Chưa triển khai, chưa hoàn thành"), VNNumber.padded(l.notStarted), "num") + cell(t("Chưa báo cáo"), VNNumber.padded(l.noReport), "num") + "</tr>"
            }
            b += "</tbody></table>"
        }
        return Layout.page(title: "\(e.plan.code) — \(e.period.label)", body: b)
    }

    static func figure(_ n: Int, _ total: Int, _ label: String, _ extra: String?, _ cls: String) -> String {
        "<li class=\"\(cls)\"><strong>\(VNNumber.fraction(n, total, width: 2))</strong> \(escape(label))" + (extra.map { " (\(escape($0)))" } ?? "") + "</li>"
    }

    /// The three answers at the top: targets met, units late, changes since the last period.
    static func answers(_ m: Model, link: (String) -> String) -> String {
        let e = m.evaluation
        let s = e.summary
        var b = "<div class=\"answers\">"
        b += "<section id=\"answer-targets\"><h2>\(t("Mục tiêu đã đạt"))</h2>"
        if s.total == 0 {
            b += "<p class=\"empty\">\(t("Kế hoạch chưa có chỉ tiêu. Thêm chỉ tiêu ở trang Thiết lập."))</p>"
        } else {
            b += "<p class=\"big\">\(VNNumber.fraction(s.count(.met), s.total, width: 2))</p>"
            b += "<p>" + escape(t("chỉ tiêu hoàn thành mục tiêu (%@)", VNNumber.percent(s.count(.met), of: s.total))) + "</p>"
            let notEvaluable = s.count(.notEvaluable)
            if notEvaluable > 0 { b += "<p class=\"hint\">" + escape(t("%@ chỉ tiêu chưa đánh giá được (thiếu số liệu hoặc mục tiêu).", VNNumber.padded(notEvaluable))) + "</p>" }
        }
        b += "</section>"

        b += "<section id=\"answer-late\"><h2>\(t("Đơn vị chậm báo cáo"))</h2>"
        if let r = m.round {
            let late = r.overdue.count + r.submittedLate.count
            b += "<p class=\"big\">\(VNNumber.padded(r.overdue.count))</p><p>" + escape(t("đơn vị quá hạn chưa gửi; đã gửi %@ đơn vị", VNNumber.fraction(r.submitted, r.expected, width: 2))) + "</p>"
            if late == 0 {
                b += "<p class=\"ok\">" + (r.pending > 0 ? escape(t("Chưa đơn vị nào trễ hạn; %@ đơn vị chưa gửi, còn trong hạn.", VNNumber.padded(r.pending))) : t("Không có đơn vị chậm báo cáo.")) + "</p>"
            } else {
                let shown = r.overdue + r.submittedLate
                b += "<ul>"
                for entry in shown.prefix(6) {
                    let note = entry.state.isSubmitted ? t("gửi muộn") : t("hạn %@", VNDate.numeric(entry.deadline))
                    b += "<li><a href=\"\(escape(link(entry.unitCode)))\">\(escape(entry.unitName))</a> <span class=\"muted\">(\(escape(note)))</span></li>"
                }
                if shown.count > 6 { b += "<li>" + escape(t("và %@ đơn vị khác", VNNumber.padded(shown.count - 6))) + "</li>" }
                b += "</ul>"
            }
            b += "<p class=\"hint\"><a href=\"\(escape(SiteRoute.round(r.round.code).path))\">\(t("Tiến độ nộp báo cáo của đợt"))</a></p>"
        } else {
            b += "<p class=\"empty\">\(t("Chưa có đợt báo cáo nào cho kỳ này. Người điều phối mở đợt ở trang Báo cáo định kỳ."))</p>"
        }
        b += "</section>"

        b += "<section id=\"answer-changes\"><h2>\(t("Thay đổi so với kỳ trước"))</h2>"
        if let p = m.previous {
            let before = Dictionary(p.indicators.map { ($0.indicator.code, $0.evaluation) }, uniquingKeysWith: { a, _ in a })
            let metBefore = p.summary.count(.met)
            let metNow = s.count(.met)
            let delta = metNow - metBefore
            let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
            b += "<p class=\"big\">\(sign)\(VNNumber.padded(abs(delta)))</p>"
            b += "<p>" + escape(t("chỉ tiêu hoàn thành so với %@ (%@ → %@)", p.period.label, VNNumber.padded(metBefore), VNNumber.padded(metNow))) + "</p>"
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
            if changed.isEmpty {
                b += "<p class=\"hint\">\(t("Không chỉ tiêu nào đổi mức đánh giá."))</p>"
            } else {
                b += "<ul>"
                for (r, old) in changed.prefix(6) {
                    let href = SiteRoute.indicator(slug: e.plan.slug, code: r.indicator.code, period: e.period.identifier, unit: e.unit.code).path
                    let up = r.evaluation.evaluationClass > old.evaluationClass
                    b += "<li><a href=\"\(escape(href))\">\(t("Chỉ tiêu")) \(escape(r.indicator.code))</a> <span role=\"img\" aria-label=\"\(up ? t("tăng") : t("giảm"))\">\(up ? "▲" : "▼")</span> "
                    b += EvaluationBadge.html(old) + " → " + EvaluationBadge.html(r.evaluation) + "</li>"
                }
                if changed.count > 6 { b += "<li>" + escape(t("và %@ chỉ tiêu khác", VNNumber.padded(changed.count - 6))) + "</li>" }
                b += "</ul>"
            }
            if appeared > 0 { b += "<p class=\"hint\">" + escape(t("%@ chỉ tiêu mới đánh giá được ở kỳ này.", VNNumber.padded(appeared))) + "</p>" }
            if vanished > 0 { b += "<p class=\"hint\">" + escape(t("%@ chỉ tiêu đánh giá được ở kỳ trước nhưng kỳ này chưa đánh giá được.", VNNumber.padded(vanished))) + "</p>" }
        } else {
            b += "<p class=\"empty\">" + escape(t("Kỳ trước (%@) chưa có số liệu để so sánh.", e.period.previous.label)) + "</p>"
        }
        b += "</section></div>"
        return b
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
