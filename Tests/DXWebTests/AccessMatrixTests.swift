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
            try await run(cases, users: Self.users, app)
        }
    }

    /// Asks every case of every user, on the web with a session and CSRF token, on the API with a token.
    func run(_ cases: [Case], users: [String], _ app: Application) async throws {
        var browsers: [String: Browser] = [:]
        var tokens: [String: HTTPHeaders] = [:]
        for u in users {
            browsers[u] = try await browser(app, u)
            tokens[u] = try await apiToken(app, u)
        }
        for c in cases {
            for u in users {
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

    /// A coordinator acts on its own unit's subtree: the district's coordinator of Hưng Hà (339)
    /// changes what belongs to 339 and below, and nothing of the province's. A department's
    /// coordinator acts for the province (`AccessPolicy.scope`): the standing agency runs the
    /// province's reporting, and accounts of that role are given by the province's administrators.
    /// What was written before owners were stored (NULL) belongs to the top of the tree.
    func testCoordinatorsActWithinTheirOwnUnit() async throws {
        try await withDemoApp { app, _ in
            try await makeAccount(app, "dieuphoi-hh", .coordinator, "339")
            try await makeAccount(app, "dieuphoi-stp", .coordinator, "TB-STP")
            // The district's coordinator goes first: it meets each unit as the demo left it.
            let users = ["dieuphoi-hh", "hungha", "admin", "dieuphoi", "dieuphoi-stp"]
            let store = Store(app.db)
            let r = "/rounds/\(demoRound)"
            func province(_ s: HTTPStatus) -> [String: HTTPStatus] { ["admin": s, "dieuphoi": s, "dieuphoi-stp": s] }
            func coordinators(_ s: HTTPStatus) -> [String: HTTPStatus] { province(s).merging(["dieuphoi-hh": s]) { a, _ in a } }
            func unitForm(_ code: String) async throws -> [(String, String)] {
                let u = try await store.unit(code: code)!
                return [("code", u.code), ("name", u.name), ("kind", u.kind.rawValue), ("parent", u.parentCode ?? ""),
                        ("validFrom", u.validFrom?.iso ?? ""), ("validTo", u.validTo?.iso ?? ""), ("successor", u.successorCode ?? "")]
            }
            var n = 0
            func round(_ units: String, kinds: [String] = []) -> [(String, String)] {
                n += 1
                return [("code", "dot-\(n)"), ("title", "Đợt thử \(n)"), ("period", "2024"), ("plans", "83/KH-BCĐ"), ("units", units),
                        ("indicatorScope", "all"), ("taskScope", "lead"), ("sections", "Kết quả")] + kinds.map { ("kinds", $0) }
            }
            let bm01 = String(decoding: try await store.tableForm("BM01")!.toJSON(), as: UTF8.self)
            let cases: [Case] = [
                // The province's round: its coordinators close and reopen it, download and upload its workbook.
                Case(method: .POST, path: r + "/close", expect: province(.seeOther), otherwise: .forbidden, form: { _ in [("closed", "false")] }),
                Case(method: .GET, path: r + "/report.xlsx?units=all", expect: province(.ok), otherwise: .forbidden),
                Case(method: .POST, path: r + "/upload", expect: province(.badRequest), otherwise: .forbidden),
                // A round may only list units in scope: a provincial department named in the list is refused.
                Case(method: .POST, path: "/rounds/new", expect: coordinators(.seeOther).merging(["dieuphoi-hh": .unprocessableEntity]) { _, b in b },
                     otherwise: .forbidden, form: { _ in round("TB-STP, 12616") }),
                Case(method: .POST, path: "/rounds/new", expect: coordinators(.seeOther), otherwise: .forbidden,
                     form: { _ in round("", kinds: ["commune"]) }),
                // Units: a provincial department's entry, the district's own entry, its communes.
                Case(method: .GET, path: "/setup/units/TB-STP", expect: province(.ok), otherwise: .forbidden),
                Case(method: .POST, path: "/setup/units/TB-STP", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in try await unitForm("TB-STP") }),
                Case(method: .POST, path: "/setup/units/339", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in try await unitForm("339") }),
                Case(method: .GET, path: "/setup/units/12616", expect: coordinators(.ok), otherwise: .forbidden),
                Case(method: .POST, path: "/setup/units/12616", expect: coordinators(.seeOther), otherwise: .forbidden,
                     form: { _ in try await unitForm("12616") }),
                // Moving a commune out of the district, or passing it to a provincial successor.
                Case(method: .POST, path: "/setup/units/12616", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in try await unitForm("12616").map { $0.0 == "parent" ? ("parent", "34") : $0 } }),
                Case(method: .POST, path: "/setup/units/12616", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in try await unitForm("12616").map { $0.0 == "parent" ? ("parent", "339") : $0 } }),
                Case(method: .POST, path: "/setup/units/12619", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in try await unitForm("12619").map { $0.0 == "successor" ? ("successor", "TB-STP") : $0 } }),
                Case(method: .POST, path: "/setup/units/12619", expect: coordinators(.seeOther), otherwise: .forbidden,
                     form: { _ in try await unitForm("12619").map { $0.0 == "successor" ? ("successor", "") : $0 } }),
                // A new unit: under 339 for its coordinator, beside it or at the top only for the province.
                Case(method: .POST, path: "/setup/units/moi", expect: coordinators(.seeOther), otherwise: .forbidden,
                     form: { _ in n += 1; return [("code", "HH-X\(n)"), ("name", "Xã mới \(n)"), ("kind", "commune"), ("parent", "339")] }),
                Case(method: .POST, path: "/setup/units/moi", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in n += 1; return [("code", "TB-X\(n)"), ("name", "Sở mới \(n)"), ("kind", "department"), ("parent", "34")] }),
                // The province's plan, its indicators and tasks.
                Case(method: .GET, path: "/setup/plans/kh-cds-2024", expect: province(.ok), otherwise: .forbidden),
                Case(method: .POST, path: "/setup/plans/kh-cds-2024", expect: province(.unprocessableEntity), otherwise: .forbidden),
                Case(method: .GET, path: "/setup/plans/kh-cds-2024/indicators/3", expect: province(.ok), otherwise: .forbidden),
                Case(method: .POST, path: "/setup/plans/kh-cds-2024/indicators/moi", expect: province(.unprocessableEntity), otherwise: .forbidden),
                Case(method: .POST, path: "/setup/plans/kh-cds-2024/indicators/3/archive", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in [("archived", "false")] }),
                Case(method: .POST, path: "/setup/plans/kh-cds-2024/tasks/moi", expect: province(.unprocessableEntity), otherwise: .forbidden,
                     form: { _ in [("code", ""), ("title", "")] }),
                // A plan issued by the district is the district's.
                Case(method: .POST, path: "/setup/new-plan", expect: province(.unprocessableEntity), otherwise: .forbidden,
                     form: { _ in [("code", "KH-TB"), ("title", "Kế hoạch của tỉnh"), ("issuer", "TB-UBND"), ("from", "x"), ("to", "2025")] }),
                Case(method: .POST, path: "/setup/new-plan", expect: coordinators(.seeOther), otherwise: .forbidden,
                     form: { _ in n += 1; return [("code", "KH-HH-\(n)"), ("title", "Kế hoạch của huyện \(n)"), ("issuer", "339"), ("from", "2025"), ("to", "2025")] }),
                // The province's documents.
                Case(method: .GET, path: "/setup/documents?number=805/Q%C4%90-UBND", expect: province(.ok), otherwise: .forbidden),
                Case(method: .POST, path: "/setup/documents", expect: province(.unprocessableEntity), otherwise: .forbidden,
                     form: { _ in [("number", "805/QĐ-UBND"), ("summary", "x"), ("issuerUnit", "TB-UBND"), ("issued", "không phải ngày")] }),
                Case(method: .POST, path: "/setup/documents", expect: province(.unprocessableEntity), otherwise: .forbidden,
                     form: { _ in [("number", "01/VB-HH"), ("summary", "x"), ("issuerUnit", "TB-STP"), ("issued", "không phải ngày")] }),
                Case(method: .POST, path: "/setup/documents", expect: coordinators(.unprocessableEntity), otherwise: .forbidden,
                     form: { _ in [("number", "01/VB-HH"), ("summary", "x"), ("issuerUnit", "339"), ("issued", "không phải ngày")] }),
                // The province's table form and report template.
                Case(method: .POST, path: "/forms/BM01", expect: province(.unprocessableEntity), otherwise: .forbidden),
                Case(method: .POST, path: "/forms/import", expect: province(.seeOther), otherwise: .forbidden,
                     form: { _ in [("json", bm01), ("replace", "1")] }),
                Case(method: .POST, path: "/reports/bao-cao-cds-tinh", expect: province(.unprocessableEntity), otherwise: .forbidden),
                // API: the district's coordinator reads and reopens within 339 only.
                Case(method: .GET, path: "/api/v1/rounds/\(demoRound)/units/TB-STP", expect: province(.ok).merging(["hungha": .forbidden]) { a, _ in a },
                     otherwise: .forbidden),
                Case(method: .GET, path: "/api/v1/rounds/\(demoRound)/units/339", expect: coordinators(.ok).merging(["hungha": .ok]) { a, _ in a },
                     otherwise: .forbidden),
                Case(method: .POST, path: "/api/v1/rounds/\(demoRound)/units/TB-STP/reopen", expect: province(.conflict), otherwise: .forbidden),
            ]
            try await run(cases, users: users, app)

            // The refusal of a list naming provincial units says which.
            let hh = try await browser(app, "dieuphoi-hh")
            try await app.test(.POST, "/rounds/new", headers: hh.headers, body: formBody([("_csrf", hh.csrf)] + round("TB-STP, 12616"))) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Các đơn vị sau không thuộc phạm vi đơn vị của bạn: TB-STP."), res.body.string)
            }
            // The round the district opened is the district's: its coordinator closes it, the province's too.
            let own = round("", kinds: ["commune"])
            let code = own.first { $0.0 == "code" }!.1
            try await app.test(.POST, "/rounds/new", headers: hh.headers, body: formBody([("_csrf", hh.csrf)] + own)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let opened = try await store.round(code)!
            XCTAssertEqual(opened.ownerUnitCode, "339")
            let tree = try await store.unitTree()
            let listed = try await store.completeness(opened).map(\.unitCode)
            XCTAssertFalse(listed.isEmpty)
            XCTAssertEqual(listed.filter { !tree.isWithin($0, scope: "339") }, [], "the communes of Hưng Hà, nothing else")
            try await app.test(.GET, "/rounds/\(code)", headers: hh.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Đóng đợt"), "its own round shows the close button")
            }
            try await app.test(.GET, r, headers: hh.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertFalse(res.body.string.contains("Đóng đợt"), "the province's round does not")
            }
            for (user, status) in [("hungha", HTTPStatus.forbidden), ("dieuphoi-hh", .seeOther), ("dieuphoi", .seeOther)] {
                let b = try await browser(app, user)
                try await app.test(.POST, "/rounds/\(code)/close", headers: b.headers,
                                   body: formBody([("_csrf", b.csrf), ("closed", user == "dieuphoi" ? "false" : "true")])) { res async in
                    XCTAssertEqual(res.status, status, user)
                }
            }
            try await app.test(.GET, "/rounds/\(code)/report.xlsx?units=all", headers: hh.headers) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            // A round stored before owners were (NULL), even one of 339's units only, belongs to the top.
            let legacy = try await store.createRound(
                ReportingRound(code: "bc-cu", title: "Đợt cũ", periodID: "2024Q4", planCodes: ["KH-CĐS-2024"], indicatorScope: .none,
                               taskScope: .none, narrativeSections: ["Kết quả"], defaultDeadline: CalendarDate(2024, 12, 20)),
                unitCodes: ["339", "12616"], by: Actor(username: "dieuphoi"))
            XCTAssertNil(legacy.ownerUnitCode)
            for (user, status) in [("dieuphoi-hh", HTTPStatus.forbidden), ("dieuphoi-stp", .seeOther), ("admin", .seeOther)] {
                let b = try await browser(app, user)
                try await app.test(.POST, "/rounds/bc-cu/close", headers: b.headers, body: formBody([("_csrf", b.csrf), ("closed", "true")])) { res async in
                    XCTAssertEqual(res.status, status, user)
                }
            }
            // Nothing of the province was changed by the refused requests.
            let stp = try await store.unit(code: "TB-STP"), commune = try await store.unit(code: "12616")
            let other = try await store.unit(code: "12619"), provincial = try await store.round(demoRound)!
            XCTAssertEqual(stp?.name, "Sở Tư pháp")
            XCTAssertEqual(commune?.parentCode, "339")
            XCTAssertNil(other?.successorCode)
            XCTAssertFalse(provincial.closed)
            // A district's form belongs to the district: the province's coordinators change it too.
            var form = try await store.tableForm("BM01")!
            form.code = "BM-HH"
            try await app.test(.POST, "/forms/import", headers: hh.headers,
                               body: formBody([("_csrf", hh.csrf), ("json", String(decoding: form.toJSON(), as: UTF8.self))])) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let owners = (try await store.tableFormOwner("BM-HH"), try await store.tableFormOwner("BM01"))
            XCTAssertEqual(owners.0, .some("339"))
            XCTAssertEqual(owners.1, .some("34"))
            try await app.test(.GET, "/forms/BM01", headers: hh.headers) { res async in
                XCTAssertEqual(res.status, .ok, "forms are read by everyone")
                XCTAssertFalse(res.body.string.contains("Sửa biểu mẫu"), "the province's form is shown read-only")
            }
            try await app.test(.GET, "/forms/BM-HH", headers: hh.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Sửa biểu mẫu"), "its own form has the designer")
            }
        }
    }
}
