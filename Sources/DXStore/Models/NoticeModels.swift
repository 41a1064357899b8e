import FluentKit
import Foundation

final class NoticeModel: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "kind") var kind: String
    @Field(key: "username") var username: String
    @OptionalField(key: "round_code") var roundCode: String?
    @OptionalField(key: "unit_code") var unitCode: String?
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "link_path") var linkPath: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "claimed_by") var claimedBy: String?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "address") var address: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}
}

final class NoticeAddressModel: Model, @unchecked Sendable {
    static let schema = "notice_addresses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "address") var address: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
