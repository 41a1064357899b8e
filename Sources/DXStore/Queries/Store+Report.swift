import DXCore
import FluentKit
import Foundation

extension Store {
    /// The official report of a period, built from the stored facts: the evaluation of the
    /// indicator plan, optionally of a task plan, the documents the unit's tier issued in the
    /// period (`DocumentScope`), the units' narratives of submitted or approved reports in rounds
    /// of the period, and one indicator by unit when the settings name one. Only figures that
    /// count (`DataStatus`) unless `includeUnsubmitted` asks for a preview, which the report
    /// then says in every format.
    /// `tasksPlan` and then `taskPlans` are the task plans of sections I.2, I.3, …; a plan that
    /// ended before the period's year is evaluated over its last year (`ReportTaskPlan.period`).
    /// The references of the settings' narrative blocks are resolved from the same counted facts.
    public func officialReport(plan key: String, period periodID: String, unit unitCode: String? = nil,
                               tasksPlan: String? = nil, taskPlans: [ReportTaskPlan] = [], settings: ReportSettings,
                               includeUnsubmitted: Bool = false, readAt: Date = Date()) async throws -> OfficialReport {
        let facts = try await evaluationFacts(plan: key, period: periodID, unit: unitCode, includeUnsubmitted: includeUnsubmitted,
                                             summed: true)
        var byUnitIndicator: Indicator?
        if let code = settings.byUnitIndicator {
            guard let indicator = facts.contents.indicators.first(where: { $0.code == code }) else {
                throw StoreError.invalid("Kế hoạch \(facts.contents.plan.code) không có chỉ tiêu \(code)")
            }
            byUnitIndicator = indicator
        }
        // The units below from the facts already read for the evaluation.
        let (indicators, children) = byUnitIndicator.map { facts.evaluations(readAt: readAt, childIndicators: [$0]) }
            ?? (facts.evaluation(readAt: readAt), [])
        var tasks: [(evaluation: PlanEvaluation, statedTotal: Int?)] = []
        for entry in (tasksPlan.map { [ReportTaskPlan(code: $0)] } ?? []) + taskPlans {
            guard let contents = try await planContents(slugOrCode: entry.code) else { throw StoreError.notFound("kế hoạch \(entry.code)") }
            let period = ReportTaskPlan.period(for: contents.plan, in: indicators.period)
            tasks.append((try await evaluate(plan: entry.code, period: period.identifier, unit: indicators.unit.code,
                                             includeUnsubmitted: includeUnsubmitted, readAt: readAt), entry.statedTotal))
        }
        var figures: FigureResolver?
        if let blocks = settings.narrativeBlocks, !blocks.isEmpty {
            figures = try await figureResolver(blocks, unit: indicators.unit, period: indicators.period, includeUnsubmitted: includeUnsubmitted)
        }
        let tree = facts.tree
        var byUnit: [(unit: OrgUnit, result: IndicatorResult)] = []
        for e in children {
            if let r = e.indicators.first, r.aggregate.hasData { byUnit.append((e.unit, r)) }
        }
        var forms: [FormTable] = []
        for code in settings.formAppendices ?? [] {
            forms.append(try await consolidatedForm(code, period: indicators.period, within: indicators.unit.code,
                                                    includeUnsubmitted: includeUnsubmitted))
        }
        let documents = try await documents().filter {
            $0.isIssued(within: indicators.unit, scope: settings.documentScope ?? .ownTier, tree: tree)
        }
        return OfficialReport.build(settings: settings, indicators: indicators, taskPlans: tasks,
                                    documents: documents, byUnit: byUnit,
                                    narratives: try await narratives(plan: indicators.plan.code, period: indicators.period),
                                    forms: forms, figures: figures)
    }

