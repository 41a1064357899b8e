import DXCore
import FluentKit
import Foundation

/// One expected unit of a round: its workflow state and version.
public struct RoundUnitStatus: Sendable, Hashable {
    public var unit: OrgUnit
    public var state: ReportState
    public var version: Int
    public var deadline: CalendarDate
    public var narrative: [String: String]
    public var firstSubmittedAt: Date?
    public var submittedAt: Date?
    public var approvedAt: Date?
    public var late: Bool
    public var returnComment: String?
    public var updatedAt: Date?
    public var updatedBy: String?
}

extension Store {
    /// Opens a round for `unitCodes` (already resolved from a selection), each with the
    /// deadline of its level. All or nothing.
    public func createRound(_ r: ReportingRound, unitCodes: [String], by actor: Actor) async throws -> ReportingRound {
        let problems = r.problems()
        if let first = problems.first { throw StoreError.invalid(first.message) }
        guard !unitCodes.isEmpty else { throw StoreError.invalid("Chưa chọn đơn vị nào phải báo cáo.") }
        return try await db.transaction { tx in
            let s = Store(tx)
            if try await RoundModel.query(on: tx).filter(\.$code == r.code).first() != nil {
                throw StoreError.conflict("Mã đợt báo cáo \"\(r.code)\" đã tồn tại.")
            }
            for p in r.planCodes where try await PlanModel.query(on: tx).filter(\.$code == p).first() == nil {
                throw StoreError.invalid("Không có kế hoạch \(p).")
            }
            let row = RoundModel()
            row.code = r.code
            row.title = VNText.clean(r.title)
            row.period = r.periodID
            row.planCodes = JSONList.encode(r.planCodes)
            for f in r.formCodes where try await TableFormModel.query(on: tx).filter(\.$code == f).first() == nil {
                throw StoreError.invalid("Không có biểu mẫu \(f).")
            }
            row.formCodes = JSONList.encode(r.formCodes)
            row.indicatorScope = r.indicatorScope.rawValue
            row.taskScope = r.taskScope.rawValue
            row.narrativeSections = JSONList.encode(r.narrativeSections.map(VNText.clean))
            row.deadlines = JSONMap.encode(Dictionary(uniqueKeysWithValues: r.deadlines.map { ($0.key.rawValue, $0.value.iso) }))
            row.defaultDeadline = r.defaultDeadline.iso
            row.lockDate = r.lockDate?.iso
            row.changeFactor = r.changeFactor
            row.closed = r.closed
            row.unitApproval = r.unitApproval
            row.ownerUnitCode = r.ownerUnitCode
            row.reminderDays = r.reminderDays.map(String.init).joined(separator: ",")
            row.createdBy = actor.username
            row.createdAt = Date()
            try await row.create(on: tx)
            // The units its period's last day knows: after 1/7/2025, the new communes.
            let day = r.period?.end
            let units = try await s.units(asOf: day)
            let byCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
            let ids = try await s.unitIDs(asOf: day)
            var listed: [UUID] = []
            for code in unitCodes {
                guard let u = byCode[code], let uid = ids[code] else { throw StoreError.invalid("Không có đơn vị mã \(code).") }
                let ru = RoundUnitModel()
                ru.$round.id = try row.requireID()
                ru.$unit.id = uid
                ru.deadline = r.deadline(for: u.kind.level).iso
                ru.state = ReportState.notStarted.rawValue
                ru.version = 0
                ru.narrative = "{}"
                ru.late = false
                try await ru.create(on: tx)
                listed.append(uid)
            }
            // Listed units' figures count only once their report is submitted.
            try await s.refreshRollups(RollupScope(planCodes: r.planCodes, periodIDs: [r.periodID], below: listed))
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, roundCode: r.code, subject: "round",
                                               subjectCode: r.code, field: "created", old: nil,
                                               new: "\(r.periodID) · \(r.planCodes.joined(separator: ", ")) · \(unitCodes.count) đơn vị"))
            return row.domain()
        }
    }

    public func setRoundClosed(_ round: ReportingRound, closed: Bool, by actor: Actor) async throws {
        guard let id = round.id, let row = try await RoundModel.find(id, on: db) else { throw StoreError.notFound("đợt báo cáo") }
        guard row.closed != closed else { return }
        row.closed = closed
        try await row.update(on: db)
        try await appendAudit(AuditEntry(username: actor.username, ip: actor.ip, roundCode: round.code, subject: "round",
                                         subjectCode: round.code, field: "closed", old: String(!closed), new: String(closed)))
    }

    public func roundUnitStatus(_ round: ReportingRound, unitCode: String) async throws -> RoundUnitStatus? {
        try await roundUnitStatusRow(round, unitCode: unitCode)?.status
    }

    /// `roundUnitRow` for reading: a raw row, as every data-entry page reads it.
    func roundUnitStatusRow(_ round: ReportingRound, unitCode: String) async throws -> (unitID: UUID, status: RoundUnitStatus)? {
        guard let id = round.id else { return nil }
        let versions = try await versionIDs(code: unitCode)
        guard !versions.isEmpty,
              let r = try await sql.raw("""
                  SELECT \(Self.roundUnitColumns) FROM round_units ru WHERE ru.round_id = \(bind: id) AND ru.unit_id IN (\(binds: versions)) LIMIT 1
                  """).first() else { return nil }
        let unitID = try r.decode(column: "unit_id", as: UUID.self)
        guard let unit = try await unitsByID()[unitID] else { return nil }
        return (unitID, try Self.roundUnitStatus(r, unit: unit))
    }

    func roundUnitRow(_ round: ReportingRound, unitCode: String) async throws -> RoundUnitModel? {
        guard let id = round.id else { return nil }
        // Of the code's versions, the one this round expects (a round has one per code); one
        // statement, as a save inside its transaction has no kept unit list to ask.
        return try await RoundUnitModel.query(on: db).join(UnitModel.self, on: \RoundUnitModel.$unit.$id == \UnitModel.$id)
            .filter(\.$round.$id == id).filter(UnitModel.self, \.$code == unitCode).first()
    }

    /// The completeness list, with the active reporting accounts of each unit for reminders.
    public func completeness(_ round: ReportingRound) async throws -> [CompletenessEntry] {
        let statuses = try await roundUnitStatuses(round)
        var contacts: [String: [String]] = [:]
        for r in try await sql.raw("""
            SELECT u.username, n.code FROM users u JOIN units n ON n.id = u.unit_id
            WHERE u.disabled = \(bind: false) AND u.role IN (\(bind: Role.reporter.rawValue), \(bind: Role.approver.rawValue))
            """).all() {
            contacts[try r.decode(column: "code", as: String.self), default: []].append(try r.decode(column: "username", as: String.self))
        }
        return statuses.map {
            CompletenessEntry(unitCode: $0.unit.code, unitName: $0.unit.name, unitKind: $0.unit.kind, state: $0.state,
                              deadline: $0.deadline, submittedAt: $0.firstSubmittedAt ?? $0.submittedAt, late: $0.late,
                              version: $0.version, contacts: (contacts[$0.unit.code] ?? []).sorted())
        }
    }
}

