import Foundation

/// How the figures of an output were read: when, and whether unsubmitted figures were let in.
/// Every output states both, so a printed page can be judged without the screen it came from.
public struct DataReading: Hashable, Sendable {
    public var readAt: Date
    public var includesUnsubmitted: Bool

    public init(readAt: Date, includesUnsubmitted: Bool = false) {
        self.readAt = readAt
        self.includesUnsubmitted = includesUnsubmitted
    }

    /// The warning every preview carries; the official report is Vietnamese only.
    public static let unsubmittedWarningVI = "Bao gồm số liệu chưa gửi, chưa được duyệt — không dùng làm số liệu chính thức."

    /// "Số liệu tính đến 14 giờ 05 ngày 20/12/2024", in Vietnam time whatever the server's zone.
    public var lineVI: String { Self.lineVI(readAt) }

    public static func lineVI(_ date: Date) -> String {
        let t = vietnamTime(date)
        return "Số liệu tính đến \(t.hour) giờ \(VNDate.twoDigits(t.minute)) ngày \(VNDate.numeric(t.date))"
    }

    /// ISO-8601 with the Vietnam offset, "2024-12-20T14:05:00+07:00", for JSON.
    public var iso: String {
        let f = ISO8601DateFormatter()
        f.timeZone = VNDate.vietnam
        return f.string(from: readAt)
    }

    /// The lines an output prints under its title: the warning first when it applies.
    public var linesVI: [String] {
        includesUnsubmitted ? [Self.unsubmittedWarningVI, lineVI] : [lineVI]
    }

    public static func vietnamTime(_ date: Date) -> (date: CalendarDate, hour: Int, minute: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = VNDate.vietnam
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (CalendarDate(c.year ?? 1970, c.month ?? 1, c.day ?? 1), c.hour ?? 0, c.minute ?? 0)
    }
}

extension VNDate {
    /// UTC+7 all year: Vietnam keeps no daylight saving time.
    public static let vietnam = TimeZone(secondsFromGMT: 7 * 3600)!
}
