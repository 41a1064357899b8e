import Vapor

extension RoutesBuilder {
    /// Registers `handler` for `method` on `pattern`'s path: the only way a route enters the app,
    /// so that the table in `SiteRoute.Pattern` is the whole site (SiteRouteTests compares them).
    @discardableResult
    func register(_ method: HTTPMethod, _ pattern: SiteRoute.Pattern, body: HTTPBodyStreamStrategy = .collect,
                  use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        precondition(pattern.methods.contains(method), "\(method.rawValue) /\(pattern.template) is not in SiteRoute.Pattern.methods")
        return on(method, pattern.path, body: body, use: handler)
    }
}
