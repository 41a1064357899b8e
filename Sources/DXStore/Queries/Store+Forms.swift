import DXCore
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// A table form in one unit's report: the rows the unit fills and what it entered.
public struct ReportFormPart: Sendable {
    public var form: CompiledTableForm
    public var rows: [FormRowCategory]
    /// Entered rows by row key.
    public var entries: [String: FormRowInput]

    public var code: String { form.form.code }
    public func key(_ row: FormRowCategory) -> FormRowKey { FormRowKey(form: code, row: row.key) }
}

/// Table forms as data, the rows units enter, and the consolidated tables.
extension Store {
    public func tableForms() async throws -> [TableForm] {
        try await TableFormModel.query(on: db).sort(\.$code).all().map { try $0.domain() }
    }

    public func tableForm(_ code: String) async throws -> TableForm? {
        try await TableFormModel.query(on: db).filter(\.$code == code).first().map { try $0.domain() }
    }

    /// The unit owning a form (nil when the form predates owners), or nil when there is no such form.
    public func tableFormOwner(_ code: String) async throws -> String?? {
        guard let row = try await TableFormModel.query(on: db).filter(\.$code == code).first() else { return nil }
        return .some(row.ownerUnitCode)
    }

    /// Creates a form (`creating`, refused when the code is taken) or replaces the one with the
    /// same code. The definition must pass `TableForm.validate()`; the first problem is the
    /// message. Rows already entered stay: cells of a column that no longer exists are ignored.
    /// `owner` is stored on a new form; replacing a form keeps its owner.
    public func saveTableForm(_ form: TableForm, creating: Bool, owner: String? = nil, by actor: Actor) async throws {
        let problems = form.validate()
        if let first = problems.first { throw StoreError.invalid(first.description) }
        let json = String(decoding: form.toJSON(), as: UTF8.self)
        try await db.transaction { tx in
            let existing = try await TableFormModel.query(on: tx).filter(\.$code == form.code).first()
            if creating, existing != nil { throw StoreError.conflict("Đã có biểu mẫu mã \(form.code).") }
            guard creating || existing != nil else { throw StoreError.notFound("biểu mẫu \(form.code)") }
            if let existing, existing.definition == json { return }
            let row = existing ?? TableFormModel()
            if existing == nil { row.ownerUnitCode = owner }
            row.code = form.code
            row.title = VNText.clean(form.title)
            row.definition = json
            row.updatedBy = actor.username
            row.updatedAt = Date()
            try await row.save(on: tx)
            try await Store(tx).appendAudit(AuditEntry(username: actor.username, ip: actor.ip, subject: "tableForm", subjectCode: form.code,
                                                       field: existing == nil ? "created" : "definition",
                                                       old: existing?.definition, new: json))
        }
    }

    /// Units that may have a row in a period's table: those that existed during the period,
    /// in the order of the unit list.
    func formUnits(for period: Period) async throws -> [OrgUnit] {
        try await units().filter { $0.overlaps(from: period.start, to: period.end) }
    }

    /// The rows units entered for a form and period that count (`DataStatus`: the unit's report
    /// in a round asking for the form has gone up, or no round asks it), or with
    /// `includeUnsubmitted` every row.
    public func formEntries(form code: String, period: String, includeUnsubmitted: Bool = false) async throws -> [FormEntry] {
        guard let form = try await TableFormModel.query(on: db).filter(\.$code == code).first() else { return [] }
        let codes = try await unitCodesByID()
        let status = includeUnsubmitted ? nil : try await dataStatus(form: code, periodID: period)
        let all = try await FormEntryModel.query(on: db).filter(\.$form.$id == form.requireID()).filter(\.$period == period)
            .sort(\.$rowKey).all().compactMap { r in
                codes[r.$unit.id].map { FormEntry(unitCode: $0, row: FormRowInput(key: r.rowKey, values: r.values)) }
            }
        return status?.counted(all, form: code, periodID: period) ?? all
    }

