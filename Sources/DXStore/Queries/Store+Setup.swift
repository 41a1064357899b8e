import DXCore
import FluentKit
import Foundation

/// One hit of the set-up search.
public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable { case unit, plan, indicator, task, document }
    public var kind: Kind
    public var code: String
    public var title: String
    /// The plan slug of an indicator or task (and of a plan).
    public var planSlug: String?
    public var archived: Bool
}

/// Editing plans, indicators, tasks and units in the web app, with the checks of the import,
/// an audit entry per change, and archiving instead of deleting.
extension Store {
    /// Finds units, plans, indicators, tasks and documents whose code or name contains every
    /// word of `query`, ignoring case and tone marks (đ = d), via the stored search keys.
    public func search(_ query: String, limit: Int = 30) async throws -> [SearchHit] {
        let words = VNText.searchKey(query).split(separator: " ").map { String($0).replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return [] }
        var hits: [SearchHit] = []
        var units = UnitModel.query(on: db)
        for w in words { units = units.filter(\.$searchKey ~~ w) }
                // Closed units too, named with their last day: a search finds the old and the new.
        hits += try await units.limit(limit).all().map {
            SearchHit(kind: .unit, code: $0.code, title: $0.domain(parentCode: nil).displayName, planSlug: nil, archived: false)
        }
        var plans = PlanModel.query(on: db)
        for w in words { plans = plans.filter(\.$searchKey ~~ w) }
        hits += try await plans.limit(limit).all().map { SearchHit(kind: .plan, code: $0.code, title: $0.title, planSlug: $0.slug, archived: $0.archivedAt != nil) }
        let slugs = Dictionary(uniqueKeysWithValues: try await PlanModel.query(on: db).all().compactMap { p in p.id.map { ($0, p.slug) } })
        var inds = IndicatorModel.query(on: db)
        for w in words { inds = inds.filter(\.$searchKey ~~ w) }
        hits += try await inds.limit(limit).all().map { SearchHit(kind: .indicator, code: $0.code, title: $0.name, planSlug: slugs[$0.$plan.id], archived: $0.archivedAt != nil) }
        var tasks = TaskModel.query(on: db)
        for w in words { tasks = tasks.filter(\.$searchKey ~~ w) }
        hits += try await tasks.limit(limit).all().map { SearchHit(kind: .task, code: $0.code, title: $0.title, planSlug: slugs[$0.$plan.id], archived: $0.archivedAt != nil) }
        var docs = DocumentModel.query(on: db)
        for w in words { docs = docs.filter(\.$searchKey ~~ w) }
        hits += try await docs.limit(limit).all().map { SearchHit(kind: .document, code: $0.number, title: $0.summary, planSlug: nil, archived: false) }
        return hits
    }

    func planRow(_ key: String) async throws -> PlanModel {
        guard let p = try await PlanModel.query(on: db).group(.or, { $0.filter(\.$slug == key).filter(\.$code == key) }).first() else {
            throw StoreError.notFound("kế hoạch \(key)")
        }
        return p
    }

    /// Archived indicators and tasks of a plan too, for the set-up page.
    public func archivedItems(planKey: String) async throws -> (indicators: [String], tasks: [String]) {
        let id = try await planRow(planKey).requireID()
        let i = try await IndicatorModel.query(on: db).filter(\.$plan.$id == id).filter(\.$archivedAt != nil).all().map(\.code)
        let t = try await TaskModel.query(on: db).filter(\.$plan.$id == id).filter(\.$archivedAt != nil).all().map(\.code)
        return (i, t)
    }

