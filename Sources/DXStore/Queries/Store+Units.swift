import DXCore
import FluentKit
import Foundation
import SQLKit

extension Store {
    public func units() async throws -> [OrgUnit] {
        // Raw rows: every page reads the whole tree, and at national scale (thousands of units)
        // Fluent's model decoding was most of that read.
        let rows = try await sql.raw("""
            SELECT u.code, u.name, u.kind, p.code AS parent, u.valid_from, u.valid_to, u.successor_code \
            FROM units u LEFT JOIN units p ON p.id = u.parent_id
            """).all()
        return try rows.map { r in
            OrgUnit(
                code: try r.decode(column: "code", as: String.self), name: try r.decode(column: "name", as: String.self),
                kind: UnitKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .other,
                parentCode: try r.decode(column: "parent", as: String?.self),
                validFrom: try r.decode(column: "valid_from", as: String?.self).flatMap(CalendarDate.init(iso:)),
                validTo: try r.decode(column: "valid_to", as: String?.self).flatMap(CalendarDate.init(iso:)),
                successorCode: try r.decode(column: "successor_code", as: String?.self))
        }.sorted { ($0.kind.sortOrder, $0.code) < ($1.kind.sortOrder, $1.code) }
    }

    public func unitTree() async throws -> UnitTree {
        try UnitTree(try await units())
    }

    public func unit(code: String) async throws -> OrgUnit? {
        try await units().first { $0.code == code }
    }

    /// Creates or updates units by code; parents must come before children or exist already.
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
    }

    func writeUnits(_ units: [OrgUnit]) async throws -> UnitWrite {
        var ids = try await unitIDs()
        var w = UnitWrite()
        for u in units {
            if let p = u.lengthProblems.first {
                w.errors.append("Đơn vị \(FieldLimit.excerpt(u.code)): \(p)")
                continue
            }
            let parentID: UUID?
            if let p = u.parentCode {
                guard let id = ids[p] else {
                    w.errors.append("Đơn vị \(u.code): đơn vị cấp trên \(p) không tồn tại")
                    continue
                }
                parentID = id
            } else {
                parentID = nil
            }
            let row = try await UnitModel.query(on: db).filter(\.$code == u.code).first() ?? UnitModel()
            let isNew = row.id == nil
            let before = isNew ? nil : (row.domain(parentCode: nil), row.$parent.id, row.searchKey)
            row.code = u.code
            row.name = VNText.nfc(u.name)
            row.kind = u.kind.rawValue
            row.$parent.id = parentID
            row.validFrom = u.validFrom?.iso
            row.validTo = u.validTo?.iso
            row.successorCode = u.successorCode
            row.searchKey = VNText.searchKey(u.code + " " + u.name)
            if isNew {
                try await row.create(on: db)
                w.created += 1
            } else if let b = before, b != (row.domain(parentCode: nil), row.$parent.id, row.searchKey) {
                try await row.update(on: db)
                w.updated += 1
            } else {
                w.unchanged += 1
            }
            ids[u.code] = row.id
        }
        return w
    }

    func unitIDs() async throws -> [String: UUID] {
        let rows = try await UnitModel.query(on: db).field(\.$id).field(\.$code).all()
        return Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { (r.code, $0) } })
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

extension UnitModel {
    func domain(parentCode: String?) -> OrgUnit {
        OrgUnit(
            code: code, name: name, kind: UnitKind(rawValue: kind) ?? .other, parentCode: parentCode,
            validFrom: validFrom.flatMap(CalendarDate.init(iso:)), validTo: validTo.flatMap(CalendarDate.init(iso:)),
            successorCode: successorCode)
    }
}
