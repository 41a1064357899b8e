import DXCore
import Foundation
import SQLKit

/// The subtree rollups (issue 14.1): for every unit version, indicator and stored period, the
/// `SubtreeGroup` that the direct computation (`subtreeSums` with a recursive CTE over the
/// subtree) finds for the counted figures strictly below that unit — kept in the database by
/// every write that can change a counted figure or the tree, in the write's own transaction, so
/// a page reads its children's rows by index instead of every figure below them.
///
/// A unit's row is made from its children's alone: a child with a counted figure of its own
/// brings that figure (own figure wins: what lies below it is off the frontier) and otherwise
/// its own rollup; both bring every figure's whole-number checks, and either makes the child
/// one that reported. A commune's save thus recomputes its three or four ancestors, each from
/// its children's rows. Only counted figures (`DataStatus`) are rolled up; a preview with
/// drafts still computes directly.
extension Store {
    static let rollupTable = "subtree_rollups"

    /// What to recompute: `nil` is everything on that axis. `below` names unit versions whose
    /// own figures or round state changed: their ancestors are recomputed, bottom up. Without
    /// it every unit is, level by level from the leaves.
    public struct RollupScope: Sendable {
        public var planCodes: [String]?
        public var indicatorIDs: [UUID]?
        public var periodIDs: [String]?
        public var below: [UUID]?

        public init(planCodes: [String]? = nil, indicatorIDs: [UUID]? = nil, periodIDs: [String]? = nil, below: [UUID]? = nil) {
            self.planCodes = planCodes
            self.indicatorIDs = indicatorIDs
            self.periodIDs = periodIDs
            self.below = below
        }
    }

    /// Every rollup recomputed from the figures: after a restore, a unit move, a new database.
    public func rebuildRollups() async throws {
        try await refreshRollups(RollupScope())
    }

    /// Recomputes the rollups of `scope`, on the caller's transaction.
    public func refreshRollups(_ scope: RollupScope) async throws {
        if scope.indicatorIDs?.isEmpty == true || scope.periodIDs?.isEmpty == true || scope.below?.isEmpty == true { return }
        guard db.inTransaction else {
            return try await db.transaction { try await Store($0).refreshRollups(scope) }
        }
        // Two saves under one parent would each recompute it from what it sees, without the
        // other's figure (and insert the same key twice): on PostgreSQL the upkeep of the
        // rollups takes turns, until the transaction ends, each seeing the ones before it
        // committed. Readers are not held up; SQLite has one writer at a time anyway.
        if isPostgres { try await sql.raw("LOCK TABLE \(unsafeRaw: Self.rollupTable) IN SHARE ROW EXCLUSIVE MODE").run() }
        let levels = try await rollupLevels(below: scope.below)
        guard !levels.isEmpty else {
            if scope.below == nil { try await deleteRollups(units: nil, planID: nil, scope: scope) }
            return
        }
        for (planID, planCode, items) in try await rollupPlans(scope) {
            // The rounds that decide which of the plan's figures count, as the readers ask for them.
            let rounds = try await coveringRounds(planCode: planCode, periodIDs: scope.periodIDs)
            // The plan's indicators of the scope, listed: given a subquery for the plan's
            // indicators, SQLite scanned every figure of the period for a one-figure save.
            var scope = scope
            scope.indicatorIDs = items
            // The rows to recompute, in one statement: a level reads only the rows of the level
            // below it, recomputed before it.
            try await deleteRollups(units: scope.below == nil ? nil : levels.flatMap { $0 }, planID: planID, scope: scope)
            for level in levels {
                try await insertRollups(units: level, planID: planID, scope: scope, rounds: rounds, fewParents: scope.below != nil)
            }
        }
    }

