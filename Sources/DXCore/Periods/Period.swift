import Foundation

/// A reporting period (kỳ báo cáo): a type and the calendar days it covers.
///
/// `start`/`end` are calendar bounds (`2024Q1` is 01/01–31/03/2024); the days whose data a report
/// counts under Nghị định 09/2019/NĐ-CP are a different window, see `cutOff`.
/// Stored and exchanged as its `identifier` (`2024Q1`), see `Period+Identifier.swift`.
public struct Period: Hashable, Sendable {
    public let type: PeriodType
    public let start: CalendarDate
    public let end: CalendarDate

    /// Years a period may be created or parsed in: four-digit identifiers, with a year of slack at
    /// the top so cut-offs, deadlines and `next` stay within `CalendarDate`'s range.
    public static let supportedYears: ClosedRange<Int> = 1000...9998

    /// No validation: for periods derived from valid ones (`previous`, `subPeriods`), which may
    /// step one year outside `supportedYears`.
    init(unchecked type: PeriodType, start: CalendarDate, end: CalendarDate) {
        self.type = type
        self.start = start
        self.end = end
    }

    /// The year the period reports on. A custom range belongs to the year it ends in, as a
    /// report "tính đến ngày 10/3/2024" is a 2024 report.
    public var year: Int { end.year }

    /// 1–2 for halves, 1–4 for quarters, 1–12 for months; `nil` for the other types.
    public var number: Int? {
        switch type {
        case .halfYear: (start.month - 1) / 6 + 1
        case .quarter: (start.month - 1) / 3 + 1
        case .month: start.month
        case .year, .nineMonths, .custom: nil
        }
    }

    /// Inclusive count of days.
    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }

    /// The period of a calendar `type`, unchecked; `number` is ignored for year and nine months.
    static func calendar(_ type: PeriodType, year: Int, number: Int = 1) -> Period {
        guard let months = type.months(number: number) else {
            preconditionFailure("a custom period has no calendar bounds")
        }
        return Period(unchecked: type,
                      start: CalendarDate(year, months.lowerBound, 1),
                      end: CalendarDate.lastDay(ofMonth: months.upperBound, year: year))
    }

    private static func checked(_ type: PeriodType, _ year: Int, _ number: Int, of count: Int) -> Period {
        precondition(supportedYears.contains(year), "year \(year) outside \(supportedYears)")
        precondition((1...count).contains(number), "\(type) \(number) outside 1...\(count)")
        return calendar(type, year: year, number: number)
    }

    // The constructors below trap on out-of-range numbers, like `CalendarDate(_:_:_:)`: they are
    // for values known in code. Text from people goes through `Period.parse(_:)`.

    public static func year(_ year: Int) -> Period { checked(.year, year, 1, of: 1) }

    /// `half` is 1 (6 tháng đầu năm) or 2 (6 tháng cuối năm).
    public static func halfYear(_ year: Int, _ half: Int) -> Period { checked(.halfYear, year, half, of: 2) }

    public static func quarter(_ year: Int, _ quarter: Int) -> Period { checked(.quarter, year, quarter, of: 4) }

    public static func month(_ year: Int, _ month: Int) -> Period { checked(.month, year, month, of: 12) }

    /// 01/01–30/09: the cumulative 9-month report, identifier `2024N9` (not a DHIS2 type).
    public static func nineMonths(_ year: Int) -> Period { checked(.nineMonths, year, 1, of: 1) }

    /// A range of days, both ends included; a single day is allowed.
    public static func custom(from: CalendarDate, to: CalendarDate) throws(Problem) -> Period {
        guard from <= to else { throw .endBeforeStart(from: from, to: to) }
        guard supportedYears.contains(from.year), supportedYears.contains(to.year) else {
            throw .outOfRange(from: from, to: to)
        }
        return Period(unchecked: .custom, start: from, end: to)
    }

    /// The named period with exactly these bounds if there is one (01/01–30/09 is `nineMonths`),
    /// otherwise a custom range. No two calendar types share bounds, so the answer is unique.
    static func named(from: CalendarDate, to: CalendarDate) -> Period {
        if from.year == to.year, from.day == 1,
           to == CalendarDate.lastDay(ofMonth: to.month, year: to.year) {
            for type in PeriodType.allCases {
                guard let count = type == .nineMonths ? 1 : type.perYear else { continue }
                for n in 1...count where type.months(number: n) == from.month...to.month {
                    return calendar(type, year: from.year, number: n)
                }
            }
        }
        return Period(unchecked: .custom, start: from, end: to)
    }
}

extension Period: Comparable {
    /// By end, then start, so that a list reads in the order reports fall due; periods covering
    /// the same days fall back to the order of `PeriodType`'s cases to keep the order total.
    public static func < (a: Period, b: Period) -> Bool {
        if a.end != b.end { return a.end < b.end }
        if a.start != b.start { return a.start < b.start }
        return a.type.order < b.type.order
    }
}

extension PeriodType {
    var order: Int { PeriodType.allCases.firstIndex(of: self)! }
}
