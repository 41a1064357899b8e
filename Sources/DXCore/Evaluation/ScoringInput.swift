/// How an assessor graded a criterion scored full / half / zero.
public enum ScoringGrade: String, Hashable, Sendable, Codable, CaseIterable {
    case full
    case half
    case zero

    public var share: Double {
        switch self {
        case .full: 1
        case .half: 0.5
        case .zero: 0
        }
    }

    public var labelVI: String {
        switch self {
        case .full: "Điểm tối đa"
        case .half: "1/2 điểm tối đa"
        case .zero: "0 điểm"
        }
    }
}

/// What one unit submitted for one criterion, with its evidence.
public struct ScoringInput: Hashable, Sendable, Codable {
    public var unitCode: String
    public var criterionCode: String
    /// For ratio and threshold rules: the parts of a rate, or the figure itself (a rate in
    /// percent, as everywhere in dxtrack, or a count).
    public var numerator: Double?
    public var denominator: Double?
    public var value: Double?
    /// For yes/no (full or zero) and full/half/zero rules.
    public var grade: ScoringGrade?
    /// Số ký hiệu of the documents cited, or a short text where the evidence is not a document.
    public var evidence: [String]

    public init(unitCode: String, criterionCode: String, numerator: Double? = nil, denominator: Double? = nil,
                value: Double? = nil, grade: ScoringGrade? = nil, evidence: [String] = []) {
        self.unitCode = unitCode
        self.criterionCode = criterionCode
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.grade = grade
        self.evidence = evidence
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unitCode = try c.decode(String.self, forKey: .unitCode)
        criterionCode = try c.decode(String.self, forKey: .criterionCode)
        numerator = try c.decodeIfPresent(Double.self, forKey: .numerator)
        denominator = try c.decodeIfPresent(Double.self, forKey: .denominator)
        value = try c.decodeIfPresent(Double.self, forKey: .value)
        grade = try c.decodeIfPresent(ScoringGrade.self, forKey: .grade)
        evidence = try c.decodeIfPresent([String].self, forKey: .evidence) ?? []
    }

    /// The measured figure: a rate from its parts when both are there, else the value. A zero
    /// denominator gives no figure (nothing to measure), not zero.
    public var figure: Double? {
        if let n = numerator, let d = denominator { return d == 0 ? nil : n * 100 / d }
        return value
    }
}
