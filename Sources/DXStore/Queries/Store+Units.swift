import DXCore
import FluentKit
import Foundation
import SQLKit

/// Units with validity: each row is one version of a unit (one code, one name, one parent for
/// its whole validity), and a code names at most one version on any day. A lookup by code is
/// therefore always "as of a day": by default today, for a period its last day.
extension Store {
    /// Every stored version, closed ones included.
    public func unitVersions() async throws -> [UnitVersion] {
        try await unitRows().map(\.version)
    }

    /// One unit per code: the version the code names on `day` (default today); a code with no
    /// version valid that day names its last closed one, so old units stay readable. A version
    /// whose parent's code names another unit that day is a root of the tree.
    public func units(asOf day: CalendarDate? = nil) async throws -> [OrgUnit] {
        try await pickedUnits(on: day ?? .today()).units
    }

    /// Only the versions valid on `day` (what a round of a period ending that day expects).
    public func units(validOn day: CalendarDate) async throws -> [OrgUnit] {
        try await units(asOf: day).filter { $0.isValid(on: day) }
    }

    public func unitTree(asOf day: CalendarDate? = nil) async throws -> UnitTree {
        try await pickedUnits(on: day ?? .today()).tree.get()
    }

    public func unit(code: String, asOf day: CalendarDate? = nil) async throws -> OrgUnit? {
        if unitCache != nil, !db.inTransaction {
            // The server's copy of the table answers without a query by code.
            let rows = try await unitRows()
            guard let row = UnitVersionPicker.pick(rows.filter { $0.code == code }, on: day ?? .today(), from: \.from, to: \.to) else { return nil }
            return row.domain(parentCode: row.parentID.flatMap { p in rows.first { $0.id == p }?.code })
        }
        let rows = try await UnitModel.query(on: db).filter(\.$code == code).all()
        guard let row = UnitVersionPicker.pick(rows, on: day ?? .today(), from: \.from, to: \.to) else { return nil }
        let parent = try await row.$parent.id.asyncMap { try await UnitModel.find($0, on: db)?.code }
        return row.domain(parentCode: parent ?? nil)
    }

    /// The row ids of every version of a code.
    func versionIDs(code: String) async throws -> [UUID] {
        if unitCache != nil, !db.inTransaction {
            return try await unitRows().filter { $0.code == code }.map(\.id)
        }
        return try await UnitModel.query(on: db).filter(\.$code == code).all().compactMap(\.id)
    }

    /// Units, closed ones included, whose code or name contains the search text: both the old
    /// and the new units of a reform are found.
    public func searchUnits(_ text: String, limit: Int = 50) async throws -> [OrgUnit] {
        let key = VNText.searchKey(text)
        guard !key.isEmpty else { return [] }
        let byID = try await unitsByID()
        let rows = try await UnitModel.query(on: db).filter(\.$searchKey, .custom("LIKE"), "%\(key)%").limit(limit).all()
        return rows.compactMap { $0.id.flatMap { byID[$0] } }
            .sorted { ($0.code, $0.validFrom?.iso ?? "") < ($1.code, $1.validFrom?.iso ?? "") }
    }

    static func pick(_ rows: [UnitRow], on day: CalendarDate) -> (units: [OrgUnit], ids: [String: UUID]) {
        var byCode: [String: [UnitRow]] = [:]
        for r in rows { byCode[r.code, default: []].append(r) }
        var picked: [String: UnitRow] = [:]
        for (code, versions) in byCode {
            picked[code] = versions.count == 1 ? versions[0] : UnitVersionPicker.pick(versions, on: day, from: \.from, to: \.to)
        }
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        let units = picked.values.map { r -> OrgUnit in
            var parentCode: String?
            if let pid = r.parentID, let p = byID[pid], picked[p.code]?.id == pid { parentCode = p.code }
            return r.domain(parentCode: parentCode)
        }.sorted { ($0.kind.sortOrder, $0.code) < ($1.kind.sortOrder, $1.code) }
        return (units, picked.mapValues(\.id))
    }

