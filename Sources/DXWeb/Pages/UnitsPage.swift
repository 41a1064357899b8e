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
        let day = m.asOf ?? .today()
        func item(_ u: OrgUnit) -> Node {
            let closed = u.validTo.map { $0 < day } ?? false
            var facts = [u.code, translated(u.kind.labelVI)]
            if let from = u.validFrom, day < from { facts.append(t("từ %@", VNDate.numeric(from))) }
            if let to = u.validTo { facts.append(t("đến %@", VNDate.numeric(to))) }
            let children = m.tree.children(of: u.code)
            return .li(closed ? .class("muted") : nil) {
                Node.strong(text: u.name)
                " "
                Node.span(.class("muted"), text: "(" + facts.joined(separator: " · ") + ")")
                if !children.isEmpty {
                    Node.ul(.class("tree")) { children.map(item) }
                }
            }
        }
        return Layout.page(title: t("Đơn vị")) {
            Node.h1(text: m.asOf.map { t("Cây đơn vị ngày %@", VNDate.numeric($0)) } ?? t("Cây đơn vị"))
            Node.form(.method("get"), .class("inline")) {
                Node.label {
                    t("Xem cây đơn vị vào ngày")
                    " "
                    Node.input(.type("date"), .name("asOf"), .value(m.asOf?.iso ?? ""))
                }
                " "
                Node.button(text: t("Xem"))
            }
            if m.tree.roots.isEmpty { Node.p(text: t("Chưa có đơn vị nào.")) }
            Node.ul(.class("tree")) { m.tree.roots.compactMap { m.tree[$0] }.map(item) }
        }
    }
}
