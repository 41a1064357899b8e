import DXCore
import Foundation
import SQLKit

/// Aggregation in the database (issue 14.1): below the children of the unit a page shows, a
/// subtree is read as one summed row per (child, indicator, period) — a GROUP BY over the
/// subtree, computed by a recursive CTE over `units.parent_id` — instead of every unit's values,
/// whenever that sum is provably what `IndicatorAggregator` would compute (`BelowSum`'s
/// conditions). Anything else is read as rows and aggregated in Swift, as before.
extension Store {
    /// A child of the shown unit whose subtree may be summed: one version per code throughout,
    /// so its rows by `parent_id` are exactly its units in the tree.
    struct CollapsibleUnit {
        var code: String
        var id: UUID
        /// Direct children, in tree order.
        var children: [OrgUnit]
        /// Units strictly below it (for the stock rule).
        var below: [OrgUnit]
    }

    /// The children of `unit` in `tree` whose subtree is worth summing (they have units below)
    /// and can be read by row: every version under them has a code of its own version alone,
    /// and those codes are the tree's units below the child.
    static func collapsibleChildren(of unit: String, tree: UnitTree, rows: [UnitRow], ids: [String: UUID]) -> [CollapsibleUnit] {
        var versions: [String: Int] = [:]
        var childrenOf: [UUID: [UnitRow]] = [:]
        for r in rows {
            versions[r.code, default: 0] += 1
            if let p = r.parentID { childrenOf[p, default: []].append(r) }
        }
        return tree.children(of: unit).compactMap { child in
            let below = tree.descendants(of: child.code)
            guard !below.isEmpty, versions[child.code] == 1, let id = ids[child.code] else { return nil }
            var codes: Set<String> = [], queue = [id]
            while let next = queue.popLast() {
                for r in childrenOf[next] ?? [] {
                    guard versions[r.code] == 1 else { return nil }
                    codes.insert(r.code)
                    queue.append(r.id)
                }
            }
            guard codes == Set(below.map(\.code)) else { return nil }
            return CollapsibleUnit(code: child.code, id: id, children: tree.children(of: child.code), below: below)
        }
    }

    /// One group of the summing query: a child, an indicator and a stored period.
    struct SubtreeGroup: Equatable {
        var badRate: Int
        var badNumber: Int
        var frontier: Int
        var numerator: Double?
        var denominator: Double?
        var value: Double?
        var reportingChildren: Int
    }