    /// Creates or updates units; parents must come before children or exist already.
    /// Returns how many rows were created and updated.
    @discardableResult
    public func upsertUnits(_ units: [OrgUnit]) async throws -> (created: Int, updated: Int) {
        try await db.transaction { tx in
            let w = try await Store(tx).writeUnits(units)
            if let first = w.errors.first { throw StoreError.invalid(first) }
            return (w.created, w.updated)
        }
    }

    /// What writing units did; a unit whose parent is unknown is skipped with an error.
    struct UnitWrite {
        var created = 0, updated = 0, unchanged = 0
        var errors: [String] = []
        /// Earlier units of a code that a dated list's unit took over, closed the day before.
        var closedForReuse: [String] = []
    }

    /// A unit matches the stored version of its code with the same first day (its era); a
    /// unit of a dated list (the 2025 list, from 1/7/2025) whose code an older open unit holds
    /// closes that unit the day before; any other overlap is two units with one code on the
    /// same day, refused. All rows are read once and new ones inserted in batches, so the
    /// national lists load in seconds.
    func writeUnits(_ units: [OrgUnit]) async throws -> UnitWrite {
        let rows = try await UnitModel.query(on: db).all()
        var byCode: [String: [UnitModel]] = [:]
        for r in rows { byCode[r.code, default: []].append(r) }
        var w = UnitWrite()
        var created: [UnitModel] = []
        var updated: [ObjectIdentifier: UnitModel] = [:]
        let today = CalendarDate.today()
        let span = UnitVersion.span
        for u in units {
            if let p = u.lengthProblems.first {
                w.errors.append("Đơn vị \(FieldLimit.excerpt(u.code)): \(p)")
                continue
            }
            if let f = u.validFrom, let t = u.validTo, t < f {
                w.errors.append("Đơn vị \(u.code): ngày hết hiệu lực \(t.vn) trước ngày bắt đầu \(f.vn)")
                continue
            }
            let day = u.validFrom ?? u.validTo ?? today
            var parentID: UUID?
            if let p = u.parentCode {
                let candidates = byCode[p] ?? []
                // The parent version whose validity covers the child's, else the one valid on its
                // first day; a dated child needs a parent version that shares a day with it.
                let covering = candidates.first { c in
                    (c.from == nil || u.validFrom.map { c.from! <= $0 } == true) && (c.to == nil || u.validTo.map { $0 <= c.to! } == true)
                }
                guard let parent = covering ?? UnitVersionPicker.pick(candidates, on: day, from: \.from, to: \.to) else {
                    w.errors.append("Đơn vị \(u.code): đơn vị cấp trên \(p) không tồn tại")
                    continue
                }
                if u.validFrom != nil || u.validTo != nil, !parent.version.overlaps(from: u.validFrom, to: u.validTo) {
                    w.errors.append("Đơn vị \(u.code) (\(span(u.validFrom, u.validTo))): đơn vị cấp trên \(p) không có hiệu lực trong thời gian này")
                    continue
                }
                parentID = parent.id
            }
            let versions = byCode[u.code] ?? []
            var row = versions.first { $0.validFrom == u.validFrom?.iso }
            // A stored version given another end must not then share a day with the next one.
            if let r = row, let clash = versions.first(where: { $0 !== r && $0.version.overlaps(from: u.validFrom, to: u.validTo) }) {
                let old = clash.version
                w.errors.append("Đơn vị \(u.code): mã này đang là \(old.name) (\(span(old.validFrom, old.validTo))); "
                    + "tệp cho \(u.name) hiệu lực \(span(u.validFrom, u.validTo)), trùng thời gian.")
                continue
            }
            if row == nil, let clash = versions.first(where: { $0.version.overlaps(from: u.validFrom, to: u.validTo) }) {
                let old = clash.version
                if let f = u.validFrom, old.validTo == nil, old.validFrom.map({ $0 < f }) ?? true {
                    // A dated list takes the code over from its first day.
                    clash.validTo = f.adding(days: -1).iso
                    updated[ObjectIdentifier(clash)] = clash
                    w.updated += 1
                    w.closedForReuse.append("\(old.code) \(old.name) (đến \(f.adding(days: -1).vn))")
                } else {
                    w.errors.append("Đơn vị \(u.code): mã này đang là \(old.name) (\(span(old.validFrom, old.validTo))); "
                        + "tệp dùng cho \(u.name) (\(span(u.validFrom, u.validTo))). "
                        + "Hai đơn vị khác nhau không dùng chung mã trong cùng thời gian.")
                    continue
                }
            }
            let isNew = row == nil
            let r = row ?? UnitModel()
            let before = isNew ? nil : (r.domain(parentCode: nil), r.$parent.id, r.searchKey)
            if isNew { r.id = UUID() }
            r.code = u.code
            r.name = VNText.nfc(u.name)
            r.kind = u.kind.rawValue
            r.$parent.id = parentID
            r.validFrom = u.validFrom?.iso
            r.validTo = u.validTo?.iso
            r.successorCode = u.successorCode
            r.searchKey = VNText.searchKey(u.code + " " + u.name)
            if isNew {
                created.append(r)
                byCode[u.code, default: []].append(r)
                w.created += 1
            } else if let b = before, b != (r.domain(parentCode: nil), r.$parent.id, r.searchKey) {
                updated[ObjectIdentifier(r)] = r
                w.updated += 1
            } else if updated[ObjectIdentifier(r)] == nil {
                w.unchanged += 1
            }
            row = r
        }
        guard w.errors.isEmpty else { return w }
        // New rows first (an updated row may now point at one), parents before children.
        for chunk in stride(from: 0, to: created.count, by: 500) {
            try await Array(created[chunk..<min(chunk + 500, created.count)]).create(on: db)
        }
        for r in updated.values { try await r.update(on: db) }
        // A version may have moved under another parent: rare, so every rollup is rebuilt.
        if !updated.isEmpty { try await rebuildRollups() }
        return w
    }

