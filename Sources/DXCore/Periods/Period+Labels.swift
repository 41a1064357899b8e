import Foundation

/// How periods are written in reports: "Quý I/2024", "6 tháng đầu năm 2024", "năm 2024".
extension Period {
    /// As it reads inside a sentence ("Báo cáo kết quả … năm 2024"); `headingVI` starts with a
    /// capital for titles and table headers.
    public var labelVI: String {
        let y = String(start.year)
        return switch type {
        case .year: "năm \(y)"
        case .halfYear: number == 1 ? "6 tháng đầu năm \(y)" : "6 tháng cuối năm \(y)"
        case .quarter: "Quý \(Period.roman[number! - 1])/\(y)"
        case .month: "Tháng \(start.month)/\(y)"
        case .nineMonths: "9 tháng đầu năm \(y)"
        case .custom: "từ \(Period.ddMMyyyy(start)) đến \(Period.ddMMyyyy(end))"
        }
    }

    /// `labelVI` with its first letter capitalised: "Năm 2024", "Từ 01/01/2024 đến 30/11/2024".
    public var headingVI: String {
        let label = labelVI
        guard let first = label.first else { return label }
        // Single-character uppercasing: the rest ("Quý I") must keep its case.
        return first.uppercased() + label.dropFirst()
    }

    public var labelEN: String {
        let y = String(start.year)
        return switch type {
        case .year: "Year \(y)"
        case .halfYear: number == 1 ? "First half of \(y)" : "Second half of \(y)"
        case .quarter: "Q\(number!) \(y)"
        case .month: "\(Period.monthNamesEN[start.month - 1]) \(y)"
        case .nineMonths: "First 9 months of \(y)"
        case .custom: "\(Period.ddMMyyyy(start)) – \(Period.ddMMyyyy(end))"
        }
    }

    private static let roman = ["I", "II", "III", "IV"]

    // Spelled out rather than taken from a locale so labels do not depend on the host.
    private static let monthNamesEN = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `01/01/2024`: the zero-padded form official documents use for date ranges.
    static func ddMMyyyy(_ d: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", d.day, d.month, d.year)
    }
}
