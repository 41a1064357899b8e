/// The JSON shape of an evaluation, shared by `dxtrack evaluate --format json` and the API, so
/// scripts read one contract. Numbers are plain JSON numbers; labels are the Vietnamese texts
/// shown on screen.
public struct EvaluationDocument: Codable, Sendable, Hashable {
    public struct UnitRef: Codable, Sendable, Hashable {
        public var code: String
        public var name: String
    }

    public struct TargetRef: Codable, Sendable, Hashable {
        public var year: Int
        public var level: AdminLevel
        public var comparator: Comparator
        public var value: Double?
        public var upper: Double?
        public var text: String
        /// "≥ 80%".
        public var label: String
    }

    public struct CoverageRef: Codable, Sendable, Hashable {
        public var expected: Int
        public var reporting: Int
        /// Expected units without data, by code.
        public var missing: [String]
        public var label: String
    }

    public struct IndicatorRow: Codable, Sendable, Hashable {
        public var code: String
        public var name: String
        public var pillar: String?
        public var measure: MeasureKind
        public var target: TargetRef?
        public var value: Double?
        public var numerator: Double?
        public var denominator: Double?
        public var text: String?
        /// `reported`, `aggregated` or `missing`.
        public var source: ValueSource
        public var coverage: CoverageRef
        /// `met`, `partlyMetFrom50`, `partlyMetBelow50`, `partlyMetUnstated`, `notMet`, `notEvaluable`.
        public var evaluation: EvaluationClass
        /// "Hoàn thành", "Đạt 81,16% mục tiêu", "Chưa đạt", "Chưa đánh giá".
        public var evaluationLabel: String
        public var percentOfTarget: Double?
        public var contradictsJudgement: Bool

        /// Absent figures are written as `null`, so every row has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(pillar, forKey: .pillar)
            try c.encode(measure, forKey: .measure)
            try c.encode(target, forKey: .target)
            try c.encode(value, forKey: .value)
            try c.encode(numerator, forKey: .numerator)
            try c.encode(denominator, forKey: .denominator)
            try c.encode(text, forKey: .text)
            try c.encode(source, forKey: .source)
            try c.encode(coverage, forKey: .coverage)
            try c.encode(evaluation, forKey: .evaluation)
            try c.encode(evaluationLabel, forKey: .evaluationLabel)
            try c.encode(percentOfTarget, forKey: .percentOfTarget)
            try c.encode(contradictsJudgement, forKey: .contradictsJudgement)
        }
    }

    public struct Summary: Codable, Sendable, Hashable {
        public var total: Int
        public var met: Int
        public var partlyMetFrom50: Int
        public var below50: Int
        public var partlyMetUnstated: Int
        public var notMet: Int
        public var notEvaluable: Int
        /// The summary sentences, headline first.
        public var sentences: [String]
    }

    public struct TaskCounts: Codable, Sendable, Hashable {
        public var inScope: Int
        /// Status code → count; `noReport` for tasks nobody reported on.
        public var byStatus: [String: Int]
        public var overdue: [String]
        public var sentences: [String]
        public var byPillar: [String]
    }

    public var plan: String
    public var planTitle: String
    public var period: String
    public var periodLabel: String
    public var unit: UnitRef
    public var indicators: [IndicatorRow]
    public var summary: Summary
    public var tasks: TaskCounts
    /// True when drafts and other unsubmitted figures were counted: never official figures.
    public var includesUnsubmitted: Bool = false
    /// When the figures were read, ISO-8601 in Vietnam time.
    public var dataReadAt: String?
    /// For periods before the unit existed: which predecessors its figures come from.
    public var lineage: [String] = []
}

extension PlanEvaluation {
    public var document: EvaluationDocument {
        let s = summary
        let rows = indicators.map { r -> EvaluationDocument.IndicatorRow in
            let a = r.aggregate
            let target = r.evaluation.target.map {
                EvaluationDocument.TargetRef(year: $0.year, level: $0.level, comparator: $0.comparator, value: $0.value,
                                             upper: $0.upper, text: $0.text,
                                             label: $0.shortLabelVI(unit: r.indicator.unitOfMeasure))
            }
            return EvaluationDocument.IndicatorRow(
                code: r.indicator.code, name: r.indicator.name, pillar: r.indicator.pillarCode, measure: r.indicator.measure,
                target: target, value: a.value, numerator: a.numerator, denominator: a.denominator, text: a.text,
                source: a.source,
                coverage: .init(expected: a.coverage.expected.count, reporting: a.coverage.reporting.count,
                                missing: a.coverage.missing, label: a.coverage.labelVI),
                evaluation: r.evaluation.evaluationClass, evaluationLabel: r.evaluation.labelVI,
                percentOfTarget: r.evaluation.percentOfTarget, contradictsJudgement: r.evaluation.contradictsJudgement)
        }
        var byStatus: [String: Int] = [:]
        for line in tasks.inScope { byStatus[line.status?.rawValue ?? "noReport", default: 0] += 1 }
        return EvaluationDocument(
            plan: plan.code, planTitle: plan.title, period: period.identifier, periodLabel: period.labelVI,
            unit: .init(code: unit.code, name: unit.name), indicators: rows,
            summary: .init(total: s.total, met: s.count(.met), partlyMetFrom50: s.count(.partlyMetFrom50),
                           below50: s.count(.partlyMetBelow50), partlyMetUnstated: s.count(.partlyMetUnstated),
                           notMet: s.count(.notMet), notEvaluable: s.count(.notEvaluable),
                           sentences: [s.headlineVI(planName: plan.title)] + s.linesVI()),
            tasks: .init(inScope: tasks.inScope.count, byStatus: byStatus, overdue: tasks.overdue.map(\.task.code),
                         sentences: tasks.lines.isEmpty ? [] : [tasks.progressHeadlineVI(planName: plan.title)] + tasks.progressLinesVI(),
                         byPillar: tasks.pillarLinesVI(plan.pillars)),
            includesUnsubmitted: reading?.includesUnsubmitted ?? false, dataReadAt: reading?.iso,
            lineage: lineage?.sentencesVI ?? [])
    }
}
