import DXCore
import FluentKit
import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// The temporary table a values import is loaded into before one set-based merge into
/// `data_values`. Staging keeps the per-row work to an append (batched multi-row inserts on
/// SQLite, COPY on PostgreSQL) and lets the database count what is new, changed or unchanged and
/// apply it in one statement.
enum ValueStage {
    static let table = "import_values"
    static let columns = ["indicator_id", "unit_id", "period", "numerator", "denominator", "value",
                          "text", "judgement", "comment", "author", "updated_at"]

    static func isPostgres(_ db: any Database) -> Bool { db is any PostgresDatabase }

    static func create(_ sql: any SQLDatabase, postgres: Bool) async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: postgres ? "" : "temp.")\(unsafeRaw: table)").run()
        let (uuid, real, text, time) = postgres ? ("uuid", "double precision", "text", "timestamptz") : ("TEXT", "REAL", "TEXT", "REAL")
        try await sql.raw("""
            CREATE TEMP TABLE \(unsafeRaw: table) (indicator_id \(unsafeRaw: uuid) NOT NULL, unit_id \(unsafeRaw: uuid) NOT NULL, \
            period \(unsafeRaw: text) NOT NULL, numerator \(unsafeRaw: real), denominator \(unsafeRaw: real), value \(unsafeRaw: real), \
            text \(unsafeRaw: text), judgement \(unsafeRaw: text), comment \(unsafeRaw: text), author \(unsafeRaw: text), \
            updated_at \(unsafeRaw: time))
            """).run()
    }

    static func drop(_ sql: any SQLDatabase, postgres: Bool) async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: postgres ? "" : "temp.")\(unsafeRaw: table)").run()
    }

    /// Inserts new values and replaces changed ones, as `upsertValue` would row by row (an
    /// unchanged value keeps its author and time), and says how many rows were inserted and
    /// how many replaced; the rest of the `staged` rows were unchanged. The counts come from
    /// the merge itself rather than from a join before it, which would probe the index as
    /// often again: on PostgreSQL a row inserted by the upsert has `xmax = 0`; on SQLite new
    /// rows get rowids above the largest before, and `changes()` counts inserted and replaced.
    static func merge(_ sql: any SQLDatabase, postgres: Bool, staged: Int) async throws -> (created: Int, updated: Int, unchanged: Int) {
        let list = columns.joined(separator: ", ")
        let set = columns.dropFirst(3).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        // A version-4 UUID in the upper-case text form Fluent writes on SQLite.
        let newID = postgres ? "gen_random_uuid()" : """
            (hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || \
            substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
            """
        let upsert = """
            INSERT INTO data_values (id, \(list)) SELECT \(newID), \(list) FROM \(table) WHERE true \
            ON CONFLICT (indicator_id, unit_id, period) DO UPDATE SET \(set) \
            WHERE NOT (\(sameFields("data_values", "excluded", postgres: postgres)))
            """
        if postgres {
            let row = try await sql.raw("""
                WITH m AS (\(unsafeRaw: upsert) RETURNING (xmax = 0) AS inserted) \
                SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM m
                """).first()
            let created = try row?.decode(column: "created", as: Int.self) ?? 0
            let updated = try row?.decode(column: "updated", as: Int.self) ?? 0
            return (created, updated, staged - created - updated)
        }
        let before = try await sql.raw("SELECT coalesce(max(rowid), 0) AS m FROM data_values").first()?.decode(column: "m", as: Int.self) ?? 0
        try await sql.raw("\(unsafeRaw: upsert)").run()
        let changed = try await sql.raw("SELECT changes() AS n").first()?.decode(column: "n", as: Int.self) ?? 0
        let created = try await sql.raw("SELECT count(*) AS n FROM data_values WHERE rowid > \(bind: before)").first()?.decode(column: "n", as: Int.self) ?? 0
        return (created, changed - created, staged - changed)
    }

    private static func sameFields(_ a: String, _ b: String, postgres: Bool) -> String {
        let op = postgres ? "IS NOT DISTINCT FROM" : "IS"
        return ["numerator", "denominator", "value", "text", "judgement", "comment"]
            .map { "\(a).\($0) \(op) \(b).\($0)" }.joined(separator: " AND ")
    }
}

/// Where checked rows go: appended in order, then `finish` once.
protocol ValueStageSink: AnyObject {
    nonisolated(nonsending) func add(_ v: StagedValue) async throws
    nonisolated(nonsending) func finish() async throws
}

