import DXCore
import DXStore
import Foundation
import Vapor

/// Account administration: administrators, for accounts of units in their subtree.
struct AccountsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .accounts, use: list)
        routes.register(.POST, .accounts, use: create)
        routes.register(.POST, .accountAction, use: act)
    }

    func render(_ req: Request, form: FormData? = nil, error: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        let accounts = try await req.store.accounts().filter { AccessPolicy.isInScope(account, unit: $0.unitCode, in: tree) }
        let flash = req.query[String.self, at: "msg"].flatMap {
            ["created": t("Đã tạo tài khoản."), "disable": t("Đã khóa tài khoản."), "enable": t("Đã mở khóa tài khoản."), "reset": t("Đã đặt lại mật khẩu.")][$0]
        }
        let r = html(AccountsPage.render(accounts: accounts, units: tree.subtree(of: AccessPolicy.scope(of: account, in: tree)), csrf: req.csrf,
                                         form: form, error: error, flash: flash))
        r.status = status
        return r
    }

    func list(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        return try await render(req)
    }

    func create(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        let f = try await FormData.read(req)
        let tree = try await req.store.unitTree()
        let username = (f["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let unit = f["unit"] ?? ""
        try req.authorize(.manageAccounts, unit: unit, tree: tree)
        guard let role = Role(rawValue: f["role"] ?? "") else {
            return try await render(req, form: f, error: t("Vai trò không hợp lệ."), status: .unprocessableEntity)
        }
        let password = f["password"] ?? ""
        if let problem = Credentials.passwordProblem(password) {
            return try await render(req, form: f, error: translated(problem), status: .unprocessableEntity)
        }
        let name = VNText.clean(f["displayName"] ?? "")
        do {
            try await req.store.createAccount(Account(username: username, displayName: name.isEmpty ? username : name, role: role, unitCode: unit),
                                              passwordHash: try await req.bcryptPool.hash(password), by: req.actor)
        } catch let e as StoreError {
            let status: HTTPStatus = if case .conflict = e { .conflict } else { .unprocessableEntity }
            return try await render(req, form: f, error: e.description, status: status)
        }
        return req.redirect(to: SiteRoute.accounts.path(message: "created"), redirectType: .normal)
    }

    func act(req: Request) async throws -> Response {
        try req.authorize(.manageAccounts)
        let username = req.parameters.get("username") ?? ""
        guard let target = try await req.store.account(username: username)?.account else {
            throw Abort(.notFound, reason: t("Không có tài khoản %@.", username))
        }
        let tree = try await req.store.unitTree()
        try req.authorize(.manageAccounts, unit: target.unitCode, tree: tree)
        let action = req.parameters.get("action") ?? ""
        switch action {
        case "disable", "enable":
            if action == "disable", username == req.account?.username {
                return try await render(req, error: t("Không thể tự khóa tài khoản của chính mình."), status: .unprocessableEntity)
            }
            try await req.store.setDisabled(username: username, action == "disable", by: req.actor)
        case "reset":
            let password = try await FormData.read(req)["password"] ?? ""
            if let problem = Credentials.passwordProblem(password) {
                return try await render(req, error: translated(problem), status: .unprocessableEntity)
            }
            try await req.store.resetPassword(username: username, hash: try await req.bcryptPool.hash(password), by: req.actor)
        default:
            throw Abort(.notFound, reason: t("Không có thao tác này."))
        }
        return req.redirect(to: SiteRoute.accounts.path(message: action), redirectType: .normal)
    }
}
