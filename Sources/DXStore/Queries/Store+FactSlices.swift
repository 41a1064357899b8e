import DXCore
import FluentKit
import Foundation
import SQLKit

/// Reading only the facts a page or command shows: the indicators, the stored periods and the
/// unit subtree it needs, never the whole plan. The data-status rule (`DataStatus`) is applied
/// in the query itself, so drafts are never loaded to be thrown away, and rows are decoded from
/// raw SQL rows: Fluent's model decoding cost as much as the rest of an evaluation.
extension Store {
    /// Which part of a plan's values to read; `nil` means no restriction on that axis.
    public struct FactSlice: Sendable, Hashable {
        /// Indicator (or task) codes of the plan.
        public var items: [String]?
        /// Stored period identifiers, exactly as stored.
        public var periodIDs: [String]?
        /// The unit version whose subtree (itself and every version below it) is read: by row,
        /// not by code, because a code may name another unit at another time.
        public var subtreeOf: UUID?
        /// Only this unit version's own rows (task reports of the evaluated unit).
        public var unit: UUID?
        /// Unit versions of `subtreeOf` whose own rows are read but not those below them (their
        /// subtrees are summed in the database: `Store.subtreeSums`).
        public var notBelow: [UUID]

        public init(items: [String]? = nil, periodIDs: [String]? = nil, subtreeOf: UUID? = nil, unit: UUID? = nil,
                    notBelow: [UUID] = []) {
            self.items = items
            self.periodIDs = periodIDs
            self.subtreeOf = subtreeOf
            self.unit = unit
            self.notBelow = notBelow
        }

        /// The whole plan.
        public static let all = FactSlice()

        var isEmpty: Bool { items?.isEmpty == true || periodIDs?.isEmpty == true }
    }

    /// Values of a plan within `slice`; only those that count (`DataStatus`) unless
    /// `includeUnsubmitted`. Unordered: the evaluation does not depend on the order.
    public func values(planCode: String, slice: FactSlice, includeUnsubmitted: Bool = false) async throws -> [DataValue] {
        guard !slice.isEmpty else { return [] }
        let (query, codes) = try await sliceQuery(
            planCode: planCode, slice: slice, includeUnsubmitted: includeUnsubmitted, table: "data_values",
            itemIDs: try await indicatorIDs(planCode: planCode),
            itemColumn: "indicator_id", fields: "f.numerator, f.denominator, f.value, f.text, f.judgement, f.comment, f.author, f.updated_at")
        guard let query else { return [] }
        // The rows are read by position in the SELECT above (`FactCursor`). A row whose ids the
        // kept lists do not know (written since they were read) sends the read the long way.
        do {
            if let read = try await SQLiteCursor.rows(query, on: self, { try Self.value($0, planCode: planCode, codes: codes) }) {
                return read
            }
            if let read = try await PostgresCursor.rows(query, on: self, { try Self.value($0, planCode: planCode, codes: codes) }) {
                return read
            }
        } catch is UnknownSliceID {}
        return try await named(try await RawRow.all(query, on: self), codes, planCode: planCode, itemTable: "indicators") { r, item, unit in
            DataValue(
                planCode: planCode, indicatorCode: item, unitCode: unit, periodID: try r.string("period"),
                numerator: try r.double("numerator"), denominator: try r.double("denominator"), value: try r.double("value"),
                text: try r.optionalString("text"), judgement: try r.optionalString("judgement").flatMap(Judgement.init(rawValue:)),
                comment: try r.optionalString("comment"), author: try r.optionalString("author"), updatedAt: try r.date("updated_at"))
        }
    }

    private struct UnknownSliceID: Error {}

    /// A value from a row of `values(planCode:slice:)`'s query, by position.
    private static func value(_ c: some FactCursor, planCode: String, codes: SliceCodes) throws -> DataValue {
        guard let item = codes.items[try c.uuid(0)], let unit = codes.units[try c.uuid(1)] else { throw UnknownSliceID() }
        return DataValue(
            planCode: planCode, indicatorCode: item, unitCode: unit, periodID: try c.requiredString(2),
            numerator: try c.double(3), denominator: try c.double(4), value: try c.double(5),
            text: try c.string(6), judgement: try c.string(7).flatMap(Judgement.init(rawValue:)),
            comment: try c.string(8), author: try c.string(9), updatedAt: try c.date(10))
    }

