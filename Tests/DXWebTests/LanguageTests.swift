import DXCore
import DXStore
@testable import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// Vietnamese is the default and the source text; English is chosen per account (or per
/// browser for visitors). Data and the JSON API stay Vietnamese.
final class LanguageTests: XCTestCase {
    func testAnAccountThatChoseEnglishSeesEveryAreaInEnglish() async throws {
        try await withDemoApp { app, _ in
            try await Store(app.db).setLanguage(username: DemoData.adminUsername, .en, by: .system)
            let b = try await browser(app, DemoData.adminUsername)
            let pages: [(String, [String])] = [
                ("/", ["Digital transformation plans and programmes", "Plan no. KH-CĐS-2024", ">Plans</a>", ">Units</a>", ">Rankings</a>", ">Log out</button>"]),
                ("/plans/kh-cds-2024/dashboard?period=2024S1", ["Results against targets", "<th scope=\"col\">Indicators</th>", "Excel appendices (XLSX)"]),
                ("/rounds", ["<h1>Periodic reporting rounds</h1>", "Open a new reporting round"]),
                ("/rounds/\(demoRound)", ["<h2>Submission status</h2>", "Download the list (CSV)", "Period: Year 2024 (figures from ", "units submitted"]),
                ("/rounds/\(demoRound)/units/339", ["Change log of this report", "Deadline:"]),
                ("/rounds/new", ["<h1>Open a new reporting round</h1>", "Narrative sections (one per line)"]),
                ("/setup", ["<h1>Set-up</h1>", "Add a plan", "Find units, plans, indicators, tasks, documents"]),
                ("/setup/plans/kh-cds-2024/indicators/moi", ["<h1>Add an indicator</h1>", "Targets by year and level"]),
                ("/admin/accounts", ["<h1>Accounts</h1>", "<th>Username</th>", "Create account"]),
                ("/rankings", ["Digital transformation assessment and rankings"]),
                ("/rankings/SODTT-2024", ["Overall index"]),
                ("/units", ["<h1>Unit tree</h1>"]),
                ("/audit", ["<h1>Change log</h1>"]),
            ]
            for (path, expected) in pages {
                try await app.test(.GET, path, headers: b.headers) { res async in
                    let body = res.body.string
                    XCTAssertEqual(res.status, .ok, path)
                    XCTAssertTrue(body.contains("<html lang=\"en\">"), path)
                    for e in expected { XCTAssertTrue(body.contains(e), "\(path) lacks \(e)") }
                    // The navigation is English and offers the way back to Vietnamese.
                    XCTAssertFalse(body.contains(">Kế hoạch</a>"), path)
                    XCTAssertTrue(body.contains("name=\"language\" value=\"vi\""), path)
                }
            }
            // Data stays Vietnamese: unit names, and the dashboard's evaluation sentences.
            try await app.test(.GET, "/rounds/\(demoRound)", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Hưng Hà"), res.body.string)
            }
        }
    }

