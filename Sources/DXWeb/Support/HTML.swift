import DXCore

/// Escapes text for HTML element content and attribute values. Every value that comes from
/// data passes through here; literal markup is written in the views.
func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    escape(s, into: &out)
    return out
}

/// Escapes `s` onto the end of `out`: a page's text goes straight into the page, with no string
/// of its own. Text without a character to escape (most of it) is appended whole.
func escape(_ s: String, into out: inout String) {
    guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
        out += s
        return
    }
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(ch)
        }
    }
}

enum Layout {
    static func page(title: String, @HTMLBuilder body: () -> Node) -> String {
        document(title: title, main: body()).html
    }

    static func document(title: String, main: Node) -> Node {
        .group {
            Node.trusted("<!doctype html>\n")
            Node.el("html", .lang(Language.current.rawValue)) {
                head(title)
                Node.el("body") {
                    Node.a(.class("skip"), .href("#main"), text: t("Bỏ qua thanh điều hướng"))
                    header()
                    Node.el("main", .id("main")) { main }
                    Node.el("footer", .class("site"), text: t("dxtrack — theo dõi chuyển đổi số"))
                }
            }
        }
    }

    static func head(_ title: String) -> Node {
        Node.el("head") {
            Node.meta(Attribute("charset", "utf-8"))
            Node.meta(.name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
            Node.el("title", text: title + " · dxtrack")
            Node.void("link", [Attribute("rel", "stylesheet"), .href(SiteRoute.stylesheet)])
        }
    }

    /// The site header: the menu is a checkbox and its label, so it opens on a phone without JavaScript.
    static func header() -> Node {
        Node.el("header", .class("site")) {
            Node.div(.class("bar")) {
                Node.a(.class("brand"), .href(SiteRoute.home), text: "dxtrack")
                Node.input(.type("checkbox"), .id("nav-toggle"), .class("nav-toggle"))
                Node.label(.class("menu-button"), .for("nav-toggle"), text: t("Danh mục"))
                Node.nav(.aria("label", t("Điều hướng chính"))) {
                    Node.link(.home, t("Kế hoạch"))
                    " "
                    Node.link(.units, t("Đơn vị"))
                    " "
                    Node.link(.rankings, t("Xếp hạng"))
                    UserBar.node()
                }
            }
        }
    }

    /// What the wide wrappers say: they scroll sideways on their own.
    static var wideLabel: String { t("Bảng rộng, kéo ngang để xem hết") }
}

/// A table too wide for a phone, in a region that scrolls sideways on its own: named, reachable
/// with the keyboard (a scrolling box must be), and saying on a phone that it scrolls.
func wideTable(@HTMLBuilder _ content: () -> Node) -> Node {
    let label = Layout.wideLabel
    return .div(.class("wide"), .role("region"), .attr("tabindex", 0), .aria("label", label), .data("hint", label + " →")) { content() }
}

/// A cell of a `table.stacked`: under 600 px the table becomes one card per row and each cell
/// shows its column's name from `data-label` beside its value. The value is one element (a
/// grid item), so a figure and the bar or note beside it stay together; a row's title cell
/// spans the card and needs no wrapper.
func cell(_ label: String, _ cls: String? = nil, @HTMLBuilder _ content: () -> Node) -> Node {
    let inner = content()
    if cls == "title" { return .td(.data("label", label), .class("title")) { inner } }
    return .td(.data("label", label), cls.map { .class($0) }) { Node.span(.class("v")) { inner } }
}

/// An empty list says so and what to do next: who fills it, and where.
func emptyState(_ what: String, next: String) -> Node {
    .div(.class("empty")) { Node.strong(text: what); Node.p(text: next) }
}
