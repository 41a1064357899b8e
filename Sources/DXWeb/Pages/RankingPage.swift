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
        var b = "<h1>\(escape(m.scheme.name))</h1>"
        if let source = m.scheme.source { b += "<p class=\"meta\">\(escape(source))</p>" }
        b += "<p>\(t("Giá trị chỉ số chính = điểm đạt / điểm tối đa (từ 0 đến 1). Chỉ số tổng = Σ(giá trị × điểm tối đa) / tổng điểm tối đa; các đơn vị có cùng chỉ số tổng (làm tròn 4 chữ số) được xếp đồng hạng."))</p>"
        for (part, scores) in m.parts where !scores.isEmpty {
            b += "<h2>\(escape(part.name))</h2>"
            b += BarChart(title: "\(t("Chỉ số tổng")) — \(part.name)",
                                       items: scores.map { .init(label: "\($0.rank ?? 0). \(m.names[$0.unitCode] ?? $0.unitCode)", value: $0.total,
                                                                 valueLabel: VNNumber.format($0.total, fractionDigits: 4, trimZeros: false)) },
                                       scaleMax: 1).figure()
            // Under 600 px each unit is a card: its rank and name, then one labelled line per index.
            b += "<table class=\"stacked\"><thead><tr><th scope=\"col\">\(t("Hạng"))</th><th scope=\"col\">\(t("Đơn vị"))</th><th scope=\"col\">\(t("Chỉ số tổng"))</th>"
            for index in part.indices { b += "<th scope=\"col\" title=\"\(escape(index.name))\">\(escape(index.code)). \(escape(index.name))<br><span class=\"muted\">\(escape(t("tối đa %@", VNNumber.format(index.maximum, fractionDigits: 0))))</span></th>" }
            b += "</tr></thead><tbody>"
            let names = Dictionary(part.indices.map { ($0.code, "\($0.code). \($0.name)") }, uniquingKeysWith: { a, _ in a })
            for s in scores {
                let href = SiteRoute.rankingUnit(scheme: m.scheme.code, unit: s.unitCode).path
                b += "<tr>" + cell(t("Hạng"), s.rank.map(String.init) ?? "", "num")
                b += cell(t("Đơn vị"), "<a href=\"\(escape(href))\">\(escape(m.names[s.unitCode] ?? s.unitCode))</a>", "title")
                b += cell(t("Chỉ số tổng"), "<strong>\(VNNumber.format(s.total, fractionDigits: 4, trimZeros: false))</strong>", "num")
                for index in s.indices {
                    let label = names[index.code] ?? index.name
                    guard let v = index.value else { b += cell(label, "<span class=\"muted\">\(t("Không tính điểm"))</span>"); continue }
                    b += cell(label, "\(miniBar(v, label: "\(index.name): \(VNNumber.format(v, fractionDigits: 4, trimZeros: false))")) \(VNNumber.format(v, fractionDigits: 4, trimZeros: false))", "num")
                }
                b += "</tr>"
            }
            b += "</tbody></table>"
        }
        return Layout.page(title: m.scheme.name, body: b)
    }

    /// A bar in [0, 1] small enough for a table cell, with its value as its text alternative.
    static func miniBar(_ v: Double, label: String) -> String {
        let w = Int((min(max(v, 0), 1) * 60).rounded())
        return "<svg class=\"mini\" width=\"62\" height=\"10\" viewBox=\"0 0 62 10\" role=\"img\" aria-label=\"\(escape(label))\"><rect x=\"0.5\" y=\"0.5\" width=\"61\" height=\"9\" fill=\"none\" stroke=\"#888\"/><rect x=\"1\" y=\"1\" width=\"\(w)\" height=\"8\" fill=\"#444\"/></svg>"
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
        var b = "<p class=\"meta\"><a href=\"\(escape(SiteRoute.ranking(scheme: m.scheme.code).path))\">\(escape(m.scheme.name))</a></p>"
        b += "<h1>\(escape(m.unitName))</h1>"
        b += "<p>\(t("Chỉ số tổng")) <strong>\(VNNumber.format(s.total, fractionDigits: 4, trimZeros: false))</strong> — \(t("xếp hạng %@/%@", s.rank.map(String.init) ?? "", m.rankOf)) (\(escape(m.part.name))); \(t("tổng điểm %@/%@.", VNNumber.format(s.points, fractionDigits: 2), VNNumber.format(s.maximum, fractionDigits: 0)))</p>"
        for (index, def) in zip(s.indices, m.part.indices) {
            let value = index.value.map { VNNumber.format($0, fractionDigits: 4, trimZeros: false) } ?? t("không tính điểm")
            b += "<h2>\(escape(index.code)). \(escape(index.name)) — \(VNNumber.format(index.points, fractionDigits: 2))/\(VNNumber.format(index.maximum, fractionDigits: 0)) \(t("điểm")) (\(value))</h2>"
            b += "<div class=\"wide\"><table><thead><tr><th>\(t("Mã"))</th><th>\(t("Tiêu chí"))</th><th>\(t("Số liệu"))</th><th>\(t("Điểm"))</th><th>\(t("Tình trạng"))</th><th>\(t("Minh chứng"))</th></tr></thead><tbody>"
            for (c, cdef) in zip(index.criteria, def.criteria) {
                var input = ""
                if let i = c.input {
                    if let n = i.numerator, let d = i.denominator { input = VNNumber.fraction(n, d) }
                    else if let v = i.value { input = VNNumber.format(v, fractionDigits: 2) }
                    else if let g = i.grade { input = g.labelVI }
                }
                b += "<tr><td>\(escape(c.code))</td><td>\(escape(c.name))<br><span class=\"muted\">\(escape(cdef.rule.labelVI))\(cdef.requiresEvidence ? "; " + t("cần minh chứng") : "")</span></td>"
                b += "<td class=\"num\">\(escape(input))</td><td class=\"num\">\(VNNumber.format(c.points, fractionDigits: 2))/\(VNNumber.format(c.maximum, fractionDigits: 0))</td>"
                b += "<td>\(escape(translated(c.status.labelVI)))</td><td>\(escape(c.evidence.joined(separator: "; ")))</td></tr>"
            }
            b += "</tbody></table></div>"
        }
        return Layout.page(title: m.unitName, body: b)
    }
}

/// The schemes there are to rank by.
enum RankingsIndexPage {
    static func render(_ schemes: [ScoringScheme]) -> String {
        var b = "<h1>\(t("Đánh giá, xếp hạng chuyển đổi số"))</h1>"
        if schemes.isEmpty { b += "<p class=\"muted\">\(t("Chưa có bộ chỉ số nào."))</p>" }
        b += "<ul class=\"cards\">"
        for s in schemes {
            b += "<li><a href=\"\(escape(SiteRoute.ranking(scheme: s.code).path))\"><strong>\(escape(s.name))</strong></a>"
            b += "<br><span class=\"muted\">\(t("Năm %@", s.year)) · \(s.parts.map { escape($0.name) }.joined(separator: "; "))</span></li>"
        }
        return Layout.page(title: t("Xếp hạng"), body: b + "</ul>")
    }
}