    /// The units to recompute, in an order that has each one after all of its children that
    /// are recomputed: ancestors by distance from the changed units (a unit reached at several
    /// distances, at the farthest: every recomputed unit below it is nearer), or every unit with
    /// children by height above its deepest leaf. Each unit is in one level.
    private func rollupLevels(below: [UUID]?) async throws -> [[UUID]] {
        if let below {
            var q = SQLQueryString("WITH RECURSIVE anc(id, lvl) AS (SELECT parent_id, 1 FROM units WHERE parent_id IS NOT NULL AND id IN (")
            q.appendInterpolation(binds: below)
            q.appendInterpolation(unsafeRaw: ") UNION SELECT u.parent_id, anc.lvl + 1 FROM units u JOIN anc ON u.id = anc.id WHERE u.parent_id IS NOT NULL) SELECT id, lvl FROM anc")
            var farthest: [UUID: Int] = [:]
            for r in try await sql.raw(q).all() {
                let id = try r.decode(column: "id", as: UUID.self), level = try r.decode(column: "lvl", as: Int.self)
                farthest[id] = max(farthest[id] ?? 0, level)
            }
            return Dictionary(grouping: farthest.keys) { farthest[$0]! }.sorted { $0.key < $1.key }.map(\.value)
        }
        var children: [UUID: [UUID]] = [:]
        for r in try await sql.raw("SELECT id, parent_id FROM units WHERE parent_id IS NOT NULL").all() {
            children[try r.decode(column: "parent_id", as: UUID.self), default: []].append(try r.decode(column: "id", as: UUID.self))
        }
        var height: [UUID: Int] = [:]
        func measure(_ u: UUID) -> Int {
            if let h = height[u] { return h }
            height[u] = 0  // a cycle (refused by the tree anyway) ends here
            let h = (children[u] ?? []).map { measure($0) + 1 }.max() ?? 0
            height[u] = h
            return h
        }
        var byHeight: [Int: [UUID]] = [:]
        for u in children.keys { byHeight[measure(u), default: []].append(u) }
        return byHeight.keys.sorted().map { byHeight[$0]! }
    }

    /// The plans of `scope`, each with its indicators of the scope listed by id.
    private func rollupPlans(_ scope: RollupScope) async throws -> [(UUID, String, [UUID])] {
        var q = SQLQueryString("SELECT p.id, p.code, i.id AS item FROM plans p JOIN indicators i ON i.plan_id = p.id WHERE 1 = 1")
        if let ids = scope.indicatorIDs {
            q.appendInterpolation(unsafeRaw: " AND i.id IN (")
            q.appendInterpolation(binds: ids)
            q.appendInterpolation(unsafeRaw: ")")
        }
        if let codes = scope.planCodes {
            q.appendInterpolation(unsafeRaw: " AND p.code IN (")
            q.appendInterpolation(binds: codes)
            q.appendInterpolation(unsafeRaw: ")")
        }
        var plans: [UUID: (String, [UUID])] = [:]
        for r in try await sql.raw(q).all() {
            let id = try r.decode(column: "id", as: UUID.self), code = try r.decode(column: "code", as: String.self)
            plans[id, default: (code, [])].1.append(try r.decode(column: "item", as: UUID.self))
        }
        return plans.map { ($0.key, $0.value.0, $0.value.1) }
    }

    /// The indicator and period conditions of `scope` on `alias` (a row with `indicator_id`
    /// and `period`), within one plan when `planID` is given.
    private func appendRollupScope(to q: inout SQLQueryString, alias: String, planID: UUID?, scope: RollupScope) {
        if let planID, scope.indicatorIDs == nil {  // a whole plan's rows: only when deleting everything
            q.appendInterpolation(unsafeRaw: " AND \(alias).indicator_id IN (SELECT id FROM indicators WHERE plan_id = ")
            q.appendInterpolation(bind: planID)
            q.appendInterpolation(unsafeRaw: ")")
        }
        if let ids = scope.indicatorIDs {
            q.appendInterpolation(unsafeRaw: " AND \(alias).indicator_id IN (")
            q.appendInterpolation(binds: ids)
            q.appendInterpolation(unsafeRaw: ")")
        }
        if let periods = scope.periodIDs {
            q.appendInterpolation(unsafeRaw: " AND \(alias).period IN (")
            q.appendInterpolation(binds: periods)
            q.appendInterpolation(unsafeRaw: ")")
        }
    }

