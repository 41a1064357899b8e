import DXCore
import FluentKit
import Foundation

extension Store {
    /// The round memberships that decide which figures count (`DataStatus`), read from the
    /// rounds and their unit reports as they stand now: the rule is applied on every read, so a
    /// submission, a return or an approval changes the outputs at once. `plan` or `form` narrows
    /// the rounds read; the filtering is done in Swift so that SQLite and PostgreSQL agree.
    public func dataStatus(plan: String? = nil, form: String? = nil, periodID: String? = nil) async throws -> DataStatus {
        var q = RoundModel.query(on: db)
        if let periodID { q = q.filter(\.$period == periodID) }
        let rounds = try await q.all().filter { r in
            (plan.map { JSONList.decode(r.planCodes).contains($0) } ?? true)
                && (form.map { JSONList.decode(r.formCodes).contains($0) } ?? true)
        }
        guard !rounds.isEmpty else { return DataStatus([]) }
        var byID: [UUID: RoundModel] = [:]
        for r in rounds { if let id = r.id { byID[id] = r } }
        let codes = try await unitCodesByID()
        let rows = try await RoundUnitModel.query(on: db).filter(\.$round.$id ~~ Array(byID.keys)).all()
        return DataStatus(rows.compactMap { row in
            guard let round = byID[row.$round.id], let unit = codes[row.$unit.id] else { return nil }
            return RoundMembership(periodID: round.period, planCodes: Set(JSONList.decode(round.planCodes)),
                                   formCodes: Set(JSONList.decode(round.formCodes)), unitCode: unit,
                                   state: ReportState(rawValue: row.state) ?? .draft)
        })
    }
}
