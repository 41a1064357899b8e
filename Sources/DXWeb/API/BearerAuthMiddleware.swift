import DXCore
import DXStore
import Vapor

/// Requires `Authorization: Bearer <token>` of a live token; the account it carries
/// (role and unit scope) is stored on the request.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw Abort(.unauthorized, reason: "Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>.")
        }
        guard let account = try await request.store.account(tokenHash: Credentials.tokenHash(bearer.token)) else {
            throw Abort(.unauthorized, reason: "Mã truy cập không hợp lệ hoặc đã bị thu hồi.")
        }
        request.storage[AccountKey.self] = account
        return try await next.respond(to: request)
    }
}

struct AccountKey: StorageKey {
    typealias Value = Account
}

extension Request {
    var account: Account? { storage[AccountKey.self] }
}
