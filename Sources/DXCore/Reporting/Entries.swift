import Foundation

/// What a unit entered for one indicator, already read as numbers.
public struct IndicatorEntry: Hashable, Sendable, Codable {
    public var numerator: Double?
    public var denominator: Double?
    /// A count, amount or rank; for a rate without its parts, the percentage.
    public var value: Double?
    /// The choice of a qualitative indicator.
    public var judgement: Judgement?
    /// The result as the unit words it.
    public var text: String?
    /// Ghi chú: also where "Chưa có số liệu" and its reason go.
    public var comment: String?

    public init(numerator: Double? = nil, denominator: Double? = nil, value: Double? = nil,
                judgement: Judgement? = nil, text: String? = nil, comment: String? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.judgement = judgement
        self.text = text
        self.comment = comment
    }

    /// The rate from its parts, else the stated value; nil for a zero denominator.
    public var effectiveValue: Double? {
        if let n = numerator, let d = denominator { return d == 0 ? nil : n / d * 100 }
        return value
    }

    public var isEmpty: Bool {
        numerator == nil && denominator == nil && value == nil && judgement == nil
            && (text ?? "").isEmpty && (comment ?? "").isEmpty
    }

    /// Answered for submission: a figure (0/0 included), a judgement, or a written reason for
    /// having none — the coverage rule (`ReportedContent.hasReported`), so that a report
    /// accepted as complete is counted as reporting.
    public var isAnswered: Bool { hasReported }

    public init(_ v: DataValue) {
        self.init(numerator: v.numerator, denominator: v.denominator, value: v.value, judgement: v.judgement,
                  text: v.text, comment: v.comment)
    }
}

/// What a unit entered for one task.
public struct TaskEntry: Hashable, Sendable, Codable {
    public var status: TaskStatus?
    public var percent: Double?
    public var result: String?
    /// Số ký hiệu of the document that proves the result.
    public var evidence: String?
    public var note: String?

    public init(status: TaskStatus? = nil, percent: Double? = nil, result: String? = nil,
                evidence: String? = nil, note: String? = nil) {
        self.status = status
        self.percent = percent
        self.result = result
        self.evidence = evidence
        self.note = note
    }

    public var isEmpty: Bool {
        status == nil && percent == nil && (result ?? "").isEmpty && (evidence ?? "").isEmpty && (note ?? "").isEmpty
    }
}

/// The server-side checks of data entry. Paths are the caller's (form field or JSON path); the
/// messages are Vietnamese sentences shown next to the field.
public enum EntryValidation {
    public static let maxTextLength = 5_000
    public static let maxNarrativeLength = 20_000

