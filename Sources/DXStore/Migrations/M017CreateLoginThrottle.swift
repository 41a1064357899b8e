import FluentKit
import SQLKit

/// Login guesses counted per bucket (account and address, account, address) and window. One
/// row per bucket, changed by single atomic statements, so the limit holds for parallel
/// requests and across several server instances on one database.
struct M017CreateLoginThrottle: TransactionalMigration {
    var name: String { "017_create_login_throttle" }

    func up(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(table: "login_throttle")
            .column("bucket", type: .text, .primaryKey(autoIncrement: false))
            // Seconds since 1970: an integer compares the same way on both databases.
            .column("window_start", type: .bigint, .notNull)
            .column("attempts", type: .int, .notNull)
            .run()
    }

    func down(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.drop(table: "login_throttle").run()
    }
}
