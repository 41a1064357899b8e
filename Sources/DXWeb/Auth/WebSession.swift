import DXCore
import DXStore
import Foundation
import Vapor

/// The logged-in account of the request being served, for views that show who is logged in
/// (the page layout) without every page passing it down.
enum RequestContext {
    @TaskLocal static var account: Account?
    @TaskLocal static var csrfToken: String?
    /// The path of the page being rendered, for links back to it (the language switch).
    @TaskLocal static var path: String?
    /// The path with its query, where a form about the page itself returns to.
    @TaskLocal static var returnPath: String?
}

/// Reads the session cookie, looks the session up in the database and puts its account and
/// CSRF token on the request. Sessions live in the database so that several instances can
/// serve the same users.
struct WebSessionMiddleware: AsyncMiddleware {
    static let cookieName = "dxtrack_session"
    static let lifetime: TimeInterval = 12 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if !request.url.path.hasPrefix("/api/"), let token = request.cookies[Self.cookieName]?.string, !token.isEmpty,
           let session = try await request.store.session(tokenHash: Credentials.tokenHash(token)) {
            request.storage[AccountKey.self] = session.account
            request.storage[CSRFKey.self] = session.csrfToken
        }
        let back = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
        do {
            return try await RequestContext.$account.withValue(request.account) {
                try await RequestContext.$csrfToken.withValue(request.storage[CSRFKey.self]) {
                    try await RequestContext.$path.withValue(request.url.path) {
                        try await RequestContext.$returnPath.withValue(request.method == .GET ? back : nil) {
                            try await next.respond(to: request)
                        }
                    }
                }
            }
        } catch is LoginRequired {
            return request.redirect(to: SiteRoute.login(next: back).path, redirectType: .normal)
        }
    }

    /// Whether the browser reached us over TLS, directly or through a proxy that says so.
    static func isSecure(_ req: Request) -> Bool {
        if req.application.http.server.configuration.tlsConfiguration != nil { return true }
        return req.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    static func cookie(_ value: String, req: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: maxAge.map { Date().addingTimeInterval(TimeInterval($0)) }, maxAge: maxAge,
                          domain: nil, path: "/", isSecure: isSecure(req), isHTTPOnly: true, sameSite: .lax)
    }
}

struct CSRFKey: StorageKey { typealias Value = String }

/// Thrown by pages that need a logged-in user; the session middleware turns it into a
/// redirect to the login page that comes back afterwards.
struct LoginRequired: Error {}

extension Request {
    /// The logged-in account, or a redirect to the login page.
    func requireAccount() throws -> Account {
        guard let a = account else { throw LoginRequired() }
        return a
    }

    /// The address failed logins are counted against. The proxy header is not trusted for
    /// this: anyone could send a new one with every try.
    var clientIP: String { remoteAddress?.ipAddress ?? "unknown" }

    var actor: Actor { Actor(username: account?.username ?? "anonymous", ip: remoteAddress?.ipAddress) }

    /// Refuses with 403 and a Vietnamese sentence unless the account may do `p` on `unit`.
    func authorize(_ p: Permission, unit: String, tree: UnitTree) throws {
        let a = try requireAccount()
        guard AccessPolicy.allows(a, p, unit: unit, in: tree) else { throw Abort(.forbidden, reason: AccessPolicy.refusal(p)) }
    }

    /// Refuses with 403 unless the account may do `p` on what the unit `owner` owns (a plan, a
    /// round, a table form, a document; nil: the top of the tree). The role's refusal comes
    /// first, so that a reporter reads why it may not, not where.
    func authorize(_ p: Permission, owner: String?, tree: UnitTree) throws {
        let a = try requireAccount()
        guard AccessPolicy.roleAllows(a.role, p) else { throw Abort(.forbidden, reason: AccessPolicy.refusal(p)) }
        guard AccessPolicy.allows(a, p, owner: owner, in: tree) else { throw Abort(.forbidden, reason: AccessPolicy.scopeRefusal) }
    }

    /// Refuses unless the role allows `p` at all (for pages not about one unit).
    func authorize(_ p: Permission) throws {
        let a = try requireAccount()
        guard AccessPolicy.roleAllows(a.role, p) else { throw Abort(.forbidden, reason: AccessPolicy.refusal(p)) }
    }
}
