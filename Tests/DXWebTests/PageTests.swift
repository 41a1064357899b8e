import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

final class PageTests: XCTestCase {
    func testHealthSaysWhichDatabase() async throws {
        try await withDemoApp { app, url in
            try await app.test(.GET, "/healthz") { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(res.headers.contentType?.subType, "json")
                XCTAssertEqual(res.body.string, "{\"database\":\"\(url.kindName)\",\"migration\":\"\(DXMigrations.all.last!.name)\",\"status\":\"ok\"}")
            }
        }
    }

    func testHomeListsThePlansInVietnamese() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/") { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("<html lang=\"vi\">"))
                XCTAssertTrue(html.contains("Kế hoạch, chương trình chuyển đổi số"))
                XCTAssertTrue(html.contains("Kế hoạch số 83/KH-BCĐ"))
                XCTAssertTrue(html.contains("Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024"))
                XCTAssertTrue(html.contains("16 chỉ tiêu"))
                XCTAssertTrue(html.contains("31 nhiệm vụ"))
                XCTAssertTrue(html.contains("href=\"/plans/83-kh-bcd-2024\""))
            }
        }
    }

    func testThe2024PlanShowsSixteenIndicatorsByPillarWithVietnameseNumbers() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/plans/kh-cds-2024") { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("Chỉ tiêu (16)"), "indicator count")
                XCTAssertTrue(html.contains("id=\"data-read-at\">Số liệu tính đến "), "when the figures were read")
                XCTAssertTrue(html.contains("Kinh tế số"))
                XCTAssertTrue(html.contains("Xã hội số"))
                XCTAssertTrue(html.contains("6 tháng đầu năm 2024"), "period label of the results")
                XCTAssertTrue(html.contains("81,16%"), "a result in Vietnamese number format")
                XCTAssertTrue(html.contains("≥ 97%") || html.contains("≥ 100%"), "a target")
                XCTAssertEqual(html.components(separatedBy: "<tr><td>").count - 1, 16, "one row per indicator")
            }
        }
    }

    func testTheActivityPlanShowsTasksWithLeadDeadlineAndStatus() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/plans/83-kh-bcd-2024") { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("Nhiệm vụ (31)"))
                XCTAssertTrue(html.contains("Thể chế số"))
                XCTAssertTrue(html.contains("Sở Thông tin và Truyền thông"))
                XCTAssertTrue(html.contains("Tháng 6/2024"))
                XCTAssertTrue(html.contains("Chưa triển khai"))
                XCTAssertTrue(html.contains("Hoàn thành"))
            }
            // The plan's code works as well as its slug.
            try await app.test(.GET, "/plans/83%2FKH-BC%C4%90") { res async in
                XCTAssertEqual(res.status, .ok)
            }
        }
    }

    func testTheUnitTreeNestsCommunesUnderTheirDistrict() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/units") { res async in
                XCTAssertEqual(res.status, .ok)
                let html = res.body.string
                XCTAssertTrue(html.contains("Tỉnh Thái Bình"))
                XCTAssertTrue(html.contains("Huyện Hưng Hà"))
                let district = html.range(of: "Huyện Hưng Hà")
                let commune = html.range(of: "Thị trấn Hưng Nhân")
                let nextDistrict = html.range(of: "<strong>Huyện Đông Hưng</strong>")
                XCTAssertNotNil(commune)
                if let d = district, let c = commune, let n = nextDistrict {
                    XCTAssertLessThan(d.lowerBound, c.lowerBound)
                    XCTAssertLessThan(c.lowerBound, n.lowerBound)
                }
            }
        }
    }

    func testUnknownPagesAnswerInVietnamese() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/plans/khong-co") { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertTrue(res.body.string.contains("Không có kế hoạch"))
            }
            try await app.test(.GET, "/nowhere") { res async in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertTrue(res.body.string.contains("Không tìm thấy trang này."))
            }
        }
    }

    func testDataIsEscapedInPages() async throws {
        try await withDemoApp { app, _ in
            try await Store(app.db).upsertUnits([.init(code: "X<1>", name: "<script>alert(1)</script>", kind: .other, parentCode: "34")])
            try await app.test(.GET, "/units") { res async in
                XCTAssertFalse(res.body.string.contains("<script>alert(1)</script>"))
                XCTAssertTrue(res.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
