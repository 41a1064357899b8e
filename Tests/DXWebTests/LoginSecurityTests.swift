import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// Attacks on the login form: parallel guessing, telling which accounts exist, redirects to
/// another site.
final class LoginSecurityTests: XCTestCase {
    struct Outcome: Sendable {
        var status: HTTPStatus
        var gotSession: Bool
        var location: String?
    }

    func loginCSRF(_ app: Application) async throws -> String {
        let res = try await app.testable().sendRequest(.GET, "/login")
        let token = res.headers.setCookie?["dxtrack_csrf"]?.string ?? ""
        XCTAssertFalse(token.isEmpty)
        return token
    }

    /// Every attempt sent at once, as an attacker's script would.
    func burst(_ app: Application, _ attempts: [(username: String, password: String)], next: String = "") async throws -> [Outcome] {
        let csrf = try await loginCSRF(app)
        let tester = try app.testable()
        let headers: HTTPHeaders = ["Cookie": "dxtrack_csrf=\(csrf)", "Content-Type": "application/x-www-form-urlencoded"]
        return try await withThrowingTaskGroup(of: Outcome.self) { group in
            for a in attempts {
                let body = formBody([("_csrf", csrf), ("username", a.username), ("password", a.password), ("next", next)])
                group.addTask {
                    let res = try await tester.sendRequest(.POST, "/login", headers: headers, body: body)
                    return Outcome(status: res.status, gotSession: res.headers.setCookie?["dxtrack_session"].map { !$0.string.isEmpty } ?? false,
                                   location: res.headers.first(name: .location))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    func testFiftyParallelGuessesCheckOnlyFiveAndThenTheRightPasswordIsRefusedToo() async throws {
        try await withDemoApp { app, url in
            let wrong = Array(repeating: (username: "hungha", password: "doan-sai-mat-khau"), count: 50)
            let first = try await burst(app, wrong)
            XCTAssertEqual(first.filter { $0.status == .unauthorized }.count, 5, "\(url): exactly the limit is checked")
            XCTAssertEqual(first.filter { $0.status == .tooManyRequests }.count, 45)
            let recorded = try await Store(app.db).loginAttempts(username: "hungha")
            XCTAssertEqual(recorded.failed, 5, "only five passwords were compared")

            // The limit is reached: the right password among fifty more is refused like the rest.
            var second = Array(repeating: (username: "hungha", password: "doan-sai-mat-khau"), count: 49)
            second.insert((username: "hungha", password: DemoData.adminPassword), at: 17)
            let outcomes = try await burst(app, second)
            XCTAssertEqual(outcomes.filter { $0.status == .tooManyRequests }.count, 50, "\(outcomes.map(\.status.code))")
            XCTAssertFalse(outcomes.contains { $0.gotSession })
            let after = try await Store(app.db).loginAttempts(username: "hungha")
            XCTAssertEqual(after.succeeded, 0)
        }
    }

    func testTwentyNineWrongAndOneRightAtOnceCheckAtMostTheLimit() async throws {
        try await withDemoApp { app, _ in
            var attempts = Array(repeating: (username: "sotuphap", password: "doan-sai-mat-khau"), count: 29)
            attempts.append((username: "sotuphap", password: DemoData.adminPassword))
            let outcomes = try await burst(app, attempts)
            let checked = outcomes.filter { $0.status != .tooManyRequests }
            XCTAssertLessThanOrEqual(checked.count, 5, "\(outcomes.map(\.status.code))")
            XCTAssertGreaterThanOrEqual(outcomes.filter { $0.status == .tooManyRequests }.count, 25)
            let recorded = try await Store(app.db).loginAttempts(username: "sotuphap")
            XCTAssertLessThanOrEqual(recorded.failed + recorded.succeeded, 5)
            // Whether the right one got in depends on the order; it got in only as one of the five checked.
            XCTAssertEqual(outcomes.filter(\.gotSession).count, recorded.succeeded)
        }
    }

    func testGuessesFromOneAddressAgainstManyAccountsAreLimitedToo() async throws {
        try await withDemoApp { app, _ in
            app.loginLimits = LoginLimits(perAccountAndAddress: 5, perAccount: 50, perAddress: 8)
            let names = (0..<20).map { (username: "khong-co-\($0)", password: "mat-khau-sai") }
            let outcomes = try await burst(app, names)
            XCTAssertEqual(outcomes.filter { $0.status == .unauthorized }.count, 8)
            XCTAssertEqual(outcomes.filter { $0.status == .tooManyRequests }.count, 12)
        }
    }

    func testASuccessClearsItsOwnFailuresOnly() async throws {
        try await withDemoApp { app, _ in
            let limits = app.loginLimits
            let own = limits.buckets(username: "hungha", address: "unknown")
            _ = try await burst(app, Array(repeating: (username: "hungha", password: "sai-mat-khau"), count: 3))
            let ok = try await burst(app, [(username: "hungha", password: DemoData.adminPassword)])
            XCTAssertEqual(ok.first?.status, .seeOther)
            let store = Store(app.db)
            let counted = [try await store.loginAttemptsCounted(own[0]), try await store.loginAttemptsCounted(own[1]),
                           try await store.loginAttemptsCounted(own[2])]
            // The account and address start again; the account and the address keep the three misses.
            XCTAssertEqual(counted, [0, 3, 3])
        }
    }

    func testUnknownAndDisabledAccountsAreCheckedAgainstAHashLikeRealOnes() async throws {
        try await withDemoApp { app, _ in
            try await Store(app.db).setDisabled(username: "lanhdao", true, by: Actor(username: "test"))
            let before = app.bcryptPool.checksPerformed
            let outcomes = try await burst(app, [(username: "khong-ton-tai", password: "mat-khau-bat-ky"),
                                                 (username: "lanhdao", password: DemoData.adminPassword),
                                                 (username: "hungha", password: "sai-mat-khau")])
            XCTAssertEqual(outcomes.map(\.status), [.unauthorized, .unauthorized, .unauthorized])
            XCTAssertFalse(outcomes.contains { $0.gotSession }, "a disabled account's right password does not get in")
            XCTAssertEqual(app.bcryptPool.checksPerformed - before, 3, "one bcrypt check each, known or not")
        }
    }

    func testABurstBeyondTheHashingQueueIsToldToComeBack() async throws {
        let hasher = BcryptPool(threads: 1, maxWaiting: 2)
        let hash = try Bcrypt.hash("mat-khau-dung", cost: 10)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do { return try await hasher.verify("mat-khau-dung", hash: hash) ? "ok" : "no" } catch is BcryptPool.Busy { return "busy" } catch { return "\(error)" }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        await hasher.shutdown()
        XCTAssertGreaterThanOrEqual(results.filter { $0 == "busy" }.count, 1, "\(results)")
        XCTAssertGreaterThanOrEqual(results.filter { $0 == "ok" }.count, 2, "\(results)")
        XCTAssertEqual(results.filter { $0 != "busy" && $0 != "ok" }, [String]())
    }

    func testNextIsOnlyEverALocalPath() {
        for good in ["/rounds/x", "/", "/plans/kh-cds-2024/dashboard?period=2024S1&unit=34", "/setup?q=hung-ha"] {
            XCTAssertEqual(LoginControllerTestHook.safeNext(good), good)
        }
        let bad = [
            "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example", "https:evil.example", "evil", "",
            "/\t/evil.example/", "/\n/evil.example", "/\r/evil.example", "/ /evil.example", "/a\r\nSet-Cookie: x", "\t//evil.example",
            "/%09/evil.example/", "/%0a/evil.example", "/%0D/evil.example", "/%20/evil.example", "/%2F/evil.example", "/%2f%2fevil.example",
            "%2F%2Fevil.example", "/%5Cevil.example", "/%5c/evil.example", "https%3A%2F%2Fevil.example", "/%252F/evil.example",
            "/\u{0}evil", "/%00evil", "/\u{200B}/evil.example", "/\u{00A0}/evil.example", "/%C2%A0/evil.example", "/%E2%80%8B/evil.example",
            "/bad%zzescape",
        ]
        for b in bad { XCTAssertNil(LoginControllerTestHook.safeNext(b), b.debugDescription) }
    }

    func testALoginWithAForeignNextGoesToTheRoundsInstead() async throws {
        try await withDemoApp { app, _ in
            for next in ["/%09/evil.example/", "/\t/evil.example/", "//evil.example", "/%5Cevil.example", "https://evil.example"] {
                app.loginLimits = LoginLimits()
                let outcome = try await burst(app, [(username: "hungha", password: DemoData.adminPassword)], next: next).first
                XCTAssertEqual(outcome?.status, .seeOther, next)
                XCTAssertEqual(outcome?.location, "/rounds", next.debugDescription)
            }
            let back = try await burst(app, [(username: "hungha", password: DemoData.adminPassword)], next: "/rounds/\(demoRound)").first
            XCTAssertEqual(back?.location, "/rounds/\(demoRound)")
        }
    }

    func testGuessesCountAgainstTheClientBehindOurProxyButNotAForgedHeader() {
        let proxy: Set<String> = ["10.0.0.5"]
        // Straight from the internet: the header is the client's own word.
        XCTAssertEqual(ClientAddress.resolve(remote: "203.0.113.9", forwardedFor: ["1.2.3.4"], trustedProxies: proxy), "203.0.113.9")
        // Through our proxy: the address it saw, not what the client wrote before it.
        XCTAssertEqual(ClientAddress.resolve(remote: "10.0.0.5", forwardedFor: ["6.6.6.6, 203.0.113.9"], trustedProxies: proxy), "203.0.113.9")
        XCTAssertEqual(ClientAddress.resolve(remote: "10.0.0.5", forwardedFor: [], trustedProxies: proxy), "10.0.0.5")
        XCTAssertEqual(ClientAddress.resolve(remote: nil, forwardedFor: ["1.2.3.4"], trustedProxies: proxy), "unknown")
        XCTAssertEqual(ClientAddress.trustedProxies(from: ["DXTRACK_TRUSTED_PROXIES": " 127.0.0.1, 10.0.0.5 "]), ["127.0.0.1", "10.0.0.5"])
        XCTAssertEqual(ClientAddress.trustedProxies(from: [:]), [])
    }
}
