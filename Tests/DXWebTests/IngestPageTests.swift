import DXStore
@testable import DXWeb
import Foundation
import NIOCore
import Vapor
import XCTest
import XCTVapor

/// "Nhập phụ lục báo cáo cũ": upload, the reading shown with each column's role, a correction,
/// one write; only those who set up plans, for units in their scope.
final class IngestPageTests: XCTestCase {
    let report = """
    Phụ lục 01: Kết quả thực hiện các chỉ tiêu theo Kế hoạch thử năm 2024

    \tTT
    \tMục tiêu
    \tKết quả
    \tGhi chú

    \t1
    \tPhấn đấu 80% hồ sơ <b>trực tuyến</b>
    \tĐã xử lý 60/90 hồ sơ đạt 66,67%
    \tChưa đạt

    \t2
    \tPhấn đấu 100% cơ sở dữ liệu kết nối
    \t100% cơ sở dữ liệu kết nối
    \tHoàn thành

    Hết.
    """

    func testACoordinatorSeesTheReadingCorrectsAColumnAndWritesThePlan() async throws {
        try await withDemoApp { app, _ in
            let admin = try await browser(app, "admin")
            try await app.test(.GET, "/ingest", headers: admin.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("<h1>Nhập phụ lục báo cáo cũ</h1>"))
            }
            let (headers, body) = admin.upload("bao-cao.txt", Data(report.utf8), fields: [("plan", "KH-THU"), ("period", "2024S1"), ("unit", "34")])
            try await app.test(.POST, "/ingest", headers: headers, body: body) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                let page = res.body.string
                XCTAssertTrue(page.contains("Bảng 1"), page)
                XCTAssertTrue(page.contains("<option value=\"danh-gia\" selected>Đánh giá</option>"), "the note column read as the judgement")
                XCTAssertTrue(page.contains("Kế hoạch KH-THU — Kế hoạch thử năm 2024: 2 chỉ tiêu, 0 nhiệm vụ, 0 nhóm"), page)
                XCTAssertTrue(page.contains("&lt;b&gt;trực tuyến&lt;/b&gt;"), "the report's text is escaped")
                XCTAssertFalse(page.contains("<b>trực tuyến</b>"))
            }
            let afterPreview = try await Store(app.db).planContents(slugOrCode: "KH-THU")
            XCTAssertNil(afterPreview, "a preview writes nothing")

