import Foundation

/// The checks inside a table: total rows and total columns against their parts, rate columns
/// against the two columns they divide, and a judgement ("Hoàn thành", "Đạt 30% mục tiêu")
/// against its target and result. A column's identity (which columns a total adds, which two a
/// rate divides) is taken from the rows that agree, never assumed from a header alone: a table
/// where most rows disagree is not that kind of table, and says nothing.
extension ReportLinter {
    static func tables(_ document: LintDocument) -> [LintFinding] {
        document.tables.flatMap { table -> [LintFinding] in
            let view = LintTableView(table)
            return totalRows(view) + totalColumns(view) + rateColumns(view) + judgements(view)
        }
    }

    /// "Tổng cộng" rows: each numeric column against the rows above it, up to the previous
    /// total row. Rows that head other numbered rows ("1" above "1.1") are subtotals and are
    /// left out, so a group's figure is not added twice.
    static func totalRows(_ v: LintTableView) -> [LintFinding] {
        var out: [LintFinding] = []
        var blockStart = 0
        let parents = Set(v.body.compactMap { v.stt($0.cells) }.compactMap { s -> String? in
            s.lastIndex(of: ".").map { String(s[..<$0]) }
        })
        for (position, row) in v.body.enumerated() where v.isTotalRow(row.cells) {
            let block = v.body[blockStart..<position].filter { r in
                !v.isTotalRow(r.cells) && !(v.stt(r.cells).map(parents.contains) ?? false)
            }
            blockStart = position + 1
            for column in 0..<row.cells.count where column != v.sttColumn {
                guard let total = v.number(row.cells, column) else { continue }
                let filled = block.filter { !v.text($0.cells, column).isEmpty }
                let parts = filled.compactMap { v.number($0.cells, column) }
                // A column of words, or a rate (whose total is no sum), is not added up.
                guard parts.count >= 2, parts.count == filled.count, !v.isRateColumn(column) else { continue }
                guard !LintNumbers.sumAgrees(total: total, parts: parts) else { continue }
                let digits = ([total] + parts).map { LintNumbers.decimals($0.printed) }.max() ?? 0
                let sum = LintNumbers.plain(parts.map(\.value).reduce(0, +), digits: digits)
                out.append(v.finding(.error, row: row.index, column: column, stated: total.printed,
                                     computed: parts.map(\.printed).joined(separator: " + ") + " = " + sum,
                                     message: "Dòng tổng ghi \(total.printed) nhưng \(parts.count) dòng phía trên cộng lại được \(sum)."))
            }
        }
        return out
    }

    /// A "Tổng số" column against the numeric columns beside it (to its right, as "Tổng số |
    /// Trong đó: A | B", or to its left, as "Quý I | Quý II | Cả năm"), in each row.
    static func totalColumns(_ v: LintTableView) -> [LintFinding] {
        var out: [LintFinding] = []
        for (k, header) in v.headers.enumerated() where ["tong", "tong so", "tong cong", "cong", "ca nam", "tong cong ca nam"].contains(header) {
            var best: (parts: [Int], bad: [(Int, [LintCell])], good: Int)?
            for side in [Array((k + 1)..<v.width), Array((0..<k).reversed())] {
                var columns: [Int] = []
                for c in side {
                    guard c != v.sttColumn, !v.isRateColumn(c), v.body.contains(where: { v.number($0.cells, c) != nil }) else { break }
                    columns.append(c)
                }
                guard columns.count >= 2 else { continue }
                var good = 0
                var bad: [(Int, [LintCell])] = []
                for r in v.body {
                    guard let total = v.number(r.cells, k) else { continue }
                    let parts = columns.compactMap { v.number(r.cells, $0) }
                    guard parts.count == columns.count else { continue }
                    if LintNumbers.sumAgrees(total: total, parts: parts) { good += 1 } else { bad.append((r.index, r.cells)) }
                }
                if good >= 2, good >= 2 * bad.count, good > best?.good ?? 0 { best = (columns, bad, good) }
            }
            guard let best else { continue }
            for (index, cells) in best.bad {
                guard let total = v.number(cells, k) else { continue }
                let parts = best.parts.compactMap { v.number(cells, $0) }
                let digits = ([total] + parts).map { LintNumbers.decimals($0.printed) }.max() ?? 0
                let sum = LintNumbers.plain(parts.map(\.value).reduce(0, +), digits: digits)
                out.append(v.finding(.error, row: index, column: k, stated: total.printed,
                                     computed: parts.map(\.printed).joined(separator: " + ") + " = " + sum,
                                     message: "Cột “\(v.table.rows[0][k].text)” ghi \(total.printed) nhưng các cột thành phần cộng lại được \(sum)."))
            }
        }
        return out
    }