extension RoundModel {
    func domain() -> ReportingRound {
        var deadlines: [AdminLevel: CalendarDate] = [:]
        for (k, v) in JSONMap.decode(self.deadlines) {
            if let l = AdminLevel(rawValue: k), let d = CalendarDate(iso: v) { deadlines[l] = d }
        }
        return ReportingRound(
            id: id, code: code, title: title, periodID: period, planCodes: JSONList.decode(planCodes),
            formCodes: JSONList.decode(formCodes), indicatorScope: IndicatorScope(rawValue: indicatorScope) ?? .all, taskScope: TaskScope(rawValue: taskScope) ?? .none,
            narrativeSections: JSONList.decode(narrativeSections), deadlines: deadlines,
            defaultDeadline: CalendarDate(iso: defaultDeadline) ?? CalendarDate(2000, 1, 1),
            lockDate: lockDate.flatMap(CalendarDate.init(iso:)), changeFactor: changeFactor, closed: closed,
            unitApproval: unitApproval, ownerUnitCode: ownerUnitCode,
            reminderDays: ReminderDays.parse(reminderDays).days)
    }
}

extension RoundUnitModel {
    func status(unit: OrgUnit) -> RoundUnitStatus {
        RoundUnitStatus(
            unit: unit, state: ReportState(rawValue: state) ?? .draft, version: version,
            deadline: CalendarDate(iso: deadline) ?? CalendarDate(2000, 1, 1), narrative: JSONMap.decode(narrative),
            firstSubmittedAt: firstSubmittedAt, submittedAt: submittedAt, approvedAt: approvedAt, late: late,
            returnComment: returnComment, updatedAt: updatedAt, updatedBy: updatedBy)
    }
}

enum JSONMap {
    static func encode(_ map: [String: String]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: (try? e.encode(map)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
