import DXCore
import Foundation
import SQLKit

/// Rounds and their units' states read from raw rows by column name. Every signed-in page
/// reads them (the data-entry page its round and history, the dashboard the round of its
/// period and its completeness); Fluent's models find their eighteen fields by reflection on
/// every row, which cost more than the rest of the read.
extension Store {
    static let roundColumns: SQLQueryString = """
        r.id, r.code, r.title, r.period, r.plan_codes, r.form_codes, r.indicator_scope, r.task_scope, r.narrative_sections,
        r.deadlines, r.default_deadline, r.lock_date, r.change_factor, r.closed, r.unit_approval, r.owner_unit_code, r.reminder_days
        """

    static let roundUnitColumns: SQLQueryString = """
        ru.unit_id, ru.deadline, ru.state, ru.version, ru.narrative, ru.first_submitted_at, ru.submitted_at, ru.late,
        ru.approved_at, ru.return_comment, ru.updated_at, ru.updated_by
        """

    static func round(_ r: any SQLRow) throws -> ReportingRound {
        var deadlines: [AdminLevel: CalendarDate] = [:]
        for (k, v) in JSONMap.decode(try r.decode(column: "deadlines", as: String.self)) {
            if let l = AdminLevel(rawValue: k), let d = CalendarDate(iso: v) { deadlines[l] = d }
        }
        return ReportingRound(
            id: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
            title: try r.decode(column: "title", as: String.self), periodID: try r.decode(column: "period", as: String.self),
            planCodes: JSONList.decode(try r.decode(column: "plan_codes", as: String.self)),
            formCodes: JSONList.decode(try r.decode(column: "form_codes", as: String.self)),
            indicatorScope: IndicatorScope(rawValue: try r.decode(column: "indicator_scope", as: String.self)) ?? .all,
            taskScope: TaskScope(rawValue: try r.decode(column: "task_scope", as: String.self)) ?? .none,
            narrativeSections: JSONList.decode(try r.decode(column: "narrative_sections", as: String.self)), deadlines: deadlines,
            defaultDeadline: CalendarDate(iso: try r.decode(column: "default_deadline", as: String.self)) ?? CalendarDate(2000, 1, 1),
            lockDate: try r.decode(column: "lock_date", as: String?.self).flatMap(CalendarDate.init(iso:)),
            changeFactor: try r.decode(column: "change_factor", as: Double.self), closed: try r.decode(column: "closed", as: Bool.self),
            unitApproval: try r.decode(column: "unit_approval", as: Bool.self),
            ownerUnitCode: try r.decode(column: "owner_unit_code", as: String?.self),
            reminderDays: ReminderDays.parse(try r.decode(column: "reminder_days", as: String.self)).days)
    }

    static func roundUnitStatus(_ r: any SQLRow, unit: OrgUnit) throws -> RoundUnitStatus {
        RoundUnitStatus(
            unit: unit, state: ReportState(rawValue: try r.decode(column: "state", as: String.self)) ?? .draft,
            version: try r.decode(column: "version", as: Int.self),
            deadline: CalendarDate(iso: try r.decode(column: "deadline", as: String.self)) ?? CalendarDate(2000, 1, 1),
            narrative: JSONMap.decode(try r.decode(column: "narrative", as: String.self)),
            firstSubmittedAt: try r.decode(column: "first_submitted_at", as: Date?.self),
            submittedAt: try r.decode(column: "submitted_at", as: Date?.self),
            approvedAt: try r.decode(column: "approved_at", as: Date?.self), late: try r.decode(column: "late", as: Bool.self),
            returnComment: try r.decode(column: "return_comment", as: String?.self),
            updatedAt: try r.decode(column: "updated_at", as: Date?.self), updatedBy: try r.decode(column: "updated_by", as: String?.self))
    }

    public func rounds() async throws -> [ReportingRound] {
        try await sql.raw("SELECT \(Self.roundColumns) FROM rounds r ORDER BY r.created_at DESC").all().map(Self.round)
    }

    /// A round by its id or its code.
    public func round(_ key: String) async throws -> ReportingRound? {
        if let id = UUID(uuidString: key),
           let r = try await sql.raw("SELECT \(Self.roundColumns) FROM rounds r WHERE r.id = \(bind: id)").first() {
            return try Self.round(r)
        }
        return try await sql.raw("SELECT \(Self.roundColumns) FROM rounds r WHERE r.code = \(bind: key)").first().map(Self.round)
    }

    /// Every expected unit of a round with its state, in the order of the unit list.
    public func roundUnitStatuses(_ round: ReportingRound) async throws -> [RoundUnitStatus] {
        guard let id = round.id else { return [] }
        // Each row keeps the unit version it was opened for: a closed unit's round still reads
        // as that unit, whatever its code names today.
        let units = try await unitsByID()
        return try await sql.raw("SELECT \(Self.roundUnitColumns) FROM round_units ru WHERE ru.round_id = \(bind: id)").all()
            .compactMap { r in try units[r.decode(column: "unit_id", as: UUID.self)].map { try Self.roundUnitStatus(r, unit: $0) } }
            .sorted { ($0.unit.kind.sortOrder, $0.unit.code) < ($1.unit.kind.sortOrder, $1.unit.code) }
    }

    /// The rounds a unit was expected in, newest first, with its state in each: its history.
    public func roundHistory(unitCode: String) async throws -> [(round: ReportingRound, status: RoundUnitStatus)] {
        guard let uid = try await versionIDs(code: unitCode).first,
              let u = try await unit(code: unitCode) else { return [] }
        return try await sql.raw("""
            SELECT \(Self.roundColumns), \(Self.roundUnitColumns) FROM round_units ru JOIN rounds r ON r.id = ru.round_id
            WHERE ru.unit_id = \(bind: uid)
            """).all().map { (try Self.round($0), try Self.roundUnitStatus($0, unit: u)) }
            .sorted { ($0.round.period ?? .year(1000)) > ($1.round.period ?? .year(1000)) }
    }
}
