import Foundation

/// What a unit reported for one indicator in one period.
public struct DataValue: Hashable, Sendable, Codable {
    public var planCode: String
    public var indicatorCode: String
    public var unitCode: String
    public var periodID: String
    public var numerator: Double?
    public var denominator: Double?
    /// The value itself; for a rate without its parts, the percentage.
    public var value: Double?
    /// The result as written, and the choice of a qualitative indicator.
    public var text: String?
    /// A recorded judgement for indicators that are not measured by a number.
    public var judgement: Judgement?
    public var comment: String?
    public var author: String?
    public var updatedAt: Date?

    public init(
        planCode: String, indicatorCode: String, unitCode: String, periodID: String,
        numerator: Double? = nil, denominator: Double? = nil, value: Double? = nil,
        text: String? = nil, judgement: Judgement? = nil, comment: String? = nil,
        author: String? = nil, updatedAt: Date? = nil
    ) {
        self.planCode = planCode
        self.indicatorCode = indicatorCode
        self.unitCode = unitCode
        self.periodID = periodID
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.text = text
        self.judgement = judgement
        self.comment = comment
        self.author = author
        self.updatedAt = updatedAt
    }

    /// The number to compare with a target: the rate in percent from its parts when both are
    /// there, else the stated value. A zero denominator gives no rate, not zero.
    public var effectiveValue: Double? {
        if let n = numerator, let d = denominator {
            return d == 0 ? nil : n / d * 100
        }
        return value
    }

    /// The order of an export: plan, period, unit, then indicator in document order. Stored rows
    /// come back in whatever order the database's plan gives (PostgreSQL changes it once it has
    /// analysed a table), and two exports of the same data must read the same.
    public static func transferOrder(_ a: DataValue, _ b: DataValue) -> Bool {
        if a.planCode != b.planCode { return a.planCode < b.planCode }
        if a.periodID != b.periodID { return a.periodID < b.periodID }
        if a.unitCode != b.unitCode { return HierarchicalCode.less(a.unitCode, b.unitCode) }
        return HierarchicalCode.less(a.indicatorCode, b.indicatorCode)
    }

    /// Whether the unit has reported with this value: a figure (0/0 included), a judgement or a
    /// note (`ReportedContent`, the one coverage rule).
    public var hasData: Bool { hasReported }
}

/// A judgement of whether a target was met, where no number decides it.
public enum Judgement: String, Sendable, Codable, CaseIterable {
    case met
    case partlyMet
    case notMet

    public var labelVI: String {
        switch self {
        case .met: "Đạt"
        case .partlyMet: "Đạt một phần"
        case .notMet: "Chưa đạt"
        }
    }
}
