/// A scheme for scoring and ranking units on digital transformation (bộ chỉ số đánh giá chuyển
/// đổi số): the national DTI of Quyết định 922/QĐ-BTTTT, or a province's own variant for its
/// departments, districts and communes. Data, not code (domain §9): a province edits the JSON.
public struct ScoringScheme: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var year: Int
    /// The document that issued the scheme, or a note on where it comes from.
    public var source: String?
    /// One part per level of unit ranked; departments and districts are scored on different
    /// criteria and ranked separately.
    public var parts: [ScoringPart]

    public init(code: String, name: String, year: Int, source: String? = nil, parts: [ScoringPart]) {
        self.code = code
        self.name = name
        self.year = year
        self.source = source
        self.parts = parts
    }

    public func part(for level: AdminLevel) -> ScoringPart? {
        parts.first { $0.level == level }
    }

    /// The ranking of `units` under the part for `level`; `nil` when the scheme has no such part.
    public func ranking(level: AdminLevel, units: [String], inputs: [ScoringInput],
                        fractionDigits: Int = 4) -> [UnitScore]? {
        part(for: level)?.ranking(units: units, inputs: inputs, fractionDigits: fractionDigits)
    }
}

/// The main indices and their criteria for units of one level.
public struct ScoringPart: Hashable, Sendable, Codable {
    public var level: AdminLevel
    public var name: String
    public var indices: [ScoringIndex]

    public init(level: AdminLevel, name: String, indices: [ScoringIndex]) {
        self.level = level
        self.name = name
        self.indices = indices
    }

    /// The scale of the total: 1,000 for the DTI.
    public var maximum: Double { indices.reduce(0) { $0 + $1.maximum } }

    public func criterion(_ code: String) -> ScoringCriterion? {
        for index in indices {
            if let c = index.criteria.first(where: { $0.code == code }) { return c }
        }
        return nil
    }
}

/// A main index (chỉ số chính): "Nhận thức số", 100 points.
public struct ScoringIndex: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    /// 0 for an index that is reported but not scored (the DTI's "Đô thị thông minh — Không
    /// tính điểm"): it gets no value and does not enter the total.
    public var maximum: Double
    public var criteria: [ScoringCriterion]

    public init(code: String, name: String, maximum: Double, criteria: [ScoringCriterion] = []) {
        self.code = code
        self.name = name
        self.maximum = maximum
        self.criteria = criteria
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        maximum = try c.decode(Double.self, forKey: .maximum)
        criteria = try c.decodeIfPresent([ScoringCriterion].self, forKey: .criteria) ?? []
    }
}

/// A component criterion (chỉ số thành phần / tiêu chí) with its points and how they are earned.
public struct ScoringCriterion: Hashable, Sendable, Codable {
    /// Unique within its part: "1.1", "6.3".
    public var code: String
    public var name: String
    public var points: Double
    public var rule: ScoringRule
    /// Provincial schemes give points only with evidence cited ("Có trích dẫn số hiệu, tên văn
    /// bản ..."): without it the criterion scores zero.
    public var requiresEvidence: Bool
    /// The scoring method as the scheme writes it, for the people who fill the form in.
    public var method: String?

    public init(code: String, name: String, points: Double, rule: ScoringRule,
                requiresEvidence: Bool = false, method: String? = nil) {
        self.code = code
        self.name = name
        self.points = points
        self.rule = rule
        self.requiresEvidence = requiresEvidence
        self.method = method
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        points = try c.decode(Double.self, forKey: .points)
        rule = try c.decode(ScoringRule.self, forKey: .rule)
        requiresEvidence = try c.decodeIfPresent(Bool.self, forKey: .requiresEvidence) ?? false
        method = try c.decodeIfPresent(String.self, forKey: .method)
    }
}
