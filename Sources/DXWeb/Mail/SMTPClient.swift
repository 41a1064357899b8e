import Foundation
import NIOCore

/// Delivers one message per connection: greeting, EHLO, STARTTLS (as configured), AUTH PLAIN or
/// LOGIN, MAIL, RCPT, DATA with dot-stuffing, QUIT. Every step has the configured timeout and
/// fails with a sentence naming the step and the server's reply.
struct SMTPClient: Sendable {
    var configuration: SMTPConfiguration

    func send(_ message: MailMessage) async throws {
        let c = configuration
        let connection = try await SMTPConnection.connect(host: c.host, port: c.port, timeout: .milliseconds(Int64(c.timeout * 1000)))
        do {
            try await deliver(message, on: connection)
        } catch {
            await connection.close()
            throw error
        }
        // The message is accepted: a failing QUIT changes nothing.
        _ = try? await connection.send("QUIT\r\n", step: "QUIT")
        await connection.close()
    }

    private func deliver(_ message: MailMessage, on connection: SMTPConnection) async throws {
        let c = configuration
        try expect(try await connection.reply(step: "lời chào"), 220, "kết nối")
        var extensions = try await ehlo(connection)
        var secure = false
        if c.startTLS != .off {
            if extensions.keys.contains("STARTTLS") {
                try expect(try await connection.send("STARTTLS\r\n", step: "STARTTLS"), 220, "STARTTLS")
                try await connection.startTLS(host: c.host, caFile: c.caFile)
                secure = true
                extensions = try await ehlo(connection)
            } else if c.startTLS == .required {
                throw SMTPError(kind: .tls, description: "Máy chủ thư \(c.host) không hỗ trợ STARTTLS mà cấu hình yêu cầu mã hóa (DXTRACK_SMTP_STARTTLS=required); máy chủ nhận: \(extensions.keys.sorted().joined(separator: ", ")).")
            }
        }
        if let user = c.username, let password = c.password {
            guard secure || c.startTLS == .off else {
                throw SMTPError(kind: .tls, description: "Không gửi mật khẩu qua kết nối không mã hóa: máy chủ thư không hỗ trợ STARTTLS.")
            }
            try await authenticate(connection, user: user, password: password, mechanisms: extensions["AUTH"] ?? [])
        }
        try expect(try await connection.send("MAIL FROM:<\(c.from.address)>\r\n", step: "MAIL FROM"), 250, "MAIL FROM")
        let rcpt = try await connection.send("RCPT TO:<\(message.to)>\r\n", step: "RCPT TO")
        guard rcpt.code == 250 || rcpt.code == 251 else { throw SMTPError.rejected("người nhận <\(message.to)>", rcpt) }
        try expect(try await connection.send("DATA\r\n", step: "DATA"), 354, "DATA")
        try expect(try await connection.send(MIMEText.dotStuffed(message.rendered()), step: "nội dung thư"), 250, "nội dung thư")
    }

    /// EHLO's keywords with their parameters ("AUTH" → ["PLAIN", "LOGIN"]).
    private func ehlo(_ connection: SMTPConnection) async throws -> [String: [String]] {
        let reply = try await connection.send("EHLO \(configuration.heloName)\r\n", step: "EHLO")
        try expect(reply, 250, "EHLO")
        var out: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            if let k = words.first { out[k] = Array(words.dropFirst()) }
        }
        return out
    }

    private func authenticate(_ connection: SMTPConnection, user: String, password: String, mechanisms: [String]) async throws {
        func b64(_ s: String) -> String { Data(s.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            let reply = try await connection.send("AUTH PLAIN \(b64("\u{0}\(user)\u{0}\(password)"))\r\n", step: "AUTH")
            try expect(reply, 235, "AUTH")
        } else {
            try expect(try await connection.send("AUTH LOGIN\r\n", step: "AUTH"), 334, "AUTH")
            try expect(try await connection.send(b64(user) + "\r\n", step: "AUTH"), 334, "AUTH")
            try expect(try await connection.send(b64(password) + "\r\n", step: "AUTH"), 235, "AUTH")
        }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, _ step: String) throws {
        guard reply.code == code else { throw SMTPError.rejected(step, reply) }
    }
}
