import DXStore
import DXTestSupport
@testable import DXWeb
import Foundation
import NIOConcurrencyHelpers
import Vapor
import XCTest
import XCTVapor

/// What an operator's probes and log shipper see.
final class OperationsTests: XCTestCase {
    func testReadyOnlyOnceEveryMigrationIsApplied() async throws {
        try await withDemoApp { app, url in
            try await app.test(.GET, "/readyz") { res async in
                XCTAssertEqual(res.status, .ok)
                let body = json(res)
                XCTAssertEqual(body["status"] as? String, "ready")
                XCTAssertEqual(body["database"] as? String, url.kindName)
                XCTAssertEqual(body["migration"] as? String, DXMigrations.all.last!.name)
                XCTAssertEqual((body["pending"] as? [Any])?.count, 0)
            }
        }
        // A server pointed at a database nobody has migrated yet is alive but not ready.
        let url = DatabaseURL.sqlite(path: TestDatabases.sqlitePath())
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: url)
            try await app.test(.GET, "/readyz") { res async in
                XCTAssertEqual(res.status, .serviceUnavailable)
                XCTAssertEqual(json(res)["status"] as? String, "migrating", res.body.string)
            }
            let runtime = try StoreRuntime(url: url)
            let first = DXMigrations.all.first!.name
            _ = try await runtime.migrate()
            try await runtime.revertAll()
            await runtime.shutdown()
            try await app.test(.GET, "/readyz") { res async in
                XCTAssertEqual(res.status, .serviceUnavailable)
                let body = json(res)
                XCTAssertEqual(body["status"] as? String, "migrating", res.body.string)
                XCTAssertEqual((body["pending"] as? [String])?.first, first)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()

        // A database that does not answer: neither alive nor ready.
        let down = try await Application.make(.testing)
        do {
            try await configure(down, database: try DatabaseURL(parsing: "postgres://dxtrack:x@127.0.0.1:9/dxtrack"))
            try await down.test(.GET, "/readyz") { res async in
                XCTAssertEqual(res.status, .serviceUnavailable)
                XCTAssertEqual(json(res)["status"] as? String, "unavailable", res.body.string)
            }
            try await down.test(.GET, "/healthz") { res async in
                XCTAssertEqual(res.status, .serviceUnavailable)
            }
        } catch {
            try? await down.asyncShutdown()
            throw error
        }
        try await down.asyncShutdown()
    }

