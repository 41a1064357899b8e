import DXCore
import FluentKit
import Foundation
import SQLKit

/// What applying a change file did, or would do on a dry run.
public struct UnitChangeOutcome: Sendable {
    public var rows = 0
    public var closed = 0
    public var created = 0
    public var links = 0
    /// Open units left under a closed parent (a merged province's departments): a
    /// coordinator says which new unit continues each (`dxtrack units successor`).
    public var unsettled: [OrgUnit] = []
    public var errors: [String] = []
    public var applied = false
}

extension Store {
    /// Applies unit changes in one transaction: closes predecessors the day before each change,
    /// opens the versions a rename or move makes, links every closed version to its successors
    /// with their shares, and writes one audit entry per version closed or opened. Any bad row
    /// and nothing is written; a dry run plans and checks the same and writes nothing.
    public func applyUnitChanges(_ changes: [UnitChange], abolishingDistrictsOn reform: CalendarDate? = nil,
                                 actor: String, source: String, dryRun: Bool) async throws -> UnitChangeOutcome {
        try await db.transaction { tx in
            let s = Store(tx)
            let rows = try await UnitModel.query(on: tx).all()
            var defaults: [UUID: UUID] = [:]
            for l in try await UnitLinkModel.query(on: tx).filter(\.$isDefault == true).all() {
                defaults[l.$predecessor.id] = l.$successor.id
            }
            let plan = UnitChangePlanner.plan(changes, versions: rows.map(\.version), defaultSuccessors: defaults,
                                              abolishingAll: reform == nil ? nil : .district, on: reform)
            var o = UnitChangeOutcome()
            o.rows = plan.rows
            o.errors = plan.errors
            o.closed = plan.ended
            o.created = plan.created.count
            o.links = plan.links.count
            let codes = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r.code) } })
                .merging(plan.created.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
            o.unsettled = plan.unsettled.map {
                OrgUnit(code: $0.code, name: $0.name, kind: $0.kind, parentCode: $0.parentID.flatMap { codes[$0] },
                        validFrom: $0.validFrom, validTo: $0.validTo)
            }
            guard o.errors.isEmpty, !dryRun else { return o }
            try await s.write(plan, rows: rows, codes: codes, actor: actor, source: source)
            try await s.rebuildRollups()
            o.applied = true
            return o
        }
    }

    private func write(_ plan: UnitChangePlan, rows: [UnitModel], codes: [UUID: String], actor: String, source: String) async throws {
        let sql = try self.sql
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r) } })
        let created = plan.created.map { v -> UnitModel in
            let r = UnitModel()
            r.id = v.id
            r.code = v.code
            r.name = VNText.nfc(v.name)
            r.kind = v.kind.rawValue
            r.$parent.id = v.parentID
            r.validFrom = v.validFrom?.iso
            r.validTo = v.validTo?.iso
            r.searchKey = VNText.searchKey(v.code + " " + v.name)
            return r
        }
        for chunk in stride(from: 0, to: created.count, by: 500) {
            try await Array(created[chunk..<min(chunk + 500, created.count)]).create(on: db)
        }
        // Closures grouped by day, a few hundred ids a statement.
        let byDay = Dictionary(grouping: plan.closures, by: \.value)
        for (day, items) in byDay {
            let ids = items.map(\.key)
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                try await UnitModel.query(on: db).set(\.$validTo, to: day.iso)
                    .filter(\.$id ~~ Array(ids[chunk..<min(chunk + 500, ids.count)])).update()
            }
        }
        let batch = UUID()
        let links = plan.links.map { l -> UnitLinkModel in
            let m = UnitLinkModel()
            m.$predecessor.id = l.predecessorID
            m.$successor.id = l.successorID
            m.kind = l.kind.rawValue
            m.effective = l.date.iso
            m.share = l.share
            m.isDefault = l.isDefault
            m.batchID = batch
            return m
        }
        for chunk in stride(from: 0, to: links.count, by: 500) {
            try await Array(links[chunk..<min(chunk + 500, links.count)]).create(on: db)
        }
        // Each closed version names the successor that carries it on, in one statement.
        try await sql.raw("""
            UPDATE units SET successor_code = (SELECT s.code FROM unit_links l JOIN units s ON s.id = l.successor_id
                WHERE l.predecessor_id = units.id AND l.is_default = \(bind: true) AND l.batch_id = \(bind: batch))
            WHERE id IN (SELECT predecessor_id FROM unit_links WHERE is_default = \(bind: true) AND batch_id = \(bind: batch))
            """).run()
        // The trail: one entry per version closed or opened, written in batches.
        var entries: [AuditEntryModel] = []
        let now = Date()
        func entry(_ code: String, _ field: String, _ old: String?, _ new: String?) {
            let e = AuditEntryModel()
            e.at = now
            e.username = actor
            e.unitCode = code
            e.subject = "unit"
            e.subjectCode = code
            e.field = field
            e.oldValue = old
            e.newValue = new
            entries.append(e)
        }
        var targets: [UUID: [String]] = [:]
        for l in plan.links {
            let share = l.share.map { " (" + VNNumber.format($0 * 100, fractionDigits: 2) + "%)" } ?? ""
            targets[l.predecessorID, default: []].append((codes[l.successorID] ?? "?") + share)
        }
        for (id, day) in plan.closures {
            let r = byID[id]
            entry(codes[id] ?? "?", "valid_to", r?.validTo, day.iso + (targets[id].map { " → " + $0.joined(separator: ", ") } ?? ""))
        }
        for (id, to) in targets where plan.closures[id] == nil {
            entry(codes[id] ?? "?", "successors", nil, to.joined(separator: ", "))
        }
        for v in plan.created {
            entry(v.code, "version", nil, "\(v.name) từ \(v.validFrom?.iso ?? "?") · \(source)")
        }
        for chunk in stride(from: 0, to: entries.count, by: 500) {
            try await Array(entries[chunk..<min(chunk + 500, entries.count)]).create(on: db)
        }
    }

    /// The successors of a version, with their shares, for pages and the comparison work.
    public func unitSuccessors(code: String, asOf day: CalendarDate? = nil) async throws -> [(unit: OrgUnit, share: Double?, isDefault: Bool)] {
        guard let id = try await unitID(code: code, asOf: day) else { return [] }
        let byID = try await unitsByID()
        return try await UnitLinkModel.query(on: db).filter(\.$predecessor.$id == id).all().compactMap { l in
            byID[l.$successor.id].map { ($0, l.share, l.isDefault) }
        }
    }

    /// The predecessors of a version, with the share of each that it took.
    public func unitPredecessors(code: String, asOf day: CalendarDate? = nil) async throws -> [(unit: OrgUnit, share: Double?)] {
        guard let id = try await unitID(code: code, asOf: day) else { return [] }
        let byID = try await unitsByID()
        return try await UnitLinkModel.query(on: db).filter(\.$successor.$id == id).all().compactMap { l in
            byID[l.$predecessor.id].map { ($0, l.share) }
        }
    }

    /// Accounts whose unit has closed by `day` go to the unit that carries it on that day,
    /// following default links; one audit entry each. Accounts of a closed unit without a
    /// successor are listed and left.
    /// - Parameter only: when given, the accounts that may move (a coordinator's page moves
    ///   those within the coordinator's scope); the others are neither moved nor listed.
    public func moveAccountsOfClosedUnits(asOf day: CalendarDate, actor: String, dryRun: Bool,
                                          only: (@Sendable (_ username: String, _ toCode: String) -> Bool)? = nil) async throws
        -> (moved: [(username: String, from: String, to: String)], stranded: [(username: String, unit: String)]) {
        try await db.transaction { tx in
            let units = try await UnitModel.query(on: tx).all()
            let byID = Dictionary(uniqueKeysWithValues: units.compactMap { r in r.id.map { ($0, r) } })
            var next: [UUID: UUID] = [:]
            for l in try await UnitLinkModel.query(on: tx).filter(\.$isDefault == true).all() { next[l.$predecessor.id] = l.$successor.id }
            var moved: [(String, String, String)] = []
            var stranded: [(String, String)] = []
            for user in try await UserModel.query(on: tx).sort(\.$username).all() {
                guard let unit = byID[user.$unit.id], let to = unit.to, to < day else { continue }
                var cur = user.$unit.id
                var seen: Set<UUID> = []
                while seen.insert(cur).inserted, let r = byID[cur], !r.version.isValid(on: day), let n = next[cur] { cur = n }
                guard cur != user.$unit.id, let target = byID[cur], target.version.isValid(on: day) else {
                    stranded.append((user.username, "\(unit.code) \(unit.name)"))
                    continue
                }
                if let only, !only(user.username, target.code) { continue }
                moved.append((user.username, "\(unit.code) \(unit.name)", "\(target.code) \(target.name)"))
                guard !dryRun else { continue }
                user.$unit.id = cur
                try await user.update(on: tx)
                try await Store(tx).appendAudit(AuditEntry(username: actor, unitCode: target.code, subject: "account",
                                                           subjectCode: user.username, field: "unit",
                                                           old: "\(unit.code) \(unit.name)", new: "\(target.code) \(target.name)"))
            }
            return (moved.map { ($0.0, $0.1, $0.2) }, stranded.map { ($0.0, $0.1) })
        }
    }
}

