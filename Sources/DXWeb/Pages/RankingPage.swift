import DXCore
import DXStore

/// Scores and ranks under a scoring scheme, one table per level, with a bar per main index.
enum RankingPage {
    struct Model {
        var scheme: ScoringScheme
        var parts: [(part: ScoringPart, scores: [UnitScore])]
        var names: [String: String]
    }

    static func query(_ store: Store, scheme code: String) async throws -> Model {
        guard let scheme = try await store.scoringScheme(code: code) else { throw StoreError.notFound("bộ chỉ số \(code)") }
        // Units as they were at the end of the scheme's year: a 2024 ranking names Thái Bình's units.
        let names = Dictionary(try await store.units(asOf: CalendarDate(scheme.year, 12, 31)).map { ($0.code, $0.name) },
                               uniquingKeysWith: { a, _ in a })
        return Model(scheme: scheme, parts: try await store.ranking(scheme: code), names: names)
    }

    static func render(_ m: Model) -> String {
        Layout.page(title: m.scheme.name) {
            Node.h1(text: m.scheme.name)
            if let source = m.scheme.source { Node.p(.class("meta"), text: source) }
            Node.p(text: t("Giá trị chỉ số chính = điểm đạt / điểm tối đa (từ 0 đến 1). Chỉ số tổng = Σ(giá trị × điểm tối đa) / tổng điểm tối đa; các đơn vị có cùng chỉ số tổng (làm tròn 4 chữ số) được xếp đồng hạng."))
            for (part, scores) in m.parts where !scores.isEmpty { partSection(m, part, scores) }
        }
    }

    static func partSection(_ m: Model, _ part: ScoringPart, _ scores: [UnitScore]) -> Node {
        let names = Dictionary(part.indices.map { ($0.code, "\($0.code). \($0.name)") }, uniquingKeysWith: { a, _ in a })
        return .group {
            Node.h2(text: part.name)
            BarChart(title: "\(t("Chỉ số tổng")) — \(part.name)",
                     items: scores.map { .init(label: "\($0.rank ?? 0). \(m.names[$0.unitCode] ?? $0.unitCode)", value: $0.total,
                                               valueLabel: VNNumber.format($0.total, fractionDigits: 4, trimZeros: false)) },
                     scaleMax: 1).figure()
            // Under 600 px each unit is a card: its rank and name, then one labelled line per index.
            Node.table(.class("stacked")) {
                Node.thead {
                    Node.tr {
                        Node.th(.scope("col"), text: t("Hạng"))
                        Node.th(.scope("col"), text: t("Đơn vị"))
                        Node.th(.scope("col"), text: t("Chỉ số tổng"))
                        for index in part.indices {
                            Node.th(.scope("col"), .title(index.name)) {
                                "\(index.code). \(index.name)"
                                Node.br()
                                Node.span(.class("muted"), text: t("tối đa %@", VNNumber.format(index.maximum, fractionDigits: 0)))
                            }
                        }
                    }
                }
                Node.tbody { scores.map { scoreRow(m, $0, names: names) } }
            }
        }
    }

    static func scoreRow(_ m: Model, _ s: UnitScore, names: [String: String]) -> Node {
        .tr {
            cell(t("Hạng"), "num") { s.rank.map(String.init) ?? "" }
            cell(t("Đơn vị"), "title") { Node.link(.rankingUnit(scheme: m.scheme.code, unit: s.unitCode), m.names[s.unitCode] ?? s.unitCode) }
            cell(t("Chỉ số tổng"), "num") { Node.strong(text: VNNumber.format(s.total, fractionDigits: 4, trimZeros: false)) }
            for index in s.indices {
                let label = names[index.code] ?? index.name
                if let v = index.value {
                    let figure = VNNumber.format(v, fractionDigits: 4, trimZeros: false)
                    cell(label, "num") { miniBar(v, label: "\(index.name): \(figure)"); " \(figure)" }
                } else {
                    cell(label) { Node.span(.class("muted"), text: t("Không tính điểm")) }
                }
            }
        }
    }

    /// A bar in [0, 1] small enough for a table cell, with its value as its text alternative.
    static func miniBar(_ v: Double, label: String) -> Node {
        let w = Int((min(max(v, 0), 1) * 60).rounded())
        return Node.el("svg", .class("mini"), .attr("width", 62), .attr("height", 10), .attr("viewBox", "0 0 62 10"), .role("img"), .aria("label", label)) {
            Node.el("rect", .attr("x", 0.5), .attr("y", 0.5), .attr("width", 61), .attr("height", 9), .attr("fill", "none"), .attr("stroke", "#888"))
            Node.el("rect", .attr("x", 1), .attr("y", 1), .attr("width", w), .attr("height", 8), .attr("fill", "#444"))
        }
    }
}

