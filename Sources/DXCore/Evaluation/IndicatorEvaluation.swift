/// One indicator evaluated against its target for one unit and year (docs/evaluation.md §3–5).
///
/// - The target is the one for the year and the unit's administrative level (`UnitKind.level`):
///   the level's own row; for a department, the province's row ("tại cấp tỉnh" covers the
///   provincial departments); else an every-level row. Pass a target (`targetInForce`, say)
///   to choose otherwise.
/// - A number decides where there is a numeric target and a number. A recorded judgement is
///   used where no number decides: a qualitative indicator, a target evaluated by judgement,
///   no numeric target, or no number reported. A judgement that disagrees with the number is
///   kept and flagged, not obeyed: the documents contradict themselves and that must show.
/// - For a qualitative indicator `value` is the share of the target the judgement states
///   ("Hoàn thành 78%" → 78), since such an indicator has no measured value of its own.
public struct IndicatorEvaluation: Hashable, Sendable {
    public var indicatorCode: String
    public var indicatorName: String
    public var pillarCode: String?
    public var direction: Direction
    public var target: Target?
    public var value: Double?
    public var judgement: Judgement?
    /// Who recorded the judgement (`DataValue.author`), shown beside it.
    public var judgementAuthor: String?
    public var outcome: EvaluationOutcome
    /// True when a recorded judgement says something else than the number decided.
    public var contradictsJudgement: Bool

    /// The rule itself, with the target given.
    public init(indicator: Indicator, value: Double?, judgement: Judgement?, text: String? = nil,
                author: String? = nil, target: Target?) {
        indicatorCode = indicator.code
        indicatorName = indicator.name
        pillarCode = indicator.pillarCode
        direction = indicator.direction
        self.target = target
        let value = value.flatMap { $0.isFinite ? $0 : nil }
        self.value = value
        self.judgement = judgement
        judgementAuthor = judgement == nil ? nil : author
        contradictsJudgement = false

        let qualitative = indicator.measure == .qualitative
        let numeric = !qualitative && target.map { $0.comparator != .judgement } == true
        if numeric, let t = target, let x = value, let o = t.outcome(for: x, direction: indicator.direction) {
            outcome = o
            contradictsJudgement = judgement.map { !$0.agrees(with: o) } ?? false
        } else if let j = judgement {
            outcome = j.outcome(statedPercent: qualitative ? value : nil)
        } else if target == nil {
            outcome = .notEvaluable(.noTarget)
        } else if numeric || (value == nil && (text ?? "").isEmpty) {
            outcome = .notEvaluable(.noData)
        } else {
            outcome = .notEvaluable(.noJudgement)
        }
    }

    /// Looks up the target for `year` at `level` (`Indicator.evaluationTarget`).
    public init(indicator: Indicator, value: Double?, judgement: Judgement?, text: String? = nil,
                author: String? = nil, year: Int, level: AdminLevel) {
        self.init(indicator: indicator, value: value, judgement: judgement, text: text, author: author,
                  target: indicator.evaluationTarget(year: year, level: level))
    }

    /// A single reported value; `nil` when the unit reported nothing.
    public init(indicator: Indicator, reported: DataValue?, year: Int, level: AdminLevel) {
        let value = reported.flatMap { indicator.measure == .qualitative ? $0.value : $0.effectiveValue }
        self.init(indicator: indicator, value: value, judgement: reported?.judgement, text: reported?.text,
                  author: reported?.author, year: year, level: level)
    }

    /// An aggregate, for the year of its period, at `level`.
    public init(indicator: Indicator, aggregate: AggregatedValue, level: AdminLevel) {
        self.init(indicator: indicator, value: aggregate.value, judgement: aggregate.judgement,
                  text: aggregate.text, author: aggregate.author, year: aggregate.period.year, level: level)
        // 0/0 is a figure without a rate: not evaluable, but not for want of data.
        if aggregate.isZeroOverZero, outcome == .notEvaluable(.noData) { outcome = .notEvaluable(.noEvents) }
    }

    /// An aggregate of `unit`, at the level of the unit's kind: what a dashboard calls.
    public init(indicator: Indicator, aggregate: AggregatedValue, unit: OrgUnit) {
        self.init(indicator: indicator, aggregate: aggregate, level: unit.kind.level)
    }

    public var evaluationClass: EvaluationClass { outcome.evaluationClass }

    /// "Hoàn thành", "Đạt 81,16% mục tiêu", "Chưa đạt", "Chưa đánh giá".
    public var labelVI: String { outcome.labelVI }

    /// The share of the target reached, when the outcome states one (partly met only).
    public var percentOfTarget: Double? {
        if case .partlyMet(let p) = outcome { return p }
        return nil
    }
}

extension Indicator {
    /// The target an evaluation for `year` at `level` uses: the level's own row; for a
    /// department the province's row (a department's work is "cấp tỉnh"); else an `any` row.
    /// `nil` when the plan sets none for that year and level.
    public func evaluationTarget(year: Int, level: AdminLevel) -> Target? {
        let own = targets.first { $0.year == year && $0.level == level }
        if let own { return own }
        if level == .department, let p = targets.first(where: { $0.year == year && $0.level == .province }) {
            return p
        }
        return targets.first { $0.year == year && $0.level == .any }
    }
}
