/// A measurable target of a plan (chỉ tiêu).
public struct Indicator: Hashable, Sendable, Codable {
    /// Code within the plan, as the document numbers it ("1.3"). Gaps are normal.
    public var code: String
    public var name: String
    public var pillarCode: String?
    public var measure: MeasureKind
    public var numeratorDefinition: String?
    public var denominatorDefinition: String?
    /// Unit of measure: "%", "doanh nghiệp", "% GRDP".
    public var unitOfMeasure: String?
    public var aggregation: UnitAggregation
    public var temporal: TemporalAggregation
    public var direction: Direction
    public var responsibleUnitCode: String?
    /// Rates above 100% are normally a data-entry error; some indicators allow them.
    public var allowsOverHundred: Bool
    /// Whether 0/0 is a figure of this indicator: a rate of events ("hồ sơ xử lý trực tuyến /
    /// hồ sơ phát sinh") over a period in which none happened. The rate is then shown as "—",
    /// neither 0% nor 100%. For a state ("tỷ lệ xã có cáp quang") a zero denominator is a slip.
    public var allowsZeroDenominator: Bool
    public var targets: [Target]

    public init(
        code: String, name: String, pillarCode: String? = nil, measure: MeasureKind,
        numeratorDefinition: String? = nil, denominatorDefinition: String? = nil,
        unitOfMeasure: String? = nil, aggregation: UnitAggregation = .sum,
        temporal: TemporalAggregation = .stock, direction: Direction = .higherIsBetter,
        responsibleUnitCode: String? = nil, allowsOverHundred: Bool = false, allowsZeroDenominator: Bool = false,
        targets: [Target] = []
    ) {
        self.code = code
        self.name = name
        self.pillarCode = pillarCode
        self.measure = measure
        self.numeratorDefinition = numeratorDefinition
        self.denominatorDefinition = denominatorDefinition
        self.unitOfMeasure = unitOfMeasure ?? (measure == .rate ? "%" : nil)
        self.aggregation = aggregation
        self.temporal = temporal
        self.direction = measure == .rank ? .lowerIsBetter : direction
        self.responsibleUnitCode = responsibleUnitCode
        self.allowsOverHundred = allowsOverHundred
        self.allowsZeroDenominator = allowsZeroDenominator
        self.targets = targets
    }

    /// The target for a year at a unit's level.
    public func target(year: Int, level: AdminLevel) -> Target? {
        targets.target(year: year, level: level)
    }
}

extension Indicator {
    /// As synthesised, except that `allowsZeroDenominator` may be absent: plan and indicator
    /// files written before the flag existed still import, as indicators that refuse 0/0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        pillarCode = try c.decodeIfPresent(String.self, forKey: .pillarCode)
        measure = try c.decode(MeasureKind.self, forKey: .measure)
        numeratorDefinition = try c.decodeIfPresent(String.self, forKey: .numeratorDefinition)
        denominatorDefinition = try c.decodeIfPresent(String.self, forKey: .denominatorDefinition)
        unitOfMeasure = try c.decodeIfPresent(String.self, forKey: .unitOfMeasure)
        aggregation = try c.decode(UnitAggregation.self, forKey: .aggregation)
        temporal = try c.decode(TemporalAggregation.self, forKey: .temporal)
        direction = try c.decode(Direction.self, forKey: .direction)
        responsibleUnitCode = try c.decodeIfPresent(String.self, forKey: .responsibleUnitCode)
        allowsOverHundred = try c.decode(Bool.self, forKey: .allowsOverHundred)
        allowsZeroDenominator = try c.decodeIfPresent(Bool.self, forKey: .allowsZeroDenominator) ?? false
        targets = try c.decode([Target].self, forKey: .targets)
    }
}
