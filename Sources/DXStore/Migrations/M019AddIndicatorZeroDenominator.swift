import FluentKit
import SQLKit

/// Whether an indicator accepts 0/0 (a rate of events in a period without any). Existing
/// indicators keep refusing it until their definition says otherwise.
struct M019AddIndicatorZeroDenominator: TransactionalMigration {
    var name: String { "019_add_indicator_zero_denominator" }

    func up(_ db: any Database) async throws {
        try await db.schema("indicators")
            .field("allows_zero_denominator", .bool, .required, .sql(.default(SQLLiteral.boolean(false)))).update()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("indicators").deleteField("allows_zero_denominator").update()
    }
}
