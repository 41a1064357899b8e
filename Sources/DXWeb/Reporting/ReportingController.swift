import DXCore
import DXStore
import Foundation
import Vapor

/// Web pages of the reporting loop. Every handler first asks `AccessPolicy` (role × unit scope).
struct ReportingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .rounds, use: list)
        routes.register(.GET, .newRound, use: newForm)
        routes.register(.POST, .newRound, use: create)
        routes.register(.GET, .round, use: show)
        routes.register(.GET, .roundCSV, use: csv)
        routes.register(.POST, .roundClose, use: close)
        routes.register(.GET, .unitReport, use: report)
        routes.register(.POST, .unitReport, use: save)
        routes.register(.POST, .unitReportAction, use: act)
        routes.register(.GET, .audit, use: audit)
    }

    func list(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        var rows: [(ReportingRound, CompletenessSummary)] = []
        for r in try await req.store.rounds() {
            let entries = try await req.store.completeness(r).filter { AccessPolicy.isInScope(account, unit: $0.unitCode, in: tree) }
            rows.append((r, CompletenessSummary(entries)))
        }
        return html(RoundsPage.render(rounds: rows, canManage: AccessPolicy.roleAllows(account.role, .manageRounds)))
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.manageRounds)
        return html(NewRoundPage.render(plans: try await req.store.planSummaries(), forms: try await req.store.tableForms(), form: nil, issues: [], csrf: req.csrf))
    }

    func create(req: Request) async throws -> Response {
        try req.authorize(.manageRounds)
        let account = try req.requireAccount()
        let form = try await FormData.read(req)
        let tree = try await req.store.unitTree()
        let scope = AccessPolicy.scope(of: account, in: tree)
        var (round, selection, issues) = NewRoundPage.read(form, root: scope)
        // The round belongs to the unit its coordinator acts for: that unit's coordinators close it.
        round?.ownerUnitCode = scope
        var units: [OrgUnit] = []
        if let r = round, issues.isEmpty {
            // The units its period's last day knows: after 1/7/2025 the new communes, not the old.
            let tree = try await req.store.unitTree(asOf: r.period?.end)
            do { units = try selection.resolve(in: tree, period: r.period) } catch { issues.append(.error("units", error.description)) }
            // Kinds are taken under the scope already; listed codes may name any unit.
            let outside = AccessPolicy.outOfScope(account, units: units.map(\.code), in: tree)
            if !outside.isEmpty { issues.append(.error("units", t("Các đơn vị sau không thuộc phạm vi đơn vị của bạn: %@.", outside.joined(separator: ", ")))) }
        }
        if issues.isEmpty, let r = round {
            do {
                round = try await req.store.createRound(r, unitCodes: units.map(\.code), by: req.actor)
                return req.redirect(to: SiteRoute.round(r.code).path, redirectType: .normal)
            } catch let e as StoreError {
                issues.append(.error("code", e.description))
            }
        }
        let r = html(NewRoundPage.render(plans: try await req.store.planSummaries(), forms: try await req.store.tableForms(), form: form, issues: issues, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }

    func roundModel(_ req: Request) async throws -> RoundPage.Model {
        let account = try req.requireAccount()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        let entries = try await req.store.completeness(round).filter { AccessPolicy.isInScope(account, unit: $0.unitCode, in: tree) }
        let canManage = AccessPolicy.allows(account, .manageRounds, owner: round.ownerUnitCode, in: tree)
        // Who was told what: for those who run the round, within their scope (a digest is theirs).
        var notices: [Notice] = []
        if canManage {
            notices = try await req.store.notices(roundCode: round.code).filter {
                $0.unitCode.map { AccessPolicy.isInScope(account, unit: $0, in: tree) } ?? true
            }
        }
        return RoundPage.Model(round: round, entries: entries, today: ReportRules.today, canManage: canManage,
                               showContacts: account.role != .viewer, csrf: req.csrf, notices: notices)
    }

    func show(req: Request) async throws -> Response {
        html(RoundPage.render(try await roundModel(req)))
    }

    func csv(req: Request) async throws -> Response {
        let m = try await roundModel(req)
        return Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"tinh-hinh-nop-\(m.round.code).csv\"",
        ], body: .init(string: RoundPage.csv(m)))
    }

    func close(req: Request) async throws -> Response {
        let round = try await req.loadRound(req.parameters.get("round"))
        try req.authorize(.manageRounds, owner: round.ownerUnitCode, tree: try await req.store.unitTree())
        let closed = try await FormData.read(req)["closed"] == "true"
        try await req.store.setRoundClosed(round, closed: closed, by: req.actor)
        return req.redirect(to: SiteRoute.round(round.code).path, redirectType: .normal)
    }

    /// Computed on each use: the confirmations are in the language of the page.
    static var flashes: [String: String] { [
        "saved": t("Đã lưu nháp."), "unchanged": t("Không có gì thay đổi."), "submit": t("Đã gửi báo cáo."),
        "approve": t("Đã phê duyệt báo cáo."), "return": t("Đã trả lại báo cáo."), "reopen": t("Đã mở lại báo cáo."),
    ] }

    func page(_ req: Request, report: UnitReport, form: FormData? = nil, issues: [FieldIssue] = [],
              conflict: ReportConflict? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        let today = ReportRules.today
        let model = ReportPage.Model(
            report: report, account: account, csrf: req.csrf, form: form, issues: issues, conflict: conflict,
            flash: req.query[String.self, at: "msg"].flatMap { Self.flashes[$0] },
            editRefusal: ReportRules.editRefusal(account, report, tree: tree, today: today),
            actions: ReportRules.actions(account, report, tree: tree, today: today),
            history: try await req.store.roundHistory(unitCode: report.status.unit.code),
            documents: report.tasks.isEmpty ? [] : try await req.store.documentNumbers())
        let r = html(ReportPage.render(model))
        r.status = status
        return r
    }

    func report(req: Request) async throws -> Response {
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        try req.authorize(.read, unit: req.parameters.get("unit") ?? "", tree: tree)
        return try await page(req, report: try await req.loadReport(round, unit: req.parameters.get("unit")))
    }

    /// Saves the form (and submits when asked). Nothing is written when any field is wrong.
    func save(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        req.startReads()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        let unit = req.parameters.get("unit") ?? ""
        try req.authorize(.edit, unit: unit, tree: tree)
        let report = try await req.loadReport(round, unit: unit)
        if let why = ReportRules.editRefusal(account, report, tree: tree, today: ReportRules.today) { throw Abort(.forbidden, reason: why) }
        let form = try await FormData.read(req)
        let submit = form["action"] == "submit"
        guard let base = form["version"].flatMap(Int.init) else { throw Abort(.badRequest, reason: t("Thiếu số phiên bản của báo cáo.")) }
        let parsed = ReportForm.parse(form, report: report)
        var errors = parsed.errors
        if submit, errors.isEmpty {
            if let (_, why) = ReportRules.refusal(.submit, account, report, tree: tree, today: ReportRules.today) { throw Abort(.forbidden, reason: why) }
            errors = ReportForm.missingBeforeSubmit(
                report, patch: parsed.patch, indicatorPath: { k, _ in ReportForm.indicatorPrefix(k) },
                taskPath: { k, _ in ReportForm.taskPrefix(k) }, sectionPath: ReportForm.sectionName)
        }
        guard errors.isEmpty else {
            return try await page(req, report: report, form: form, issues: parsed.issues + (submit ? errors : []), status: .unprocessableEntity)
        }
        let outcome: SaveOutcome
        do {
            outcome = try await req.writing { try await req.store.saveReport(round, unitCode: unit, patch: parsed.patch, baseVersion: base, by: req.actor) }
        } catch let c as ReportConflict {
            return try await page(req, report: try await req.loadReport(round, unit: unit), form: form, issues: parsed.issues,
                                  conflict: c, status: .conflict)
        } catch {
            throw httpError(error)
        }
        var msg = outcome == .unchanged(version: outcome.version) ? "unchanged" : "saved"
        if submit {
            do {
                _ = try await req.writing {
                    try await req.store.transition(round, unitCode: unit, action: .submit, comment: nil, baseVersion: outcome.version, by: req.actor)
                }
                msg = "submit"
            } catch let c as ReportConflict {
                return try await page(req, report: try await req.loadReport(round, unit: unit), conflict: c, status: .conflict)
            } catch {
                throw httpError(error)
            }
        }
        return req.redirect(to: SiteRoute.unitReport(round: round.code, unit: unit).path(message: msg), redirectType: .normal)
    }

    func act(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let action = req.parameters.get("action").flatMap(WorkflowAction.init(rawValue:)) else {
            throw Abort(.notFound, reason: t("Không có thao tác này."))
        }
        req.startReads()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        let unit = req.parameters.get("unit") ?? ""
        try req.authorize(action.permission, unit: unit, tree: tree)
        let report = try await req.loadReport(round, unit: unit)
        if let (status, why) = ReportRules.refusal(action, account, report, tree: tree, today: ReportRules.today) {
            throw Abort(status, reason: why)
        }
        let form = try await FormData.read(req)
        let comment = form["comment"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        if action == .return, (comment ?? "").isEmpty {
            return try await page(req, report: report, issues: [.error("comment", t("Phải ghi lý do trả lại báo cáo."))], status: .unprocessableEntity)
        }
        let commentIssues = EntryValidation.checkComment(comment)
        if !commentIssues.isEmpty { return try await page(req, report: report, issues: commentIssues, status: .unprocessableEntity) }
        if action == .submit {
            let missing = ReportForm.missingBeforeSubmit(report, patch: ReportPatch(), indicatorPath: { k, _ in ReportForm.indicatorPrefix(k) },
                                                         taskPath: { k, _ in ReportForm.taskPrefix(k) }, sectionPath: ReportForm.sectionName)
            if !missing.isEmpty { return try await page(req, report: report, issues: missing, status: .unprocessableEntity) }
        }
        do {
            _ = try await req.writing {
                try await req.store.transition(round, unitCode: unit, action: action, comment: comment,
                                               baseVersion: form["version"].flatMap(Int.init), by: req.actor)
            }
        } catch let c as ReportConflict {
            return try await page(req, report: try await req.loadReport(round, unit: unit), conflict: c, status: .conflict)
        } catch {
            throw httpError(error)
        }
        return req.redirect(to: SiteRoute.unitReport(round: round.code, unit: unit).path(message: action.rawValue), redirectType: .normal)
    }

    func audit(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        func q(_ k: String) -> String? { req.query[String.self, at: k].flatMap { $0.isEmpty ? nil : $0 } }
        let (round, unit, subject) = (q("round"), q("unit"), q("subject"))
        if let unit { try req.authorize(.read, unit: unit, tree: tree) }
        let scope = Set(tree.subtree(of: AccessPolicy.scope(of: account, in: tree)).map(\.code))
        var entries = try await req.store.auditEntries(roundCode: round, unitCodes: unit.map { [$0] }, subjectCode: subject)
        // Entries about no unit (accounts, rounds) are for those who manage them.
        entries = entries.filter { e in
            if let u = e.unitCode { return scope.contains(u) }
            return AccessPolicy.roleAllows(account.role, .manageRounds)
        }
        let showIP = AccessPolicy.roleAllows(account.role, .manageRounds)
        return html(AuditPage.render(entries: entries, round: round, unit: unit, subject: subject, showIP: showIP))
    }
}

extension Request {
    /// The CSRF token of the session for the forms of a page.
    var csrf: String { storage[CSRFKey.self] ?? "" }
}
