import DXCore
@testable import DXWeb
import Foundation
import Vapor
import XCTest

/// The route table is the whole site: every address reads back into the case that built it,
/// and the app registers exactly the table's patterns.
final class SiteRouteTests: XCTestCase {
    /// Values a segment or query item must survive: Vietnamese letters, the "/" of document
    /// numbers, spaces and the characters that end or escape a path.
    static let values = ["KH-CĐS-2024", "02/NQ-TU", "Sở Nội vụ", "a?b", "c#d", "50%", "x&y=z", "+ cộng", "plain"]

    /// One address of every case (several for cases whose values choose the pattern), built from `v`.
    static func samples(_ v: String) -> [SiteRoute] {
        let issue = ReportIssue(period: v, number: 7, date: CalendarDate(iso: "2024-12-31"))
        return [
            .home, .plan(slug: v),
            .dashboard(slug: v, period: nil, unit: nil), .dashboard(slug: v, period: v, unit: v),
            .indicator(slug: v, code: v, period: v, unit: nil), .indicator(slug: v, code: v, period: nil, unit: v),
            .report(slug: v, format: "docx", period: v, tasksPlan: nil), .report(slug: v, format: v, period: v, tasksPlan: v),
            .rankings, .ranking(scheme: v), .rankingUnit(scheme: v, unit: v), .units,
            .unitSuccessors, .unitSuccessorAccounts,
            .health, .ready, .metrics, .stylesheet, .pickerScript, .openAPI,
            .login(next: nil), .login(next: "/plans/\(v)/dashboard?period=\(v)&unit=1"), .logout, .accountLanguage, .accountNotices,
            .rounds, .newRound, .round(v), .roundCSV(v), .roundClose(v),
            .unitReport(round: v, unit: v), .unitReportAction(round: v, unit: v, action: "submit"),
            .unitReportAction(round: v, unit: v, action: v),
            .unitReportWorkbook(round: v, unit: v), .unitReportUpload(round: v, unit: v), .unitReportUploadApply(round: v, unit: v),
            .roundWorkbook(v), .roundUpload(v), .roundUploadApply(v),
            .audit(round: nil, unit: nil, subject: nil), .audit(round: v, unit: v, subject: v),
            .accounts, .accountAction(username: v, action: "reset"), .accountAction(username: v, action: v),
            .setup(query: nil), .setup(query: v), .setupNewPlan, .setupPlan(slug: v),
            .setupIndicator(plan: v, code: nil), .setupIndicator(plan: v, code: v), .setupIndicatorArchive(plan: v, code: v),
            .setupTask(plan: v, code: nil), .setupTask(plan: v, code: v), .setupTaskArchive(plan: v, code: v),
            .setupUnit(code: nil), .setupUnit(code: v), .setupUnitHeading(code: v),
            .setupDocument(number: nil), .setupDocument(number: v),
            .lint, .ingest, .ingestConfirm,
            .tableForms, .newTableForm, .importTableForm, .tableForm(code: v), .tableFormJSON(code: v),
            .tableFormTable(code: v, format: nil, period: nil), .tableFormTable(code: v, format: "xlsx", period: v),
            .tableFormTable(code: v, format: "csv", period: v),
            .reportTemplates, .newReportTemplate(plan: nil), .newReportTemplate(plan: v),
            .reportTemplate(code: v, issue: nil), .reportTemplate(code: v, issue: issue),
            .reportTemplate(code: v, issue: ReportIssue(period: v)),
            .reportTemplateFile(code: v, format: "pdf", issue: issue), .reportNarratives(code: v, period: v),
            .apiPlans, .apiPlanIndicators(slug: v), .apiPlanTasks(slug: v), .apiUnits, .apiPeriod(id: v),
            .apiEvaluation(slug: v, period: v, unit: nil), .apiEvaluation(slug: v, period: v, unit: v), .apiRanking(scheme: v),
            .apiMe, .apiRounds, .apiUnitReport(round: v, unit: v), .apiUnitReportAction(round: v, unit: v, action: v),
            .apiRoundCompleteness(v), .apiAudit(round: v, unit: nil, subject: v),
            .apiDataValueSets(plan: nil, period: nil, orgUnit: nil), .apiDataValueSets(plan: v, period: v, orgUnit: v),
        ]
    }

