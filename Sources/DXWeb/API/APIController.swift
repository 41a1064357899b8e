import DXCore
import DXStore
import Vapor

/// Read-only JSON API. Plan codes contain `/`: paths take the plan's slug or its
/// percent-encoded code (`83%2FKH-BC%C4%90`).
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .apiPlans, use: plans)
        routes.register(.GET, .apiPlanIndicators, use: indicators)
        routes.register(.GET, .apiPlanTasks, use: tasks)
        routes.register(.GET, .apiUnits, use: units)
        routes.register(.GET, .apiPeriod, use: period)
        routes.register(.GET, .apiEvaluation, use: evaluation)
        routes.register(.GET, .apiRanking, use: ranking)
    }

    /// The evaluation of `?period=` for `?unit=` (the issuer's province by default), which must be
    /// within the caller's unit.
    func evaluation(req: Request) async throws -> Response {
        guard let account = req.account else { throw Abort(.unauthorized) }
        let plan = try await contents(req).plan
        guard let period = nonEmpty(req.query["period"]) else {
            throw Abort(.badRequest, reason: "Thiếu tham số period (mã kỳ báo cáo, ví dụ 2024S1).")
        }
        var day: CalendarDate?
        if let raw = nonEmpty(req.query["asOf"]) {
            guard let d = CalendarDate(iso: raw) else {
                throw Abort(.badRequest, reason: "Tham số asOf \"\(raw)\" không phải ngày dạng YYYY-MM-DD (ví dụ 2025-07-01).")
            }
            day = d
        }
        let parsed: Period
        do { parsed = try Period.parse(period) } catch { throw Abort(.badRequest, reason: String(describing: error)) }
        // Scope is checked in the tree the evaluation reads: the units valid on that day.
        let tree = try await req.store.unitTree(asOf: day ?? parsed.end)
        let unit = nonEmpty(req.query["unit"]) ?? PlanEvaluation.defaultUnit(for: plan, in: tree)
        guard tree[unit] != nil else { throw Abort(.notFound, reason: "Không có đơn vị mã \(unit).") }
        guard AccessPolicy.allows(account, .read, unit: unit, in: tree) else {
            throw Abort(.forbidden, reason: AccessPolicy.refusal(.read))
        }
        // A preview of unsubmitted figures is refused outright rather than quietly answered with
        // the counted figures: a script must not mistake one for the other.
        // A script's typo must not quietly read as "no": only the documented values are taken.
        if let raw: String = req.query["unsubmitted"], !["true", "false", "1", "0"].contains(raw) {
            throw Abort(.badRequest, reason: "Tham số unsubmitted chỉ nhận true hoặc false.")
        }
        let unsubmitted = DataPreview.asked(req, name: "unsubmitted")
        if unsubmitted && !AccessPolicy.mayPreviewUnsubmitted(account, unit: unit, in: tree) {
            throw Abort(.forbidden, reason: "Chỉ cơ quan thường trực hoặc quản trị mới được xem số liệu chưa gửi, chưa được duyệt.")
        }
        return try jsonResponse(try await req.store.evaluate(plan: plan.code, period: period, unit: unit, unitsAsOf: day,
                                                             includeUnsubmitted: unsubmitted, summed: true).document)
    }

    struct RankingDTO: Codable {
        struct Row: Codable {
            var unit: String
            var rank: Int?
            var total: Double
            var points: Double
            var indices: [String: Double?]
        }
        var level: String
        var name: String
        var units: [Row]
    }

    /// Ranks of every unit under a scheme, by level. Rankings are published to all units.
    func ranking(req: Request) async throws -> Response {
        let code = req.parameters.get("scheme") ?? ""
        let parts = try await req.store.ranking(scheme: code)
        return try jsonResponse(parts.map { part, scores in
            RankingDTO(level: part.level.rawValue, name: part.name, units: scores.map { s in
                RankingDTO.Row(unit: s.unitCode, rank: s.rank, total: s.total, points: s.points,
                               indices: Dictionary(uniqueKeysWithValues: s.indices.map { ($0.code, $0.value) }))
            })
        })
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
