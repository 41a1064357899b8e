import DXCore
import DXStore

/// One indicator for one unit: its trend across the periods with data, and the units below it
/// for the chosen period, each with its figure, parts and evaluation.
enum IndicatorPage {
    struct Model {
        var plan: Plan
        var indicator: Indicator
        var unit: OrgUnit
        var period: Period
        var current: IndicatorResult
        /// Oldest first; each with the unit's value for that period (aggregated when needed).
        var trend: [(period: Period, value: AggregatedValue)]
        var children: [(unit: OrgUnit, result: IndicatorResult)]
        var reading: DataReading?
        /// Whose figures the trend shows before the unit existed.
        var lineage: UnitLineage?
    }

    static func query(_ store: Store, plan key: String, code: String, period: String?, unit: String?,
                      includeUnsubmitted: Bool = false) async throws -> Model {
        guard let contents = try await store.planContents(slugOrCode: key) else {
            throw StoreError.notFound("kế hoạch \"\(key)\"")
        }
        guard let indicator = contents.indicators.first(where: { $0.code == code }) else {
            throw StoreError.notFound("chỉ tiêu \(code) trong kế hoạch \(contents.plan.code)")
        }
        let periods = try await store.reportedPeriods(planCode: contents.plan.code).sorted()
        // The one indicator over every period (its trend), for the unit's subtree only.
        let facts = try await store.evaluationFacts(plan: contents.plan.code,
                                                    period: period ?? periods.last?.identifier ?? String(contents.plan.horizonTo),
                                                    unit: unit, indicators: [code], allPeriods: true,
                                                    includeUnsubmitted: includeUnsubmitted)
        let evaluation = facts.evaluation()
        let aggregator = IndicatorAggregator(indicator: indicator, tree: facts.tree, values: facts.values)
        // Every reported period, whatever its length: a year beside its halves is what the
        // plan was reported for, and a trend of only the current period's kind hid most of it.
        let trend = periods.map { ($0, aggregator.value(of: evaluation.unit.code, in: $0)) }
        let children = facts.childEvaluations(indicators: [indicator])
            .compactMap { e -> (OrgUnit, IndicatorResult)? in e.indicators.first.map { (e.unit, $0) } }
        return Model(plan: contents.plan, indicator: indicator, unit: evaluation.unit, period: evaluation.period,
                     current: evaluation.indicator(code)!, trend: trend, children: children, reading: evaluation.reading,
                     lineage: facts.lineage)
    }

    /// Where the unit began, between the trend's points: the periods before it are its
    /// predecessors' figures.
    static func reformMark(_ m: Model) -> (beforePoint: Int, label: String)? {
        guard let l = m.lineage, let i = m.trend.firstIndex(where: { !l.reachesBack($0.period) }), i > 0 else { return nil }
        return (i, t("Sắp xếp đơn vị") + " " + l.sinceVI)
    }

