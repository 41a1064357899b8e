import DXCore
import FluentKit
import SQLKit
import Foundation

/// A plan with its counts, for lists.
public struct PlanSummary: Sendable, Hashable, Codable {
    public var plan: Plan
    public var issuerName: String
    public var indicatorCount: Int
    public var taskCount: Int
}

extension PlanContents: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.add(plan.lengthProblems, under: "plan")
        for (i, x) in indicators.enumerated() { c.add(x.lengthProblems, under: "indicators[\(i)]") }
        for (i, x) in tasks.enumerated() { c.add(x.lengthProblems, under: "tasks[\(i)]") }
        return c.problems
    }
}

extension Store {
    public func planSummaries() async throws -> [PlanSummary] {
        let rows = try await PlanModel.query(on: db).filter(\.$archivedAt == nil).with(\.$issuer).with(\.$pillars).all()
        // Counts of every plan in one grouped query a table, not two queries a plan.
        func counts(_ table: String) async throws -> [UUID: Int] {
            let rows = try await sql.raw("SELECT plan_id, COUNT(*) AS n FROM \(ident: table) WHERE archived_at IS NULL GROUP BY plan_id").all()
            return Dictionary(uniqueKeysWithValues: try rows.map {
                (try $0.decode(column: "plan_id", as: UUID.self), try $0.decode(column: "n", as: Int.self))
            })
        }
        let indicators = try await counts("indicators"), tasks = try await counts("tasks")
        var result: [PlanSummary] = []
        for r in rows {
            let id = try r.requireID()
            result.append(PlanSummary(plan: r.domain(), issuerName: r.issuer.name, indicatorCount: indicators[id] ?? 0,
                                      taskCount: tasks[id] ?? 0))
        }
        // Newest plans first, then by code: what an official looks for.
        return result.sorted { ($1.plan.horizonTo, $0.plan.code) < ($0.plan.horizonTo, $1.plan.code) }
    }

