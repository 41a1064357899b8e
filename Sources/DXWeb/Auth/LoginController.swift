import DXCore
import DXStore
import Foundation
import Vapor

/// Login and logout. Failed logins are throttled per username and address: after
/// `maxFailures` failures within `window`, further tries are refused until the window passes.
struct LoginController: RouteCollection {
    static let maxFailures = 5
    static let window: TimeInterval = 15 * 60

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
    }

    func form(req: Request) async throws -> Response {
        let next = req.query[String.self, at: "next"]
        return loginPage(req, next: next, username: "", error: nil, status: .ok)
    }

    /// The login form sets its own CSRF cookie (there is no session yet to hold the token).
    func loginPage(_ req: Request, next: String?, username: String, error: String?, status: HTTPStatus) -> Response {
        let token = req.cookies[CSRFMiddleware.cookieName]?.string ?? CSRFMiddleware.newToken()
        var b = "<h1>\(t("Đăng nhập"))</h1>"
        if let e = error { b += "<p class=\"err\" role=\"alert\">\(escape(e))</p>" }
        b += """
        <form method="post" action="\(SiteRoute.login(next: nil).path)" class="stack narrow">
        \(CSRFMiddleware.field(token))
        <input type="hidden" name="next" value="\(escape(next ?? ""))">
        <label>\(t("Tên đăng nhập")) <input name="username" autocomplete="username" autocapitalize="none" required value="\(escape(username))"></label>
        <label>\(t("Mật khẩu")) <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">\(t("Đăng nhập"))</button>
        </form>
        """
        let r = html(Layout.page(title: t("Đăng nhập"), body: b))
        r.status = status
        r.cookies[CSRFMiddleware.cookieName] = WebSessionMiddleware.cookie(token, req: req, maxAge: 2 * 3600)
        return r
    }

    func login(req: Request) async throws -> Response {
        let form = try await FormData.read(req)
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let next = form["next"].flatMap(Self.safeNext)
        let ip = req.clientIP
        let now = Date()
        let recent = try await req.store.recentLoginFailures(username: username, ip: ip, since: now.addingTimeInterval(-Self.window))
        if recent.count >= Self.maxFailures {
            let until = (recent.oldest ?? now).addingTimeInterval(Self.window)
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            return loginPage(req, next: next, username: username,
                             error: t("Đăng nhập sai quá %@ lần. Vui lòng thử lại sau %@ phút.", Self.maxFailures, minutes), status: .tooManyRequests)
        }
        let found = try await req.store.account(username: username)
        let ok = found.map { !$0.account.disabled && Credentials.verify(password, hash: $0.passwordHash) } ?? false
        try await req.store.recordLoginAttempt(username: username, ip: ip, succeeded: ok, at: now)
        guard ok, let account = found?.account else {
            return loginPage(req, next: next, username: username,
                             error: t("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."), status: .unauthorized)
        }
        try await req.store.pruneSessions(now: now)
        let token = Credentials.newToken()
        try await req.store.createSession(username: account.username, tokenHash: Credentials.tokenHash(token),
                                          csrfToken: CSRFMiddleware.newToken(),
                                          expiresAt: now.addingTimeInterval(WebSessionMiddleware.lifetime), ip: ip)
        let r = req.redirect(to: next ?? SiteRoute.rounds.path, redirectType: .normal)
        r.cookies[WebSessionMiddleware.cookieName] = WebSessionMiddleware.cookie(token, req: req, maxAge: Int(WebSessionMiddleware.lifetime))
        return r
    }

    /// Only paths of this site: "//host" and "/\\host" would send the browser elsewhere.
    static func safeNext(_ s: String) -> String? {
        guard s.hasPrefix("/"), !s.hasPrefix("//"), !s.contains("\\"), !s.contains("\r"), !s.contains("\n") else { return nil }
        return s
    }

    func logout(req: Request) async throws -> Response {
        if let token = req.cookies[WebSessionMiddleware.cookieName]?.string {
            try await req.store.deleteSession(tokenHash: Credentials.tokenHash(token))
        }
        let r = req.redirect(to: SiteRoute.home.path, redirectType: .normal)
        r.cookies[WebSessionMiddleware.cookieName] = WebSessionMiddleware.cookie("", req: req, maxAge: 0)
        return r
    }
}

/// For tests: the redirect check of the login form.
public enum LoginControllerTestHook {
    public static func safeNext(_ s: String) -> String? { LoginController.safeNext(s) }
}
