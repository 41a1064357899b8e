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
        var b = "<h1>\(t("Đơn vị kế thừa sau sắp xếp"))</h1>"
        if let m = req.query[String.self, at: "msg"], m == "ok" { b += "<p class=\"flash\">\(t("Đã ghi đơn vị kế thừa."))</p>" }
        if let n = req.query[Int.self, at: "moved"] { b += "<p class=\"flash\">\(t("Đã chuyển %@ tài khoản sang đơn vị kế thừa.", VNNumber.format(n)))</p>" }
        if let error { b += "<p class=\"error\">\(escape(error))</p>" }
        if open.isEmpty { b += "<p>\(t("Không còn đơn vị nào thuộc đơn vị đã kết thúc mà chưa có đơn vị kế thừa."))</p>" }
        b += "<table><thead><tr><th>\(t("Đơn vị"))</th><th>\(t("Thuộc"))</th><th>\(t("Đơn vị kế thừa"))</th></tr></thead><tbody>"
        for u in open {
            let options = u.candidates.map { "<option value=\"\(escape($0.code))\">\(escape($0.name)) (\(escape($0.code)))</option>" }.joined()
            b += "<tr><td>\(escape(u.unit.name)) (\(escape(u.unit.code)))</td><td>\(escape(u.parent.displayName))</td><td>"
            b += "<form method=\"post\" class=\"inline\" action=\"/units/successors\">\(CSRFMiddleware.field(req.csrf))"
            b += "<input type=\"hidden\" name=\"from\" value=\"\(escape(u.unit.code))\"><input type=\"hidden\" name=\"date\" value=\"\(u.day.iso)\">"
            b += "<select name=\"to\">\(options)</select> <button type=\"submit\">\(t("Ghi"))</button></form></td></tr>"
        }
        b += "</tbody></table>"
        let movable = try await movableAccounts(req, dryRun: true)
        if !movable.isEmpty {
            b += "<h2>\(t("Tài khoản của đơn vị đã kết thúc"))</h2>"
            b += "<form method=\"post\" action=\"/units/successors/accounts\">\(CSRFMiddleware.field(req.csrf))"
            b += "<table><thead><tr><th>\(t("Tài khoản"))</th><th>\(t("Đơn vị cũ"))</th><th>\(t("Chuyển sang"))</th></tr></thead><tbody>"
            for m in movable {
                b += "<tr><td><label><input type=\"checkbox\" name=\"user\" value=\"\(escape(m.username))\" checked> \(escape(m.username))</label></td>"
                b += "<td>\(escape(m.from))</td><td>\(escape(m.to))</td></tr>"
            }
            b += "</tbody></table><button type=\"submit\" class=\"primary\">\(t("Chuyển các tài khoản đã chọn"))</button></form>"
        }
        let r = html(Layout.page(title: t("Đơn vị kế thừa sau sắp xếp"), body: b))
        r.status = status
        return r
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