/// One unit's score under a scheme, criterion by criterion, with the evidence behind each.
enum RankingUnitPage {
    struct Model {
        var scheme: ScoringScheme
        var part: ScoringPart
        var score: UnitScore
        var unitName: String
        var rankOf: Int
    }

    static func query(_ store: Store, scheme code: String, unit unitCode: String) async throws -> Model {
        let ranking = try await RankingPage.query(store, scheme: code)
        for (part, scores) in ranking.parts {
            if let s = scores.first(where: { $0.unitCode == unitCode }) {
                return Model(scheme: ranking.scheme, part: part, score: s, unitName: ranking.names[unitCode] ?? unitCode,
                             rankOf: scores.count)
            }
        }
        throw StoreError.notFound("đơn vị \(unitCode) trong bộ chỉ số \(code)")
    }

    static func render(_ m: Model) -> String {
        let s = m.score
        return Layout.page(title: m.unitName) {
            Node.p(.class("meta")) { Node.link(.ranking(scheme: m.scheme.code), m.scheme.name) }
            Node.h1(text: m.unitName)
            Node.p {
                "\(t("Chỉ số tổng")) "
                Node.strong(text: VNNumber.format(s.total, fractionDigits: 4, trimZeros: false))
                " — \(t("xếp hạng %@/%@", s.rank.map(String.init) ?? "", m.rankOf)) (\(m.part.name)); "
                t("tổng điểm %@/%@.", VNNumber.format(s.points, fractionDigits: 2), VNNumber.format(s.maximum, fractionDigits: 0))
            }
            for (index, def) in zip(s.indices, m.part.indices) { indexSection(index, def) }
        }
    }

    static func indexSection(_ index: IndexScore, _ def: ScoringIndex) -> Node {
        let value = index.value.map { VNNumber.format($0, fractionDigits: 4, trimZeros: false) } ?? t("không tính điểm")
        return .group {
            Node.h2(text: "\(index.code). \(index.name) — \(VNNumber.format(index.points, fractionDigits: 2))/\(VNNumber.format(index.maximum, fractionDigits: 0)) \(t("điểm")) (\(value))")
            wideTable {
                Node.table {
                    Node.columnHeads([t("Mã"), t("Tiêu chí"), t("Số liệu"), t("Điểm"), t("Tình trạng"), t("Minh chứng")], scoped: false)
                    Node.tbody { zip(index.criteria, def.criteria).map { criterionRow($0.0, $0.1) } }
                }
            }
        }
    }

    static func criterionRow(_ c: CriterionScore, _ cdef: ScoringCriterion) -> Node {
        var input = ""
        if let i = c.input {
            if let n = i.numerator, let d = i.denominator { input = VNNumber.fraction(n, d) }
            else if let v = i.value { input = VNNumber.format(v, fractionDigits: 2) }
            else if let g = i.grade { input = g.labelVI }
        }
        return .tr {
            Node.td(text: c.code)
            Node.td {
                c.name
                Node.br()
                Node.span(.class("muted"), text: cdef.rule.labelVI + (cdef.requiresEvidence ? "; " + t("cần minh chứng") : ""))
            }
            Node.td(.class("num"), text: input)
            Node.td(.class("num"), text: "\(VNNumber.format(c.points, fractionDigits: 2))/\(VNNumber.format(c.maximum, fractionDigits: 0))")
            Node.td(text: translated(c.status.labelVI))
            Node.td(text: c.evidence.joined(separator: "; "))
        }
    }
}

/// The schemes there are to rank by.
enum RankingsIndexPage {
    static func render(_ schemes: [ScoringScheme]) -> String {
        Layout.page(title: t("Xếp hạng")) {
            Node.h1(text: t("Đánh giá, xếp hạng chuyển đổi số"))
            if schemes.isEmpty { Node.p(.class("muted"), text: t("Chưa có bộ chỉ số nào.")) }
            Node.ul(.class("cards")) {
                for s in schemes {
                    Node.li {
                        Node.a(.href(.ranking(scheme: s.code))) { Node.strong(text: s.name) }
                        Node.br()
                        Node.span(.class("muted"), text: "\(t("Năm %@", s.year)) · \(s.parts.map(\.name).joined(separator: "; "))")
                    }
                }
            }
        }
    }
}
