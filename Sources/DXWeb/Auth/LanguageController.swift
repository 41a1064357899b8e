import DXCore
import Vapor

/// A signed-in user's choice of interface language, stored on the account.
struct LanguageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.POST, .accountLanguage, use: choose)
    }

    func choose(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let form = try await FormData.read(req)
        guard let language = form["language"].flatMap(Language.init(rawValue:)) else {
            throw Abort(.badRequest, reason: t("Ngôn ngữ không hợp lệ: chọn vi hoặc en."))
        }
        try await req.store.setLanguage(username: account.username, language, by: req.actor)
        let r = req.redirect(to: form["next"].flatMap(LoginController.safeNext) ?? SiteRoute.home.path, redirectType: .normal)
        // The cookie keeps the choice on this browser after logging out.
        r.cookies[LanguageMiddleware.cookieName] = LanguageMiddleware.cookie(language, req: req)
        return r
    }
}