/// An open unit under a parent that has closed, with the units that could carry it on: those
/// of its kind under the parent's successor.
public struct UnsettledUnit: Sendable {
    public var unit: OrgUnit
    public var parent: OrgUnit
    /// The day its successor starts: the day after its parent ended.
    public var day: CalendarDate
    public var candidates: [OrgUnit]
}

extension Store {
    /// Open units whose parent had closed by `day`: a merged province's departments until a
    /// coordinator says which new department continues each.
    public func unsettledUnits(asOf day: CalendarDate = .today()) async throws -> [UnsettledUnit] {
        let rows = try await UnitModel.query(on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r) } })
        var next: [UUID: UUID] = [:]
        for l in try await UnitLinkModel.query(on: db).filter(\.$isDefault == true).all() { next[l.$predecessor.id] = l.$successor.id }
        func domain(_ r: UnitModel) -> OrgUnit { r.domain(parentCode: r.$parent.id.flatMap { byID[$0]?.code }) }
        var result: [UnsettledUnit] = []
        for r in rows where r.version.isValid(on: day) && next[r.id!] == nil {
            guard let pid = r.$parent.id, let p = byID[pid], let end = p.to, end < day else { continue }
            let successor = next[pid]
            let candidates = rows.filter { c in c.$parent.id == successor && successor != nil && c.kind == r.kind && c.version.isValid(on: day) }
            result.append(UnsettledUnit(unit: domain(r), parent: domain(p), day: end.adding(days: 1),
                                        candidates: candidates.map(domain).sorted { $0.name < $1.name }))
        }
        return result.sorted { ($0.parent.code, $0.unit.code) < ($1.parent.code, $1.unit.code) }
    }
}