    /// The consolidated table of a form for a period; `within` a unit, only the rows and
    /// entries of that unit and the units below it (a district's report, a district's reader).
    public func consolidatedForm(_ code: String, period: Period, within scope: String? = nil,
                                 includeUnsubmitted: Bool = false) async throws -> FormTable {
        guard let form = try await tableForm(code) else { throw StoreError.notFound("biểu mẫu \(code)") }
        let compiled: CompiledTableForm
        do { compiled = try CompiledTableForm(form) } catch { throw StoreError.invalid(error.description) }
        var units = try await formUnits(for: period)
        var entries = try await formEntries(form: code, period: period.identifier, includeUnsubmitted: includeUnsubmitted)
        if let scope {
            let tree = try await unitTree()
            units = units.filter { tree.isWithin($0.code, scope: scope) }
            entries = entries.filter { tree.isWithin($0.unitCode, scope: scope) }
        }
        return compiled.consolidate(units: units, entries: entries)
    }

    /// The periods in which some unit entered rows of a form, latest first.
    public func formPeriods(_ code: String) async throws -> [Period] {
        guard let form = try await TableFormModel.query(on: db).filter(\.$code == code).first() else { return [] }
        let ids = try await FormEntryModel.query(on: db).filter(\.$form.$id == form.requireID()).unique().all(\.$period)
        return Set(ids).compactMap(Period.init(identifier:)).sorted(by: >)
    }

    /// The forms of a round that `unit` fills, with what it entered for the round's period.
    func reportForms(_ round: ReportingRound, unit: OrgUnit, unitID: UUID) async throws -> [ReportFormPart] {
        guard let period = round.period, !round.formCodes.isEmpty else { return [] }
        let units = try await formUnits(for: period)
        var parts: [ReportFormPart] = []
        // Raw rows, each table read once for all the round's forms: a data-entry page reads
        // these on every view, and models cost a reflection per row.
        var forms: [String: (id: UUID, definition: String)] = [:]
        for r in try await sql.raw("SELECT id, code, definition FROM table_forms WHERE code IN (\(binds: round.formCodes))").all() {
            forms[try r.decode(column: "code", as: String.self)] = (try r.decode(column: "id", as: UUID.self),
                                                                     try r.decode(column: "definition", as: String.self))
        }
        var entries: [UUID: [String: FormRowInput]] = [:]
        if !forms.isEmpty {
            for r in try await sql.raw("""
                SELECT form_id, row_key, cells FROM form_entries
                WHERE form_id IN (\(binds: forms.values.map(\.id))) AND unit_id = \(bind: unitID) AND period = \(bind: round.periodID)
                """).all() {
                let form = try r.decode(column: "form_id", as: UUID.self), key = try r.decode(column: "row_key", as: String.self)
                if entries[form]?[key] == nil {
                    entries[form, default: [:]][key] = FormRowInput(key: key, values: FormEntryModel.values(try r.decode(column: "cells", as: String.self)))
                }
            }
        }
        for code in round.formCodes {
            guard let (id, definition) = forms[code] else { continue }
            let compiled = try CompiledForms.compiled(code: code, definition: definition)
            let rows = compiled.form.rowsFilled(by: unit, units: units)
            guard !rows.isEmpty else { continue }
            parts.append(ReportFormPart(form: compiled, rows: rows, entries: entries[id] ?? [:]))
        }
        return parts
    }

    /// Form rows of a report save: (old cells, new cells) per row that changes. Rows the unit
    /// does not fill in this round are refused.
    func formRowChanges(_ round: ReportingRound, unitCode: String, unitID: UUID,
                        patch: [FormRowKey: [String: FormCellValue]]) async throws -> [FormRowWrite] {
        guard !patch.isEmpty else { return [] }
        guard let unit = try await unit(code: unitCode) else { throw StoreError.notFound("đơn vị \(unitCode)") }
        let parts = try await reportForms(round, unit: unit, unitID: unitID)
        var out: [FormRowWrite] = []
        for (key, cells) in patch.sorted(by: { $0.key < $1.key }) {
            guard let part = parts.first(where: { $0.code == key.form }), part.rows.contains(where: { $0.key == key.row }) else {
                throw StoreError.invalid("Đơn vị \(unitCode) không điền dòng \(key.row) của biểu mẫu \(key.form) trong đợt này.")
            }
            for (column, value) in cells where !value.isEmpty && part.form.form.column(column).map({ $0.kind == .computed }) != false {
                throw StoreError.invalid("Biểu mẫu \(key.form) không có cột nhập liệu \(FormExpression.column(column)).")
            }
            let entered = cells.filter { !$0.value.isEmpty }
            // Missing required cells are for submission to catch; wrong types are refused here too.
            if let e = part.form.check(FormRowInput(key: key.row, values: entered)).first(where: { entered[$0.column] != nil }) {
                throw StoreError.invalid("Biểu mẫu \(key.form), dòng \(key.row): \(e).")
            }
            let old = part.entries[key.row]?.values ?? [:]
            guard entered != old else { continue }
            guard let formID = try await TableFormModel.query(on: db).filter(\.$code == key.form).first()?.id else {
                throw StoreError.notFound("biểu mẫu \(key.form)")
            }
            out.append(FormRowWrite(key: key, formID: formID, form: part.form, old: old, new: entered))
        }
        return out
    }

