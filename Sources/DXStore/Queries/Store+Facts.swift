import DXCore
import FluentKit
import Foundation

extension Store {
    /// Reported values of a plan, optionally for one period: those that count (`DataStatus`),
    /// or with `includeUnsubmitted` also drafts and reports not yet sent up.
    public func values(planCode: String, periodID: String? = nil, includeUnsubmitted: Bool = false) async throws -> [DataValue] {
        guard let plan = try await PlanModel.query(on: db).filter(\.$code == planCode).first() else { return [] }
        let indicators = try await IndicatorModel.query(on: db).filter(\.$plan.$id == plan.requireID()).all()
        let codeByID = Dictionary(uniqueKeysWithValues: indicators.compactMap { i in i.id.map { ($0, i.code) } })
        guard !codeByID.isEmpty else { return [] }
        let units = try await unitCodesByID()
        var q = DataValueModel.query(on: db).filter(\.$indicator.$id ~~ Array(codeByID.keys))
        if let p = periodID { q = q.filter(\.$period == p) }
        let status = includeUnsubmitted ? nil : try await dataStatus(plan: planCode, periodID: periodID)
        let all = try await q.all().map { r in
            DataValue(
                planCode: planCode, indicatorCode: codeByID[r.$indicator.id] ?? "", unitCode: units[r.$unit.id] ?? "",
                periodID: r.period, numerator: r.numerator, denominator: r.denominator, value: r.value,
                text: r.text, judgement: r.judgement.flatMap(Judgement.init(rawValue:)), comment: r.comment,
                author: r.author, updatedAt: r.updatedAt)
        }
        return status?.counted(all) ?? all
    }

    /// Task reports of a plan, filtered like `values`.
    public func taskReports(planCode: String, periodID: String? = nil, includeUnsubmitted: Bool = false) async throws -> [TaskReport] {
        guard let plan = try await PlanModel.query(on: db).filter(\.$code == planCode).first() else { return [] }
        let tasks = try await TaskModel.query(on: db).filter(\.$plan.$id == plan.requireID()).all()
        let codeByID = Dictionary(uniqueKeysWithValues: tasks.compactMap { t in t.id.map { ($0, t.code) } })
        guard !codeByID.isEmpty else { return [] }
        let units = try await unitCodesByID()
        var q = TaskReportModel.query(on: db).filter(\.$task.$id ~~ Array(codeByID.keys))
        if let p = periodID { q = q.filter(\.$period == p) }
        let status = includeUnsubmitted ? nil : try await dataStatus(plan: planCode, periodID: periodID)
        let all = try await q.all().map { r in
            TaskReport(
                planCode: planCode, taskCode: codeByID[r.$task.id] ?? "", unitCode: units[r.$unit.id] ?? "",
                periodID: r.period, status: TaskStatus(rawValue: r.status) ?? .other, percent: r.percent,
                result: r.result, note: r.note, author: r.author, updatedAt: r.updatedAt)
        }
        return status?.counted(all) ?? all
    }

    /// Periods that have any reported fact for a plan, latest first; a period whose figures are
    /// all still drafts is listed too, so that a preview can be asked for it.
    public func reportedPeriods(planCode: String) async throws -> [Period] {
        let ids = Set(try await values(planCode: planCode, includeUnsubmitted: true).map(\.periodID))
            .union(try await taskReports(planCode: planCode, includeUnsubmitted: true).map(\.periodID))
        return ids.compactMap { try? Period.parse($0) }.sorted(by: >)
    }

    public func documents() async throws -> [OfficialDocument] {
        let codes = try await unitCodesByID()
        return try await DocumentModel.query(on: db).all().map {
            OfficialDocument(
                number: $0.number, summary: $0.summary, issued: $0.issued.flatMap(CalendarDate.init(iso:)),
                issuer: $0.issuer, issuerUnitCode: $0.$issuerUnit.id.flatMap { codes[$0] }, signer: $0.signer)
        }.sorted { ($0.issued?.iso ?? "", $0.number) < ($1.issued?.iso ?? "", $1.number) }
    }
}