    private func deleteRollups(units: [UUID]?, planID: UUID?, scope: RollupScope) async throws {
        var q = SQLQueryString("DELETE FROM \(unsafeRaw: Self.rollupTable) WHERE 1 = 1")
        if let units {
            q.appendInterpolation(unsafeRaw: " AND unit_id IN (")
            q.appendInterpolation(binds: units)
            q.appendInterpolation(unsafeRaw: ")")
        }
        appendRollupScope(to: &q, alias: Self.rollupTable, planID: planID, scope: scope)
        try await sql.raw(q).run()
    }

    /// One statement for one level: each child's part (its own counted figure, else its
    /// rollup; the checks of both), summed by parent. The whole-number checks are the direct
    /// computation's (`subtreeGroups`). Each child brings one row that counts it (`child`): its
    /// own figure, or its rollup when it has none; a rollup beside an own figure brings only its
    /// checks. So the figures are grouped once, by parent, not first by child: at the national
    /// design point a province's level is 420,000 figures, and the second grouping was most of
    /// an import's upkeep.
    ///
    /// `fewParents` (a save walking up from its unit) has the children drive the join: SQLite's
    /// planner otherwise reads every unit's figure of the indicator and period through
    /// `data_values_indicator_period` and keeps the parent's children (5–8 ms a level of a save's
    /// 26 ms at the national design point; 0.5–0.9 ms probing the children's rows). Whether a child
    /// has an own figure is a left join, computed once a row: as a subquery beside the rollup it
    /// was flattened into each of the five columns that read it.
    private func insertRollups(units: [UUID], planID: UUID, scope: RollupScope, rounds: [String], fewParents: Bool) async throws {
        // SQLite keeps the order of a CROSS JOIN; to PostgreSQL it is a join like any other.
        let kidsJoin = fewParents ? "kids CROSS JOIN" : "kids, "
        var q = SQLQueryString("WITH kids(id, parent_id) AS (SELECT id, parent_id FROM units WHERE parent_id IN (")
        q.appendInterpolation(binds: units)
        q.appendInterpolation(unsafeRaw: """
            )) INSERT INTO \(Self.rollupTable) (unit_id, indicator_id, period, bad_rate, bad_number, frontier, numerator, denominator, value, reporting) \
            SELECT c.parent_id, c.indicator_id, c.period, SUM(c.bad_rate), SUM(c.bad_number), SUM(c.frontier), \
            SUM(c.n), SUM(c.d), SUM(c.v), SUM(c.child) FROM (\
            SELECT kids.parent_id, f.indicator_id, f.period, \
            CASE WHEN f.numerator IS NULL OR f.denominator IS NULL OR f.numerator <> ROUND(f.numerator) OR f.denominator <> ROUND(f.denominator) \
            OR ABS(f.numerator) > 1e12 OR ABS(f.denominator) > 1e12 THEN 1 ELSE 0 END AS bad_rate, \
            CASE WHEN f.numerator IS NOT NULL OR f.denominator IS NOT NULL OR f.value IS NULL OR f.value <> ROUND(f.value) \
            OR ABS(f.value) > 1e12 THEN 1 ELSE 0 END AS bad_number, \
            1 AS frontier, f.numerator AS n, f.denominator AS d, f.value AS v, 1 AS child \
            FROM \(kidsJoin) data_values f WHERE f.unit_id = kids.id
            """)
        appendRollupScope(to: &q, alias: "f", planID: planID, scope: scope)
        Self.appendCounted(to: &q, alias: "f", rounds: rounds)
        q.appendInterpolation(unsafeRaw: """
             UNION ALL SELECT kids.parent_id, r.indicator_id, r.period, r.bad_rate, r.bad_number, \
            CASE WHEN own.unit_id IS NULL THEN r.frontier ELSE 0 END, CASE WHEN own.unit_id IS NULL THEN r.numerator END, \
            CASE WHEN own.unit_id IS NULL THEN r.denominator END, CASE WHEN own.unit_id IS NULL THEN r.value END, \
            CASE WHEN own.unit_id IS NULL THEN 1 ELSE 0 END \
            FROM \(kidsJoin) \(Self.rollupTable) r LEFT JOIN data_values own ON own.unit_id = r.unit_id \
            AND own.indicator_id = r.indicator_id AND own.period = r.period
            """)
        Self.appendCounted(to: &q, alias: "own", rounds: rounds)
        q.appendInterpolation(unsafeRaw: " WHERE r.unit_id = kids.id")
        appendRollupScope(to: &q, alias: "r", planID: planID, scope: scope)
        q.appendInterpolation(unsafeRaw: ") c GROUP BY c.parent_id, c.indicator_id, c.period")
        try await sql.raw(q).run()
    }

