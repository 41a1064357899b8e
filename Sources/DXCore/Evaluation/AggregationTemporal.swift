/// Over time: a flow adds up sub-periods, a stock takes the latest value (domain §4).
///
/// Values are never subtracted: `2024Q3` is not derived as `2024N9 − 2024S1`, because a late
/// correction to S1 would silently change Q3.

extension Period {
    /// Ways to cut the period into shorter named periods that add up to it, preferred first.
    /// Each piece may be cut again, so a year built from `S1`, `Q3` and three months works.
    var flowSplits: [[Period]] {
        let y = start.year
        switch type {
        case .year:
            return [[.calendar(.halfYear, year: y, number: 1), .calendar(.halfYear, year: y, number: 2)],
                    [.calendar(.nineMonths, year: y), .calendar(.quarter, year: y, number: 4)]]
        case .halfYear:
            return [subPeriods(of: .quarter)]
        case .nineMonths:
            return [[.calendar(.halfYear, year: y, number: 1), .calendar(.quarter, year: y, number: 3)]]
        case .quarter:
            return [subPeriods(of: .month)]
        case .month, .custom:
            return []
        }
    }
}

/// A unit's own figure for a period, from what it reported for that period or its parts.
struct OwnFigure: Sendable {
    var numerator: Double?
    var denominator: Double?
    var value: Double?
    var judgement: Judgement?
    var text: String?
    var author: String?
    var used: [Period]
    var missing: [Period]
    var asOf: CalendarDate?
    /// False when a flow rate came as percentages only for several sub-periods: they cannot be
    /// added, and averaging them is the mistake this engine exists to avoid.
    var combinable: Bool
}

/// What one unit reported for one indicator, by period.
struct UnitSeries: Sendable {
    var values = PeriodValues()

    func figure(for period: Period, measure: MeasureKind, temporal: TemporalAggregation) -> OwnFigure? {
        switch temporal {
        case .flow: return flow(period, measure: measure)
        case .stock: return stock(period, measure: measure)
        }
    }

    private func flow(_ period: Period, measure: MeasureKind) -> OwnFigure? {
        let (used, missing) = cover(period)
        guard !used.isEmpty else { return nil }
        let pieces = used.compactMap { values[$0] }
        var figure = OwnFigure(used: used, missing: missing, combinable: true)
        let last = pieces.last!
        figure.judgement = last.judgement
        figure.text = last.text
        figure.author = last.author
        if pieces.count == 1 {
            figure.numerator = last.numerator
            figure.denominator = last.denominator
            figure.value = UnitSeries.number(last, measure: measure)
            return figure
        }
        switch measure {
        case .qualitative, .rank:
            // Neither adds up over time; the latest statement stands.
            figure.value = last.value
        case .rate:
            if pieces.contains(where: { ($0.numerator == nil || $0.denominator == nil) && $0.value != nil }) {
                figure.combinable = false
                return figure
            }
            let parts = pieces.filter { $0.numerator != nil && $0.denominator != nil }
            guard !parts.isEmpty else { return figure }
            let n = parts.reduce(0) { $0 + $1.numerator! }
            let d = parts.reduce(0) { $0 + $1.denominator! }
            figure.numerator = n
            figure.denominator = d
            figure.value = d == 0 ? nil : n * 100 / d
        case .count, .amount:
            let numbers = pieces.compactMap { UnitSeries.number($0, measure: measure) }
            figure.value = numbers.isEmpty ? nil : numbers.reduce(0, +)
        }
        return figure
    }

    /// The largest reported pieces that tile `period`, and the pieces nothing was reported for.
    /// Among several tilings the one covering the most days wins; the first on a tie.
    private func cover(_ period: Period) -> (used: [Period], missing: [Period]) {
        if values[period] != nil { return ([period], []) }
        var best: (used: [Period], missing: [Period])?
        var bestDays = 0
        for split in period.flowSplits {
            var used: [Period] = [], missing: [Period] = []
            for piece in split {
                let c = cover(piece)
                used += c.used
                missing += c.missing
            }
            let days = used.reduce(0) { $0 + $1.dayCount }
            if days > bestDays {
                best = (used, missing)
                bestDays = days
            }
        }
        return best ?? ([], [period])
    }

    /// A stock describes the state on the last day of the period it was reported for, so any
    /// value whose period ends within `period` may stand for it: `2024S1` gives `2024Q2` its
    /// figure at 30/06. The latest such day wins; on the same day, the period itself, then the
    /// longer period (the year before its fourth quarter).
    private func stock(_ period: Period, measure: MeasureKind) -> OwnFigure? {
        // The period itself ends last and wins a tie: no need to look at the others.
        var latest: (period: Period, value: DataValue)?
        if let v = values[period] {
            latest = (period, v)
        } else {
            for (p, v) in values where period.contains(p.end) {
                if let l = latest?.period, (p.end, p.dayCount) <= (l.end, l.dayCount) { continue }
                latest = (p, v)
            }
        }
        guard let (p, v) = latest else { return nil }
        return OwnFigure(numerator: v.numerator, denominator: v.denominator,
                         value: UnitSeries.number(v, measure: measure), judgement: v.judgement,
                         text: v.text, author: v.author, used: [p], missing: [], asOf: p.end, combinable: true)
    }

    /// The number a value stands for: a rate from its parts when they are there.
    static func number(_ v: DataValue, measure: MeasureKind) -> Double? {
        measure == .qualitative ? v.value : v.effectiveValue
    }
}

/// Values by period, in the order they were first given. A unit reports a handful of periods
/// for an indicator, and an evaluation looks them up by the hundred thousand: comparing a few
/// periods is cheaper than hashing one. A long series (years of months) is indexed as well.
struct PeriodValues: Sendable, Sequence {
    private var pairs: [(period: Period, value: DataValue)] = []
    private var index: [Period: Int]?
    private static let indexFrom = 16

    subscript(period: Period) -> DataValue? {
        get { position(of: period).map { pairs[$0].value } }
        set {
            guard let newValue else {
                if let i = position(of: period) {
                    pairs.remove(at: i)
                    reindex()
                }
                return
            }
            if let i = position(of: period) {
                pairs[i].value = newValue
            } else {
                pairs.append((period, newValue))
                if index != nil { index?[period] = pairs.count - 1 } else { reindex() }
            }
        }
    }

    var count: Int { pairs.count }

    func makeIterator() -> IndexingIterator<[(period: Period, value: DataValue)]> { pairs.makeIterator() }

    private func position(of period: Period) -> Int? {
        if let index { return index[period] }
        return pairs.firstIndex { $0.period == period }
    }

    private mutating func reindex() {
        guard pairs.count >= Self.indexFrom else {
            index = nil
            return
        }
        var byPeriod: [Period: Int] = [:]
        for (i, p) in pairs.enumerated() { byPeriod[p.period] = i }
        index = byPeriod
    }
}
