/// Where the figure of an aggregate comes from.
public enum ValueSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// The unit reported it itself, for the period or for sub-periods that add up to it.
    case reported
    /// Computed from the units below, because the unit has no figure of its own.
    case aggregated
    /// Neither the unit nor anything below it has a usable figure: "Chưa có số liệu", not zero.
    case missing

    public var labelVI: String {
        switch self {
        case .reported: "Đơn vị báo cáo"
        case .aggregated: "Tổng hợp từ đơn vị trực thuộc"
        case .missing: "Chưa có số liệu"
        }
    }
}

/// The value of one indicator for one unit and one period, with what it was built from.
public struct AggregatedValue: Hashable, Sendable {
    public var unitCode: String
    public var period: Period
    public var source: ValueSource
    /// For rates, the added-up parts; the rate is `numerator / denominator`, never a mean of rates.
    public var numerator: Double?
    public var denominator: Double?
    /// The number compared with targets: a rate in percent, a sum, or the latest stock.
    public var value: Double?
    /// The unit's own recorded judgement and result text (the latest, over sub-periods).
    public var judgement: Judgement?
    public var text: String?
    /// Who entered the unit's own figure (`DataValue.author` of the latest piece): the author of
    /// a recorded judgement.
    public var author: String?
    /// The reported periods the unit's own figure was built from; empty unless `reported`.
    public var periodsUsed: [Period]
    /// Sub-periods of a flow the unit's own figure lacks. A sum over what is there is still
    /// given, like a sum over the units that reported, and `coverage.partial` says so.
    public var missingPeriods: [Period]
    /// For stocks, the last day the figure describes: earlier than `period.end` when the latest
    /// value is older than the period.
    public var asOf: CalendarDate?
    /// Units whose figure could not be added in: a rate given only as a percentage has no
    /// numerator and denominator to add. Listed so that the gap shows.
    public var notCombinable: [String]
    public var coverage: Coverage
    /// Drill-down. For summed indicators, the direct children that have data or are expected
    /// to; for indicators that are not aggregable, every unit below that reported, flat.
    public var parts: [AggregatedValue]

    public init(
        unitCode: String, period: Period, source: ValueSource, numerator: Double? = nil,
        denominator: Double? = nil, value: Double? = nil, judgement: Judgement? = nil,
        text: String? = nil, author: String? = nil, periodsUsed: [Period] = [], missingPeriods: [Period] = [],
        asOf: CalendarDate? = nil, notCombinable: [String] = [], coverage: Coverage = Coverage(),
        parts: [AggregatedValue] = []
    ) {
        self.unitCode = unitCode
        self.period = period
        self.source = source
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.judgement = judgement
        self.text = text
        self.author = author
        self.periodsUsed = periodsUsed
        self.missingPeriods = missingPeriods
        self.asOf = asOf
        self.notCombinable = notCombinable
        self.coverage = coverage
        self.parts = parts
    }

    public var hasData: Bool {
        value != nil || numerator != nil || judgement != nil || !(text ?? "").isEmpty
    }

    /// A rate whose parts add up to 0/0: units reported that nothing happened. It is a figure
    /// (the units count as reporting) without a rate, written "—" (`ZeroDenominatorRule.noRate`).
    public var isZeroOverZero: Bool { numerator == 0 && denominator == 0 }

    /// Whether the unit's own figure covers the whole period.
    public var coversPeriod: Bool {
        missingPeriods.isEmpty && (asOf.map { $0 >= period.end } ?? true)
    }
}
