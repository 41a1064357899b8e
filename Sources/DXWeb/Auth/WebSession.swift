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

    /// The address login guesses are counted against. `X-Forwarded-For` is believed only when
    /// the request comes from a proxy named in `DXTRACK_TRUSTED_PROXIES`: anyone else could
    /// send a new address with every guess.
    var clientIP: String {
        ClientAddress.resolve(remote: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
                              trustedProxies: application.trustedProxies)
    }

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

/// Who is at the other end of a request, through our own reverse proxies and no one else's.
public enum ClientAddress {
    /// The rightmost `X-Forwarded-For` hop that is not one of our proxies: the address our
    /// outermost proxy saw. Hops further left were written by the client and prove nothing.
    public static func resolve(remote: String?, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard let remote else { return "unknown" }
        guard trustedProxies.contains(remote) else { return remote }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !trustedProxies.contains($0) } ?? remote
    }

    /// `DXTRACK_TRUSTED_PROXIES=127.0.0.1,10.0.0.5`: the addresses of the reverse proxies in front.
    public static func trustedProxies(from environment: [String: String]) -> Set<String> {
        Set((environment["DXTRACK_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey { typealias Value = Set<String> }

    /// Reverse proxies whose `X-Forwarded-For` is believed; none unless configured.
    public var trustedProxies: Set<String> {
        get { storage[TrustedProxiesKey.self] ?? [] }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}
