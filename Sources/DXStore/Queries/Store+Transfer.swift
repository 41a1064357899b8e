import DXCore
import FluentKit
import Foundation

/// What importing one record did.
public enum ImportChange: Sendable, Equatable {
    case created, updated, unchanged
}

/// What an import did, or would do on a dry run: counts, and the errors by row that made it
/// apply nothing.
public struct ImportOutcome: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var errors: [String] = []
    /// Errors beyond those kept in `errors` (a file can have millions of bad rows).
    public var omittedErrors = 0
    /// What the caller should know besides the counts.
    public var notes: [String] = []
    /// Whether the changes were written: false on a dry run and whenever there are errors.
    public var applied = false

    public init() {}

    mutating func count(_ c: ImportChange) {
        switch c {
        case .created: created += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }
}

/// Imports of set-up data and figures: each in one transaction, every row tried so the error
/// report is complete, and rolled back when any row fails or on a dry run — so a dry run runs
/// exactly the checks and writes of the real import.
extension Store {
    /// Units by code and first valid day (`writeUnits`), parents before children. A code may
    /// name another unit in another period (official codes are reused across the 2025 reform),
    /// never two units on the same day.
    public func importUnits(_ units: [OrgUnit], dryRun: Bool) async throws -> ImportOutcome {
        try await transfer(dryRun: dryRun) { s in
            var o = ImportOutcome()
            let w = try await s.writeUnits(units)
            o.created = w.created
            o.updated = w.updated
            o.unchanged = w.unchanged
            o.errors = w.errors
            o.notes = w.closedForReuse.isEmpty ? [] : ["\(w.closedForReuse.count) đơn vị cũ nhường mã cho đơn vị mới và kết thúc hiệu lực: "
                + w.closedForReuse.prefix(10).joined(separator: "; ") + (w.closedForReuse.count > 10 ? "; …" : "")]
            return o
        }
    }

    /// Figures by plan, indicator, unit and period; `line` is the row of the file for messages.
    public func importValues(_ rows: [(line: Int, value: DataValue)], dryRun: Bool) async throws -> ImportOutcome {
        try await importValues(ValueRows(rows), dryRun: dryRun)
    }

    /// Figures streamed from a file (`bulkImportValues`): same checks and messages, one
    /// transaction, nothing written when any row fails.
    public func importValues(_ rows: ValueRows, dryRun: Bool) async throws -> ImportOutcome {
        let touched = RollupTouches()
        let seen = touched.watching(rows)
        return try await withoutSQLiteForeignKeyChecks { s in
            try await s.transfer(dryRun: dryRun) { s in
                let o = try await s.bulkImportValues(seen)
                // The end of the import's transaction: whatever must change with the values
                // goes here, before `transfer` commits (or rolls back on errors and dry runs).
                if o.errors.isEmpty, !dryRun { try await s.refreshRollups(touched) }
                // A large import changes what the planner should expect of the figures and
                // their rollups; until autovacuum's ANALYZE (a minute or more later) a save's
                // upkeep was planned from no statistics (5 ms for the country's level, not 0.7).
                if o.errors.isEmpty, !dryRun, s.isPostgres, o.created + o.updated >= Self.analyzeAfterRows {
                    try await s.sql.raw("ANALYZE data_values, \(unsafeRaw: Self.rollupTable)").run()
                }
                return o
            }
        }
    }

    /// Rows an import writes from which PostgreSQL's statistics are taken again at its end.
    static let analyzeAfterRows = 10_000

    /// The previous design, one `upsertValue` (five round trips) per value: kept only as the
    /// reference `scripts/bench-import.sh` measures the bulk import against.
    public func importValuesRowByRow(_ rows: [(line: Int, value: DataValue)], dryRun: Bool) async throws -> ImportOutcome {
        try await transfer(dryRun: dryRun) { s in
            var o = ImportOutcome()
            let touched = RollupTouches()
            for r in rows {
                touched.add(r.value)
                do { o.count(try await s.upsertValue(r.value)) } catch let e as StoreError {
                    o.errors.append("Dòng \(r.line): \(e.description)")
                }
            }
            if o.errors.isEmpty { try await s.refreshRollups(touched) }
            return o
        }
    }

