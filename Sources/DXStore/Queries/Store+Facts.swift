import DXCore
import FluentKit
import Foundation

extension Store {
    /// Reported values of a plan, optionally for one period: those that count (`DataStatus`),
    /// or with `includeUnsubmitted` also drafts and reports not yet sent up. Pages read a
    /// narrower `FactSlice`; this is for exports and the plan's overview.
    public func values(planCode: String, periodID: String? = nil, includeUnsubmitted: Bool = false) async throws -> [DataValue] {
        try await values(planCode: planCode, slice: FactSlice(periodIDs: periodID.map { [$0] }), includeUnsubmitted: includeUnsubmitted)
    }

    /// Task reports of a plan, filtered like `values`.
    public func taskReports(planCode: String, periodID: String? = nil, includeUnsubmitted: Bool = false) async throws -> [TaskReport] {
        try await taskReports(planCode: planCode, slice: FactSlice(periodIDs: periodID.map { [$0] }), includeUnsubmitted: includeUnsubmitted)
    }

    /// Periods that have any reported fact for a plan, latest first; a period whose figures are
    /// all still drafts is listed too, so that a preview can be asked for it.
    public func reportedPeriods(planCode: String) async throws -> [Period] {
        try await storedPeriodIDs(planCode: planCode).compactMap { try? Period.parse($0) }.sorted(by: >)
    }

    public func documents() async throws -> [OfficialDocument] {
        let codes = try await unitCodesByID()
        return try await DocumentModel.query(on: db).all().map {
            OfficialDocument(
                number: $0.number, summary: $0.summary, issued: $0.issued.flatMap(CalendarDate.init(iso:)),
                issuer: $0.issuer, issuerUnitCode: $0.$issuerUnit.id.flatMap { codes[$0] }, signer: $0.signer)
        }.sorted { ($0.issued?.iso ?? "", $0.number) < ($1.issued?.iso ?? "", $1.number) }
    }

    /// The numbers of the documents, in the order of `documents()`: what a task's report may
    /// cite, listed on every data-entry page with tasks.
    public func documentNumbers() async throws -> [String] {
        try await sql.raw("SELECT number, issued FROM documents").all().map { r in
            (number: try r.decode(column: "number", as: String.self), issued: try r.decode(column: "issued", as: String?.self))
        }.sorted { ($0.issued.flatMap(CalendarDate.init(iso:))?.iso ?? "", $0.number) < ($1.issued.flatMap(CalendarDate.init(iso:))?.iso ?? "", $1.number) }
        .map(\.number)
    }
}
