/// What the units strictly below one unit add up to, for one indicator and one period, when the
/// sum was computed elsewhere — by the database, with a GROUP BY over the unit's subtree — instead
/// of from every unit's values (issue 14.1: a national page must not decode the whole country).
///
/// The aggregator takes it in place of recursing into the unit's children ("a collapsed
/// subtree"). It gives exactly the figures the recursion gives only under conditions the producer
/// guarantees for that unit, indicator and period (`Store.subtreeSums` checks them in SQL and
/// sends every other case to the full computation):
/// - the indicator is summed (`aggregation == .sum`) and is a rate, a count or an amount;
/// - every figure below the unit that the period may read is for exactly that period, a plain
///   figure (a rate's numerator and denominator, or a count's value) of whole numbers, so the
///   over-time rules have nothing to choose and the order of addition changes nothing;
/// - for a stock, no unit below was closed before the period's end;
/// - the sums are over the frontier of own figures: a figure counts when no unit between it and
///   the collapsed unit has a figure of its own for the indicator and period (own figure wins);
/// - units expected to report (`ExpectedReporters`) are the collapsed unit, its direct children
///   or units above it, never deeper.
/// The one difference is the drill-down: a collapsed unit's `parts` is empty (its units are
/// read by opening it), and so nothing below it is listed as `notCombinable` (none can be).
public struct BelowSum: Hashable, Sendable {
    /// A rate's added-up parts; nil when nothing below has a figure.
    public var numerator: Double?
    public var denominator: Double?
    /// A count's or amount's sum; nil when nothing below has a figure.
    public var value: Double?
    /// The unit's direct children with a figure in their subtree for the period: for coverage.
    public var reportingChildren: Set<String>

    public init(numerator: Double? = nil, denominator: Double? = nil, value: Double? = nil,
                reportingChildren: Set<String> = []) {
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.reportingChildren = reportingChildren
    }
}

/// Collapsed subtrees of one plan: indicator code → unit code → period → what is below the unit.
/// A period missing for a collapsed unit means that nothing below it was read for that period,
/// as with values that were not read.
public typealias BelowSums = [String: [String: [Period: BelowSum]]]
