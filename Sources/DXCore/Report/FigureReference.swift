/// A figure quoted in a narrative block, written in the text as an ASCII token between double
/// brackets with fields separated by "|" (plan codes hold "/" and "-", never "|"):
///
///     [[value|PLAN|INDICATOR|UNIT|PERIOD]]   the indicator's value: 1.445.521, 99,98%
///     [[parts|PLAN|INDICATOR|UNIT|PERIOD]]   a rate's numerator/denominator: 111.759/111.780
///     [[sum|PLAN|INDICATOR|UNIT|PERIOD]]     the sum over the units directly under UNIT
///     [[tasks|PLAN|STATUS|PERIOD]]           how many of the plan's tasks of the period have STATUS
///
/// UNIT and PERIOD may be left out (or left empty): the report's unit and period. STATUS is one
/// of `FigureReference.taskStatuses`. See docs/reporting.md, "Figures in section II".
public struct FigureReference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case value, parts, sum, tasks
    }

    public var kind: Kind
    public var plan: String
    /// The indicator code; for `tasks`, the status word.
    public var item: String
    public var unit: String?
    public var period: String?

    public init(kind: Kind, plan: String, item: String, unit: String? = nil, period: String? = nil) {
        self.kind = kind
        self.plan = plan
        self.item = item
        self.unit = unit
        self.period = period
    }

    /// The status words of `tasks` references: a `TaskStatus`, or a group.
    public static let taskStatuses: [(word: String, labelVI: String)] = TaskStatus.allCases.map { ($0.rawValue, $0.labelVI) } + [
        ("underway", "Đã và đang triển khai"), ("noReport", "Chưa có báo cáo"), ("overdue", "Quá hạn"),
        ("period", "Nhiệm vụ của kỳ"), ("all", "Tất cả nhiệm vụ của kế hoạch"),
    ]

    /// The token as written in a text: the inverse of `FigureText.parse`.
    public var token: String {
        var fields = [kind.rawValue, plan, item]
        if kind == .tasks {
            if let period { fields.append(period) }
        } else if unit != nil || period != nil {
            fields.append(unit ?? "")
            if let period { fields.append(period) }
        }
        return "[[" + fields.joined(separator: "|") + "]]"
    }
}

/// A narrative text cut into plain text and references.
public enum FigureText {
    public enum Part: Sendable, Hashable {
        case text(String)
        case reference(FigureReference, token: String)
        /// "[[…" that cannot be read; kept as written so that nothing is silently lost.
        case malformed(token: String, reason: String)

        public var isReference: Bool {
            switch self {
            case .text: false
            case .reference, .malformed: true
            }
        }
    }

    public static func parse(_ text: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "]]") else {
                parts.append(.malformed(token: String(rest[open.lowerBound...].prefix(40)), reason: "thiếu “]]” đóng tham chiếu."))
                return parts
            }
            let token = String(rest[open.lowerBound..<close.upperBound])
            parts.append(reference(String(rest[open.upperBound..<close.lowerBound]), token: token))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    static func reference(_ body: String, token: String) -> Part {
        let fields = body.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let kinds = FigureReference.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let kind = FigureReference.Kind(rawValue: fields[0]) else {
            return .malformed(token: token, reason: "loại “\(fields[0])” không có; dùng một trong: \(kinds).")
        }
        let maxFields = kind == .tasks ? 4 : 5
        guard fields.count >= 3, fields.count <= maxFields, !fields[1].isEmpty, !fields[2].isEmpty else {
            let shape = kind == .tasks ? "[[tasks|KẾ HOẠCH|TRẠNG THÁI|KỲ]]" : "[[\(kind.rawValue)|KẾ HOẠCH|CHỈ TIÊU|ĐƠN VỊ|KỲ]]"
            return .malformed(token: token, reason: "viết theo dạng \(shape) (đơn vị và kỳ có thể bỏ trống).")
        }
        func optional(_ i: Int) -> String? { i < fields.count && !fields[i].isEmpty ? fields[i] : nil }
        let unit = kind == .tasks ? nil : optional(3)
        let period = kind == .tasks ? optional(3) : optional(4)
        if let period, Period(identifier: period) == nil {
            return .malformed(token: token, reason: "kỳ “\(period)” không tồn tại (ví dụ 2024, 2024S1, 2024Q3, 202403, 2024N9).")
        }
        if kind == .tasks, !FigureReference.taskStatuses.contains(where: { $0.word == fields[2] }) {
            return .malformed(token: token, reason: "trạng thái “\(fields[2])” không có; dùng một trong: \(FigureReference.taskStatuses.map(\.word).joined(separator: ", ")).")
        }
        return .reference(FigureReference(kind: kind, plan: fields[1], item: fields[2], unit: unit, period: period), token: token)
    }
}
