import DXCore
import Foundation

/// Plans, indicators with targets, and tasks as CSV, so a province can be set up from
/// spreadsheets (`dxtrack import plans|indicators|tasks FILE`); `write` gives what `read`
/// reads back.
///
/// - plans: `code, slug, kind, title, issuer_code, issued, horizon_from, horizon_to, pillars,
///   parent_code`, pillars written `1: Chính quyền số; 2: Kinh tế số`, the parent being the
///   plan this one carries out.
/// - indicators: one row per target (the indicator's own columns repeated, or left empty on the
///   following rows): `plan_code, code, name, pillar, measure, unit_of_measure,
///   numerator_definition, denominator_definition, aggregation, temporal, direction,
///   responsible_unit, allows_over_100, allows_zero_denominator, target_year, target_level, target_comparator,
///   target_value, target_upper, target_text`.
/// - tasks: `plan_code, code, title, pillar, lead_unit, lead_text, cooperating_units,
///   cooperating_text, deadline, deadline_text, sub_items, evidence`; unit codes separated by
///   `;`, sub-items and evidence one per line of the cell,
///   the deadline as `2024-06-30`, `2024-06`, `2024Q2`, `2024`, `ongoing` or `quarterly`.
///
/// Enumerations take their English codes (`rate`, `sum`, `stock`, `higher`, `ge`, `province`).
public enum SetupCSV {
    public struct Result<T: Sendable>: Sendable {
        public var items: [T]
        public var errors: [DataValueCSV.RowError]
        public var warnings: [String]
    }

    static func columns(_ names: [String], required: Set<String>, aliases: [String: [String]] = [:]) -> CSVColumns {
        CSVColumns(names.map { .init(name: $0, aliases: aliases[$0] ?? [], required: required.contains($0)) })
    }

    /// Reads the records of a shape, calling `row` for each; errors and warnings gathered.
    static func read<T>(_ table: CSVTable, _ cols: CSVColumns,
                        _ row: (CSVColumns, CSVRecord, inout [DataValueCSV.RowError]) -> T?) -> Result<T> {
        var cols = cols
        var errors: [DataValueCSV.RowError] = [], warnings: [String] = []
        cols.match(table, errors: &errors, warnings: &warnings)
        guard errors.isEmpty else { return Result(items: [], errors: errors, warnings: warnings) }
        var items: [T] = []
        for r in table.records {
            let before = errors.count
            let item = row(cols, r, &errors)
            if errors.count == before, let item { items.append(item) }
        }
        return Result(items: items, errors: errors, warnings: warnings)
    }

