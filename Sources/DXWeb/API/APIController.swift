import DXCore
import DXStore
import Vapor

/// Read-only JSON API. Plan codes contain `/`: paths take the plan's slug or its
/// percent-encoded code (`83%2FKH-BC%C4%90`).
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", use: plans)
        routes.get("plans", ":plan", "indicators", use: indicators)
        routes.get("plans", ":plan", "tasks", use: tasks)
        routes.get("units", use: units)
        routes.get("periods", ":id", use: period)
    }

    struct PlanDTO: Codable {
        var code, slug, kind, title, issuer: String
        var issued: String?
        var horizonFrom, horizonTo: Int
        var indicatorCount, taskCount: Int
    }

    func plans(req: Request) async throws -> Response {
        let list = try await req.store.planSummaries().map {
            PlanDTO(code: $0.plan.code, slug: $0.plan.slug, kind: $0.plan.kind.rawValue, title: $0.plan.title,
                    issuer: $0.plan.issuerCode, issued: $0.plan.issued?.iso, horizonFrom: $0.plan.horizonFrom,
                    horizonTo: $0.plan.horizonTo, indicatorCount: $0.indicatorCount, taskCount: $0.taskCount)
        }
        return try jsonResponse(list)
    }

    func contents(_ req: Request) async throws -> PlanContents {
        let key = req.parameters.get("plan").flatMap { $0.removingPercentEncoding } ?? ""
        guard let c = try await req.store.planContents(slugOrCode: key) else {
            throw Abort(.notFound, reason: "Không có kế hoạch \"\(key)\".")
        }
        return c
    }

    func indicators(req: Request) async throws -> Response {
        try jsonResponse(try await contents(req).indicators)
    }

    func tasks(req: Request) async throws -> Response {
        try jsonResponse(try await contents(req).tasks)
    }

    /// The units the caller may act on: its own unit and everything below it.
    func units(req: Request) async throws -> Response {
        let all = try await req.store.units()
        guard let account = req.account else { throw Abort(.unauthorized) }
        let tree = try UnitTree(all)
        return try jsonResponse(all.filter { tree.isWithin($0.code, scope: account.unitCode) })
    }

    struct PeriodDTO: Codable {
        var id, type, label, labelEN, start, end, cutOffFrom, cutOffTo: String
    }

    func period(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        let p: Period
        do { p = try Period.parse(id) } catch { throw Abort(.badRequest, reason: String(describing: error)) }
        let w = p.cutOff
        return try jsonResponse(PeriodDTO(
            id: p.identifier, type: p.type.rawValue, label: p.labelVI, labelEN: p.labelEN,
            start: p.start.iso, end: p.end.iso, cutOffFrom: w.from.iso, cutOffTo: w.to.iso))
    }
}
