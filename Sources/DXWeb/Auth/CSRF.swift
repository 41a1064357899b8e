import Foundation
import Vapor

/// Every form POST carries `_csrf`: the session's token when logged in, otherwise the value of
/// the `dxtrack_csrf` cookie set with the login form (double submit). The API is not covered:
/// it authenticates with bearer tokens, which a browser never sends by itself.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "dxtrack_csrf"
    static let fieldName = "_csrf"
    static let refusal = "Yêu cầu bị từ chối: mã chống giả mạo (CSRF) không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang rồi thử lại."

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, !request.url.path.hasPrefix("/api/") else {
            return try await next.respond(to: request)
        }
        let form = try await FormData.read(request)
        let expected = request.storage[CSRFKey.self] ?? request.cookies[Self.cookieName]?.string ?? ""
        guard !expected.isEmpty, let sent = form[Self.fieldName], Credentials.constantTimeEqual(sent, expected) else {
            throw Abort(.forbidden, reason: Self.refusal)
        }
        return try await next.respond(to: request)
    }

    static func newToken() -> String { Credentials.newToken().replacingOccurrences(of: "dxt_", with: "") }
}

/// The hidden field every form includes.
func csrfField(_ token: String?) -> Node { .hidden(CSRFMiddleware.fieldName, token ?? "") }

/// A URL-encoded (or multipart) form body, read once and kept on the request. Parsed here rather than with
/// Vapor's decoder because field names carry codes with dots and brackets ("1.2", "83/KH-BCĐ").
struct FormData: Sendable {
    var pairs: [(String, String)]

    subscript(_ name: String) -> String? { pairs.last { $0.0 == name }?.1 }
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    static let maxBytes = 1_000_000

    static func read(_ req: Request) async throws -> FormData {
        if let f = req.storage[FormDataKey.self] { return f }
        if MultipartUpload.isMultipart(req) {
            let f = try await MultipartUpload.fields(req)
            req.storage[FormDataKey.self] = f
            return f
        }
        var body = req.body.data
        if body == nil { body = try await req.body.collect(max: maxBytes).get() }
        let f = parse(body.map { String(decoding: $0.readableBytesView, as: UTF8.self) } ?? "")
        req.storage[FormDataKey.self] = f
        return f
    }

    static func parse(_ text: String) -> FormData {
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            pairs.append((decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""))
        }
        return FormData(pairs: pairs)
    }
}

struct FormDataKey: StorageKey { typealias Value = FormData }