    /// Plans with their pillars, indicators with targets, and tasks, by plan code.
    public func importPlans(_ plans: [PlanContents], dryRun: Bool) async throws -> ImportOutcome {
        try await importPlans(plans.map { p in { _ in p } }, codes: plans.map(\.plan.code), dryRun: dryRun)
    }

    /// Plan headings and pillars from a spreadsheet; the plans' indicators and tasks stay.
    public func importPlanHeaders(_ plans: [Plan], dryRun: Bool) async throws -> ImportOutcome {
        try await importPlans(plans.map { p in { before in PlanContents(plan: p, indicators: before?.indicators ?? [], tasks: before?.tasks ?? []) } },
                              codes: plans.map(\.code), dryRun: dryRun)
    }

    /// Each plan as `contents` makes it from what is stored (nil for a new plan).
    private func importPlans(_ contents: [@Sendable (PlanContents?) -> PlanContents], codes: [String], dryRun: Bool) async throws -> ImportOutcome {
        try await transfer(dryRun: dryRun) { s in
            var o = ImportOutcome()
            for (code, make) in zip(codes, contents) {
                let before = try await s.planContents(slugOrCode: code)
                let after = make(before)
                do {
                    try await s.writePlan(after)
                    o.count(before == nil ? .created : before == after ? .unchanged : .updated)
                } catch let e as StoreError {
                    o.errors.append("Kế hoạch \(code): \(e.description)")
                }
            }
            return o
        }
    }

    /// Indicators (with their targets) into existing plans, by code: listed ones are created or
    /// replaced, the others stay as they are.
    public func importIndicators(_ items: [(planCode: String, indicator: Indicator)], dryRun: Bool) async throws -> ImportOutcome {
        try await merge(items.map { ($0.planCode, $0.indicator) }, dryRun: dryRun, keyPath: \.indicators, code: \.code)
    }

    public func importTasks(_ items: [(planCode: String, task: PlanTask)], dryRun: Bool) async throws -> ImportOutcome {
        try await merge(items.map { ($0.planCode, $0.task) }, dryRun: dryRun, keyPath: \.tasks, code: \.code)
    }

    private func merge<T: Hashable & Sendable>(_ items: [(String, T)], dryRun: Bool, keyPath: WritableKeyPath<PlanContents, [T]> & Sendable,
                                               code: KeyPath<T, String> & Sendable) async throws -> ImportOutcome {
        let plans = items.map(\.0).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return try await transfer(dryRun: dryRun) { s in
            var o = ImportOutcome()
            for plan in plans {
                guard var contents = try await s.planContents(slugOrCode: plan) else {
                    o.errors.append("Kế hoạch \(plan): không tìm thấy (nhập kế hoạch trước)")
                    continue
                }
                var changes: [ImportChange] = []
                for (p, item) in items where p == plan {
                    if let i = contents[keyPath: keyPath].firstIndex(where: { $0[keyPath: code] == item[keyPath: code] }) {
                        changes.append(contents[keyPath: keyPath][i] == item ? .unchanged : .updated)
                        contents[keyPath: keyPath][i] = item
                    } else {
                        changes.append(.created)
                        contents[keyPath: keyPath].append(item)
                    }
                }
                do {
                    try await s.writePlan(contents)
                    changes.forEach { o.count($0) }
                } catch let e as StoreError {
                    o.errors.append("Kế hoạch \(plan): \(e.description)")
                }
            }
            return o
        }
    }

    /// Every plan's contents, for export.
    public func allPlanContents() async throws -> [PlanContents] {
        var out: [PlanContents] = []
        for p in try await PlanModel.query(on: db).sort(\.$code).all() {
            if let c = try await planContents(slugOrCode: p.code) { out.append(c) }
        }
        return out
    }

    private struct Rollback: Error {
        let outcome: ImportOutcome
    }

    func transfer(dryRun: Bool, _ body: @escaping @Sendable (Store) async throws -> ImportOutcome) async throws -> ImportOutcome {
        do {
            return try await db.transaction { tx in
                var o = try await body(Store(tx))
                if dryRun || !o.errors.isEmpty { throw Rollback(outcome: o) }
                o.applied = true
                return o
            }
        } catch let r as Rollback {
            return r.outcome
        }
    }
}
