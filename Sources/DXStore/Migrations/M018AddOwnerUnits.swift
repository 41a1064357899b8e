import FluentKit

/// The unit that owns each round and table form, so that a coordinator manages only what its
/// own unit opened or designed. Rows written before this stay NULL: they belong to the top of
/// the tree (`AccessPolicy.allows(_:_:owner:in:)`), which is what a province's data always was.
/// (Number 017 is the login throttle, developed on another branch.)
struct M018AddOwnerUnits: TransactionalMigration {
    var name: String { "018_add_owner_units" }

    func up(_ db: any Database) async throws {
        try await db.schema("rounds").field("owner_unit_code", .string).update()
        try await db.schema("table_forms").field("owner_unit_code", .string).update()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("rounds").deleteField("owner_unit_code").update()
        try await db.schema("table_forms").deleteField("owner_unit_code").update()
    }
}
