import DXCore
import FluentKit
import Foundation
import SQLKit

/// A notice claimed by one sender, with the address it goes to.
public struct OutgoingNotice: Sendable {
    public var id: UUID
    public var notice: Notice
    public var address: String
}

extension Store {
    // MARK: Writing notices (the outbox)

    /// Writes notices unless one with the same key exists (a restart or a second server
    /// instance writing the same notice adds nothing). Runs on this store's database, so inside
    /// a transaction the notices are written with the change or not at all. Returns how many were new.
    @discardableResult
    func enqueue(_ items: [(String, Notice)]) async throws -> Int {
        var added = 0
        for (key, n) in items {
            let rows = try await sql.insert(into: NoticeModel.schema)
                .columns("id", "dedupe_key", "kind", "username", "round_code", "unit_code", "subject", "body", "link_path", "status",
                         "attempts", "next_attempt_at", "created_at")
                .values(SQLBind(UUID()), SQLBind(key), SQLBind(n.kind.rawValue), SQLBind(n.username), SQLBind(n.roundCode),
                        SQLBind(n.unitCode), SQLBind(n.subject), SQLBind(n.body), SQLBind(n.linkPath),
                        SQLBind(NoticeStatus.pending.rawValue), SQLBind(0), SQLBind(n.createdAt), SQLBind(n.createdAt))
                .ignoringConflicts(with: ["dedupe_key"])
                .returning("id")
                .all()
            added += rows.count
        }
        return added
    }

    /// The accounts that hear about a unit's report: its active reporters and approvers.
    func unitContacts(_ unitCode: String) async throws -> [(username: String, name: String)] {
        guard let uid = try await UnitModel.query(on: db).filter(\.$code == unitCode).first()?.id else { return [] }
        return try await UserModel.query(on: db).filter(\.$unit.$id == uid).filter(\.$disabled == false).sort(\.$username).all()
            .filter { $0.role == Role.reporter.rawValue || $0.role == Role.approver.rawValue }
            .map { ($0.username, $0.displayName) }
    }

    /// The notices of a workflow step, written in its transaction: a return (with its reason) and
    /// a final approval go to the unit's accounts, except the one who acted.
    func enqueueWorkflowNotices(round: ReportingRound, unit: OrgUnit, action: WorkflowAction, to: ReportState, comment: String?,
                                version: Int, actor: Actor, now: Date) async throws {
        let kind: NoticeKind
        switch (action, to) {
        case (.return, _): kind = .returned
        case (.approve, .approved): kind = .approved
        default: return
        }
        let by = try await UserModel.query(on: db).filter(\.$username == actor.username).first()?.displayName ?? actor.username
        let link = "/rounds/\(round.code)/units/\(unit.code)"
        var items: [(String, Notice)] = []
        for c in try await unitContacts(unit.code) where c.username != actor.username {
            let text = kind == .returned
                ? NoticeTexts.returned(roundTitle: round.title, unitName: unit.name, by: by, reason: comment, recipient: c.name)
                : NoticeTexts.approved(roundTitle: round.title, unitName: unit.name, by: by, recipient: c.name)
            items.append(("\(kind.rawValue):\(round.code):\(unit.code):v\(version):\(c.username)",
                          Notice(kind: kind, username: c.username, roundCode: round.code, unitCode: unit.code, subject: text.subject,
                                 body: text.body, linkPath: link, createdAt: now)))
        }
        try await enqueue(items)
    }

