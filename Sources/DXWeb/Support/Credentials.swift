import Crypto
import Foundation
import Vapor

/// Password and token hashing: Bcrypt for passwords, SHA-256 for random API tokens
/// (a token has 256 bits of entropy, so a fast hash is enough and lookups stay indexed).
public enum Credentials {
    /// Compares secrets without returning early, so the time taken does not tell how much of
    /// a guess was right.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    public static func hashPassword(_ password: String) throws -> String {
        try Bcrypt.hash(password, cost: 12)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// A Vietnamese sentence saying what is wrong with a new password, or `nil`.
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < 8 { return "Mật khẩu phải có ít nhất 8 ký tự." }
        if password.utf8.count > 72 { return "Mật khẩu dài quá 72 byte (giới hạn của Bcrypt)." }
        return nil
    }

    public static func newToken() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = rng.next() }
        return "dxt_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
