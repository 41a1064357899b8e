import DXCore
import DXStore

enum UnitsPage {
    struct Model {
        var tree: UnitTree
    }

    static func query(_ store: Store) async throws -> Model {
        Model(tree: try await store.unitTree())
    }

    static func render(_ m: Model) -> String {
        var b = "<h1>\(t("Cây đơn vị"))</h1>"
        if m.tree.roots.isEmpty { b += "<p>\(t("Chưa có đơn vị nào."))</p>" }
        func node(_ u: OrgUnit) -> String {
            var s = "<li><strong>\(escape(u.name))</strong> <span class=\"muted\">(\(escape(u.code)) · \(escape(translated(u.kind.labelVI)))"
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