/// SQLite: multi-row INSERTs of prepared size. SQLite binds at most 32,766 parameters per
/// statement; 2,500 rows × 11 columns stays under it. While SQLite runs one statement on its
/// thread the next batch is being read and checked.
final class SQLiteValueStage: ValueStageSink {
    static let rowsPerStatement = 2_500
    private let db: any SQLiteDatabase
    private var binds: [SQLiteData] = []
    private var rows = 0
    private var pending: Task<Void, any Error>?
    private let fullStatement: String

    init(_ db: any SQLiteDatabase) {
        self.db = db
        fullStatement = Self.statement(rows: Self.rowsPerStatement)
        binds.reserveCapacity(Self.rowsPerStatement * ValueStage.columns.count)
    }

    static func statement(rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: ValueStage.columns.count).joined(separator: ",") + ")"
        return "INSERT INTO temp.\(ValueStage.table) VALUES " + Array(repeating: one, count: rows).joined(separator: ",")
    }

    nonisolated(nonsending) func add(_ v: StagedValue) async throws {
        func real(_ x: Double?) -> SQLiteData { x.map { .float($0) } ?? .null }
        func text(_ s: String?) -> SQLiteData { s.map { .text($0) } ?? .null }
        binds.append(.text(v.indicatorID))
        binds.append(.text(v.unitID))
        binds.append(.text(v.period))
        binds.append(real(v.numerator))
        binds.append(real(v.denominator))
        binds.append(real(v.value))
        binds.append(text(v.text))
        binds.append(text(v.judgement))
        binds.append(text(v.comment))
        binds.append(text(v.author))
        binds.append(.float(v.updatedAt.timeIntervalSince1970))
        rows += 1
        if rows == Self.rowsPerStatement { try await flush() }
    }

    private nonisolated(nonsending) func flush() async throws {
        try await pending?.value
        pending = nil
        guard rows > 0 else { return }
        let sql = rows == Self.rowsPerStatement ? fullStatement : Self.statement(rows: rows)
        let batch = binds
        let db = self.db
        pending = Task { try await db.query(sql, batch) { _ in } }
        binds.removeAll(keepingCapacity: true)
        rows = 0
    }

    nonisolated(nonsending) func finish() async throws {
        try await flush()
        try await pending?.value
        pending = nil
    }

    /// Waits for a statement still running (after an error elsewhere), ignoring its result.
    nonisolated(nonsending) func settle() async {
        _ = try? await pending?.value
        pending = nil
    }
}

/// PostgreSQL: COPY … FROM STDIN in text format, sent in chunks of about a megabyte.
final class PostgresValueStage: ValueStageSink {
    private let writer: PostgresCopyFromWriter
    private var buffer = ByteBuffer()
    private let iso: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    private var lastDate: (Date, String)?

    init(_ writer: PostgresCopyFromWriter) {
        self.writer = writer
        buffer.reserveCapacity(1 << 20)
    }

    nonisolated(nonsending) func add(_ v: StagedValue) async throws {
        buffer.writeString(v.indicatorID)
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(v.unitID)
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(v.period)
        real(v.numerator)
        real(v.denominator)
        real(v.value)
        text(v.text)
        text(v.judgement)
        text(v.comment)
        text(v.author)
        buffer.writeString(date(v.updatedAt))
        buffer.writeInteger(UInt8(ascii: "\n"))
        if buffer.readableBytes >= 1 << 20 {
            try await writer.write(buffer)
            buffer.clear()
        }
    }

    nonisolated(nonsending) func finish() async throws {
        if buffer.readableBytes > 0 { try await writer.write(buffer) }
        buffer.clear()
    }

    private func real(_ x: Double?) {
        if let x { buffer.writeString(x.isFinite ? "\(x)" : x.isNaN ? "NaN" : x > 0 ? "Infinity" : "-Infinity") } else { buffer.writeStaticString("\\N") }
        buffer.writeInteger(UInt8(ascii: "\t"))
    }

    /// COPY's text format: backslash, tab, line feed and carriage return escaped; NULL is `\N`.
    private func text(_ s: String?) {
        defer { buffer.writeInteger(UInt8(ascii: "\t")) }
        guard let s else { buffer.writeStaticString("\\N"); return }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case 0x09: buffer.writeStaticString("\\t")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            default: buffer.writeInteger(b)
            }
        }
    }

    /// Most rows share the import's time: formatted once.
    private func date(_ d: Date) -> String {
        if let (last, s) = lastDate, last == d { return s }
        let s = iso.string(from: d)
        lastDate = (d, s)
        return s
    }
}
