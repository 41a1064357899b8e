import DXCore
import FluentKit
import Foundation

extension Store {
    /// Appends to the audit trail. There is no update or delete: the application never edits it.
    public func appendAudit(_ e: AuditEntry) async throws {
        try await appendAudit([e])
    }

    /// Entries of one change, in statements of many rows: a data-entry form's save writes one
    /// entry a field, and one statement each was most of its round trips.
    public func appendAudit(_ entries: [AuditEntry]) async throws {
        // 13 columns a row: 1,000 rows stay under PostgreSQL's 65,535 parameters.
        for start in stride(from: 0, to: entries.count, by: 1_000) {
            try await entries[start..<min(start + 1_000, entries.count)].map { e in
                let r = AuditEntryModel()
                r.at = e.at
                r.username = e.username
                r.ip = e.ip
                r.roundCode = e.roundCode
                r.unitCode = e.unitCode
                r.planCode = e.planCode
                r.subject = e.subject
                r.subjectCode = e.subjectCode
                r.field = e.field
                r.oldValue = e.old
                r.newValue = e.new
                r.version = e.version
                return r
            }.create(on: db)
        }
    }

    /// Entries, newest first, filtered by round, unit, and subject code (an indicator or task code).
    public func auditEntries(roundCode: String? = nil, unitCodes: Set<String>? = nil, subjectCode: String? = nil,
                             limit: Int = 1000) async throws -> [AuditEntry] {
        var q = AuditEntryModel.query(on: db)
        if let r = roundCode { q = q.filter(\.$roundCode == r) }
        if let u = unitCodes { q = q.filter(\.$unitCode ~~ Array(u)) }
        if let s = subjectCode { q = q.filter(\.$subjectCode == s) }
        return try await q.sort(\.$at, .descending).limit(limit).all().map { $0.domain() }
    }
}

extension AuditEntryModel {
    func domain() -> AuditEntry {
        AuditEntry(at: at, username: username, ip: ip, roundCode: roundCode, unitCode: unitCode, planCode: planCode,
                   subject: subject, subjectCode: subjectCode, field: field, old: oldValue, new: newValue, version: version)
    }
}