    static func render(_ m: Model) -> String {
        let i = m.indicator
        let dashboard = SiteRoute.dashboard(slug: m.plan.slug, period: m.period.identifier, unit: m.unit.code).path
        var b = "<p class=\"meta\"><a href=\"\(escape(dashboard))\">\(escape(m.plan.code)) — \(escape(m.period.label)) — \(escape(m.unit.name))</a></p>"
        b += "<h1>\(t("Chỉ tiêu")) \(escape(i.code)). \(escape(i.name))</h1>"
        b += DataPreview.banner(m.reading)
        b += "<dl class=\"facts\">"
        b += "<dt>\(t("Loại"))</dt><dd>\(escape(translated(i.measure.labelVI)))\(i.direction == .lowerIsBetter ? " — " + t("càng thấp càng tốt") : "")</dd>"
        if let n = i.numeratorDefinition { b += "<dt>\(t("Tử số"))</dt><dd>\(escape(n))</dd>" }
        if let d = i.denominatorDefinition { b += "<dt>\(t("Mẫu số"))</dt><dd>\(escape(d))</dd>" }
        let targets = i.targets.map { t("Năm %@:", $0.year) + " " + $0.shortLabelVI(unit: i.unitOfMeasure) }
        b += "<dt>\(t("Mục tiêu"))</dt><dd>\(targets.isEmpty ? t("Chưa có") : escape(targets.joined(separator: "; ")))</dd>"
        b += "<dt>\(t("Kết quả")) \(escape(m.period.label))</dt><dd>\(escape(m.current.valueLabelVI))"
        if let parts = m.current.partsLabelVI { b += " (\(escape(parts)))" }
        b += " — \(EvaluationBadge.html(m.current.evaluation))</dd>"
        // Whose figure it is, then how many units below reported: the province's own figure is
        // never presented as if the units below had given it.
        let aggregate = m.current.aggregate
        var source = aggregate.provenance(kind: m.unit.kind)
        if aggregate.source != .reported || !aggregate.hasData { source.insert(translated(aggregate.source.labelVI), at: 0) }
        b += "<dt>\(t("Nguồn số liệu"))</dt><dd id=\"source\">\(source.map(escape).joined(separator: "; "))</dd>"
        if let own = m.current.reported {
            if let c = own.comment, !c.isEmpty { b += "<dt>\(t("Ghi chú"))</dt><dd>\(escape(c))</dd>" }
            if let a = own.author { b += "<dt>\(t("Người nhập"))</dt><dd>\(escape(a))</dd>" }
        }
        b += "</dl>"

        b += "<h2>\(t("Diễn biến qua các kỳ"))</h2>"
        let numeric = i.measure != .qualitative
        if numeric && m.trend.contains(where: { $0.value.value != nil }) {
            let target = m.current.evaluation.target
            let points = m.trend.map { p, v in
                LineChart.Point(label: p.identifier, value: v.value,
                                valueLabel: v.value.map { i.measure == .rate ? VNNumber.percent($0) : VNNumber.format($0, fractionDigits: 2) }
                                    ?? (v.isZeroOverZero ? ZeroDenominatorRule.noRate : ""))
            }
            let chart = LineChart(title: "\(i.code). \(i.name) — \(m.unit.name)", points: points,
                                         target: target?.comparator == .judgement ? nil : target?.value,
                                         targetLabel: target.map { t("Mục tiêu") + " " + $0.shortLabelVI(unit: i.unitOfMeasure) },
                                         mark: reformMark(m))
            let reported = points.count(where: { $0.value != nil })
            b += "<figure>" + chart.svg() + "<figcaption class=\"hint\">" + t("%@ kỳ có số liệu; số liệu từng kỳ ở bảng dưới.", VNNumber.padded(reported)) + "</figcaption></figure>"
        }
        if let l = m.lineage, m.trend.contains(where: { l.reachesBack($0.period) }) {
            let source = l.incomparableNoteVI.map { "Số liệu trước ngày \(l.sinceVI): \($0)." }
                ?? "Số liệu trước ngày \(l.sinceVI) được tính từ các đơn vị tiền thân: \(l.predecessorsVI)."
            b += "<p class=\"hint lineage\">\(escape(source))</p>"
        }
        b += "<table class=\"stacked\"><caption class=\"sr-only\">\(t("Diễn biến qua các kỳ"))</caption><thead><tr><th scope=\"col\">\(t("Kỳ"))</th><th scope=\"col\">\(t("Kết quả"))</th><th scope=\"col\">\(t("Tử số/mẫu số"))</th><th scope=\"col\">\(t("Nguồn"))</th></tr></thead><tbody>"
        for (p, v) in m.trend {
            let label = v.value.map { i.measure == .rate ? VNNumber.percent($0) : VNNumber.format($0, fractionDigits: 2) }
                ?? (v.isZeroOverZero ? ZeroDenominatorRule.noRate : v.text.map(VNText.clean) ?? translated(ValueSource.missing.labelVI))
            let parts = v.numerator.flatMap { n in v.denominator.map { VNNumber.fraction(n, $0) } } ?? ""
            b += "<tr>" + cell(t("Kỳ"), escape(p.label), "title") + cell(t("Kết quả"), escape(label))
            b += cell(t("Tử số/mẫu số"), escape(parts), "num") + cell(t("Nguồn"), escape(translated(v.source.labelVI))) + "</tr>"
        }
        b += "</tbody></table>"

        if !m.children.isEmpty {
            b += "<h2>\(t("Theo đơn vị")) — \(escape(m.period.label))</h2>"
            b += "<table class=\"stacked\"><thead><tr><th scope=\"col\">\(t("Đơn vị"))</th><th scope=\"col\">\(t("Kết quả"))</th><th scope=\"col\">\(t("Tử số/mẫu số"))</th><th scope=\"col\">\(t("Đánh giá"))</th></tr></thead><tbody>"
            // Units without a figure are counted in one line under the table, not listed as rows.
            let silent = m.children.filter { !$0.result.aggregate.hasData }
            for (unit, r) in m.children where r.aggregate.hasData {
                let href = SiteRoute.indicator(slug: m.plan.slug, code: i.code, period: m.period.identifier, unit: unit.code).path
                b += "<tr>" + cell(t("Đơn vị"), "<a href=\"\(escape(href))\">\(escape(unit.name))</a>", "title") + cell(t("Kết quả"), escape(r.valueLabelVI))
                b += cell(t("Tử số/mẫu số"), escape(r.partsLabelVI ?? ""), "num") + cell(t("Đánh giá"), EvaluationBadge.html(r.evaluation)) + "</tr>"
            }
            let total = m.current
            b += "<tr class=\"total\">" + cell(t("Tổng hợp"), "\(t("Tổng hợp")) (\(escape(translated(total.aggregate.source.labelVI).lowercased())))", "title")
            b += cell(t("Kết quả"), escape(total.valueLabelVI)) + cell(t("Tử số/mẫu số"), escape(total.partsLabelVI ?? ""), "num")
            b += cell(t("Đánh giá"), EvaluationBadge.html(total.evaluation)) + "</tr>"
            b += "</tbody></table>"
            if !silent.isEmpty {
                let count = t("%@/%@ đơn vị chưa có số liệu nào cho kỳ này", VNNumber.padded(silent.count), VNNumber.padded(m.children.count))
                b += "<details class=\"empty\" id=\"units-without-data\"><summary><strong>\(escape(count))</strong></summary><p>"
                b += silent.map { u, _ in
                    "<a href=\"\(escape(SiteRoute.indicator(slug: m.plan.slug, code: i.code, period: m.period.identifier, unit: u.code).path))\">\(escape(u.name))</a>"
                }.joined(separator: ", ")
                b += "</p></details>"
            }
        }
        return Layout.page(title: "\(t("Chỉ tiêu")) \(i.code) — \(m.plan.code)", body: b)
    }
}
