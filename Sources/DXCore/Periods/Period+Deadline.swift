import Foundation

extension Period {
    /// The default submission deadline: the first `dayOfMonth` after the cut-off ends, and never
    /// earlier than the first working day after it, so units always get a working day to report.
    ///
    /// For calendar periods and days from the 15th on, that is the day in the period's last month
    /// — "trước ngày 20 của tháng cuối quý" is `2024Q1` → 20/03/2024; the 25th for the province's
    /// report to the government. A custom range ending 30/11 falls due on 20/12, not on 20/11.
    /// A day the month lacks means its last day (31 → 30/6).
    ///
    /// Working days are Monday to Friday; public holidays (Tết, 30/4, 2/9) are not modelled, so
    /// a deadline may still land on one. A deadline on a weekend is kept: the rule guarantees the
    /// working day after the cut-off, not a working deadline day.
    public func defaultDeadline(dayOfMonth: Int = 20) -> CalendarDate {
        precondition((1...31).contains(dayOfMonth), "day of month \(dayOfMonth) outside 1...31")
        let cutOffEnd = cutOff.to
        var deadline = Period.day(dayOfMonth, ofMonth: cutOffEnd.month, year: cutOffEnd.year)
        if deadline <= cutOffEnd {
            let nextMonth = CalendarDate.lastDay(ofMonth: cutOffEnd.month, year: cutOffEnd.year).adding(days: 1)
            deadline = Period.day(dayOfMonth, ofMonth: nextMonth.month, year: nextMonth.year)
        }
        return max(deadline, Period.nextWorkingDay(after: cutOffEnd))
    }

    /// The first Monday–Friday strictly after `date` (public holidays are not modelled).
    public static func nextWorkingDay(after date: CalendarDate) -> CalendarDate {
        var d = date.adding(days: 1)
        while d.isWeekend { d = d.adding(days: 1) }
        return d
    }

    private static func day(_ day: Int, ofMonth month: Int, year: Int) -> CalendarDate {
        CalendarDate(year, month, min(day, CalendarDate.daysIn(month: month, year: year)))
    }
}
