import Foundation

/// Per-unit tables ("Kết quả thực hiện của các đơn vị"): a row a unit, a column an indicator.
/// Each figure becomes that unit's value of that indicator for the period. The indicators must
/// be the plan's — a column is matched to one by its header, or told which with
/// "3:gia-tri=1.2" — since a table of figures says too little to make an indicator of.
extension AppendixIngest {
    /// Returns the indicator each value column was read as, to be shown and confirmed.
    static func perUnit(_ table: LintTable, _ m: AppendixMapping, _ target: IngestTarget, _ matcher: UnitNameMatcher, isNew: Bool,
                        _ plan: inout PlanContents, _ result: inout IngestResult) throws(IngestError) -> [Int: String] {
        guard let unitColumn = m.column(.unit) else { throw IngestError("\(name(table)): chưa chọn cột đơn vị.") }
        let valueColumns = m.roles.indices.filter { m.roles[$0] == .value }
        guard !valueColumns.isEmpty else { throw IngestError("\(name(table)): chưa chọn cột giá trị nào.") }
        guard let period = target.periodID else {
            throw IngestError("\(name(table)) ghi số liệu của từng đơn vị: cần chọn kỳ của số liệu (--period).")
        }
        guard !plan.indicators.isEmpty else {
            throw IngestError(isNew
                ? "Chưa có kế hoạch “\(target.planCode)”: số liệu theo đơn vị của \(name(table)) chỉ ghi được vào chỉ tiêu của một kế hoạch đã có, hoặc đọc cùng bảng chỉ tiêu của kế hoạch đó."
                : "Kế hoạch \(plan.plan.code) chưa có chỉ tiêu nào để ghi số liệu của \(name(table)).")
        }
        let headers = table.rows.first?.map(\.text) ?? []
        var indicatorOf: [Int: Indicator] = [:]
        for c in valueColumns {
            let header = c < headers.count ? headers[c] : ""
            if let code = m.indicators[c] {
                guard let found = plan.indicators.first(where: { $0.code == code }) else {
                    throw IngestError("\(name(table)), cột \(c + 1): kế hoạch \(plan.plan.code) không có chỉ tiêu mã “\(code)”.")
                }
                indicatorOf[c] = found
            } else if let found = indicator(header: header, in: plan.indicators) {
                indicatorOf[c] = found
            } else {
                throw IngestError("\(name(table)), cột \(c + 1) “\(header)”: không khớp chỉ tiêu nào của kế hoạch \(plan.plan.code); chọn mã chỉ tiêu cho cột (dòng lệnh: --columns \(table.number)=\(c + 1):gia-tri=MÃ).")
            }
        }
        let view = LintTableView(table)
        var seen: [String: Int] = [:]
        for r in view.body {
            let cells = r.cells.map { $0.text.trimmingCharacters(in: .whitespaces) }
            let unitName = cell(cells, unitColumn)
            // A total row ("Toàn tỉnh") is the units added up, and a group row ("Khối sở,
            // ngành") has no figures: neither is a unit's report.
            guard !unitName.isEmpty, !view.isTotalRow(r.cells), valueColumns.contains(where: { !cell(cells, $0).isEmpty }) else { continue }
            let place = "\(name(table)), dòng \(r.index + 1)"
            guard let unit = matcher.unit(named: unitName, within: target.unitCode) else {
                if !UnitNameMatcher.isCollective(unitName) { result.unmatched.append("\(place): “\(unitName)” không khớp đơn vị nào") }
                continue
            }
            if let first = seen[unit.code] {
                result.unmatched.append("\(place): “\(unitName)” là \(unit.name), đã có ở dòng \(first + 1); giữ số liệu dòng \(first + 1)")
                continue
            }
            seen[unit.code] = r.index
            for c in valueColumns {
                let text = cell(cells, c)
                guard !text.isEmpty, let indicator = indicatorOf[c] else { continue }
                var value = DataValue(planCode: plan.plan.code, indicatorCode: indicator.code, unitCode: unit.code, periodID: period)
                if let f = text.lintMatches("^(\(LintNumbers.count))\\s*/\\s*(\(LintNumbers.count))$").first,
                   let a = f.groups[0].flatMap(LintNumbers.integer), let b = f.groups[1].flatMap(LintNumbers.integer) {
                    value.numerator = Double(a)
                    value.denominator = Double(b)
                } else if indicator.measure != .qualitative, let n = LintNumbers.cellNumber(text) {
                    value.value = n.value
                } else {
                    value.text = text
                    value.judgement = judgement(text)
                }
                result.values.append(value)
            }
        }
        return indicatorOf.mapValues(\.code)
    }

    /// The indicator a column's header names: its code, or its name ignoring case, tone marks
    /// and a unit of measure in brackets ("Tỷ lệ hồ sơ trực tuyến (%)").
    static func indicator(header: String, in indicators: [Indicator]) -> Indicator? {
        func plain(_ s: String) -> String {
            let noBrackets = s.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
            return String(LintText.fold(noBrackets).map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
        }
        let h = plain(header)
        guard !h.isEmpty else { return nil }
        if let byCode = indicators.first(where: { plain($0.code) == h }) { return byCode }
        let same = indicators.filter { plain($0.name) == h }
        if same.count == 1 { return same[0] }
        // A header that is the start of a long name, or a name inside a long header.
        let close = indicators.filter { i in
            let n = plain(i.name)
            return (h.count >= 12 && n.hasPrefix(h)) || (n.count >= 12 && h.contains(n))
        }
        return close.count == 1 ? close[0] : nil
    }
}