    /// Sums below each of `units` for `indicators`, for the evaluated `periods` (the period and
    /// its comparisons), from the counted rows of `periodIDs` (the stored periods they read).
    /// Returns the sums that are exact (`BelowSum`'s conditions, checked here) and, by unit
    /// code, the indicators that must be read as rows instead.
    func subtreeSums(planCode: String, indicators: [Indicator], periods: [Period], periodIDs: [String],
                     units: [CollapsibleUnit], includeUnsubmitted: Bool) async throws -> (sums: BelowSums, rows: [String: [String]]) {
        var sums: BelowSums = [:]
        var rowsFor: [String: [String]] = [:]
        let summable = indicators.filter { $0.aggregation == .sum && [.rate, .count, .amount].contains($0.measure) }
        let summableCodes = Set(summable.map(\.code))
        for u in units {
            let others = indicators.map(\.code).filter { !summableCodes.contains($0) }
            if !others.isEmpty { rowsFor[u.code] = others }
        }
        guard !summable.isEmpty, !units.isEmpty, !periodIDs.isEmpty else {
            for u in units { rowsFor[u.code] = indicators.map(\.code) }
            return (sums, rowsFor)
        }
        let rounds = includeUnsubmitted ? [] : try await coveringRounds(planCode: planCode, periodIDs: periodIDs)
        // Only when some unit lies two levels below a child can a unit between a figure and the
        // child have a figure of its own (the own-figure-wins frontier); otherwise every row
        // below the child is on the frontier and the check is left out of the query.
        let deep = units.contains { $0.below.count > $0.children.count }
        // Counted figures are read from the rollups the writes keep; a preview with drafts
        // computes over the subtree directly.
        let byID = includeUnsubmitted
            ? try await subtreeGroups(planCode: planCode, items: summable.map(\.code), periodIDs: periodIDs,
                                      units: units.map(\.id), deep: deep, rounds: rounds)
            : try await rollupGroups(planCode: planCode, items: summable.map(\.code), periodIDs: periodIDs, units: units.map(\.id))
        let groups = Dictionary(uniqueKeysWithValues: units.compactMap { u in byID[u.id].map { (u.code, $0) } })
        let read = periodIDs.compactMap { id in Period(identifier: id).map { (id, $0) } }
        var partial: [(unit: CollapsibleUnit, indicator: String, period: Period)] = []
        // Made once, not per unit, indicator and period: 34 provinces × 100 indicators rebuilt a
        // province's children and each period's name (`String(format:)`) 3,400 times.
        let evaluatedIDs = periods.map(\.identifier)
        for u in units {
            let allChildren = Set(u.children.map(\.code))
            let unitGroups = groups[u.code]
            for i in summable {
                var ok = true
                var byPeriod: [Period: BelowSum] = [:]
                for (e, eID) in zip(periods, evaluatedIDs) where byPeriod[e] == nil && ok {
                    // A stock ignores units closed before the period's end, with what is below them.
                    if i.temporal == .stock, u.below.contains(where: { ($0.validTo.map { $0 < e.end }) ?? false }) {
                        ok = false
                        break
                    }
                    for (id, p) in read where e.contains(p.end) {
                        guard let g = unitGroups?[i.code]?[id] else { continue }
                        // Another period inside (pieces of a flow, older stocks) or a figure that is
                        // not plain whole numbers: the Swift rules decide.
                        if p != e || (i.measure == .rate ? g.badRate : g.badNumber) > 0 { ok = false }
                    }
                    guard ok else { break }
                    var sum = BelowSum()
                    if let g = unitGroups?[i.code]?[eID] {
                        if g.frontier > 0 {
                            if i.measure == .rate {
                                sum.numerator = g.numerator ?? 0
                                sum.denominator = g.denominator ?? 0
                            } else {
                                sum.value = g.value ?? 0
                            }
                        }
                        if g.reportingChildren >= u.children.count {
                            sum.reportingChildren = allChildren
                        } else if g.reportingChildren > 0 {
                            partial.append((u, i.code, e))
                        }
                    }
                    byPeriod[e] = sum
                }
                if ok {
                    sums[i.code, default: [:]][u.code] = byPeriod
                } else {
                    rowsFor[u.code, default: []].append(i.code)
                }
            }
        }
        // Which children reported, where not all of them did: one read per unit for all of its
        // partial indicators and periods. While a round is open most groups are partial, and a
        // read for each of them cost a national dashboard 100 statements of 5-8 ms.
        let pending = partial.filter { sums[$0.indicator]?[$0.unit.code] != nil }
        for (unitCode, groups) in Dictionary(grouping: pending, by: \.unit.code) {
            let u = groups[0].unit
            let items = Array(Set(groups.map(\.indicator))), periodIDs = Array(Set(groups.map(\.period.identifier)))
            let who = includeUnsubmitted
                ? try await reportingChildren(planCode: planCode, items: items, periodIDs: periodIDs, unit: u.id, rounds: rounds)
                : try await rollupReportingChildren(planCode: planCode, items: items, periodIDs: periodIDs, unit: u.id, rounds: rounds)
            for g in groups {
                sums[g.indicator]?[unitCode]?[g.period]?.reportingChildren = who[g.indicator]?[g.period.identifier] ?? []
            }
        }
        return (sums, rowsFor)
    }

    /// The subtree CTE: every unit strictly below one of `units`, with that unit (`c`) and the
    /// child of it (`g`) it lies under; with `deep`, also every pair of a unit and an ancestor
    /// of it that is strictly below the same unit (`anc`).
    private func appendSubtree(to q: inout SQLQueryString, units: [UUID], deep: Bool) {
        q.appendInterpolation(unsafeRaw: "WITH RECURSIVE sub(id, c, g) AS (SELECT u.id, u.parent_id, u.id FROM units u WHERE u.parent_id IN (")
        q.appendInterpolation(binds: units)
        q.appendInterpolation(unsafeRaw: ") UNION ALL SELECT x.id, sub.c, sub.g FROM units x JOIN sub ON x.parent_id = sub.id)")
        if deep {
            q.appendInterpolation(unsafeRaw: """
                , anc(id, a) AS (SELECT x.id, x.parent_id FROM units x JOIN sub ON sub.id = x.parent_id \
                UNION ALL SELECT anc.id, p.parent_id FROM anc JOIN units p ON p.id = anc.a JOIN sub ON sub.id = p.parent_id)
                """)
        }
    }

