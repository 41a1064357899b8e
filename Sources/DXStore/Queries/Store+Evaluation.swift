import DXCore
import Foundation

extension Store {
    /// Evaluates a plan for a unit (the issuer's province by default) and a period, from what is
    /// stored now: figures that count (`DataStatus`), or with `includeUnsubmitted` also drafts
    /// (a coordinator's preview). `readAt` is the clock, injected so outputs can be tested.
    /// Errors name what was not found, in Vietnamese.
    public func evaluate(plan key: String, period periodID: String, unit unitCode: String? = nil,
                         asOf: CalendarDate? = nil, includeUnsubmitted: Bool = false, readAt: Date = Date()) async throws -> PlanEvaluation {
        try await evaluationFacts(plan: key, period: periodID, unit: unitCode, includeUnsubmitted: includeUnsubmitted)
            .evaluation(asOf: asOf, readAt: readAt)
    }

    /// The facts an evaluation reads, and no others: the plan's values for the unit's subtree
    /// and the stored periods that end within the period, the period before it or the same
    /// period a year earlier (the comparisons), and the unit's own task reports of the period.
    /// `indicators` narrows the plan to some indicator codes; `allPeriods` reads every period
    /// (an indicator's trend). Pages that show more of the same facts reuse them.
    public func evaluationFacts(plan key: String, period periodID: String, unit unitCode: String? = nil,
                                indicators codes: [String]? = nil, allPeriods: Bool = false,
                                includeUnsubmitted: Bool = false) async throws -> EvaluationFacts {
        let period: Period
        do {
            period = try Period.parse(periodID)
        } catch {
            throw StoreError.invalid(String(describing: error))
        }
        guard var contents = try await planContents(slugOrCode: key) else {
            throw StoreError.notFound("kế hoạch \(key)")
        }
        if let codes { contents.indicators = contents.indicators.filter { codes.contains($0.code) } }
        let tree = try await unitTree()
        let code = unitCode ?? PlanEvaluation.defaultUnit(for: contents.plan, in: tree)
        guard let unit = tree[code] else { throw StoreError.notFound("đơn vị mã \(code)") }
        let planCode = contents.plan.code
        var periodIDs: [String]?
        if !allPeriods {
            let stored = try await storedPeriodIDs(planCode: planCode)
            periodIDs = Store.periodIDs(stored, endingWithin: [period, period.previous, period.samePeriodLastYear])
        }
        let values = contents.indicators.isEmpty ? [] : try await self.values(
            planCode: planCode, slice: FactSlice(items: contents.indicators.map(\.code), periodIDs: periodIDs, subtreeOf: unit.code),
            includeUnsubmitted: includeUnsubmitted)
        let reports = contents.tasks.isEmpty ? [] : try await taskReports(
            planCode: planCode, slice: FactSlice(periodIDs: [period.identifier], unit: unit.code), includeUnsubmitted: includeUnsubmitted)
        return EvaluationFacts(contents: contents, tree: tree, unit: unit, period: period, values: values,
                               taskReports: reports, includesUnsubmitted: includeUnsubmitted)
    }

    /// Every unit of the scheme's levels ranked within its level, with the evidence behind each
    /// criterion. Units that no longer existed in the scheme's year are left out.
    public func ranking(scheme code: String) async throws -> [(part: ScoringPart, scores: [UnitScore])] {
        guard let scheme = try await scoringScheme(code: code) else { throw StoreError.notFound("bộ chỉ số \(code)") }
        let inputs = try await scoringInputs(schemeCode: code)
        let units = try await self.units()
        let yearStart = CalendarDate(scheme.year, 1, 1)
        let yearEnd = CalendarDate(scheme.year, 12, 31)
        return scheme.parts.map { part in
            let members = units.filter { $0.kind.level == part.level && $0.overlaps(from: yearStart, to: yearEnd) }
            return (part, part.ranking(units: members.map(\.code), inputs: inputs))
        }
    }
}

/// What `Store.evaluationFacts` read for one plan, unit and period: enough to evaluate the unit
/// and any unit below it for that period.
public struct EvaluationFacts: Sendable {
    public var contents: PlanContents
    public var tree: UnitTree
    public var unit: OrgUnit
    public var period: Period
    public var values: [DataValue]
    public var taskReports: [TaskReport]
    public var includesUnsubmitted: Bool

    /// The unit's evaluation, as `Store.evaluate` returns it.
    public func evaluation(asOf: CalendarDate? = nil, readAt: Date = Date()) -> PlanEvaluation {
        var e = PlanEvaluation(plan: contents.plan, indicators: contents.indicators, tasks: contents.tasks, tree: tree,
                               unit: unit, period: period, values: values, taskReports: taskReports, asOf: asOf)
        e.reading = DataReading(readAt: readAt, includesUnsubmitted: includesUnsubmitted)
        return e
    }

    /// The units directly below, each evaluated from its own subtree's values (without tasks):
    /// the values are split once by subtree instead of being read again for every unit.
    /// Only units that existed at some time in the period.
    public func childEvaluations(indicators: [Indicator]? = nil) -> [PlanEvaluation] {
        let children = tree.children(of: unit.code).filter { $0.overlaps(from: period.start, to: period.end) }
        var branchOf: [String: Int] = [:]
        for (i, child) in children.enumerated() {
            for u in tree.subtree(of: child.code) { branchOf[u.code] = i }
        }
        var byBranch = Array(repeating: [DataValue](), count: children.count)
        for v in values {
            if let i = branchOf[v.unitCode] { byBranch[i].append(v) }
        }
        return children.enumerated().map { i, child in
            PlanEvaluation(plan: contents.plan, indicators: indicators ?? contents.indicators, tasks: [], tree: tree,
                           unit: child, period: period, values: byBranch[i], taskReports: [])
        }
    }
}
