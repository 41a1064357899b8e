import DXCore
import FluentKit
import Foundation

extension Store {
    /// Appends to the audit trail. There is no update or delete: the application never edits it.
    public func appendAudit(_ e: AuditEntry) async throws {
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
        try await r.create(on: db)
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