    /// Task reports of a plan within `slice`, filtered like `values(planCode:slice:)`.
    public func taskReports(planCode: String, slice: FactSlice, includeUnsubmitted: Bool = false) async throws -> [TaskReport] {
        guard !slice.isEmpty else { return [] }
        let (query, codes) = try await sliceQuery(
            planCode: planCode, slice: slice, includeUnsubmitted: includeUnsubmitted, table: "task_reports",
            itemIDs: try await taskIDs(planCode: planCode),
            itemColumn: "task_id", fields: "f.status, f.percent, f.result, f.note, f.author, f.updated_at")
        guard let query else { return [] }
        return try await named(try await RawRow.all(query, on: self), codes, planCode: planCode, itemTable: "tasks") { r, item, unit in
            TaskReport(
                planCode: planCode, taskCode: item, unitCode: unit, periodID: try r.string("period"),
                status: TaskStatus(rawValue: try r.string("status")) ?? .other, percent: try r.double("percent"),
                result: try r.optionalString("result"), note: try r.optionalString("note"), author: try r.optionalString("author"),
                updatedAt: try r.date("updated_at"))
        }
    }

    /// Every period identifier a plan has values or task reports for, drafts included: a loose
    /// index scan (the next period after the last one found, per indicator and task) over the
    /// (item, period) indexes, so the cost grows with the number of periods, not of values.
    public func storedPeriodIDs(planCode: String) async throws -> Set<String> {
        var ids: Set<String> = []
        for (table, itemTable, itemColumn) in [("data_values", "indicators", "indicator_id"), ("task_reports", "tasks", "task_id")] {
            let rows = try await sql.raw("""
                WITH RECURSIVE ps(item_id, period) AS (
                  SELECT i.id, (SELECT MIN(f.period) FROM \(ident: table) f WHERE f.\(ident: itemColumn) = i.id)
                  FROM \(ident: itemTable) i JOIN plans p ON p.id = i.plan_id WHERE p.code = \(bind: planCode)
                  UNION ALL
                  SELECT ps.item_id, (SELECT MIN(f.period) FROM \(ident: table) f WHERE f.\(ident: itemColumn) = ps.item_id AND f.period > ps.period)
                  FROM ps WHERE ps.period IS NOT NULL
                )
                SELECT DISTINCT period FROM ps WHERE period IS NOT NULL
                """).all()
            for r in rows { ids.insert(try r.decode(column: "period", as: String.self)) }
        }
        return ids
    }

    /// The stored periods an evaluation of `periods` may read: those ending within one of them.
    /// A flow adds up pieces inside the period, a stock takes the latest value ending within it,
    /// and a note counts for coverage inside it (`IndicatorAggregator`); all of them end within
    /// the period. Unreadable identifiers are left out: no evaluation can use them.
    public static func periodIDs(_ stored: Set<String>, endingWithin periods: [Period]) -> [String] {
        stored.filter { id in
            guard let p = Period(identifier: id) else { return false }
            return periods.contains { $0.contains(p.end) }
        }.sorted()
    }

    /// The codes behind a slice's row ids: the plan's items, and every unit version.
    struct SliceCodes: Sendable {
        var items: [UUID: String]
        var units: [UUID: String]

        func codes(_ row: RawRow) throws -> (item: String, unit: String)? {
            guard let i = items[try row.uuid("item_id")], let u = units[try row.uuid("unit_id")] else { return nil }
            return (i, u)
        }
    }

