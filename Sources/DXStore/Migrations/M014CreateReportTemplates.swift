import FluentKit

/// Saved report templates, and the coordinator's edits of the units' narratives before a
/// report is issued. Edits refer to plans and units by code, like the audit trail, and never
/// change what the unit submitted.
struct M014CreateReportTemplates: TransactionalMigration {
    var name: String { "014_create_report_templates" }

    func up(_ db: any Database) async throws {
        try await db.schema("report_templates")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("plan_code", .string, .required)
            .field("tasks_plan_code", .string)
            .field("unit_code", .string)
            .field("settings", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await db.schema("narrative_edits")
            .id()
            .field("plan_code", .string, .required)
            .field("period", .string, .required)
            .field("unit_code", .string, .required)
            .field("section", .string, .required)
            .field("text", .string, .required)
            .field("edited_by", .string, .required)
            .field("edited_at", .datetime, .required)
            .unique(on: "plan_code", "period", "unit_code", "section")
            .create()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("narrative_edits").delete()
        try await db.schema("report_templates").delete()
    }
}
