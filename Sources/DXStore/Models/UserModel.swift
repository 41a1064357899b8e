import FluentKit
import Foundation

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "created_at") var createdAt: Date
    /// "vi" or "en" (migration 015).
    @Field(key: "language") var language: String

    init() {}
}

final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    /// SHA-256 of the token: a stolen database does not yield working tokens.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}
