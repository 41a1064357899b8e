import FluentKit
import Foundation
import SQLKit

/// Reading every table in one consistent snapshot, and writing rows back into an empty
/// database of either kind. The archive's format is the command's business; this only turns
/// rows into portable values and back.
extension Store {
    var isPostgres: Bool { ((try? sql)?.dialect.name.lowercased() ?? "").contains("postgres") }

    /// The tables of the schema, in restore order.
    public func backupTableNames() async throws -> [String] { try await backupCatalog().map(\.table) }

    /// The tables of the schema with their columns, in restore order (unknown tables last).
    func backupCatalog() async throws -> [(table: String, columns: [BackupColumn])] {
        var names: [String] = []
        if isPostgres {
            struct T: Decodable { var table_name: String }
            names = try await (try sql).raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                .all(decoding: T.self).map(\.table_name)
        } else {
            struct T: Decodable { var name: String }
            names = try await (try sql).raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .all(decoding: T.self).map(\.name)
        }
        names = names.filter { $0 != BackupTables.migrationLog && !BackupTables.derived.contains($0) }
        let known = BackupTables.order.filter(names.contains)
        let ordered = known + names.filter { !BackupTables.order.contains($0) }.sorted()
        var result: [(String, [BackupColumn])] = []
        for table in ordered { result.append((table, try await columns(of: table))) }
        return result
    }

    private func columns(of table: String) async throws -> [BackupColumn] {
        if isPostgres {
            struct C: Decodable { var column_name: String; var data_type: String }
            return try await (try sql).raw("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """).all(decoding: C.self).map { BackupColumn(name: $0.column_name, type: Self.portable(postgres: $0.data_type)) }
        }
        struct C: Decodable { var name: String; var type: String }
        return try await (try sql).raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all(decoding: C.self)
            .map { BackupColumn(name: $0.name, type: Self.portable(sqlite: $0.type)) }
    }

    static func portable(postgres type: String) -> PortableType {
        switch type.lowercased() {
        case "uuid": .uuid
        case "smallint", "integer", "bigint": .int
        case "double precision", "real", "numeric": .double
        case "boolean": .bool
        case let t where t.hasPrefix("timestamp"): .datetime
        default: .text
        }
    }

    /// Fluent's SQLite columns: UUID and TEXT hold text, INTEGER integers and booleans, REAL
    /// datetimes (seconds since 1970), DOUBLE real numbers.
    static func portable(sqlite type: String) -> PortableType {
        switch type.uppercased() {
        case "UUID": .uuid
        case "INTEGER", "BIGINT", "INT": .int
        case "REAL": .datetime
        case "DOUBLE", "FLOAT", "NUMERIC": .double
        default: .text
        }
    }

    /// Reads every table inside one transaction that sees one state of the database
    /// (PostgreSQL: REPEATABLE READ; SQLite: one read transaction on its WAL snapshot), so a
    /// backup taken while people save is consistent. Rows are handed over one at a time, in
    /// primary-key order, and never all held.
    public func readBackup(
        table start: @escaping @Sendable (String, [BackupColumn]) throws -> Void,
        row: @escaping @Sendable ([PortableValue]) throws -> Void
    ) async throws -> [String] {
        let postgres = isPostgres
        return try await db.transaction { tx in
            let s = Store(tx)
            if postgres { try await (try s.sql).raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run() }
            let applied = Set(try await MigrationLog.query(on: tx).all().map(\.name))
            let known = DXMigrations.all.map(\.name)
            let migrations = known.filter(applied.contains) + applied.subtracting(known).sorted()
            for (table, columns) in try await s.backupCatalog() {
                try start(table, columns)
                let key = columns.contains { $0.name == "id" } ? "id" : columns[0].name
                let failure = ErrorBox()
                // PostgreSQL's timestamps are read as seconds with their exact microseconds, not
                // through Date, whose double loses the last digit on the way.
                let list = SQLList(columns.map { c -> any SQLExpression in
                    postgres && c.type == .datetime
                        ? SQLRaw("EXTRACT(EPOCH FROM \"\(c.name)\")::float8 AS \"\(c.name)\"") : SQLIdentifier(c.name)
                })
                try await (try s.sql).raw("SELECT \(list) FROM \(ident: table) ORDER BY \(ident: key)").run { r in
                    guard failure.error == nil else { return }
                    do { try row(try columns.map { try Self.read(r, $0, postgres: postgres) }) } catch { failure.error = error }
                }
                if let e = failure.error { throw e }
            }
            return migrations
        }
    }

    private static func read(_ r: any SQLRow, _ c: BackupColumn, postgres: Bool) throws -> PortableValue {
        if try r.decodeNil(column: c.name) { return .null }
        switch c.type {
        case .uuid:
            if postgres { return .string(try r.decode(column: c.name, as: UUID.self).uuidString.lowercased()) }
            return .string(try r.decode(column: c.name, as: String.self).lowercased())
        case .text: return .string(try r.decode(column: c.name, as: String.self))
        case .int: return .int(try r.decode(column: c.name, as: Int64.self))
        case .double: return .double(try r.decode(column: c.name, as: Double.self))
        case .bool: return .bool(try r.decode(column: c.name, as: Bool.self))
        case .datetime: return .double(try r.decode(column: c.name, as: Double.self))
        }
    }

