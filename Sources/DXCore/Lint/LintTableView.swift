import Foundation

/// A table read the way its author laid it out: the first row holds the headers, a "STT"
/// column numbers the items ("1", "1.1", "I"), total rows are labelled "Tổng cộng", and a
/// cell is a number when it is nothing but one ("1.445.521", "56,25", "56,25%", "06").
struct LintTableView {
    let table: LintTable
    let headers: [String]
    /// Body rows with their 0-based index in `table.rows`.
    let body: [(index: Int, cells: [LintCell])]
    let sttColumn: Int?

    init(_ table: LintTable) {
        self.table = table
        headers = table.rows.first?.map { LintText.fold($0.text) } ?? []
        body = table.rows.enumerated().dropFirst().map { ($0.offset, $0.element) }
        sttColumn = headers.firstIndex { $0 == "stt" || $0 == "tt" || $0 == "so tt" }
    }

    var width: Int { table.rows.map(\.count).max() ?? 0 }

    func text(_ cells: [LintCell], _ column: Int) -> String {
        column < cells.count ? cells[column].text.trimmingCharacters(in: .whitespaces) : ""
    }

    func number(_ cells: [LintCell], _ column: Int) -> (value: Double, printed: String)? {
        LintNumbers.cellNumber(text(cells, column))
    }

