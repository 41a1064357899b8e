import DXCore
import DXStore
import Foundation
import Vapor

/// Login and logout. Guesses are limited per account and address, per account and per
/// address (`LoginLimits`): once a bucket is full, further tries are refused until its window
/// passes. Passwords are checked on `BcryptPool`'s own threads.
struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .login, use: form)
        routes.register(.POST, .login, use: login)
        routes.register(.POST, .logout, use: logout)
    }

    func form(req: Request) async throws -> Response {
        let next = req.query[String.self, at: "next"]
        return loginPage(req, next: next, username: "", error: nil, status: .ok)
    }

    /// The login form sets its own CSRF cookie (there is no session yet to hold the token).
    func loginPage(_ req: Request, next: String?, username: String, error: String?, status: HTTPStatus) -> Response {
        let token = req.cookies[CSRFMiddleware.cookieName]?.string ?? CSRFMiddleware.newToken()
        let r = html(Layout.page(title: t("Đăng nhập")) {
            Node.h1(text: t("Đăng nhập"))
            if let e = error { Node.p(.class("err"), .role("alert"), text: e) }
            Node.form(.method("post"), .action(.login(next: nil)), .class("stack narrow")) {
                csrfField(token)
                Node.hidden("next", next ?? "")
                Node.label {
                    t("Tên đăng nhập")
                    " "
                    Node.input(.name("username"), Attribute("autocomplete", "username"), Attribute("autocapitalize", "none"),
                               .flag("required"), .value(username))
                }
                Node.label {
                    t("Mật khẩu")
                    " "
                    Node.input(.name("password"), .type("password"), Attribute("autocomplete", "current-password"), .flag("required"))
                }
                Node.button(.type("submit"), .class("primary"), text: t("Đăng nhập"))
            }
        })
        r.status = status
        r.cookies[CSRFMiddleware.cookieName] = WebSessionMiddleware.cookie(token, req: req, maxAge: 2 * 3600)
        return r
    }

    func login(req: Request) async throws -> Response {
        let form = try await FormData.read(req)
        let username = String((form["username"] ?? "").trimmingCharacters(in: .whitespaces).prefix(Self.maxUsernameLength))
        let password = form["password"] ?? ""
        let next = form["next"].flatMap(Self.safeNext)
        let ip = req.clientIP
        let now = Date()
        let limits = req.application.loginLimits
        let buckets = limits.buckets(username: username, address: ip)
        // The guess is counted before the password is checked: parallel guesses cannot all
        // read "under the limit" and then all be checked.
        if case .refused(let limit, let until) = try await req.store.reserveLoginAttempt(buckets, window: limits.window, now: now) {
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            return loginPage(req, next: next, username: username,
                             error: t("Đăng nhập sai quá %@ lần. Vui lòng thử lại sau %@ phút.", limit, minutes), status: .tooManyRequests)
        }
        let found = try await req.store.account(username: username)
        // Unknown and disabled accounts cost the same check as real ones.
        let usable = found.flatMap { $0.account.disabled ? nil : $0 }
        let ok: Bool
        do {
            ok = try await req.bcryptPool.verify(password, hash: usable?.passwordHash)
        } catch let busy as BcryptPool.Busy {
            // Not checked, so not a guess: give its places back.
            try await req.store.releaseLoginAttempt(buckets.map { var b = $0; b.clearedBySuccess = false; return b })
            let r = loginPage(req, next: next, username: username, error: t("Máy chủ đang bận kiểm tra đăng nhập. Vui lòng thử lại sau ít phút."), status: busy.status)
            r.headers.replaceOrAdd(name: "Retry-After", value: "30")
            return r
        }
        try await req.store.recordLoginAttempt(username: username, ip: ip, succeeded: ok, at: now)
        guard ok, let account = usable?.account else {
            return loginPage(req, next: next, username: username,
                             error: t("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."), status: .unauthorized)
        }
        try await req.store.releaseLoginAttempt(buckets)
        try await req.store.pruneSessions(now: now)
        let token = Credentials.newToken()
        try await req.store.createSession(username: account.username, tokenHash: Credentials.tokenHash(token),
                                          csrfToken: CSRFMiddleware.newToken(),
                                          expiresAt: now.addingTimeInterval(WebSessionMiddleware.lifetime), ip: ip)
        let r = req.redirect(to: next ?? SiteRoute.rounds.path, redirectType: .normal)
        r.cookies[WebSessionMiddleware.cookieName] = WebSessionMiddleware.cookie(token, req: req, maxAge: Int(WebSessionMiddleware.lifetime))
        return r
    }

    /// Longer names cannot exist; cutting them keeps the throttle's keys small.
    static let maxUsernameLength = 100

    /// Only a path of this site: one "/" followed by neither "/" nor "\" (both send the browser
    /// to another host), and no control or white-space character anywhere, raw or
    /// percent-encoded: browsers drop a tab or a newline, so "/\t/evil" becomes "//evil".
    static func safeNext(_ s: String) -> String? {
        guard s.utf8.count <= 2_000, let decoded = s.removingPercentEncoding else { return nil }
        for form in [s, decoded] {
            guard form.hasPrefix("/") else { return nil }
            if form.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.isWhitespace
                || [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }) { return nil }
            if form.dropFirst().first == "/" { return nil }
        }
        // Encoded twice ("%252F"): refuse rather than guess how often something decodes it.
        if let twice = decoded.removingPercentEncoding, twice != decoded { return nil }
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
