import Foundation

/// The text against its appendices: where a section says "(Chi tiết tại Phụ lục 03)", the
/// counts it states — how many items, how many completed, how many in each group — are
/// counted again in that appendix's rows.
extension ReportLinter {
    static func appendices(_ document: LintDocument) -> [LintFinding] {
        let views = Dictionary(document.tables.compactMap { t in t.appendix.map { ($0, LintTableView(t)) } },
                               uniquingKeysWith: { first, _ in first })
        var out: [LintFinding] = []
        var sectionStart = 0
        for (i, text) in document.paragraphs.enumerated() {
            if isHeading(text) { sectionStart = i }
            guard let m = text.lintMatches("ph[uụ]\\s+l[uụ]c\\s+(?:s[oố]\\s+)?(\\d{1,2})\\b").first,
                  text.lintFind("phụ lục") != text.startIndex,
                  let number = m.groups[0].flatMap({ Int($0) }), let view = views[number] else { continue }
            let section = Array(document.paragraphs[sectionStart...i].enumerated().map { ($0.offset + sectionStart, $0.element) })
            out += appendixCounts(section, view, name: "Phụ lục \(m.groups[0]!)")
            out += appendixAmounts(section, view, name: "Phụ lục \(m.groups[0]!)")
            out += appendixFigures(section, view, name: "Phụ lục \(m.groups[0]!)")
            sectionStart = i + 1
        }
        return out
    }

