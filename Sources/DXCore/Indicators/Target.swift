/// How a value is compared with a target.
public enum Comparator: String, Sendable, Codable, CaseIterable {
    case ge, gt, le, lt, eq
    /// Inclusive range `value...upper` ("6–8% GRDP").
    case range
    /// A rank at most `value` ("thuộc nhóm 15 tỉnh dẫn đầu").
    case rankAtMost
    /// No numeric test: met or not by a recorded judgement.
    case judgement

    public var symbol: String {
        switch self {
        case .ge: "≥"
        case .gt: ">"
        case .le: "≤"
        case .lt: "<"
        case .eq: "="
        case .range: "–"
        case .rankAtMost: "top"
        case .judgement: "?"
        }
    }
}

/// A target of an indicator for one year and one administrative level.
public struct Target: Hashable, Sendable, Codable {
    public var year: Int
    public var level: AdminLevel
    public var comparator: Comparator
    public var value: Double?
    /// Upper bound of a `range`.
    public var upper: Double?
    /// The target as the plan writes it: "Phấn đấu 80% ...".
    public var text: String

    public init(
        year: Int, level: AdminLevel = .any, comparator: Comparator, value: Double? = nil,
        upper: Double? = nil, text: String = ""
    ) {
        self.year = year
        self.level = level
        self.comparator = comparator
        self.value = value
        self.upper = upper
        self.text = text
    }

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case missingValue(year: Int)
        case badRange(year: Int)

        public var description: String {
            switch self {
            case .missingValue(let y): "Mục tiêu năm \(y) thiếu giá trị"
            case .badRange(let y): "Khoảng mục tiêu năm \(y) không hợp lệ: cận dưới lớn hơn cận trên hoặc thiếu cận trên"
            }
        }
    }

    /// Checks that the comparator has the numbers it needs.
    public func validate() throws(Problem) {
        switch comparator {
        case .judgement:
            return
        case .range:
            guard let v = value, let u = upper, v <= u else { throw .badRange(year: year) }
        default:
            guard value != nil else { throw .missingValue(year: year) }
        }
    }

    /// Whether `x` satisfies the target; `nil` when the target cannot be tested numerically.
    /// Equality allows for the rounding of reported percentages.
    public func isMet(by x: Double) -> Bool? {
        let eps = 1e-9
        switch comparator {
        case .judgement: return nil
        case .ge: return value.map { x >= $0 - eps }
        case .gt: return value.map { x > $0 + eps }
        case .le: return value.map { x <= $0 + eps }
        case .lt: return value.map { x < $0 - eps }
        case .eq: return value.map { abs(x - $0) <= eps }
        case .rankAtMost: return value.map { x <= $0 + eps }
        case .range:
            guard let lo = value, let hi = upper else { return nil }
            return x >= lo - eps && x <= hi + eps
        }
    }

    /// The share of the target reached, in percent, for partly-met reporting ("Đạt 81,16%
    /// mục tiêu"). Lower-is-better targets invert the ratio. `nil` where it has no meaning.
    public func percentReached(by x: Double, direction: Direction) -> Double? {
        let goal: Double?
        switch comparator {
        case .ge, .gt, .eq, .le, .lt: goal = value
        case .range: goal = direction == .higherIsBetter ? value : upper
        case .rankAtMost, .judgement: goal = nil
        }
        guard let g = goal else { return nil }
        switch direction {
        case .higherIsBetter:
            guard g != 0 else { return nil }
            return x / g * 100
        case .lowerIsBetter:
            guard x != 0 else { return nil }
            return g / x * 100
        }
    }
}

extension Array where Element == Target {
    /// The target for a year and level: the level's own row, else an `any` row.
    public func target(year: Int, level: AdminLevel) -> Target? {
        first { $0.year == year && $0.level == level }
            ?? first { $0.year == year && $0.level == .any }
    }

    /// The target in force for a year: the year's own, else the nearest later one (a 2025
    /// target is the aim of 2024's work when no 2024 target is set).
    public func targetInForce(year: Int, level: AdminLevel) -> Target? {
        if let t = target(year: year, level: level) { return t }
        let later = Set(map(\.year)).filter { $0 > year }.sorted()
        for y in later { if let t = target(year: y, level: level) { return t } }
        return nil
    }
}
