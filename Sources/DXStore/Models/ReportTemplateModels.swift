import FluentKit
import Foundation

final class ReportTemplateModel: Model, @unchecked Sendable {
    static let schema = "report_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "plan_code") var planCode: String
    @OptionalField(key: "tasks_plan_code") var tasksPlanCode: String?
    @OptionalField(key: "unit_code") var unitCode: String?
    /// JSON of `ReportSettings`.
    @Field(key: "settings") var settings: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

final class NarrativeEditModel: Model, @unchecked Sendable {
    static let schema = "narrative_edits"

    @ID(key: .id) var id: UUID?
    @Field(key: "plan_code") var planCode: String
    @Field(key: "period") var period: String
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "section") var section: String
    /// Empty when the coordinator leaves the paragraph out of the report.
    @Field(key: "text") var text: String
    @Field(key: "edited_by") var editedBy: String
    @Field(key: "edited_at") var editedAt: Date

    init() {}
}
