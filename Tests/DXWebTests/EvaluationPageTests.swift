import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

final class EvaluationPageTests: XCTestCase {
    func testTheDashboardShowsTheSummaryTrafficLightsAndAChart() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."), body)
                XCTAssertTrue(body.contains("<strong>09/16</strong> mục tiêu hoàn thành (56,25%)"))
                XCTAssertTrue(body.contains("class=\"badge ev-met\">● Hoàn thành"))
                XCTAssertTrue(body.contains("class=\"badge ev-below\">◔ Đạt 33,33% mục tiêu"))
                XCTAssertTrue(body.contains("<svg class=\"chart\""), "progress by pillar as SVG")
                XCTAssertTrue(body.contains("<title>Tỷ lệ chỉ tiêu hoàn thành theo trụ cột</title>"), "with a text alternative")
                XCTAssertTrue(body.contains("Đơn vị trực thuộc"), "drill-down to the units")
                XCTAssertTrue(body.contains("/plans/kh-cds-2024/dashboard?period=2024S1&amp;unit=339"), "link to Hưng Hà")
            }
            try await app.test(.GET, "/plans/83-kh-bcd-2024/dashboard?period=2024S1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Theo cơ quan chủ trì"), "task status by lead agency")
                XCTAssertTrue(res.body.string.contains("đặt ra 31 nhiệm vụ"), res.body.string)
            }
        }
    }

    /// The dashboard of a plan of indicators links the report with the year's activity plan
    /// (a one-year plan of tasks only): the one `planSummaries` lists first, found by one query.
    func testTheDashboardFindsTheYearsActivityPlanAsThePlanListWould() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            var found = 0
            for year in 2022...2027 {
                let listed = try await store.planSummaries().first {
                    $0.taskCount > 0 && $0.indicatorCount == 0 && $0.plan.covers(year: year) && $0.plan.horizonFrom == $0.plan.horizonTo
                }?.plan.slug
                let one = try await store.tasksOnlyPlan(year: year)
                XCTAssertEqual(one, listed, "\(year)")
                if one != nil { found += 1 }
            }
            XCTAssertGreaterThan(found, 0, "the demo has an activity plan")
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("tasks=83-kh-bcd-2024"), "the report link counts the year's tasks")
            }
        }
    }

    func testDrillingDownToADistrictUsesItsOwnFigures() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024&unit=339", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Huyện Hưng Hà"))
                // The demo's Hưng Hà figures are its draft report of bc-nam-2024: not counted.
                XCTAssertFalse(body.contains("3.787/3.798"), "a draft is not an official figure")
            }
            let store = Store(app.db)
            let found = try await store.round(demoRound)
            let round = try XCTUnwrap(found)
            let sent = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
            XCTAssertEqual(sent.state, .submitted)
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024&unit=339", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("3.787/3.798"), "indicator 3's parts as the district reported them, once submitted")
                XCTAssertTrue(body.contains("› <a href=\"/plans/kh-cds-2024/dashboard?period=2024&amp;unit=34\">Tỉnh Thái Bình</a>"), "breadcrumb")
            }
        }
    }

    func testTheIndicatorPageHasATrendChartAndAUnitTable() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/indicators/3?period=2024", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Diễn biến qua các kỳ"))
                XCTAssertTrue(body.contains("<svg class=\"chart\""))
                XCTAssertTrue(body.contains("<desc>"), "the chart's values as text")
                XCTAssertTrue(body.contains("Theo đơn vị — năm 2024"), body)
                XCTAssertTrue(body.contains("Huyện Hưng Hà"))
            }
        }
    }

    func testTheRankingPageRanksWithBarsAndExplainsEachScore() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/rankings", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("/rankings/SODTT-2024"))
            }
            try await app.test(.GET, "/rankings/SODTT-2024", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Ủy ban nhân dân các huyện, thành phố"))
                XCTAssertTrue(body.contains("Huyện Đông Hưng") && body.contains("Huyện Kiến Xương"))
                XCTAssertTrue(body.contains("<svg class=\"mini\""), "a bar per main index")
                XCTAssertTrue(body.contains("role=\"img\" aria-label=\"Nhận thức số: 0,"), "bars carry their value as text")
            }
            try await app.test(.GET, "/rankings/SODTT-2024/units/TB-SNV", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let body = res.body.string
                XCTAssertTrue(body.contains("Sở Nội vụ"))
                XCTAssertTrue(body.contains("Chưa có số liệu"), "the two criteria it did not submit")
                XCTAssertTrue(body.contains("/QĐ-SNV"), "evidence cited")
            }
        }
    }

    func testUnknownThingsAreA404InVietnamese() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            for path in ["/plans/khong-co/dashboard", "/plans/kh-cds-2024/indicators/99", "/rankings/KHONG-CO",
                         "/rankings/SODTT-2024/units/34", "/plans/kh-cds-2024/dashboard?period=2024&unit=999"] {
                try await app.test(.GET, path, headers: viewer) { res async in
                    XCTAssertEqual(res.status, .notFound, path)
                    XCTAssertTrue(res.body.string.contains("Không tìm thấy"), path)
                }
            }
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024Q9", headers: viewer) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(res.body.string.contains("2024Q9"))
            }
        }
    }

    func testEvaluationPagesNeedALoginAndTheUnitInScope() async throws {
        try await withDemoApp { app, _ in
            for path in ["/plans/kh-cds-2024/dashboard?period=2024S1", "/plans/kh-cds-2024/indicators/3", "/rankings/SODTT-2024"] {
                try await app.test(.GET, path) { res async in
                    XCTAssertEqual(res.status, .seeOther, path)
                    XCTAssertTrue(res.headers.first(name: .location)?.hasPrefix("/login") ?? false, path)
                }
            }
            let district = try await browser(app, "hungha").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024", headers: district) { res async in
                XCTAssertEqual(res.status, .forbidden, "the province is above Hưng Hà")
                XCTAssertTrue(res.body.string.contains("Bạn không có quyền xem dữ liệu của đơn vị này."))
            }
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024&unit=339", headers: district) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            let coordinator = try await browser(app, "dieuphoi").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1", headers: coordinator) { res async in
                XCTAssertEqual(res.status, .ok, "the standing agency acts for the province")
            }
        }
    }

    func testTheReportIsOneClickFromTheDashboard() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1", headers: viewer) { res async in
                XCTAssertTrue(res.body.string.contains("/plans/kh-cds-2024/report.docx?period=2024S1&amp;tasks=83-kh-bcd-2024"), "download link")
            }
            try await app.test(.GET, "/plans/kh-cds-2024/report.docx?period=2024S1&tasks=83-kh-bcd-2024", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.subType, "vnd.openxmlformats-officedocument.wordprocessingml.document")
                XCTAssertEqual(Array(res.body.readableBytesView.prefix(2)), [0x50, 0x4B], "a zip package")
                XCTAssertTrue(res.headers.first(name: .contentDisposition)?.contains("bao-cao-kh-cds-2024-2024S1.docx") ?? false)
            }
            try await app.test(.GET, "/plans/kh-cds-2024/report.html?period=2024S1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."))
            }
            try await app.test(.GET, "/plans/kh-cds-2024/report.xlsx?period=2024S1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
            }
            try await app.test(.GET, "/plans/kh-cds-2024/report.exe?period=2024S1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .notFound)
            }
            try await app.test(.GET, "/plans/kh-cds-2024/report.docx", headers: viewer) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(res.body.string.contains("Thiếu kỳ báo cáo"))
            }
            try await app.test(.GET, "/plans/kh-cds-2024/report.docx?period=2024S1") { res async in
                XCTAssertEqual(res.status, .seeOther, "login first")
            }
            let district = try await browser(app, "hungha").headers
            try await app.test(.GET, "/plans/kh-cds-2024/report.docx?period=2024S1", headers: district) { res async in
                XCTAssertEqual(res.status, .forbidden, "the province's report is above Hưng Hà")
            }
        }
    }

    func testDataIsEscapedOnTheDashboard() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1&unit=%3Cscript%3E", headers: viewer) { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertFalse(res.body.string.contains("<script>"))
            }
        }
    }
}