    /// `rows` made into values with their codes. The lists were read just before the rows: a
    /// unit or item written in between (by another request; a read is no snapshot) has them
    /// read again from the tables, once.
    private func named<T>(_ rows: [RawRow], _ codes: SliceCodes, planCode: String, itemTable: String,
                          _ make: (RawRow, String, String) throws -> T) async throws -> [T] {
        var codes = codes, fresh = false
        var out: [T] = []
        out.reserveCapacity(rows.count)
        for r in rows {
            var names = try codes.codes(r)
            if names == nil, !fresh {
                fresh = true
                codes = SliceCodes(items: [:], units: [:])
                for (code, id) in try await itemIDs(planCode: planCode, table: itemTable) { codes.items[id] = code }
                for u in try await sql.raw("SELECT id, code FROM units").all() {
                    codes.units[try u.decode(column: "id", as: UUID.self)] = try u.decode(column: "code", as: String.self)
                }
                names = try codes.codes(r)
            }
            guard let (item, unit) = names else {
                throw StoreError.invalid("Số liệu đọc được không thuộc chỉ tiêu hay đơn vị nào đã biết (\(try r.uuid("item_id")), \(try r.uuid("unit_id"))).")
            }
            out.append(try make(r, item, unit))
        }
        return out
    }

    /// The query for the rows of one fact table with `item_id`, `unit_id`, `period` and
    /// `fields`, in that order; nil when the slice names no item of the plan. Item and unit codes
    /// come from the plan and unit lists the store keeps, not from joins: at the national design
    /// point the two joins were a third of a province's read (28 ms of SQLite for 15,200
    /// figures, 18 ms without them).
    private func sliceQuery(planCode: String, slice: FactSlice, includeUnsubmitted: Bool, table: String, itemIDs: [String: UUID],
                            itemColumn: String, fields: String) async throws -> (SQLQueryString?, SliceCodes) {
        let ids = slice.items.map { $0.compactMap { itemIDs[$0] } } ?? Array(itemIDs.values)
        var items: [UUID: String] = [:]
        for (code, id) in itemIDs { items[id] = code }
        let codes = SliceCodes(items: items, units: try await unitCodesByID())
        guard !ids.isEmpty else { return (nil, codes) }
        // A subtree's read of given periods runs unit by unit and period by period (`sub`, then
        // `ps`, then the figures: CROSS JOIN keeps that order on SQLite), so that whether a
        // unit's report of a period counts is asked once for the pair, not once for each of its
        // hundred figures: with a round open, 14 ms of a province's 15,200 figures, now 6.
        let byPair = slice.subtreeOf != nil && !(slice.periodIDs ?? []).isEmpty
        var query = SQLQueryString("")
        if let root = slice.subtreeOf {
            // UNION (not UNION ALL) stops on a cycle; the tree refuses those anyway.
            query.appendInterpolation(unsafeRaw: "WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ")
            query.appendInterpolation(bind: root)
            query.appendInterpolation(unsafeRaw: " UNION SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id")
            if !slice.notBelow.isEmpty {
                query.appendInterpolation(unsafeRaw: " WHERE sub.id NOT IN (")
                query.appendInterpolation(binds: slice.notBelow)
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: ")")
            if byPair, let periods = slice.periodIDs {
                // Each period once: a pair is a unit's rows of that period.
                var seen: Set<String> = []
                query.appendInterpolation(unsafeRaw: ", ps(period) AS (VALUES ")
                for (i, period) in periods.filter({ seen.insert($0).inserted }).enumerated() {
                    query.appendInterpolation(unsafeRaw: i == 0 ? "(" : ", (")
                    query.appendInterpolation(bind: period)
                    query.appendInterpolation(unsafeRaw: ")")
                }
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: " ")
        }
        // Units drive a subtree's read: `data_values_unit_period` (M030) gives each unit's rows
        // for a period side by side. SQLite would rather probe every (unit, period, item) once
        // the items are a list too (12 ms for a province, 4 ms as ranges), so for more than a
        // few items `+` keeps the list out of its index choice; PostgreSQL's planner weighs it.
        let itemsFilterOnly = table == "data_values" && (slice.subtreeOf != nil || slice.unit != nil) && ids.count > 8 && !isPostgres
        query.appendInterpolation(unsafeRaw: "SELECT f.\(itemColumn) AS item_id, f.unit_id, f.period AS period, \(fields) FROM ")
        // PostgreSQL takes a recursive CTE for thousands of rows (12,011 for a province's 152)
        // and, with a round's clause, hashed every figure of the period (219 ms): a LATERAL
        // subquery it may not flatten (OFFSET 0) keeps it to one index scan per pair (9 ms).
        let pairs = isPostgres
            ? "sub CROSS JOIN ps CROSS JOIN LATERAL (SELECT * FROM \(table) f WHERE f.unit_id = sub.id AND f.period = ps.period OFFSET 0) f WHERE "
            : "sub CROSS JOIN ps CROSS JOIN \(table) f WHERE f.unit_id = sub.id AND f.period = ps.period AND "
        query.appendInterpolation(unsafeRaw: byPair ? pairs : "\(table) f WHERE ")
        query.appendInterpolation(unsafeRaw: "\(itemsFilterOnly ? "+" : "")f.\(itemColumn) IN (")
        query.appendInterpolation(binds: ids)
        query.appendInterpolation(unsafeRaw: ")")
        if !byPair {
            if let periods = slice.periodIDs {
                query.appendInterpolation(unsafeRaw: " AND f.period IN (")
                query.appendInterpolation(binds: periods)
                query.appendInterpolation(unsafeRaw: ")")
            }
            if slice.subtreeOf != nil {
                query.appendInterpolation(unsafeRaw: " AND f.unit_id IN (SELECT id FROM sub)")
            }
        }
        if let unit = slice.unit {
            query.appendInterpolation(unsafeRaw: " AND f.unit_id = ")
            query.appendInterpolation(bind: unit)
        }
        if !includeUnsubmitted {
            let rounds = try await coveringRounds(planCode: planCode, periodIDs: slice.periodIDs)
            Self.appendCounted(to: &query, unit: byPair ? "sub.id" : "f.unit_id", period: byPair ? "ps.period" : "f.period", rounds: rounds)
        }
        return (query, codes)
    }

