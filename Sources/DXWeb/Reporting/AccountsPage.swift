import DXCore
import DXStore

/// Administrators create, disable, enable accounts and reset passwords.
enum AccountsPage {
    static func render(accounts: [Account], units: [OrgUnit], csrf: String, form: FormData?, error: String?, flash: String?) -> String {
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.name) })
        return Layout.page(title: t("Tài khoản")) {
            Node.h1(text: t("Tài khoản"))
            ViewParts.flash(flash)
            ViewParts.alert(error)
            wideTable {
                Node.table(.id("accounts")) {
                    Node.columnHeads([t("Tên đăng nhập"), t("Họ tên"), t("Vai trò"), t("Đơn vị"), t("Trạng thái"), t("Thao tác")], scoped: false)
                    Node.tbody { for a in accounts { row(a, unitName: names[a.unitCode] ?? a.unitCode, csrf: csrf) } }
                }
            }
            Node.h2(text: t("Tạo tài khoản"))
            newAccount(units: units, form: form, csrf: csrf)
        }
    }

    static func row(_ a: Account, unitName: String, csrf: String) -> Node {
        let toggle = a.disabled ? ("enable", t("Mở khóa")) : ("disable", t("Khóa"))
        return .tr {
            Node.td(text: a.username)
            Node.td(text: a.displayName)
            Node.td(text: translated(a.role.labelVI))
            Node.td(text: unitName)
            Node.td { if a.disabled { Node.span(.class("badge s-not"), text: t("Đã khóa")) } else { t("Đang dùng") } }
            Node.td {
                Node.form(.method("post"), .class("inline"), .action(.accountAction(username: a.username, action: toggle.0))) {
                    csrfField(csrf)
                    Node.button(.type("submit"), text: toggle.1)
                }
                " "
                Node.form(.method("post"), .class("inline"), .action(.accountAction(username: a.username, action: "reset"))) {
                    csrfField(csrf)
                    Node.input(.name("password"), .type("password"), Attribute("placeholder", t("Mật khẩu mới")),
                               Attribute("autocomplete", "new-password"), .flag("required"))
                    " "
                    Node.button(.type("submit"), text: t("Đặt lại mật khẩu"))
                }
            }
        }
    }

    static func newAccount(units: [OrgUnit], form: FormData?, csrf: String) -> Node {
        .form(.method("post"), .action(.accounts), .class("stack narrow")) {
            csrfField(csrf)
            ViewParts.field(t("Tên đăng nhập"), Node.input(.name("username"), .flag("required"), Attribute("autocapitalize", "none"), .value(form?["username"] ?? "")))
            ViewParts.field(t("Họ tên"), Node.input(.name("displayName"), .value(form?["displayName"] ?? "")))
            ViewParts.field(t("Vai trò"), Node.select(.name("role")) {
                ViewParts.options(Role.allCases, selected: form?["role"], value: \.rawValue, label: { translated($0.labelVI) })
            })
            ViewParts.field(t("Đơn vị"), Node.select(.name("unit")) {
                ViewParts.options(units, selected: form?["unit"], value: \.code, label: { "\($0.name) (\($0.code))" })
            })
            ViewParts.field(t("Mật khẩu (ít nhất 8 ký tự)"), Node.input(.name("password"), .type("password"), .flag("required"), Attribute("autocomplete", "new-password")))
            Node.button(.type("submit"), .class("primary"), text: t("Tạo tài khoản"))
        }
    }
}
