import FluentKit
import Foundation

final class DataValueModel: Model, @unchecked Sendable {
    static let schema = "data_values"

    @ID(key: .id) var id: UUID?
    @Parent(key: "indicator_id") var indicator: IndicatorModel
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "period") var period: String
    @OptionalField(key: "numerator") var numerator: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "text") var text: String?
    @OptionalField(key: "judgement") var judgement: String?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "author") var author: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}
}

final class TaskReportModel: Model, @unchecked Sendable {
    static let schema = "task_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "period") var period: String
    @Field(key: "status") var status: String
    @OptionalField(key: "percent") var percent: Double?
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "note") var note: String?
    /// Số ký hiệu of the evidence document (added by M012).
    @OptionalField(key: "evidence") var evidence: String?
    @OptionalField(key: "author") var author: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}
}
