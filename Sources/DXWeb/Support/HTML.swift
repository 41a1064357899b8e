import DXCore

/// Escapes text for HTML element content and attribute values. Every value that comes from
/// data passes through here; literal markup is written in the views.
func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
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
    return out
}

enum Layout {
    static func page(title: String, @HTMLBuilder body: () -> Node) -> String {
        page(title: title, body: body().html)
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(Language.current.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · dxtrack</title>
        <link rel="stylesheet" href="\(SiteRoute.stylesheet.path)">
        </head>
        <body>
        <a class="skip" href="#main">\(t("Bỏ qua thanh điều hướng"))</a>
        <header class="site"><div class="bar"><a class="brand" href="\(SiteRoute.home.path)">dxtrack</a>
        <input type="checkbox" id="nav-toggle" class="nav-toggle"><label class="menu-button" for="nav-toggle">\(t("Danh mục"))</label>
        <nav aria-label="\(t("Điều hướng chính"))"><a href="\(SiteRoute.home.path)">\(t("Kế hoạch"))</a> <a href="\(SiteRoute.units.path)">\(t("Đơn vị"))</a> <a href="\(SiteRoute.rankings.path)">\(t("Xếp hạng"))</a>\(UserBar.html())</nav></div></header>
        <main id="main">
        \(scrollRegions(body))
        </main>
        <footer class="site">\(t("dxtrack — theo dõi chuyển đổi số"))</footer>
        </body>
        </html>
        """
    }

    /// Every `.wide` wrapper is a region that scrolls sideways on its own: named, reachable with
    /// the keyboard (a scrolling box must be), and saying on a phone that it scrolls. Only the
    /// literal markup written by the views matches: data reaches the body escaped, so no value
    /// can contain `<div`.
    static func scrollRegions(_ body: String) -> String {
        guard body.contains("<div class=\"wide\">") else { return body }
        let label = t("Bảng rộng, kéo ngang để xem hết")
        return body.replacingOccurrences(of: "<div class=\"wide\">",
            with: "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"\(escape(label))\" data-hint=\"\(escape(label)) →\">")
    }
}

/// A cell of a `table.stacked`: under 600 px the table becomes one card per row and each cell
/// shows its column's name from `data-label` beside its value. The value is one element (a
/// grid item), so a figure and the bar or note beside it stay together; a row's title cell
/// spans the card and needs no wrapper.
func cell(_ label: String, _ html: String, _ cls: String? = nil) -> String {
    let open = "<td data-label=\"\(escape(label))\"" + (cls.map { " class=\"\($0)\"" } ?? "") + ">"
    return cls == "title" ? open + html + "</td>" : open + "<span class=\"v\">" + html + "</span></td>"
}

/// A cell of a `table.stacked` (see `cell(_:_:_:)`), typed.
func cell(_ label: String, _ cls: String? = nil, @HTMLBuilder _ content: () -> Node) -> Node {
    let inner = content()
    if cls == "title" { return .td(.data("label", label), .class("title")) { inner } }
    return .td(.data("label", label), cls.map { .class($0) }) { Node.span(.class("v")) { inner } }
}

/// An empty list says so and what to do next (typed).
func emptyStateNode(_ what: String, next: String) -> Node {
    .div(.class("empty")) { Node.strong(text: what); Node.p(text: next) }
}

/// An empty list says so and what to do next: who fills it, and where.
func emptyState(_ what: String, next: String) -> String {
    "<div class=\"empty\"><strong>\(escape(what))</strong><p>\(escape(next))</p></div>"
}
