import DXCore

/// The part of the header that depends on who is logged in, with the language switch.
enum UserBar {
    static func html() -> String {
        guard let a = RequestContext.account else {
            return " <a href=\"\(SiteRoute.rounds.path)\">\(t("Báo cáo định kỳ"))</a> <a class=\"login\" href=\"\(SiteRoute.login(next: nil).path)\">\(t("Đăng nhập"))</a>"
                + anonymousSwitch()
        }
        var s = " <a href=\"\(SiteRoute.rounds.path)\">\(t("Báo cáo định kỳ"))</a>"
        s += " <a href=\"\(SiteRoute.reportTemplates.path)\">\(t("Mẫu báo cáo"))</a>"
        s += " <a href=\"\(SiteRoute.tableForms.path)\">\(t("Biểu mẫu"))</a>"
        s += " <a href=\"\(SiteRoute.lint.path)\">\(t("Kiểm tra báo cáo"))</a>"
        if AccessPolicy.roleAllows(a.role, .setUp) { s += " <a href=\"\(SiteRoute.setup(query: nil).path)\">\(t("Thiết lập"))</a>" }
        if AccessPolicy.roleAllows(a.role, .setUp) { s += " <a href=\"\(SiteRoute.ingest.path)\">\(t("Nhập phụ lục"))</a>" }
        if AccessPolicy.roleAllows(a.role, .manageAccounts) { s += " <a href=\"\(SiteRoute.accounts.path)\">\(t("Tài khoản"))</a>" }
        s += " <a href=\"\(SiteRoute.accountNotices.path)\">\(t("Thông báo"))</a>"
        s += " <span class=\"who\">\(escape(a.displayName)) (\(escape(translated(a.role.labelVI))))</span>"
        s += signedInSwitch()
        s += " <form class=\"inline\" method=\"post\" action=\"\(SiteRoute.logout.path)\">\(CSRFMiddleware.field(RequestContext.csrfToken))<button type=\"submit\" class=\"link\">\(t("Đăng xuất"))</button></form>"
        return s
    }

    /// The other language, named in itself (a reader who cannot read the current one still
    /// finds the way out).
    static var other: Language { Language.current == .en ? .vi : .en }

    /// Visitors switch with a link: `?lang=` sets a cookie (see `LanguageMiddleware`).
    static func anonymousSwitch() -> String {
        let path = RequestContext.path ?? SiteRoute.home.path
        return " <a class=\"lang\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\" href=\"\(escape(path))?lang=\(other.rawValue)\">\(escape(other.nativeName))</a>"
    }

    /// Signed-in users store their choice on the account: a form, so it carries the CSRF token.
    static func signedInSwitch() -> String {
        var s = " <form class=\"inline\" method=\"post\" action=\"\(SiteRoute.accountLanguage.path)\">\(CSRFMiddleware.field(RequestContext.csrfToken))"
        s += "<input type=\"hidden\" name=\"next\" value=\"\(escape(RequestContext.returnPath ?? SiteRoute.home.path))\">"
        s += "<button type=\"submit\" class=\"link\" name=\"language\" value=\"\(other.rawValue)\" lang=\"\(other.rawValue)\">\(escape(other.nativeName))</button></form>"
        return s
    }
}