    /// The id of the version each code names on `day` (default today).
    func unitIDs(asOf day: CalendarDate? = nil) async throws -> [String: UUID] {
        try await pickedUnits(on: day ?? .today()).ids
    }

    /// The version a code names on `day` (default today), as `unit(code:asOf:)` picks it.
    func unitID(code: String, asOf day: CalendarDate? = nil) async throws -> UUID? {
        let rows = try await UnitModel.query(on: db).filter(\.$code == code).all()
        return UnitVersionPicker.pick(rows, on: day ?? .today(), from: \.from, to: \.to)?.id
    }
}

extension UnitKind {
    var sortOrder: Int {
        switch self {
        case .province: 0
        case .department: 1
        case .district: 2
        case .commune: 3
        case .other: 4
        }
    }
}

extension CalendarDate {
    /// 30/6/2025, as dates are written in sentences.
    var vn: String { "\(day)/\(month)/\(year)" }
}

extension UnitModel {
    /// The row as `UnitRow`, whose mapping to the domain is the one both share.
    var row: UnitRow {
        UnitRow(id: id ?? UUID(), code: code, name: name, kind: kind, parentID: $parent.id, validFrom: validFrom,
                validTo: validTo, successorCode: successorCode)
    }

    func domain(parentCode: String?) -> OrgUnit { row.domain(parentCode: parentCode) }
    // Read alone: some queries fetch only the validity and the code (`ValueImportCatalog`).
    var from: CalendarDate? { validFrom.flatMap(CalendarDate.init(iso:)) }
    var to: CalendarDate? { validTo.flatMap(CalendarDate.init(iso:)) }
    var version: UnitVersion { row.version }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let w = self else { return nil }
        return try await f(w)
    }
}

extension Store {
    /// Every version, parents before children (by depth), then by code and first day: what
    /// `dxtrack export units` writes and `import units` reads back.
    public func allUnitVersions() async throws -> [OrgUnit] {
        let rows = try await UnitModel.query(on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r) } })
        func depth(_ r: UnitModel) -> Int {
            var d = 0, cur = r.$parent.id
            var seen: Set<UUID> = []
            while let c = cur, seen.insert(c).inserted, let p = byID[c] { d += 1; cur = p.$parent.id }
            return d
        }
        return rows.map { r in (depth(r), r) }
            .sorted { ($0.0, $0.1.code, $0.1.validFrom ?? "") < ($1.0, $1.1.code, $1.1.validFrom ?? "") }
            .map { $0.1.domain(parentCode: $0.1.$parent.id.flatMap { byID[$0]?.code }) }
    }
}
