import DXCore

/// The part of the header that depends on who is logged in.
enum UserBar {
    static func html() -> String {
        guard let a = RequestContext.account else {
            return " <a href=\"\(SiteRoute.rounds.path)\">Báo cáo định kỳ</a> <a class=\"login\" href=\"\(SiteRoute.login(next: nil).path)\">Đăng nhập</a>"
        }
        var s = " <a href=\"\(SiteRoute.rounds.path)\">Báo cáo định kỳ</a>"
        if AccessPolicy.roleAllows(a.role, .setUp) { s += " <a href=\"\(SiteRoute.setup(query: nil).path)\">Thiết lập</a>" }
        if AccessPolicy.roleAllows(a.role, .manageAccounts) { s += " <a href=\"\(SiteRoute.accounts.path)\">Tài khoản</a>" }
        s += " <span class=\"who\">\(escape(a.displayName)) (\(escape(a.role.labelVI)))</span>"
        s += " <form class=\"inline\" method=\"post\" action=\"\(SiteRoute.logout.path)\">\(CSRFMiddleware.field(RequestContext.csrfToken))<button type=\"submit\" class=\"link\">Đăng xuất</button></form>"
        return s
    }
}