    /// `DataStatus` in SQL: a row of `alias` counts when no round of its plan and period lists
    /// its unit, or when one that does holds a submitted or approved report of it. Appends
    /// nothing when no round asks for the plan.
    static func appendCounted(to query: inout SQLQueryString, alias: String, rounds: [String]) {
        appendCounted(to: &query, unit: "\(alias).unit_id", period: "\(alias).period", rounds: rounds)
    }

    /// The same for the unit and period given by two column expressions.
    static func appendCounted(to query: inout SQLQueryString, unit: String, period: String, rounds: [String]) {
        guard !rounds.isEmpty else { return }
        let counted = [ReportState.submitted, .approved].map(\.rawValue)
        for (i, negate) in [(0, true), (1, false)] {
            query.appendInterpolation(unsafeRaw: i == 0 ? " AND (" : " OR ")
            query.appendInterpolation(unsafeRaw: negate ? "NOT EXISTS" : "EXISTS")
            query.appendInterpolation(unsafeRaw: " (SELECT 1 FROM round_units ru JOIN rounds r ON r.id = ru.round_id WHERE ru.unit_id = \(unit) AND r.period = \(period) AND r.code IN (")
            query.appendInterpolation(binds: rounds)
            query.appendInterpolation(unsafeRaw: ")")
            if !negate {
                query.appendInterpolation(unsafeRaw: " AND ru.state IN (")
                query.appendInterpolation(binds: counted)
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: ")")
        }
        query.appendInterpolation(unsafeRaw: ")")
    }

    /// Codes of the rounds that ask for `planCode` (in the given periods): the rounds that
    /// decide which of its figures count. Few rows; the plan list is JSON, read in Swift as
    /// `dataStatus` reads it.
    func coveringRounds(planCode: String, periodIDs: [String]?) async throws -> [String] {
        var q = RoundModel.query(on: db)
        if let periodIDs { q = q.filter(\.$period ~~ periodIDs) }
        return try await q.all().filter { JSONList.decode($0.planCodes).contains(planCode) }.map(\.code)
    }
}
