import DXCore
import FluentKit
import Foundation
import SQLKit

/// An indicator in a unit's report: what is stored now and what the period before holds.
public struct ReportIndicator: Sendable {
    public var plan: Plan
    public var indicator: Indicator
    public var entry: IndicatorEntry?
    public var previous: IndicatorEntry?
    public var key: ItemKey { ItemKey(plan: plan.code, code: indicator.code) }
}

public struct ReportTask: Sendable {
    public var plan: Plan
    public var task: PlanTask
    public var entry: TaskEntry?
    public var key: ItemKey { ItemKey(plan: plan.code, code: task.code) }
}

/// One unit's report in one round.
public struct UnitReport: Sendable {
    public var round: ReportingRound
    public var status: RoundUnitStatus
    public var indicators: [ReportIndicator]
    public var tasks: [ReportTask]
    /// The table forms of the round this unit fills.
    public var forms: [ReportFormPart]
    public var previousPeriod: Period?

    public func indicator(_ key: ItemKey) -> ReportIndicator? { indicators.first { $0.key == key } }
    public func task(_ key: ItemKey) -> ReportTask? { tasks.first { $0.key == key } }

    /// The report as a save of `patch` on it leaves it, as `Store.saveReport` writes it, without
    /// reading it again (on PostgreSQL three round trips of a save's answer). Nil when the patch
    /// touches table forms, whose rows the store computes: read the report again.
    public func saved(_ patch: ReportPatch, outcome: SaveOutcome, by username: String, at now: Date) -> UnitReport? {
        guard case .saved(let version, _) = outcome else { return self }
        guard patch.forms.isEmpty else { return nil }
        var r = self
        for n in r.indicators.indices {
            if let e = patch.values[r.indicators[n].key] { r.indicators[n].entry = e.isEmpty ? nil : e }
        }
        for n in r.tasks.indices {
            if let e = patch.tasks[r.tasks[n].key] { r.tasks[n].entry = e.isEmpty ? nil : e.stored }
        }
        for (section, text) in patch.narrative {
            let new = ReportPatch.storedNarrative(text)
            r.status.narrative[section] = new.isEmpty ? nil : new
        }
        r.status.version = version
        if r.status.state == .notStarted { r.status.state = .draft }
        r.status.updatedAt = now
        r.status.updatedBy = username
        return r
    }
}