    /// Creates a plan or changes its heading fields and pillars (not its indicators or tasks).
    /// Pillars no longer listed are removed unless an indicator or task still uses them.
    public func savePlanHeader(_ p: Plan, by actor: Actor) async throws {
        try requireLengths(p, "Kế hoạch \(FieldLimit.excerpt(p.code))")
        guard !VNText.clean(p.title).isEmpty else { throw StoreError.invalid("Kế hoạch \(p.code): chưa nhập tên.") }
        guard !p.code.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("Chưa nhập số ký hiệu của kế hoạch.") }
        var seen: Set<String> = []
        for pillar in p.pillars where !seen.insert(pillar.code).inserted {
            throw StoreError.invalid("Kế hoạch \(p.code): trụ cột mã \(pillar.code) bị nhập hai lần.")
        }
        try await db.transaction { tx in
            let s = Store(tx)
            let before = try await PlanModel.query(on: tx).filter(\.$code == p.code).first()?.title
            if before == nil, try await PlanModel.query(on: tx).filter(\.$slug == p.slug).first() != nil {
                throw StoreError.conflict("Đã có kế hoạch với định danh URL \"\(p.slug)\".")
            }
            try await s.writePlan(PlanContents(plan: p))
            let planID = try await s.planRow(p.code).requireID()
            let keep = Set(p.pillars.map(\.code))
            for old in try await PillarModel.query(on: tx).filter(\.$plan.$id == planID).all() where !keep.contains(old.code) {
                let usedI = try await IndicatorModel.query(on: tx).filter(\.$plan.$id == planID).filter(\.$pillarCode == old.code).count()
                let usedT = try await TaskModel.query(on: tx).filter(\.$plan.$id == planID).filter(\.$pillarCode == old.code).count()
                guard usedI + usedT == 0 else {
                    throw StoreError.invalid("Trụ cột \(old.code) đang được \(usedI) chỉ tiêu và \(usedT) nhiệm vụ sử dụng: không bỏ được.")
                }
                try await old.delete(on: tx)
            }
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, planCode: p.code, subject: "plan", subjectCode: p.code,
                                               field: before == nil ? "created" : "title", old: before, new: p.title))
        }
    }

    /// Creates or updates an indicator with the checks of the import; targets not listed any
    /// more are removed (targets are set-up, not reported data).
    public func saveIndicator(planKey: String, _ ind: Indicator, by actor: Actor) async throws {
        try await db.transaction { tx in
            let s = Store(tx)
            let plan = try await s.planRow(planKey)
            let planID = try plan.requireID()
            let ctx = "Kế hoạch \(plan.code)"
            guard !ind.code.isEmpty, ind.code.count <= 20 else { throw StoreError.invalid("\(ctx): mã chỉ tiêu phải có từ 1 đến 20 ký tự") }
            guard !VNText.clean(ind.name).isEmpty else { throw StoreError.invalid("\(ctx), chỉ tiêu \(ind.code): chưa nhập tên chỉ tiêu") }
            if let pc = ind.pillarCode {
                let pillars = try await PillarModel.query(on: tx).filter(\.$plan.$id == planID).all().map(\.code)
                guard pillars.contains(pc) else { throw StoreError.invalid("\(ctx), chỉ tiêu \(ind.code): không có trụ cột mã \(pc)") }
            }
            let existing = try await IndicatorModel.query(on: tx).filter(\.$plan.$id == planID).filter(\.$code == ind.code).first()
            let last = try await IndicatorModel.query(on: tx).filter(\.$plan.$id == planID).max(\.$position) ?? -1
            let position = existing?.position ?? last + 1
            try await s.upsertIndicator(ind, planID: planID, position: position, context: ctx)
            let id = try await IndicatorModel.query(on: tx).filter(\.$plan.$id == planID).filter(\.$code == ind.code).first()!.requireID()
            let keep = Set(ind.targets.map { "\($0.year)/\($0.level.rawValue)" })
            for t in try await TargetModel.query(on: tx).filter(\.$indicator.$id == id).all() where !keep.contains("\(t.year)/\(t.level)") {
                try await t.delete(on: tx)
            }
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, planCode: plan.code, subject: "indicator", subjectCode: ind.code,
                                               field: existing == nil ? "created" : "definition", old: existing?.name, new: ind.name))
        }
    }

    public func saveTask(planKey: String, _ task: PlanTask, by actor: Actor) async throws {
        try await db.transaction { tx in
            let s = Store(tx)
            let plan = try await s.planRow(planKey)
            let planID = try plan.requireID()
            let ctx = "Kế hoạch \(plan.code)"
            guard !task.code.isEmpty, task.code.count <= 20 else { throw StoreError.invalid("\(ctx): mã nhiệm vụ phải có từ 1 đến 20 ký tự") }
            guard !VNText.clean(task.title).isEmpty else { throw StoreError.invalid("\(ctx), nhiệm vụ \(task.code): chưa nhập tên nhiệm vụ") }
            if let pc = task.pillarCode {
                let pillars = try await PillarModel.query(on: tx).filter(\.$plan.$id == planID).all().map(\.code)
                guard pillars.contains(pc) else { throw StoreError.invalid("\(ctx), nhiệm vụ \(task.code): không có trụ cột mã \(pc)") }
            }
            let existing = try await TaskModel.query(on: tx).filter(\.$plan.$id == planID).filter(\.$code == task.code).first()
            let last = try await TaskModel.query(on: tx).filter(\.$plan.$id == planID).max(\.$position) ?? -1
            let position = existing?.position ?? last + 1
            try await s.upsertTask(task, planID: planID, position: position, context: ctx)
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, planCode: plan.code, subject: "task", subjectCode: task.code,
                                               field: existing == nil ? "created" : "definition", old: existing?.title, new: task.title))
        }
    }

    public enum Archivable: String, Sendable { case plan, indicator, task }

    /// Archives (or restores) instead of deleting: reported data keeps pointing at it, and old
    /// reports stay reproducible.
    public func setArchived(_ kind: Archivable, planKey: String, code: String?, archived: Bool, by actor: Actor) async throws {
        try await db.transaction { tx in
            let plan = try await Store(tx).planRow(planKey)
            let planID = try plan.requireID()
            let stamp: Date? = archived ? Date() : nil
            switch kind {
            case .plan:
                plan.archivedAt = stamp
                try await plan.update(on: tx)
            case .indicator:
                guard let row = try await IndicatorModel.query(on: tx).filter(\.$plan.$id == planID).filter(\.$code == code ?? "").first() else {
                    throw StoreError.notFound("chỉ tiêu \(code ?? "") của kế hoạch \(plan.code)")
                }
                row.archivedAt = stamp
                try await row.update(on: tx)
            case .task:
                guard let row = try await TaskModel.query(on: tx).filter(\.$plan.$id == planID).filter(\.$code == code ?? "").first() else {
                    throw StoreError.notFound("nhiệm vụ \(code ?? "") của kế hoạch \(plan.code)")
                }
                row.archivedAt = stamp
                try await row.update(on: tx)
            }
            try await Store(tx).appendAudit(AuditEntry(username: actor.username, ip: actor.ip, planCode: plan.code, subject: kind.rawValue,
                                                       subjectCode: code ?? plan.code, field: "archived", old: String(!archived), new: String(archived)))
        }
    }

    /// Creates or updates a unit; the whole tree is checked again (unknown parent, cycles).
    public func saveUnit(_ u: OrgUnit, by actor: Actor) async throws {
        try requireLengths(u, "Đơn vị \(FieldLimit.excerpt(u.code))")
        var all = try await units().filter { $0.code != u.code }
        all.append(u)
        do { _ = try UnitTree(all) } catch { throw StoreError.invalid(error.description) }
        guard !VNText.clean(u.name).isEmpty else { throw StoreError.invalid("Đơn vị \(u.code): chưa nhập tên") }
        try await db.transaction { tx in
            let s = Store(tx)
            let before = try await UnitModel.query(on: tx).filter(\.$code == u.code).first()?.name
            if let e = try await s.writeUnits([u]).errors.first { throw StoreError.invalid(e) }
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, unitCode: u.code, subject: "unit", subjectCode: u.code,
                                               field: before == nil ? "created" : "definition", old: before, new: u.name))
        }
    }
}

