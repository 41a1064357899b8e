import DXCore
import DXStore

/// Administrators create, disable, enable accounts and reset passwords.
enum AccountsPage {
    static func render(accounts: [Account], units: [OrgUnit], csrf: String, form: FormData?, error: String?, flash: String?) -> String {
        var b = "<h1>\(t("Tài khoản"))</h1>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<p class=\"err\" role=\"alert\">\(escape(e))</p>" }
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.name) })
        b += "<div class=\"wide\"><table id=\"accounts\"><thead><tr><th>\(t("Tên đăng nhập"))</th><th>\(t("Họ tên"))</th><th>\(t("Vai trò"))</th><th>\(t("Đơn vị"))</th><th>\(t("Trạng thái"))</th><th>\(t("Thao tác"))</th></tr></thead><tbody>"
        for a in accounts {
            b += "<tr><td>\(escape(a.username))</td><td>\(escape(a.displayName))</td><td>\(escape(translated(a.role.labelVI)))</td>"
            b += "<td>\(escape(names[a.unitCode] ?? a.unitCode))</td><td>\(a.disabled ? "<span class=\"badge s-not\">\(t("Đã khóa"))</span>" : t("Đang dùng"))</td><td>"
            let toggle = a.disabled ? ("enable", t("Mở khóa")) : ("disable", t("Khóa"))
            b += "<form method=\"post\" class=\"inline\" action=\"\(SiteRoute.accountAction(username: a.username, action: toggle.0).path)\">\(CSRFMiddleware.field(csrf))<button type=\"submit\">\(toggle.1)</button></form> "
            b += "<form method=\"post\" class=\"inline\" action=\"\(SiteRoute.accountAction(username: a.username, action: "reset").path)\">\(CSRFMiddleware.field(csrf))<input name=\"password\" type=\"password\" placeholder=\"\(t("Mật khẩu mới"))\" autocomplete=\"new-password\" required> <button type=\"submit\">\(t("Đặt lại mật khẩu"))</button></form>"
            b += "</td></tr>"
        }
        b += "</tbody></table></div>"
        func v(_ n: String) -> String { escape(form?[n] ?? "") }
        b += "<h2>\(t("Tạo tài khoản"))</h2><form method=\"post\" action=\"\(SiteRoute.accounts.path)\" class=\"stack narrow\">\(CSRFMiddleware.field(csrf))"
        b += "<label>\(t("Tên đăng nhập")) <input name=\"username\" required autocapitalize=\"none\" value=\"\(v("username"))\"></label>"
        b += "<label>\(t("Họ tên")) <input name=\"displayName\" value=\"\(v("displayName"))\"></label>"
        b += "<label>\(t("Vai trò")) <select name=\"role\">" + Role.allCases.map { "<option value=\"\($0.rawValue)\"\(form?["role"] == $0.rawValue ? " selected" : "")>\(escape(translated($0.labelVI)))</option>" }.joined() + "</select></label>"
        b += "<label>\(t("Đơn vị")) <select name=\"unit\">" + units.map { "<option value=\"\(escape($0.code))\"\(form?["unit"] == $0.code ? " selected" : "")>\(escape($0.name)) (\(escape($0.code)))</option>" }.joined() + "</select></label>"
        b += "<label>\(t("Mật khẩu (ít nhất 8 ký tự)")) <input name=\"password\" type=\"password\" required autocomplete=\"new-password\"></label>"
        b += "<button type=\"submit\" class=\"primary\">\(t("Tạo tài khoản"))</button></form>"
        return Layout.page(title: t("Tài khoản"), body: b)
    }
}
