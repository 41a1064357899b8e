import DXCore
import DXStore
import Foundation

/// Reads a PATCH body. Only the keys present change (null clears a field), so a client may
/// send one number; the merged entries then go through the same checks as the web form.
enum APIPatch {
    struct Parsed {
        var version: Int?
        var patch = ReportPatch()
        var issues: [FieldIssue] = []
    }

    static func read(_ body: [String: Any], report: UnitReport) -> Parsed {
        var out = Parsed()
        if let v = body["version"] as? Int { out.version = v }
        else { out.issues.append(.error("version", "Thiếu số phiên bản (version) của báo cáo.")) }

        func number(_ any: Any?, _ path: String) -> Double? {
            switch any {
            case let s as String: return EntryValidation.number(s, path: path, issues: &out.issues)
            case let d as Double: return d
            case let i as Int: return Double(i)
            case nil, is NSNull: return nil
            default:
                out.issues.append(.error(path, "Phải là một số."))
                return nil
            }
        }
        /// Codes that name what a patch changes are never longer than a code may be; a longer
        /// one is refused by its length instead of being quoted back in full.
        func tooLong(_ item: [String: Any], _ keys: [String], _ p: String) -> Bool {
            var c = FieldLengthCheck(prefix: p + ".")
            for k in keys { c.check(item[k] as? String, k, .code) }
            for problem in c.problems {
                out.issues.append(.error(problem.field, "Dài \(VNNumber.format(Double(problem.length))) ký tự, tối đa \(VNNumber.format(Double(problem.limit))) ký tự."))
            }
            return !c.problems.isEmpty
        }
        func text(_ any: Any?, _ path: String) -> String? {
            switch any {
            case let s as String: return s
            case nil, is NSNull: return nil
            default:
                out.issues.append(.error(path, "Phải là một chuỗi ký tự."))
                return nil
            }
        }

        if let list = body["values"] {
            guard let list = list as? [[String: Any]] else {
                out.issues.append(.error("values", "Phải là một mảng các đối tượng."))
                return out
            }
            for (n, item) in list.enumerated() {
                let p = "values[\(n)]"
                if tooLong(item, ["indicator", "plan"], p) { continue }
                let code = item["indicator"] as? String ?? ""
                let plan = item["plan"] as? String
                let matches = report.indicators.filter { $0.indicator.code == code && (plan == nil || $0.plan.code == plan) }
                guard matches.count == 1, let target = matches.first else {
                    out.issues.append(.error("\(p).indicator", matches.isEmpty
                        ? "Chỉ tiêu “\(code)” không thuộc báo cáo của đơn vị này."
                        : "Mã chỉ tiêu “\(code)” có ở nhiều kế hoạch: ghi thêm \"plan\"."))
                    continue
                }
                var e = out.patch.values[target.key] ?? target.entry ?? IndicatorEntry()
                let before = out.issues.count
                if item.keys.contains("numerator") { e.numerator = number(item["numerator"], "\(p).numerator") }
                if item.keys.contains("denominator") { e.denominator = number(item["denominator"], "\(p).denominator") }
                if item.keys.contains("value") { e.value = number(item["value"], "\(p).value") }
                if item.keys.contains("text") { e.text = text(item["text"], "\(p).text") }
                if item.keys.contains("comment") { e.comment = text(item["comment"], "\(p).comment") }
                if item.keys.contains("judgement") {
                    let j = text(item["judgement"], "\(p).judgement")
                    if let j, Judgement(rawValue: j) == nil {
                        out.issues.append(.error("\(p).judgement", "Mức đánh giá phải là met, partlyMet hoặc notMet."))
                    } else {
                        e.judgement = j.flatMap(Judgement.init(rawValue:))
                    }
                }
                // A rate given by its parts gets its value recomputed, not kept from before.
                if target.indicator.measure == .rate, item.keys.contains("numerator") || item.keys.contains("denominator"),
                   !item.keys.contains("value") { e.value = nil }
                e = e.normalized(for: target.indicator)
                if out.issues.count == before {
                    out.issues += EntryValidation.check(e, indicator: target.indicator, previous: target.previous?.effectiveValue,
                                                        changeFactor: report.round.changeFactor, path: p)
                }
                out.patch.values[target.key] = e
            }
        }
        if let list = body["tasks"] {
            guard let list = list as? [[String: Any]] else {
                out.issues.append(.error("tasks", "Phải là một mảng các đối tượng."))
                return out
            }
            for (n, item) in list.enumerated() {
                let p = "tasks[\(n)]"
                if tooLong(item, ["task", "plan"], p) { continue }
                let code = item["task"] as? String ?? ""
                let plan = item["plan"] as? String
                let matches = report.tasks.filter { $0.task.code == code && (plan == nil || $0.plan.code == plan) }
                guard matches.count == 1, let target = matches.first else {
                    out.issues.append(.error("\(p).task", matches.isEmpty
                        ? "Nhiệm vụ “\(code)” không thuộc báo cáo của đơn vị này."
                        : "Mã nhiệm vụ “\(code)” có ở nhiều kế hoạch: ghi thêm \"plan\"."))
                    continue
                }
                var e = out.patch.tasks[target.key] ?? target.entry ?? TaskEntry()
                if item.keys.contains("status") {
                    let s = text(item["status"], "\(p).status")
                    if let s, TaskStatus(rawValue: s) == nil {
                        out.issues.append(.error("\(p).status", "Tình trạng phải là một trong: \(TaskStatus.allCases.map(\.rawValue).joined(separator: ", "))."))
                    } else {
                        e.status = s.flatMap(TaskStatus.init(rawValue:))
                    }
                }
                if item.keys.contains("percent") { e.percent = number(item["percent"], "\(p).percent") }
                if item.keys.contains("result") { e.result = text(item["result"], "\(p).result") }
                if item.keys.contains("evidence") { e.evidence = text(item["evidence"], "\(p).evidence") }
                if item.keys.contains("note") { e.note = text(item["note"], "\(p).note") }
                e = e.normalized
                out.issues += EntryValidation.check(e, path: p)
                out.patch.tasks[target.key] = e
            }
        }
        if let list = body["forms"] {
            guard let list = list as? [[String: Any]] else {
                out.issues.append(.error("forms", "Phải là một mảng các đối tượng."))
                return out
            }
            for (n, item) in list.enumerated() {
                let p = "forms[\(n)]"
                if tooLong(item, ["form", "row"], p) { continue }
                let code = item["form"] as? String ?? "", rowKey = item["row"] as? String ?? ""
                guard let part = report.forms.first(where: { $0.code == code }), let row = part.rows.first(where: { $0.key == rowKey }) else {
                    out.issues.append(.error("\(p).row", "Dòng “\(rowKey)” của biểu mẫu “\(code)” không thuộc báo cáo của đơn vị này."))
                    continue
                }
                guard let cells = item["cells"] as? [String: Any] else {
                    out.issues.append(.error("\(p).cells", "Phải là một đối tượng: mã cột → giá trị."))
                    continue
                }
                let key = part.key(row)
                var values = out.patch.forms[key] ?? part.entries[row.key]?.values ?? [:]
                let before = out.issues.count
                for (column, any) in cells.sorted(by: { $0.key < $1.key }) {
                    let cp = "\(p).cells.\(column)"
                    let raw: String
                    switch any {
                    case let s as String: raw = s
                    case let d as Double: raw = VNNumber.format(d, fractionDigits: 6, trimZeros: true)
                    case let i as Int: raw = String(i)
                    case is NSNull: raw = ""
                    default:
                        out.issues.append(.error(cp, "Phải là một số hoặc một chuỗi ký tự."))
                        continue
                    }
                    do {
                        values[column] = try part.form.parseInput(raw, column: column)
                    } catch {
                        out.issues.append(.error(cp, error.description + "."))
                    }
                }
                values = values.filter { !$0.value.isEmpty }
                if out.issues.count == before {
                    for v in part.form.identityViolations(key: row.key, label: row.label, values: values) {
                        out.issues.append(.error(p, "Không khớp: \(v.message) (vế trái \(VNNumber.format(v.left, fractionDigits: 4, trimZeros: true)), vế phải \(VNNumber.format(v.right, fractionDigits: 4, trimZeros: true)))."))
                    }
                }
                out.patch.forms[key] = values
            }
        }
        if let map = body["narrative"] {
            guard let map = map as? [String: Any] else {
                out.issues.append(.error("narrative", "Phải là một đối tượng: tên phần → nội dung."))
                return out
            }
            for (section, value) in map.sorted(by: { $0.key < $1.key }) {
                let path = "narrative.\(section.count > FieldLimit.name.maxCharacters ? String(section.prefix(40)) + "…" : section)"
                guard report.round.narrativeSections.contains(section) else {
                    out.issues.append(.error(path, "Phần thuyết minh “\(section)” không có trong đợt báo cáo này."))
                    continue
                }
                let t = text(value, path) ?? ""
                out.issues += EntryValidation.checkNarrative(t, path: path)
                out.patch.narrative[section] = t
            }
        }
        return out
    }
}
