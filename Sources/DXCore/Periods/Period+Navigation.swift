import Foundation

/// Stepping between periods of one type, for "so với cùng kỳ" and "so với kỳ trước".
///
/// Stepping does not check `supportedYears` (the period before `1000` is `999`); it traps only
/// where `CalendarDate` ends, below year 1 and after 9999, as integer arithmetic would.
extension Period {
    /// The period of the same type just before: `2024Q1` → `2023Q4`, `2024S1` → `2023S2`,
    /// `202401` → `202312`, `2024N9` → `2023N9`. For a custom range, the range of the same
    /// number of days ending the day before it starts.
    public var previous: Period { advanced(by: -1) }

    /// The period of the same type just after; the mirror of `previous`.
    public var next: Period { advanced(by: 1) }

    /// The same period one year earlier (cùng kỳ năm trước): `2024Q3` → `2023Q3`. A custom
    /// range keeps its day and month; 29/02 becomes 28/02.
    public var samePeriodLastYear: Period {
        guard type == .custom else { return Period.calendar(type, year: start.year - 1, number: number ?? 1) }
        return Period(unchecked: .custom, start: Period.yearEarlier(start), end: Period.yearEarlier(end))
    }

    private func advanced(by steps: Int) -> Period {
        guard type != .custom else {
            let shift = steps * dayCount
            return Period(unchecked: .custom, start: start.adding(days: shift), end: end.adding(days: shift))
        }
        let count = type.perYear ?? 1
        let index = start.year * count + (number ?? 1) - 1 + steps
        return Period.calendar(type, year: index / count, number: index % count + 1)
    }

    private static func yearEarlier(_ d: CalendarDate) -> CalendarDate {
        CalendarDate(year: d.year - 1, month: d.month, day: d.day) ?? CalendarDate(d.year - 1, d.month, 28)
    }
}
