import DXCore
import Foundation
import SQLKit
import Synchronization

/// The unit table as a server last read it, kept with the table's revision token
/// (`M025UnitRevision`). Pages need the whole tree — for scope checks, names and the period's
/// versions — several times a request; with the cache each of those costs one single-row read
/// of the token instead of the table, so a page's cost does not grow with the country's unit
/// list. Nothing can be stale: the token is read in the request, from the database that every
/// instance shares, and triggers change it on any write to `units`.
public final class UnitRowsCache: Sendable {
    struct Entry {
        var token: Int64
        var rows: [UnitRow]
        /// The tree as of a day, built at most once per token and day.
        var picks: [CalendarDate: Picked] = [:]
        /// Every version as a unit, by row id (`unitsByID`).
        var byID: [UUID: OrgUnit]?
        /// Every version's code, by row id (`unitCodesByID`).
        var codes: [UUID: String]?
    }

    struct Picked: Sendable {
        /// Every version, as `unitRows()` gives them.
        var rows: [UnitRow]
        var units: [OrgUnit]
        var ids: [String: UUID]
        var tree: Result<UnitTree, UnitTree.Problem>
    }

    private let latest = Mutex<Entry?>(nil)

    public init() {}

    func rows(token: Int64) -> [UnitRow]? {
        latest.withLock { $0?.token == token ? $0?.rows : nil }
    }

    func store(_ rows: [UnitRow], token: Int64) {
        latest.withLock { $0 = Entry(token: token, rows: rows) }
    }

    /// A map made from the rows (`byID`, `codes`), when it was kept under `token`.
    func derived<T: Sendable>(_ field: WritableKeyPath<Entry, T?>, token: Int64) -> T? {
        latest.withLock { $0?.token == token ? $0?[keyPath: field] : nil }
    }

    /// Keeps a map made from the rows of `token`, unless the rows kept are newer.
    func keep<T: Sendable>(_ value: T, as field: WritableKeyPath<Entry, T?>, token: Int64) {
        latest.withLock { entry in
            guard entry?.token == token else { return }
            entry![keyPath: field] = value
        }
    }

    func picked(token: Int64, day: CalendarDate) -> Picked? {
        latest.withLock { $0?.token == token ? $0?.picks[day] : nil }
    }

    func store(_ picked: Picked, token: Int64, day: CalendarDate) {
        latest.withLock { entry in
            guard entry?.token == token else { return }
            // Days are today's and periods' ends: a handful, but a caller could ask for any.
            if entry!.picks.count >= 64 { entry!.picks.removeAll() }
            entry!.picks[day] = picked
        }
    }
}

extension Store {
    /// The revision token of the unit table, when this store may use the cache: outside a
    /// transaction, which may have written units that only it can see.
    func unitRevision() async throws -> (UnitRowsCache, Int64)? {
        guard let cache = unitCache, !db.inTransaction else { return nil }
        func read() async throws -> Int64? {
            // A database whose migrations have not reached M025 yet is read directly.
            guard let row = try? await sql.raw("SELECT token FROM unit_revision").first() else { return nil }
            return try row.decode(column: "token", as: Int64.self)
        }
        // Under a snapshot, all three tokens in the one statement the request reads them with.
        let token = if snapshot != nil { try await revisionTokens()?.units } else { try await read() }
        return token.map { (cache, $0) }
    }

    /// Every unit version, closed ones included.
    func unitRows() async throws -> [UnitRow] {
        guard let (cache, token) = try await unitRevision() else { return try await readUnitRows() }
        return try await unitRows(cache, token)
    }

    private func unitRows(_ cache: UnitRowsCache, _ token: Int64) async throws -> [UnitRow] {
        if let rows = cache.rows(token: token) { return rows }
        let rows = try await readUnitRows()
        cache.store(rows, token: token)
        return rows
    }

    /// Every version as a unit, by row id: what a stored row (a round's unit, an account's
    /// unit) was, whatever its code names today.
    public func unitsByID() async throws -> [UUID: OrgUnit] {
        func build(_ rows: [UnitRow]) -> [UUID: OrgUnit] {
            let codeByID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.code) })
            return Dictionary(uniqueKeysWithValues: rows.map { r in
                (r.id, r.domain(parentCode: r.parentID.flatMap { codeByID[$0] }))
            })
        }
        guard let (cache, token) = try await unitRevision() else { return build(try await readUnitRows()) }
        if let hit = cache.derived(\.byID, token: token) { return hit }
        let map = build(try await unitRows(cache, token))
        cache.keep(map, as: \.byID, token: token)
        return map
    }

    /// Every version's code by row id: how a read of figures names their units without a join.
    func unitCodesByID() async throws -> [UUID: String] {
        func build(_ rows: [UnitRow]) -> [UUID: String] {
            Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.code) })
        }
        guard let (cache, token) = try await unitRevision() else { return build(try await readUnitRows()) }
        if let hit = cache.derived(\.codes, token: token) { return hit }
        let map = build(try await unitRows(cache, token))
        cache.keep(map, as: \.codes, token: token)
        return map
    }

    /// One version per code as of `day` (`pick`), and its tree when it makes one.
    func pickedUnits(on day: CalendarDate) async throws -> UnitRowsCache.Picked {
        func build(_ rows: [UnitRow]) -> UnitRowsCache.Picked {
            let p = Self.pick(rows, on: day)
            return UnitRowsCache.Picked(rows: rows, units: p.units, ids: p.ids, tree: Result { () throws(UnitTree.Problem) in try UnitTree(p.units) })
        }
        guard let (cache, token) = try await unitRevision() else { return build(try await readUnitRows()) }
        if let hit = cache.picked(token: token, day: day) { return hit }
        let picked = build(try await unitRows(cache, token))
        cache.store(picked, token: token, day: day)
        return picked
    }

    private func readUnitRows() async throws -> [UnitRow] {
        try await sql.raw("SELECT id, code, name, kind, parent_id, valid_from, valid_to, successor_code FROM units").all().map { r in
            UnitRow(id: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                    name: try r.decode(column: "name", as: String.self), kind: try r.decode(column: "kind", as: String.self),
                    parentID: try r.decode(column: "parent_id", as: UUID?.self),
                    validFrom: try r.decode(column: "valid_from", as: String?.self),
                    validTo: try r.decode(column: "valid_to", as: String?.self),
                    successorCode: try r.decode(column: "successor_code", as: String?.self))
        }
    }
}
