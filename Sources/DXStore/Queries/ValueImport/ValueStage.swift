import DXCore
import FluentKit
import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// PostgreSQL: the temporary table a values import is copied into (`COPY … FROM STDIN`, sorted
/// chunks) before one set-based merge into `data_values`, which counts what is new, changed or
/// unchanged and applies it in one statement. (SQLite writes straight into `data_values`
/// through one prepared statement: `SQLiteValueWriter`.)
enum ValueStage {
    static let table = "import_values"
    static let columns = ["id", "indicator_id", "unit_id", "period", "numerator", "denominator", "value",
                          "text", "judgement", "comment", "author", "updated_at"]

    static func isPostgres(_ db: any Database) -> Bool { db is any PostgresDatabase }

    static func create(_ sql: any SQLDatabase, postgres: Bool) async throws {
        try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: postgres ? "" : "temp.")\(unsafeRaw: table)").run()
        let (uuid, real, text, time) = postgres ? ("uuid", "double precision", "text", "timestamptz") : ("TEXT", "REAL", "TEXT", "REAL")
        try await sql.raw("""
            CREATE TEMP TABLE \(unsafeRaw: table) (id \(unsafeRaw: uuid) NOT NULL, indicator_id \(unsafeRaw: uuid) NOT NULL, unit_id \(unsafeRaw: uuid) NOT NULL, \
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
    /// the merge itself: a row inserted by the upsert has `xmax = 0`. The staged rows are in
    /// the unique key's order and have time-ordered ids (`TimeOrderedIDs`), so the three
    /// indexes of `data_values` are extended near their last insert rather than at random.
    static func merge(_ sql: any SQLDatabase, staged: Int) async throws -> (created: Int, updated: Int, unchanged: Int) {
        let restore = try await dropRowChecks(sql, staged: staged)
        let counts = try await upsert(sql, staged: staged)
        for statement in restore { try await sql.raw(SQLQueryString(statement)).run() }
        return counts
    }

    /// A large merge without the per-row work that set-based statements do better once: the
    /// foreign keys of `data_values` (PostgreSQL checks each inserted row with a trigger and a
    /// query per key, most of a merge's time) and its plain indexes are dropped inside the
    /// import's transaction and made again after the merge, which validates every row in one
    /// join and builds each index in one sort — exactly as strict, and all rolled back with
    /// the transaction if anything fails. Worth it when the file is large beside the table (a
    /// quarter of the country into a table of a few quarters); a small file keeps them. Other
    /// sessions wait for `data_values` meanwhile (the drop locks it until commit).
    /// Returns the statements that make them again.
    private static func dropRowChecks(_ sql: any SQLDatabase, staged: Int) async throws -> [String] {
        let rows = try await sql.raw("SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'data_values'::regclass")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard staged >= 50_000, staged * 4 >= rows else { return [] }
        let found = try await sql.raw("""
            SELECT format('ALTER TABLE data_values DROP CONSTRAINT %I', conname) AS drop, \
            format('ALTER TABLE data_values ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid)) AS make \
            FROM pg_constraint WHERE conrelid = 'data_values'::regclass AND contype = 'f' \
            UNION ALL \
            SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid) \
            FROM pg_index WHERE indrelid = 'data_values'::regclass AND NOT indisunique AND NOT indisprimary
            """).all()
        var restore: [String] = []
        for row in found {
            try await sql.raw(SQLQueryString(try row.decode(column: "drop", as: String.self))).run()
            restore.append(try row.decode(column: "make", as: String.self))
        }
        if !restore.isEmpty { try await sql.raw("SET LOCAL maintenance_work_mem = '256MB'").run() }
        return restore
    }

    private static func upsert(_ sql: any SQLDatabase, staged: Int) async throws -> (created: Int, updated: Int, unchanged: Int) {
        let list = columns.joined(separator: ", ")
        let set = columns.dropFirst(4).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let upsert = """
            INSERT INTO data_values (\(list)) SELECT \(list) FROM \(table) WHERE true \
            ON CONFLICT (indicator_id, unit_id, period) DO UPDATE SET \(set) \
            WHERE NOT (\(sameFields("data_values", "excluded")))
            """
        let row = try await sql.raw("""
            WITH m AS (\(unsafeRaw: upsert) RETURNING (xmax = 0) AS inserted) \
            SELECT count(*) FILTER (WHERE inserted) AS created, count(*) FILTER (WHERE NOT inserted) AS updated FROM m
            """).first()
        let created = try row?.decode(column: "created", as: Int.self) ?? 0
        let updated = try row?.decode(column: "updated", as: Int.self) ?? 0
        return (created, updated, staged - created - updated)
    }

    private static func sameFields(_ a: String, _ b: String) -> String {
        ["numerator", "denominator", "value", "text", "judgement", "comment"]
            .map { "\(a).\($0) IS NOT DISTINCT FROM \(b).\($0)" }.joined(separator: " AND ")
    }
}

/// PostgreSQL: COPY … FROM STDIN in text format, sent in pieces of about a megabyte.
final class PostgresValueStage: ValueSink {
    private let writer: PostgresCopyFromWriter
    private let catalog: ValueImportCatalog
    private var ids = TimeOrderedIDs()
    private var buffer = ByteBuffer()
    private let iso: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    private var lastDate: (Date, String)?

    init(_ writer: PostgresCopyFromWriter, catalog: ValueImportCatalog) {
        self.writer = writer
        self.catalog = catalog
        buffer.reserveCapacity(1 << 20)
    }

    nonisolated(nonsending) func write(_ rows: [StagedValue], periods: [String]) async throws {
        for v in rows {
            ids.advance()
            buffer.writeBytes(ids.text)
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(catalog.indicatorIDs[v.indicator])
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(catalog.unitIDs[v.unit])
            buffer.writeInteger(UInt8(ascii: "\t"))
            text(periods[v.period])
            real(v.numerator)
            real(v.denominator)
            real(v.value)
            text(v.texts?.text)
            text(v.texts?.judgement)
            text(v.texts?.comment)
            text(v.texts?.author)
            buffer.writeString(date(v.updatedAt))
            buffer.writeInteger(UInt8(ascii: "\n"))
            if buffer.readableBytes >= 1 << 20 {
                try await writer.write(buffer)
                buffer.clear()
            }
        }
    }

    nonisolated(nonsending) func finish() async throws {
        if buffer.readableBytes > 0 { try await writer.write(buffer) }
        buffer.clear()
    }

    private func real(_ x: Double?) {
        defer { buffer.writeInteger(UInt8(ascii: "\t")) }
        guard let x else { buffer.writeStaticString("\\N"); return }
        // Whole numbers (most figures) as integers, without formatting a Double.
        if x == x.rounded(.towardZero), abs(x) < 1e15 {
            var n = Int64(x)
            if n < 0 { buffer.writeInteger(UInt8(ascii: "-")); n = -n }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { d in
                repeat {
                    d[15 - count] = UInt8(ascii: "0") + UInt8(n % 10)
                    n /= 10
                    count += 1
                } while n > 0
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: d[(16 - count)...]))
            }
            return
        }
        buffer.writeString(x.isFinite ? "\(x)" : x.isNaN ? "NaN" : x > 0 ? "Infinity" : "-Infinity")
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