            // Column 4 corrected to a plain note: the judgements are not taken from it.
            let confirm = formBody([("_csrf", admin.csrf), ("file_name", "bao-cao.txt"), ("file_data", Data(report.utf8).base64EncodedString()),
                                    ("plan", "KH-THU"), ("period", "2024S1"), ("unit", "34"), ("table-1", "on"),
                                    ("role-1-1", "stt"), ("role-1-2", "muc-tieu"), ("role-1-3", "ket-qua"), ("role-1-4", "ghi-chu")])
            try await app.test(.POST, "/ingest/confirm", headers: admin.headers, body: confirm) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                XCTAssertTrue(res.body.string.contains("Đã ghi trong một giao dịch"), res.body.string)
            }
            let plan = try await Store(app.db).planContents(slugOrCode: "KH-THU")
            XCTAssertEqual(plan?.indicators.map(\.code), ["1", "2"])
            let values = try await Store(app.db).values(planCode: "KH-THU", includeUnsubmitted: true).sorted { $0.indicatorCode < $1.indicatorCode }
            XCTAssertEqual(values.map(\.numerator), [60, nil])
            XCTAssertEqual(values.map(\.judgement), [nil, nil], "the corrected column is a note, not a judgement")
            XCTAssertEqual(values.map(\.comment), ["Chưa đạt", "Hoàn thành"])
        }
    }

    func testOnlyThoseWhoSetUpPlansForUnitsInTheirScope() async throws {
        try await withDemoApp { app, _ in
            let reporter = try await browser(app, "hungha")
            try await app.test(.GET, "/ingest", headers: reporter.headers) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let (h1, b1) = reporter.upload("bao-cao.txt", Data(report.utf8), fields: [("plan", "KH-THU"), ("unit", "339")])
            try await app.test(.POST, "/ingest", headers: h1, body: b1) { res async in
                XCTAssertEqual(res.status, .forbidden)
            }
            let admin = try await browser(app, "admin")
            for (name, content, fields, message) in [
                ("bao-cao.txt", Data(report.utf8), [("plan", "KH-THU"), ("unit", "99")], "Không có đơn vị mã 99."),
                ("bao-cao.txt", Data(report.utf8), [("plan", "KH-THU"), ("unit", "34"), ("period", "2024X")], "Kỳ không hợp lệ: 2024X"),
                ("bao-cao.txt", Data(report.utf8), [("plan", ""), ("unit", "34")], "Chưa nhập mã kế hoạch."),
                ("gia.docx", Data("không phải Word".utf8), [("plan", "KH-THU"), ("unit", "34")], "Không đọc được tệp Word"),
                ("bang.xlsx", Data("x".utf8), [("plan", "KH-THU"), ("unit", "34")], "Chỉ đọc được tệp .docx hoặc .txt."),
            ] {
                let (h, b) = admin.upload(name, content, fields: fields)
                try await app.test(.POST, "/ingest", headers: h, body: b) { res async in
                    XCTAssertEqual(res.status, .unprocessableEntity, name)
                    XCTAssertTrue(res.body.string.contains(message), "\(message): \(res.body.string)")
                }
            }
            let none = try await Store(app.db).planContents(slugOrCode: "KH-THU")
            XCTAssertNil(none)
        }
    }

    /// A per-unit table ("Kết quả thực hiện của các xã"): a row a commune, a column an
    /// indicator of an existing plan; the page shows the indicator each column was read as,
    /// the user names the one it could not tell, and each matched commune's figures are written.
    func testAPerUnitTableIsConfirmedWithItsIndicatorsAndWritesEachCommunesValues() async throws {
        let table = [["STT", "Xã, thị trấn", "Số tin, bài về chuyển đổi số đăng trên Cổng thông tin điện tử của tỉnh", "Chỉ tiêu khác"],
                     ["1", "UBND xã Quang Trung", "12", "3"],
                     ["2", "Cộng Hòa", "7", "5"],
                     ["3", "Xã Không Có", "1", "1"],
                     ["", "Tổng cộng", "20", "9"]]
        let text = "Phụ lục 03: Kết quả thực hiện của các xã\n\n" + table.map { $0.map { "\t" + $0 }.joined(separator: "\n") + "\n" }.joined(separator: "\n")
        try await withDemoApp { app, _ in
            let admin = try await browser(app, "admin")
            // A plan that does not exist takes no per-unit table: it is not chosen, and nothing is read.
            let (h0, b0) = admin.upload("xa.txt", Data(text.utf8), fields: [("plan", "KH-KHONG-CO"), ("period", "2024S1"), ("unit", "339")])
            try await app.test(.POST, "/ingest", headers: h0, body: b0) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Chưa chọn bảng nào đọc được"), res.body.string)
            }
            let forced = formBody([("_csrf", admin.csrf), ("file_name", "xa.txt"), ("file_data", Data(text.utf8).base64EncodedString()),
                                   ("plan", "KH-KHONG-CO"), ("period", "2024S1"), ("unit", "339"), ("table-1", "on")])
            try await app.test(.POST, "/ingest/confirm", headers: admin.headers, body: forced) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Chưa có kế hoạch “KH-KHONG-CO”"), res.body.string)
            }

            let (h1, b1) = admin.upload("xa.txt", Data(text.utf8), fields: [("plan", "SL-CĐS-2024"), ("period", "2024S1"), ("unit", "339")])
            try await app.test(.POST, "/ingest", headers: h1, body: b1) { res async in
                // "Chỉ tiêu khác" names no indicator: said, with the column shown to be named.
                XCTAssertEqual(res.status, .unprocessableEntity)
                let page = res.body.string
                XCTAssertTrue(page.contains("cột 4 “Chỉ tiêu khác”: không khớp chỉ tiêu nào của kế hoạch SL-CĐS-2024"), page)
                XCTAssertTrue(page.contains("Bảng theo đơn vị"), page)
                XCTAssertTrue(page.contains("<option value=\"don-vi\" selected>"), page)
                XCTAssertTrue(page.contains("name=\"indicator-1-4\" value=\"\""), page)
            }
            let confirm = formBody([("_csrf", admin.csrf), ("file_name", "xa.txt"), ("file_data", Data(text.utf8).base64EncodedString()),
                                    ("plan", "SL-CĐS-2024"), ("period", "2024S1"), ("unit", "339"), ("table-1", "on"),
                                    ("role-1-1", "stt"), ("role-1-2", "don-vi"), ("role-1-3", "gia-tri"), ("role-1-4", "gia-tri"),
                                    ("indicator-1-4", "3.2")])
            try await app.test(.POST, "/ingest/confirm", headers: admin.headers, body: confirm) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                XCTAssertTrue(res.body.string.contains("Đã ghi trong một giao dịch"), res.body.string)
                XCTAssertTrue(res.body.string.contains("Phụ lục 03, dòng 4: “Xã Không Có” không khớp đơn vị nào"), res.body.string)
            }
            let values = try await Store(app.db).values(planCode: "SL-CĐS-2024", includeUnsubmitted: true)
                .filter { $0.periodID == "2024S1" && ["12589", "12595"].contains($0.unitCode) && ["3.1", "3.2"].contains($0.indicatorCode) }
                .map { "\($0.unitCode) \($0.indicatorCode) \($0.value ?? -1)" }.sorted()
            XCTAssertEqual(values, ["12589 3.1 12.0", "12589 3.2 3.0", "12595 3.1 7.0", "12595 3.2 5.0"])
        }
    }
}
