import DXCore
import FluentKit
import Foundation

/// The heading and signature a unit gives the reports it issues.
extension Store {
    /// The unit's saved heading; nil when it has saved none (the derived heading applies).
    public func unitReportHeading(_ code: String) async throws -> UnitReportHeading? {
        guard let id = try await unitID(code: code), let unit = try await UnitModel.find(id, on: db) else { return nil }
        guard let row = try await UnitReportHeadingModel.query(on: db).filter(\.$unit.$id == unit.requireID()).first() else { return nil }
        return try JSONDecoder().decode(UnitReportHeading.self, from: Data(row.heading.utf8))
    }

    /// The settings of a report `code` issues without a template: the heading its place in the
    /// tree gives, with the unit's saved choices over it.
    public func reportSettings(issuedBy code: String, date: CalendarDate) async throws -> ReportSettings {
        let tree = try await unitTree()
        guard let unit = tree[code] else { throw StoreError.notFound("đơn vị \(code)") }
        return .issued(by: unit, in: tree, date: date, heading: try await unitReportHeading(code))
    }

    /// Saves the unit's heading (an empty one removes it), audited.
    public func saveUnitReportHeading(_ heading: UnitReportHeading, for code: String, by actor: Actor) async throws {
        let h = heading.normalized
        if let first = h.problems().first { throw StoreError.invalid(first.message) }
        guard let id = try await unitID(code: code), let unit = try await UnitModel.find(id, on: db) else {
            throw StoreError.notFound("đơn vị \(code)")
        }
        let json = String(decoding: try JSONEncoder.sorted.encode(h), as: UTF8.self)
        try await db.transaction { tx in
            let existing = try await UnitReportHeadingModel.query(on: tx).filter(\.$unit.$id == unit.requireID()).first()
            let before = existing?.heading
            guard before != json, !(existing == nil && h.isEmpty) else { return }
            if h.isEmpty {
                try await existing?.delete(on: tx)
            } else {
                let row = existing ?? UnitReportHeadingModel()
                row.$unit.id = try unit.requireID()
                row.heading = json
                row.updatedBy = actor.username
                row.updatedAt = Date()
                try await row.save(on: tx)
            }
            try await Store(tx).appendAudit(AuditEntry(username: actor.username, ip: actor.ip, unitCode: code, subject: "unit",
                                                       subjectCode: code, field: "reportHeading", old: before, new: h.isEmpty ? nil : json))
        }
    }
}
