/// How a criterion's points are earned. In JSON an object with a `type`:
///
///     {"type": "ratio"}                      points × min(1, rate% / 100)
///     {"type": "ratio", "full": 3}           points × min(1, value / 3): 3 documents earn all
///     {"type": "yesNo"}                      all or nothing
///     {"type": "fullHalfZero"}               all, half or nothing, as graded
///     {"type": "thresholds", "steps": [{"atLeast": 90, "share": 1}, {"atLeast": 70, "share": 0.5}]}
public enum ScoringRule: Hashable, Sendable {
    /// Points in proportion to a measured figure: a rate in percent (from numerator and
    /// denominator, or the value) against `full`, 100 by default; or a count against `full`.
    case ratio(full: Double)
    /// Yes earns the points, no earns nothing.
    case yesNo
    /// "Điểm tối đa", "1/2 × điểm tối đa", "0 điểm".
    case fullHalfZero
    /// The first step the measured figure satisfies gives its share of the points; none, zero.
    case thresholds([ScoringStep])

    public var labelVI: String {
        switch self {
        case .ratio: "Tỷ lệ × điểm tối đa"
        case .yesNo: "Có / không"
        case .fullHalfZero: "Tối đa / một nửa / không điểm"
        case .thresholds: "Theo ngưỡng"
        }
    }
}

/// One step of a threshold rule: a figure within the bounds earns `share` of the points.
public struct ScoringStep: Hashable, Sendable, Codable {
    public var atLeast: Double?
    public var atMost: Double?
    /// Between 0 and 1.
    public var share: Double

    public init(atLeast: Double? = nil, atMost: Double? = nil, share: Double) {
        self.atLeast = atLeast
        self.atMost = atMost
        self.share = share
    }

    public func contains(_ x: Double) -> Bool {
        (atLeast.map { x >= $0 - 1e-9 } ?? true) && (atMost.map { x <= $0 + 1e-9 } ?? true)
    }
}

extension ScoringRule: Codable {
    private enum CodingKeys: String, CodingKey { case type, full, steps }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "ratio": self = .ratio(full: try c.decodeIfPresent(Double.self, forKey: .full) ?? 100)
        case "yesNo": self = .yesNo
        case "fullHalfZero": self = .fullHalfZero
        case "thresholds": self = .thresholds(try c.decode([ScoringStep].self, forKey: .steps))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "Cách tính điểm không hợp lệ: \(type) (ratio, yesNo, fullHalfZero, thresholds)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ratio(let full):
            try c.encode("ratio", forKey: .type)
            if full != 100 { try c.encode(full, forKey: .full) }
        case .yesNo: try c.encode("yesNo", forKey: .type)
        case .fullHalfZero: try c.encode("fullHalfZero", forKey: .type)
        case .thresholds(let steps):
            try c.encode("thresholds", forKey: .type)
            try c.encode(steps, forKey: .steps)
        }
    }
}
