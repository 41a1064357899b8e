import Foundation

/// The days whose data a report counts (thời gian chốt số liệu), both ends included.
public struct DataWindow: Hashable, Sendable, Codable {
    public let from: CalendarDate
    public let to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        precondition(from <= to, "data window \(from) after \(to)")
        self.from = from
        self.to = to
    }

    public func contains(_ day: CalendarDate) -> Bool { from <= day && day <= to }

    public var dayCount: Int { to.dayNumber - from.dayNumber + 1 }

    /// "từ 15/12/2023 đến 14/03/2024"
    public var labelVI: String { "từ \(Period.ddMMyyyy(from)) đến \(Period.ddMMyyyy(to))" }
}

extension Period {
    /// The data cut-off of Nghị định 09/2019/NĐ-CP: from the 15th of the month before the period
    /// starts to the 14th of its last month. That one rule gives every row of the decree's table:
    /// month 15/(m−1) → 14/m, quarter 15 of the previous quarter's last month → 14 of its own,
    /// 6 tháng đầu năm and năm 15/12 of the previous year → 14/6 and 14/12.
    ///
    /// Choices where the decree is silent: 9 tháng đầu năm is 15/12 → 14/9 as provinces use it;
    /// 6 tháng cuối năm (`S2`, which DHIS2 defines as July–December, not cumulative) is 15/6 →
    /// 14/12 — its cumulative counterpart is the year. A custom range is its own window: people
    /// who give dates ("từ 01/01/2024 đến 30/11/2024") mean those dates.
    public var cutOff: DataWindow {
        guard type != .custom else { return DataWindow(from: start, to: end) }
        let before = start.adding(days: -1)  // a day in the month before, across a year boundary
        return DataWindow(from: CalendarDate(before.year, before.month, 15),
                          to: CalendarDate(end.year, end.month, 14))
    }
}
