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
///
/// A value type whose fields live in one shared, copy-on-write box: an evaluation copies these
/// values into parents' drill-downs, children's evaluations and comparisons by the ten
/// thousand, and a copy of the box is one reference count instead of one per string and array.
public struct AggregatedValue: Hashable, Sendable {
    private final class Box: @unchecked Sendable {
        var unitCode: String
        var period: Period
        var source: ValueSource
        var numerator: Double?
        var denominator: Double?
        var value: Double?
        var judgement: Judgement?
        var text: String?
        var author: String?
        var periodsUsed: [Period]
        var missingPeriods: [Period]
        var asOf: CalendarDate?
        var notCombinable: [String]
        var coverage: Coverage
        var parts: [AggregatedValue]

        init(unitCode: String, period: Period, source: ValueSource, numerator: Double?, denominator: Double?, value: Double?,
             judgement: Judgement?, text: String?, author: String?, periodsUsed: [Period], missingPeriods: [Period],
             asOf: CalendarDate?, notCombinable: [String], coverage: Coverage, parts: [AggregatedValue]) {
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

        func copy() -> Box {
            Box(unitCode: unitCode, period: period, source: source, numerator: numerator, denominator: denominator, value: value,
                judgement: judgement, text: text, author: author, periodsUsed: periodsUsed, missingPeriods: missingPeriods,
                asOf: asOf, notCombinable: notCombinable, coverage: coverage, parts: parts)
        }
    }

    private var box: Box

    /// The box, unshared before a write.
    private var unique: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = box.copy() }
            return box
        }
    }

    public var unitCode: String {
        get { box.unitCode }
        set { unique.unitCode = newValue }
    }
    public var period: Period {
        get { box.period }
        set { unique.period = newValue }
    }
    public var source: ValueSource {
        get { box.source }
        set { unique.source = newValue }
    }
    /// For rates, the added-up parts; the rate is `numerator / denominator`, never a mean of rates.
    public var numerator: Double? {
        get { box.numerator }
        set { unique.numerator = newValue }
    }
    public var denominator: Double? {
        get { box.denominator }
        set { unique.denominator = newValue }
    }
    /// The number compared with targets: a rate in percent, a sum, or the latest stock.
    public var value: Double? {
        get { box.value }
        set { unique.value = newValue }
    }
    /// The unit's own recorded judgement and result text (the latest, over sub-periods).
    public var judgement: Judgement? {
        get { box.judgement }
        set { unique.judgement = newValue }
    }
    public var text: String? {
        get { box.text }
        set { unique.text = newValue }
    }
    /// Who entered the unit's own figure (`DataValue.author` of the latest piece): the author of
    /// a recorded judgement.
    public var author: String? {
        get { box.author }
        set { unique.author = newValue }
    }
    /// The reported periods the unit's own figure was built from; empty unless `reported`.
    public var periodsUsed: [Period] {
        get { box.periodsUsed }
        set { unique.periodsUsed = newValue }
    }
    /// Sub-periods of a flow the unit's own figure lacks. A sum over what is there is still
    /// given, like a sum over the units that reported, and `coverage.partial` says so.
    public var missingPeriods: [Period] {
        get { box.missingPeriods }
        set { unique.missingPeriods = newValue }
    }
    /// For stocks, the last day the figure describes: earlier than `period.end` when the latest
    /// value is older than the period.
    public var asOf: CalendarDate? {
        get { box.asOf }
        set { unique.asOf = newValue }
    }
    /// Units whose figure could not be added in: a rate given only as a percentage has no
    /// numerator and denominator to add. Listed so that the gap shows.
    public var notCombinable: [String] {
        get { box.notCombinable }
        set { unique.notCombinable = newValue }
    }
    public var coverage: Coverage {
        get { box.coverage }
        set { unique.coverage = newValue }
    }
    /// Drill-down. For summed indicators, the direct children that have data or are expected
    /// to; for indicators that are not aggregable, every unit below that reported, flat.
    public var parts: [AggregatedValue] {
        get { box.parts }
        set { unique.parts = newValue }
    }

    public init(
        unitCode: String, period: Period, source: ValueSource, numerator: Double? = nil,
        denominator: Double? = nil, value: Double? = nil, judgement: Judgement? = nil,
        text: String? = nil, author: String? = nil, periodsUsed: [Period] = [], missingPeriods: [Period] = [],
        asOf: CalendarDate? = nil, notCombinable: [String] = [], coverage: Coverage = Coverage(),
        parts: [AggregatedValue] = []
    ) {
        box = Box(unitCode: unitCode, period: period, source: source, numerator: numerator, denominator: denominator, value: value,
                  judgement: judgement, text: text, author: author, periodsUsed: periodsUsed, missingPeriods: missingPeriods,
                  asOf: asOf, notCombinable: notCombinable, coverage: coverage, parts: parts)
    }

    public static func == (a: AggregatedValue, b: AggregatedValue) -> Bool {
        if a.box === b.box { return true }
        let x = a.box, y = b.box
        return x.unitCode == y.unitCode && x.period == y.period && x.source == y.source && x.numerator == y.numerator
            && x.denominator == y.denominator && x.value == y.value && x.judgement == y.judgement && x.text == y.text
            && x.author == y.author && x.periodsUsed == y.periodsUsed && x.missingPeriods == y.missingPeriods && x.asOf == y.asOf
            && x.notCombinable == y.notCombinable && x.coverage == y.coverage && x.parts == y.parts
    }

    public func hash(into h: inout Hasher) {
        let x = box
        h.combine(x.unitCode)
        h.combine(x.period)
        h.combine(x.source)
        h.combine(x.numerator)
        h.combine(x.denominator)
        h.combine(x.value)
        h.combine(x.judgement)
        h.combine(x.text)
        h.combine(x.author)
        h.combine(x.periodsUsed)
        h.combine(x.missingPeriods)
        h.combine(x.asOf)
        h.combine(x.notCombinable)
        h.combine(x.coverage)
        h.combine(x.parts)
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
