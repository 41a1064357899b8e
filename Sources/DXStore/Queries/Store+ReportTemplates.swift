import DXCore
import FluentKit
import Foundation

/// Saved report templates, issuing a report from one, and the coordinator's edits of the
/// units' narratives before it is issued.
extension Store {
    public func reportTemplates() async throws -> [ReportTemplate] {
        try await ReportTemplateModel.query(on: db).sort(\.$name).all().map { try $0.domain() }
    }

    public func reportTemplate(_ code: String) async throws -> ReportTemplate? {
        try await ReportTemplateModel.query(on: db).filter(\.$code == code).first().map { try $0.domain() }
    }

    /// Creates a template (`creating`, refused when the code is taken) or replaces the one with
    /// the same code, after the template's own checks and checks that its plans, unit and
    /// by-unit indicator exist.
    public func saveReportTemplate(_ t: ReportTemplate, creating: Bool, by actor: Actor) async throws {
        if let first = t.problems().first { throw StoreError.invalid(first.message) }
        let plan = try await planRow(t.planCode)
        for tp in t.taskPlans { _ = try await planRow(tp.code) }
        if let first = try await figureProblems(t.settings.narrativeBlocks ?? []).first { throw StoreError.invalid(first.message) }
        if let u = t.unitCode, try await unit(code: u) == nil { throw StoreError.invalid("Không có đơn vị mã \(u).") }
        if let code = t.settings.byUnitIndicator {
            let found = try await IndicatorModel.query(on: db).filter(\.$plan.$id == plan.requireID()).filter(\.$code == code).count()
            guard found > 0 else { throw StoreError.invalid("Kế hoạch \(plan.code) không có chỉ tiêu \(code).") }
        }
        for code in t.settings.formAppendices ?? [] where try await tableForm(code) == nil {
            throw StoreError.invalid("Không có biểu mẫu \(code).")
        }
        // The ordered task plans go in the settings JSON; the column keeps the first, as before.
        let settings = String(decoding: try JSONEncoder.sorted.encode(t.storedSettings), as: UTF8.self)
        try await db.transaction { tx in
            let existing = try await ReportTemplateModel.query(on: tx).filter(\.$code == t.code).first()
            if creating, existing != nil { throw StoreError.conflict("Đã có mẫu báo cáo mã \(t.code).") }
            guard creating || existing != nil else { throw StoreError.notFound("mẫu báo cáo \(t.code)") }
            let row = existing ?? ReportTemplateModel()
            let before = existing.map { "\($0.name) · \($0.settings)" }
            row.code = t.code
            row.name = VNText.clean(t.name)
            row.planCode = plan.code
            row.tasksPlanCode = t.tasksPlanCode
            row.unitCode = t.unitCode
            row.settings = settings
            row.updatedBy = actor.username
            row.updatedAt = Date()
            try await row.save(on: tx)
            try await Store(tx).appendAudit(AuditEntry(username: actor.username, ip: actor.ip, planCode: plan.code, subject: "reportTemplate",
                                                       subjectCode: t.code, field: existing == nil ? "created" : "settings",
                                                       old: before, new: "\(row.name) · \(settings)"))
        }
    }

    /// The report a template gives for a period, with that number and date.
    public func officialReport(template t: ReportTemplate, period: String, number: Int?, date: CalendarDate,
                               includeUnsubmitted: Bool = false, readAt: Date = Date()) async throws -> OfficialReport {
        try await officialReport(plan: t.planCode, period: period, unit: t.unitCode, taskPlans: t.taskPlans,
                                 settings: t.settings(number: number, date: date), includeUnsubmitted: includeUnsubmitted, readAt: readAt)
    }

    /// Saves the coordinator's version of units' narrative paragraphs for the report of a plan
    /// and period, in one transaction with an audit entry each. Text equal to what the unit
    /// submitted removes the edit; empty text leaves the paragraph out of the report. What the
    /// unit submitted is never changed.
    public func saveNarrativeEdits(plan: String, period: Period, _ changes: [(unitCode: String, section: String, text: String)],
                                   by actor: Actor) async throws {
        let current = try await narratives(plan: plan, period: period)
        try await db.transaction { tx in
            for change in changes {
                guard let n = current.first(where: { $0.unitCode == change.unitCode && $0.section == change.section }) else {
                    throw StoreError.invalid("Đơn vị \(change.unitCode) không có phần “\(change.section)” trong báo cáo đã gửi của kỳ này.")
                }
                let text = change.text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                guard text != n.text else { continue }
                let row = try await NarrativeEditModel.query(on: tx).filter(\.$planCode == plan).filter(\.$period == period.identifier)
                    .filter(\.$unitCode == change.unitCode).filter(\.$section == change.section).first()
                let submitted = n.submitted ?? n.text
                if text == submitted.trimmingCharacters(in: .whitespacesAndNewlines) {
                    try await row?.delete(on: tx)
                } else {
                    let r = row ?? NarrativeEditModel()
                    r.planCode = plan
                    r.period = period.identifier
                    r.unitCode = change.unitCode
                    r.section = change.section
                    r.text = text
                    r.editedBy = actor.username
                    r.editedAt = Date()
                    try await r.save(on: tx)
                }
                try await Store(tx).appendAudit(AuditEntry(username: actor.username, ip: actor.ip, unitCode: change.unitCode, planCode: plan,
                                                           subject: "reportNarrative", subjectCode: period.identifier,
                                                           field: change.section, old: n.text, new: text))
            }
        }
    }
}

extension ReportTemplateModel {
    func domain() throws -> ReportTemplate {
        let s: ReportSettings
        do { s = try JSONDecoder().decode(ReportSettings.self, from: Data(settings.utf8)) } catch {
            throw StoreError.invalid("Mẫu báo cáo \(code) lưu trong cơ sở dữ liệu bị hỏng: \(error)")
        }
        return ReportTemplate(code: code, name: name, planCode: planCode, tasksPlanCode: tasksPlanCode, unitCode: unitCode, settings: s)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
