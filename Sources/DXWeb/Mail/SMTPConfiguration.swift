import DXCore
import Foundation

/// The mail server notices go through, from the environment (see README, "Running in
/// production"). No DXTRACK_SMTP_HOST: no mail is sent, notices wait in the outbox and show in
/// the application.
public struct SMTPConfiguration: Sendable {
    /// How the connection is protected.
    public enum StartTLS: String, Sendable {
        /// STARTTLS or nothing: a server that does not offer it gets no message (the default).
        case required
        /// STARTTLS when offered; without it, messages go in clear but a password never does.
        case opportunistic
        /// Never: for a relay on the same machine or network. A password may then go in clear.
        case off
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    var from: MailSender
    public var startTLS: StartTLS
    /// A PEM file of certificate authorities to trust instead of the system's (a province's own CA).
    public var caFile: String?
    /// The name given in EHLO.
    public var heloName: String
    /// Each step (connecting, each reply) waits at most this long.
    public var timeout: TimeInterval

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Nil when DXTRACK_SMTP_HOST is not set; a Vietnamese sentence naming the variable when a
    /// setting is wrong, so the server does not start with a mail set-up that cannot work.
    public static func fromEnvironment(_ env: [String: String]) throws -> SMTPConfiguration? {
        func value(_ name: String) -> String? {
            guard let v = env[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        guard let host = value("DXTRACK_SMTP_HOST") else { return nil }
        guard !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw Invalid(description: "DXTRACK_SMTP_HOST \"\(host)\" không phải là tên máy chủ thư hợp lệ.")
        }
        var port = 587
        if let p = value("DXTRACK_SMTP_PORT") {
            guard let n = Int(p), (1...65535).contains(n) else { throw Invalid(description: "DXTRACK_SMTP_PORT \"\(p)\" không hợp lệ: phải là số từ 1 đến 65535.") }
            port = n
        }
        guard let fromText = value("DXTRACK_SMTP_FROM") else {
            throw Invalid(description: "Thiếu DXTRACK_SMTP_FROM: địa chỉ người gửi thư (ví dụ \"Sở TT&TT <chuyendoiso@stttt.gov.vn>\").")
        }
        guard let from = MailSender(fromText) else {
            throw Invalid(description: "DXTRACK_SMTP_FROM \"\(fromText)\" không phải là địa chỉ thư hợp lệ.")
        }
        var mode = StartTLS.required
        if let m = value("DXTRACK_SMTP_STARTTLS") {
            guard let parsed = StartTLS(rawValue: m.lowercased()) else {
                throw Invalid(description: "DXTRACK_SMTP_STARTTLS \"\(m)\" không hợp lệ: chọn required, opportunistic hoặc off.")
            }
            mode = parsed
        }
        let username = value("DXTRACK_SMTP_USERNAME")
        let password = env["DXTRACK_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if (username == nil) != (password == nil) {
            throw Invalid(description: "DXTRACK_SMTP_USERNAME và DXTRACK_SMTP_PASSWORD phải được đặt cùng nhau.")
        }
        let caFile = value("DXTRACK_SMTP_CA_FILE")
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw Invalid(description: "Không đọc được tệp chứng thư DXTRACK_SMTP_CA_FILE \"\(caFile)\".")
        }
        var timeout: TimeInterval = 30
        if let t = value("DXTRACK_SMTP_TIMEOUT") {
            guard let n = Double(t), n > 0, n <= 600 else { throw Invalid(description: "DXTRACK_SMTP_TIMEOUT \"\(t)\" không hợp lệ: số giây từ 1 đến 600.") }
            timeout = n
        }
        return SMTPConfiguration(host: host, port: port, username: username, password: password, from: from, startTLS: mode,
                                 caFile: caFile, heloName: value("DXTRACK_SMTP_HELO") ?? "dxtrack.localdomain", timeout: timeout)
    }

    init(host: String, port: Int, username: String?, password: String?, from: MailSender, startTLS: StartTLS, caFile: String?,
         heloName: String, timeout: TimeInterval) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
        self.startTLS = startTLS
        self.caFile = caFile
        self.heloName = heloName
        self.timeout = timeout
    }
}
