import DXStore
@testable import DXWeb
import Foundation
import NIOCore
import Vapor
import XCTest
import XCTVapor

/// "Kiểm tra báo cáo": upload, findings, marks in the text; refusals for what cannot be read.
final class LintPageTests: XCTestCase {
    func testAnyoneSignedInSeesTheFindingsMarkedInTheText() async throws {
        try await withDemoApp { app, _ in
            try await app.test(.GET, "/lint") { res async in
                XCTAssertNotEqual(res.status, .ok, "signed in only")
            }
            let viewer = try await browser(app, "lanhdao")
            try await app.test(.GET, "/lint", headers: viewer.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("<h1>Kiểm tra báo cáo</h1>"))
            }
            let report = """
                Kế hoạch đề ra 40 nhiệm vụ. Trong đó 30 nhiệm vụ hoàn thành (75%), 12 nhiệm vụ đang triển khai (35%).
                Tỷ lệ hồ sơ trực tuyến 5/31 đạt 16%; <script>alert(1)</script>
                """
            let (headers, body) = viewer.upload("bao-cao.txt", Data(report.utf8))
            try await app.test(.POST, "/lint", headers: headers, body: body) { res async in
                XCTAssertEqual(res.status, .ok, res.body.string)
                let page = res.body.string
                XCTAssertTrue(page.contains("2 phát hiện, trong đó 2 lỗi."), page)
                XCTAssertTrue(page.contains("Tổng ghi 40 nhiệm vụ nhưng các phần cộng lại được 42."))
                XCTAssertTrue(page.contains("12 trên tổng 40 nhiệm vụ là 30%, không phải 35%."), "5/31 = 16% is rounding, not a finding")
                XCTAssertTrue(page.contains("<mark title="), "the finding is marked in its paragraph")
                XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the report's text is escaped")
                XCTAssertFalse(page.contains("<script>alert(1)</script>"))
            }
        }
    }

    func testAFileThatIsNotAReportIsRefusedWithAReason() async throws {
        try await withDemoApp { app, _ in
            let viewer = try await browser(app, "lanhdao")
            for (name, content, message) in [("gia.docx", Data("không phải Word".utf8), "Không đọc được tệp Word"),
                                             ("bang.xlsx", Data("x".utf8), "Chỉ kiểm tra được tệp .docx hoặc .txt."),
                                             ("latin1.txt", Data([0xE0, 0xFF, 0xFE]), "Tệp văn bản phải mã hóa UTF-8.")] {
                let (headers, body) = viewer.upload(name, content)
                try await app.test(.POST, "/lint", headers: headers, body: body) { res async in
                    XCTAssertEqual(res.status, .unprocessableEntity, name)
                    XCTAssertTrue(res.body.string.contains(message), "\(name): \(res.body.string)")
                }
            }
            var (headers, body) = viewer.upload("to.txt", Data(repeating: 0x41, count: UploadLimits.maxBodyBytes + 10))
            headers.replaceOrAdd(name: .contentLength, value: String(body.readableBytes))
            try await app.test(.POST, "/lint", headers: headers, body: body) { res async in
                XCTAssertEqual(res.status, .payloadTooLarge)
            }
        }
    }
}