    func testEveryCaseRoundTripsThroughItsPathUnderEachOfItsMethods() {
        for v in Self.values {
            for route in Self.samples(v) {
                for method in route.methods {
                    XCTAssertEqual(SiteRoute(method: method, path: route.path), route, "\(method.rawValue) \(route.path)")
                }
                // HEAD is answered by GET, as the server does.
                if route.method == .GET { XCTAssertEqual(SiteRoute(method: .HEAD, path: route.path), route, route.path) }
                // A confirmation message on the address changes nothing of the case.
                XCTAssertEqual(SiteRoute(method: route.method, path: route.path(message: "saved")), route, route.path(message: "saved"))
            }
        }
    }

    func testTheSamplesCoverEveryPattern() {
        let covered = Set(Self.samples("x").map(\.pattern))
        XCTAssertEqual(Set(SiteRoute.Pattern.allCases).subtracting(covered).map(\.rawValue).sorted(), [])
    }

    /// The addresses links, tests and the browser test already use stay as they were.
    func testPathsAreTheOnesInUse() {
        let expected: [(SiteRoute, String)] = [
            (.home, "/"),
            (.dashboard(slug: "kh-cds-2024", period: "2024S1", unit: "02"), "/plans/kh-cds-2024/dashboard?period=2024S1&unit=02"),
            (.plan(slug: "KH-CĐS-2024"), "/plans/KH-C%C4%90S-2024"),
            (.report(slug: "kh", format: "docx", period: "2024", tasksPlan: nil), "/plans/kh/report.docx?period=2024"),
            (.setupDocument(number: "02/NQ-TU"), "/setup/documents?number=02%2FNQ-TU"),
            (.setupIndicator(plan: "kh", code: nil), "/setup/plans/kh/indicators/moi"),
            (.unitReportAction(round: "R1", unit: "02", action: "submit"), "/rounds/R1/units/02/submit"),
            (.accountAction(username: "tinh.admin", action: "reset"), "/admin/accounts/tinh.admin/reset"),
            (.roundWorkbook("R1"), "/rounds/R1/report.xlsx?units=all"),
            (.tableFormJSON(code: "BM01"), "/forms/BM01.json"),
            (.tableFormTable(code: "BM01", format: "csv", period: "2024"), "/forms/BM01/table.csv?period=2024"),
            (.reportTemplateFile(code: "BC", format: "pdf", issue: ReportIssue(period: "2024S1", number: 3, date: CalendarDate(iso: "2024-07-01"))),
             "/reports/BC/report.pdf?period=2024S1&number=3&date=2024-07-01"),
            (.login(next: "/rounds"), "/login?next=%2Frounds"),
            (.unitSuccessors, "/units/successors"), (.metrics, "/metrics"), (.openAPI, "/api/v1/openapi.json"),
            (.apiUnitReport(round: "R1", unit: "02"), "/api/v1/rounds/R1/units/02"),
            (.apiAudit(round: "R1", unit: nil, subject: "CT1"), "/api/v1/audit?round=R1&subject=CT1"),
        ]
        for (route, path) in expected { XCTAssertEqual(route.path, path) }
    }

    /// A value in a segment or query keeps RFC 3986's unreserved characters and encodes every
    /// other byte of its UTF-8, as Foundation's `addingPercentEncoding` does with that set.
    func testComponentsEncodeAllButTheUnreservedCharacters() {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        for v in Self.values + ["", "Hưng Hà", "~a.b_c-d", "%", "tab\tnew\nline", "😀"] {
            XCTAssertEqual(SiteRoute.component(v), v.addingPercentEncoding(withAllowedCharacters: unreserved), v)
        }
        XCTAssertEqual(SiteRoute.component("Sở Nội vụ"), "S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5")
    }

