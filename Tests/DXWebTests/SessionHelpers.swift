import DXCore
import DXStore
import DXWeb
import Foundation
import NIOCore
import Vapor
import XCTest
import XCTVapor

/// A logged-in browser: the session cookie and the CSRF token of its forms. Sessions are made
/// directly in the store so tests do not pay for a Bcrypt check on every login.
struct Browser {
    var cookie: String
    var csrf: String

    var headers: HTTPHeaders { ["Cookie": "dxtrack_session=\(cookie)", "Content-Type": "application/x-www-form-urlencoded"] }
}

func browser(_ app: Application, _ username: String) async throws -> Browser {
    let token = Credentials.newToken()
    let csrf = "csrf-" + UUID().uuidString
    try await Store(app.db).createSession(username: username, tokenHash: Credentials.tokenHash(token), csrfToken: csrf,
                                          expiresAt: Date().addingTimeInterval(3600), ip: nil)
    return Browser(cookie: token, csrf: csrf)
}

func apiToken(_ app: Application, _ username: String) async throws -> HTTPHeaders {
    let token = Credentials.newToken()
    try await Store(app.db).createToken(username: username, tokenHash: Credentials.tokenHash(token))
    return ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
}

/// `a=1&b=2` with every part percent-encoded as a browser does.
func formBody(_ pairs: [(String, String)]) -> ByteBuffer {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._*"))
    func enc(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
    return ByteBuffer(string: pairs.map { enc($0.0) + "=" + enc($0.1) }.joined(separator: "&"))
}

func jsonBody(_ object: Any) throws -> ByteBuffer {
    ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
}

func json(_ res: XCTHTTPResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:]
}

func jsonArray(_ res: XCTHTTPResponse) -> [[String: Any]] {
    (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]]) ?? []
}

/// An account created for a test, with a fixed cheap hash (never checked: sessions and tokens
/// are made directly).
func makeAccount(_ app: Application, _ username: String, _ role: Role, _ unit: String) async throws {
    try await Store(app.db).createAccount(Account(username: username, displayName: username, role: role, unitCode: unit),
                                          passwordHash: "$2b$04$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva")
}

let demoRound = "bc-nam-2024"

/// A multipart body as a browser sends an upload form: the fields, then the file as `file`.
func multipartBody(_ fields: [(String, String)], file: Data?, fileName: String = "bao-cao.xlsx",
                   contentType: String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") -> (HTTPHeaders, ByteBuffer) {
    let boundary = "----dxtrack\(UUID().uuidString)"
    var body = Data()
    for (k, v) in fields {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8))
    }
    if let file {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(contentType)\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n".utf8))
    }
    body.append(Data("--\(boundary)--\r\n".utf8))
    return (["Content-Type": "multipart/form-data; boundary=\(boundary)"], ByteBuffer(data: body))
}

extension Browser {
    /// An upload of `content` as `name` by this browser, signed in, with the form's CSRF token.
    func upload(_ name: String, _ content: Data, fields: [(String, String)] = []) -> (HTTPHeaders, ByteBuffer) {
        var (headers, body) = multipartBody([("_csrf", csrf)] + fields, file: content, fileName: name, contentType: "application/octet-stream")
        headers.add(name: "Cookie", value: "dxtrack_session=\(cookie)")
        return (headers, body)
    }
}