    /// A "Tỷ lệ (%)" column against the two numeric columns it divides, found as the pair that
    /// most rows agree with (5 / 31 printed 16 agrees: rounding to the printed precision).
    static func rateColumns(_ v: LintTableView) -> [LintFinding] {
        var out: [LintFinding] = []
        for rate in 0..<v.width where v.isRateColumn(rate) {
            let numeric = (0..<v.width).filter { c in
                c != rate && c != v.sttColumn && !v.isRateColumn(c) && v.body.contains { v.number($0.cells, c) != nil }
            }
            var best: (a: Int, b: Int, good: Int, bad: [(Int, Double, Double, String)])?
            for a in numeric {
                for b in numeric where b != a {
                    var good = 0
                    var bad: [(Int, Double, Double, String)] = []
                    for r in v.body {
                        guard let x = v.number(r.cells, a), let y = v.number(r.cells, b), y.value > 0,
                              let p = v.number(r.cells, rate) else { continue }
                        switch LintNumbers.agreement(printed: p.printed, exact: x.value * 100 / y.value) {
                        case .agrees, .truncated: good += 1
                        case .differs: bad.append((r.index, x.value, y.value, p.printed))
                        }
                    }
                    if good >= 2, good >= 2 * bad.count, good > best?.good ?? 0 { best = (a, b, good, bad) }
                }
            }
            guard let best else { continue }
            for (index, x, y, printed) in best.bad {
                let digits = max(LintNumbers.decimals(printed), 2)
                let exact = LintNumbers.format(x * 100 / y, digits: digits)
                let xs = LintNumbers.plain(x, digits: 0), ys = LintNumbers.plain(y, digits: 0)
                out.append(v.finding(.error, row: index, column: rate, stated: printed + "%", computed: "\(xs)/\(ys) = \(exact)",
                                     message: "Tỷ lệ ghi \(printed)% nhưng \(xs)/\(ys) = \(exact)."))
            }
        }
        return out
    }

    /// An indicator table (target, result, judgement): "Hoàn thành" where a result is below its
    /// target is an error; "Chưa đạt" where every result reaches it, or "Đạt 30% mục tiêu" where
    /// the result is another share of the target, a warning. Targets to stay under ("dưới 5%",
    /// "không quá", "giảm") are left alone: there less is better.
    static func judgements(_ v: LintTableView) -> [LintFinding] {
        func column(_ words: [String], except: Set<Int> = []) -> Int? {
            v.headers.indices.first { c in !except.contains(c) && words.contains { v.headers[c].hasPrefix($0) } }
        }
        guard let target = column(["muc tieu", "chi tieu", "ke hoach"]),
              let result = column(["ket qua", "thuc hien", "uoc thuc hien"], except: [target]),
              let judgement = column(["danh gia", "muc do", "ghi chu"], except: [target, result]) ?? Optional(result)
        else { return [] }
        var out: [LintFinding] = []
        for r in v.body {
            let t = percentages(v.text(r.cells, target)), x = percentages(v.text(r.cells, result))
            guard !t.isEmpty, t.count == x.count else { continue }
            let targetWords = LintText.fold(v.text(r.cells, target))
            if ["duoi", "khong qua", "toi da", "giam", "thap hon", "khong vuot"].contains(where: targetWords.contains) { continue }
            let said = v.text(r.cells, judgement)
            let folded = LintText.fold(said)
            let met = zip(x, t).allSatisfy { $0.value >= $1.value }
            let pairs = zip(x, t).map { "\($0.printed)% / \($1.printed)%" }.joined(separator: "; ")
            if let share = said.lintMatches("đạt\\s+(\(LintNumbers.percent))\\s*%\\s*(?:so với\\s+)?(?:mục tiêu|kế hoạch|chỉ tiêu)").first?.groups[0],
               t.count == 1, t[0].value > 0 {
                let exact = x[0].value * 100 / t[0].value
                if LintNumbers.agreement(printed: share, exact: exact) == .differs {
                    let computed = LintNumbers.format(exact, digits: max(LintNumbers.decimals(share), 1))
                    out.append(v.finding(.warning, row: r.index, column: judgement, stated: said,
                                         computed: "\(x[0].printed)/\(t[0].printed) = \(computed)",
                                         message: "Đánh giá “\(said)” nhưng kết quả \(x[0].printed)% so với mục tiêu \(t[0].printed)% là \(computed) mục tiêu."))
                }
            } else if LintText.status(said) == .done, !folded.contains("chua"), !met {
                let below = zip(x, t).first { $0.value < $1.value }!
                out.append(v.finding(.error, row: r.index, column: judgement, stated: said, computed: pairs,
                                     message: "Đánh giá “\(said)” nhưng kết quả \(below.0.printed)% thấp hơn mục tiêu \(below.1.printed)%."))
            } else if LintText.status(said) == .notDone, met {
                out.append(v.finding(.warning, row: r.index, column: judgement, stated: said, computed: pairs,
                                     message: "Đánh giá “\(said)” nhưng mọi kết quả đều đạt mục tiêu (\(pairs))."))
            }
        }
        return out
    }

    /// The percentages a cell states, in order ("90% … 80% … 60%"); not those inside a
    /// comparison ("tăng 5%") nor a fraction's own rate.
    static func percentages(_ s: String) -> [(value: Double, printed: String)] {
        s.lintMatches("(?<![\\d.,/])(\(LintNumbers.percent))\\s*%").compactMap { m in
            let before = s[..<m.range.lowerBound].suffix(12)
            if ["tăng", "giảm", "vượt"].contains(where: { before.lintFind($0) != nil }) { return nil }
            guard let p = m.groups[0], let v = LintNumbers.decimal(p) else { return nil }
            return (v, p)
        }
    }
}
