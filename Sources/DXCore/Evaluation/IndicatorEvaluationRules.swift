extension Comparator {
    /// The direction a comparator states by itself: "≥ 80%" asks for more, "≤ 5%" for less, a
    /// rank in the top 15 for a smaller number. `nil` for `eq`, `range` and `judgement`, which
    /// read in the indicator's direction.
    var impliedDirection: Direction? {
        switch self {
        case .ge, .gt: .higherIsBetter
        case .le, .lt, .rankAtMost: .lowerIsBetter
        case .eq, .range, .judgement: nil
        }
    }
}

extension Target {
    /// Whether `x` reaches the target, reading the comparator in the indicator's direction
    /// (docs/evaluation.md §4):
    /// - `range` "6–8% GRDP": for a higher-is-better indicator the aim is to reach the band, so
    ///   anything from the lower bound up is met (above the band is beyond the target, not
    ///   short of it); for a lower-is-better one, anything up to the upper bound.
    /// - `eq` "100%": reaching the figure in the good direction is met; a count of 705 against
    ///   "700 doanh nghiệp" is not a miss.
    /// - the others as `isMet(by:)`; `nil` for `judgement` and for a target without the numbers
    ///   its comparator needs.
    public func isReached(by x: Double, direction: Direction) -> Bool? {
        guard x.isFinite else { return nil }
        switch comparator {
        case .range:
            let eps = 1e-9
            switch direction {
            case .higherIsBetter: return value.map { x >= $0 - eps }
            case .lowerIsBetter: return upper.map { x <= $0 + eps }
            }
        case .eq:
            let bound = Target(year: year, level: level, comparator: direction == .higherIsBetter ? .ge : .le,
                               value: value, upper: upper, text: text)
            return bound.isMet(by: x)
        default:
            return isMet(by: x)
        }
    }

    /// The outcome of a number against this target (docs/evaluation.md §4):
    /// - reached: met ("Hoàn thành");
    /// - not reached, against `≥ > ≤ < =`: partly met with the share of the target reached, read
    ///   in the comparator's own direction when it has one (`≤ 5%` asks for less whatever the
    ///   indicator says), else in the indicator's. A share that shows as 0% or less is not met;
    /// - not reached, against a `range` or a rank: not met ("Chưa đạt") — a band or a place in a
    ///   ranking is reached or not, as the seed's "5,2% GRDP" against "6–8% GRDP" is "Chưa đạt";
    /// - `nil` when the target cannot be tested numerically (`judgement`, a missing bound).
    func outcome(for x: Double, direction: Direction) -> EvaluationOutcome? {
        guard let reached = isReached(by: x, direction: direction) else { return nil }
        if reached { return .met }
        switch comparator {
        case .range, .rankAtMost, .judgement:
            return .notMet
        case .ge, .gt, .le, .lt, .eq:
            guard let p = percentReached(by: x, direction: comparator.impliedDirection ?? direction), p.isFinite,
                  EvaluationClass.roundedPercent(p) > 0 else { return .notMet }
            return .partlyMet(percentOfTarget: p)
        }
    }
}

extension Judgement {
    /// The outcome a recorded judgement stands for. A partly-met judgement carries the share of
    /// the target when one was stated ("Hoàn thành 78%").
    func outcome(statedPercent: Double?) -> EvaluationOutcome {
        switch self {
        case .met: .met
        case .partlyMet: .partlyMet(percentOfTarget: statedPercent.flatMap { $0.isFinite ? $0 : nil })
        case .notMet: .notMet
        }
    }

    func agrees(with outcome: EvaluationOutcome) -> Bool {
        switch (self, outcome) {
        case (.met, .met), (.partlyMet, .partlyMet), (.notMet, .notMet): true
        default: false
        }
    }
}