extension ReportPatch {
    /// A narrative section's text as stored: NFC, trimmed; empty removes the section.
    static func storedNarrative(_ text: String) -> String {
        VNText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension TaskEntry {
    /// As stored: a report row needs a status, so an entry with only text is kept as "other"
    /// until one is chosen.
    var stored: TaskEntry {
        var e = self
        e.status = e.status ?? .other
        return e
    }
}

public enum SaveOutcome: Sendable, Equatable {
    case unchanged(version: Int)
    case saved(version: Int, changes: Int)

    public var version: Int {
        switch self {
        case .unchanged(let v), .saved(let v, _): v
        }
    }
}

/// A save or transition based on a version that is no longer current; carries what others
/// changed since, from the audit trail.
public struct ReportConflict: Error, Sendable, CustomStringConvertible {
    public var baseVersion: Int
    public var currentVersion: Int
    public var changes: [AuditEntry]
    public var description: String {
        "Báo cáo đã được người khác thay đổi (phiên bản \(baseVersion) → \(currentVersion)). Tải lại để xem thay đổi trước khi lưu."
    }
}

extension Store {
    public func unitReport(_ round: ReportingRound, unitCode: String) async throws -> UnitReport? {
        guard let (unitID, status) = try await roundUnitStatusRow(round, unitCode: unitCode) else { return nil }
        // The tree of the round's period: a closed unit's report still reads as it was.
        let tree = try await unitTree(asOf: round.period?.end)
        let plans = try await plansWithIDs(round.planCodes)
        let contents = plans.map(\.contents)
        let assignment = Assignment.make(
            unit: unitCode, plans: contents.map { ($0.plan, $0.indicators, $0.tasks) },
            indicatorScope: round.indicatorScope, taskScope: round.taskScope, tree: tree)
        let previous = round.period?.previous
        let planCodes = plans.map(\.contents.plan.code)
        // Item ids are unique across plans: one read of the unit's entries for all of them.
        var indicatorOf: [UUID: ItemKey] = [:], taskOf: [UUID: ItemKey] = [:]
        for p in plans {
            for (code, id) in p.indicatorIDs { indicatorOf[id] = ItemKey(plan: p.contents.plan.code, code: code) }
            for (code, id) in p.taskIDs { taskOf[id] = ItemKey(plan: p.contents.plan.code, code: code) }
        }
        var now: [ItemKey: IndicatorEntry] = [:], before: [ItemKey: IndicatorEntry] = [:], done: [ItemKey: TaskEntry] = [:]
        // Each kind is read only when the unit reports some of it (a round without tasks is common).
        if !assignment.indicators.isEmpty {
            // Raw rows: this page is the one every reporter opens, and model decoding by
            // reflection cost more than the read.
            for r in try await sql.raw("""
                SELECT d.indicator_id, d.period, d.numerator, d.denominator, d.value, d.judgement, d.text, d.comment
                FROM data_values d JOIN indicators i ON i.id = d.indicator_id JOIN plans p ON p.id = i.plan_id
                WHERE d.unit_id = \(bind: unitID) AND p.code IN (\(binds: planCodes))
                AND d.period IN (\(bind: round.periodID), \(bind: previous?.identifier ?? round.periodID))
                """).all() {
                guard let key = indicatorOf[try r.decode(column: "indicator_id", as: UUID.self)] else { continue }
                let entry = IndicatorEntry(
                    numerator: try r.decode(column: "numerator", as: Double?.self), denominator: try r.decode(column: "denominator", as: Double?.self),
                    value: try r.decode(column: "value", as: Double?.self),
                    judgement: try r.decode(column: "judgement", as: String?.self).flatMap(Judgement.init(rawValue:)),
                    text: try r.decode(column: "text", as: String?.self), comment: try r.decode(column: "comment", as: String?.self))
                if try r.decode(column: "period", as: String.self) == round.periodID { now[key] = entry } else { before[key] = entry }
            }
        }
        if !assignment.tasks.isEmpty {
            for r in try await sql.raw("""
                SELECT t.task_id, t.status, t.percent, t.result, t.evidence, t.note
                FROM task_reports t JOIN tasks k ON k.id = t.task_id JOIN plans p ON p.id = k.plan_id
                WHERE t.unit_id = \(bind: unitID) AND p.code IN (\(binds: planCodes)) AND t.period = \(bind: round.periodID)
                """).all() {
                guard let key = taskOf[try r.decode(column: "task_id", as: UUID.self)] else { continue }
                done[key] = TaskEntry(status: TaskStatus(rawValue: try r.decode(column: "status", as: String.self)),
                                      percent: try r.decode(column: "percent", as: Double?.self),
                                      result: try r.decode(column: "result", as: String?.self),
                                      evidence: try r.decode(column: "evidence", as: String?.self),
                                      note: try r.decode(column: "note", as: String?.self))
            }
        }
        var indicators: [ReportIndicator] = []
        var tasks: [ReportTask] = []
        for code in planCodes {
            for (plan, i) in assignment.indicators where plan.code == code {
                let key = ItemKey(plan: code, code: i.code)
                indicators.append(ReportIndicator(plan: plan, indicator: i, entry: now[key], previous: before[key]))
            }
            for (plan, t) in assignment.tasks where plan.code == code {
                tasks.append(ReportTask(plan: plan, task: t, entry: done[ItemKey(plan: code, code: t.code)]))
            }
        }
        let forms = try await reportForms(round, unit: status.unit, unitID: unitID)
        return UnitReport(round: round, status: status, indicators: indicators, tasks: tasks, forms: forms, previousPeriod: previous)
    }

    /// Saves the entries of a patch in one transaction. Nothing that equals what is stored is
    /// written, so repeating a save changes nothing and keeps the version. A real change on a
    /// stale `baseVersion` is refused with the changes made since.
    public func saveReport(_ round: ReportingRound, unitCode: String, patch: ReportPatch, baseVersion: Int,
                           by actor: Actor, now: Date = Date()) async throws -> SaveOutcome {
        try await db.transaction { tx in
            try await Store(tx).writeReport(round, unitCode: unitCode, patch: patch, baseVersion: baseVersion, actor: actor, now: now)
        }
    }

    private struct Change {
        var subject: String
        var plan: String?
        var code: String?
        var field: String
        var old: String?
        var new: String?
    }

    private func writeReport(_ round: ReportingRound, unitCode: String, patch: ReportPatch, baseVersion: Int,
                             actor: Actor, now: Date) async throws -> SaveOutcome {
        guard let row = try await roundUnitRow(round, unitCode: unitCode) else {
            throw StoreError.notFound("báo cáo của đơn vị \(unitCode) trong đợt \(round.code)")
        }
        let unitID = row.$unit.id
        var changes: [Change] = []
        var valueWrites: [(UUID, DataValueModel?, IndicatorEntry)] = []
        var taskWrites: [(UUID, TaskReportModel?, TaskEntry)] = []

        // The rows a patch touches, read in one statement per kind: a form's save sends every field.
        // Each plan's ids once: inside the transaction there is no kept plan to ask, and a
        // form's save names a hundred indicators of one plan.
        var indicatorIDs: [ItemKey: UUID] = [:], taskIDs: [ItemKey: UUID] = [:]
        var plansIndicators: [String: [String: UUID]] = [:], plansTasks: [String: [String: UUID]] = [:]
        for key in patch.values.keys.sorted() {
            if plansIndicators[key.plan] == nil { plansIndicators[key.plan] = try await self.indicatorIDs(planCode: key.plan) }
            guard let id = plansIndicators[key.plan]?[key.code] else {
                throw StoreError.invalid("Kế hoạch \(key.plan) không có chỉ tiêu \(key.code).")
            }
            indicatorIDs[key] = id
        }
        for key in patch.tasks.keys.sorted() {
            if plansTasks[key.plan] == nil { plansTasks[key.plan] = try await self.taskIDs(planCode: key.plan) }
            guard let id = plansTasks[key.plan]?[key.code] else {
                throw StoreError.invalid("Kế hoạch \(key.plan) không có nhiệm vụ \(key.code).")
            }
            taskIDs[key] = id
        }
        var storedValues: [UUID: DataValueModel] = [:], storedTasks: [UUID: TaskReportModel] = [:]
        if !indicatorIDs.isEmpty {
            for r in try await DataValueModel.query(on: db).filter(\.$indicator.$id ~~ Array(indicatorIDs.values))
                .filter(\.$unit.$id == unitID).filter(\.$period == round.periodID).all() {
                storedValues[r.$indicator.id] = r
            }
        }
        if !taskIDs.isEmpty {
            for r in try await TaskReportModel.query(on: db).filter(\.$task.$id ~~ Array(taskIDs.values))
                .filter(\.$unit.$id == unitID).filter(\.$period == round.periodID).all() {
                storedTasks[r.$task.id] = r
            }
        }
        for (key, entry) in patch.values.sorted(by: { $0.key < $1.key }) {
            let indID = indicatorIDs[key]!
            let existing = storedValues[indID]
            let old = existing?.entry ?? IndicatorEntry()
            let diffs = old.differences(to: entry)
            guard !diffs.isEmpty else { continue }
            changes += diffs.map { Change(subject: "indicator", plan: key.plan, code: key.code, field: $0.0, old: $0.1, new: $0.2) }
            valueWrites.append((indID, existing, entry))
        }
        for (key, entry) in patch.tasks.sorted(by: { $0.key < $1.key }) {
            let taskID = taskIDs[key]!
            let existing = storedTasks[taskID]
            let old = existing?.entry ?? TaskEntry()
            let diffs = old.differences(to: entry)
            guard !diffs.isEmpty else { continue }
            changes += diffs.map { Change(subject: "task", plan: key.plan, code: key.code, field: $0.0, old: $0.1, new: $0.2) }
            taskWrites.append((taskID, existing, entry))
        }
        let formWrites = try await formRowChanges(round, unitCode: unitCode, unitID: unitID, patch: patch.forms)
        for w in formWrites {
            changes += w.differences.map { Change(subject: "form", plan: nil, code: "\(w.key.form)|\(w.key.row)", field: $0.0, old: $0.1, new: $0.2) }
        }
        var narrative = JSONMap.decode(row.narrative)
        for (section, text) in patch.narrative.sorted(by: { $0.key < $1.key }) {
            let new = ReportPatch.storedNarrative(text)
            let old = narrative[section] ?? ""
            guard new != old else { continue }
            changes.append(Change(subject: "narrative", plan: nil, code: section, field: "text", old: old.isEmpty ? nil : old, new: new.isEmpty ? nil : new))
            narrative[section] = new.isEmpty ? nil : new
        }

        guard !changes.isEmpty else { return .unchanged(version: row.version) }
        guard baseVersion == row.version else {
            throw ReportConflict(baseVersion: baseVersion, currentVersion: row.version,
                                 changes: try await changesSince(round, unitCode: unitCode, version: baseVersion))
        }
        // The report's row in the statement that takes its version.
        let newVersion = try await bumpVersion(row, from: baseVersion, round: round, unitCode: unitCode, setting: [
            ("narrative", JSONMap.encode(narrative)),
            ("state", row.state == ReportState.notStarted.rawValue ? ReportState.draft.rawValue : row.state),
            ("updated_at", now), ("updated_by", actor.username),
        ])

        for (indID, existing, e) in valueWrites {
            if e.isEmpty {
                if let existing { try await existing.delete(on: db) }
                continue
            }
            let r = existing ?? DataValueModel()
            r.$indicator.id = indID
            r.$unit.id = unitID
            r.period = round.periodID
            r.numerator = e.numerator
            r.denominator = e.denominator
            r.value = e.value
            r.text = e.text
            r.judgement = e.judgement?.rawValue
            r.comment = e.comment
            r.author = actor.username
            r.updatedAt = now
            try await r.save(on: db)
        }
        for (taskID, existing, e) in taskWrites {
            if e.isEmpty {
                if let existing { try await existing.delete(on: db) }
                continue
            }
            let r = existing ?? TaskReportModel()
            r.$task.id = taskID
            r.$unit.id = unitID
            r.period = round.periodID
            r.status = (e.stored.status ?? .other).rawValue
            r.percent = e.percent
            r.result = e.result
            r.evidence = e.evidence
            r.note = e.note
            r.author = actor.username
            r.updatedAt = now
            try await r.save(on: db)
        }
        if !valueWrites.isEmpty {
            try await refreshRollups(RollupScope(indicatorIDs: valueWrites.map(\.0), periodIDs: [round.periodID], below: [unitID]))
        }
        try await writeFormRows(formWrites, unitID: unitID, period: round.periodID, author: actor.username, now: now)
        try await appendAudit(changes.map { c in
            AuditEntry(at: now, username: actor.username, ip: actor.ip, roundCode: round.code, unitCode: unitCode,
                       planCode: c.plan, subject: c.subject, subjectCode: c.code, field: c.field,
                       old: c.old, new: c.new, version: newVersion)
        })
        return .saved(version: newVersion, changes: changes.count)
    }

    /// Moves the version on only if nobody else did first: the row is locked by the UPDATE
    /// until this transaction ends, so two concurrent saves cannot both pass.
    private func bumpVersion(_ row: RoundUnitModel, from base: Int, round: ReportingRound, unitCode: String,
                             setting columns: [(String, any Encodable & Sendable)] = []) async throws -> Int {
        let id = try row.requireID()
        let update = try sql.update(RoundUnitModel.schema).set("version", to: base + 1)
        for (column, value) in columns { update.set(column, to: value) }
        let updated = try await update
            .where("id", .equal, id)
            .where("version", .equal, base)
            .returning("id")
            .all()
        guard !updated.isEmpty else {
            let current = try await RoundUnitModel.find(id, on: db)?.version ?? base
            throw ReportConflict(baseVersion: base, currentVersion: current,
                                 changes: try await changesSince(round, unitCode: unitCode, version: base))
        }
        return base + 1
    }

    public func changesSince(_ round: ReportingRound, unitCode: String, version: Int) async throws -> [AuditEntry] {
        try await AuditEntryModel.query(on: db).filter(\.$roundCode == round.code).filter(\.$unitCode == unitCode)
            .filter(\.$version > version).sort(\.$version).sort(\.$at).all().map { $0.domain() }
    }

    /// Applies a workflow action. `baseVersion`, when given, must be current. `today` decides
    /// lateness (Vietnam's day, see `CalendarDate.today`).
    public func transition(_ round: ReportingRound, unitCode: String, action: WorkflowAction, comment: String?,
                           baseVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> RoundUnitStatus {
        try await db.transaction { tx in
            let s = Store(tx)
            guard let row = try await s.roundUnitRow(round, unitCode: unitCode), let unit = try await s.unitsByID()[row.$unit.id] else {
                throw StoreError.notFound("báo cáo của đơn vị \(unitCode) trong đợt \(round.code)")
            }
            let from = ReportState(rawValue: row.state) ?? .draft
            let to = try Workflow.next(from, action, unitApproval: round.unitApproval)
            let base = baseVersion ?? row.version
            guard base == row.version else {
                throw ReportConflict(baseVersion: base, currentVersion: row.version,
                                     changes: try await s.changesSince(round, unitCode: unitCode, version: base))
            }
            let newVersion = try await s.bumpVersion(row, from: base, round: round, unitCode: unitCode)
            row.version = newVersion
            row.state = to.rawValue
            let cleanComment = comment.map { VNText.nfc($0).trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            // A report goes up when it reaches "submitted" (by the reporter, or by the head of the
            // unit in rounds with unit approval); lateness is judged then, once.
            if to == .submitted {
                row.submittedAt = now
                if row.firstSubmittedAt == nil {
                    row.firstSubmittedAt = now
                    let deadline = CalendarDate(iso: row.deadline) ?? CalendarDate.today(now: now)
                    row.late = CalendarDate.today(now: now) > deadline
                }
                row.returnComment = nil
            }
            switch action {
            case .submit:
                break
            case .approve:
                if to == .approved { row.approvedAt = now }
            case .return:
                row.returnComment = cleanComment
                row.approvedAt = nil
            case .reopen:
                row.approvedAt = nil
            }
            row.updatedAt = now
            row.updatedBy = actor.username
            try await row.update(on: tx)
            // Submitting, approving, returning or reopening may make the unit's figures count or
            // stop counting for everything above it.
            if from.isSubmitted != to.isSubmitted {
                try await s.refreshRollups(RollupScope(planCodes: round.planCodes, periodIDs: [round.periodID], below: [row.$unit.id]))
            }
            try await s.appendAudit(AuditEntry(at: now, username: actor.username, ip: actor.ip, roundCode: round.code, unitCode: unitCode,
                                               subject: "state", field: "state", old: from.rawValue, new: to.rawValue, version: newVersion))
            if let c = cleanComment {
                try await s.appendAudit(AuditEntry(at: now, username: actor.username, ip: actor.ip, roundCode: round.code, unitCode: unitCode,
                                                   subject: "state", field: "comment", old: nil, new: c, version: newVersion))
            }
            // The notices of this step go into the outbox with it: both or neither.
            try await s.enqueueWorkflowNotices(round: round, unit: unit, action: action, to: to, comment: cleanComment,
                                               version: newVersion, actor: actor, now: now)
            return row.status(unit: unit)
        }
    }
}

extension DataValueModel {
    var entry: IndicatorEntry {
        IndicatorEntry(numerator: numerator, denominator: denominator, value: value,
                       judgement: judgement.flatMap(Judgement.init(rawValue:)), text: text, comment: comment)
    }
}

extension TaskReportModel {
    var entry: TaskEntry {
        TaskEntry(status: TaskStatus(rawValue: status), percent: percent, result: result, evidence: evidence, note: note)
    }
}

/// Numbers in the audit trail: plain digits with a dot, so they read the same in every export.
func auditNumber(_ x: Double?) -> String? {
    guard let x else { return nil }
    return x.rounded() == x && abs(x) < 1e15 ? String(Int64(x)) : String(x)
}

extension IndicatorEntry {
    /// (field, old, new) for every field that differs.
    func differences(to new: IndicatorEntry) -> [(String, String?, String?)] {
        var out: [(String, String?, String?)] = []
        func cmp(_ f: String, _ a: String?, _ b: String?) { if a != b { out.append((f, a, b)) } }
        cmp("numerator", auditNumber(numerator), auditNumber(new.numerator))
        cmp("denominator", auditNumber(denominator), auditNumber(new.denominator))
        cmp("value", auditNumber(value), auditNumber(new.value))
        cmp("judgement", judgement?.rawValue, new.judgement?.rawValue)
        cmp("text", text, new.text)
        cmp("comment", comment, new.comment)
        return out
    }
}

extension TaskEntry {
    func differences(to new: TaskEntry) -> [(String, String?, String?)] {
        var out: [(String, String?, String?)] = []
        func cmp(_ f: String, _ a: String?, _ b: String?) { if a != b { out.append((f, a, b)) } }
        cmp("status", status?.rawValue, new.status?.rawValue)
        cmp("percent", auditNumber(percent), auditNumber(new.percent))
        cmp("result", result, new.result)
        cmp("evidence", evidence, new.evidence)
        cmp("note", note, new.note)
        return out
    }
}
