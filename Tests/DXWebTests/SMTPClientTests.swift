@testable import DXWeb
import Foundation
import XCTest

/// The SMTP client against a real server (aiosmtpd), its message read back by Python's parser.
final class SMTPClientTests: XCTestCase {
    func configuration(port: Int, host: String = "127.0.0.1", login: (String, String)? = nil, startTLS: String = "off",
                       caFile: String? = nil) throws -> SMTPConfiguration {
        var env = ["DXTRACK_SMTP_HOST": host, "DXTRACK_SMTP_PORT": String(port), "DXTRACK_SMTP_STARTTLS": startTLS,
                   "DXTRACK_SMTP_FROM": "Sở Thông tin và Truyền thông <chuyendoiso@stttt.example.vn>", "DXTRACK_SMTP_TIMEOUT": "10"]
        if let (u, p) = login { env["DXTRACK_SMTP_USERNAME"] = u; env["DXTRACK_SMTP_PASSWORD"] = p }
        if let caFile { env["DXTRACK_SMTP_CA_FILE"] = caFile }
        return try XCTUnwrap(SMTPConfiguration.fromEnvironment(env))
    }

    func message(_ c: SMTPConfiguration, subject: String, body: String) -> MailMessage {
        MailMessage(from: c.from, to: "hungha@hungha.example.vn", subject: subject, body: body, date: Date(), messageID: "\(UUID().uuidString)@dxtrack")
    }

    let subject = "[Chuyển đổi số] Nhắc hạn nộp báo cáo Báo cáo năm 2024 của Huyện Hưng Hà: còn 3 ngày – đề nghị hoàn thiện số liệu"
    let body = """
    Kính gửi Phòng Văn hóa và Thông tin huyện Hưng Hà,

    Đơn vị chưa gửi báo cáo. Hạn nộp là ngày 20/12/2024 (còn 3 ngày); tỷ lệ 56,25% và 1.445.521 hồ sơ.
    .
    ..một dòng bắt đầu bằng dấu chấm
    Một dòng rất dài để thử ngắt dòng mềm của quoted-printable: Ủy ban nhân dân tỉnh Thái Bình chỉ đạo các sở, ban, ngành và địa phương đẩy mạnh chuyển đổi số.
    """

