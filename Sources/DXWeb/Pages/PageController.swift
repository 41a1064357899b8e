import DXStore
import Vapor

struct PageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("plans", ":slug", use: plan)
        routes.get("units", use: units)
    }

    func home(req: Request) async throws -> Response {
        html(HomePage.render(try await HomePage.query(req.store)))
    }

    func plan(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        guard let model = try await PlanPage.query(req.store, slugOrCode: slug) else {
            throw Abort(.notFound, reason: "Không có kế hoạch \"\(slug)\".")
        }
        return html(PlanPage.render(model))
    }

    func units(req: Request) async throws -> Response {
        html(UnitsPage.render(try await UnitsPage.query(req.store)))
    }
}

func html(_ body: String) -> Response {
    Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: body))
}
