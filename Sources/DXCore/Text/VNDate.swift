/// Dates as Vietnamese documents write them.
public enum VNDate {
    /// `27/06/2024`: tables and forms align better with two-digit day and month.
    /// With `padded: false`, the running-text form `5/7/2024` ("tính đến ngày 10/3/2024").
    public static func numeric(_ date: CalendarDate, padded: Bool = true) -> String {
        padded
            ? "\(twoDigits(date.day))/\(twoDigits(date.month))/\(date.year)"
            : "\(date.day)/\(date.month)/\(date.year)"
    }

    /// The place and date line of a document header (Nghị định 30/2020/NĐ-CP, appendix I):
    /// "Thái Bình, ngày 05 tháng 7 năm 2024". The decree pads days below 10, and months 1 and 2
    /// only — "tháng 01" cannot be misread as "tháng 10" or "tháng 11" by a later hand, which
    /// is the point of the rule. Without a place: "ngày 05 tháng 7 năm 2024".
    public static func documentDate(place: String? = nil, _ date: CalendarDate) -> String {
        let month = date.month <= 2 ? twoDigits(date.month) : String(date.month)
        let text = "ngày \(twoDigits(date.day)) tháng \(month) năm \(date.year)"
        guard let place = place.map(VNText.clean), !place.isEmpty else { return text }
        return "\(place), \(text)"
    }

    /// "Tháng 6/2024" (en: "June 2024"), a heading or column label for a month.
    public static func monthLabel(month: Int, year: Int, locale: DisplayLocale = .vi) -> String {
        switch locale {
        case .vi:
            return "Tháng \(month)/\(year)"
        case .en:
            guard (1...12).contains(month) else { return "\(month)/\(year)" }
            return "\(englishMonths[month - 1]) \(year)"
        }
    }

    public static func monthLabel(_ date: CalendarDate, locale: DisplayLocale = .vi) -> String {
        monthLabel(month: date.month, year: date.year, locale: locale)
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func twoDigits(_ n: Int) -> String {
        n < 10 && n >= 0 ? "0\(n)" : String(n)
    }
}
