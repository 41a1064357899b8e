import DXCore

/// The part of the header that depends on who is logged in, with the language switch.
enum UserBar {
    static func node() -> Node {
        guard let a = RequestContext.account else {
            return .group {
                " "
                Node.link(.rounds, t("Báo cáo định kỳ"))
                " "
                Node.link(.login(next: nil), t("Đăng nhập"), .class("login"))
                anonymousSwitch()
            }
        }
        var links: [(SiteRoute, String)] = [(.rounds, t("Báo cáo định kỳ")), (.reportTemplates, t("Mẫu báo cáo")),
                                            (.tableForms, t("Biểu mẫu")), (.lint, t("Kiểm tra báo cáo"))]
        if AccessPolicy.roleAllows(a.role, .setUp) { links += [(.setup(query: nil), t("Thiết lập")), (.ingest, t("Nhập phụ lục"))] }
        if AccessPolicy.roleAllows(a.role, .manageAccounts) { links.append((.accounts, t("Tài khoản"))) }
        links.append((.accountNotices, t("Thông báo")))
        return .group {
            for (route, label) in links { " "; Node.link(route, label) }
            " "
            Node.span(.class("who"), text: "\(a.displayName) (\(translated(a.role.labelVI)))")
            signedInSwitch()
            " "
            Node.form(.class("inline"), .method("post"), .action(.logout)) {
                csrfField(RequestContext.csrfToken)
                Node.button(.type("submit"), .class("link"), text: t("Đăng xuất"))
            }
        }
    }

    /// The other language, named in itself (a reader who cannot read the current one still
    /// finds the way out).
    static var other: Language { Language.current == .en ? .vi : .en }

    /// Visitors switch with a link: `?lang=` sets a cookie (see `LanguageMiddleware`).
    static func anonymousSwitch() -> Node {
        let path = RequestContext.path ?? SiteRoute.home.path
        return .group {
            " "
            Node.a(.class("lang"), .lang(other.rawValue), Attribute("hreflang", other.rawValue),
                   .href("\(path)?lang=\(other.rawValue)"), text: other.nativeName)
        }
    }

    /// Signed-in users store their choice on the account: a form, so it carries the CSRF token.
    static func signedInSwitch() -> Node {
        .group {
            " "
            Node.form(.class("inline"), .method("post"), .action(.accountLanguage)) {
                csrfField(RequestContext.csrfToken)
                Node.hidden("next", RequestContext.returnPath ?? SiteRoute.home.path)
                Node.button(.type("submit"), .class("link"), .name("language"), .value(other.rawValue), .lang(other.rawValue),
                            text: other.nativeName)
            }
        }
    }
}
