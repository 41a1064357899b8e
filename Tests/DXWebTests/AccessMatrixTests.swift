import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// Role × unit scope over every route of the reporting loop: for each account, the status it
/// must get. Accounts: the demo administrator (province), coordinator (standing agency),
/// district reporter, department reporter, leader (viewer), and a district approver.
final class AccessMatrixTests: XCTestCase {
    static let users = ["admin", "dieuphoi", "hungha", "sotuphap", "lanhdao", "pheduyet"]

    struct Case {
        var method: HTTPMethod
        var path: String
        /// Status per user; users not listed expect `otherwise`.
        var expect: [String: HTTPStatus]
        var otherwise: HTTPStatus
        var form: (Browser) async throws -> [(String, String)] = { _ in [] }
        var json: (() async throws -> [String: Any])? = nil
    }

    func version(_ app: Application) async throws -> Int {
        let s = Store(app.db)
        return try await s.roundUnitStatus(try await s.round(demoRound)!, unitCode: "339")!.version
    }

    func testEveryRouteForEveryRole() async throws {
        try await withDemoApp { app, _ in
            try await makeAccount(app, "pheduyet", .approver, "339")
            try await makeAccount(app, "tam-thoi", .viewer, "339")
            let r = "/rounds/\(demoRound)"
            let all: [String: HTTPStatus] = [:]
            let managers: [String: HTTPStatus] = ["admin": .ok, "dieuphoi": .ok]
            let hh: [String: HTTPStatus] = ["admin": .ok, "dieuphoi": .ok, "hungha": .ok, "lanhdao": .ok, "pheduyet": .ok]
            let editHH: [String: HTTPStatus] = ["admin": .seeOther, "dieuphoi": .seeOther, "hungha": .seeOther, "pheduyet": .seeOther]
            var n = 0
            let cases: [Case] = [
                Case(method: .GET, path: "/rounds", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/rounds/new", expect: managers, otherwise: .forbidden),
                Case(method: .POST, path: "/rounds/new", expect: ["admin": .unprocessableEntity, "dieuphoi": .unprocessableEntity], otherwise: .forbidden),
                Case(method: .GET, path: r, expect: all, otherwise: .ok),
                Case(method: .GET, path: r + "/completeness.csv", expect: all, otherwise: .ok),
                Case(method: .POST, path: r + "/close", expect: ["admin": .seeOther, "dieuphoi": .seeOther], otherwise: .forbidden,
                     form: { _ in [("closed", "false")] }),
                Case(method: .GET, path: r + "/units/339", expect: hh, otherwise: .forbidden),
                Case(method: .GET, path: r + "/units/TB-STP", expect: ["admin": .ok, "dieuphoi": .ok, "sotuphap": .ok, "lanhdao": .ok], otherwise: .forbidden),
                Case(method: .POST, path: r + "/units/339", expect: editHH, otherwise: .forbidden,
                     form: { _ in n += 1; return [("version", String(try await self.version(app))), ("n|Đề xuất", "Đề xuất số \(n)")] }),
                Case(method: .POST, path: r + "/units/TB-STP", expect: ["admin": .seeOther, "dieuphoi": .seeOther, "sotuphap": .seeOther], otherwise: .forbidden,
                     form: { _ in n += 1; let s = Store(app.db); let v = try await s.roundUnitStatus(try await s.round(demoRound)!, unitCode: "TB-STP")!.version
                         return [("version", String(v)), ("n|Đề xuất", "Đề xuất số \(n)")] }),
                Case(method: .POST, path: r + "/units/339/approve", expect: ["admin": .conflict, "dieuphoi": .conflict, "pheduyet": .conflict], otherwise: .forbidden),
                Case(method: .POST, path: r + "/units/339/return", expect: ["admin": .conflict, "dieuphoi": .conflict, "pheduyet": .conflict], otherwise: .forbidden),
                Case(method: .POST, path: r + "/units/339/reopen", expect: ["admin": .conflict, "dieuphoi": .conflict], otherwise: .forbidden),
                Case(method: .POST, path: r + "/units/TB-STTTT/reopen", expect: ["admin": .seeOther, "dieuphoi": .conflict], otherwise: .forbidden),
                Case(method: .GET, path: "/audit?unit=339", expect: hh, otherwise: .forbidden),
                Case(method: .GET, path: "/audit?round=\(demoRound)", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/admin/accounts", expect: ["admin": .ok], otherwise: .forbidden),
                Case(method: .POST, path: "/admin/accounts", expect: ["admin": .unprocessableEntity], otherwise: .forbidden,
                     form: { _ in [("username", "x"), ("role", "boss"), ("unit", "34")] }),
                Case(method: .POST, path: "/admin/accounts/tam-thoi/reset", expect: ["admin": .seeOther], otherwise: .forbidden,
                     form: { _ in [("password", "mat-khau-moi-dai")] }),
                Case(method: .GET, path: "/setup?q=hung%20ha", expect: managers, otherwise: .forbidden),
                Case(method: .GET, path: "/setup/plans/kh-cds-2024/indicators/3", expect: managers, otherwise: .forbidden),
                Case(method: .POST, path: "/setup/units/moi", expect: ["admin": .unprocessableEntity, "dieuphoi": .unprocessableEntity], otherwise: .forbidden),
                Case(method: .POST, path: "/setup/plans/kh-cds-2024/tasks/moi", expect: ["admin": .unprocessableEntity, "dieuphoi": .unprocessableEntity], otherwise: .forbidden,
                     form: { _ in [("code", ""), ("title", "")] }),
                // Table forms: everyone signed in reads them (the table within their own scope);
                // only set-up roles change them.
                Case(method: .GET, path: "/forms", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/forms/new", expect: managers, otherwise: .forbidden),
                Case(method: .POST, path: "/forms/new", expect: ["admin": .unprocessableEntity, "dieuphoi": .unprocessableEntity], otherwise: .forbidden),
                Case(method: .POST, path: "/forms/import", expect: ["admin": .unprocessableEntity, "dieuphoi": .unprocessableEntity], otherwise: .forbidden,
                     form: { _ in [("json", "{}")] }),
                Case(method: .GET, path: "/forms/BM01", expect: all, otherwise: .ok),
                Case(method: .POST, path: "/forms/BM01", expect: ["admin": .unprocessableEntity, "dieuphoi": .unprocessableEntity], otherwise: .forbidden),
                Case(method: .GET, path: "/forms/BM01.json", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/forms/BM01/table?period=2024", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/forms/BM01/table.csv?period=2024", expect: all, otherwise: .ok),
                // The Excel round trip: the template for whoever reads the report, the upload for
                // whoever may edit it; the workbook of every unit for the standing agency.
                Case(method: .GET, path: r + "/units/339/report.xlsx", expect: hh, otherwise: .forbidden),
                // Without a file: 400 once the account may upload.
                Case(method: .POST, path: r + "/units/339/upload",
                     expect: ["admin": .badRequest, "dieuphoi": .badRequest, "hungha": .badRequest, "pheduyet": .badRequest], otherwise: .forbidden),
                Case(method: .GET, path: r + "/report.xlsx?units=all", expect: managers, otherwise: .forbidden),
                Case(method: .POST, path: r + "/upload", expect: ["admin": .badRequest, "dieuphoi": .badRequest], otherwise: .forbidden),
                // API
                Case(method: .GET, path: "/api/v1/me", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/api/v1/rounds", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/api/v1/rounds/\(demoRound)/units/339", expect: hh, otherwise: .forbidden),
                Case(method: .PATCH, path: "/api/v1/rounds/\(demoRound)/units/339",
                     expect: ["admin": .ok, "dieuphoi": .ok, "hungha": .ok, "pheduyet": .ok], otherwise: .forbidden,
                     json: { n += 1; return ["version": try await self.version(app), "narrative": ["Đề xuất": "API \(n)"]] }),
                Case(method: .POST, path: "/api/v1/rounds/\(demoRound)/units/339/approve",
                     expect: ["admin": .conflict, "dieuphoi": .conflict, "pheduyet": .conflict], otherwise: .forbidden),
                Case(method: .POST, path: "/api/v1/rounds/\(demoRound)/units/339/reopen", expect: ["admin": .conflict, "dieuphoi": .conflict], otherwise: .forbidden),
                Case(method: .GET, path: "/api/v1/rounds/\(demoRound)/completeness", expect: all, otherwise: .ok),
                Case(method: .GET, path: "/api/v1/audit?unit=339", expect: hh, otherwise: .forbidden),
                Case(method: .GET, path: "/api/v1/audit?unit=TB-STP", expect: ["admin": .ok, "dieuphoi": .ok, "sotuphap": .ok, "lanhdao": .ok], otherwise: .forbidden),
            ]
            var browsers: [String: Browser] = [:]
            var tokens: [String: HTTPHeaders] = [:]
            for u in Self.users {
                browsers[u] = try await browser(app, u)
                tokens[u] = try await apiToken(app, u)
            }
            // The reopen of TB-STTTT (approved) succeeds for the first manager and is then illegal.
            for c in cases {
                for u in Self.users {
                    let expected = c.expect[u] ?? c.otherwise
                    let b = browsers[u]!
                    if c.path.hasPrefix("/api/") {
                        var body: ByteBuffer? = c.method == .GET ? nil : try jsonBody([String: Any]())
                        if let make = c.json { body = try jsonBody(try await make()) }
                        try await app.test(c.method, c.path, headers: tokens[u]!, body: body) { res async in
                            XCTAssertEqual(res.status, expected, "\(u) \(c.method) \(c.path): \(res.body.string.prefix(300))")
                        }
                    } else {
                        let headers: HTTPHeaders = c.method == .GET ? ["Cookie": "dxtrack_session=\(b.cookie)"] : b.headers
                        let body = c.method == .GET ? nil : formBody([("_csrf", b.csrf)] + (try await c.form(b)))
                        try await app.test(c.method, c.path, headers: headers, body: body) { res async in
                            XCTAssertEqual(res.status, expected, "\(u) \(c.method) \(c.path): \(res.body.string.prefix(300))")
                        }
                    }
                }
            }
        }
    }
}