    /// Writes the rows `formRowChanges` found; the caller holds the transaction and the version.
    func writeFormRows(_ writes: [FormRowWrite], unitID: UUID, period: String, author: String, now: Date) async throws {
        for w in writes {
            let existing = try await FormEntryModel.query(on: db).filter(\.$form.$id == w.formID).filter(\.$unit.$id == unitID)
                .filter(\.$period == period).filter(\.$rowKey == w.key.row).first()
            if w.new.isEmpty {
                try await existing?.delete(on: db)
                continue
            }
            let r = existing ?? FormEntryModel()
            r.$form.id = w.formID
            r.$unit.id = unitID
            r.period = period
            r.rowKey = w.key.row
            r.values = w.new
            r.author = author
            r.updatedAt = now
            try await r.save(on: db)
        }
    }
}

struct FormRowWrite {
    var key: FormRowKey
    var formID: UUID
    var form: CompiledTableForm
    var old: [String: FormCellValue]
    var new: [String: FormCellValue]

    /// (column, old, new) for the audit trail, as the table shows the values.
    var differences: [(String, String?, String?)] {
        form.form.columns.compactMap { c in
            let a = old[c.key] ?? .empty, b = new[c.key] ?? .empty
            guard a != b else { return nil }
            func show(_ v: FormCellValue) -> String? {
                switch v {
                case .empty, .divisionByZero: nil
                case .number(let x): auditNumber(x)
                case .text(let t): t
                }
            }
            return (c.key, show(a), show(b))
        }
    }
}

/// Compiled forms by their stored definition: every data-entry page of a round with forms
/// compiles them, and parsing and checking a definition cost more than the page's reads. Keyed
/// by the definition's text, so an edited form is compiled anew and nothing can be stale.
enum CompiledForms {
    private static let memo = Mutex<[String: CompiledTableForm]>([:])

    static func compiled(_ row: TableFormModel) throws -> CompiledTableForm {
        try compiled(code: row.code, definition: row.definition)
    }

    static func compiled(code: String, definition: String) throws -> CompiledTableForm {
        if let hit = memo.withLock({ $0[definition] }) { return hit }
        let compiled: CompiledTableForm
        do { compiled = try CompiledTableForm(try TableFormModel.domain(code: code, definition: definition)) } catch {
            throw StoreError.invalid("Biểu mẫu \(code): \(error)")
        }
        memo.withLock { m in
            if m.count >= 256 { m.removeAll() }
            m[definition] = compiled
        }
        return compiled
    }
}

extension TableFormModel {
    func domain() throws -> TableForm {
        try Self.domain(code: code, definition: definition)
    }

    static func domain(code: String, definition: String) throws -> TableForm {
        do { return try TableForm.fromJSON(Data(definition.utf8)) } catch {
            throw StoreError.invalid("Biểu mẫu \(code) lưu trong cơ sở dữ liệu bị hỏng: \(error)")
        }
    }
}

extension FormEntryModel {
    static func values(_ cells: String) -> [String: FormCellValue] {
        (try? JSONDecoder().decode([String: FormCellValue].self, from: Data(cells.utf8))) ?? [:]
    }

    var values: [String: FormCellValue] {
        get { Self.values(cells) }
        set { cells = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
}