    /// Where patterns overlap, the app's own precedence decides, and addresses of no route read as nil.
    func testParsingFollowsTheServersMatching() {
        XCTAssertEqual(SiteRoute(method: .GET, path: "/rounds/new"), .newRound, "a constant segment wins over :round")
        XCTAssertEqual(SiteRoute(method: .GET, path: "/plans/kh/dashboard"), .dashboard(slug: "kh", period: nil, unit: nil))
        XCTAssertEqual(SiteRoute(method: .GET, path: "/forms/BM01.json"), .tableFormJSON(code: "BM01"))
        XCTAssertEqual(SiteRoute(method: .POST, path: "/forms/BM01.json"), .tableForm(code: "BM01.json"), "a POST saves that code")
        XCTAssertEqual(SiteRoute(method: .GET, path: "/setup?q=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5"), .setup(query: "Sở Nội vụ"), "a form's + is a space")
        XCTAssertEqual(SiteRoute(method: .POST, path: "/rounds/R1/units/02/upload"), .unitReportUpload(round: "R1", unit: "02"))
        XCTAssertEqual(SiteRoute(method: .PATCH, path: "/api/v1/rounds/R1/units/02"), .apiUnitReport(round: "R1", unit: "02"))
        for (method, path) in [(HTTPMethod.GET, "/plans/kh/notes.txt"), (.GET, "/nowhere"), (.POST, "/plans/kh"), (.GET, "/logout"),
                               (.PUT, "/api/v1/rounds/R1/units/02"), (.GET, "/reports/BC/summary"), (.GET, "/plans/kh/indicators")] {
            XCTAssertNil(SiteRoute(method: method, path: path), "\(method.rawValue) \(path)")
        }
    }

    func testARequestReadsAsItsRoute() async throws {
        let app = try await Application.make(.testing)
        let req = Request(application: app, method: .HEAD, url: URI(string: "/plans/KH-C%C4%90S-2024/indicators/CT%201?unit=02&msg=saved"),
                          on: app.eventLoopGroup.next())
        XCTAssertEqual(SiteRoute(request: req), .indicator(slug: "KH-CĐS-2024", code: "CT 1", period: nil, unit: "02"))
        try await app.asyncShutdown()
    }

    /// Nothing registered outside the table, nothing in the table left unregistered.
    func testTheAppRegistersExactlyTheTable() async throws {
        try await withDemoApp { app, _ in
            let registered = app.routes.all.map { "\($0.method.rawValue) /\($0.path.string)" }
            XCTAssertEqual(registered.count, Set(registered).count, "a route registered twice")
            let declared = Set(SiteRoute.Pattern.allCases.flatMap { p in p.methods.map { "\($0.rawValue) /\(p.path.string)" } })
            XCTAssertEqual(Set(registered).subtracting(declared).sorted(), [], "registered outside SiteRoute.Pattern")
            XCTAssertEqual(declared.subtracting(registered).sorted(), [], "declared but not registered")
        }
    }

    /// Registration goes through `register(_:_:use:)`: no controller spells a path again.
    func testNoSourceFileRegistersAPathOfItsOwn() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DXWeb")
        let spelled = try NSRegularExpression(pattern: #"\b(routes|app|api)\s*\.\s*(get|post|put|patch|delete|on|grouped)\(\s*(\.[A-Z]+\s*,\s*)?("|use:)"#)
        var offenders: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        XCTAssertFalse(files.isEmpty, sources.path)
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in spelled.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                offenders.append("\(file.lastPathComponent): \(text[Range(m.range, in: text)!])")
            }
        }
        XCTAssertEqual(offenders, [])
    }
}
