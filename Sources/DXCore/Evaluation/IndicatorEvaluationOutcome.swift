/// Why an indicator could not be evaluated ("Chưa đánh giá").
public enum NotEvaluableReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nothing usable was reported: "Chưa có số liệu".
    case noData
    /// No target for the year and the unit's level, and no judgement to fall back on.
    case noTarget
    /// A target evaluated by judgement, and none recorded.
    case noJudgement
    /// A rate of 0/0: units reported that nothing happened in the period, so there is no rate
    /// to hold against the target — a figure, not missing data.
    case noEvents

    public var labelVI: String {
        switch self {
        case .noData: "Chưa có số liệu"
        case .noTarget: "Chưa có mục tiêu"
        case .noJudgement: "Chưa có đánh giá"
        case .noEvents: "Không phát sinh trong kỳ"
        }
    }
}

/// The result of comparing a value with its target.
public enum EvaluationOutcome: Hashable, Sendable {
    /// "Hoàn thành" / "Đạt".
    case met
    /// "Đạt 81,16% mục tiêu". The share is `nil` when a judgement says "partly" without a number.
    case partlyMet(percentOfTarget: Double?)
    /// "Chưa đạt": nothing measurable reached, a rank outside the group, or a recorded judgement.
    case notMet
    /// "Chưa đánh giá".
    case notEvaluable(NotEvaluableReason)

    public var evaluationClass: EvaluationClass {
        switch self {
        case .met: return .met
        case .partlyMet(let p?):
            return EvaluationClass.roundedPercent(p) >= 50 ? .partlyMetFrom50 : .partlyMetBelow50
        case .partlyMet(nil): return .partlyMetUnstated
        case .notMet: return .notMet
        case .notEvaluable: return .notEvaluable
        }
    }

    /// The evaluation column of an appendix: "Hoàn thành", "Đạt 81,16% mục tiêu", "Chưa đạt",
    /// "Chưa đánh giá".
    public var labelVI: String {
        switch self {
        case .met: "Hoàn thành"
        case .partlyMet(let p?): "Đạt \(VNNumber.percent(p)) mục tiêu"
        case .partlyMet(nil): "Đạt một phần mục tiêu"
        case .notMet: "Chưa đạt"
        case .notEvaluable: "Chưa đánh giá"
        }
    }

    public var labelEN: String {
        switch self {
        case .met: "Met"
        case .partlyMet(let p?): "\(VNNumber.percent(p, locale: .en)) of target reached"
        case .partlyMet(nil): "Partly met"
        case .notMet: "Not met"
        case .notEvaluable: "Not evaluated"
        }
    }
}

/// The classes summary lines count. Ordered from worst to best among evaluable results, so that
/// "a better value never gives a worse class" can be stated with `<`.
public enum EvaluationClass: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case notEvaluable
    case notMet
    case partlyMetBelow50
    /// Partly met by a judgement that states no share: neither band can be claimed for it.
    case partlyMetUnstated
    case partlyMetFrom50
    case met

    /// The wording of the summary lines: "hoàn thành", "hoàn thành từ 50%", "hoàn thành dưới 50%".
    public var labelVI: String {
        switch self {
        case .met: "Hoàn thành"
        case .partlyMetFrom50: "Hoàn thành từ 50%"
        case .partlyMetBelow50: "Hoàn thành dưới 50%"
        case .partlyMetUnstated: "Hoàn thành một phần"
        case .notMet: "Chưa đạt"
        case .notEvaluable: "Chưa đánh giá"
        }
    }

    public static func < (a: EvaluationClass, b: EvaluationClass) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The band is decided on the figure the reader sees (two decimals), so that "Đạt 50%
    /// mục tiêu" is never counted under "dưới 50%".
    static func roundedPercent(_ p: Double) -> Double {
        (p * 100).rounded(.toNearestOrAwayFromZero) / 100
    }
}
