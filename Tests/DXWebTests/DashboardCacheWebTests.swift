import DXCore
@testable import DXStore
@testable import DXWeb
import Foundation
import SQLKit
import Vapor
import XCTest
import XCTVapor

/// The server keeps the dashboards it computed (`ResultCache`) under the revision tokens of
/// units, plans and facts. Whatever writes, and however (here statements as another tool or
/// another server instance would send them), the next dashboard is the one a fresh computation
/// gives.
final class DashboardCacheWebTests: XCTestCase {
    /// The province's leader on 2024 and the new Hưng Yên (merged on 1/7/2025) on 2025S2.
    let pages = [("lanhdao", "/plans/kh-cds-2024/dashboard?period=2024", "kh-cds-2024", "2024", nil as String?),
                 ("hungyen", "/plans/nq-02-2021/dashboard?period=2025S2&unit=33", "nq-02-2021", "2025S2", "33")]

    /// The page's main part, without the line that says when the figures were read.
    func main(_ html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
            .replacingOccurrences(of: #"<p class="hint" id="data-read-at">[^<]*</p>"#, with: "", options: .regularExpression)
    }

    func testEveryKindOfWriteShowsOnTheNextDashboardAsAFreshComputationShowsIt() async throws {
        try await withReformDemoApp { app, url in
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            var browsers: [String: Browser] = [:]
            for (user, _, _, _, _) in pages { browsers[user] = try await browser(app, user) }
            var shown: [String: String] = [:]
            func check(_ write: String, mustChange: Bool) async throws {
                for (user, path, slug, period, unit) in pages {
                    var body = ""
                    try await app.test(.GET, path, headers: browsers[user]!.headers) { res async in
                        XCTAssertEqual(res.status, .ok)
                        body = main(res.body.string)
                    }
                    // The same twice: the second from the cache.
                    try await app.test(.GET, path, headers: browsers[user]!.headers) { res async in
                        XCTAssertEqual(main(res.body.string), body, "\(url.kindName) \(user) after \(write): the kept page")
                    }
                    let fresh = try await DashboardPage.query(Store(app.db), plan: slug, period: period, unit: unit,
                                                              mayPreview: user == "hungyen")
                    XCTAssertEqual(body, main(DashboardPage.render(fresh)), "\(url.kindName) \(user) after \(write)")
                    if mustChange, let before = shown[path] {
                        XCTAssertNotEqual(body, before, "\(url.kindName) \(user): \(write) changes the page")
                    }
                    shown[path] = body
                }
            }
            try await check("nothing", mustChange: false)
            for (write, statement, mustChange) in [
                ("figures", "UPDATE data_values SET numerator = 0 WHERE denominator > 0 AND numerator > 0", true),
                ("task reports", "UPDATE task_reports SET status = 'done'", false),
                ("deadlines", "UPDATE round_units SET deadline = '2000-01-31' WHERE state = 'draft'", false),
                ("accounts", "UPDATE users SET disabled = \(true) WHERE role = 'reporter'", false),
                ("rounds", "UPDATE rounds SET title = 'Đợt báo cáo đổi tên'", false),
                ("report states", "UPDATE round_units SET state = 'draft'", true),
                ("unit links", "DELETE FROM unit_links", false),
            ] as [(String, SQLQueryString, Bool)] {
                try await sql.raw(statement).run()
                try await check(write, mustChange: mustChange)
            }
        }
    }

    func testADashboardComputedOnceIsNotComputedAgainUntilAWrite() async throws {
        try await withDemoApp { app, url in
            let cache = ResultCache<String, Int>()
            let store = Store(app.db)
            var computed = 0
            for _ in 0..<3 {
                _ = try await store.cached(cache, "key") { computed += 1; return computed }
            }
            XCTAssertEqual(computed, 1, url.kindName)
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE data_values SET comment = 'đã sửa' WHERE id IN (SELECT id FROM data_values LIMIT 1)").run()
            let again = try await store.cached(cache, "key") { computed += 1; return computed }
            XCTAssertEqual(again, 2, "\(url.kindName): computed again after a write")
            // Inside a transaction, which may have written what only it sees: always computed.
            let inside = try await app.db.transaction { tx in
                try await Store(tx).cached(cache, "key") { 99 }
            }
            XCTAssertEqual(inside, 99, url.kindName)
        }
    }

    /// The model holds words of the page's language (a lead agency not named): a dashboard kept
    /// for a reader in English is not given to one in Vietnamese.
    func testAKeptDashboardIsKeptPerLanguage() async throws {
        try await withDemoApp { app, url in
            // A task whose lead agency is not named, to have a word of the language in the model.
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.raw("""
                UPDATE tasks SET lead_unit_id = NULL, lead_text = '' WHERE id IN \
                (SELECT t.id FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.code = '83/KH-BCĐ' ORDER BY t.position LIMIT 1)
                """).run()
            let cache = ResultCache<DashboardPage.Key, DashboardPage.Model>()
            func leads(_ language: Language, cache: ResultCache<DashboardPage.Key, DashboardPage.Model>?) async throws -> [String] {
                try await Language.$current.withValue(language) {
                    try await DashboardPage.cachedQuery(Store(app.db), cache: cache, plan: "83-kh-bcd-2024", period: "2024", unit: nil,
                                                        includeUnsubmitted: false, mayPreview: false).leads.map(\.name)
                }
            }
            let english = try await leads(.en, cache: cache)
            let vietnamese = try await leads(.vi, cache: cache)
            XCTAssertTrue(vietnamese.contains("Chưa xác định"), "\(url.kindName): \(vietnamese)")
            XCTAssertFalse(english.contains("Chưa xác định"), "\(url.kindName): \(english)")
            let fresh = try await leads(.vi, cache: nil)
            XCTAssertEqual(vietnamese, fresh, url.kindName)
        }
    }

    /// Each table a kept result may depend on is tracked by one of the three tokens, and a
    /// write to any row of it changes that token. A new table must be put in one of the lists.
    func testEveryTableIsTrackedByAToken() async throws {
        let tracked = ["units"] + M028PlanRevision.tables + M029FactRevision.tables
        // Read by no page that is kept: sign-in, logs, mail, documents, rankings, report
        // templates and texts, table forms, and the derived tables themselves.
        let untracked = ["documents", "api_tokens", "scoring_schemes", "scoring_inputs", "sessions", "login_attempts",
                         "audit_entries", "report_templates", "narrative_edits", "table_forms", "form_entries", "login_throttle",
                         "unit_report_headings", "notice_addresses", "notices"]
        XCTAssertEqual(Set(BackupTables.order), Set(tracked + untracked))
        XCTAssertTrue(Set(tracked).isDisjoint(with: untracked))

        try await withReformDemoApp { app, url in
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            for table in M029FactRevision.tables {
                let before = try await Store(app.db).revisionTokens()
                try await sql.raw("UPDATE \(ident: table) SET id = id WHERE id IN (SELECT id FROM \(ident: table) LIMIT 1)").run()
                let after = try await Store(app.db).revisionTokens()
                XCTAssertNotNil(before)
                XCTAssertEqual(after?.units, before?.units, "\(url.kindName) \(table)")
                XCTAssertEqual(after?.plans, before?.plans, "\(url.kindName) \(table)")
                XCTAssertNotEqual(after?.facts, before?.facts, "\(url.kindName): a write to \(table)")
            }
        }
    }
}
