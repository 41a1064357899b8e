import DXCore
import Foundation

extension Store {
    /// Evaluates a plan for a unit (the issuer's province by default) and a period, from what is
    /// stored now: figures that count (`DataStatus`), or with `includeUnsubmitted` also drafts
    /// (a coordinator's preview). `readAt` is the clock, injected so outputs can be tested.
    /// Errors name what was not found, in Vietnamese.
    public func evaluate(plan key: String, period periodID: String, unit unitCode: String? = nil,
                         asOf: CalendarDate? = nil, includeUnsubmitted: Bool = false, readAt: Date = Date()) async throws -> PlanEvaluation {
        let period: Period
        do {
            period = try Period.parse(periodID)
        } catch {
            throw StoreError.invalid(String(describing: error))
        }
        guard let contents = try await planContents(slugOrCode: key) else {
            throw StoreError.notFound("kế hoạch \(key)")
        }
        let tree = try await unitTree()
        let code = unitCode ?? PlanEvaluation.defaultUnit(for: contents.plan, in: tree)
        guard let unit = tree[code] else { throw StoreError.notFound("đơn vị mã \(code)") }
        var evaluation = PlanEvaluation(
            plan: contents.plan, indicators: contents.indicators, tasks: contents.tasks, tree: tree, unit: unit,
            period: period, values: try await values(planCode: contents.plan.code, includeUnsubmitted: includeUnsubmitted),
            taskReports: try await taskReports(planCode: contents.plan.code, includeUnsubmitted: includeUnsubmitted), asOf: asOf)
        evaluation.reading = DataReading(readAt: readAt, includesUnsubmitted: includeUnsubmitted)
        return evaluation
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