    /// "1. Kết quả …", "II. KẾT QUẢ …", "3.2. …": where a section of the report begins.
    static func isHeading(_ text: String) -> Bool {
        text.range(of: #"^(?:[IVX]+|\d+(?:\.\d+)*)\.\s+\S"#, options: .regularExpression) != nil && text.count < 250
    }

    static func appendixCounts(_ section: [(Int, String)], _ view: LintTableView, name: String) -> [LintFinding] {
        let items = view.items
        guard items.count >= 2 else { return [] }
        var out: [LintFinding] = []
        let status = view.statusColumn
        let done = status.map { c in items.filter { LintText.status(view.text($0.cells, c)) == .done }.count }

        // The whole: "đặt ra 16 mục tiêu", "đề ra 09 nhóm nhiệm vụ với 79 nhiệm vụ", or the
        // part it names in brackets ("49 nhiệm vụ (6 tháng đầu năm 31 nhiệm vụ)").
        var whole: Int?
        for (index, text) in section {
            guard let m = text.lintMatches("(?:đặt ra|đề ra|gồm|với|có tổng số|tổng số)\\s+(\(n))\\s+\(noun)").first,
                  let stated = m.groups[0].flatMap(LintNumbers.integer) else { continue }
            whole = stated
            let bracketed = String(text[m.range.upperBound...]).lintMatches("^\\s*\\([^)]*?(?<![\\d.])(\(n))\\s+\(NSRegularExpression.escapedPattern(for: m.groups[1]!))")
                .first?.groups[0].flatMap(LintNumbers.integer)
            if let bracketed, bracketed == items.count { whole = bracketed }
            if stated != items.count, bracketed != items.count {
                let said = "\(m.groups[0]!) \(m.groups[1]!)" + (bracketed.map { " (trong đó \($0))" } ?? "")
                // Rows without numbers make the count a reading of the layout: say so softly.
                out.append(LintFinding(view.hasUnnumberedItems ? .warning : .error, paragraph: index + 1, quote: quote(text[m.range]), stated: said,
                                       computed: "\(name): \(items.count) \(m.groups[1]!)",
                                       message: "Báo cáo ghi \(said) nhưng \(name) liệt kê \(items.count)."))
            }
            break
        }

        // Completed: "hoàn thành: 09/16 chỉ tiêu", "62 nhiệm vụ hoàn thành" — only when the
        // fraction is of the whole appendix (5/31 for the first half of a 49-task plan is not).
        if let done {
            for (index, text) in section where !isBullet(text) {
                var claims: [(count: String, of: String?, range: Range<String.Index>)] = []
                for m in text.lintMatches("hoàn thành\\s*:?\\s*(\(n))(?:\\s*/\\s*(\(n)))?\\s+\(noun)") {
                    if !precededByNot(text, m.range) { claims.append((m.groups[0]!, m.groups[1], m.range)) }
                }
                for m in text.lintMatches("(\(n))\\s+\(noun)\\s+(?:đã\\s+)?hoàn thành") {
                    if !text[m.range].lowercased().contains("chưa") { claims.append((m.groups[0]!, nil, m.range)) }
                }
                for claim in claims {
                    guard let count = LintNumbers.integer(claim.count) else { continue }
                    let of = claim.of.flatMap(LintNumbers.integer) ?? whole
                    guard of == items.count, count != done else { continue }
                    out.append(LintFinding(.error, paragraph: index + 1, quote: quote(text[claim.range]), stated: claim.count + " hoàn thành",
                                           computed: "\(name): \(done) dòng “Hoàn thành”",
                                           message: "Báo cáo ghi \(claim.count) hoàn thành nhưng \(name) có \(done) dòng đánh giá “Hoàn thành”."))
                }
            }
        }
        out += groupCounts(section, view, name: name)
        return out
    }

    /// "- Thể chế số: Hoàn thành 09/11 nhiệm vụ; …" against the group row "2 | Thể chế số" and
    /// the numbered rows under it.
    static func groupCounts(_ section: [(Int, String)], _ view: LintTableView, name: String) -> [LintFinding] {
        var groups: [String: (items: Int, done: Int, blank: Int)] = [:]
        let status = view.statusColumn
        let numbered = view.body.compactMap { r in view.stt(r.cells).map { (r.cells, $0) } }
        for (cells, stt) in numbered where !stt.contains(".") {
            let label = LintText.fold(cells.first { $0.text != view.text(cells, view.sttColumn ?? 0) && !$0.text.isEmpty }?.text ?? "")
            let members = view.items.filter { $0.stt.hasPrefix(stt + ".") }
            guard !label.isEmpty, !members.isEmpty else { continue }
            let done = status.map { c in members.filter { LintText.status(view.text($0.cells, c)) == .done }.count } ?? 0
            let blank = status.map { c in members.filter { view.text($0.cells, c).isEmpty }.count } ?? 0
            groups[label] = (members.count, done, blank)
        }
        guard !groups.isEmpty else { return [] }
        var out: [LintFinding] = []
        for (index, text) in section where isBullet(text) {
            guard let colon = text.firstIndex(of: ":") else { continue }
            let label = LintText.fold(String(text[text.index(after: text.startIndex)..<colon]))
            guard let group = groups[label], let m = String(text[colon...]).lintMatches("(\(n))\\s*/\\s*(\(n))").first,
                  let total = m.groups[1].flatMap(LintNumbers.integer) else { continue }
            let shown = String(text[..<colon]).dropFirst().trimmingCharacters(in: .whitespaces)
            if total != group.items {
                out.append(LintFinding(.error, paragraph: index + 1, quote: quote(text[...]), stated: "\(shown): \(m.groups[1]!)",
                                       computed: "\(name): \(group.items) dòng",
                                       message: "Nhóm “\(shown)” ghi \(m.groups[1]!) nhiệm vụ nhưng \(name) có \(group.items) dòng trong nhóm."))
            }
            if let d = String(text[colon...]).lintMatches("hoàn thành\\s+(\(n))\\s*/").first?.groups[0].flatMap(LintNumbers.integer),
               status != nil, d != group.done, total == group.items {
                // More claimed than marked, where rows say nothing: unproven rather than wrong.
                let unproven = d > group.done && d - group.done <= group.blank
                out.append(LintFinding(unproven ? .warning : .error, paragraph: index + 1, quote: quote(text[...]), stated: "\(shown): hoàn thành \(d)",
                                       computed: "\(name): \(group.done) dòng “Hoàn thành”" + (group.blank > 0 ? ", \(group.blank) dòng chưa ghi kết quả" : ""),
                                       message: unproven
                                        ? "Nhóm “\(shown)” ghi hoàn thành \(d) nhưng \(name) chỉ ghi “Hoàn thành” ở \(group.done) dòng; \(group.blank) dòng chưa ghi kết quả."
                                        : "Nhóm “\(shown)” ghi hoàn thành \(d) nhưng \(name) có \(group.done) dòng “Hoàn thành” trong nhóm."))
            }
        }
        return out
    }

    static func isBullet(_ text: String) -> Bool {
        text.hasPrefix("-") || text.hasPrefix("+") || text.hasPrefix("•")
    }

    /// "chưa hoàn thành": the words just before a match say the opposite.
    static func precededByNot(_ text: String, _ range: Range<String.Index>) -> Bool {
        let before = LintText.fold(String(text[..<range.lowerBound].suffix(8)))
        return before.hasSuffix("chua ") || before.hasSuffix("khong ") || before.hasSuffix("chua") || before.hasSuffix("khong")
    }
}

extension ReportLinter {
    /// "Tỷ lệ hồ sơ trực tuyến đạt 78,3%" in a section that points to an appendix whose row
    /// "Tỷ lệ hồ sơ trực tuyến … | 80% | 75,3%" gives another result: the same figure told twice,
    /// differently. A row is recognised by the first six words of its target (numbers left out),
    /// and only where both the row and the sentence after those words state one percentage.
    static func appendixFigures(_ section: [(Int, String)], _ view: LintTableView, name: String) -> [LintFinding] {
        guard let target = view.headers.firstIndex(where: { $0.hasPrefix("muc tieu") || $0.hasPrefix("chi tieu") }),
              let result = view.headers.indices.first(where: { $0 != target && (view.headers[$0].hasPrefix("ket qua") || view.headers[$0].hasPrefix("thuc hien")) })
        else { return [] }
        func words(_ s: String) -> [String] {
            String(LintText.fold(s).map { $0.isLetter ? $0 : " " }).split(separator: " ").map(String.init)
        }
        var out: [LintFinding] = []
        for item in view.items {
            let key = words(view.text(item.cells, target)).prefix(6).joined(separator: " ")
            let stated = percentages(view.text(item.cells, result))
            guard key.split(separator: " ").count == 6, stated.count == 1 else { continue }
            // The target's own figures ("30% hoạt động kiểm tra …") quoted in the text are not results.
            let targetFigures = Set(percentages(view.text(item.cells, target)).map(\.printed))
            for (index, text) in section where words(text).joined(separator: " ").contains(key) {
                // The words after the target's first ones, in the text itself: its figures.
                guard let at = text.lintFind(view.text(item.cells, target).split(separator: " ").prefix(3).joined(separator: " ")) else { continue }
                let after = String(text[at...])
                let said = percentages(after).filter { p in
                    guard !targetFigures.contains(p.printed), let r = after.range(of: p.printed + "%") else { return false }
                    return !LintText.fold(String(after[..<r.lowerBound].suffix(14))).contains("muc tieu")
                }
                guard said.count == 1, LintNumbers.agreement(printed: said[0].printed, exact: stated[0].value) == .differs,
                      LintNumbers.agreement(printed: stated[0].printed, exact: said[0].value) == .differs else { continue }
                out.append(LintFinding(.error, paragraph: index + 1, quote: quote(Substring(after.prefix(160))), stated: said[0].printed + "%",
                                       computed: "\(name), dòng \(item.index + 1): \(stated[0].printed)%",
                                       message: "Báo cáo ghi \(said[0].printed)% nhưng \(name) (dòng \(item.index + 1)) ghi kết quả \(stated[0].printed)%."))
            }
        }
        return out
    }
}
