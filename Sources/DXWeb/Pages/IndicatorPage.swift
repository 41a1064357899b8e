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
        let (evaluation, childEvaluations) = facts.evaluations(childIndicators: [indicator])
        let aggregator = IndicatorAggregator(indicator: indicator, tree: facts.tree, values: facts.values)
        // Every reported period, whatever its length: a year beside its halves is what the
        // plan was reported for, and a trend of only the current period's kind hid most of it.
        let trend = periods.map { ($0, aggregator.value(of: evaluation.unit.code, in: $0)) }
        let children = childEvaluations
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
        return Layout.page(title: "\(t("Chỉ tiêu")) \(i.code) — \(m.plan.code)") {
            Node.p(.class("meta")) {
                Node.link(.dashboard(slug: m.plan.slug, period: m.period.identifier, unit: m.unit.code),
                          "\(m.plan.code) — \(m.period.label) — \(m.unit.name)")
            }
            Node.h1(text: "\(t("Chỉ tiêu")) \(i.code). \(i.name)")
            DataPreview.banner(m.reading)
            facts(m)
            Node.h2(text: t("Diễn biến qua các kỳ"))
            chart(m)
            lineageNote(m)
            trendTable(m)
            children(m)
        }
    }

    /// What the indicator is, its targets, this period's result and whose figure it is.
    static func facts(_ m: Model) -> Node {
        let i = m.indicator
        let targets = i.targets.map { t("Năm %@:", $0.year) + " " + $0.shortLabelVI(unit: i.unitOfMeasure) }
        // Whose figure it is, then how many units below reported: the province's own figure is
        // never presented as if the units below had given it.
        let aggregate = m.current.aggregate
        var source = aggregate.provenance(kind: m.unit.kind)
        if aggregate.source != .reported || !aggregate.hasData { source.insert(translated(aggregate.source.labelVI), at: 0) }
        return .dl(.class("facts")) {
            Node.dt(text: t("Loại"))
            Node.dd(text: translated(i.measure.labelVI) + (i.direction == .lowerIsBetter ? " — " + t("càng thấp càng tốt") : ""))
            if let n = i.numeratorDefinition { Node.dt(text: t("Tử số")); Node.dd(text: n) }
            if let d = i.denominatorDefinition { Node.dt(text: t("Mẫu số")); Node.dd(text: d) }
            Node.dt(text: t("Mục tiêu"))
            Node.dd(text: targets.isEmpty ? t("Chưa có") : targets.joined(separator: "; "))
            Node.dt(text: "\(t("Kết quả")) \(m.period.label)")
            Node.dd {
                m.current.valueLabelVI
                if let parts = m.current.partsLabelVI { " (\(parts))" }
                " — "
                EvaluationBadge.node(m.current.evaluation)
            }
            Node.dt(text: t("Nguồn số liệu"))
            Node.dd(.id("source"), text: source.joined(separator: "; "))
            if let own = m.current.reported {
                if let c = own.comment, !c.isEmpty { Node.dt(text: t("Ghi chú")); Node.dd(text: c) }
                if let a = own.author { Node.dt(text: t("Người nhập")); Node.dd(text: a) }
            }
        }
    }

    static func chart(_ m: Model) -> Node {
        let i = m.indicator
        guard i.measure != .qualitative, m.trend.contains(where: { $0.value.value != nil }) else { return .empty }
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
        return .figure {
            chart.svg()
            Node.figcaption(.class("hint"), text: t("%@ kỳ có số liệu; số liệu từng kỳ ở bảng dưới.", VNNumber.padded(reported)))
        }
    }

    static func lineageNote(_ m: Model) -> Node {
        guard let l = m.lineage, m.trend.contains(where: { l.reachesBack($0.period) }) else { return .empty }
        let source = l.incomparableNoteVI.map { "Số liệu trước ngày \(l.sinceVI): \($0)." }
            ?? "Số liệu trước ngày \(l.sinceVI) được tính từ các đơn vị tiền thân: \(l.predecessorsVI)."
        return .p(.class("hint lineage"), text: source)
    }

    /// Every reported period, the chart's figures as a table.
    static func trendTable(_ m: Model) -> Node {
        let i = m.indicator
        return .table(.class("stacked")) {
            Node.caption(.class("sr-only"), text: t("Diễn biến qua các kỳ"))
            Node.columnHeads([t("Kỳ"), t("Kết quả"), t("Tử số/mẫu số"), t("Nguồn")])
            Node.tbody {
                for (p, v) in m.trend {
                    let label = v.value.map { i.measure == .rate ? VNNumber.percent($0) : VNNumber.format($0, fractionDigits: 2) }
                        ?? (v.isZeroOverZero ? ZeroDenominatorRule.noRate : v.text.map(VNText.clean) ?? translated(ValueSource.missing.labelVI))
                    let parts = v.numerator.flatMap { n in v.denominator.map { VNNumber.fraction(n, $0) } } ?? ""
                    Node.tr {
                        cell(t("Kỳ"), "title") { p.label }
                        cell(t("Kết quả")) { label }
                        cell(t("Tử số/mẫu số"), "num") { parts }
                        cell(t("Nguồn")) { translated(v.source.labelVI) }
                    }
                }
            }
        }
    }

    /// The units below for the period; those without a figure are counted in one line under
    /// the table, not listed as rows.
    static func children(_ m: Model) -> Node {
        guard !m.children.isEmpty else { return .empty }
        let silent = m.children.filter { !$0.result.aggregate.hasData }
        let total = m.current
        return .group {
            Node.h2(text: "\(t("Theo đơn vị")) — \(m.period.label)")
            Node.table(.class("stacked")) {
                Node.columnHeads([t("Đơn vị"), t("Kết quả"), t("Tử số/mẫu số"), t("Đánh giá")])
                Node.tbody {
                    for (unit, r) in m.children where r.aggregate.hasData {
                        Node.tr {
                            cell(t("Đơn vị"), "title") { Node.a(.href(unitLink(m, unit.code)), text: unit.name) }
                            resultCells(r)
                        }
                    }
                    Node.tr(.class("total")) {
                        cell(t("Tổng hợp"), "title") { "\(t("Tổng hợp")) (\(translated(total.aggregate.source.labelVI).lowercased()))" }
                        resultCells(total)
                    }
                }
            }
            if !silent.isEmpty {
                Node.details(.class("empty"), .id("units-without-data")) {
                    Node.summary {
                        Node.strong(text: t("%@/%@ đơn vị chưa có số liệu nào cho kỳ này", VNNumber.padded(silent.count), VNNumber.padded(m.children.count)))
                    }
                    Node.p { Node.joined(silent.map { u, _ in Node.a(.href(unitLink(m, u.code)), text: u.name) }, separator: ", ") }
                }
            }
        }
    }

    static func resultCells(_ r: IndicatorResult) -> Node {
        .group {
            cell(t("Kết quả")) { r.valueLabelVI }
            cell(t("Tử số/mẫu số"), "num") { r.partsLabelVI ?? "" }
            cell(t("Đánh giá")) { EvaluationBadge.node(r.evaluation) }
        }
    }

    static func unitLink(_ m: Model, _ unit: String) -> String {
        SiteRoute.indicator(slug: m.plan.slug, code: m.indicator.code, period: m.period.identifier, unit: unit).path
    }
}