extension Store {
    /// One indicator of a plan, archived or not.
    public func indicator(planKey: String, code: String) async throws -> (indicator: Indicator, archived: Bool)? {
        let plan = try await planRow(planKey)
        return try await indicators(planID: plan.requireID(), code: code, unitCodes: try await unitCodesByID()).first
            .map { ($0.0, $0.archived) }
    }

    /// One task of a plan, archived or not.
    public func task(planKey: String, code: String) async throws -> (task: PlanTask, archived: Bool)? {
        let plan = try await planRow(planKey)
        return try await tasks(planID: plan.requireID(), code: code, unitCodes: try await unitCodesByID()).first
            .map { ($0.0, $0.archived) }
    }
}

extension Store {
    /// Creates or updates an official document by its number, audited.
    public func saveDocument(_ d: OfficialDocument, by actor: Actor) async throws {
        try requireLengths(d, "Văn bản \(FieldLimit.excerpt(d.number))")
        guard !d.number.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("Chưa nhập số ký hiệu văn bản.") }
        guard !VNText.clean(d.summary).isEmpty else { throw StoreError.invalid("Văn bản \(d.number): chưa nhập trích yếu.") }
        guard !VNText.clean(d.issuer).isEmpty else { throw StoreError.invalid("Văn bản \(d.number): chưa nhập cơ quan ban hành.") }
        try await db.transaction { tx in
            let s = Store(tx)
            let before = try await DocumentModel.query(on: tx).filter(\.$number == d.number).first()?.summary
            try await s.upsertDocument(d)
            try await s.appendAudit(AuditEntry(username: actor.username, ip: actor.ip, subject: "document", subjectCode: d.number,
                                               field: before == nil ? "created" : "definition", old: before, new: d.summary))
        }
    }
}
