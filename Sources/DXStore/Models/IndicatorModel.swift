import FluentKit
import Foundation

final class IndicatorModel: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "pillar_code") var pillarCode: String?
    @Field(key: "measure") var measure: String
    @OptionalField(key: "numerator_definition") var numeratorDefinition: String?
    @OptionalField(key: "denominator_definition") var denominatorDefinition: String?
    @OptionalField(key: "unit_of_measure") var unitOfMeasure: String?
    @Field(key: "aggregation") var aggregation: String
    @Field(key: "temporal") var temporal: String
    @Field(key: "direction") var direction: String
    @OptionalParent(key: "responsible_unit_id") var responsibleUnit: UnitModel?
    @Field(key: "allows_over_hundred") var allowsOverHundred: Bool
    @Field(key: "allows_zero_denominator") var allowsZeroDenominator: Bool
    @Field(key: "position") var position: Int
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Field(key: "search_key") var searchKey: String
    @Children(for: \.$indicator) var targets: [TargetModel]

    init() {}
}

final class TargetModel: Model, @unchecked Sendable {
    static let schema = "targets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "indicator_id") var indicator: IndicatorModel
    @Field(key: "year") var year: Int
    @Field(key: "level") var level: String
    @Field(key: "comparator") var comparator: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "upper") var upper: Double?
    @Field(key: "text") var text: String

    init() {}
}
