/// How an indicator is measured.
public enum MeasureKind: String, Sendable, Codable, CaseIterable {
    /// Numerator over denominator, shown in percent: "3.787/3.798, đạt 99,71%".
    case rate
    /// A whole number of things: "trên 700 doanh nghiệp số".
    case count
    /// A quantity that need not be whole: money, "% GRDP" shares stated as a value.
    case amount
    /// Evaluated by judgement: "Phổ cập dịch vụ mạng di động 4G/5G".
    case qualitative
    /// A position in a ranking: "thuộc nhóm 15 tỉnh dẫn đầu". Lower is better.
    case rank

    public var labelVI: String {
        switch self {
        case .rate: "Tỷ lệ"
        case .count: "Số lượng"
        case .amount: "Giá trị"
        case .qualitative: "Định tính"
        case .rank: "Xếp hạng"
        }
    }

    public var isNumeric: Bool { self != .qualitative }
}

/// How values of several units combine.
public enum UnitAggregation: String, Sendable, Codable, CaseIterable {
    /// Add the parts; for rates add numerators and denominators, never average the rates.
    case sum
    /// The parts are listed, not combined (ranks, qualitative judgements, shares of GRDP).
    case none
}

/// How values of sub-periods combine into a longer period.
public enum TemporalAggregation: String, Sendable, Codable, CaseIterable {
    /// Events in the period: case files received. Quarters add up to the year.
    case flow
    /// A state at the end of the period: a coverage rate. The year takes the latest quarter.
    case stock
}

public enum Direction: String, Sendable, Codable, CaseIterable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
}
