/// The value of one indicator for any unit and period, computed from reported values.
///
/// Rules (docs/evaluation.md §1–2):
/// - Over time first, per unit: a flow adds up the sub-periods the unit reported (`S1` =
///   `Q1` + `Q2`, rates adding numerators and denominators), a stock takes the value of the
///   latest reported period ending within the period; a unit closed before the period's end
///   has no stock in it (its successor has).
/// - Then over units. **A unit's own figure wins**: a province or district that reports its own
///   consolidated figure is taken at its word, and the units below give coverage and drill-down
///   only. A unit without a figure of its own (or whose own entry has no number, only words)
///   gets the sum of its children's values, each of them computed by the same rule — so a
///   district's own total is never added to its communes'.
/// - Rates add numerators and denominators; counts and amounts add up; indicators whose
///   `aggregation` is `.none` are never combined: the node keeps its own figure, if any, and
///   lists the figures below it.
/// - A missing value is missing: it adds nothing and is never read as zero. Coverage says who
///   was expected and who reported.
///
/// Values are plain `DataValue`s of one plan (indicator codes are per plan), so the aggregator
/// can be fed from a query, a cache or an incrementally maintained summary.
public struct IndicatorAggregator: Sendable {
    public let indicator: Indicator
    public let tree: UnitTree
    public let expected: ExpectedReporters
    /// Values of this indicator whose period identifier could not be read. Kept to be shown:
    /// dropping them silently would hide data.
    public let unreadable: [DataValue]
    private let series: [String: UnitSeries]
    /// Periods for which a unit answered with a note only ("Chưa có số liệu"): it has reported
    /// (the coverage rule, `ReportedContent`), but the note is no figure, so it stays out of the
    /// series where it would hide an earlier stock or a missing quarter of a flow.
    private let notes: [String: [Period]]
    /// Units whose subtree comes summed (`BelowSum`), by unit code and period.
    private let sums: [String: [Period: BelowSum]]

    /// `values` may hold other indicators' values; only `indicator.code`'s are used. Entries
    /// without anything reported are ignored; a note alone counts for coverage only. Where one
    /// unit has two values for one period, the later `updatedAt` wins, else the later in the array.
    /// `below`: units whose subtree was summed elsewhere (`BelowSum`, under its conditions); their
    /// own values still come in `values`.
    public init(indicator: Indicator, tree: UnitTree, values: [DataValue], expected: ExpectedReporters = .leaves,
                below: [String: [Period: BelowSum]] = [:]) {
        var series: [String: UnitSeries] = [:]
        var notes: [String: [Period]] = [:]
        var unreadable: [DataValue] = []
        for v in values where v.indicatorCode == indicator.code && v.hasReported {
            guard let p = Period(identifier: v.periodID) else {
                unreadable.append(v)
                continue
            }
            // A figure (0/0 included), a judgement or a result text; otherwise only a note.
            guard Reported.hasReported(numbers: v.enteredNumbers, judgement: v.judgement, words: [v.text]) else {
                notes[v.unitCode, default: []].append(p)
                continue
            }
            if let old = series[v.unitCode]?.values[p], let a = old.updatedAt, let b = v.updatedAt, a > b { continue }
            series[v.unitCode, default: UnitSeries()].values[p] = v
        }
        self.indicator = indicator
        self.tree = tree
        self.expected = expected
        self.unreadable = unreadable
        self.series = series
        self.notes = notes
        self.sums = below
    }

    /// The value of `unitCode` for `period`, with coverage and drill-down. An unknown unit
    /// gives a missing value.
    public func value(of unitCode: String, in period: Period) -> AggregatedValue {
        compute(unitCode, period)
    }

    /// Values of several units for one period, e.g. every district for a ranking table.
    public func values(of unitCodes: [String], in period: Period) -> [AggregatedValue] {
        unitCodes.map { compute($0, period) }
    }

    /// The value of `unitCode` and those of its children (in the tree's order) that went into
    /// it; none for the children of a unit summed below (`BelowSum`). A child's value is as this
    /// aggregator's `expected` sees it.
    public func valueWithChildren(of unitCode: String, in period: Period) -> (value: AggregatedValue, children: [AggregatedValue]) {
        node(unitCode, period)
    }

    private func compute(_ code: String, _ period: Period) -> AggregatedValue {
        node(code, period).value
    }

    private func node(_ code: String, _ period: Period) -> (value: AggregatedValue, children: [AggregatedValue]) {
        node(code, tree[code], period)
    }