    /// "1", "1.2", "2.10." as an item number; roman group numbers are not items.
    func stt(_ cells: [LintCell]) -> String? {
        guard let c = sttColumn else { return nil }
        let s = text(cells, c).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return s.range(of: #"^\d+(\.\d+)*$"#, options: .regularExpression) != nil ? s : nil
    }

    /// The items an appendix lists: rows that say something beyond a name (two filled cells
    /// besides the number) and head no rows of their own — "1.1" but not "1" when "1.1"
    /// exists, and an unnumbered row under "7. An toàn thông tin" with its lead and result.
    /// Group rows ("Kinh tế số" alone on its row) are not items.
    var items: [(index: Int, cells: [LintCell], stt: String)] {
        var out: [(index: Int, cells: [LintCell], stt: String)] = []
        let numbered = body.compactMap { stt($0.cells) }
        let parents = Set(numbered.compactMap { s -> String? in s.lastIndex(of: ".").map { String(s[..<$0]) } })
        var lastNumbered: String?
        for (position, r) in body.enumerated() {
            let filled = r.cells.indices.filter { $0 != sttColumn && !text(r.cells, $0).isEmpty }.count
            if let n = stt(r.cells) {
                lastNumbered = n
                let headsUnnumbered = position + 1 < body.count && stt(body[position + 1].cells) == nil
                    && !isTotalRow(body[position + 1].cells) && isItem(body[position + 1].cells)
                if filled >= 2, !parents.contains(n), !headsUnnumbered { out.append((r.index, r.cells, n)) }
            } else if let parent = lastNumbered, isItem(r.cells), !isTotalRow(r.cells) {
                out.append((r.index, r.cells, parent + ".·"))
            }
        }
        return out
    }

    /// Whether the table has items without a number of their own, so that counting its items
    /// is a reading, not a certainty.
    var hasUnnumberedItems: Bool { items.contains { $0.stt.hasSuffix(".·") } }

    private func isItem(_ cells: [LintCell]) -> Bool {
        cells.indices.filter { $0 != sttColumn && !text(cells, $0).isEmpty }.count >= 2
    }

    /// The rows that say "Tổng cộng", "Tổng số", "Cộng", "Toàn tỉnh" in one of their first two cells.
    func isTotalRow(_ cells: [LintCell]) -> Bool {
        for c in 0..<min(2, cells.count) {
            let f = LintText.fold(cells[c].text).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            if ["tong", "tong cong", "cong", "tong so", "toan tinh", "tong toan tinh", "chung", "tinh chung"].contains(f) { return true }
        }
        return false
    }

    func isRateColumn(_ column: Int) -> Bool {
        column < headers.count && (headers[column].contains("ty le") || headers[column].contains("%"))
    }

    /// The column whose cells are mostly a state ("Hoàn thành", "Chưa triển khai", "Đang thực
    /// hiện"): where an appendix says what came of each item.
    var statusColumn: Int? {
        var best: (column: Int, count: Int)?
        for c in 0..<width where c != sttColumn {
            let n = items.filter { LintText.status(text($0.cells, c)) != nil }.count
            if n > 0, n * 2 >= items.count, n > best?.count ?? 0 { best = (c, n) }
        }
        return best?.column
    }

    func finding(_ severity: LintSeverity, row: Int, column: Int?, stated: String, computed: String, message: String) -> LintFinding {
        let cells = table.rows[row]
        let cell = column.flatMap { $0 < cells.count ? cells[$0] : nil } ?? cells.first { !$0.text.isEmpty }
        let label = cells.prefix(3).map(\.text).filter { !$0.isEmpty }.joined(separator: " · ")
        return LintFinding(severity, paragraph: cell?.paragraph ?? 1, quote: ReportLinter.quote(Substring(label)), stated: stated,
                           computed: computed, message: message, table: table.number, row: row + 1, column: column.map { $0 + 1 })
    }
}

/// Words compared as a reader does: without case or tone marks, "đ" as "d", spaces collapsed.
enum LintText {
    static func fold(_ s: String) -> String {
        let mapped = s.map { c -> String in
            if c == "đ" || c == "Đ" { return "d" }
            return String(c).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        }.joined()
        return mapped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    enum Status { case done, notDone, other }

    /// "Hoàn thành" → done; "Chưa hoàn thành", "Chưa triển khai", "Không đạt" → not done;
    /// "Đang triển khai", "Đã triển khai" → other; anything longer than a status is no status.
    static func status(_ s: String) -> Status? {
        let f = fold(s)
        guard !f.isEmpty, f.count <= 60 else { return nil }
        // "Hoàn thành 25%": a quarter done is not done.
        if f.range(of: #"^(da )?hoan thanh \d+([.,]\d+)? ?%"#, options: .regularExpression) != nil { return .notDone }
        if f.hasPrefix("hoan thanh") || f == "da hoan thanh" || f == "dat" { return .done }
        if f.hasPrefix("chua") || f.hasPrefix("khong dat") || f.hasPrefix("khong hoan thanh") { return .notDone }
        if f.hasPrefix("dang") || f.hasPrefix("da ") || f.hasPrefix("thuong xuyen") || f.hasPrefix("dat ") { return .other }
        return nil
    }
}

extension LintNumbers {
    /// A cell that holds one number and nothing else: "1.445.521", "06", "56,25", "56,25%".
    static func cellNumber(_ s: String) -> (value: Double, printed: String)? {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !t.isEmpty, t.range(of: #"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"#, options: .regularExpression) != nil,
              let v = decimal(t) else { return nil }
        return (v, t)
    }

    /// Whether `total` (printed with its own precision) is the sum of `parts`, allowing for the
    /// rounding of every number printed with decimals; whole counts must add up exactly.
    static func sumAgrees(total: (value: Double, printed: String), parts: [(value: Double, printed: String)]) -> Bool {
        var slack = parts.map { decimals($0.printed) > 0 ? 0.5 * pow(10, -Double(decimals($0.printed))) : 0 }.reduce(0, +)
        let totalDigits = decimals(total.printed)
        if totalDigits > 0 || slack > 0 { slack += 0.5 * pow(10, -Double(totalDigits)) }
        return abs(parts.map(\.value).reduce(0, +) - total.value) <= slack * 0.999 + 1e-9
    }

    /// The number as the report would print it, to `digits` decimals.
    static func plain(_ x: Double, digits: Int) -> String { VNNumber.format(x, fractionDigits: digits) }
}
