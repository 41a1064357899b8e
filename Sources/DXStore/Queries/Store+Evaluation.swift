import DXCore
import Foundation
import FluentKit

extension Store {
    /// Evaluates a plan for a unit (the issuer's province by default) and a period, from what is
    /// stored now: figures that count (`DataStatus`), or with `includeUnsubmitted` also drafts
    /// (a coordinator's preview). `readAt` is the clock, injected so outputs can be tested.
    /// Errors name what was not found, in Vietnamese.
    public func evaluate(plan key: String, period periodID: String, unit unitCode: String? = nil,
                         unitsAsOf: CalendarDate? = nil, asOf: CalendarDate? = nil, includeUnsubmitted: Bool = false,
                         summed: Bool = false, readAt: Date = Date()) async throws -> PlanEvaluation {
        try await evaluationFacts(plan: key, period: periodID, unit: unitCode, unitsAsOf: unitsAsOf, includeUnsubmitted: includeUnsubmitted,
                                  summed: summed)
            .evaluation(asOf: asOf, readAt: readAt)
    }

    /// The facts an evaluation reads, and no others: the plan's values for the unit's subtree
    /// and the stored periods that end within the period, the period before it or the same
    /// period a year earlier (the comparisons), and the unit's own task reports of the period.
    /// `indicators` narrows the plan to some indicator codes; `allPeriods` reads every period
    /// (an indicator's trend). Pages that show more of the same facts reuse them.
    ///
    /// Units are those valid at the end of the period, or on `unitsAsOf`: a 2024 evaluation of
    /// 33 is the old Hưng Yên's, and with `unitsAsOf` 1/7/2025 the new one's, computed from its
    /// predecessors (`UnitLineage`) for the periods before it existed.
    ///
    /// `summed`: below the unit's children, subtrees are summed by the database wherever that is
    /// exact (`Store.subtreeSums`, `BelowSum`) instead of read as rows, so a national page costs
    /// one row per province, indicator and period. The figures of the unit and of its children
    /// are the same; only the drill-down below the children (`AggregatedValue.parts` of a child)
    /// is left out. Not for an indicator's trend (`allPeriods`) nor a unit with predecessors.
    public func evaluationFacts(plan key: String, period periodID: String, unit unitCode: String? = nil,
                                unitsAsOf: CalendarDate? = nil, indicators codes: [String]? = nil, allPeriods: Bool = false,
                                includeUnsubmitted: Bool = false, summed: Bool = false) async throws -> EvaluationFacts {
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
        let picked = try await pickedUnits(on: unitsAsOf ?? period.end)
        let rows = picked.rows
        var tree = try picked.tree.get()
        let code = unitCode ?? PlanEvaluation.defaultUnit(for: contents.plan, in: tree)
        guard let unit = tree[code], let unitID = picked.ids[code] else { throw StoreError.notFound("đơn vị mã \(code)") }
        let planCode = contents.plan.code
        var periodIDs: [String]?
        if !allPeriods {
            let stored = try await storedPeriodIDs(planCode: planCode)
            periodIDs = Store.periodIDs(stored, endingWithin: [period, period.previous, period.samePeriodLastYear])
        }
        let items = contents.indicators.map(\.code)
        func read(_ root: UUID) async throws -> [DataValue] {
            items.isEmpty ? [] : try await self.values(planCode: planCode, slice: FactSlice(items: items, periodIDs: periodIDs, subtreeOf: root),
                                                  includeUnsubmitted: includeUnsubmitted)
        }
        let lineage = try await lineage(of: unitID, rows: rows)
        var below: BelowSums = [:]
        var values: [DataValue] = []
        let collapsible = summed && !allPeriods && lineage == nil && !items.isEmpty
            ? Self.collapsibleChildren(of: code, tree: tree, rows: rows, ids: picked.ids) : []
        if let periodIDs, !collapsible.isEmpty {
            let found = try await subtreeSums(planCode: planCode, indicators: contents.indicators,
                                              periods: [period, period.previous, period.samePeriodLastYear], periodIDs: periodIDs,
                                              units: collapsible, includeUnsubmitted: includeUnsubmitted)
            below = found.sums
            // The unit's and its children's own rows, and the subtrees that are not summed.
            values = try await self.values(planCode: planCode, slice: FactSlice(items: items, periodIDs: periodIDs, subtreeOf: unitID,
                                                                                notBelow: collapsible.map(\.id)),
                                           includeUnsubmitted: includeUnsubmitted)
            for u in collapsible {
                guard let codes = found.rows[u.code], !codes.isEmpty else { continue }
                values += try await self.values(planCode: planCode, slice: FactSlice(items: codes, periodIDs: periodIDs, subtreeOf: u.id),
                                                includeUnsubmitted: includeUnsubmitted).filter { $0.unitCode != u.code }
            }
        } else {
            values = try await read(unitID)
        }
        if let lineage, lineage.lineage.incomparable.isEmpty {
            var subtrees: [String: (units: [OrgUnit], values: [DataValue])] = [:]
            for (p, id) in zip(lineage.lineage.predecessors, lineage.ids) {
                subtrees[p.key] = (Self.subtree(of: id, in: rows, on: p.unit.validTo ?? period.end), try await read(id))
            }
            let rates = Set(contents.indicators.filter { $0.measure == .rate }.map(\.code))
            (tree, values) = try lineage.lineage.joined(to: picked.units, values: values, unitCode: code, subtrees: subtrees,
                                                        isRate: rates.contains)
        }
        let reports = contents.tasks.isEmpty ? [] : try await taskReports(
            planCode: planCode, slice: FactSlice(periodIDs: [period.identifier], unit: unitID), includeUnsubmitted: includeUnsubmitted)
        return EvaluationFacts(contents: contents, tree: tree, unit: unit, period: period, values: values,
                               taskReports: reports, includesUnsubmitted: includeUnsubmitted, lineage: lineage?.lineage, below: below)
    }