    /// Deadline reminders and coordinators' digests due on `today`, written once each whatever
    /// how often this runs: a reminder is keyed by the reminder day it answers (the nearest of
    /// the round's days not yet passed, so a server that was down catches up with one), a digest
    /// by its day. Closed rounds remind no one. Returns how many notices were new.
    @discardableResult
    public func generateDueNotices(today: CalendarDate, now: Date = Date()) async throws -> Int {
        var added = 0
        let open = try await RoundModel.query(on: db).filter(\.$closed == false).all().map { $0.domain() }
        guard !open.isEmpty else { return 0 }
        let tree = try await unitTree()
        let coordinators = try await UserModel.query(on: db).filter(\.$disabled == false).with(\.$unit).all()
            .map { $0.domain() }.filter { $0.role == .coordinator }
        let names = Dictionary(try await UserModel.query(on: db).all().map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        for round in open {
            let statuses = try await roundUnitStatuses(round)
            var items: [(String, Notice)] = []
            for s in statuses where !s.state.isSubmitted && s.state != .awaitingApproval {
                let left = s.deadline.dayNumber - today.dayNumber
                guard left >= 0, let day = round.reminderDays.filter({ $0 >= left }).min() else { continue }
                for c in try await unitContacts(s.unit.code) {
                    let text = NoticeTexts.reminder(roundTitle: round.title, unitName: s.unit.name, deadline: s.deadline, today: today,
                                                    recipient: c.name)
                    items.append(("reminder:\(round.code):\(s.unit.code):\(s.deadline.iso)-\(day):\(c.username)",
                                  Notice(kind: .reminder, username: c.username, roundCode: round.code, unitCode: s.unit.code,
                                         subject: text.subject, body: text.body, linkPath: "/rounds/\(round.code)/units/\(s.unit.code)",
                                         createdAt: now)))
                }
            }
            let late = statuses.filter { !$0.state.isSubmitted && today > $0.deadline }
            if !late.isEmpty {
                for c in coordinators where AccessPolicy.allows(c, .manageRounds, owner: round.ownerUnitCode, in: tree) {
                    let mine = late.filter { AccessPolicy.isInScope(c, unit: $0.unit.code, in: tree) }
                    guard !mine.isEmpty else { continue }
                    let text = NoticeTexts.digest(roundTitle: round.title,
                                                  late: mine.map { .init(name: $0.unit.name, deadline: $0.deadline, state: $0.state.labelVI) },
                                                  today: today, recipient: names[c.username] ?? c.username)
                    items.append(("digest:\(round.code):\(today.iso):\(c.username)",
                                  Notice(kind: .digest, username: c.username, roundCode: round.code, unitCode: nil, subject: text.subject,
                                         body: text.body, linkPath: "/rounds/\(round.code)", createdAt: now)))
                }
            }
            added += try await enqueue(items)
        }
        return added
    }

    // MARK: Sending (claims with a lease)

    /// Claims up to `limit` notices that are due, for `owner` until `now + lease`: a row is
    /// claimed by one conditional update, so two senders (two server instances) never both take
    /// it; a sender that dies leaves its rows to others when the lease passes. Rows whose account
    /// has no address are marked in-application only and not returned.
    public func claimDueNotices(owner: String, now: Date, lease: TimeInterval, limit: Int) async throws -> [OutgoingNotice] {
        let candidates = try await NoticeModel.query(on: db).filter(\.$status == NoticeStatus.pending.rawValue)
            .filter(\.$nextAttemptAt <= now).sort(\.$nextAttemptAt).limit(limit * 4).all()
        var out: [OutgoingNotice] = []
        for c in candidates where out.count < limit {
            if let until = c.claimedUntil, until > now { continue }
            guard let id = c.id else { continue }
            let claimed = try await sql.update(NoticeModel.schema)
                .set("claimed_until", to: SQLBind(now.addingTimeInterval(lease)))
                .set("claimed_by", to: SQLBind(owner))
                .where("id", .equal, SQLBind(id))
                .where("status", .equal, SQLBind(NoticeStatus.pending.rawValue))
                .where(group: { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThanOrEqual, SQLBind(now)) })
                .returning("id")
                .all()
            guard !claimed.isEmpty else { continue }
            guard let address = try await noticeAddress(username: c.username) else {
                c.status = NoticeStatus.inAppOnly.rawValue
                c.claimedUntil = nil
                c.claimedBy = nil
                try await c.update(on: db)
                continue
            }
            c.address = address
            try await c.update(on: db)
            out.append(OutgoingNotice(id: id, notice: c.domain(), address: address))
        }
        return out
    }

    /// Records that the mail server accepted a notice.
    public func markNoticeSent(_ id: UUID, owner: String, now: Date = Date()) async throws {
        guard let row = try await NoticeModel.find(id, on: db) else { return }
        row.status = NoticeStatus.sent.rawValue
        row.attempts += 1
        row.sentAt = now
        row.lastError = nil
        row.claimedUntil = nil
        row.claimedBy = nil
        try await row.update(on: db)
    }