final class EvaluationAPITests: XCTestCase {
    func testTheEvaluationAPIGivesTheSameFiguresAsTheCommand() async throws {
        try await withDemoApp { app, _ in
            let token = try await adminToken(app)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/evaluation?period=2024S1", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .ok)
                let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
                let summary = try XCTUnwrap(json["summary"] as? [String: Any])
                XCTAssertEqual(summary["met"] as? Int, 9)
                XCTAssertEqual(summary["total"] as? Int, 16)
            }
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/evaluation", headers: auth) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(res.body.string.contains("Thiếu tham số period"))
            }
            try await app.test(.GET, "/api/v1/rankings/SODTT-2024", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .ok)
                let parts = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
                XCTAssertEqual(parts.compactMap { $0["level"] as? String }, ["department", "district"])
            }
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/evaluation?period=2024S1") { res async in
                XCTAssertEqual(res.status, .unauthorized)
            }
        }
    }

    func testADistrictAccountMayNotReadTheProvincesEvaluation() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            try await store.createAccount(.init(username: "hh-eval", displayName: "Hưng Hà", role: .viewer, unitCode: "339"),
                                          passwordHash: try Credentials.hashPassword("mat-khau-dai"))
            let token = Credentials.newToken()
            try await store.createToken(username: "hh-eval", tokenHash: Credentials.tokenHash(token))
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/evaluation?period=2024", headers: auth) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertTrue(res.body.string.contains("Bạn không có quyền xem dữ liệu của đơn vị này."), res.body.string)
            }
            try await app.test(.GET, "/api/v1/plans/kh-cds-2024/evaluation?period=2024&unit=339", headers: auth) { res async in
                XCTAssertEqual(res.status, .ok)
            }
        }
    }
}
