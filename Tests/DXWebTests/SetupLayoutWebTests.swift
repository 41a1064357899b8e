import DXCore
import DXStore
@testable import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// Issue 16, item 2, for the set-up and report-template pages: at phone width every row is a
/// card whose cells say what they are, the main action comes first, an empty list says what to
/// do next, and a refused save points at its field.
final class SetupLayoutWebTests: XCTestCase {
    func testAPlansIndicatorsShowTheirUnitTargetsByYearAndRoundsInLabelledCells() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/setup/plans/kh-cds-2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("<table class=\"stacked\" id=\"setup-indicators\">"), html)
                for label in ["Chỉ tiêu", "Đơn vị tính", "Mục tiêu theo năm", "Đơn vị chủ trì", "Đợt báo cáo"] {
                    XCTAssertTrue(html.contains("<td data-label=\"\(label)\""), "cells labelled \(label)")
                }
                // The demo round of 2024 asks for every indicator of the plan.
                XCTAssertTrue(html.contains("<span class=\"badge ev-met\">Có trong 01 đợt</span>"), html)
                XCTAssertTrue(html.contains("<span class=\"badge ev-met\">Có trong 01 đợt báo cáo</span> <a href=\"/rounds/bc-nam-2024\">"), "the plan's rounds")
                XCTAssertTrue(html.contains("2024: ≥ 90% (cấp tỉnh)"), "targets by year, with their level")
                // Adding an indicator comes before the list; the plan's own fields are folded below it.
                let add = html.range(of: "href=\"/setup/plans/kh-cds-2024/indicators/moi\">Thêm chỉ tiêu</a>")?.lowerBound
                let table = html.range(of: "id=\"setup-indicators\"")?.lowerBound
                let form = html.range(of: "<details id=\"plan-form\" class=\"box\">")?.lowerBound
                XCTAssertTrue(add != nil && table != nil && form != nil && add! < table! && table! < form!)
                XCTAssertTrue(html.contains("inputmode=\"numeric\""), "the years bring up the number pad")
            }
        }
    }

    func testAnEmptyPlanSaysWhatToDoNext() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.POST, "/setup/new-plan", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "20/KH-UBND"), ("kind", "plan"), ("title", "Kế hoạch thử"), ("issuer", "34"),
                ("from", "2025"), ("to", "2025"), ("pillars", "1 | Chính quyền số"),
            ])) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            try await app.test(.GET, "/setup/plans/20-kh-ubnd-2025", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("<div class=\"empty\"><strong>Kế hoạch chưa có chỉ tiêu nào.</strong><p>Bấm “Thêm chỉ tiêu”"), html)
                XCTAssertTrue(html.contains("<strong>Kế hoạch chưa có nhiệm vụ nào.</strong>"))
                XCTAssertTrue(html.contains("<span class=\"badge ev-none\">Chưa có trong đợt báo cáo nào</span>"))
                XCTAssertFalse(html.contains("id=\"setup-indicators\""), "no empty table")
            }
            // The list of plans counts it as having none yet, not a bare zero.
            try await app.test(.GET, "/setup", headers: b.headers) { res async in
                let html = res.body.string
                XCTAssertTrue(html.contains("<table class=\"stacked\" id=\"setup-plans\">"), html)
                XCTAssertTrue(html.contains("<td data-label=\"Chỉ tiêu\" class=\"num\"><span class=\"v\"><span class=\"badge ev-none\">Chưa có</span>"), html)
            }
        }
    }

    func testARefusedTargetPointsAtItsFieldAndTheFieldAtTheMessage() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.POST, "/setup/plans/kh-cds-2024/indicators/moi", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "17"), ("name", "Tỷ lệ xã có điểm phục vụ một cửa số"), ("measure", "rate"),
                ("t0.year", "2024"), ("t0.level", "commune"), ("t0.comparator", "ge"), ("t0.value", "sáu mươi"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let html = res.body.string
                XCTAssertTrue(html.contains("<div class=\"box errbox\" id=\"form-error\" role=\"alert\"><p>Mục tiêu năm 2024: &quot;sáu mươi&quot; không phải là số hợp lệ.</p><p><a href=\"#t0.value\">Sửa ô này</a>"), html)
                XCTAssertTrue(html.contains("name=\"t0.value\" value=\"sáu mươi\" aria-label=\"Giá trị, dòng 1\" inputmode=\"decimal\" id=\"t0.value\" aria-invalid=\"true\" aria-describedby=\"form-error\""), html)
                // The targets are a table on a desk and labelled cards on a phone.
                XCTAssertTrue(html.contains("<table class=\"stacked targets\" id=\"targets\">"))
                XCTAssertTrue(html.contains("<td data-label=\"Năm\"><span class=\"v\"><input name=\"t0.year\""))
            }
        }
    }

    func testAUnitSaysAtAGlanceWhatItIsAndHowDatesAreTyped() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/setup/units/339", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                // Hưng Hà was merged away with the districts on 30/6/2025.
                XCTAssertTrue(html.contains("<p class=\"meta\" id=\"unit-facts\">Mã 339 · Huyện, thị xã, thành phố thuộc tỉnh · thuộc <a href=\"/setup/units/34\">"), html)
                XCTAssertTrue(html.contains("<span class=\"badge ev-none\">Hết hiệu lực sau 30/06/2025</span>"))
                XCTAssertTrue(html.contains("<input name=\"validFrom\" value=\"\" id=\"validFrom\" placeholder=\"ngày/tháng/năm\">"))
            }
            // A wrong date is refused at its field.
            try await app.test(.POST, "/setup/units/339", headers: b.headers, body: formBody([
                ("_csrf", b.csrf), ("code", "339"), ("name", "Huyện Hưng Hà"), ("kind", "district"), ("parent", "34"), ("validTo", "31/13/2025"),
            ])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let html = res.body.string
                XCTAssertTrue(html.contains("<a href=\"#validTo\">Sửa ô này</a>"), html)
                XCTAssertTrue(html.contains("id=\"validTo\" aria-invalid=\"true\" aria-describedby=\"form-error\""), html)
            }
        }
    }

    func testTheReportTemplatesListTheirPartsTheirLatestPeriodAndMakeTheReportInOneTap() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/reports", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("<table id=\"templates\" class=\"stacked\">"), html)
                for label in ["Kế hoạch", "Các phần của báo cáo", "Kỳ có số liệu mới nhất"] {
                    XCTAssertTrue(html.contains("<td data-label=\"\(label)\""), "cells labelled \(label)")
                }
                XCTAssertTrue(html.contains("Chỉ tiêu (phụ lục I)"), html)
                // The report of the plan's latest period with figures is one tap away.
                XCTAssertTrue(html.contains("<td data-label=\"Kỳ có số liệu mới nhất\"><span class=\"v\">Năm 2024</span></td>"), html)
                XCTAssertTrue(html.contains("<td class=\"act\"><a class=\"button primary\" href=\"/reports/bao-cao-6-thang-2024?period=2024\">Tạo báo cáo</a></td>"), html)
            }
        }
    }
}