    /// The versions a unit version took over, with their row ids in the same order; nil when it
    /// took over none.
    func lineage(of id: UUID, rows: [UnitRow]) async throws -> (lineage: UnitLineage, ids: [UUID])? {
        let links = try await UnitLinkModel.query(on: db).filter(\.$successor.$id == id).all()
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        guard !links.isEmpty, let me = byID[id], let since = me.from else { return nil }
        var predecessors: [UnitLineage.Predecessor] = [], ids: [UUID] = []
        for l in links.sorted(by: { (byID[$0.$predecessor.id]?.code ?? "") < (byID[$1.$predecessor.id]?.code ?? "") }) {
            guard let r = byID[l.$predecessor.id] else { continue }
            let parent = r.parentID.flatMap { byID[$0]?.code }
            predecessors.append(UnitLineage.Predecessor(unit: r.domain(parentCode: parent),
                                                        kind: UnitChangeKind(rawValue: l.kind) ?? .merge, share: l.share))
            ids.append(l.$predecessor.id)
        }
        return (UnitLineage(since: since, predecessors: predecessors), ids)
    }

    /// A version and every version below it, one per code (the one valid on `day`), the version
    /// first: a predecessor's subtree as it was on its last day.
    static func subtree(of id: UUID, in rows: [UnitRow], on day: CalendarDate) -> [OrgUnit] {
        var childrenOf: [UUID: [UnitRow]] = [:]
        for r in rows { if let p = r.parentID { childrenOf[p, default: []].append(r) } }
        guard let root = rows.first(where: { $0.id == id }) else { return [] }
        var found: [UnitRow] = [root], queue = [id]
        while let next = queue.popLast() {
            for c in childrenOf[next] ?? [] {
                found.append(c)
                queue.append(c.id)
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
        var byCode: [String: [UnitRow]] = [:]
        for r in found.dropFirst() where r.code != root.code { byCode[r.code, default: []].append(r) }
        let kept = [root] + byCode.keys.sorted().compactMap { UnitVersionPicker.pick(byCode[$0]!, on: day, from: \.from, to: \.to) }
        return kept.map { r in
            // A parent version that lost to another of its code is still that code's place.
            r.domain(parentCode: r.id == id ? nil : r.parentID.flatMap { byID[$0]?.code })
        }
    }

    /// Every unit of the scheme's levels ranked within its level, with the evidence behind each
    /// criterion. Units that no longer existed in the scheme's year are left out.
    public func ranking(scheme code: String) async throws -> [(part: ScoringPart, scores: [UnitScore])] {
        guard let scheme = try await scoringScheme(code: code) else { throw StoreError.notFound("bộ chỉ số \(code)") }
        let inputs = try await scoringInputs(schemeCode: code)
        let yearStart = CalendarDate(scheme.year, 1, 1)
        let yearEnd = CalendarDate(scheme.year, 12, 31)
        let units = try await self.units(asOf: yearEnd)
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
    /// The units the evaluated unit took over, joined into `tree` and `values` for the periods
    /// before it existed.
    public var lineage: UnitLineage?
    /// Subtrees below the unit's children summed by the database (`evaluationFacts(summed:)`):
    /// their rows are not in `values`.
    public var below: BelowSums = [:]

    /// The unit's evaluation, as `Store.evaluate` returns it.
    public func evaluation(asOf: CalendarDate? = nil, readAt: Date = Date()) -> PlanEvaluation {
        var e = PlanEvaluation(plan: contents.plan, indicators: contents.indicators, tasks: contents.tasks, tree: tree,
                               unit: unit, period: period, values: values, taskReports: taskReports, asOf: asOf, below: below)
        e.reading = DataReading(readAt: readAt, includesUnsubmitted: includesUnsubmitted)
        if let lineage { e.lineage = LineageReading(lineage, evaluation: e, values: values, tree: tree) }
        return e
    }

    /// The unit's evaluation for another period from the same facts (the dashboard's previous
    /// period, which the facts hold as a comparison): without reading time or lineage.
    public func evaluation(in other: Period) -> PlanEvaluation {
        PlanEvaluation(plan: contents.plan, indicators: contents.indicators, tasks: contents.tasks, tree: tree,
                       unit: unit, period: other, values: values, taskReports: taskReports, below: below)
    }

    /// The units directly below, each evaluated from its own subtree's values (without tasks):
    /// the values are split once by subtree instead of being read again for every unit.
    /// Only units that existed at some time in the period.
    public func childEvaluations(indicators: [Indicator]? = nil) -> [PlanEvaluation] {
        branches().map { child, values in
            PlanEvaluation(plan: contents.plan, indicators: indicators ?? contents.indicators, tasks: [], tree: tree,
                           unit: child, period: period, values: values, taskReports: [], below: below)
        }
    }

    /// `evaluation(asOf:readAt:)` and `childEvaluations(indicators:)` at once: the units below
    /// without units of their own take the values the unit's evaluation computed for them.
    public func evaluations(asOf: CalendarDate? = nil, readAt: Date = Date(),
                            childIndicators: [Indicator]? = nil) -> (unit: PlanEvaluation, children: [PlanEvaluation]) {
        var (e, children) = PlanEvaluation.withChildren(
            plan: contents.plan, indicators: contents.indicators, tasks: contents.tasks, tree: tree, unit: unit, period: period,
            values: values, taskReports: taskReports, asOf: asOf, below: below, children: branches(), childIndicators: childIndicators)
        e.reading = DataReading(readAt: readAt, includesUnsubmitted: includesUnsubmitted)
        if let lineage { e.lineage = LineageReading(lineage, evaluation: e, values: values, tree: tree) }
        return (e, children)
    }

    /// The units directly below that existed at some time in the period, each with the values
    /// of its subtree.
    private func branches() -> [(unit: OrgUnit, values: [DataValue])] {
        // Predecessors joined for the comparisons are not units to drill into.
        let children = tree.children(of: unit.code).filter {
            $0.overlaps(from: period.start, to: period.end) && !(lineage?.isPredecessorKey($0.code) ?? false)
        }
        var branchOf: [String: Int] = [:]
        for (i, child) in children.enumerated() {
            for u in tree.subtree(of: child.code) { branchOf[u.code] = i }
        }
        var byBranch = Array(repeating: [DataValue](), count: children.count)
        for v in values {
            if let i = branchOf[v.unitCode] { byBranch[i].append(v) }
        }
        return Array(zip(children, byBranch))
    }
}
