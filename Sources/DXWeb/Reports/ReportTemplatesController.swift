import DXCore
import DXReports
import DXStore
import Foundation
import Vapor

/// Report templates: anyone who may read the template's unit previews and downloads the
/// report; coordinators and administrators create and change templates and edit the units'
/// narratives before issuing.
struct ReportTemplatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .reportTemplates, use: list)
        routes.register(.GET, .newReportTemplate, use: newTemplate)
        routes.register(.POST, .newReportTemplate, use: create)
        routes.register(.GET, .reportTemplate, use: show)
        routes.register(.POST, .reportTemplate, use: save)
        routes.register(.GET, .reportTemplateFile, use: file)
        routes.register(.GET, .reportNarratives, use: narratives)
        routes.register(.POST, .reportNarratives, use: saveNarratives)
    }

    func list(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        var visible: [ReportTemplate] = []
        for template in try await req.store.reportTemplates() where AccessPolicy.allows(account, .read, unit: try await unit(of: template, req, tree), in: tree) {
            visible.append(template)
        }
        // Templates share plans: each plan's periods are read once.
        var latest: [String: Period?] = [:]
        var rows: [ReportTemplatesPage.Row] = []
        for template in visible {
            if latest[template.planCode] == nil { latest[template.planCode] = try await req.store.reportedPeriods(planCode: template.planCode).first }
            rows.append(.init(template: template, latest: latest[template.planCode] ?? nil))
        }
        return html(ReportTemplatesPage.render(rows, canEdit: AccessPolicy.roleAllows(account.role, .issueReports)))
    }

    func newTemplate(req: Request) async throws -> Response {
        try req.authorize(.issueReports)
        var plan: Plan?
        if let key = nonEmpty(req.query["plan"]) { plan = try await req.store.plan(slugOrCode: key) }
        // Start from the heading of the unit the report will be about, not a fixed province's.
        let tree = try await req.store.unitTree()
        var settings = ReportTemplates.standard
        if let issuer = plan.map({ PlanEvaluation.defaultUnit(for: $0, in: tree) }) ?? tree.roots.first, tree[issuer] != nil {
            settings = try await req.store.reportSettings(issuedBy: issuer, date: .today())
        }
        var values = ReportTemplateForm.values(ReportTemplate(code: "", name: "", planCode: "", settings: settings))
        if let plan { values["plan"] = plan.code }
        return html(NewReportTemplatePage.render(values: values, choices: try await choices(req), issues: [], csrf: req.csrf))
    }

    func create(req: Request) async throws -> Response {
        try req.authorize(.issueReports)
        let f = try await FormData.read(req)
        let (template, issues) = ReportTemplateForm.read(f)
        var problems = issues
        if problems.isEmpty { problems = try await req.store.figureProblems(template.settings.narrativeBlocks ?? []) }
        if problems.isEmpty {
            do {
                try await authorize(.issueReports, template, req)
                try await req.store.saveReportTemplate(template, creating: true, by: req.actor)
                return req.redirect(to: SiteRoute.reportTemplate(code: template.code, issue: nil).path + "?msg=saved", redirectType: .normal)
            } catch let e as StoreError { problems = [.error("", e.description)] }
        }
        let r = html(NewReportTemplatePage.render(values: values(f), choices: try await choices(req), issues: problems, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }

    func show(req: Request) async throws -> Response {
        let template = try await load(req)
        try await authorize(.read, template, req)
        let flash = req.query[String.self, at: "msg"] == "saved" ? t("Đã lưu.") : nil
        return html(ReportTemplatePage.render(try await model(req, template, formValues: ReportTemplateForm.values(template), formIssues: [], flash: flash)))
    }

    func save(req: Request) async throws -> Response {
        let template = try await load(req)
        try await authorize(.issueReports, template, req)
        let f = try await FormData.read(req)
        var (changed, problems) = ReportTemplateForm.read(f)
        changed.code = template.code
        if problems.isEmpty { problems = try await req.store.figureProblems(changed.settings.narrativeBlocks ?? []) }
        if problems.isEmpty {
            do {
                try await authorize(.issueReports, changed, req)
                try await req.store.saveReportTemplate(changed, creating: false, by: req.actor)
                return req.redirect(to: SiteRoute.reportTemplate(code: template.code, issue: nil).path + "?msg=saved", redirectType: .normal)
            } catch let e as StoreError { problems = [.error("", e.description)] }
        }
        let r = html(ReportTemplatePage.render(try await model(req, template, formValues: values(f), formIssues: problems, flash: nil)))
        r.status = .unprocessableEntity
        return r
    }

    /// `report.docx` and the other formats of one issue of the report.
    func file(req: Request) async throws -> Response {
        let name = req.parameters.get("file") ?? ""
        guard name.hasPrefix("report."), let format = ReportDownload.Format(rawValue: String(name.dropFirst("report.".count))) else {
            throw Abort(.notFound)
        }
        let template = try await load(req)
        try await authorize(.read, template, req)
        let (issue, problems) = ReportIssue.read(req, defaultPeriod: nil)
        guard let issue else { throw Abort(.badRequest, reason: problems.map(\.message).joined(separator: " ")) }
        let tree = try await req.store.unitTree()
        var preview = false
        if DataPreview.asked(req) { preview = DataPreview.allowed(req, unit: try await unit(of: template, req, tree), tree: tree) }
        let report = try await req.store.officialReport(template: template, period: issue.period, number: issue.number,
                                                        date: issue.date ?? CalendarDate.today(), includeUnsubmitted: preview)
        return try await ReportDownload.response(req, report, format, name: "bao-cao-\(template.code)-\(issue.period)")
    }

    func narratives(req: Request) async throws -> Response {
        let template = try await load(req)
        try await authorize(.issueReports, template, req)
        let period = try period(req)
        let flash = req.query[String.self, at: "msg"] == "saved" ? t("Đã lưu thuyết minh.") : nil
        return html(NarrativeEditPage.render(template: template, period: period, narratives: try await scopedNarratives(req, template, period),
                                             error: nil, flash: flash, csrf: req.csrf))
    }

    func saveNarratives(req: Request) async throws -> Response {
        let template = try await load(req)
        try await authorize(.issueReports, template, req)
        let period = try period(req)
        let f = try await FormData.read(req)
        var changes: [(unitCode: String, section: String, text: String)] = []
        var i = 0
        while let unit = f["u.\(i)"], let section = f["s.\(i)"] {
            changes.append((unit, section, f["t.\(i)"] ?? ""))
            i += 1
        }
        // Narratives are kept per plan, not per template: a template of a district must not
        // reach the texts of units outside it.
        let tree = try await req.store.unitTree()
        for unit in Set(changes.map(\.unitCode)) { try req.authorize(.issueReports, unit: unit, tree: tree) }
        do {
            try await req.store.saveNarrativeEdits(plan: template.planCode, period: period, changes, by: req.actor)
        } catch let e as StoreError {
            let r = html(NarrativeEditPage.render(template: template, period: period, narratives: try await scopedNarratives(req, template, period),
                                                  error: e.description, flash: nil, csrf: req.csrf))
            r.status = .unprocessableEntity
            return r
        }
        return req.redirect(to: SiteRoute.reportNarratives(code: template.code, period: period.identifier).path + "&msg=saved", redirectType: .normal)
    }

    // MARK: - Support

    /// The units' narratives of the template's plan that the account may edit: those of its scope.
    func scopedNarratives(_ req: Request, _ template: ReportTemplate, _ period: Period) async throws -> [ReportNarrative] {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        return try await req.store.narratives(plan: template.planCode, period: period).filter { AccessPolicy.isInScope(account, unit: $0.unitCode, in: tree) }
    }

    func load(_ req: Request) async throws -> ReportTemplate {
        let code = req.parameters.get("code") ?? ""
        guard let template = try await req.store.reportTemplate(code) else { throw Abort(.notFound, reason: t("Không có mẫu báo cáo \"%@\".", code)) }
        return template
    }

    func period(_ req: Request) throws -> Period {
        let raw = req.query[String.self, at: "period"] ?? ""
        guard let p = Period(identifier: raw) else { throw Abort(.badRequest, reason: t("Mã kỳ báo cáo \"%@\" không hợp lệ (ví dụ 2024, 2024S1).", raw)) }
        return p
    }

    /// The unit the template reports on: its own, or the plan's province. Unknown plans and
    /// units are the form's errors, not refusals.
    func unit(of template: ReportTemplate, _ req: Request, _ tree: UnitTree) async throws -> String {
        if let u = template.unitCode {
            guard tree[u] != nil else { throw StoreError.invalid("Không có đơn vị mã \(u).") }
            return u
        }
        guard let plan = try await req.store.plan(slugOrCode: template.planCode) else { throw StoreError.notFound("kế hoạch \(template.planCode)") }
        return PlanEvaluation.defaultUnit(for: plan, in: tree)
    }

    func authorize(_ p: Permission, _ template: ReportTemplate, _ req: Request) async throws {
        let tree = try await req.store.unitTree()
        try req.authorize(p, unit: try await unit(of: template, req, tree), tree: tree)
    }

    func values(_ f: FormData) -> [String: String] {
        Dictionary(f.pairs, uniquingKeysWith: { _, last in last })
    }

    func choices(_ req: Request) async throws -> ReportTemplateForm.Choices {
        let plans = try await req.store.planSummaries()
        var contents: [PlanContents] = []
        for p in plans { if let c = try await req.store.planContents(slugOrCode: p.plan.code) { contents.append(c) } }
        return .init(plans: plans, forms: try await req.store.tableForms(), contents: contents)
    }

    func model(_ req: Request, _ template: ReportTemplate, formValues: [String: String], formIssues: [FieldIssue],
               flash: String?) async throws -> ReportTemplatePage.Model {
        let periods = try await req.store.reportedPeriods(planCode: template.planCode).sorted(by: >)
        let (issue, problems) = ReportIssue.read(req, defaultPeriod: periods.first?.identifier)
        var narratives: [ReportNarrative] = []
        if let issue, let p = Period(identifier: issue.period) { narratives = try await req.store.narratives(plan: template.planCode, period: p) }
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        let canEdit = AccessPolicy.allows(account, .issueReports, unit: try await unit(of: template, req, tree), in: tree)
        var query: [String: String] = [:]
        for k in ["period", "number", "date"] { if let v = req.query[String.self, at: k] { query[k] = v } }
        return ReportTemplatePage.Model(
            template: template, periods: periods, issue: issue, issueProblems: problems, query: query, narratives: narratives,
            canEdit: canEdit, formValues: formValues, formIssues: formIssues,
            choices: try await choices(req), flash: flash, csrf: req.csrf)
    }
}
