import FluentKit
import Foundation

final class RoundModel: Model, @unchecked Sendable {
    static let schema = "rounds"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "period") var period: String
    /// JSON array of plan codes.
    @Field(key: "plan_codes") var planCodes: String
    /// JSON array of table-form codes; added by M016.
    @Field(key: "form_codes") var formCodes: String
    @Field(key: "indicator_scope") var indicatorScope: String
    @Field(key: "task_scope") var taskScope: String
    /// JSON array of section titles.
    @Field(key: "narrative_sections") var narrativeSections: String
    /// JSON object: admin level → ISO date.
    @Field(key: "deadlines") var deadlines: String
    @Field(key: "default_deadline") var defaultDeadline: String
    @OptionalField(key: "lock_date") var lockDate: String?
    @Field(key: "change_factor") var changeFactor: Double
    @Field(key: "closed") var closed: Bool
    /// Added by M013.
    @Field(key: "unit_approval") var unitApproval: Bool
    /// Added by M018; nil for rounds opened before it.
    @OptionalField(key: "owner_unit_code") var ownerUnitCode: String?
    /// Added by M024: "3,1".
    @Field(key: "reminder_days") var reminderDays: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class RoundUnitModel: Model, @unchecked Sendable {
    static let schema = "round_units"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: RoundModel
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "deadline") var deadline: String
    @Field(key: "state") var state: String
    @Field(key: "version") var version: Int
    /// JSON object: section title → text.
    @Field(key: "narrative") var narrative: String
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Field(key: "late") var late: Bool
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "return_comment") var returnComment: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?
    @OptionalField(key: "updated_by") var updatedBy: String?

    init() {}
}

final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "username") var username: String
    @OptionalField(key: "ip") var ip: String?
    @OptionalField(key: "round_code") var roundCode: String?
    @OptionalField(key: "unit_code") var unitCode: String?
    @OptionalField(key: "plan_code") var planCode: String?
    @Field(key: "subject") var subject: String
    @OptionalField(key: "subject_code") var subjectCode: String?
    @Field(key: "field") var field: String
    @OptionalField(key: "old_value") var oldValue: String?
    @OptionalField(key: "new_value") var newValue: String?
    @OptionalField(key: "version") var version: Int?

    init() {}
}
