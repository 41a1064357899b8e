import FluentKit
import Foundation

final class ScoringSchemeModel: Model, @unchecked Sendable {
    static let schema = "scoring_schemes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "year") var year: Int
    /// The whole `ScoringScheme` as JSON.
    @Field(key: "definition") var definition: String

    init() {}
}

final class ScoringInputModel: Model, @unchecked Sendable {
    static let schema = "scoring_inputs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "scheme_id") var scheme: ScoringSchemeModel
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "criterion_code") var criterionCode: String
    @OptionalField(key: "numerator") var numerator: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "grade") var grade: String?
    /// JSON array of strings.
    @Field(key: "evidence") var evidence: String
    @OptionalField(key: "author") var author: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}
}
