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
    public var targets: [Target]

    public init(
        code: String, name: String, pillarCode: String? = nil, measure: MeasureKind,
        numeratorDefinition: String? = nil, denominatorDefinition: String? = nil,
        unitOfMeasure: String? = nil, aggregation: UnitAggregation = .sum,
        temporal: TemporalAggregation = .stock, direction: Direction = .higherIsBetter,
        responsibleUnitCode: String? = nil, allowsOverHundred: Bool = false, targets: [Target] = []
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
        self.targets = targets
    }

    /// The target for a year at a unit's level.
    public func target(year: Int, level: AdminLevel) -> Target? {
        targets.target(year: year, level: level)
    }
}
