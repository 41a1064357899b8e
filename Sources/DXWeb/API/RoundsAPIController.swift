import DXCore
import DXStore
import Foundation
import Vapor

/// The reporting API (issue item 9). Errors are JSON: `{"error": sentence, "status": n,
/// "errors": [{"path": "values[0].numerator", "message": ..., "severity": "error"}]}`.
struct RoundsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .apiMe, use: me)
        routes.register(.GET, .apiRounds, use: rounds)
        routes.register(.GET, .apiUnitReport, use: show)
        routes.register(.PATCH, .apiUnitReport, use: patch)
        routes.register(.POST, .apiUnitReportAction, use: act)
        routes.register(.GET, .apiRoundCompleteness, use: completeness)
        routes.register(.GET, .apiAudit, use: audit)
    }

    struct UnitRef: Codable { var code, name: String }
    struct MeDTO: Codable { var username, displayName, role: String; var unit: UnitRef }

    func me(req: Request) async throws -> Response {
        let a = try req.requireAPIAccount()
        let name = try await req.store.unit(code: a.unitCode)?.name ?? a.unitCode
        return try apiJSON(MeDTO(username: a.username, displayName: a.displayName, role: a.role.rawValue, unit: UnitRef(code: a.unitCode, name: name)))
    }

    struct RoundDTO: Codable {
        var id, code, title, period, periodLabel, deadline, status: String
        var plans: [String]
        var deadlines: [String: String]
        var lockDate: String?
        var unitApproval: Bool
        /// Days before the deadline on which units that have not submitted are reminded.
        var reminderDays: [Int]
    }

    func rounds(req: Request) async throws -> Response {
        _ = try req.requireAPIAccount()
        let today = ReportRules.today
        return try apiJSON(try await req.store.rounds().map { r in
            RoundDTO(id: r.id?.uuidString ?? "", code: r.code, title: r.title, period: r.periodID,
                     periodLabel: r.period?.labelVI ?? r.periodID, deadline: r.defaultDeadline.iso,
                     status: r.closed ? "closed" : r.isLocked(on: today) ? "locked" : "open", plans: r.planCodes,
                     deadlines: Dictionary(uniqueKeysWithValues: r.deadlines.map { ($0.key.rawValue, $0.value.iso) }),
                     lockDate: r.lockDate?.iso, unitApproval: r.unitApproval, reminderDays: r.reminderDays)
        })
    }

    struct ValueDTO: Codable {
        var plan, indicator, measure: String
        var numerator, denominator, value: Double?
        var judgement, text, comment: String?
    }
    struct TaskDTO: Codable {
        var plan, task: String
        var status: String?
        var percent: Double?
        var result, evidence, note: String?
    }
    /// A row of a table form: entered cells as numbers or text, computed cells as the table
    /// computes them (null when they cannot be computed, e.g. a division by zero).
    struct FormRowDTO: Encodable {
        var form, row, label: String
        var cells: [String: PlainCell]
        var computed: [String: Double?]
    }

    /// A cell as PATCH takes it: a number, a text, or null for an empty cell (a division by
    /// zero is null too: it has no value).
    struct PlainCell: Encodable {
        var value: FormCellValue

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch value {
            case .number(let d): try c.encode(d)
            case .text(let t): try c.encode(t)
            case .empty, .divisionByZero: try c.encodeNil()
            }
        }
    }
    struct ReportDTO: Encodable {
        var round, roundId: String
        var unit: UnitRef
        var state: String
        var version: Int
        var deadline: String
        var late: Bool
        var submittedAt: Date?
        var returnComment: String?
        var values: [ValueDTO]
        var tasks: [TaskDTO]
        var forms: [FormRowDTO]
        var narrative: [String: String]
        var sections: [String]
        var warnings: [FieldIssue]
    }

    static func dto(_ r: UnitReport) -> ReportDTO {
        ReportDTO(
            round: r.round.code, roundId: r.round.id?.uuidString ?? "", unit: UnitRef(code: r.status.unit.code, name: r.status.unit.name),
            state: r.status.state.rawValue, version: r.status.version, deadline: r.status.deadline.iso, late: r.status.late,
            submittedAt: r.status.submittedAt, returnComment: r.status.returnComment,
            values: r.indicators.map { i in
                ValueDTO(plan: i.plan.code, indicator: i.indicator.code, measure: i.indicator.measure.rawValue, numerator: i.entry?.numerator,
                         denominator: i.entry?.denominator, value: i.entry?.value, judgement: i.entry?.judgement?.rawValue,
                         text: i.entry?.text, comment: i.entry?.comment)
            },
            tasks: r.tasks.map { t in
                TaskDTO(plan: t.plan.code, task: t.task.code, status: t.entry?.status?.rawValue, percent: t.entry?.percent,
                        result: t.entry?.result, evidence: t.entry?.evidence, note: t.entry?.note)
            },
            forms: r.forms.flatMap { part in
                part.rows.map { row in
                    let cells = part.entries[row.key]?.values ?? [:]
                    let all = part.form.computeRow(cells)
                    let computed = Dictionary(uniqueKeysWithValues: part.form.form.columns.filter { $0.kind == .computed }.map { ($0.key, all[$0.key]?.number) })
                    return FormRowDTO(form: part.code, row: row.key, label: row.label, cells: cells.mapValues { PlainCell(value: $0) }, computed: computed)
                }
            },
            narrative: r.status.narrative, sections: r.round.narrativeSections,
            warnings: r.indicators.enumerated().flatMap { n, i -> [FieldIssue] in
                guard let e = i.entry else { return [] }
                return EntryValidation.check(e, indicator: i.indicator, previous: i.previous?.effectiveValue,
                                             changeFactor: r.round.changeFactor, path: "values[\(n)]").filter { $0.severity == .warning }
            })
    }

    /// Round, report and unit tree, after checking that the caller may `p` on the unit.
    func context(_ req: Request, _ p: Permission) async throws -> (Account, ReportingRound, UnitReport, UnitTree) {
        let account = try req.requireAPIAccount()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        let unit = req.parameters.get("unit") ?? ""
        guard AccessPolicy.allows(account, p, unit: unit, in: tree) else { throw Abort(.forbidden, reason: AccessPolicy.refusal(p)) }
        return (account, round, try await req.loadReport(round, unit: unit), tree)
    }

    func show(req: Request) async throws -> Response {
        let (_, _, report, _) = try await context(req, .read)
        return try apiJSON(Self.dto(report))
    }

    func patch(req: Request) async throws -> Response {
        req.startReads()
        let (account, round, report, tree) = try await context(req, .edit)
        if let why = ReportRules.editRefusal(account, report, tree: tree, today: ReportRules.today) {
            return try apiError(.conflict, why)
        }
        let body = try req.jsonObject()
        let parsed = APIPatch.read(body, report: report)
        let errors = parsed.issues.filter { $0.severity == .error }
        guard errors.isEmpty, let version = parsed.version else {
            return try apiError(.unprocessableEntity, "Dữ liệu không hợp lệ: \(errors.first?.message ?? "")", errors: errors)
        }
        let outcome: SaveOutcome, now = Date()
        do {
            outcome = try await req.writing {
                try await req.store.saveReport(round, unitCode: report.status.unit.code, patch: parsed.patch, baseVersion: version,
                                               by: req.actor, now: now)
            }
        } catch let c as ReportConflict {
            return try apiConflict(c)
        } catch {
            throw httpError(error)
        }
        // What this save wrote, not read back (`RoundsAPITests` compares it with a read).
        if let saved = report.saved(parsed.patch, outcome: outcome, by: req.actor.username, at: now) { return try apiJSON(Self.dto(saved)) }
        return try apiJSON(Self.dto(try await req.loadReport(round, unit: report.status.unit.code)))
    }

    func act(req: Request) async throws -> Response {
        guard let action = req.parameters.get("action").flatMap(WorkflowAction.init(rawValue:)) else {
            throw Abort(.notFound, reason: "Không có thao tác này: dùng submit, approve, return hoặc reopen.")
        }
        req.startReads()
        let (account, round, report, tree) = try await context(req, action.permission)
        if let (status, why) = ReportRules.refusal(action, account, report, tree: tree, today: ReportRules.today) {
            return try apiError(status, why)
        }
        let body = (try? req.jsonObject()) ?? [:]
        let comment = (body["comment"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
        if action == .return, (comment ?? "").isEmpty {
            return try apiError(.unprocessableEntity, "Phải ghi lý do trả lại báo cáo.", errors: [.error("comment", "Phải ghi lý do trả lại báo cáo.")])
        }
        if let tooLong = EntryValidation.checkComment(comment).first {
            return try apiError(.unprocessableEntity, tooLong.message, errors: [tooLong])
        }
        if action == .submit {
            let missing = ReportForm.missingBeforeSubmit(report, patch: ReportPatch(), indicatorPath: { _, n in "values[\(n)]" },
                                                         taskPath: { _, n in "tasks[\(n)]" }, sectionPath: { "narrative.\($0)" })
            if !missing.isEmpty {
                return try apiError(.unprocessableEntity, "Báo cáo chưa đủ để gửi: \(missing[0].message)", errors: missing)
            }
        }
        do {
            _ = try await req.writing {
                try await req.store.transition(round, unitCode: report.status.unit.code, action: action, comment: comment,
                                               baseVersion: body["version"] as? Int, by: req.actor)
            }
        } catch let c as ReportConflict {
            return try apiConflict(c)
        } catch {
            throw httpError(error)
        }
        return try apiJSON(Self.dto(try await req.loadReport(round, unit: report.status.unit.code)))
    }

    struct CompletenessDTO: Codable {
        var unit, unitName, state, timeliness, deadline: String
        var submittedAt: Date?
        var late, overdue: Bool
    }

    func completeness(req: Request) async throws -> Response {
        let account = try req.requireAPIAccount()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        let today = ReportRules.today
        return try apiJSON(try await req.store.completeness(round).filter { AccessPolicy.isInScope(account, unit: $0.unitCode, in: tree) }.map {
            CompletenessDTO(unit: $0.unitCode, unitName: $0.unitName, state: $0.state.rawValue, timeliness: $0.timeliness.rawValue,
                            deadline: $0.deadline.iso, submittedAt: $0.submittedAt, late: $0.late, overdue: $0.isOverdue(today: today))
        })
    }

    struct AuditDTO: Codable {
        var user: String
        var at: Date
        var field: String
        var old, new: String?
        var subject: String
        var code, round, unit, plan, ip: String?
        var version: Int?
    }

    func audit(req: Request) async throws -> Response {
        let account = try req.requireAPIAccount()
        let tree = try await req.store.unitTree()
        func q(_ k: String) -> String? { req.query[String.self, at: k].flatMap { $0.isEmpty ? nil : $0 } }
        var roundCode: String?
        if let r = q("round") { roundCode = try await req.loadRound(r).code }
        let unit = q("unit")
        if let unit, !AccessPolicy.allows(account, .read, unit: unit, in: tree) {
            return try apiError(.forbidden, AccessPolicy.refusal(.read))
        }
        let scope = Set(tree.subtree(of: AccessPolicy.scope(of: account, in: tree)).map(\.code))
        let manager = AccessPolicy.roleAllows(account.role, .manageRounds)
        let entries = try await req.store.auditEntries(roundCode: roundCode, unitCodes: unit.map { [$0] }, subjectCode: q("indicator") ?? q("subject"))
            .filter { e in e.unitCode.map { scope.contains($0) } ?? manager }
        return try apiJSON(entries.map { e in
            // "indicator.3.numerator", "task.1.1.status", "narrative.Kết quả", "state", "state.comment".
            let path = [e.subject, e.subjectCode, e.field == e.subject || e.subject == "narrative" ? nil : e.field].compactMap { $0 }.joined(separator: ".")
            return AuditDTO(user: e.username, at: e.at, field: path, old: e.old, new: e.new, subject: e.subject, code: e.subjectCode,
                            round: e.roundCode, unit: e.unitCode, plan: e.planCode, ip: manager ? e.ip : nil, version: e.version)
        })
    }
}

extension Request {
    func requireAPIAccount() throws -> Account {
        guard let a = account else { throw Abort(.unauthorized, reason: "Thiếu mã truy cập.") }
        return a
    }

    func jsonObject() throws -> [String: Any] {
        guard let buf = body.data, buf.readableBytes > 0 else { return [:] }
        guard let obj = try? JSONSerialization.jsonObject(with: Data(buf.readableBytesView)) as? [String: Any] else {
            throw Abort(.badRequest, reason: "Nội dung yêu cầu không phải là một đối tượng JSON hợp lệ.")
        }
        return obj
    }
}

struct APIErrorBody: Codable {
    var error: String
    var status: Int
    var errors: [FieldIssue]
}

func apiJSON<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: try encoder.encode(value)))
}

func apiError(_ status: HTTPStatus, _ message: String, errors: [FieldIssue] = []) throws -> Response {
    try apiJSON(APIErrorBody(error: message, status: Int(status.code), errors: errors), status: status)
}

struct ConflictBody: Codable {
    var error: String
    var status: Int
    var currentVersion: Int
    var changes: [String]
}

func apiConflict(_ c: ReportConflict) throws -> Response {
    try apiJSON(ConflictBody(error: c.description, status: 409, currentVersion: c.currentVersion, changes: c.changes.map(AuditText.describe)),
                status: .conflict)
}
