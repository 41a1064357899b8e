import DXCore
import DXStore
@testable import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// Issue 16: one stylesheet as the design system, the phone menu without JavaScript, a
/// dashboard that answers a leader's questions first, units without data counted instead of
/// listed with zeros, charts with their figures as text, trends over every reported period.
final class DesignSystemWebTests: XCTestCase {
    func testTheStylesheetIsOneSelfContainedDesignSystem() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/static/style.css") { res async in
                XCTAssertEqual(res.status, .ok)
                let css = res.body.string
                XCTAssertTrue(css.contains("system-ui") && css.contains("\"Noto Sans\""), "a system font stack with Vietnamese glyphs")
                XCTAssertFalse(css.contains("Times New Roman"), "no serif fallback from the browser's default")
                for token in ["--fs-m:", "--fs-xxl:", "--sp-1:", "--sp-6:", "--ink:", "--ok-bg:", "--bad-bg:"] {
                    XCTAssertTrue(css.contains(token), "custom property \(token)")
                }
                // No CDN, no web font, nothing fetched from elsewhere.
                XCTAssertFalse(css.contains("http://") || css.contains("https://") || css.contains("@import") || css.contains("@font-face"))
                XCTAssertTrue(css.contains(".nav-toggle:checked~nav{display:flex}"), "the phone menu opens with its checkbox")
                XCTAssertTrue(css.contains("table.stacked td[data-label]::before{content:attr(data-label)"), "tables become labelled cards")
                XCTAssertTrue(css.contains("@media (max-width:600px)"))
                for component in [".badge{", ".ev-met", ".st-returned", ".flash", ".empty{", "button.primary", ".cards{", ".answers{"] {
                    XCTAssertTrue(css.contains(component), "component \(component)")
                }
            }
        }
    }

    func testEveryPageHasThePhoneMenuAndAScrollingTableSaysItScrolls() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, DemoData.adminUsername)
            try await app.test(.GET, "/plans/83-kh-bcd-2024", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(html.contains("<input type=\"checkbox\" id=\"nav-toggle\" class=\"nav-toggle\"><label class=\"menu-button\" for=\"nav-toggle\">Danh mục</label>"), html)
                XCTAssertTrue(html.contains("<nav aria-label=\"Điều hướng chính\">"))
                XCTAssertFalse(html.contains("<script"), "the menu needs no script")
                XCTAssertTrue(html.contains("<a class=\"skip\" href=\"#main\">") && html.contains("<main id=\"main\">"))
                // Every wide table is a named, focusable region that says it scrolls.
                XCTAssertFalse(html.contains("<div class=\"wide\">"), "no unlabelled scrolling wrapper")
                XCTAssertTrue(html.contains("<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng rộng, kéo ngang để xem hết\""), html)
            }
        }
    }

    func testTheDashboardAnswersTheLeadersQuestionsFirst() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                let answers = try? XCTUnwrap(html.range(of: "<div class=\"answers\">"))
                let details = try? XCTUnwrap(html.range(of: "<h2>Kết quả thực hiện mục tiêu</h2>"))
                XCTAssertTrue(answers != nil && details != nil && answers!.lowerBound < details!.lowerBound, "the answers come first")
                XCTAssertTrue(html.contains("<section id=\"answer-targets\"><h2>Mục tiêu đã đạt</h2>"))
                // The demo round of 2024: its deadline has passed, Sở Tài chính sent late, most units
                // never sent; they are named with their deadline, the rest counted.
                XCTAssertTrue(html.contains("<section id=\"answer-late\"><h2>Đơn vị chậm báo cáo</h2>"))
                XCTAssertTrue(html.contains("đơn vị quá hạn chưa gửi; đã gửi "), html)
                XCTAssertTrue(html.contains("(hạn "), "an overdue unit with its deadline")
                XCTAssertTrue(html.contains("href=\"/rounds/\(demoRound)\">Tiến độ nộp báo cáo của đợt</a>"))
                // 2023 has no figures: said so, not shown as a fall to zero.
                XCTAssertTrue(html.contains("Kỳ trước (năm 2023) chưa có số liệu để so sánh."), html)
            }
        }
    }

    func testTheDashboardSaysWhatChangedSinceThePreviousPeriod() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            // The second half of 2024, with two of the province's figures: indicator 4 rises to its
            // target (81,16% of it in the first half), indicator 5 falls from 100% to 40%.
            _ = try await store.upsertValue(DataValue(planCode: "KH-CĐS-2024", indicatorCode: "4", unitCode: "34", periodID: "2024S2", value: 100))
            _ = try await store.upsertValue(DataValue(planCode: "KH-CĐS-2024", indicatorCode: "5", unitCode: "34", periodID: "2024S2", value: 40))
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S2", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                guard let start = html.range(of: "<section id=\"answer-changes\">"),
                      let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else {
                    return XCTFail(html)
                }
                let changes = String(html[start.lowerBound..<end.upperBound])
                XCTAssertTrue(changes.contains("so với 6 tháng đầu năm 2024"), changes)
                XCTAssertTrue(changes.contains("indicators/4?period=2024S2&amp;unit=34\">Chỉ tiêu 4</a> <span role=\"img\" aria-label=\"tăng\">▲</span>"), changes)
                XCTAssertTrue(changes.contains("indicators/5?period=2024S2&amp;unit=34\">Chỉ tiêu 5</a> <span role=\"img\" aria-label=\"giảm\">▼</span> <span class=\"badge ev-met\">"), changes)
                // The fourteen indicators without a second-half figure are counted, not listed as falls.
                XCTAssertTrue(changes.contains("14 chỉ tiêu đánh giá được ở kỳ trước nhưng kỳ này chưa đánh giá được."), changes)
                XCTAssertFalse(changes.contains("Chỉ tiêu 1<"), "an indicator without a figure is not a change")
            }
        }
    }

    func testUnitsWithoutDataAreCountedNotListedWithZeros() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            let units = try await Store(app.db).unitTree().children(of: "34").filter { $0.overlaps(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 6, 30)) }
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertFalse(html.contains("<td data-label=\"Chỉ tiêu có số liệu\" class=\"num\"><span class=\"v\">00/"), "no row of zeros for a unit without figures")
                XCTAssertTrue(html.contains("<details class=\"empty\" id=\"units-without-data\"><summary><strong>"), html)
                XCTAssertTrue(html.contains(" đơn vị chưa có số liệu nào cho kỳ này</strong>"))
                XCTAssertTrue(html.contains("/\(VNNumber.padded(units.count)) đơn vị chưa có số liệu"), "counted out of every unit below")
                XCTAssertTrue(html.contains("<td data-label=\"Kết quả\">"), "indicator cells labelled for the phone layout")
            }
        }
    }

    func testChartsKeepWholeLabelsAndGiveTheirFiguresAsText() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/dashboard?period=2024S1", headers: viewer) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("<svg class=\"chart\""))
                XCTAssertFalse(html.contains("hoàn thàn<") || html.contains("hoàn thàn…"), "value labels are never cut")
                XCTAssertTrue(html.contains("font-weight=\"600\">"), "the value label is drawn")
                XCTAssertTrue(html.contains("<details><summary>Số liệu của biểu đồ</summary><table class=\"stacked\"><caption>Tỷ lệ chỉ tiêu hoàn thành theo trụ cột</caption>"), html)
                XCTAssertTrue(html.contains("hoàn thành</span></td></tr>"), "each pillar's figure in the table")
            }
        }
    }

    func testTheTrendShowsEveryReportedPeriod() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            _ = try await store.upsertValue(DataValue(planCode: "KH-CĐS-2024", indicatorCode: "3", unitCode: "34", periodID: "2024Q3", value: 99.5))
            _ = try await store.upsertValue(DataValue(planCode: "KH-CĐS-2024", indicatorCode: "3", unitCode: "34", periodID: "2023", value: 90))
            let reported = try await store.reportedPeriods(planCode: "KH-CĐS-2024").sorted()
            XCTAssertGreaterThanOrEqual(reported.count, 4)
            let viewer = try await browser(app, "lanhdao").headers
            try await app.test(.GET, "/plans/kh-cds-2024/indicators/3?period=2024S1", headers: viewer) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                for p in reported {
                    XCTAssertTrue(html.contains("<td data-label=\"Kỳ\" class=\"title\">\(p.label)</td>"), "\(p.identifier) in the trend table")
                    XCTAssertTrue(html.contains(">\(p.identifier)</text>"), "\(p.identifier) on the chart")
                }
            }
        }
    }
}
