import Foundation

/// The tables a backup holds, in an order that restores them: every table after the tables
/// its rows refer to (the order the migrations create them). A migration that adds a table
/// adds it here; a test fails while a table of the schema is missing.
public enum BackupTables {
    public static let order = [
        "units", "plans", "pillars", "indicators", "targets", "tasks", "task_cooperators", "documents", "data_values",
        "task_reports", "users", "api_tokens", "scoring_schemes", "scoring_inputs", "sessions", "login_attempts", "rounds",
        "round_units", "audit_entries", "report_templates", "narrative_edits", "table_forms", "form_entries", "login_throttle",
        "unit_report_headings", "notice_addresses", "notices", "unit_links",
    ]

    /// Rows that refer to rows of their own table: parents are written first.
    public static let selfReferences = ["units": "parent_id"]

    /// Fluent's own log: rebuilt by the restore's migrations, never copied.
    public static let migrationLog = "_fluent_migrations"

    /// Tables that hold only what other tables imply, never copied: the subtree rollups
    /// (`Store.rebuildRollups`), rebuilt by the restore so an archive cannot carry sums that
    /// disagree with its figures, and the revision tokens of units, plans and facts, changed by
    /// triggers on the restore's own writes, so a restored token cannot equal one a running server
    /// has seen.
    public static let derived: Set<String> = ["subtree_rollups", "unit_revision", "plan_revision", "fact_revision"]
}

/// How a column's values travel in an archive, whatever the database: uuids and texts as
/// strings, integers and booleans as numbers, real numbers and datetimes (seconds since 1970)
/// as numbers.
public enum PortableType: String, Codable, Sendable {
    case uuid, text, int, double, bool, datetime
}

public struct BackupColumn: Codable, Sendable, Hashable {
    public var name: String
    public var type: PortableType
}

/// One value of a row as it travels: the JSON of the archive.
public enum PortableValue: Sendable, Hashable, Codable {
    case null
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        }
    }

    /// The form two databases agree on for a value of a column of `type`: datetimes as the
    /// microsecond PostgreSQL keeps, rounded the way its `to_timestamp` rounds (from its own
    /// epoch, half to even), so that a table backed up from SQLite and from the PostgreSQL it
    /// was restored into hash alike.
    public func canonical(as type: PortableType) -> String {
        guard type == .datetime, case .double(let d) = self else { return canonical }
        let postgresEpoch = 946_684_800.0
        let micros = ((d - postgresEpoch) * 1_000_000).rounded(.toNearestOrEven)
        return "t:\(Int64(micros))"
    }

    /// The form two databases agree on, for comparing tables across kinds: uuids in lower case,
    /// booleans as 0/1, real numbers to six decimals.
    public var canonical: String {
        switch self {
        case .null: return "∅"
        case .string(let s): return UUID(uuidString: s).map { $0.uuidString.lowercased() } ?? "s:" + s
        case .int(let i): return "n:\(i)"
        case .bool(let b): return "n:\(b ? 1 : 0)"
        case .double(let d):
            if d.rounded() == d, abs(d) < 1e15 { return "n:\(Int64(d))" }
            return "n:" + String(format: "%.6f", d)
        }
    }
}
