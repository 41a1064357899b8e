/// Scoring by the DTI method (domain §9, docs/evaluation.md §9–11): criteria earn points by
/// their rules; a main index's value is its points over its maximum, at most 1; the total is
/// `Σ(value × maximum) / Σ maximum` over the scored indices — for the national DTI,
/// `/ 1000`.
extension ScoringPart {
    /// The total from published main-index values, keyed by index code: how the DTI is
    /// recomputed from the figures a ministry publishes. `nil` when a scored index has no value.
    public func total(indexValues: [String: Double]) -> Double? {
        var points = 0.0
        for index in indices where index.maximum > 0 {
            guard let v = indexValues[index.code] else { return nil }
            points += min(max(v, 0), 1) * index.maximum
        }
        let scale = maximum
        return scale > 0 ? points / scale : nil
    }

    /// One criterion scored from one input.
    public func score(_ criterion: ScoringCriterion, input: ScoringInput?) -> CriterionScore {
        var result = CriterionScore(code: criterion.code, name: criterion.name, points: 0,
                                    maximum: criterion.points, status: .scored, input: input)
        guard let input else {
            result.status = .missing
            return result
        }
        if criterion.requiresEvidence,
           !input.evidence.contains(where: { !VNText.clean($0).isEmpty }) {
            result.status = .noEvidence
            return result
        }
        guard let share = ScoringPart.share(criterion.rule, input) else {
            result.status = .invalid
            return result
        }
        result.points = share * criterion.points
        return result
    }

    /// Every index and criterion of the part for one unit. Inputs of other units are ignored.
    public func score(unit unitCode: String, inputs: [ScoringInput]) -> UnitScore {
        var byCriterion: [String: ScoringInput] = [:]
        for i in inputs where i.unitCode == unitCode { byCriterion[i.criterionCode] = i }
        var points = 0.0
        let scored = indices.map { index -> IndexScore in
            let criteria = index.criteria.map { score($0, input: byCriterion[$0.code]) }
            let earned = criteria.reduce(0) { $0 + $1.points }
            let value = index.maximum > 0 ? min(earned / index.maximum, 1) : nil
            if let value { points += value * index.maximum }
            return IndexScore(code: index.code, name: index.name, points: earned, maximum: index.maximum,
                              value: value, criteria: criteria)
        }
        let scale = maximum
        return UnitScore(unitCode: unitCode, indices: scored, points: points, maximum: scale,
                         total: scale > 0 ? points / scale : 0, rank: nil)
    }

    /// Scores of several units, best first, ranked with ties shared on the published total
    /// (`fractionDigits` digits, four for the DTI). Equal totals keep the order of `units`.
    public func ranking(units: [String], inputs: [ScoringInput], fractionDigits: Int = 4) -> [UnitScore] {
        var scores = units.map { score(unit: $0, inputs: inputs) }
        let ranks = Ranking.competition(scores.map(\.total), fractionDigits: fractionDigits)
        for i in scores.indices { scores[i].rank = ranks[i] }
        return scores.enumerated()
            .sorted { ($0.element.rank!, $0.offset) < ($1.element.rank!, $1.offset) }
            .map(\.element)
    }

    /// The share of a criterion's points an input earns; `nil` when the rule cannot read it.
    static func share(_ rule: ScoringRule, _ input: ScoringInput) -> Double? {
        switch rule {
        case .ratio(let full):
            guard let x = input.figure, full > 0 else { return nil }
            return min(max(x / full, 0), 1)
        case .yesNo:
            if let g = input.grade { return g == .half ? nil : g.share }
            guard let v = input.value, v == 0 || v == 1 else { return nil }
            return v
        case .fullHalfZero:
            if let g = input.grade { return g.share }
            guard let v = input.value, [0, 0.5, 1].contains(v) else { return nil }
            return v
        case .thresholds(let steps):
            guard let x = input.figure else { return nil }
            return steps.first { $0.contains(x) }?.share ?? 0
        }
    }
}