    /// The rollup rows of `units` for
    /// `items` of a plan and the stored periods `periodIDs`: what `subtreeGroups` computes.
    func rollupGroups(planCode: String, items: [String], periodIDs: [String],
                      units: [UUID]) async throws -> [UUID: [String: [String: SubtreeGroup]]] {
        var q = SQLQueryString("""
            SELECT r.unit_id AS c, i.code AS item, r.period AS period, r.bad_rate, r.bad_number, r.frontier, r.numerator AS n, \
            r.denominator AS d, r.value AS v, r.reporting FROM \(unsafeRaw: Self.rollupTable) r \
            JOIN indicators i ON i.id = r.indicator_id JOIN plans p ON p.id = i.plan_id WHERE r.unit_id IN (
            """)
        q.appendInterpolation(binds: units)
        q.appendInterpolation(unsafeRaw: ") AND p.code = ")
        q.appendInterpolation(bind: planCode)
        q.appendInterpolation(unsafeRaw: " AND i.code IN (")
        q.appendInterpolation(binds: items)
        q.appendInterpolation(unsafeRaw: ") AND r.period IN (")
        q.appendInterpolation(binds: periodIDs)
        q.appendInterpolation(unsafeRaw: ")")
        return try Self.groups(try await RawRow.all(q, on: self))
    }

    static func groups(_ rows: [RawRow]) throws -> [UUID: [String: [String: SubtreeGroup]]] {
        var out: [UUID: [String: [String: SubtreeGroup]]] = [:]
        for row in rows {
            let g = SubtreeGroup(
                badRate: try row.int("bad_rate"), badNumber: try row.int("bad_number"), frontier: try row.int("frontier"),
                numerator: try row.double("n"), denominator: try row.double("d"), value: try row.double("v"),
                reportingChildren: try row.int("reporting"))
            out[try row.uuid("c"), default: [:]][try row.string("item"), default: [:]][try row.string("period")] = g
        }
        return out
    }

