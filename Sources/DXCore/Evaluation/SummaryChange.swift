/// What a figure is compared with in "so với cùng kỳ" / "so với kỳ trước".
public enum ComparisonBasis: String, Hashable, Sendable, Codable, CaseIterable {
    /// The period of the same type just before: `2024Q2` → `2024Q1`.
    case previousPeriod
    /// The same period one year earlier: `2024S1` → `2023S1`.
    case samePeriodLastYear

    public func period(comparedWith p: Period) -> Period {
        switch self {
        case .previousPeriod: p.previous
        case .samePeriodLastYear: p.samePeriodLastYear
        }
    }

    public var labelVI: String {
        switch self {
        case .previousPeriod: "so với kỳ trước"
        case .samePeriodLastYear: "so với cùng kỳ"
        }
    }
}

/// The change of a figure between two periods, worded as reports word it.
///
/// Counts and amounts change relatively: "tăng 9% so với cùng kỳ". Rates and shares change in
/// percentage points — 60% → 69% is "tăng 9 điểm phần trăm", not "tăng 15%" — because a
/// relative change of a rate reads as a change of the rate itself and misleads. Ranks change in
/// places, and a smaller number is a rise: 18th → 15th is "tăng 3 bậc".
public struct Change: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Per cent of the earlier figure: counts and amounts.
        case relative
        /// Percentage points: rates and shares.
        case points
        /// Places in a ranking, a smaller number being better.
        case places
    }

    public enum Trend: String, Hashable, Sendable, Codable, CaseIterable {
        case up, down, unchanged
    }

    public var current: Double
    public var previous: Double
    public var kind: Kind

    public init(current: Double, previous: Double, kind: Kind) {
        self.current = current
        self.previous = previous
        self.kind = kind
    }

    /// Points for rates, places gained for ranks (positive when the rank number falls), per
    /// cent of the earlier figure otherwise; `nil` for a relative change from zero, which has no
    /// percentage.
    public var amount: Double? {
        switch kind {
        case .points: return current - previous
        case .places: return previous - current
        case .relative:
            guard previous != 0 else { return nil }
            return (current - previous) / abs(previous) * 100
        }
    }

    /// Judged on the figure as shown, so that "tăng 0%" is never written.
    public func trend(fractionDigits: Int = 2) -> Trend {
        let shown = amount.map { Change.round($0, fractionDigits) } ?? Change.round(current - previous, fractionDigits)
        return shown > 0 ? .up : shown < 0 ? .down : .unchanged
    }

    /// "tăng 9% so với cùng kỳ", "giảm 2,5 điểm phần trăm so với kỳ trước", "tăng 3 bậc so với
    /// cùng kỳ", "không đổi so với cùng kỳ", "tăng từ 0 lên 1.240 so với cùng kỳ".
    public func sentenceVI(_ basis: ComparisonBasis, fractionDigits: Int = 2) -> String {
        let trend = trend(fractionDigits: fractionDigits)
        guard trend != .unchanged else { return "không đổi \(basis.labelVI)" }
        let verb = trend == .up ? "tăng" : "giảm"
        guard let amount else {
            let from = VNNumber.format(previous, fractionDigits: fractionDigits)
            let to = VNNumber.format(current, fractionDigits: fractionDigits)
            return "\(verb) từ \(from) \(trend == .up ? "lên" : "xuống") \(to) \(basis.labelVI)"
        }
        let size = abs(amount)
        let text = switch kind {
        case .relative: VNNumber.percent(size, fractionDigits: fractionDigits)
        case .points: VNNumber.format(size, fractionDigits: fractionDigits) + " điểm phần trăm"
        case .places: VNNumber.format(size, fractionDigits: 0) + " bậc"
        }
        return "\(verb) \(text) \(basis.labelVI)"
    }

    private static func round(_ x: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}

extension Change.Kind {
    /// Points for rates and for shares stated in per cent ("% GRDP"), places for ranks,
    /// relative otherwise.
    public static func natural(for indicator: Indicator) -> Change.Kind {
        if indicator.measure == .rank { return .places }
        return indicator.measure == .rate || (indicator.unitOfMeasure?.hasPrefix("%") ?? false) ? .points : .relative
    }
}

extension IndicatorAggregator {
    /// The change of a unit's value against the previous period or the same period a year
    /// earlier; `nil` when either value is missing — no comparison is made with nothing — and
    /// for qualitative indicators, whose number is only the share a judgement states.
    public func change(of unitCode: String, in period: Period, against basis: ComparisonBasis) -> Change? {
        change(from: value(of: unitCode, in: basis.period(comparedWith: period)), to: value(of: unitCode, in: period))
    }

    /// The change between two values of this indicator already computed.
    public func change(from before: AggregatedValue, to now: AggregatedValue) -> Change? {
        Change(from: before, to: now, of: indicator)
    }
}

extension Change {
    /// The change between two values of `indicator`; nil as `IndicatorAggregator.change` says.
    init?(from before: AggregatedValue, to now: AggregatedValue, of indicator: Indicator) {
        guard indicator.measure != .qualitative, let current = now.value, let previous = before.value else { return nil }
        self.init(current: current, previous: previous, kind: .natural(for: indicator))
    }
}
