import DXCore
import DXReports
import DXStore
import Vapor

struct PageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .home, use: home)
        routes.register(.GET, .plan, use: plan)
        routes.register(.GET, .dashboard, use: dashboard)
        routes.register(.GET, .indicator, use: indicator)
        routes.register(.GET, .report, use: report)
        routes.register(.GET, .rankings, use: rankings)
        routes.register(.GET, .ranking, use: ranking)
        routes.register(.GET, .rankingUnit, use: rankingUnit)
        routes.register(.GET, .units, use: units)
    }

    /// Evaluations show every unit's figures: they need a login, and the unit must be within the
    /// account's scope (the plan's province by default).
    func authorizeEvaluation(_ req: Request, plan key: String) async throws {
        let account = try req.requireAccount()
        guard let plan = try await req.store.plan(slugOrCode: key) else { return }
        let tree = try await req.store.unitTree()
        let unit = nonEmpty(req.query["unit"]) ?? PlanEvaluation.defaultUnit(for: plan, in: tree)
        guard tree[unit] != nil else { return }
        guard AccessPolicy.allows(account, .read, unit: unit, in: tree) else {
            throw Abort(.forbidden, reason: AccessPolicy.refusal(.read))
        }
    }

    func dashboard(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        try await authorizeEvaluation(req, plan: slug)
        let preview = try await DataPreview.granted(req, plan: slug)
        let model = try await DashboardPage.cachedQuery(req.store, cache: req.application.caches.dashboards, plan: slug,
                                                        period: nonEmpty(req.query["period"]), unit: nonEmpty(req.query["unit"]),
                                                        includeUnsubmitted: preview.asked, mayPreview: preview.allowed)
        return html(DashboardPage.render(model))
    }

    func indicator(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        try await authorizeEvaluation(req, plan: slug)
        let preview = try await DataPreview.granted(req, plan: slug)
        let model = try await IndicatorPage.query(req.store, plan: slug,
                                                  code: req.parameters.get("code") ?? "",
                                                  period: nonEmpty(req.query["period"]), unit: nonEmpty(req.query["unit"]),
                                                  includeUnsubmitted: preview.asked)
        return html(IndicatorPage.render(model))
    }

    /// The official report of the dashboard's plan and period, in the format its name ends with.
    func report(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        let name = req.parameters.get("report") ?? ""
        guard name.hasPrefix("report."), let format = ReportDownload.Format(rawValue: String(name.dropFirst("report.".count))) else {
            throw Abort(.notFound)
        }
        try await authorizeEvaluation(req, plan: slug)
        guard let period = nonEmpty(req.query["period"]) else {
            throw Abort(.badRequest, reason: t("Thiếu kỳ báo cáo (period)."))
        }
        let preview = try await DataPreview.granted(req, plan: slug)
        guard let plan = try await req.store.plan(slugOrCode: slug) else { throw Abort(.notFound, reason: t("Không có kế hoạch \"%@\".", slug)) }
        let tree = try await req.store.unitTree()
        let issuer = nonEmpty(req.query["unit"]) ?? PlanEvaluation.defaultUnit(for: plan, in: tree)
        let settings = try await req.store.reportSettings(issuedBy: issuer, date: .today())
        let report = try await req.store.officialReport(plan: slug, period: period, unit: nonEmpty(req.query["unit"]),
                                                        tasksPlan: nonEmpty(req.query["tasks"]), settings: settings,
                                                        includeUnsubmitted: preview.asked)
        return try await ReportDownload.response(req, report, format, name: "bao-cao-\(slug)-\(period)")
    }

    /// Rankings are published to every unit ranked, so any account may read them.
    func rankings(req: Request) async throws -> Response {
        _ = try req.requireAccount()
        return html(RankingsIndexPage.render(try await req.store.scoringSchemes()))
    }

    func ranking(req: Request) async throws -> Response {
        _ = try req.requireAccount()
        return html(RankingPage.render(try await RankingPage.query(req.store, scheme: req.parameters.get("scheme") ?? "")))
    }

    func rankingUnit(req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let model = try await RankingUnitPage.query(req.store, scheme: req.parameters.get("scheme") ?? "",
                                                    unit: req.parameters.get("unit") ?? "")
        return html(RankingUnitPage.render(model))
    }

    func home(req: Request) async throws -> Response {
        html(HomePage.render(try await HomePage.query(req.store)))
    }

    func plan(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        guard let model = try await PlanPage.query(req.store, slugOrCode: slug) else {
            throw Abort(.notFound, reason: t("Không có kế hoạch \"%@\".", slug))
        }
        return html(PlanPage.render(model))
    }

    func units(req: Request) async throws -> Response {
        let asOf = req.query[String.self, at: "asOf"].flatMap { CalendarDate(iso: $0) }
        return html(UnitsPage.render(try await UnitsPage.query(req.store, asOf: asOf)))
    }
}

/// A query parameter that was left empty counts as not given.
func nonEmpty(_ s: String?) -> String? {
    guard let t = s?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
    return t
}

func html(_ body: String) -> Response {
    Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: body))
}