    /// The slug of the one-year plan of tasks only (no indicators) for `year`, the first by code
    /// as `planSummaries` lists them: the activity plan a dashboard's report counts beside a
    /// plan of indicators. One query instead of every plan's summary.
    public func tasksOnlyPlan(year: Int) async throws -> String? {
        let rows = try await sql.raw("""
            SELECT p.code, p.slug FROM plans p WHERE p.archived_at IS NULL AND p.horizon_from = \(bind: year) \
            AND p.horizon_to = \(bind: year) \
            AND EXISTS (SELECT 1 FROM tasks t WHERE t.plan_id = p.id AND t.archived_at IS NULL) \
            AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.plan_id = p.id AND i.archived_at IS NULL)
            """).all()
        return try rows.map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "slug", as: String.self)) }
            .min { $0.0 < $1.0 }?.1
    }

    /// A plan by slug or code with its issuer's code and its pillars, from two raw reads: every
    /// plan page and evaluation starts here.
    func planRow(slugOrCode key: String) async throws -> (id: UUID, plan: Plan)? {
        guard let r = try await sql.raw("""
            SELECT p.id, p.code, p.slug, p.kind, p.title, p.issued, p.horizon_from, p.horizon_to, p.parent_code, u.code AS issuer_code
            FROM plans p LEFT JOIN units u ON u.id = p.issuer_id WHERE p.slug = \(bind: key) OR p.code = \(bind: key)
            """).first() else { return nil }
        let id = try r.decode(column: "id", as: UUID.self)
        let pillars = try await sql.raw("SELECT code, name FROM pillars WHERE plan_id = \(bind: id) ORDER BY position").all().map {
            Pillar(code: try $0.decode(column: "code", as: String.self), name: try $0.decode(column: "name", as: String.self))
        }
        return (id, Plan(
            code: try r.decode(column: "code", as: String.self), slug: try r.decode(column: "slug", as: String.self),
            kind: PlanKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .plan, title: try r.decode(column: "title", as: String.self),
            issuerCode: try r.decode(column: "issuer_code", as: String?.self) ?? "",
            issued: try r.decode(column: "issued", as: String?.self).flatMap(CalendarDate.init(iso:)),
            horizonFrom: try r.decode(column: "horizon_from", as: Int.self), horizonTo: try r.decode(column: "horizon_to", as: Int.self),
            parentCode: try r.decode(column: "parent_code", as: String?.self), pillars: pillars))
    }

    /// A plan's indicators with their targets, in document order, or with `code` the one
    /// indicator of that code, archived or not; each with whether it is archived. Read from raw
    /// rows: every page reads them, and Fluent's model decoding (by reflection, per row) cost
    /// more than the page's own work.
    func indicators(planID: UUID, code: String? = nil, unitCodes: [UUID: String]) async throws -> [(Indicator, archived: Bool)] {
        let which = code.map { SQLQueryString("i.code = \(bind: $0)") } ?? "i.archived_at IS NULL"
        var targets: [UUID: [Target]] = [:]
        for r in try await sql.raw("""
            SELECT t.indicator_id, t.year, t.level, t.comparator, t.value, t.upper, t.text FROM targets t
            JOIN indicators i ON i.id = t.indicator_id WHERE i.plan_id = \(bind: planID) AND \(which)
            """).all() {
            targets[try r.decode(column: "indicator_id", as: UUID.self), default: []].append(Target(
                year: try r.decode(column: "year", as: Int.self),
                level: AdminLevel(rawValue: try r.decode(column: "level", as: String.self)) ?? .any,
                comparator: Comparator(rawValue: try r.decode(column: "comparator", as: String.self)) ?? .judgement,
                value: try r.decode(column: "value", as: Double?.self), upper: try r.decode(column: "upper", as: Double?.self),
                text: try r.decode(column: "text", as: String.self)))
        }
        return try await sql.raw("""
            SELECT id, code, name, pillar_code, measure, numerator_definition, denominator_definition, unit_of_measure,
            aggregation, temporal, direction, responsible_unit_id, allows_over_hundred, allows_zero_denominator, archived_at
            FROM indicators i WHERE plan_id = \(bind: planID) AND \(which) ORDER BY position
            """).all().map { r in
            (Indicator(
                code: try r.decode(column: "code", as: String.self), name: try r.decode(column: "name", as: String.self),
                pillarCode: try r.decode(column: "pillar_code", as: String?.self),
                measure: MeasureKind(rawValue: try r.decode(column: "measure", as: String.self)) ?? .count,
                numeratorDefinition: try r.decode(column: "numerator_definition", as: String?.self),
                denominatorDefinition: try r.decode(column: "denominator_definition", as: String?.self),
                unitOfMeasure: try r.decode(column: "unit_of_measure", as: String?.self),
                aggregation: UnitAggregation(rawValue: try r.decode(column: "aggregation", as: String.self)) ?? .sum,
                temporal: TemporalAggregation(rawValue: try r.decode(column: "temporal", as: String.self)) ?? .stock,
                direction: Direction(rawValue: try r.decode(column: "direction", as: String.self)) ?? .higherIsBetter,
                responsibleUnitCode: try r.decode(column: "responsible_unit_id", as: UUID?.self).flatMap { unitCodes[$0] },
                allowsOverHundred: try r.decode(column: "allows_over_hundred", as: Bool.self),
                allowsZeroDenominator: try r.decode(column: "allows_zero_denominator", as: Bool.self),
                targets: (targets[try r.decode(column: "id", as: UUID.self)] ?? []).sorted { ($0.year, $0.level.order) < ($1.year, $1.level.order) }),
             try r.decode(column: "archived_at", as: Date?.self) != nil)
        }
    }

    /// A plan's tasks with their cooperating units, in document order, or with `code` the one
    /// task of that code (raw rows, as the indicators).
    func tasks(planID: UUID, code: String? = nil, unitCodes: [UUID: String]) async throws -> [(PlanTask, archived: Bool)] {
        let which = code.map { SQLQueryString("t.code = \(bind: $0)") } ?? "t.archived_at IS NULL"
        var cooperating: [UUID: [String]] = [:]
        for r in try await sql.raw("""
            SELECT c.task_id, c.unit_id FROM task_cooperators c JOIN tasks t ON t.id = c.task_id
            WHERE t.plan_id = \(bind: planID) AND \(which)
            """).all() {
            if let code = unitCodes[try r.decode(column: "unit_id", as: UUID.self)] {
                cooperating[try r.decode(column: "task_id", as: UUID.self), default: []].append(code)
            }
        }
        return try await sql.raw("""
            SELECT id, code, title, sub_items, pillar_code, lead_unit_id, lead_text, cooperating_text, deadline,
            deadline_text, evidence, archived_at FROM tasks t WHERE plan_id = \(bind: planID) AND \(which) ORDER BY position
            """).all().map { r in
            (PlanTask(
                code: try r.decode(column: "code", as: String.self), title: try r.decode(column: "title", as: String.self),
                subItems: JSONList.decode(try r.decode(column: "sub_items", as: String.self)),
                pillarCode: try r.decode(column: "pillar_code", as: String?.self),
                leadUnitCode: try r.decode(column: "lead_unit_id", as: UUID?.self).flatMap { unitCodes[$0] },
                leadText: try r.decode(column: "lead_text", as: String.self),
                // Cooperating units have no stored order: sorted, so reading is deterministic on
                // both databases and an export imports back unchanged.
                cooperatingUnitCodes: (cooperating[try r.decode(column: "id", as: UUID.self)] ?? []).sorted(),
                cooperatingText: try r.decode(column: "cooperating_text", as: String.self),
                deadline: try r.decode(column: "deadline", as: String?.self).flatMap(Deadline.init(code:)),
                deadlineText: try r.decode(column: "deadline_text", as: String?.self),
                evidence: JSONList.decode(try r.decode(column: "evidence", as: String.self))),
             try r.decode(column: "archived_at", as: Date?.self) != nil)
        }
    }
}

extension PlanModel {
    func domain() -> Plan {
        Plan(
            code: code, slug: slug, kind: PlanKind(rawValue: kind) ?? .plan, title: title,
            issuerCode: $issuer.value?.code ?? "", issued: issued.flatMap(CalendarDate.init(iso:)),
            horizonFrom: horizonFrom, horizonTo: horizonTo, parentCode: parentCode,
            pillars: ($pillars.value ?? []).sorted { $0.position < $1.position }
                .map { Pillar(code: $0.code, name: $0.name) })
    }
}

extension AdminLevel {
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
