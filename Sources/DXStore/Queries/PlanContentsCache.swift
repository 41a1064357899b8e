import DXCore
import Foundation
import SQLKit
import Synchronization

/// A plan as pages use it: its contents, and the row ids of its indicators and tasks by code
/// (archived ones included, which stored figures may still name).
struct CachedPlan: Sendable {
    var id: UUID
    var contents: PlanContents
    var indicatorIDs: [String: UUID]
    var taskIDs: [String: UUID]
}

/// The plans a server last read, kept with the revision tokens of plans (`M028PlanRevision`)
/// and units (the contents name units by code) they were read under. A data-entry page reads
/// the plans of its round and a dashboard its plan several times a request, each six
/// statements; with the cache each costs one single-row read of the two tokens. As with
/// `UnitRowsCache`, nothing can be stale: the tokens are read in the request from the database
/// every instance shares, and triggers change them on any write.
public final class PlanContentsCache: Sendable {
    struct Tokens: Hashable {
        var plans: Int64
        var units: Int64
    }

    private struct Entry {
        var tokens: Tokens
        /// By the slug or code a caller asked with.
        var plans: [String: CachedPlan]
    }

    private let latest = Mutex<Entry?>(nil)

    public init() {}

    func plan(_ key: String, tokens: Tokens) -> CachedPlan? {
        latest.withLock { $0?.tokens == tokens ? $0?.plans[key] : nil }
    }

    func store(_ plan: CachedPlan, key: String, tokens: Tokens) {
        latest.withLock { entry in
            if entry?.tokens != tokens { entry = Entry(tokens: tokens, plans: [:]) }
            // Keys are the plans' slugs and codes, a few dozen; a caller could ask for any text.
            if entry!.plans.count >= 256 { entry!.plans.removeAll() }
            entry!.plans[key] = plan
        }
    }
}

extension Store {
    /// The revision tokens of units, plans and facts, read once a request under a snapshot, when
    /// this store may use what was kept under them: outside a transaction, which may have
    /// written what only it can see, and on a database that has the tokens.
    public func revisionTokens() async throws -> RevisionTokens? {
        guard !db.inTransaction else { return nil }
        func read() async throws -> RevisionTokens? {
            // One row of three scalar reads, not a join of the three tables: a planner without
            // statistics on them costed the join as millions of rows.
            guard let row = try? await sql.raw("""
                SELECT (SELECT token FROM unit_revision) AS u, (SELECT token FROM plan_revision) AS p, (SELECT token FROM fact_revision) AS f
                """).first(),
                let units = try row.decode(column: "u", as: Int64?.self), let plans = try row.decode(column: "p", as: Int64?.self),
                let facts = try row.decode(column: "f", as: Int64?.self) else { return nil }
            return .init(units: units, plans: plans, facts: facts)
        }
        return if let snapshot { try await snapshot.tokens(orRead: read) } else { try await read() }
    }

    /// The plan cache and the tokens it is valid for, when this store may use it.
    private func planRevision() async throws -> (PlanContentsCache, PlanContentsCache.Tokens)? {
        guard let cache = planCache, let tokens = try await revisionTokens() else { return nil }
        return (cache, .init(plans: tokens.plans, units: tokens.units))
    }

    /// The plan of `key` (slug or code) from the cache, read and kept on a miss; `.none` without
    /// a cache, `.some(nil)` when no plan has that key.
    private func cachedPlan(_ key: String) async throws -> CachedPlan?? {
        guard let revision = try await planRevision() else { return .none }
        return .some(try await plan(key, revision))
    }

    /// The plans of `keys` with their row ids, in order, unknown keys left out: the tokens read
    /// once for them all.
    func plansWithIDs(_ keys: [String]) async throws -> [CachedPlan] {
        let revision = try await planRevision()
        var plans: [CachedPlan] = []
        for key in keys {
            if let p = try await plan(key, revision) { plans.append(p) }
        }
        return plans
    }

    private func plan(_ key: String, _ revision: (PlanContentsCache, PlanContentsCache.Tokens)?) async throws -> CachedPlan? {
        if let (cache, tokens) = revision, let hit = cache.plan(key, tokens: tokens) { return hit }
        guard let (planID, contents) = try await readPlanContents(slugOrCode: key) else { return nil }
        let plan = CachedPlan(id: planID, contents: contents, indicatorIDs: try await itemIDs(planID: planID, table: "indicators"),
                              taskIDs: try await itemIDs(planID: planID, table: "tasks"))
        if let (cache, tokens) = revision { cache.store(plan, key: key, tokens: tokens) }
        return plan
    }

    public func plan(slugOrCode key: String) async throws -> Plan? {
        if let cached = try await cachedPlan(key) { return cached?.contents.plan }
        return try await planRow(slugOrCode: key)?.plan
    }

    /// The plan with its indicators (and targets) and tasks, in document order.
    public func planContents(slugOrCode key: String) async throws -> PlanContents? {
        if let cached = try await cachedPlan(key) { return cached?.contents }
        return try await readPlanContents(slugOrCode: key)?.1
    }

    private func readPlanContents(slugOrCode key: String) async throws -> (UUID, PlanContents)? {
        guard let (planID, plan) = try await planRow(slugOrCode: key) else { return nil }
        let codes = try await unitCodesByID()
        return (planID, PlanContents(plan: plan, indicators: try await indicators(planID: planID, unitCodes: codes).map(\.0),
                                     tasks: try await tasks(planID: planID, unitCodes: codes).map(\.0)))
    }

    func indicatorIDs(planCode: String) async throws -> [String: UUID] {
        if let cached = try await cachedPlan(planCode) { return cached?.indicatorIDs ?? [:] }
        return try await itemIDs(planCode: planCode, table: "indicators")
    }

    func taskIDs(planCode: String) async throws -> [String: UUID] {
        if let cached = try await cachedPlan(planCode) { return cached?.taskIDs ?? [:] }
        return try await itemIDs(planCode: planCode, table: "tasks")
    }

    /// Row ids of a plan's indicators or tasks by code, archived ones included: two columns of
    /// raw rows (models cost a reflection per row).
    func itemIDs(planCode: String, table: String) async throws -> [String: UUID] {
        try Self.itemIDs(try await sql.raw("""
            SELECT i.code, i.id FROM \(ident: table) i JOIN plans p ON p.id = i.plan_id WHERE p.code = \(bind: planCode)
            """).all())
    }

    private func itemIDs(planID: UUID, table: String) async throws -> [String: UUID] {
        try Self.itemIDs(try await sql.raw("SELECT i.code, i.id FROM \(ident: table) i WHERE i.plan_id = \(bind: planID)").all())
    }

    private static func itemIDs(_ rows: [any SQLRow]) throws -> [String: UUID] {
        Dictionary(try rows.map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "id", as: UUID.self)) },
                   uniquingKeysWith: { a, _ in a })
    }
}