    /// The children of `unit` that reported (a counted figure of their own, or a rollup row)
    /// for `items` in `periodIDs`, by item code and period. The children drive the join (see
    /// `insertRollups`): SQLite otherwise read every unit's figures of the indicator and period.
    func rollupReportingChildren(planCode: String, items: [String], periodIDs: [String], unit: UUID,
                                 rounds: [String]) async throws -> [String: [String: Set<String>]] {
        let byCode = try await indicatorIDs(planCode: planCode)
        let ids = items.compactMap { byCode[$0] }
        guard !ids.isEmpty, !periodIDs.isEmpty else { return [:] }
        var q = SQLQueryString("")
        for own in [true, false] {
            q.appendInterpolation(unsafeRaw: own ? "SELECT x.code AS g, f.indicator_id AS item_id, f.period AS period FROM units x CROSS JOIN data_values f"
                                               : " UNION SELECT x.code AS g, f.indicator_id AS item_id, f.period AS period FROM units x CROSS JOIN \(Self.rollupTable) f")
            q.appendInterpolation(unsafeRaw: " WHERE x.parent_id = ")
            q.appendInterpolation(bind: unit)
            q.appendInterpolation(unsafeRaw: " AND f.unit_id = x.id AND f.indicator_id IN (")
            q.appendInterpolation(binds: ids)
            q.appendInterpolation(unsafeRaw: ") AND f.period IN (")
            q.appendInterpolation(binds: periodIDs)
            q.appendInterpolation(unsafeRaw: ")")
            if own { Self.appendCounted(to: &q, alias: "f", rounds: rounds) }
        }
        let codes = Dictionary(byCode.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        var out: [String: [String: Set<String>]] = [:]
        for r in try await RawRow.all(q, on: self) {
            guard let item = codes[try r.uuid("item_id")] else { continue }
            out[item, default: [:]][try r.string("period"), default: []].insert(try r.string("g"))
        }
        return out
    }

    /// A plan's rollup rows as stored, and as the direct computation finds them now for every
    /// unit with children: equal whenever every write kept the rollups (tests check this).
    func rollupCheck(planCode: String) async throws -> (stored: [UUID: [String: [String: SubtreeGroup]]],
                                                       direct: [UUID: [String: [String: SubtreeGroup]]]) {
        let stored = try Self.groups(try await RawRow.all("""
            SELECT r.unit_id AS c, i.code AS item, r.period AS period, r.bad_rate, r.bad_number, r.frontier, r.numerator AS n, \
            r.denominator AS d, r.value AS v, r.reporting FROM \(unsafeRaw: Self.rollupTable) r \
            JOIN indicators i ON i.id = r.indicator_id JOIN plans p ON p.id = i.plan_id WHERE p.code = \(bind: planCode)
            """, on: self))
        let items = Array(try await indicatorIDs(planCode: planCode).keys)
        let periods = Array(try await storedPeriodIDs(planCode: planCode))
        let parents = try await sql.raw("SELECT DISTINCT parent_id FROM units WHERE parent_id IS NOT NULL").all()
            .map { try $0.decode(column: "parent_id", as: UUID.self) }
        guard !items.isEmpty, !periods.isEmpty, !parents.isEmpty else { return (stored, [:]) }
        let rounds = try await coveringRounds(planCode: planCode, periodIDs: periods)
        // One unit at a time: the direct computation's frontier assumes disjoint subtrees (the
        // children of one unit), and a unit's subtree holds its descendants'.
        var direct: [UUID: [String: [String: SubtreeGroup]]] = [:]
        for unit in parents {
            direct.merge(try await subtreeGroups(planCode: planCode, items: items, periodIDs: periods, units: [unit], deep: true, rounds: rounds),
                         uniquingKeysWith: { a, _ in a })
        }
        return (stored, direct)
    }
}

/// What a values import touched, gathered as its rows go by: the rollups of those indicators
/// and periods are recomputed once at the end of the import's transaction, above the touched
/// units (every unit when the import touched most of the tree).
///
/// `@unchecked Sendable`: filled by the import's one task strictly in sequence, read after it.
final class RollupTouches: @unchecked Sendable {
    private var items: Set<ItemKey> = []
    private var periods: Set<String> = []
    private var units: Set<String> = []
    private var last: (ItemKey, String, String)?

    func add(_ v: DataValue) {
        let key = ItemKey(plan: v.planCode, code: v.indicatorCode)
        // Files come sorted by one column or another: most rows repeat the row before's keys.
        if let last, last.0 == key, last.1 == v.periodID, last.2 == v.unitCode { return }
        if last?.0 != key { items.insert(key) }
        if last?.1 != v.periodID { periods.insert(v.periodID) }
        if last?.2 != v.unitCode { units.insert(v.unitCode) }
        last = (key, v.periodID, v.unitCode)
    }

    func watching(_ rows: ValueRows) -> ValueRows {
        ValueRows { [self] in
            let row = try rows.next()
            if case .value(_, let v)? = row { add(v) }
            return row
        }
    }

    /// Beyond this many touched units the whole tree is recomputed level by level, which
    /// costs less than walking up from each of them.
    static let unitsWalkedUp = 500

    fileprivate func scope(in store: Store) async throws -> Store.RollupScope? {
        guard !items.isEmpty else { return nil }
        var ids: [UUID] = []
        for (plan, codes) in Dictionary(grouping: items, by: \.plan) {
            let byCode = try await store.indicatorIDs(planCode: plan)
            ids += codes.compactMap { byCode[$0.code] }
        }
        var below: [UUID]?
        if units.count <= Self.unitsWalkedUp {
            var q = SQLQueryString("SELECT id FROM units WHERE code IN (")
            q.appendInterpolation(binds: Array(units))
            q.appendInterpolation(unsafeRaw: ")")
            below = try await store.sql.raw(q).all().map { try $0.decode(column: "id", as: UUID.self) }
        }
        return Store.RollupScope(indicatorIDs: ids, periodIDs: Array(periods), below: below)
    }
}

extension Store {
    func refreshRollups(_ touched: RollupTouches) async throws {
        if let scope = try await touched.scope(in: self) { try await refreshRollups(scope) }
    }
}
