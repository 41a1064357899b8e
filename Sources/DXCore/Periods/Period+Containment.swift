import Foundation

/// How periods nest: a year holds its quarters, `2024Q3` lies in `2024S2`, `2024N9` and `2024`.
/// Everything here is by calendar days (`start`/`end`), not by cut-off windows.
extension Period {
    public func contains(_ other: Period) -> Bool {
        start <= other.start && other.end <= end
    }

    public func contains(_ day: CalendarDate) -> Bool {
        start <= day && day <= end
    }

    /// The periods of `type` lying entirely within this one, in order: year → 4 quarters,
    /// 2 halves or 12 months; `S1` → Q1, Q2; `N9` → Q1–Q3; a quarter → its 3 months. A period
    /// is within itself, so `2024Q3.subPeriods(of: .quarter)` is `[2024Q3]`. Custom ranges are
    /// never generated: there are infinitely many.
    public func subPeriods(of type: PeriodType) -> [Period] {
        guard type != .custom else { return [] }
        let count = type.perYear ?? 1  // nine months: one per year
        var result: [Period] = []
        for y in start.year...end.year {
            for n in 1...count {
                let p = Period.calendar(type, year: y, number: n)
                if contains(p) { result.append(p) }
            }
        }
        return result.sorted()
    }

    /// The period of `type` that contains this one, if any: `2024Q3` → `2024S2` for `.halfYear`,
    /// `nil` for `.halfYear` of `2024N9`, or of a custom range across two halves. A period
    /// encloses itself.
    public func enclosing(type: PeriodType) -> Period? {
        guard type != .custom, start.year == end.year else { return nil }
        let count = type.perYear ?? 1
        for n in 1...count {
            let p = Period.calendar(type, year: start.year, number: n)
            if p.contains(self) { return p }
        }
        return nil
    }

    /// Every other calendar period that contains this one, shortest first:
    /// `2024Q3` → `2024S2`, `2024N9`, `2024`; `202403` → `2024Q1`, `2024S1`, `2024N9`, `2024`.
    public var parents: [Period] {
        PeriodType.allCases
            .compactMap { enclosing(type: $0) }
            .filter { $0 != self }
            .sorted { ($0.dayCount, $0) < ($1.dayCount, $1) }
    }

    /// For a year-to-date period that ends at a quarter's end — `Q1`, `S1`, `N9`, the year, or a
    /// custom 01/01–30/06 — the quarters whose figures add up to it (`S1` → Q1, Q2). `nil` for
    /// any other period, whose figures cannot be built from whole quarters of the year so far.
    public var cumulativeQuarters: [Period]? {
        guard start.year == end.year, start.month == 1, start.day == 1,
              end.month % 3 == 0, end == CalendarDate.lastDay(ofMonth: end.month, year: end.year)
        else { return nil }
        return subPeriods(of: .quarter)
    }

    /// The cumulative period from 1 January to this period's end (lũy kế từ đầu năm), named when
    /// it can be: `2024Q2` → `2024S1`, `2024Q3` → `2024N9`, `2024S2` → `2024`, `202405` → custom
    /// 2024-01-01_2024-05-31. Year-to-date periods are their own.
    public var yearToDate: Period {
        Period.named(from: CalendarDate(end.year, 1, 1), to: end)
    }
}