    /// Whether the database holds nothing of dxtrack's: no migration applied, or no row in any
    /// table. A restore writes only into such a database.
    public func isEmptyForRestore() async throws -> (empty: Bool, tables: [String]) {
        var filled: [String] = []
        for (table, _) in try await backupCatalog() {
            struct N: Decodable { var n: Int }
            let n = try await (try sql).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: N.self)?.n ?? 0
            if n > 0 { filled.append(table) }
        }
        return (filled.isEmpty, filled)
    }

    /// Writes the rows of one table in multi-row statements. Values are converted to the
    /// target's own column types; columns the archive lacks (added by a later migration) are
    /// left to their defaults. Runs on the caller's transaction.
    public func restoreRows(table: String, columns archived: [BackupColumn], rows: [[PortableValue]]) async throws {
        let target = Dictionary(uniqueKeysWithValues: try await columns(of: table).map { ($0.name, $0.type) })
        guard !target.isEmpty else { throw StoreError.invalid("Cơ sở dữ liệu đích không có bảng \(table).") }
        let kept = archived.indices.filter { target[archived[$0].name] != nil }
        guard !kept.isEmpty else { return }
        var ordered = rows
        if let parent = BackupTables.selfReferences[table], let pi = archived.firstIndex(where: { $0.name == parent }),
           let ii = archived.firstIndex(where: { $0.name == "id" }) {
            ordered = Self.parentsFirst(rows, id: ii, parent: pi)
        }
        let postgres = isPostgres
        // Under both databases' limits on bound values per statement.
        let perStatement = max(1, min(500, 30_000 / kept.count))
        var start = 0
        while start < ordered.count {
            let chunk = ordered[start..<min(start + perStatement, ordered.count)]
            var query = SQLQueryString("INSERT INTO \(ident: table) (")
            query.appendInterpolation(SQLList(kept.map { SQLIdentifier(archived[$0].name) }))
            query.appendLiteral(") VALUES ")
            for (n, row) in chunk.enumerated() {
                if n > 0 { query.appendLiteral(", ") }
                query.appendLiteral("(")
                for (k, i) in kept.enumerated() {
                    if k > 0 { query.appendLiteral(", ") }
                    try Self.append(row[i], as: target[archived[i].name]!, postgres: postgres, to: &query, column: "\(table).\(archived[i].name)")
                }
                query.appendLiteral(")")
            }
            try await (try sql).raw(query).run()
            start += perStatement
        }
    }

    private static func append(_ v: PortableValue, as type: PortableType, postgres: Bool, to q: inout SQLQueryString, column: String) throws {
        func bad() -> StoreError { StoreError.invalid("Giá trị không hợp lệ ở cột \(column): \(v.canonical)") }
        if case .null = v { q.appendLiteral("NULL"); return }
        switch type {
        case .uuid:
            guard case .string(let s) = v, let u = UUID(uuidString: s) else { throw bad() }
            if postgres { q.appendInterpolation(bind: u) } else { q.appendInterpolation(bind: u.uuidString) }
        case .text:
            switch v {
            case .string(let s): q.appendInterpolation(bind: s)
            case .int(let i): q.appendInterpolation(bind: String(i))
            case .double(let d): q.appendInterpolation(bind: String(d))
            case .bool(let b): q.appendInterpolation(bind: b ? "1" : "0")
            case .null: break
            }
        case .int, .bool:
            let n: Int64
            switch v {
            case .int(let i): n = i
            case .bool(let b): n = b ? 1 : 0
            case .double(let d) where d.rounded() == d: n = Int64(d)
            default: throw bad()
            }
            if type == .bool, postgres { q.appendInterpolation(bind: n != 0) } else { q.appendInterpolation(bind: n) }
        case .double, .datetime:
            let d: Double
            switch v {
            case .int(let i): d = Double(i)
            case .double(let x): d = x
            default: throw bad()
            }
            if type == .datetime, postgres {
                // to_timestamp rounds to the microsecond, as the archive's content hash does.
                q.appendLiteral("to_timestamp(")
                q.appendInterpolation(bind: d)
                q.appendLiteral(")")
            } else {
                q.appendInterpolation(bind: d)
            }
        }
    }

    /// Rows ordered so that each row's parent (a row of the same table) comes before it.
    static func parentsFirst(_ rows: [[PortableValue]], id: Int, parent: Int) -> [[PortableValue]] {
        let ids = Set(rows.map { $0[id].canonical })
        var placed: Set<String> = []
        var out: [[PortableValue]] = []
        var pending = rows
        while !pending.isEmpty {
            var next: [[PortableValue]] = []
            for r in pending {
                let p = r[parent]
                if p == .null || !ids.contains(p.canonical) || placed.contains(p.canonical) {
                    out.append(r)
                    placed.insert(r[id].canonical)
                } else {
                    next.append(r)
                }
            }
            // A cycle cannot be ordered; the database's own check will refuse it.
            if next.count == pending.count { out += next; break }
            pending = next
        }
        return out
    }
}

/// The first error of a row callback, which cannot throw through SQLKit's handler.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