    func testDeliversAVietnameseMessageThatPythonReadsBack() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let c = try configuration(port: server.port)
        try await SMTPClient(configuration: c).send(message(c, subject: subject, body: body))
        let got = try server.received()
        XCTAssertEqual(got.count, 1)
        let first = try XCTUnwrap(got.first)
        XCTAssertEqual(first.from, "chuyendoiso@stttt.example.vn")
        XCTAssertEqual(first.to, ["hungha@hungha.example.vn"])
        XCTAssertFalse(first.authenticated)
        // 7-bit on the wire: every Vietnamese letter is encoded, no line passes 78 characters.
        XCTAssertTrue(first.raw.allSatisfy { $0 < 128 })
        let long = String(decoding: first.raw, as: UTF8.self).components(separatedBy: "\r\n").filter { $0.count > 78 }
        XCTAssertEqual(long, [])
        let parsed = try SMTPTestServer.parse(first.raw)
        XCTAssertEqual(parsed.subject, subject)
        XCTAssertEqual(parsed.from, "Sở Thông tin và Truyền thông <chuyendoiso@stttt.example.vn>")
        XCTAssertEqual(parsed.body.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines), body,
                       "the lines starting with a dot come back whole: dot-stuffing")
    }

    func testLogsInWithAuthAndReportsAWrongPassword() async throws {
        let server = try SMTPTestServer(login: ("dxtrack", "mật-khẩu-đúng"))
        defer { server.stop() }
        let good = try configuration(port: server.port, login: ("dxtrack", "mật-khẩu-đúng"))
        try await SMTPClient(configuration: good).send(message(good, subject: "Đăng nhập", body: "Thử đăng nhập."))
        XCTAssertEqual(try server.received().map(\.authenticated), [true])

        let bad = try configuration(port: server.port, login: ("dxtrack", "sai"))
        do {
            try await SMTPClient(configuration: bad).send(message(bad, subject: "Sai", body: "Sai mật khẩu."))
            XCTFail("a wrong password must fail")
        } catch let e as SMTPError {
            XCTAssertEqual(e.kind, .authentication)
            XCTAssertTrue(e.description.contains("AUTH") && e.description.contains("535"), e.description)
        }
        XCTAssertEqual(try server.received().count, 1)
    }

    func testStartTLSWithASelfSignedCertificate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dx-tls-\(UUID().uuidString)")
        let cert = try SMTPTestServer.certificate(in: folder)
        let server = try SMTPTestServer(login: ("dxtrack", "bí-mật"), certificate: cert)
        defer { server.stop() }
        let c = try configuration(port: server.port, host: "localhost", login: ("dxtrack", "bí-mật"), startTLS: "required", caFile: cert.cert)
        try await SMTPClient(configuration: c).send(message(c, subject: "Qua TLS", body: "Thư được mã hóa."))
        let got = try server.received()
        XCTAssertEqual(got.map(\.tls), [true])
        XCTAssertEqual(got.map(\.authenticated), [true])

        // Without the certificate's authority the connection is refused, and nothing is sent.
        let untrusted = try configuration(port: server.port, host: "localhost", login: ("dxtrack", "bí-mật"), startTLS: "required")
        do {
            try await SMTPClient(configuration: untrusted).send(message(untrusted, subject: "Không tin", body: "x"))
            XCTFail("an untrusted certificate must fail")
        } catch let e as SMTPError {
            XCTAssertEqual(e.kind, .tls, e.description)
        }
        XCTAssertEqual(try server.received().count, 1)
    }

    func testRequiredStartTLSRefusesAPlainServer() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let c = try configuration(port: server.port, startTLS: "required")
        do {
            try await SMTPClient(configuration: c).send(message(c, subject: "x", body: "x"))
            XCTFail("a server without STARTTLS must be refused")
        } catch let e as SMTPError {
            XCTAssertTrue(e.description.contains("không hỗ trợ STARTTLS"), e.description)
        }
        // A password is never sent in clear, even in opportunistic mode.
        let o = try configuration(port: server.port, login: ("u", "p"), startTLS: "opportunistic")
        do {
            try await SMTPClient(configuration: o).send(message(o, subject: "x", body: "x"))
            XCTFail("a password must not go in clear")
        } catch let e as SMTPError {
            XCTAssertTrue(e.description.contains("mật khẩu"), e.description)
        }
        XCTAssertEqual(try server.received().count, 0)
    }

    func testAClosedPortAndASilentServerFailWithASentence() async throws {
        // A port nobody listens on.
        let c = try configuration(port: 1)
        do {
            try await SMTPClient(configuration: c).send(message(c, subject: "x", body: "x"))
            XCTFail("must fail")
        } catch let e as SMTPError {
            XCTAssertEqual(e.kind, .connect)
            XCTAssertTrue(e.description.hasPrefix("Không kết nối được máy chủ thư 127.0.0.1:1"), e.description)
        }
    }

    func testSettingsAreCheckedWithTheirNames() throws {
        XCTAssertNil(try SMTPConfiguration.fromEnvironment([:]))
        func message(_ env: [String: String]) -> String {
            do { _ = try NoticeSettings.fromEnvironment(env); return "" } catch { return String(describing: error) }
        }
        let base = ["DXTRACK_SMTP_HOST": "mail.example.vn", "DXTRACK_SMTP_FROM": "dx@example.vn", "DXTRACK_PUBLIC_URL": "https://dx.example.vn"]
        XCTAssertEqual(message(base), "")
        XCTAssertTrue(message(base.merging(["DXTRACK_SMTP_PORT": "99999"]) { $1 }).contains("DXTRACK_SMTP_PORT"))
        XCTAssertTrue(message(base.merging(["DXTRACK_SMTP_STARTTLS": "maybe"]) { $1 }).contains("required, opportunistic hoặc off"))
        XCTAssertTrue(message(base.merging(["DXTRACK_SMTP_FROM": "not an address"]) { $1 }).contains("DXTRACK_SMTP_FROM"))
        XCTAssertTrue(message(base.merging(["DXTRACK_SMTP_USERNAME": "u"]) { $1 }).contains("DXTRACK_SMTP_PASSWORD"))
        XCTAssertTrue(message(base.filter { $0.key != "DXTRACK_PUBLIC_URL" }).contains("DXTRACK_PUBLIC_URL"))
        XCTAssertTrue(message(["DXTRACK_PUBLIC_URL": "ftp://x"]).contains("DXTRACK_PUBLIC_URL"))
    }

    func testEncodings() {
        XCTAssertEqual(MIMEText.dotStuffed("a\r\n.\r\n..b"), "a\r\n..\r\n...b\r\n.\r\n")
        XCTAssertEqual(MIMEText.header("Subject", "Hello"), "Subject: Hello")
        let h = MIMEText.header("Subject", "Nhắc hạn\r\nBcc: evil@example.com")
        XCTAssertFalse(h.contains("\nBcc"), "a line break in a value never starts a header")
        for word in MIMEText.encodedWords(String(repeating: "Ủy ban nhân dân tỉnh ", count: 8)) {
            XCTAssertLessThanOrEqual(word.count, 75)
        }
        XCTAssertEqual(MIMEText.quotedPrintable("a = b \nđ"), "a =3D b=20\r\n=C4=91")
    }
}