    /// Codes separated by `;`.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").map { VNText.clean(String($0)) }.filter { !$0.isEmpty }
    }

    /// Sentences, one per line of the cell (Alt+Enter in Excel).
    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { VNText.clean(String($0)) }.filter { !$0.isEmpty }
    }

    static func number(_ cols: CSVColumns, _ r: CSVRecord, _ name: String, _ errors: inout [DataValueCSV.RowError]) -> Double? {
        guard let t = cols.field(r, name) else { return nil }
        do { return try VNNumber.parseOrThrow(t) } catch {
            errors.append(cols.error(r, name, "\"\(t)\" không phải là số"))
            return nil
        }
    }

    static func choice<E: RawRepresentable & CaseIterable>(_ cols: CSVColumns, _ r: CSVRecord, _ name: String, default d: E?,
                                                            _ errors: inout [DataValueCSV.RowError]) -> E? where E.RawValue == String {
        guard let t = cols.field(r, name) else {
            if d == nil { errors.append(cols.error(r, name, "chưa nhập")) }
            return d
        }
        if let e = E(rawValue: t) { return e }
        errors.append(cols.error(r, name, "\"\(t)\" không hợp lệ (\(E.allCases.map(\.rawValue).joined(separator: ", ")))"))
        return nil
    }

    // MARK: Plans

    static let planColumns = columns(["code", "slug", "kind", "title", "issuer_code", "issued", "horizon_from", "horizon_to", "pillars", "parent_code"],
                                     required: ["code", "title", "issuer_code", "horizon_from", "horizon_to"],
                                     aliases: ["code": ["sokyhieu", "makehoach"], "title": ["ten", "tenkehoach"], "issuer_code": ["coquanbanhanh"]])

    public static func plans(_ table: CSVTable) -> Result<Plan> {
        read(table, planColumns) { c, r, errors in
            guard let code = c.field(r, "code"), let title = c.field(r, "title"), let issuer = c.field(r, "issuer_code") else {
                errors.append(c.error(r, nil, "thiếu số ký hiệu, tên hoặc cơ quan ban hành"))
                return nil
            }
            let from = Int(c.field(r, "horizon_from") ?? ""), to = Int(c.field(r, "horizon_to") ?? "")
            if from == nil || to == nil { errors.append(c.error(r, "horizon_from", "năm bắt đầu và năm kết thúc phải là số nguyên")) }
            var issued: CalendarDate?
            if let t = c.field(r, "issued") {
                issued = CalendarDate(iso: t) ?? VNDate.parse(t)
                if issued == nil { errors.append(c.error(r, "issued", "\"\(t)\" không phải là ngày")) }
            }
            var pillars: [Pillar] = []
            for part in list(c.field(r, "pillars")) {
                let kv = part.split(separator: ":", maxSplits: 1).map { VNText.clean(String($0)) }
                guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                    errors.append(c.error(r, "pillars", "trụ cột \"\(part)\" phải ghi “mã: tên”"))
                    continue
                }
                pillars.append(Pillar(code: kv[0], name: kv[1]))
            }
            let kind: PlanKind? = choice(c, r, "kind", default: .plan, &errors)
            guard let from, let to, let kind else { return nil }
            return Plan(code: code, slug: c.field(r, "slug") ?? VNText.slug(code) + "-\(from)", kind: kind, title: title,
                        issuerCode: issuer, issued: issued, horizonFrom: from, horizonTo: to, parentCode: c.field(r, "parent_code"), pillars: pillars)
        }
    }

    public static func write(_ plans: [Plan]) -> String {
        rows(planColumns, plans.map { p in
            [p.code, p.slug, p.kind.rawValue, p.title, p.issuerCode, p.issued?.iso ?? "", String(p.horizonFrom), String(p.horizonTo),
             p.pillars.map { "\($0.code): \($0.name)" }.joined(separator: "; "), p.parentCode ?? ""]
        })
    }

    // MARK: Indicators

    static let indicatorColumns = columns(
        ["plan_code", "code", "name", "pillar", "measure", "unit_of_measure", "numerator_definition", "denominator_definition",
         "aggregation", "temporal", "direction", "responsible_unit", "allows_over_100", "allows_zero_denominator",
         "target_year", "target_level", "target_comparator", "target_value", "target_upper", "target_text"],
        required: ["plan_code", "code"],
        aliases: ["plan_code": ["makehoach"], "code": ["machitieu"], "name": ["tenchitieu", "chitieu"]])

    /// Indicators by plan code, in the order of the file; rows of the same indicator add targets.
    public static func indicators(_ table: CSVTable) -> Result<(planCode: String, indicator: Indicator)> {
        var order: [String] = []
        var byKey: [String: (String, Indicator)] = [:]
        let result = read(table, indicatorColumns) { c, r, errors -> Bool? in
            let plan = c.field(r, "plan_code")!, code = c.field(r, "code")!
            let key = plan + "\u{1F}" + code
            var ind = byKey[key]?.1
            if ind == nil {
                guard let name = c.field(r, "name") else {
                    errors.append(c.error(r, "name", "chưa nhập tên chỉ tiêu \(code)"))
                    return nil
                }
                guard let measure: MeasureKind = choice(c, r, "measure", default: nil, &errors),
                      let aggregation: UnitAggregation = choice(c, r, "aggregation", default: .sum, &errors),
                      let temporal: TemporalAggregation = choice(c, r, "temporal", default: .stock, &errors),
                      let direction: Direction = choice(c, r, "direction", default: .higherIsBetter, &errors) else { return nil }
                ind = Indicator(code: code, name: name, pillarCode: c.field(r, "pillar"), measure: measure,
                                numeratorDefinition: c.field(r, "numerator_definition"), denominatorDefinition: c.field(r, "denominator_definition"),
                                unitOfMeasure: c.field(r, "unit_of_measure"), aggregation: aggregation, temporal: temporal, direction: direction,
                                responsibleUnitCode: c.field(r, "responsible_unit"),
                                allowsOverHundred: yes(c.field(r, "allows_over_100")),
                                allowsZeroDenominator: yes(c.field(r, "allows_zero_denominator")))
                order.append(key)
            }
            if let y = c.field(r, "target_year") {
                guard let year = Int(y) else {
                    errors.append(c.error(r, "target_year", "năm mục tiêu \"\(y)\" phải là số nguyên"))
                    return nil
                }
                guard let level: AdminLevel = choice(c, r, "target_level", default: .any, &errors),
                      let comparator: DXCore.Comparator = choice(c, r, "target_comparator", default: nil, &errors) else { return nil }
                let t = Target(year: year, level: level, comparator: comparator, value: number(c, r, "target_value", &errors),
                               upper: number(c, r, "target_upper", &errors), text: c.field(r, "target_text") ?? "")
                do { try t.validate() } catch { errors.append(c.error(r, "target_value", "\(error)")) }
                ind!.targets.append(t)
            }
            byKey[key] = (plan, ind!)
            return true
        }
        let items = result.errors.isEmpty ? order.compactMap { byKey[$0] }.map { (planCode: $0.0, indicator: $0.1) } : []
        return Result(items: items, errors: result.errors, warnings: result.warnings)
    }

    /// A yes/no column: `1`, `true`, `có` are yes; empty and anything else no.
    static func yes(_ field: String?) -> Bool {
        ["1", "true", "có", "co"].contains((field ?? "").lowercased())
    }

    public static func write(indicators: [(planCode: String, indicator: Indicator)]) -> String {
        var out: [[String]] = []
        for (plan, i) in indicators {
            let head = [plan, i.code, i.name, i.pillarCode ?? "", i.measure.rawValue, i.unitOfMeasure ?? "", i.numeratorDefinition ?? "",
                        i.denominatorDefinition ?? "", i.aggregation.rawValue, i.temporal.rawValue, i.direction.rawValue,
                        i.responsibleUnitCode ?? "", i.allowsOverHundred ? "1" : "",
                        i.allowsZeroDenominator ? "1" : ""]
            if i.targets.isEmpty { out.append(head + Array(repeating: "", count: 6)) }
            for t in i.targets {
                out.append(head + [String(t.year), t.level.rawValue, t.comparator.rawValue, t.value.map(DataValueCSV.plainNumber) ?? "",
                                   t.upper.map(DataValueCSV.plainNumber) ?? "", t.text])
            }
        }
        return rows(indicatorColumns, out)
    }

    // MARK: Tasks

    static let taskColumns = columns(
        ["plan_code", "code", "title", "pillar", "lead_unit", "lead_text", "cooperating_units", "cooperating_text",
         "deadline", "deadline_text", "sub_items", "evidence"],
        required: ["plan_code", "code", "title"],
        aliases: ["plan_code": ["makehoach"], "code": ["manhiemvu"], "title": ["tennhiemvu", "nhiemvu"]])

    public static func tasks(_ table: CSVTable) -> Result<(planCode: String, task: PlanTask)> {
        read(table, taskColumns) { c, r, errors in
            guard let plan = c.field(r, "plan_code"), let code = c.field(r, "code"), let title = c.field(r, "title") else {
                errors.append(c.error(r, nil, "thiếu mã kế hoạch, mã hoặc tên nhiệm vụ"))
                return nil
            }
            var deadline: Deadline?
            if let t = c.field(r, "deadline") {
                deadline = Deadline(code: t)
                if deadline == nil { errors.append(c.error(r, "deadline", "thời hạn \"\(t)\" không hợp lệ (2024-06-30, 2024-06, 2024Q2, 2024, ongoing, quarterly)")) }
            }
            return (plan, PlanTask(code: code, title: title, subItems: lines(c.raw(r, "sub_items")), pillarCode: c.field(r, "pillar"),
                                   leadUnitCode: c.field(r, "lead_unit"), leadText: c.lines(r, "lead_text") ?? "",
                                   cooperatingUnitCodes: list(c.field(r, "cooperating_units")), cooperatingText: c.lines(r, "cooperating_text") ?? "",
                                   deadline: deadline, deadlineText: c.lines(r, "deadline_text"), evidence: lines(c.raw(r, "evidence"))))
        }
    }

    public static func write(tasks: [(planCode: String, task: PlanTask)]) -> String {
        rows(taskColumns, tasks.map { plan, t in
            [plan, t.code, t.title, t.pillarCode ?? "", t.leadUnitCode ?? "", t.leadText, t.cooperatingUnitCodes.joined(separator: "; "),
             t.cooperatingText, t.deadline?.code ?? "", t.deadlineText ?? "", t.subItems.joined(separator: "\n"), t.evidence.joined(separator: "\n")]
        })
    }

    static func rows(_ cols: CSVColumns, _ rows: [[String]]) -> String {
        "\u{FEFF}" + CSVReader.write([cols.columns.map(\.name)] + rows)
    }
}