    /// Records a failed attempt: tried again after the policy's wait, or given up.
    @discardableResult
    public func markNoticeFailed(_ id: UUID, owner: String, error: String, now: Date = Date(),
                                 policy: NoticeRetryPolicy = NoticeRetryPolicy()) async throws -> NoticeStatus {
        guard let row = try await NoticeModel.find(id, on: db) else { return .failed }
        row.attempts += 1
        row.lastError = String(error.prefix(500))
        row.claimedUntil = nil
        row.claimedBy = nil
        if let wait = policy.delay(afterAttempt: row.attempts) {
            row.nextAttemptAt = now.addingTimeInterval(wait)
        } else {
            row.status = NoticeStatus.failed.rawValue
        }
        try await row.update(on: db)
        return NoticeStatus(rawValue: row.status) ?? .failed
    }

    // MARK: Reading

    /// A round's notices, newest first, with the address each went (or will go) to.
    public func notices(roundCode: String) async throws -> [Notice] {
        try await withAddresses(NoticeModel.query(on: db).filter(\.$roundCode == roundCode).sort(\.$createdAt, .descending).all())
    }

    /// An account's own notices, newest first.
    public func notices(username: String, limit: Int = 200) async throws -> [Notice] {
        try await withAddresses(NoticeModel.query(on: db).filter(\.$username == username).sort(\.$createdAt, .descending)
            .limit(limit).all())
    }

    private func withAddresses(_ rows: [NoticeModel]) async throws -> [Notice] {
        let current = try await NoticeAddressModel.query(on: db).with(\.$user).all()
        let byUser = Dictionary(current.map { ($0.user.username, $0.address) }, uniquingKeysWith: { a, _ in a })
        return rows.map { r in
            var n = r.domain()
            if n.address == nil, n.status == .pending { n.address = byUser[n.username] }
            return n
        }
    }

    // MARK: Addresses

    public func noticeAddress(username: String) async throws -> String? {
        guard let uid = try await UserModel.query(on: db).filter(\.$username == username).first()?.id else { return nil }
        return try await NoticeAddressModel.query(on: db).filter(\.$user.$id == uid).first()?.address
    }

    /// Sets (or, with nil or an empty text, removes) the address an account's notices go to.
    public func setNoticeAddress(username: String, _ address: String?, by actor: Actor, now: Date = Date()) async throws {
        let clean = address?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !clean.isEmpty, !MailAddress.isValid(clean) {
            throw StoreError.invalid("Địa chỉ thư điện tử \"\(clean.prefix(80))\" không hợp lệ (ví dụ: ten@so-ttt.gov.vn).")
        }
        try await db.transaction { tx in
            let s = Store(tx)
            guard let user = try await UserModel.query(on: tx).filter(\.$username == username).with(\.$unit).first(), let uid = user.id else {
                throw StoreError.notFound("tài khoản \(username)")
            }
            let row = try await NoticeAddressModel.query(on: tx).filter(\.$user.$id == uid).first()
            let old = row?.address
            guard old != (clean.isEmpty ? nil : clean) else { return }
            if clean.isEmpty {
                try await row?.delete(on: tx)
            } else {
                let r = row ?? NoticeAddressModel()
                r.$user.id = uid
                r.address = clean
                r.updatedAt = now
                try await r.save(on: tx)
            }
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, unitCode: user.unit.code, subject: "account",
                                               subjectCode: username, field: "email", old: old, new: clean.isEmpty ? nil : clean))
        }
    }
}

extension NoticeModel {
    func domain() -> Notice {
        Notice(id: id, kind: NoticeKind(rawValue: kind) ?? .reminder, username: username, roundCode: roundCode, unitCode: unitCode,
               subject: subject, body: body, linkPath: linkPath, status: NoticeStatus(rawValue: status) ?? .pending, attempts: attempts,
               lastError: lastError, createdAt: createdAt, sentAt: sentAt, address: address)
    }
}