    /// Reads a typed number ("1.234,5", "1,234.5", "56,25 %"); blank is nil.
    public static func number(_ raw: String?, path: String, issues: inout [FieldIssue]) -> Double? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        do {
            return try VNNumber.parseOrThrow(raw)
        } catch let e as VNNumber.ParseError {
            issues.append(.error(path, e.message + "."))
        } catch {
            issues.append(.error(path, "\"\(raw)\" không phải là số hợp lệ."))
        }
        return nil
    }

    /// Checks one indicator's entry when it is saved. `previous` is the value of the period before.
    public static func check(_ e: IndicatorEntry, indicator i: Indicator, previous: Double?, changeFactor: Double,
                             path p: String) -> [FieldIssue] {
        var out: [FieldIssue] = []
        func whole(_ x: Double) -> Bool { x.rounded() == x }
        switch i.measure {
        case .rate:
            if let n = e.numerator, n < 0 { out.append(.error("\(p).numerator", "Tử số không được là số âm.")) }
            if let d = e.denominator, d < 0 { out.append(.error("\(p).denominator", "Mẫu số không được là số âm.")) }
            if e.numerator != nil, e.denominator == nil { out.append(.error("\(p).denominator", "Nhập mẫu số đi cùng tử số.")) }
            if e.denominator != nil, e.numerator == nil { out.append(.error("\(p).numerator", "Nhập tử số đi cùng mẫu số.")) }
            if let problem = i.zeroDenominatorProblem(numerator: e.numerator, denominator: e.denominator) {
                out.append(.error("\(p).denominator", problem))
            }
            if let n = e.numerator, let d = e.denominator, n > d, d > 0, !i.allowsOverHundred {
                out.append(.error("\(p).numerator", "Tử số (\(VNNumber.format(n))) lớn hơn mẫu số (\(VNNumber.format(d))): tỷ lệ không được vượt 100% với chỉ tiêu này."))
            }
            if e.numerator == nil, e.denominator == nil, let v = e.value {
                if v < 0 { out.append(.error("\(p).value", "Tỷ lệ không được là số âm.")) }
                else if v > 100, !i.allowsOverHundred { out.append(.error("\(p).value", "Tỷ lệ không được vượt 100% với chỉ tiêu này.")) }
            }
        case .count:
            if let v = e.value, v < 0 { out.append(.error("\(p).value", "Số lượng không được là số âm.")) }
            else if let v = e.value, !whole(v) { out.append(.error("\(p).value", "Số lượng phải là số nguyên.")) }
        case .amount:
            if let v = e.value, v < 0 { out.append(.error("\(p).value", "Giá trị không được là số âm.")) }
        case .rank:
            if let v = e.value, v < 1 || !whole(v) { out.append(.error("\(p).value", "Thứ hạng phải là số nguyên từ 1 trở lên.")) }
        case .qualitative:
            if e.value != nil || e.numerator != nil || e.denominator != nil {
                out.append(.error("\(p).judgement", "Chỉ tiêu định tính không nhập số: chọn mức đánh giá."))
            }
        }
        if (e.text ?? "").count > maxTextLength { out.append(.error("\(p).text", "Kết quả dài quá \(VNNumber.format(maxTextLength)) ký tự.")) }
        if (e.comment ?? "").count > maxTextLength { out.append(.error("\(p).comment", "Ghi chú dài quá \(VNNumber.format(maxTextLength)) ký tự.")) }
        // A warning, not a block: big moves are usually typos, but sometimes real.
        if out.isEmpty, let prev = previous, let now = e.effectiveValue, prev > 0, now > 0 {
            let ratio = max(now / prev, prev / now)
            if ratio > changeFactor {
                let field = e.numerator != nil ? "\(p).numerator" : "\(p).value"
                out.append(.warning(field, "Giá trị thay đổi hơn \(VNNumber.format(changeFactor)) lần so với kỳ trước (\(VNNumber.format(prev)) → \(VNNumber.format(now))). Kiểm tra lại nếu không đúng."))
            }
        }
        return out
    }

    public static func check(_ e: TaskEntry, path p: String) -> [FieldIssue] {
        var out: [FieldIssue] = []
        if let x = e.percent, !(0...100).contains(x) {
            out.append(.error("\(p).percent", "Tỷ lệ hoàn thành phải từ 0 đến 100."))
        }
        if e.status == .done {
            if (e.result ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(.error("\(p).result", "Nhiệm vụ đã hoàn thành phải ghi rõ kết quả."))
            }
            if let x = e.percent, x < 100 {
                out.append(.error("\(p).percent", "Nhiệm vụ “Hoàn thành” phải đạt 100% (hoặc để trống tỷ lệ)."))
            }
        }
        if (e.result ?? "").count > maxTextLength { out.append(.error("\(p).result", "Kết quả dài quá \(VNNumber.format(maxTextLength)) ký tự.")) }
        if (e.note ?? "").count > maxTextLength { out.append(.error("\(p).note", "Ghi chú dài quá \(VNNumber.format(maxTextLength)) ký tự.")) }
        if (e.evidence ?? "").count > 200 { out.append(.error("\(p).evidence", "Số ký hiệu văn bản dài quá 200 ký tự.")) }
        return out
    }

    public static func checkNarrative(_ text: String, path: String) -> [FieldIssue] {
        text.count > maxNarrativeLength ? [.error(path, "Phần viết dài quá \(VNNumber.format(maxNarrativeLength)) ký tự.")] : []
    }

    /// The reason given when a report is returned, approved or reopened.
    public static func checkComment(_ text: String?, path: String = "comment") -> [FieldIssue] {
        (text ?? "").count > maxTextLength ? [.error(path, "Lý do dài quá \(VNNumber.format(maxTextLength)) ký tự.")] : []
    }

    /// What must be there before a report is submitted: an answer for every indicator, a status
    /// for every task, and the first narrative section ("Kết quả").
    public static func missingBeforeSubmit(
        indicators: [(path: String, entry: IndicatorEntry?)], tasks: [(path: String, entry: TaskEntry?)],
        narrative: [String: String], sections: [String], sectionPath: (String) -> String
    ) -> [FieldIssue] {
        var out: [FieldIssue] = []
        for (p, e) in indicators where !(e?.isAnswered ?? false) {
            out.append(.error("\(p).value", "Chưa có số liệu: nhập số liệu, hoặc ghi rõ lý do vào ô Ghi chú (ví dụ “Chưa có số liệu”)."))
        }
        for (p, e) in tasks where e?.status == nil {
            out.append(.error("\(p).status", "Chưa chọn tình trạng thực hiện nhiệm vụ."))
        }
        if let first = sections.first, (narrative[first] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out.append(.error(sectionPath(first), "Chưa viết phần “\(first)”."))
        }
        return out
    }
}