    /// `unit` is `tree[code]`, handed down by the parent that has it already.
    private func node(_ code: String, _ unit: OrgUnit?, _ period: Period) -> (value: AggregatedValue, children: [AggregatedValue]) {
        // A stock is what exists at the period's end: a unit closed before then (merged into
        // another) holds none of it; its successor does.
        if indicator.temporal == .stock, let closed = unit?.validTo, closed < period.end {
            return (AggregatedValue(unitCode: code, period: period, source: .missing), [])
        }
        let own = series[code]?.figure(for: period, measure: indicator.measure, temporal: indicator.temporal)
        // A collapsed subtree: its sum stands for the children's values (`BelowSum`).
        let summed = sums.isEmpty ? nil : sums[code].map { $0[period] ?? BelowSum() }
        let units = tree.children(of: code)
        if summed == nil, units.isEmpty {
            // Nothing below (most nodes: a province's communes): the unit's own figure, made in
            // one go rather than field by field.
            let coverage = coverage(of: code, unit: unit, own: own, aggregated: false, below: Coverage(), in: period)
            guard let own else { return (AggregatedValue(unitCode: code, period: period, source: .missing, coverage: coverage), []) }
            return (AggregatedValue(unitCode: code, period: period, source: .reported, numerator: own.numerator,
                                    denominator: own.denominator, value: own.value, judgement: own.judgement, text: own.text,
                                    author: own.author, periodsUsed: own.used, missingPeriods: own.missing, asOf: own.asOf,
                                    notCombinable: own.combinable ? [] : [code], coverage: coverage), [])
        }
        let children = summed == nil ? units.map { node($0.code, $0, period).value } : []

        var result = AggregatedValue(unitCode: code, period: period, source: .missing)
        var notCombinable: [String] = []
        if let own {
            result.source = .reported
            result.numerator = own.numerator
            result.denominator = own.denominator
            result.value = own.value
            result.judgement = own.judgement
            result.text = own.text
            result.author = own.author
            result.periodsUsed = own.used
            result.missingPeriods = own.missing
            result.asOf = own.asOf
            if !own.combinable { notCombinable = [code] }
        }

        switch indicator.aggregation {
        case .none:
            result.parts = children.flatMap { c in (c.source == .reported ? [c.withoutParts] : []) + c.parts }
            notCombinable += children.flatMap(\.notCombinable)
        case .sum:
            result.parts = children.filter { $0.hasData || !$0.coverage.expected.isEmpty || !$0.notCombinable.isEmpty }
            // The own figure stands when it has a number. A unit that sent only words (or
            // percentages of sub-periods that cannot be added) still gets its units' sum.
            let ownNumber = own.map { $0.value != nil || $0.numerator != nil } ?? false
            if !ownNumber, let summed {
                combine(summed, into: &result)
            } else if !ownNumber {
                combine(children, into: &result, notCombinable: &notCombinable)
            } else {
                // What the children could not add is still worth showing.
                notCombinable += children.flatMap(\.notCombinable)
            }
        }
        result.notCombinable = notCombinable

        var below = Coverage()
        if children.count > 1 { below.reserve(children.count) }
        for c in children { below.append(c.coverage) }
        if let summed {
            // Each child's coverage as `compute` gives it: the child itself when expected (a
            // stock's closed unit has none), nothing deeper (never expected, by `BelowSum`'s
            // conditions); it reported when its subtree has a figure, and no figure there is partial.
            for child in units where expected.includes(child, in: tree, period: period) {
                if indicator.temporal == .stock, let closed = child.validTo, closed < period.end { continue }
                below.expected.append(child.code)
                if summed.reportingChildren.contains(child.code) { below.reporting.append(child.code) }
            }
        }
        result.coverage = coverage(of: code, unit: unit, own: own, aggregated: result.source == .aggregated, below: below, in: period)
        return (result, children)
    }

    /// A node's coverage: the unit itself when expected, then `below`.
    private func coverage(of code: String, unit: OrgUnit?, own: OwnFigure?, aggregated: Bool, below: Coverage,
                          in period: Period) -> Coverage {
        var coverage = Coverage()
        if let unit, expected.includes(unit, in: tree, period: period) {
            coverage.expected.append(code)
            if let own {
                coverage.reporting.append(code)
                if !own.missing.isEmpty || (own.asOf.map { $0 < period.end } ?? false) {
                    coverage.partial.append(code)
                }
            } else if aggregated {
                // An expected unit that did not report itself but whose units did has data; the
                // figure is partial when the expected units below it are not all complete.
                coverage.reporting.append(code)
                if !below.isComplete { coverage.partial.append(code) }
            } else if notes[code]?.contains(where: { period.start <= $0.start && $0.end <= period.end }) == true {
                // Answered with a note only: reported, without a figure.
                coverage.reporting.append(code)
            }
        }
        coverage.append(below)
        return coverage
    }

    /// A collapsed subtree's sum into a node that has no figure of its own: what `combine` gives
    /// from the children's values, under `BelowSum`'s conditions.
    private func combine(_ summed: BelowSum, into result: inout AggregatedValue) {
        switch indicator.measure {
        case .rate:
            if let n = summed.numerator, let d = summed.denominator {
                result.numerator = n
                result.denominator = d
                result.value = d == 0 ? nil : n * 100 / d
                result.source = .aggregated
            }
        case .count, .amount:
            if let v = summed.value {
                result.value = v
                result.source = .aggregated
            }
        case .qualitative, .rank:
            break
        }
    }

    /// Adds up the children's values into a node that has no figure of its own.
    private func combine(_ children: [AggregatedValue], into result: inout AggregatedValue,
                         notCombinable: inout [String]) {
        notCombinable += children.flatMap(\.notCombinable)
        switch indicator.measure {
        case .rate:
            var n = 0.0, d = 0.0, any = false
            for c in children {
                if let cn = c.numerator, let cd = c.denominator {
                    n += cn
                    d += cd
                    any = true
                } else if c.value != nil, !notCombinable.contains(c.unitCode) {
                    // A percentage without its parts cannot enter a ratio of sums.
                    notCombinable.append(c.unitCode)
                }
            }
            if any {
                result.numerator = n
                result.denominator = d
                result.value = d == 0 ? nil : n * 100 / d
                result.source = .aggregated
            }
        case .count, .amount:
            let numbers = children.compactMap(\.value)
            if !numbers.isEmpty {
                result.value = numbers.reduce(0, +)
                result.source = .aggregated
            }
        case .qualitative, .rank:
            // Judgements and ranks do not add up, whatever `aggregation` says.
            break
        }
    }
}

extension AggregatedValue {
    var withoutParts: AggregatedValue {
        var v = self
        v.parts = []
        return v
    }
}
