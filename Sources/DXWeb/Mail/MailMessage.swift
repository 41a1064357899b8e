import DXCore
import Foundation

/// A plain-text message as it travels by SMTP: RFC 5322 headers (non-ASCII words in RFC 2047
/// UTF-8 encoded-words, so Vietnamese subjects and names survive every server), a UTF-8 body in
/// quoted-printable (7-bit safe, lines under 78 characters), CRLF line ends.
struct MailMessage: Sendable {
    var from: MailSender
    var to: String
    var subject: String
    var body: String
    var date: Date
    var messageID: String

    /// The message before dot-stuffing.
    func rendered() -> String {
        var h: [String] = []
        h.append("From: " + from.header)
        h.append("To: <\(to)>")
        h.append(MIMEText.header("Subject", subject))
        h.append("Date: " + Self.dateFormatter.string(from: date))
        h.append("Message-ID: <\(messageID)>")
        h.append("MIME-Version: 1.0")
        h.append("Content-Type: text/plain; charset=utf-8")
        h.append("Content-Transfer-Encoding: quoted-printable")
        return h.joined(separator: "\r\n") + "\r\n\r\n" + MIMEText.quotedPrintable(body)
    }

    static let dateFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f
    }()
}

/// The sender: "Sở Thông tin và Truyền thông <dx@stttt.gov.vn>" or a bare address.
struct MailSender: Sendable, Hashable {
    var name: String?
    var address: String

    /// Reads DXTRACK_SMTP_FROM; nil when it holds no valid address.
    init?(_ text: String) {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let open = s.lastIndex(of: "<"), s.hasSuffix(">") {
            let addr = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
            let name = s[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard MailAddress.isValid(addr), !name.contains(where: { $0.isNewline }) else { return nil }
            self.name = name.isEmpty ? nil : name
            self.address = addr
        } else {
            guard MailAddress.isValid(s) else { return nil }
            self.name = nil
            self.address = s
        }
    }

    var header: String {
        guard let name else { return "<\(address)>" }
        if name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-") }), name.count + address.count < 64 {
            return "\(name) <\(address)>"
        }
        // Folded: each encoded word, then the address, on a line of its own.
        return MIMEText.encodedWords(name).joined(separator: "\r\n ") + "\r\n <\(address)>"
    }
}

/// Encodings of RFC 2045/2047 and SMTP's transparency rule (RFC 5321 §4.5.2).
enum MIMEText {
    /// `Name: value`, the value in encoded-words when it is not plain ASCII, folded so that no
    /// line passes 78 characters. Line breaks in the value are dropped: no header injection.
    static func header(_ name: String, _ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if flat.allSatisfy({ $0.isASCII && !$0.isNewline }), flat.count + name.count < 76 { return "\(name): \(flat)" }
        return "\(name): " + encodedWords(flat).joined(separator: "\r\n ")
    }

    /// `=?UTF-8?B?…?=` words of at most 64 characters (a header name and one word stay under
    /// 78), each holding whole characters (a
    /// Vietnamese letter is never split across two words).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// Quoted-printable of UTF-8 text with CRLF line ends: printable ASCII stays readable, every
    /// other byte is `=XX`, long lines get soft breaks, spaces at a line's end are encoded.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            var current = ""
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let token: String
                if (b >= 33 && b <= 126 && b != UInt8(ascii: "=")) || ((b == 32 || b == 9) && !last) {
                    token = String(UnicodeScalar(b))
                } else {
                    token = "=" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
                }
                if current.utf8.count + token.utf8.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += token
            }
            out.append(current)
        }
        return out.joined(separator: "\r\n")
    }

    /// The DATA payload: a line that starts with "." gets a second one (the server removes it),
    /// and the terminating "CRLF.CRLF".
    static func dotStuffed(_ message: String) -> String {
        let normalised = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return lines.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}
