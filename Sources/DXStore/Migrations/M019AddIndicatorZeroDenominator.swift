import FluentKit
import SQLKit

/// Whether an indicator accepts 0/0 (a rate of events in a period without any). Existing
/// indicators refuse it, except those that already hold a stored 0/0: the command line used to
/// accept it, and refusing those figures now would make a round's own workbook fail to import
/// back on cells nobody changed.
struct M019AddIndicatorZeroDenominator: TransactionalMigration {
    var name: String { "019_add_indicator_zero_denominator" }

    func up(_ db: any Database) async throws {
        try await db.schema("indicators")
            .field("allows_zero_denominator", .bool, .required, .sql(.default(SQLLiteral.boolean(false)))).update()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update("indicators")
            .set("allows_zero_denominator", to: SQLLiteral.boolean(true))
            .where(SQLIdentifier("id"), .in, SQLGroupExpression(
                sql.select().column("indicator_id").from("data_values")
                    .where("numerator", .equal, SQLLiteral.numeric("0"))
                    .where("denominator", .equal, SQLLiteral.numeric("0")).select))
            .run()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("indicators").deleteField("allows_zero_denominator").update()
    }
}
