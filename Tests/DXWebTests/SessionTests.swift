import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

final class SessionTests: XCTestCase {
    /// The login form's CSRF cookie, as a browser would get it.
    func loginCSRF(_ app: Application) async throws -> String {
        var token = ""
        try await app.test(.GET, "/login") { res async in
            XCTAssertEqual(res.status, .ok)
            token = res.headers.setCookie?["dxtrack_csrf"]?.string ?? ""
        }
        XCTAssertFalse(token.isEmpty)
        return token
    }

    func testLoginSetsASafeSessionCookieAndLogoutEndsIt() async throws {
        try await withDemoApp { app, _ in
            let csrf = try await loginCSRF(app)
            var cookie = ""
            try await app.test(.POST, "/login", headers: ["Cookie": "dxtrack_csrf=\(csrf)", "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https"],
                               body: formBody([("_csrf", csrf), ("username", "hungha"), ("password", DemoData.adminPassword), ("next", "/rounds/bc-nam-2024")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/rounds/bc-nam-2024")
                let set = res.headers[.setCookie].joined(separator: "\n")
                XCTAssertTrue(set.contains("dxtrack_session="), set)
                XCTAssertTrue(set.contains("HttpOnly"), set)
                XCTAssertTrue(set.contains("SameSite=Lax"), set)
                XCTAssertTrue(set.contains("Secure"), "behind a TLS proxy the cookie is Secure: \(set)")
                cookie = res.headers.setCookie?["dxtrack_session"]?.string ?? ""
            }
            var pageCSRF = ""
            try await app.test(.GET, "/rounds", headers: ["Cookie": "dxtrack_session=\(cookie)"]) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Cán bộ báo cáo huyện Hưng Hà"))
                let html = res.body.string
                if let r = html.range(of: "name=\"_csrf\" value=\"") {
                    pageCSRF = String(html[r.upperBound...].prefix { $0 != "\"" })
                }
            }
            try await app.test(.POST, "/logout", headers: ["Cookie": "dxtrack_session=\(cookie)", "Content-Type": "application/x-www-form-urlencoded"],
                               body: formBody([("_csrf", pageCSRF)])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            try await app.test(.GET, "/rounds", headers: ["Cookie": "dxtrack_session=\(cookie)"]) { res async in
                XCTAssertEqual(res.status, .seeOther, "the session is gone from the database")
            }
        }
    }

    func testWithoutTLSTheCookieIsNotSecure() async throws {
        try await withDemoApp { app, _ in
            let csrf = try await loginCSRF(app)
            try await app.test(.POST, "/login", headers: ["Cookie": "dxtrack_csrf=\(csrf)", "Content-Type": "application/x-www-form-urlencoded"],
                               body: formBody([("_csrf", csrf), ("username", "lanhdao"), ("password", DemoData.adminPassword)])) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertFalse(res.headers[.setCookie].joined().contains("Secure"))
            }
        }
    }

    func testLoginNeverRedirectsToAnotherSite() {
        XCTAssertEqual(LoginControllerTestHook.safeNext("/rounds/x"), "/rounds/x")
        for bad in ["//evil.example", "/\\evil.example", "https://evil.example", "evil", "/a\r\nSet-Cookie: x"] {
            XCTAssertNil(LoginControllerTestHook.safeNext(bad), bad)
        }
    }

    func testWrongPasswordsAreThrottledPerUsernameAndAddress() async throws {
        try await withDemoApp { app, _ in
            let csrf = try await loginCSRF(app)
            let headers: HTTPHeaders = ["Cookie": "dxtrack_csrf=\(csrf)", "Content-Type": "application/x-www-form-urlencoded"]
            for _ in 0..<5 {
                try await app.test(.POST, "/login", headers: headers, body: formBody([("_csrf", csrf), ("username", "khongco"), ("password", "sai-mat-khau")])) { res async in
                    XCTAssertEqual(res.status, .unauthorized)
                    XCTAssertTrue(res.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
                }
            }
            try await app.test(.POST, "/login", headers: headers, body: formBody([("_csrf", csrf), ("username", "khongco"), ("password", "sai-mat-khau")])) { res async in
                XCTAssertEqual(res.status, .tooManyRequests)
                XCTAssertTrue(res.body.string.contains("Đăng nhập sai quá 5 lần. Vui lòng thử lại sau 15 phút."), res.body.string)
            }
            // Another username from the same address is not blocked.
            try await app.test(.POST, "/login", headers: headers, body: formBody([("_csrf", csrf), ("username", "nguoikhac"), ("password", "x")])) { res async in
                XCTAssertEqual(res.status, .unauthorized)
            }
        }
    }

    func testFormsWithoutTheCSRFTokenAreRefused() async throws {
        try await withDemoApp { app, _ in
            // Login form without its cookie token.
            try await app.test(.POST, "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                               body: formBody([("username", "hungha"), ("password", DemoData.adminPassword)])) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertTrue(res.body.string.contains("mã chống giả mạo (CSRF) không hợp lệ"), res.body.string)
            }
            let b = try await browser(app, "hungha")
            let path = "/rounds/\(demoRound)/units/339"
            for token in ["", "sai", b.csrf + "x"] {
                try await app.test(.POST, path, headers: b.headers, body: formBody([("_csrf", token), ("version", "1"), ("n|Kết quả", "x")])) { res async in
                    XCTAssertEqual(res.status, .forbidden, token)
                    XCTAssertTrue(res.body.string.contains("CSRF"))
                }
            }
            try await app.test(.POST, "/logout", headers: b.headers, body: formBody([])) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            // Nothing was written.
            let round = try await Store(app.db).round(demoRound)!
            let status = try await Store(app.db).roundUnitStatus(round, unitCode: "339")
            XCTAssertEqual(status?.version, 1)
        }
    }

    func testDataEntryPagesNeedALoginButPlansStayPublic() async throws {
        try await withDemoApp { app, _ in
            for path in ["/rounds", "/rounds/\(demoRound)", "/rounds/\(demoRound)/units/339", "/audit", "/admin/accounts", "/rounds/new"] {
                try await app.test(.GET, path) { res async in
                    XCTAssertEqual(res.status, .seeOther, path)
                    XCTAssertTrue(res.headers.first(name: .location)?.hasPrefix("/login?next=") ?? false, path)
                }
            }
            try await app.test(.GET, "/plans/kh-cds-2024") { res async in XCTAssertEqual(res.status, .ok) }
        }
    }

    func testDisablingAnAccountEndsItsSessions() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "sotuphap")
            try await app.test(.GET, "/rounds", headers: b.headers) { res async in XCTAssertEqual(res.status, .ok) }
            try await Store(app.db).setDisabled(username: "sotuphap", true, by: Actor(username: "admin"))
            try await app.test(.GET, "/rounds", headers: b.headers) { res async in XCTAssertEqual(res.status, .seeOther) }
            let audit = try await Store(app.db).auditEntries(subjectCode: "sotuphap")
            XCTAssertEqual(audit.first?.field, "disabled")
            XCTAssertEqual(audit.first?.new, "true")
        }
    }
}
