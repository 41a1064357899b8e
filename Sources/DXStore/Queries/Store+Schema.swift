import FluentKit
import SQLKit

/// How far the database's schema is: what `/healthz` names and `/readyz` waits for.
public struct SchemaLevel: Sendable, Hashable {
    /// Migrations of this build already applied, in order.
    public var applied: [String]
    /// Migrations of this build not yet applied: while any is, the server is not ready.
    public var pending: [String]

    /// The last applied migration ("021_create_unit_report_headings"), nil on an empty database.
    public var latest: String? { applied.last }
    public var isCurrent: Bool { pending.isEmpty }
}

extension Store {
    /// Read from Fluent's own log of applied migrations, so a second server instance sees what
    /// the first one applied. A database without that log has nothing applied; a database that
    /// does not answer throws.
    public func schemaLevel() async throws -> SchemaLevel {
        // Any statement proves the database answers; an error here is an unreachable database,
        // an error reading the log below is a database that was never migrated.
        try await sql.raw("SELECT 1").run()
        let names: Set<String>
        do {
            names = Set(try await MigrationLog.query(on: db).all().map(\.name))
        } catch {
            names = []
        }
        let ordered = DXMigrations.all.map(\.name)
        return SchemaLevel(applied: ordered.filter { names.contains($0) }, pending: ordered.filter { !names.contains($0) })
    }
}
