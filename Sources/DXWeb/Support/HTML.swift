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
        <header class="site"><a class="brand" href="\(SiteRoute.home.path)">dxtrack</a>
        <nav><a href="\(SiteRoute.home.path)">\(t("Kế hoạch"))</a> <a href="\(SiteRoute.units.path)">\(t("Đơn vị"))</a> <a href="\(SiteRoute.rankings.path)">\(t("Xếp hạng"))</a>\(UserBar.html())</nav></header>
        <main>
        \(body)
        </main>
        <footer class="site">\(t("dxtrack — theo dõi chuyển đổi số"))</footer>
        </body>
        </html>
        """
    }
}
