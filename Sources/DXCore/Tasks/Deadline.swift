import Foundation

/// When a task must be done (thời gian hoàn thành).
public enum Deadline: Hashable, Sendable {
    case date(CalendarDate)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case year(Int)
    /// "Thường xuyên": ongoing work with no end.
    case ongoing
    /// "Hằng quý": due again every quarter.
    case quarterly

    /// The last day by which a one-off task must be done; `nil` for recurring work.
    public var dueDate: CalendarDate? {
        switch self {
        case .date(let d): d
        case .month(let y, let m): CalendarDate.lastDay(ofMonth: m, year: y)
        case .quarter(let y, let q): CalendarDate.lastDay(ofMonth: q * 3, year: y)
        case .year(let y): CalendarDate(y, 12, 31)
        case .ongoing, .quarterly: nil
        }
    }

    public var isRecurring: Bool { dueDate == nil }

    /// Whether a one-off task falls due within the interval (a half-year report asks about
    /// tasks due by 30/6 of that year).
    public func isDue(from start: CalendarDate, through end: CalendarDate) -> Bool {
        guard let d = dueDate else { return false }
        return start <= d && d <= end
    }

    public func isOverdue(on day: CalendarDate) -> Bool {
        guard let d = dueDate else { return false }
        return d < day
    }

    /// Stored form: `2024-06-30`, `2024-06`, `2024Q2`, `2024`, `ongoing`, `quarterly`.
    public var code: String {
        switch self {
        case .date(let d): d.iso
        case .month(let y, let m): String(format: "%04d-%02d", y, m)
        case .quarter(let y, let q): "\(y)Q\(q)"
        case .year(let y): String(y)
        case .ongoing: "ongoing"
        case .quarterly: "quarterly"
        }
    }

    public init?(code: String) {
        switch code {
        case "ongoing": self = .ongoing
        case "quarterly": self = .quarterly
        default:
            if let d = CalendarDate(iso: code) {
                self = .date(d)
            } else if code.count == 7, code.dropFirst(4).first == "-",
                      let y = Int(code.prefix(4)), let m = Int(code.suffix(2)), (1...12).contains(m) {
                self = .month(year: y, month: m)
            } else if code.count == 6, code.dropFirst(4).first == "Q",
                      let y = Int(code.prefix(4)), let q = Int(code.suffix(1)), (1...4).contains(q) {
                self = .quarter(year: y, quarter: q)
            } else if code.count == 4, code.allSatisfy(\.isASCII), let y = Int(code), y > 1900 {
                self = .year(y)
            } else {
                return nil
            }
        }
    }

    /// The way the documents write it: "Tháng 6/2024", "Quý II/2024", "Thường xuyên".
    public var labelVI: String {
        switch self {
        case .date(let d): String(format: "%02d/%02d/%04d", d.day, d.month, d.year)
        case .month(let y, let m): "Tháng \(m)/\(y)"
        case .quarter(let y, let q): "Quý \(["I", "II", "III", "IV"][q - 1])/\(y)"
        case .year(let y): "Năm \(y)"
        case .ongoing: "Thường xuyên"
        case .quarterly: "Hằng quý"
        }
    }
}

extension Deadline: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Deadline(code: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "Thời hạn không hợp lệ: \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}