    /// The direct computation, by unit version: what the rollups hold for counted figures
    /// (tests compare the two), and what a preview with drafts reads.
    func subtreeGroups(planCode: String, items: [String], periodIDs: [String], units: [UUID], deep: Bool,
                       rounds: [String]) async throws -> [UUID: [String: [String: SubtreeGroup]]] {
        func restrict(_ q: inout SQLQueryString, plan: String, item: String, period: String) {
            q.appendInterpolation(unsafeRaw: " WHERE \(plan).code = ")
            q.appendInterpolation(bind: planCode)
            q.appendInterpolation(unsafeRaw: " AND \(item).code IN (")
            q.appendInterpolation(binds: items)
            q.appendInterpolation(unsafeRaw: ") AND \(period).period IN (")
            q.appendInterpolation(binds: periodIDs)
            q.appendInterpolation(unsafeRaw: ")")
        }
        var q = SQLQueryString("")
        appendSubtree(to: &q, units: units, deep: deep)
        if deep {
            // Own figure wins: a row is off the frontier when a unit between it and the child
            // has a counted row of its own for the indicator and period. A set joined once
            // (a correlated NOT EXISTS over the CTE scanned it for every row on SQLite).
            q.appendInterpolation(unsafeRaw: """
                , blocked(unit_id, indicator_id, period) AS (SELECT DISTINCT anc.id, h.indicator_id, h.period FROM anc \
                JOIN data_values h ON h.unit_id = anc.a JOIN indicators hi ON hi.id = h.indicator_id JOIN plans hp ON hp.id = hi.plan_id
                """)
            restrict(&q, plan: "hp", item: "hi", period: "h")
            Self.appendCounted(to: &q, alias: "h", rounds: rounds)
            q.appendInterpolation(unsafeRaw: ")")
        }
        // Without units two levels below a child, each row is its own child's (`g`), one per
        // indicator and period: counting rows counts the children that reported.
        q.appendInterpolation(unsafeRaw: """
             SELECT r.c AS c, r.item AS item, r.period AS period,
             SUM(CASE WHEN r.n IS NULL OR r.d IS NULL OR r.n <> ROUND(r.n) OR r.d <> ROUND(r.d) OR ABS(r.n) > 1e12 OR ABS(r.d) > 1e12 THEN 1 ELSE 0 END) AS bad_rate,
             SUM(CASE WHEN r.n IS NOT NULL OR r.d IS NOT NULL OR r.v IS NULL OR r.v <> ROUND(r.v) OR ABS(r.v) > 1e12 THEN 1 ELSE 0 END) AS bad_number,
             SUM(r.front) AS frontier,
             SUM(CASE WHEN r.front = 1 THEN r.n END) AS n, SUM(CASE WHEN r.front = 1 THEN r.d END) AS d,
             SUM(CASE WHEN r.front = 1 THEN r.v END) AS v, \(deep ? "COUNT(DISTINCT r.g)" : "COUNT(*)") AS reporting
             FROM (SELECT sub.c AS c, sub.g AS g, i.code AS item, f.period AS period,
             f.numerator AS n, f.denominator AS d, f.value AS v, \(deep ? "CASE WHEN b.unit_id IS NULL THEN 1 ELSE 0 END" : "1") \
            AS front FROM data_values f JOIN sub ON sub.id = f.unit_id JOIN indicators i ON i.id = f.indicator_id \
            JOIN plans p ON p.id = i.plan_id
            """)
        if deep {
            q.appendInterpolation(unsafeRaw: " LEFT JOIN blocked b ON b.unit_id = f.unit_id AND b.indicator_id = f.indicator_id AND b.period = f.period")
        }
        restrict(&q, plan: "p", item: "i", period: "f")
        Self.appendCounted(to: &q, alias: "f", rounds: rounds)
        q.appendInterpolation(unsafeRaw: ") r GROUP BY r.c, r.item, r.period")
        return try Self.groups(try await RawRow.all(q, on: self))
    }

    /// The children of `unit` with a counted row in their subtree for one indicator and period.
    private func reportingChildren(planCode: String, items: [String], periodIDs: [String], unit: UUID,
                                   rounds: [String]) async throws -> [String: [String: Set<String>]] {
        var q = SQLQueryString("")
        appendSubtree(to: &q, units: [unit], deep: false)
        q.appendInterpolation(unsafeRaw: """
             SELECT DISTINCT gu.code AS g, i.code AS item, f.period AS period FROM data_values f JOIN sub ON sub.id = f.unit_id \
            JOIN units gu ON gu.id = sub.g JOIN indicators i ON i.id = f.indicator_id JOIN plans p ON p.id = i.plan_id WHERE p.code = 
            """)
        q.appendInterpolation(bind: planCode)
        q.appendInterpolation(unsafeRaw: " AND i.code IN (")
        q.appendInterpolation(binds: items)
        q.appendInterpolation(unsafeRaw: ") AND f.period IN (")
        q.appendInterpolation(binds: periodIDs)
        q.appendInterpolation(unsafeRaw: ")")
        Self.appendCounted(to: &q, alias: "f", rounds: rounds)
        var out: [String: [String: Set<String>]] = [:]
        for r in try await sql.raw(q).all() {
            out[try r.decode(column: "item", as: String.self), default: [:]][try r.decode(column: "period", as: String.self), default: []]
                .insert(try r.decode(column: "g", as: String.self))
        }
        return out
    }
}
