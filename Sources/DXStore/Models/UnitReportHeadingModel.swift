import FluentKit
import Foundation

final class UnitReportHeadingModel: Model, @unchecked Sendable {
    static let schema = "unit_report_headings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: UnitModel
    /// JSON of `UnitReportHeading`.
    @Field(key: "heading") var heading: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
