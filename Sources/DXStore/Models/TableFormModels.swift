import FluentKit
import Foundation

final class TableFormModel: Model, @unchecked Sendable {
    static let schema = "table_forms"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    /// The `TableForm` as JSON.
    @Field(key: "definition") var definition: String
    /// The unit whose coordinators change the form; added by M018, nil for forms saved before
    /// it. Kept out of the definition, which is the JSON a coordinator exports and imports.
    @OptionalField(key: "owner_unit_code") var ownerUnitCode: String?
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

final class FormEntryModel: Model, @unchecked Sendable {
    static let schema = "form_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "form_id") var form: TableFormModel
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "period") var period: String
    @Field(key: "row_key") var rowKey: String
    /// JSON object: column key → `FormCellValue`; entered columns only.
    @Field(key: "cells") var cells: String
    @Field(key: "author") var author: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
