import DXCore
import DXStore
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// Configuring the official report on the web: a saved template, issued for a period with a
/// number and a date, previewed, downloaded, and the units' narratives edited before issuing.
final class ReportTemplateWebTests: XCTestCase {
    static let fields: [(String, String)] = [
        ("code", "bao-cao-quy"), ("name", "Báo cáo chuyển đổi số hằng quý"), ("plan", "KH-CĐS-2024"), ("tasksPlan", ""), ("unit", ""),
        ("includeDocuments", "1"), ("byUnitIndicator", ""),
        ("parentBody", "UBND tỉnh Thái Bình"), ("issuingBody", "Sở Thông tin và Truyền thông"), ("symbol", "BC-STTTT"), ("place", "Thái Bình"),
        ("subject", ""), ("introduction", ""), ("authority", "KT. Giám đốc\nPhó Giám đốc"), ("signerName", "Trần Văn A"),
        ("recipients", "UBND tỉnh (để b/c)\nCác sở, ban, ngành"), ("archive", "VT, CĐS"),
    ]

    func testACoordinatorSavesATemplateAndIssuesItWithANumberAndADate() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/reports", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Báo cáo kết quả chuyển đổi số của tỉnh (6 tháng, năm)"), "the demo template")
            }
            try await app.test(.GET, "/reports/new?plan=kh-cds-2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("<option value=\"KH-CĐS-2024\" selected>"), "the plan chosen from the dashboard")
                XCTAssertTrue(res.body.string.contains("Ban Chỉ đạo về chuyển đổi số"), "starts from the standard settings")
            }
            let bad = Self.fields.map { f -> (String, String) in
                switch f.0 {
                case "code": ("code", "Báo cáo quý")
                case "symbol": ("symbol", "12/BC-STTTT")
                case "recipients": ("recipients", "  \n ")
                default: f
                }
            }
            try await app.test(.POST, "/reports/new", headers: b.headers, body: formBody([("_csrf", b.csrf)] + bad)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                let page = res.body.string
                XCTAssertTrue(page.contains("Mã mẫu báo cáo gồm 1–60 ký tự: chữ thường không dấu, số và dấu gạch ngang."))
                XCTAssertTrue(page.contains("Ký hiệu báo cáo nhập không kèm số và dấu “/”, ví dụ BC-BCĐ."))
                XCTAssertTrue(page.contains("Chưa nhập nơi nhận."))
                XCTAssertTrue(page.contains("value=\"Trần Văn A\""), "what was typed is kept")
            }
            try await app.test(.POST, "/reports/new", headers: b.headers, body: formBody([("_csrf", b.csrf)] + Self.fields.map { $0.0 == "plan" ? ($0.0, "KH-X") : $0 })) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Không tìm thấy kế hoạch KH-X"))
            }
            try await app.test(.POST, "/reports/new", headers: b.headers, body: formBody([("_csrf", b.csrf)] + Self.fields)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
                XCTAssertEqual(res.headers.first(name: .location), "/reports/bao-cao-quy?msg=saved")
            }
            try await app.test(.POST, "/reports/new", headers: b.headers, body: formBody([("_csrf", b.csrf)] + Self.fields)) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Đã có mẫu báo cáo mã bao-cao-quy."))
            }
            let found = try await Store(app.db).reportTemplate("bao-cao-quy")
            let saved = try XCTUnwrap(found)
            XCTAssertEqual(saved.settings.authority, ["KT. Giám đốc", "Phó Giám đốc"])
            XCTAssertEqual(saved.settings.recipients, ["UBND tỉnh (để b/c)", "Các sở, ban, ngành"])
            XCTAssertFalse(saved.settings.includeTasks)
            XCTAssertNil(saved.tasksPlanCode)

            try await app.test(.GET, "/reports/bao-cao-quy?period=2024S1&number=7&date=05/07/2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("/reports/bao-cao-quy/report.docx?period=2024S1&amp;number=7&amp;date=2024-07-05"), page)
                XCTAssertTrue(page.contains("<iframe class=\"preview\""))
                XCTAssertTrue(page.contains("Sửa mẫu báo cáo"))
            }
            try await app.test(.GET, "/reports/bao-cao-quy/report.html?period=2024S1&number=7&date=2024-07-05", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let doc = res.body.string
                XCTAssertTrue(doc.contains("07/BC-STTTT"))
                XCTAssertTrue(doc.contains("ngày 05 tháng 7 năm 2024"), doc)
                XCTAssertTrue(doc.contains("Trần Văn A"))
                XCTAssertTrue(doc.contains("Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."))
                XCTAssertFalse(doc.contains("Phụ lục III"), "indicators and documents only")
                XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "SAMEORIGIN", "our page frames the preview")
                XCTAssertTrue(res.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'none'") ?? false, "no script runs in it")
            }
            try await app.test(.GET, "/reports/bao-cao-quy/report.docx?period=2024S1", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(Array(res.body.readableBytesView.prefix(2)), [0x50, 0x4B])
                XCTAssertTrue(res.headers.first(name: .contentDisposition)?.contains("bao-cao-bao-cao-quy-2024S1.docx") ?? false)
                XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY")
            }
            for (query, message) in [("period=2024X9", "Mã kỳ báo cáo"), ("period=2024S1&number=-3", "phải là số nguyên dương"),
                                     ("period=2024S1&date=31/02/2024", "Ngày báo cáo")] {
                try await app.test(.GET, "/reports/bao-cao-quy/report.docx?\(query)", headers: b.headers) { res async in
                    XCTAssertEqual(res.status, .badRequest, query)
                    XCTAssertTrue(res.body.string.contains(message), res.body.string)
                }
                try await app.test(.GET, "/reports/bao-cao-quy?\(query)", headers: b.headers) { res async in
                    XCTAssertEqual(res.status, .ok)
                    XCTAssertTrue(res.body.string.contains(message), query)
                    XCTAssertFalse(res.body.string.contains("<iframe"), "no preview of a wrong issue")
                }
            }

            // Changing the template: the signer.
            let changed = Self.fields.map { $0.0 == "signerName" ? ($0.0, "Nguyễn Thị B") : $0 }
            try await app.test(.POST, "/reports/bao-cao-quy", headers: b.headers, body: formBody([("_csrf", b.csrf)] + changed)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            let signer = try await Store(app.db).reportTemplate("bao-cao-quy")?.settings.signerName
            XCTAssertEqual(signer, "Nguyễn Thị B")
            try await app.test(.POST, "/reports/bao-cao-quy", headers: b.headers, body: formBody(changed)) { res async in
                XCTAssertEqual(res.status, .forbidden, "no CSRF token")
            }
        }
    }

    func testWhoMayReadAndWhoMayChangeATemplate() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao")
            try await app.test(.GET, "/reports/bao-cao-cds-tinh?period=2024", headers: viewer.headers) { res async in
                XCTAssertEqual(res.status, .ok, "leaders read the province's report")
                XCTAssertFalse(res.body.string.contains("Sửa mẫu báo cáo"))
                XCTAssertFalse(res.body.string.contains("Biên tập thuyết minh"))
            }
            try await app.test(.POST, "/reports/bao-cao-cds-tinh", headers: viewer.headers, body: formBody([("_csrf", viewer.csrf)] + Self.fields)) { res async in
                XCTAssertEqual(res.status, .forbidden)
                XCTAssertTrue(res.body.string.contains("Chỉ cơ quan thường trực hoặc quản trị mới được lưu mẫu báo cáo"))
            }
            try await app.test(.GET, "/reports/new", headers: viewer.headers) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let district = try await browser(app, "hungha")
            try await app.test(.GET, "/reports/bao-cao-cds-tinh/report.docx?period=2024", headers: district.headers) { res async in
                XCTAssertEqual(res.status, .forbidden, "the province is above Hưng Hà")
            }
            try await app.test(.GET, "/reports", headers: district.headers) { res async in
                XCTAssertFalse(res.body.string.contains("bao-cao-cds-tinh"), "templates outside the scope are not listed")
            }
            try await app.test(.GET, "/reports/bao-cao-cds-tinh") { res async in
                XCTAssertEqual(res.status, .seeOther, "login first")
            }
            try await app.test(.GET, "/reports/khong-co", headers: viewer.headers) { res async in
                XCTAssertEqual(res.status, .notFound)
            }
        }
    }

    func testTheCoordinatorEditsTheUnitsNarrativesBeforeIssuing() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/reports/bao-cao-cds-tinh?period=2024", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Thuyết minh của các đơn vị trong kỳ: 06 đoạn"), res.body.string)
                XCTAssertTrue(res.body.string.contains("/reports/bao-cao-cds-tinh/narratives?period=2024"))
            }
            var fields: [(String, String)] = []
            try await app.test(.GET, "/reports/bao-cao-cds-tinh/narratives?period=2024", headers: b.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                let page = res.body.string
                XCTAssertTrue(page.contains("Sở Nội vụ – Kết quả"))
                XCTAssertFalse(page.contains("Công an tỉnh"), "a returned report is not in the report")
                // Read the form back as a browser would submit it.
                for i in 0..<6 {
                    func hidden(_ name: String) -> String {
                        let marker = "name=\"\(name)\" value=\""
                        guard let r = page.range(of: marker) else { return "" }
                        return String(page[r.upperBound...].prefix { $0 != "\"" })
                    }
                    let unit = hidden("u.\(i)"), section = hidden("s.\(i)")
                    var text = "Đơn vị đã triển khai các nhiệm vụ chuyển đổi số năm 2024 theo kế hoạch (nội dung minh họa của dữ liệu mẫu)."
                    if section != "Kết quả" { text = "Nhân lực công nghệ thông tin còn thiếu (minh họa)." }
                    if unit == "TB-SNV" && section == "Kết quả" { text = "Sở Nội vụ đã số hóa 100% hồ sơ <b>công chức</b>." }
                    if unit == "TB-STC" && section == "Tồn tại hạn chế" { text = "" }
                    fields += [("u.\(i)", unit), ("s.\(i)", section), ("t.\(i)", text)]
                }
            }
            try await app.test(.POST, "/reports/bao-cao-cds-tinh/narratives?period=2024", headers: b.headers, body: formBody([("_csrf", b.csrf)] + fields)) { res async in
                XCTAssertEqual(res.status, .seeOther, res.body.string)
            }
            try await app.test(.GET, "/reports/bao-cao-cds-tinh/narratives?period=2024&msg=saved", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Đã lưu thuyết minh."))
                XCTAssertTrue(res.body.string.contains("Đã biên tập (không đưa vào báo cáo)."))
                XCTAssertTrue(res.body.string.contains("&lt;b&gt;công chức&lt;/b&gt;"), "escaped")
            }
            try await app.test(.GET, "/reports/bao-cao-cds-tinh/report.html?period=2024", headers: b.headers) { res async in
                let doc = res.body.string
                XCTAssertTrue(doc.contains("Sở Nội vụ: Sở Nội vụ đã số hóa 100% hồ sơ &lt;b&gt;công chức&lt;/b&gt;."), "edited and escaped")
                XCTAssertFalse(doc.contains("Sở Tài chính: Nhân lực"), "left out")
            }
            let entries = try await Store(app.db).auditEntries(unitCodes: ["TB-SNV", "TB-STC"]).filter { $0.subject == "reportNarrative" }
            XCTAssertEqual(entries.count, 2)
            XCTAssertTrue(entries.allSatisfy { $0.username == "dieuphoi" })

            try await app.test(.POST, "/reports/bao-cao-cds-tinh/narratives?period=2024", headers: b.headers,
                               body: formBody([("_csrf", b.csrf), ("u.0", "TB-CA"), ("s.0", "Kết quả"), ("t.0", "x")])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Đơn vị TB-CA không có phần “Kết quả” trong báo cáo đã gửi của kỳ này."))
            }
            let viewer = try await browser(app, "lanhdao")
            try await app.test(.POST, "/reports/bao-cao-cds-tinh/narratives?period=2024", headers: viewer.headers, body: formBody([("_csrf", viewer.csrf)] + fields)) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
        }
    }

    func testTheTemplatePagesSpeakEnglishToAnEnglishAccountWhileTheReportStaysVietnamese() async throws {
        try await withDemoApp { app, _ in
            try await Store(app.db).setLanguage(username: "dieuphoi", .en, by: Actor(username: "dieuphoi"))
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/reports/bao-cao-cds-tinh?period=2024", headers: b.headers) { res async in
                let page = res.body.string
                XCTAssertTrue(page.contains("<html lang=\"en\">"))
                XCTAssertTrue(page.contains("<h2>Issue</h2>"), page)
                XCTAssertTrue(page.contains("Units&#39; narratives in the period: 06 paragraphs"))
                XCTAssertTrue(page.contains("Edit the template"))
            }
            try await app.test(.GET, "/reports/bao-cao-cds-tinh/narratives?period=2024", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("Save the narratives"))
            }
            try await app.test(.GET, "/reports/bao-cao-cds-tinh/report.html?period=2024", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "the official report is Vietnamese")
            }
        }
    }
}
