import DXCore
import Foundation
import Vapor

/// Chooses the language of each response:
/// 1. a signed-in account's own choice (stored on the account, so it follows the user to any
///    browser and survives logging out and in);
/// 2. otherwise `?lang=vi|en` on any page (the switch), which also sets the `dxtrack_lang`
///    cookie so that the next pages stay in that language;
/// 3. otherwise that cookie;
/// 4. otherwise Vietnamese. The browser's Accept-Language is not read: most Vietnamese
///    officials' browsers ask for English, and they expect their own administration's system
///    in Vietnamese. English is a choice, never a guess.
/// The JSON API is always Vietnamese: its contract says its messages are.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "dxtrack_lang"
    static let cookieLifetime = 365 * 24 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let asked = request.url.path.hasPrefix("/api/") ? nil : request.query[String.self, at: "lang"].flatMap(Language.init(rawValue:))
        let response = try await Language.$current.withValue(Self.language(for: request)) {
            try await next.respond(to: request)
        }
        if let asked { response.cookies[Self.cookieName] = Self.cookie(asked, req: request) }
        return response
    }

    /// The language of a request, by the rules above. Also used by the error page, which is
    /// rendered outside this middleware.
    static func language(for req: Request) -> Language {
        if req.url.path.hasPrefix("/api/") { return .vi }
        if let a = req.storage[AccountKey.self] { return a.language }
        if let q = req.query[String.self, at: "lang"].flatMap(Language.init(rawValue:)) { return q }
        if let c = req.cookies[cookieName]?.string, let l = Language(rawValue: c) { return l }
        return .vi
    }

    static func cookie(_ l: Language, req: Request) -> HTTPCookies.Value {
        WebSessionMiddleware.cookie(l.rawValue, req: req, maxAge: cookieLifetime)
    }
}
