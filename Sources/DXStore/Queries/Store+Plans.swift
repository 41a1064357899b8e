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
        var result: [PlanSummary] = []
        for r in rows {
            let id = try r.requireID()
            let ni = try await IndicatorModel.query(on: db).filter(\.$plan.$id == id).filter(\.$archivedAt == nil).count()
            let nt = try await TaskModel.query(on: db).filter(\.$plan.$id == id).filter(\.$archivedAt == nil).count()
            result.append(PlanSummary(plan: r.domain(), issuerName: r.issuer.name, indicatorCount: ni, taskCount: nt))
        }
        // Newest plans first, then by code: what an official looks for.
        return result.sorted { ($1.plan.horizonTo, $0.plan.code) < ($0.plan.horizonTo, $1.plan.code) }
    }

    public func plan(slugOrCode key: String) async throws -> Plan? {
        let row = try await PlanModel.query(on: db)
            .group(.or) { $0.filter(\.$slug == key).filter(\.$code == key) }
            .with(\.$issuer).with(\.$pillars).first()
        return row?.domain()
    }

    /// The plan with its indicators (and targets) and tasks, in document order.
    public func planContents(slugOrCode key: String) async throws -> PlanContents? {
        guard let row = try await PlanModel.query(on: db)
            .group(.or, { $0.filter(\.$slug == key).filter(\.$code == key) })
            .with(\.$issuer).with(\.$pillars).first()
        else { return nil }
        let planID = try row.requireID()
        let codes = try await unitCodesByID()
        let indicators = try await IndicatorModel.query(on: db)
            .filter(\.$plan.$id == planID).filter(\.$archivedAt == nil)
            .with(\.$targets).sort(\.$position).all()
            .map { $0.domain(unitCodes: codes) }
        let cooperators = try await TaskCooperatorModel.query(on: db)
            .join(TaskModel.self, on: \TaskCooperatorModel.$task.$id == \TaskModel.$id)
            .filter(TaskModel.self, \.$plan.$id == planID).all()
        var coopByTask: [UUID: [String]] = [:]
        for c in cooperators {
            if let code = codes[c.$unit.id] { coopByTask[c.$task.id, default: []].append(code) }
        }
        let tasks = try await TaskModel.query(on: db)
            .filter(\.$plan.$id == planID).filter(\.$archivedAt == nil)
            .sort(\.$position).all()
            // Cooperating units have no stored order: sorted, so reading is deterministic on
            // both databases and an export imports back unchanged.
            .map { $0.domain(unitCodes: codes, cooperating: (coopByTask[$0.id ?? UUID()] ?? []).sorted()) }
        return PlanContents(plan: row.domain(), indicators: indicators, tasks: tasks)
    }

    /// Every version's code by row id, closed versions included.
    func unitCodesByID() async throws -> [UUID: String] {
        let rows = try await sql.raw("SELECT id, code FROM units").all()
        return Dictionary(uniqueKeysWithValues: try rows.map { r in
            (try r.decode(column: "id", as: UUID.self), try r.decode(column: "code", as: String.self))
        })
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

extension IndicatorModel {
    func domain(unitCodes: [UUID: String]) -> Indicator {
        let measure = MeasureKind(rawValue: measure) ?? .count
        return Indicator(
            code: code, name: name, pillarCode: pillarCode, measure: measure,
            numeratorDefinition: numeratorDefinition, denominatorDefinition: denominatorDefinition,
            unitOfMeasure: unitOfMeasure, aggregation: UnitAggregation(rawValue: aggregation) ?? .sum,
            temporal: TemporalAggregation(rawValue: temporal) ?? .stock,
            direction: Direction(rawValue: direction) ?? .higherIsBetter,
            responsibleUnitCode: $responsibleUnit.id.flatMap { unitCodes[$0] },
            allowsOverHundred: allowsOverHundred,
            allowsZeroDenominator: allowsZeroDenominator,
            targets: ($targets.value ?? []).map {
                Target(year: $0.year, level: AdminLevel(rawValue: $0.level) ?? .any,
                       comparator: Comparator(rawValue: $0.comparator) ?? .judgement,
                       value: $0.value, upper: $0.upper, text: $0.text)
            }.sorted { ($0.year, $0.level.order) < ($1.year, $1.level.order) })
    }
}

extension TaskModel {
    func domain(unitCodes: [UUID: String], cooperating: [String]) -> PlanTask {
        PlanTask(
            code: code, title: title, subItems: JSONList.decode(subItems), pillarCode: pillarCode,
            leadUnitCode: $leadUnit.id.flatMap { unitCodes[$0] }, leadText: leadText,
            cooperatingUnitCodes: cooperating, cooperatingText: cooperatingText,
            deadline: deadline.flatMap(Deadline.init(code:)), deadlineText: deadlineText,
            evidence: JSONList.decode(evidence))
    }
}

extension AdminLevel {
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
