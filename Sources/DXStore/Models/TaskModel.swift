import FluentKit
import Foundation

final class TaskModel: Model, @unchecked Sendable {
    static let schema = "tasks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    /// JSON array of strings: the same text on both databases.
    @Field(key: "sub_items") var subItems: String
    @OptionalField(key: "pillar_code") var pillarCode: String?
    @OptionalParent(key: "lead_unit_id") var leadUnit: UnitModel?
    @Field(key: "lead_text") var leadText: String
    @Field(key: "cooperating_text") var cooperatingText: String
    @OptionalField(key: "deadline") var deadline: String?
    @OptionalField(key: "deadline_text") var deadlineText: String?
    /// JSON array of document numbers.
    @Field(key: "evidence") var evidence: String
    @Field(key: "position") var position: Int
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Field(key: "search_key") var searchKey: String

    init() {}
}

final class TaskCooperatorModel: Model, @unchecked Sendable {
    static let schema = "task_cooperators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Parent(key: "unit_id") var unit: UnitModel

    init() {}
}
