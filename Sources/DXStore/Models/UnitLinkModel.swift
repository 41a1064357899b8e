import FluentKit
import Foundation

/// A closed unit version and one of its successors (migration 023).
final class UnitLinkModel: Model, @unchecked Sendable {
    static let schema = "unit_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "predecessor_id") var predecessor: UnitModel
    @Parent(key: "successor_id") var successor: UnitModel
    @Field(key: "kind") var kind: String
    /// The first day of the successor's arrangement (ISO date).
    @Field(key: "effective") var effective: String
    @OptionalField(key: "share") var share: Double?
    @Field(key: "is_default") var isDefault: Bool
    /// The import that wrote it.
    @Field(key: "batch_id") var batchID: UUID

    init() {}
}
