import Vapor

/// An API path that exists for other methods answers 405 with `Allow`, not 404: a client that
/// sends PUT where PATCH is meant learns what to send instead.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    let routes: [(method: HTTPMethod, path: [PathComponent])]

    init(_ routes: Routes) {
        self.routes = routes.all.map { ($0.method, $0.path) }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard response.status == .notFound, request.route == nil, request.url.path.hasPrefix("/api/") else { return response }
        let segments = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let allowed = Set(routes.filter { Self.matches($0.path, segments) }.map(\.method.rawValue)).sorted()
        guard !allowed.isEmpty else { return response }
        let r = try apiError(.methodNotAllowed, "Phương thức \(request.method.rawValue) không dùng được với địa chỉ này: dùng \(allowed.joined(separator: ", ")).")
        r.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
        return r
    }

    static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        guard pattern.count == segments.count else { return false }
        for (p, s) in zip(pattern, segments) {
            switch p {
            case .constant(let c): if c != s { return false }
            case .parameter, .anything: continue
            case .catchall: return true
            }
        }
        return true
    }
}
