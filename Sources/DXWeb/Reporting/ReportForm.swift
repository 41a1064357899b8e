import DXCore
import DXStore

/// Reads the data-entry form of one unit's report into a patch, with the field messages.
/// Field names are the paths of the messages: `v|PLAN|CODE.numerator`, `t|PLAN|CODE.status`,
/// `n|SECTION`, so each message lands next to its field.
enum ReportForm {
    static func indicatorPrefix(_ k: ItemKey) -> String { "v|\(k.plan)|\(k.code)" }
    static func taskPrefix(_ k: ItemKey) -> String { "t|\(k.plan)|\(k.code)" }
    static func sectionName(_ s: String) -> String { "n|\(s)" }
    /// A table-form row; its cells are `f|FORM|ROW|COLUMN`.
    static func formRowPrefix(_ k: FormRowKey) -> String { "f|\(k.form)|\(k.row)" }
    static func formCellName(_ k: FormRowKey, column: String) -> String { "\(formRowPrefix(k))|\(column)" }

    struct Parsed {
        var patch: ReportPatch
        var issues: [FieldIssue]
        var errors: [FieldIssue] { issues.filter { $0.severity == .error } }
    }

    static func parse(_ form: FormData, report: UnitReport) -> Parsed {
        var patch = ReportPatch()
        var issues: [FieldIssue] = []
        for item in report.indicators {
            let p = indicatorPrefix(item.key)
            // Only indicators whose fields were sent are touched (a form may show a subset).
            guard form.pairs.contains(where: { $0.0.hasPrefix(p + ".") }) else { continue }
            var e = IndicatorEntry()
            let before = issues.count
            e.numerator = EntryValidation.number(form[p + ".numerator"], path: p + ".numerator", issues: &issues)
            e.denominator = EntryValidation.number(form[p + ".denominator"], path: p + ".denominator", issues: &issues)
            e.value = EntryValidation.number(form[p + ".value"], path: p + ".value", issues: &issues)
            if let j = form[p + ".judgement"], !j.isEmpty {
                if let judgement = Judgement(rawValue: j) { e.judgement = judgement }
                else { issues.append(.error(p + ".judgement", t("Mức đánh giá không hợp lệ."))) }
            }
            e.text = form[p + ".text"]
            e.comment = form[p + ".comment"]
            e = e.normalized(for: item.indicator)
            // A number that could not be read already has its message; the cross-field checks
            // would only add noise about it ("nhập tử số đi cùng mẫu số").
            if issues.count == before { issues += EntryValidation.check(e, indicator: item.indicator, previous: item.previous?.effectiveValue,
                                            changeFactor: report.round.changeFactor, path: p) }
            patch.values[item.key] = e
        }
        for item in report.tasks {
            let p = taskPrefix(item.key)
            guard form.pairs.contains(where: { $0.0.hasPrefix(p + ".") }) else { continue }
            var e = TaskEntry()
            if let s = form[p + ".status"], !s.isEmpty {
                if let status = TaskStatus(rawValue: s) { e.status = status }
                else { issues.append(.error(p + ".status", t("Tình trạng không hợp lệ."))) }
            }
            e.percent = EntryValidation.number(form[p + ".percent"], path: p + ".percent", issues: &issues)
            e.result = form[p + ".result"]
            e.evidence = form[p + ".evidence"]
            e.note = form[p + ".note"]
            e = e.normalized
            issues += EntryValidation.check(e, path: p)
            patch.tasks[item.key] = e
        }
        for part in report.forms {
            for row in part.rows {
                let key = part.key(row)
                let p = formRowPrefix(key)
                guard form.pairs.contains(where: { $0.0.hasPrefix(p + "|") }) else { continue }
                var values: [String: FormCellValue] = [:]
                var readable = true
                for c in part.form.form.columns where c.kind != .computed {
                    let name = formCellName(key, column: c.key)
                    guard let raw = form[name] else {
                        // A cell not sent keeps what is stored, so a form showing a subset of columns loses nothing.
                        if let stored = part.entries[row.key]?.values[c.key] { values[c.key] = stored }
                        continue
                    }
                    do {
                        let v = try part.form.parseInput(raw, column: c.key)
                        if !v.isEmpty { values[c.key] = v }
                    } catch {
                        issues.append(.error(name, error.description + "."))
                        readable = false
                    }
                }
                // Identities are checked on what could be read; a cell with its own message would only add noise.
                if readable {
                    for v in part.form.identityViolations(key: row.key, label: row.label, values: values) {
                        issues.append(.error(p, t("Không khớp: %@ (vế trái %@, vế phải %@).", v.message,
                                                  VNNumber.format(v.left, fractionDigits: 4, trimZeros: true),
                                                  VNNumber.format(v.right, fractionDigits: 4, trimZeros: true))))
                    }
                }
                patch.forms[key] = values
            }
        }
        for s in report.round.narrativeSections {
            guard let text = form[sectionName(s)] else { continue }
            issues += EntryValidation.checkNarrative(text, path: sectionName(s))
            patch.narrative[s] = text
        }
        return Parsed(patch: patch, issues: issues)
    }

    /// The report as it would be after the patch, for the checks before submitting.
    static func missingBeforeSubmit(_ report: UnitReport, patch: ReportPatch, indicatorPath: (ItemKey, Int) -> String,
                                    taskPath: (ItemKey, Int) -> String, sectionPath: (String) -> String) -> [FieldIssue] {
        var narrative = report.status.narrative
        for (k, v) in patch.narrative { narrative[k] = v }
        var missing = EntryValidation.missingBeforeSubmit(
            indicators: report.indicators.enumerated().map { (indicatorPath($1.key, $0), patch.values[$1.key] ?? $1.entry) },
            tasks: report.tasks.enumerated().map { (taskPath($1.key, $0), patch.tasks[$1.key] ?? $1.entry) },
            narrative: narrative, sections: report.round.narrativeSections, sectionPath: sectionPath)
        for part in report.forms {
            for row in part.rows {
                let key = part.key(row)
                let values = patch.forms[key] ?? part.entries[row.key]?.values ?? [:]
                for c in part.form.form.columns where c.required && c.kind != .computed && (values[c.key] ?? .empty).isEmpty {
                    missing.append(.error(formCellName(key, column: c.key),
                                          t("Chưa nhập cột %@ “%@” của biểu %@.", FormExpression.column(c.key).description, c.title, part.code)))
                }
            }
        }
        return missing
    }

    /// Warnings of the stored figures (shown on every view of the form, not only after a save).
    static func storedWarnings(_ report: UnitReport) -> [FieldIssue] {
        report.indicators.flatMap { item -> [FieldIssue] in
            guard let e = item.entry else { return [] }
            return EntryValidation.check(e, indicator: item.indicator, previous: item.previous?.effectiveValue,
                                         changeFactor: report.round.changeFactor, path: indicatorPrefix(item.key))
                .filter { $0.severity == .warning }
        }
    }

    /// Numbers put back into inputs in Vietnamese form, which the parser reads back exactly.
    static func number(_ x: Double?) -> String {
        x.map { VNNumber.format($0, fractionDigits: 6) } ?? ""
    }
}
