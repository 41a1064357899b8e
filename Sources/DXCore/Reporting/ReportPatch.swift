import Foundation

/// An indicator or task of a plan: codes are unique within a plan only.
public struct ItemKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var plan: String
    public var code: String
    public init(plan: String, code: String) {
        self.plan = plan
        self.code = code
    }
    public static func < (a: ItemKey, b: ItemKey) -> Bool { (a.plan, a.code) < (b.plan, b.code) }
    public var description: String { "\(plan) \(code)" }
}

/// One row of one table form.
public struct FormRowKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var form: String
    public var row: String
    public init(form: String, row: String) {
        self.form = form
        self.row = row
    }
    public static func < (a: FormRowKey, b: FormRowKey) -> Bool { (a.form, a.row) < (b.form, b.row) }
    public var description: String { "\(form) \(row)" }
}

/// The new content of the items a save touches: each listed entry replaces the stored one
/// (an empty entry deletes it); items not listed are left alone.
public struct ReportPatch: Sendable, Equatable {
    public var values: [ItemKey: IndicatorEntry]
    public var tasks: [ItemKey: TaskEntry]
    public var narrative: [String: String]
    /// Entered cells of table-form rows; a row listed replaces the stored row (no cell at all
    /// deletes it).
    public var forms: [FormRowKey: [String: FormCellValue]]

    public init(values: [ItemKey: IndicatorEntry] = [:], tasks: [ItemKey: TaskEntry] = [:], narrative: [String: String] = [:],
                forms: [FormRowKey: [String: FormCellValue]] = [:]) {
        self.values = values
        self.tasks = tasks
        self.narrative = narrative
        self.forms = forms
    }

    public var isEmpty: Bool { values.isEmpty && tasks.isEmpty && narrative.isEmpty && forms.isEmpty }
}

extension IndicatorEntry {
    /// Text cleaned and in NFC, blanks as nil, and for a rate with both parts the value set to
    /// the rate rounded to 2 decimals, as the appendices state it.
    public func normalized(for indicator: Indicator) -> IndicatorEntry {
        var e = self
        e.text = Self.clean(text)
        e.comment = Self.clean(comment)
        if indicator.measure == .rate, let n = numerator, let d = denominator, d > 0 {
            e.value = (n / d * 100 * 100).rounded() / 100
        }
        if indicator.measure == .qualitative { e.numerator = nil; e.denominator = nil; e.value = nil }
        return e
    }

    static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = VNText.nfc(s).trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}

extension TaskEntry {
    public var normalized: TaskEntry {
        var e = self
        e.result = IndicatorEntry.clean(result)
        e.evidence = IndicatorEntry.clean(evidence)
        e.note = IndicatorEntry.clean(note)
        return e
    }
}

extension Workflow {
    /// Why `role` may not change a report in `state` now, or nil if it may. Unit roles edit
    /// drafts and returned reports until the lock date; coordinators and administrators edit
    /// anything not yet approved, also after the lock date.
    public static func editRefusal(role: Role, state: ReportState, locked: Bool, lockDate: CalendarDate?) -> String? {
        if role == .viewer { return AccessPolicy.refusal(.edit) }
        if state == .approved { return "Báo cáo đã được phê duyệt: cần cơ quan thường trực mở lại trước khi sửa." }
        if role == .administrator || role == .coordinator { return nil }
        if !state.isEditableByUnit { return "Báo cáo đã gửi: chỉ sửa được khi bị trả lại hoặc được mở lại." }
        if locked {
            let when = lockDate.map { " từ sau ngày \(VNDate.numeric($0))" } ?? ""
            return "Đợt báo cáo đã khóa sổ\(when): chỉ cơ quan thường trực được sửa."
        }
        return nil
    }
}