    /// A resolver holding the facts of every plan the blocks refer to, under the same data-status
    /// rule as the rest of the report (`includeUnsubmitted` only in a preview).
    public func figureResolver(_ blocks: [NarrativeBlock], unit: OrgUnit, period: Period,
                               includeUnsubmitted: Bool = false) async throws -> FigureResolver {
        var plans: [String: FigurePlan] = [:]
        for (_, part) in NarrativeBlock.references(blocks) {
            guard case .reference(let r, _) = part, plans[r.plan] == nil,
                  let contents = try await planContents(slugOrCode: r.plan) else { continue }
            let code = contents.plan.code
            plans[r.plan] = FigurePlan(plan: contents.plan, indicators: contents.indicators, tasks: contents.tasks,
                                       values: try await values(planCode: code, includeUnsubmitted: includeUnsubmitted),
                                       taskReports: try await taskReports(planCode: code, includeUnsubmitted: includeUnsubmitted))
        }
        return FigureResolver(tree: try await unitTree(), unit: unit, period: period, plans: plans)
    }

    /// References of narrative blocks that name a plan, indicator or unit that does not exist,
    /// as messages naming it (field `sectionII`); syntax and periods are `NarrativeBlock.problems`.
    public func figureProblems(_ blocks: [NarrativeBlock]) async throws -> [FieldIssue] {
        var out: [FieldIssue] = []
        var contents: [String: PlanContents?] = [:]
        let tree = try await unitTree()
        for (block, part) in NarrativeBlock.references(blocks) {
            guard case .reference(let r, let token) = part else { continue }
            let at = "Mục II.\(block): tham chiếu “\(token)”"
            if contents[r.plan] == nil { contents[r.plan] = .some(try await planContents(slugOrCode: r.plan)) }
            guard let plan = contents[r.plan] ?? nil else {
                out.append(.error("sectionII", "\(at): không có kế hoạch \(r.plan)."))
                continue
            }
            if r.kind != .tasks, !plan.indicators.contains(where: { $0.code == r.item }) {
                out.append(.error("sectionII", "\(at): kế hoạch \(plan.plan.code) không có chỉ tiêu \(r.item)."))
            }
            if let u = r.unit, tree[u] == nil {
                out.append(.error("sectionII", "\(at): không có đơn vị mã \(u)."))
            }
        }
        return out
    }

    /// What units wrote in the narrative sections of their submitted or approved reports, with
    /// the coordinator's edits applied (an emptied paragraph keeps its entry with empty text).
    public func narratives(plan: String, period: Period) async throws -> [ReportNarrative] {
        let rounds = try await RoundModel.query(on: db).filter(\.$period == period.identifier).all()
            .filter { JSONList.decode($0.planCodes).contains(plan) }
        let edits = try await NarrativeEditModel.query(on: db).filter(\.$planCode == plan).filter(\.$period == period.identifier).all()
        let edited = Dictionary(edits.map { ("\($0.unitCode)\u{1F}\($0.section)", $0.text) }, uniquingKeysWith: { a, _ in a })
        var result: [ReportNarrative] = []
        var seen: Set<String> = []
        for round in rounds {
            let rows = try await RoundUnitModel.query(on: db).filter(\.$round.$id == round.requireID()).with(\.$unit).all()
                .filter { $0.state == ReportState.submitted.rawValue || $0.state == ReportState.approved.rawValue }
                .sorted { $0.unit.name < $1.unit.name }
            for row in rows {
                for (section, text) in JSONMap.decode(row.narrative).sorted(by: { $0.key < $1.key })
                where !VNText.clean(text).isEmpty {
                    let key = "\(row.unit.code)\u{1F}\(section)"
                    guard seen.insert(key).inserted else { continue }
                    if let e = edited[key] {
                        result.append(ReportNarrative(unitCode: row.unit.code, unitName: row.unit.name, section: section, text: e, submitted: text))
                    } else {
                        result.append(ReportNarrative(unitCode: row.unit.code, unitName: row.unit.name, section: section, text: text))
                    }
                }
            }
        }
        return result
    }
}
