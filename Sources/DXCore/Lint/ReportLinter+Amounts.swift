import Foundation

/// Amounts ("530,3 nghìn tỷ đồng", "45 tỷ", "1,2 triệu lượt") checked like counts: the parts
/// after "trong đó" against the whole before it, their percentages against their share, and a
/// total the text states against the money column of the appendix it points to. Every figure
/// may hide the rounding of its last printed digit; only what no rounding explains is a finding.
extension ReportLinter {
    static func amountParts(_ text: String, paragraph: Int) -> [LintFinding] {
        guard let split = text.lintFind("trong đó") else { return [] }
        let before = String(text[..<split])
        var after = String(text[split...])
        // The list ends with its sentence ("." before a space or the end; "885.439" is a number).
        if let end = after.range(of: #"\.(\s|$)"#, options: .regularExpression) { after = String(after[..<end.lowerBound]) }
        if let end = after.lintFind("cụ thể") { after = String(after[..<end]) }
        // The whole is the last amount before "trong đó", close to it: "… đạt 45 tỷ đồng, trong đó".
        guard let last = LintNumbers.amounts(before).last, before.distance(from: last.range.upperBound, to: before.endIndex) <= 40 else { return [] }
        let whole = last.amount
        let found = LintNumbers.amounts(after).filter { LintNumbers.sameKind(whole, $0.amount) }
        guard found.count >= 2, whole.value > 0 else { return [] }
        let parts = found.map(\.amount)
        var out: [LintFinding] = []
        let sum = parts.map(\.value).reduce(0, +)
        let sumText = parts.map(\.printed).joined(separator: " + ") + " = " + LintNumbers.format(sum, like: whole)
        let quoted = quote(Substring(text[last.range.lowerBound...].prefix(160)))
        if !LintNumbers.amountsAgree(whole, parts) {
            let more = sum > whole.value
            out.append(LintFinding(more ? .error : .warning, paragraph: paragraph, quote: quoted, stated: whole.printed, computed: sumText,
                                   message: more
                                    ? "Tổng ghi \(whole.printed) nhưng các phần cộng lại được \(LintNumbers.format(sum, like: whole))."
                                    : "Các phần sau “trong đó” cộng lại \(LintNumbers.format(sum, like: whole)), ít hơn tổng \(whole.printed): kiểm tra phần còn thiếu."))
        }
        // "… 120,5 nghìn tỷ (22,7%)": the share of each part, whatever rounding the two hide.
        // Parts that add up to the whole pin it down closer than "2 tỷ" alone does.
        let partsSlack = parts.map(\.slack).reduce(0, +)
        let (wholeValue, wholeSlack) = LintNumbers.amountsAgree(whole, parts) && partsSlack < whole.slack
            ? (sum, partsSlack) : (whole.value, whole.slack)
        for part in found {
            guard let m = after[part.range.upperBound...].description.lintMatches("^\\s*\\(\\s*(\(p))\\s*%\\s*\\)").first,
                  let printed = m.groups[0], let stated = LintNumbers.decimal(printed) else { continue }
            let step = 0.5 * pow(10, -Double(LintNumbers.decimals(printed)))
            let low = (part.amount.value - part.amount.slack) / (wholeValue + wholeSlack) * 100
            let high = (part.amount.value + part.amount.slack) / max(wholeValue - wholeSlack, 1e-9) * 100
            guard stated + step < low || stated - step > high else { continue }
            let exact = LintNumbers.format(part.amount.value * 100 / whole.value, digits: max(LintNumbers.decimals(printed), 2))
            out.append(LintFinding(.error, paragraph: paragraph, quote: quote(Substring(part.amount.printed)), stated: printed + "%",
                                   computed: "\(part.amount.printed) / \(whole.printed) = \(exact)",
                                   message: "\(part.amount.printed) trên tổng \(whole.printed) là \(exact), không phải \(printed)%."))
        }
        return out
    }

    /// "Tổng kinh phí … 45,2 tỷ đồng (Chi tiết tại Phụ lục 05)" against the appendix's money
    /// column ("Kinh phí (triệu đồng)"): its total row, or its items added up. Only a figure the
    /// text calls a total ("tổng") is compared, and only with a table that has one money column.
    static func appendixAmounts(_ section: [(Int, String)], _ view: LintTableView, name: String) -> [LintFinding] {
        let money = (0..<view.width).compactMap { c -> (column: Int, factor: Double)? in
            c == view.sttColumn ? nil : moneyScale(view.headers.indices.contains(c) ? view.headers[c] : "").map { (c, $0) }
        }
        guard money.count == 1, let column = money.first else { return [] }
        let total: (value: Double, printed: String)
        if let row = view.body.last(where: { view.isTotalRow($0.cells) }), let t = view.number(row.cells, column.column) {
            total = t
        } else {
            let cells = view.items.map { view.text($0.cells, column.column) }.filter { !$0.isEmpty }
            let numbers = cells.compactMap(LintNumbers.cellNumber)
            guard numbers.count >= 2, numbers.count == cells.count else { return [] }
            let digits = numbers.map { LintNumbers.decimals($0.printed) }.max() ?? 0
            let sum = numbers.map(\.value).reduce(0, +)
            total = (sum, LintNumbers.plain(sum, digits: digits))
        }
        let tableValue = total.value * column.factor
        let tableSlack = 0.5 * pow(10, -Double(LintNumbers.decimals(total.printed))) * column.factor
        let header = view.table.rows[0][column.column].text
        var out: [LintFinding] = []
        for (index, text) in section {
            for (range, amount) in LintNumbers.amounts(text) where ["", "dong", "vnd"].contains(amount.noun) {
                let lead = LintText.fold(String(text[..<range.lowerBound].suffix(60)))
                guard lead.contains("tong") else { continue }
                guard abs(amount.value - tableValue) > amount.slack + tableSlack else { continue }
                let computed = "\(name), cột “\(header)”: \(total.printed)"
                out.append(LintFinding(.error, paragraph: index + 1, quote: quote(Substring(text[range])), stated: amount.printed, computed: computed,
                                       message: "Báo cáo ghi tổng \(amount.printed) nhưng \(name) (cột “\(header)”) cộng lại \(total.printed)."))
            }
        }
        return out
    }

    /// The factor of a money column's header: "Kinh phí (triệu đồng)" 10⁶, "Vốn (tỷ đồng)" 10⁹,
    /// "Số tiền (đồng)" 1; nil for a column that holds no money.
    static func moneyScale(_ folded: String) -> Double? {
        guard folded.contains("dong") && !folded.contains("dong bo") || folded.contains("vnd") else { return nil }
        for (word, factor) in LintNumbers.scales where folded.contains(LintText.fold(word) + " dong") || folded.contains("(" + LintText.fold(word)) {
            return factor
        }
        return folded.contains("(dong") || folded.contains("vnd") ? 1 : nil
    }
}
