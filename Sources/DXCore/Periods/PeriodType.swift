import Foundation

/// The kinds of reporting period (kỳ báo cáo) a province asks for.
///
/// The order of the cases is the tie-breaker when two periods of different types cover the same
/// days (a custom 01/01–31/03 range and `2024Q1`), so it must not be reordered.
public enum PeriodType: String, Sendable, Codable, CaseIterable {
    case year
    case halfYear
    case quarter
    case month
    /// The cumulative first nine months of a year (9 tháng đầu năm). Nghị định 09/2019/NĐ-CP has
    /// no such report, but provinces ask for one.
    case nineMonths
    /// Any range of days ("từ 01/01/2024 đến 30/11/2024").
    case custom

    /// How many periods of this type split a year; `nil` for types that do not tile the year.
    var perYear: Int? {
        switch self {
        case .year: 1
        case .halfYear: 2
        case .quarter: 4
        case .month: 12
        case .nineMonths, .custom: nil
        }
    }

    /// First and last month of the `number`-th period of this type in a year.
    func months(number: Int) -> ClosedRange<Int>? {
        switch self {
        case .year: 1...12
        case .halfYear: (number - 1) * 6 + 1 ... number * 6
        case .quarter: (number - 1) * 3 + 1 ... number * 3
        case .month: number...number
        case .nineMonths: 1...9
        case .custom: nil
        }
    }

    /// For choosers and column headings.
    public var nameVI: String {
        switch self {
        case .year: "Năm"
        case .halfYear: "6 tháng"
        case .quarter: "Quý"
        case .month: "Tháng"
        case .nineMonths: "9 tháng"
        case .custom: "Khoảng thời gian"
        }
    }

    public var nameEN: String {
        switch self {
        case .year: "Year"
        case .halfYear: "Half-year"
        case .quarter: "Quarter"
        case .month: "Month"
        case .nineMonths: "Nine months"
        case .custom: "Date range"
        }
    }
}
