import Foundation

extension Deadline {
    /// A deadline as reports write it: "Tháng 6/2024", "Quý II/2024", "Năm 2024",
    /// "30/6/2024", "Thường xuyên", "Hằng quý". Nil for words that name no time.
    public init?(text: String) {
        let f = LintText.fold(text)
        if f.hasPrefix("thuong xuyen") { self = .ongoing; return }
        if f.hasPrefix("hang quy") { self = .quarterly; return }
        if let m = f.lintMatches("^(\\d{1,2})/(\\d{1,2})/(\\d{4})").first,
           let d = Int(m.groups[0]!), let mo = Int(m.groups[1]!), let y = Int(m.groups[2]!),
           let date = CalendarDate(year: y, month: mo, day: d) {
            self = .date(date); return
        }
        if let m = f.lintMatches("^thang\\s+(\\d{1,2})\\s*/\\s*(\\d{4})").first, let mo = Int(m.groups[0]!), let y = Int(m.groups[1]!),
           (1...12).contains(mo) {
            self = .month(year: y, month: mo); return
        }
        if let m = f.lintMatches("^quy\\s+(i{1,3}|iv|[1-4])\\s*/\\s*(\\d{4})").first, let y = Int(m.groups[1]!) {
            let q = ["i": 1, "ii": 2, "iii": 3, "iv": 4][m.groups[0]!] ?? Int(m.groups[0]!) ?? 0
            guard (1...4).contains(q) else { return nil }
            self = .quarter(year: y, quarter: q); return
        }
        if let m = f.lintMatches("^(?:nam\\s+)?(\\d{4})$").first, let y = Int(m.groups[0]!) {
            self = .year(y); return
        }
        return nil
    }
}
