/// Why a criterion scored what it did, beyond the rule itself.
public enum CriterionScoreStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Scored by the rule from the unit's input.
    case scored
    /// Nothing submitted. Scoring schemes give no points without data, unlike indicator
    /// evaluation where missing is "Chưa đánh giá"; the status keeps the two apart on screen.
    case missing
    /// Input given but the evidence the criterion requires is not cited.
    case noEvidence
    /// Input that the rule cannot read: a half on a yes/no criterion, no figure for a ratio.
    case invalid

    public var labelVI: String {
        switch self {
        case .scored: "Đã chấm"
        case .missing: "Chưa có số liệu"
        case .noEvidence: "Thiếu minh chứng"
        case .invalid: "Số liệu không hợp lệ"
        }
    }
}

/// The points of one criterion for one unit, with the evidence behind them.
public struct CriterionScore: Hashable, Sendable {
    public var code: String
    public var name: String
    public var points: Double
    public var maximum: Double
    public var status: CriterionScoreStatus
    public var input: ScoringInput?

    public var evidence: [String] { input?.evidence ?? [] }
}

/// A main index for one unit: points earned and the published value in [0, 1].
public struct IndexScore: Hashable, Sendable {
    public var code: String
    public var name: String
    public var points: Double
    public var maximum: Double
    /// Points over maximum, at most 1; `nil` for an index that is not scored.
    public var value: Double?
    public var criteria: [CriterionScore]
}

/// A unit's scores under one part of a scheme.
public struct UnitScore: Hashable, Sendable {
    public var unitCode: String
    public var indices: [IndexScore]
    /// Σ value × maximum over the scored indices: 800,175 for Đà Nẵng 2022.
    public var points: Double
    public var maximum: Double
    /// The index: points / maximum, in [0, 1] (`0,8002`).
    public var total: Double
    /// 1 for the best; units with the same published total share a rank (1, 2, 2, 4). `nil` until
    /// ranked.
    public var rank: Int?

    public func index(_ code: String) -> IndexScore? { indices.first { $0.code == code } }
}