    func testAVietnameseAccountStillSeesVietnamese() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "lanhdao")
            var headers = b.headers
            // Neither a browser asking for English nor the visitor cookie outweighs the account.
            headers.add(name: .acceptLanguage, value: "en-US,en;q=0.9")
            headers.replaceOrAdd(name: "Cookie", value: "dxtrack_session=\(b.cookie); dxtrack_lang=en")
            try await app.test(.GET, "/rounds", headers: headers) { res async in
                let body = res.body.string
                XCTAssertTrue(body.contains("<html lang=\"vi\">"))
                XCTAssertTrue(body.contains("<h1>Đợt báo cáo định kỳ</h1>"))
                XCTAssertTrue(body.contains(">Kế hoạch</a>"))
                XCTAssertTrue(body.contains("name=\"language\" value=\"en\""))
            }
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1", headers: headers) { res async in
                XCTAssertTrue(res.body.string.contains("Kết quả thực hiện mục tiêu"))
            }
        }
    }

    func testTheChoiceIsStoredOnTheAccountAndOutlivesTheSession() async throws {
        try await withDemoApp { app, _ in
            let first = try await browser(app, "hungha")
            try await app.test(.POST, "/account/language", headers: first.headers,
                               body: formBody([("_csrf", first.csrf), ("language", "en"), ("next", "/rounds")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertEqual(res.headers.first(name: .location), "/rounds")
                XCTAssertEqual(res.headers.setCookie?[LanguageMiddleware.cookieName]?.string, "en")
            }
            let stored = try await Store(app.db).account(username: "hungha")?.account.language
            XCTAssertEqual(stored, .en)
            // A new session (another browser, no language cookie) reads English.
            let second = try await browser(app, "hungha")
            try await app.test(.GET, "/rounds/\(demoRound)/units/339", headers: second.headers) { res async in
                XCTAssertTrue(res.body.string.contains("<html lang=\"en\">"))
                XCTAssertTrue(res.body.string.contains("Change log of this report"))
            }
            // The change is in the audit trail; an unknown language and a foreign "next" are refused.
            let audit = try await Store(app.db).auditEntries(subjectCode: "hungha").map(\.field)
            XCTAssertTrue(audit.contains("language"))
            try await app.test(.POST, "/account/language", headers: second.headers,
                               body: formBody([("_csrf", second.csrf), ("language", "fr")])) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(res.body.string.contains("Invalid language"))
            }
            try await app.test(.POST, "/account/language", headers: second.headers,
                               body: formBody([("_csrf", second.csrf), ("language", "vi"), ("next", "//evil.example")])) { res async in
                XCTAssertEqual(res.headers.first(name: .location), "/")
            }
            try await app.test(.GET, "/rounds", headers: second.headers) { res async in
                XCTAssertTrue(res.body.string.contains("<html lang=\"vi\">"))
            }
        }
    }

    func testChoosingALanguageWithoutTheCSRFTokenIsRefused() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "hungha")
            for body in [[("language", "en")], [("_csrf", "wrong"), ("language", "en")]] {
                try await app.test(.POST, "/account/language", headers: b.headers, body: formBody(body)) { res async in
                    XCTAssertEqual(res.status, .forbidden)
                    XCTAssertTrue(res.body.string.contains("CSRF"))
                }
            }
            let stored = try await Store(app.db).account(username: "hungha")?.account.language
            XCTAssertEqual(stored, .vi)
            // Anonymous visitors cannot store a choice: they are sent to the login page.
            try await app.test(.POST, "/account/language", headers: ["Content-Type": "application/x-www-form-urlencoded",
                                                                     "Cookie": "dxtrack_csrf=abc"],
                               body: formBody([("_csrf", "abc"), ("language", "en")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
                XCTAssertTrue(res.headers.first(name: .location)?.hasPrefix("/login") ?? false)
            }
        }
    }

    func testVisitorsChooseWithLangOrTheirBrowser() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/login?lang=en") { res async in
                XCTAssertTrue(res.body.string.contains("<html lang=\"en\">"))
                XCTAssertTrue(res.body.string.contains("<h1>Log in</h1>"))
                XCTAssertEqual(res.headers.setCookie?[LanguageMiddleware.cookieName]?.string, "en")
            }
            try await app.test(.GET, "/login", headers: ["Cookie": "dxtrack_lang=en"]) { res async in
                XCTAssertTrue(res.body.string.contains("<h1>Log in</h1>"))
                // The switch back is a link that keeps the visitor on the page.
                XCTAssertTrue(res.body.string.contains("href=\"/login?lang=vi\""))
            }
            // A browser that prefers English still gets Vietnamese until the visitor chooses.
            try await app.test(.GET, "/login", headers: ["Accept-Language": "en-GB,en;q=0.9"]) { res async in
                XCTAssertTrue(res.body.string.contains("<html lang=\"vi\">"))
                XCTAssertTrue(res.body.string.contains("<h1>Đăng nhập</h1>"))
                XCTAssertTrue(res.body.string.contains("href=\"/login?lang=en\""), "the switch to English is offered")
            }
            try await app.test(.GET, "/", headers: ["Accept-Language": "en-US,en;q=0.9"]) { res async in
                XCTAssertTrue(res.body.string.contains("<html lang=\"vi\">"))
            }
            try await app.test(.GET, "/login", headers: ["Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8"]) { res async in
                XCTAssertTrue(res.body.string.contains("<h1>Đăng nhập</h1>"))
            }
            try await app.test(.GET, "/login") { res async in
                XCTAssertTrue(res.body.string.contains("<html lang=\"vi\">"))
            }
            // Error pages follow the visitor's language.
            try await app.test(.GET, "/no-such-page?lang=en") { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertTrue(res.body.string.contains("This page was not found."))
            }
        }
    }

    /// The API contract says its messages are Vietnamese, whatever the account chose.
    func testTheAPIStaysVietnamese() async throws {
        try await withDemoApp { app, _ in
            try await Store(app.db).setLanguage(username: "hungha", .en, by: .system)
            var headers = try await apiToken(app, "hungha")
            headers.add(name: .acceptLanguage, value: "en")
            try await app.test(.GET, "/api/v1/rounds/khong-co/units/339?lang=en", headers: headers) { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertTrue((json(res)["error"] as? String ?? "").contains("Không có đợt báo cáo"), res.body.string)
            }
        }
    }

    /// Every `t("…")` literal in the web module has an English entry, so no page is left half
    /// translated, and each entry has as many values as its Vietnamese text.
    func testEveryInterfaceLiteralHasAnEnglishEntry() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources/DXWeb")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 20)
        let pattern = try NSRegularExpression(pattern: #"(?<![\w.])t\("((?:[^"\\]|\\.)*)""#)
        var keys: [(file: String, key: String)] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let raw = String(text[Range(m.range(at: 1), in: text)!])
                XCTAssertFalse(raw.contains("\\("), "\(file.lastPathComponent): interpolation in a catalogue key: \(raw)")
                keys.append((file.lastPathComponent, raw.replacingOccurrences(of: "\\\"", with: "\"")))
            }
        }
        XCTAssertGreaterThan(keys.count, 300)
        func values(_ s: String) -> Int {
            s.components(separatedBy: "%@").count - 1
                + (try! NSRegularExpression(pattern: #"%\d+\$@"#)).numberOfMatches(in: s, range: NSRange(s.startIndex..., in: s))
        }
        for (file, key) in keys {
            guard let english = EnglishCatalogue.entries[key] else {
                XCTFail("\(file): no English for \"\(key)\"")
                continue
            }
            XCTAssertEqual(values(english), values(key), "\(file): \"\(key)\" → \"\(english)\"")
        }
    }

    func testFillingValues() {
        XCTAssertEqual(fill("%@ of %@", ["1", "2"]), "1 of 2")
        XCTAssertEqual(fill("%2$@ before %1$@", ["a", "b"]), "b before a")
        XCTAssertEqual(fill("100% done", []), "100% done")
        XCTAssertEqual(Language.$current.withValue(.en) { t("Đã lưu %@ lần.", 3) }, "Đã lưu 3 lần.") // no entry: Vietnamese
        XCTAssertEqual(Language.$current.withValue(.en) { t("Lỗi %@", 404) }, "Error 404")
        XCTAssertEqual(t("Lỗi %@", 404), "Lỗi 404")
    }
}
