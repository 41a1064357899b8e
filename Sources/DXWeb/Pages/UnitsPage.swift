import DXCore
import DXStore

enum UnitsPage {
    struct Model {
        var tree: UnitTree
        /// The day the tree is drawn for (units valid then; a reused code names its unit of that day).
        var asOf: CalendarDate?
    }

    static func query(_ store: Store, asOf: CalendarDate? = nil) async throws -> Model {
        Model(tree: try await store.unitTree(asOf: asOf), asOf: asOf)
    }

    static func render(_ m: Model) -> String {
        var b = "<h1>\(m.asOf.map { t("Cây đơn vị ngày %@", VNDate.numeric($0)) } ?? t("Cây đơn vị"))</h1>"
        b += "<form method=\"get\" class=\"inline\"><label>\(t("Xem cây đơn vị vào ngày")) <input type=\"date\" name=\"asOf\" value=\"\(m.asOf?.iso ?? "")\"></label> <button>\(t("Xem"))</button></form>"
        let day = m.asOf ?? .today()
        if m.tree.roots.isEmpty { b += "<p>\(t("Chưa có đơn vị nào."))</p>" }
        func node(_ u: OrgUnit) -> String {
            let closed = u.validTo.map { $0 < day } ?? false
            var s = "<li\(closed ? " class=\"muted\"" : "")><strong>\(escape(u.name))</strong> <span class=\"muted\">(\(escape(u.code)) · \(escape(translated(u.kind.labelVI)))"
            if let from = u.validFrom, day < from { s += " · " + t("từ %@", VNDate.numeric(from)) }
            if let to = u.validTo { s += " · " + t("đến %@", VNDate.numeric(to)) }
            s += ")</span>"
            let children = m.tree.children(of: u.code)
            if !children.isEmpty {
                s += "<ul class=\"tree\">" + children.map(node).joined() + "</ul>"
            }
            return s + "</li>"
        }
        b += "<ul class=\"tree\">" + m.tree.roots.compactMap { m.tree[$0] }.map(node).joined() + "</ul>"
        return Layout.page(title: t("Đơn vị"), body: b)
    }
}
