import FluentKit
import Foundation

final class PlanModel: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "slug") var slug: String
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Parent(key: "issuer_id") var issuer: UnitModel
    @OptionalField(key: "issued") var issued: String?
    @Field(key: "horizon_from") var horizonFrom: Int
    @Field(key: "horizon_to") var horizonTo: Int
    @OptionalField(key: "parent_code") var parentCode: String?
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Field(key: "search_key") var searchKey: String
    @Children(for: \.$plan) var pillars: [PillarModel]

    init() {}
}

final class PillarModel: Model, @unchecked Sendable {
    static let schema = "pillars"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int

    init() {}
}
