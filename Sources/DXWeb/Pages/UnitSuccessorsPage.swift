import DXCore
import DXStore
import Foundation
import Vapor

/// Which old department becomes which new one when two provinces merge: the coordinator's
/// page for what `dxtrack units successor` does, through the same checks and audit.
struct UnitSuccessorsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .unitSuccessors, use: page)
        routes.register(.POST, .unitSuccessors, use: match)
        routes.register(.POST, .unitSuccessorAccounts, use: moveAccounts)
    }

    /// The accounts of closed units that the reader may move: those whose successor unit is
    /// within the reader's scope for managing accounts.
    func movableAccounts(_ req: Request, dryRun: Bool, only usernames: Set<String>? = nil) async throws
        -> [(username: String, from: String, to: String)] {
        guard let account = req.account, !account.disabled, AccessPolicy.roleAllows(account.role, .manageAccounts) else { return [] }
        let tree = try await req.store.unitTree()
        return try await req.store.moveAccountsOfClosedUnits(asOf: .today(), actor: req.actor.username, dryRun: dryRun) { user, to in
            (usernames?.contains(user) ?? true) && AccessPolicy.allows(account, .manageAccounts, unit: to, in: tree)
        }.moved
    }

    func render(_ req: Request, error: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        // The successor's side decides: a unit is listed to those who may set up one of its
        // candidates (the new province's administrators), or the unit itself.
        let open = try await req.store.unsettledUnits().filter { u in
            ([u.unit] + u.candidates).contains { AccessPolicy.allows(account, .setUp, owner: $0.code, in: tree) }
        }
        let movable = try await movableAccounts(req, dryRun: true)
        let csrf = req.csrf
        let flash = req.query[String.self, at: "msg"] == "ok"
        let moved = req.query[Int.self, at: "moved"]
        let r = html(Layout.page(title: t("Đơn vị kế thừa sau sắp xếp")) {
            Node.h1(text: t("Đơn vị kế thừa sau sắp xếp"))
            if flash { Node.p(.class("flash"), text: t("Đã ghi đơn vị kế thừa.")) }
            if let n = moved { Node.p(.class("flash"), text: t("Đã chuyển %@ tài khoản sang đơn vị kế thừa.", VNNumber.format(n))) }
            if let error { Node.p(.class("error"), text: error) }
            if open.isEmpty { Node.p(text: t("Không còn đơn vị nào thuộc đơn vị đã kết thúc mà chưa có đơn vị kế thừa.")) }
            Node.table {
                Node.columnHeads([t("Đơn vị"), t("Thuộc"), t("Đơn vị kế thừa")], scoped: false)
                Node.tbody { open.map { Self.unitRow($0, csrf: csrf) } }
            }
            if !movable.isEmpty { Self.accountsForm(movable, csrf: csrf) }
        })
        r.status = status
        return r
    }

    static func unitRow(_ u: UnsettledUnit, csrf: String) -> Node {
        .tr {
            Node.td(text: "\(u.unit.name) (\(u.unit.code))")
            Node.td(text: u.parent.displayName)
            Node.td {
                Node.form(.method("post"), .class("inline"), Attribute("action", "/units/successors")) {
                    csrfField(csrf)
                    Node.hidden("from", u.unit.code)
                    Node.hidden("date", u.day.iso)
                    Node.select(.name("to")) {
                        u.candidates.map { Node.option(.value($0.code), text: "\($0.name) (\($0.code))") }
                    }
                    " "
                    Node.button(.type("submit"), text: t("Ghi"))
                }
            }
        }
    }

    static func accountsForm(_ movable: [(username: String, from: String, to: String)], csrf: String) -> Node {
        .group {
            Node.h2(text: t("Tài khoản của đơn vị đã kết thúc"))
            Node.form(.method("post"), Attribute("action", "/units/successors/accounts")) {
                csrfField(csrf)
                Node.table {
                    Node.columnHeads([t("Tài khoản"), t("Đơn vị cũ"), t("Chuyển sang")], scoped: false)
                    Node.tbody {
                        for m in movable {
                            Node.tr {
                                Node.td {
                                    Node.label {
                                        Node.input(.type("checkbox"), .name("user"), .value(m.username), .flag("checked"))
                                        " \(m.username)"
                                    }
                                }
                                Node.td(text: m.from)
                                Node.td(text: m.to)
                            }
                        }
                    }
                }
                Node.button(.type("submit"), .class("primary"), text: t("Chuyển các tài khoản đã chọn"))
            }
        }
    }

    func page(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        return try await render(req)
    }

    func match(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let f = try await FormData.read(req)
        let from = f["from"] ?? "", to = f["to"] ?? ""
        guard let day = CalendarDate(iso: f["date"] ?? ""), !from.isEmpty, !to.isEmpty else {
            return try await render(req, error: t("Chưa chọn đơn vị kế thừa."), status: .unprocessableEntity)
        }
        let tree = try await req.store.unitTree()
        try req.authorize(.setUp, owner: to, tree: tree)
        // Only what the page offers: an open unit under a closed parent, to one of its candidates
        // under the parent's successor (never another unit anywhere in the tree).
        let offered = try await req.store.unsettledUnits().contains { $0.unit.code == from && $0.candidates.contains { $0.code == to } }
        guard offered else {
            return try await render(req, error: t("Đơn vị %@ không chờ đơn vị kế thừa %@.", from, to), status: .unprocessableEntity)
        }
        let change = UnitChange(line: 1, date: day, kind: .merge, fromCodes: [from], toCodes: [to])
        let o = try await req.store.applyUnitChanges([change], actor: req.actor.username, source: "web", dryRun: false)
        guard o.errors.isEmpty else {
            return try await render(req, error: o.errors.map { $0.replacingOccurrences(of: "Dòng 1: ", with: "") }.joined(separator: " "),
                                    status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.unitSuccessors.path(message: "ok"), redirectType: .normal)
    }

    /// Moves the chosen accounts (each audited), only those the page offered the reader.
    func moveAccounts(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        let chosen = Set(try await FormData.read(req).all("user"))
        guard !chosen.isEmpty else {
            return try await render(req, error: t("Chưa chọn tài khoản nào."), status: .unprocessableEntity)
        }
        let moved = try await movableAccounts(req, dryRun: false, only: chosen)
        return req.redirect(to: SiteRoute.unitSuccessors.path + "?moved=\(moved.count)", redirectType: .normal)
    }
}