    func testEachRequestIsOneLineWithItsRoutePatternNeverItsValues() async throws {
        try await withDemoApp { app, _ in
            let lines = NIOLockedValueBox<[String]>([])
            app.requestLog = RequestLog(format: .text) { line in lines.withLockedValue { $0.append(line) } }
            let viewer = try await browser(app, "lanhdao")
            lines.withLockedValue { $0 = [] }
            var headers = viewer.headers
            headers.add(name: "X-Request-Id", value: "lb-7f3a")
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1&unit=339", headers: headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.first(name: "X-Request-Id"), "lb-7f3a", "the proxy's id travels back")
            }
            try await app.test(.GET, "/khong-co/trang?token=bi-mat") { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertNotNil(res.headers.first(name: "X-Request-Id"))
            }
            try await app.test(.POST, "/login", body: formBody([("username", "admin"), ("password", "sai-mat-khau")])) { _ async in }
            let logged = lines.withLockedValue { $0 }
            XCTAssertEqual(logged.count, 3, "\(logged)")
            XCTAssertTrue(logged[0].contains(" GET /plans/:slug/dashboard 200 "), logged[0])
            XCTAssertTrue(logged[0].hasSuffix("req=lb-7f3a account=lanhdao") || logged[0].contains("req=lb-7f3a account=lanhdao"), logged[0])
            XCTAssertTrue(logged[1].contains(" GET (no route) 404 "), logged[1])
            XCTAssertTrue(logged[2].contains(" POST /login "), logged[2])
            for line in logged {
                // The time stamp, the duration and a generated request id may contain "339" by chance: look past them.
                let words = line.split(separator: " ").dropFirst()
                    .filter { !$0.hasSuffix("ms") && !$0.hasPrefix("req=") || $0 == "req=lb-7f3a" }
                    .joined(separator: " ")
                for secret in ["kh-cds-2024", "2024S1", "339", "bi-mat", "sai-mat-khau", "dxtrack_session", viewer.cookie] {
                    XCTAssertFalse(words.contains(secret), "\(line) shows \(secret)")
                }
            }

            lines.withLockedValue { $0 = [] }
            app.requestLog = RequestLog(format: .json) { line in lines.withLockedValue { $0.append(line) } }
            try await app.test(.GET, "/healthz") { _ async in }
            let line = try XCTUnwrap(lines.withLockedValue { $0.first })
            let entry = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(entry["method"] as? String, "GET")
            XCTAssertEqual(entry["route"] as? String, "/healthz")
            XCTAssertEqual(entry["status"] as? Int, 200)
            XCTAssertNotNil(entry["duration_ms"] as? Double)
            XCTAssertNotNil(entry["request_id"] as? String)
            XCTAssertNotNil(entry["time"] as? String)
        }
    }

    func testMetricsCountRequestsLoginsReportsAndSessionsForThoseAllowedToReadThem() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/metrics") { res async in
                XCTAssertEqual(res.status, .forbidden, "not from a loopback address, no token")
            }
            app.metricsAccess = MetricsAccess(environment: ["DXTRACK_METRICS_TOKEN": "so-do-bi-mat", "DXTRACK_METRICS_ALLOW": ""])
            try await app.test(.GET, "/metrics", headers: ["Authorization": "Bearer sai"]) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let viewer = try await browser(app, "lanhdao")
            let login = try await app.sendRequest(.GET, "/login")
            let csrf = login.headers.setCookie?["dxtrack_csrf"]?.string ?? ""
            try await app.test(.POST, "/login", headers: ["Cookie": "dxtrack_csrf=\(csrf)", "Content-Type": "application/x-www-form-urlencoded"],
                               body: formBody([("_csrf", csrf), ("username", "lanhdao"), ("password", "sai-mat-khau")])) { res async in
                XCTAssertEqual(res.status, .unauthorized)
            }
            try await app.test(.GET, "/plans/kh-cds-2024/report.docx?period=2024S1", headers: viewer.headers) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            try await app.test(.GET, "/metrics", headers: ["Authorization": "Bearer so-do-bi-mat"]) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.subType, "plain")
                let text = res.body.string
                XCTAssertTrue(text.contains("# TYPE dxtrack_http_requests_total counter"), text)
                XCTAssertTrue(text.contains(#"dxtrack_http_requests_total{route="/plans/:slug/:report",method="GET",status="200"} 1"#)
                              || text.contains(#"route="/plans/:slug/:report""#), text)
                XCTAssertTrue(text.contains(#"dxtrack_logins_total{outcome="failed"} 1"#), text)
                XCTAssertTrue(text.contains(#"dxtrack_reports_generated_total{format="docx"} 1"#), text)
                XCTAssertTrue(text.contains("dxtrack_report_render_duration_seconds_bucket{format=\"docx\""), text)
                XCTAssertTrue(text.contains("dxtrack_http_request_duration_seconds_bucket"), text)
                XCTAssertTrue(text.contains("dxtrack_open_sessions 1"), text)
                XCTAssertTrue(text.contains(#"dxtrack_db_statement_duration_seconds_count{operation="query"}"#), text)
                XCTAssertTrue(text.contains(#"dxtrack_db_statement_duration_seconds_count{operation="sql"}"#), text)
                XCTAssertFalse(text.contains("kh-cds-2024") || text.contains("2024S1") || text.contains("lanhdao"), "no values, only patterns")
            }
        }
    }

    func testMetricsAddressesMatchExactlyOrByIPv4Range() {
        let access = MetricsAccess(environment: ["DXTRACK_METRICS_ALLOW": "10.1.0.0/16, 192.168.1.7,::1, nonsense/99"])
        XCTAssertTrue(access.allows(address: "10.1.255.3", authorization: nil))
        XCTAssertFalse(access.allows(address: "10.2.0.1", authorization: nil))
        XCTAssertTrue(access.allows(address: "192.168.1.7", authorization: nil))
        XCTAssertFalse(access.allows(address: "192.168.1.70", authorization: nil))
        XCTAssertTrue(access.allows(address: "::1", authorization: nil))
        XCTAssertFalse(access.allows(address: "unknown", authorization: "Bearer "), "no token configured: a bearer proves nothing")
        let loopback = MetricsAccess(environment: [:])
        XCTAssertTrue(loopback.allows(address: "127.0.0.1", authorization: nil))
        XCTAssertFalse(loopback.allows(address: "203.0.113.9", authorization: nil))
    }
}
