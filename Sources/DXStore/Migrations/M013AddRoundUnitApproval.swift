import FluentKit
import SQLKit

/// Rounds in which the head of each unit approves its report before it goes up.
struct M013AddRoundUnitApproval: TransactionalMigration {
    var name: String { "013_add_round_unit_approval" }

    func up(_ db: any Database) async throws {
        try await db.schema("rounds").field("unit_approval", .bool, .required, .sql(.default(false))).update()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("rounds").deleteField("unit_approval").update()
    }
}
