import FluentKit
import Foundation

final class UnitModel: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "parent_id") var parent: UnitModel?
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    @OptionalField(key: "successor_code") var successorCode: String?
    @Field(key: "search_key") var searchKey: String

    init() {}
}
