import FluentKit
import Foundation

final class DocumentModel: Model, @unchecked Sendable {
    static let schema = "documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "summary") var summary: String
    @OptionalField(key: "issued") var issued: String?
    @Field(key: "issuer") var issuer: String
    @OptionalParent(key: "issuer_unit_id") var issuerUnit: UnitModel?
    @OptionalField(key: "signer") var signer: String?
    @Field(key: "search_key") var searchKey: String

    init() {}
}
