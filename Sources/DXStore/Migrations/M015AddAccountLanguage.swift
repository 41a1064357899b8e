import FluentKit
import SQLKit

/// The interface language of each account. Existing accounts keep reading Vietnamese.
/// (Number 014 is taken by the report templates, developed on another branch.)
struct M015AddAccountLanguage: TransactionalMigration {
    var name: String { "015_add_account_language" }

    func up(_ db: any Database) async throws {
        try await db.schema("users").field("language", .string, .required, .sql(.default("vi"))).update()
    }

    func down(_ db: any Database) async throws {
        try await db.schema("users").deleteField("language").update()
    }
}
