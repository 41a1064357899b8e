import Foundation

/// The Vietnamese subject and body of each notice. The link to the page is added when the mail
/// is written (it needs the site's public address); in the application the page is linked.
public enum NoticeTexts {
    static let prefix = "[Chuyển đổi số]"
    static let footer = "Thư này do hệ thống theo dõi chuyển đổi số gửi tự động; vui lòng không trả lời thư."

    public static func reminder(roundTitle: String, unitName: String, deadline: CalendarDate, today: CalendarDate,
                                recipient: String) -> (subject: String, body: String) {
        let days = deadline.dayNumber - today.dayNumber
        let when = days <= 0 ? "hôm nay là hạn cuối" : "còn \(days) ngày"
        let subject = "\(prefix) Nhắc hạn nộp báo cáo \(roundTitle): \(when)"
        let body = """
        Kính gửi \(recipient),

        \(unitName) chưa gửi báo cáo đợt "\(roundTitle)". Hạn nộp là ngày \(VNDate.numeric(deadline)) (\(when)).
        Đề nghị đơn vị hoàn thiện số liệu và gửi báo cáo trước hạn.

        \(footer)
        """
        return (subject, body)
    }

    public static func returned(roundTitle: String, unitName: String, by: String, reason: String?,
                                recipient: String) -> (subject: String, body: String) {
        let subject = "\(prefix) Báo cáo \(roundTitle) của \(unitName) bị trả lại"
        var body = """
        Kính gửi \(recipient),

        Báo cáo đợt "\(roundTitle)" của \(unitName) đã bị \(by) trả lại để chỉnh sửa.

        """
        body += reason.map { "Lý do: \($0)\n" } ?? "Người trả lại không ghi lý do.\n"
        body += "\nĐề nghị đơn vị chỉnh sửa và gửi lại báo cáo.\n\n\(footer)"
        return (subject, body)
    }

    public static func approved(roundTitle: String, unitName: String, by: String, recipient: String) -> (subject: String, body: String) {
        let subject = "\(prefix) Báo cáo \(roundTitle) của \(unitName) đã được phê duyệt"
        let body = """
        Kính gửi \(recipient),

        Báo cáo đợt "\(roundTitle)" của \(unitName) đã được \(by) phê duyệt. Số liệu của đơn vị được dùng cho báo cáo tổng hợp.

        \(footer)
        """
        return (subject, body)
    }

    /// One late unit in a digest: its name, deadline and state (Vietnamese label).
    public struct LateUnit: Sendable, Hashable {
        public var name: String
        public var deadline: CalendarDate
        public var state: String
        public init(name: String, deadline: CalendarDate, state: String) {
            self.name = name
            self.deadline = deadline
            self.state = state
        }
    }

    public static func digest(roundTitle: String, late: [LateUnit], today: CalendarDate, recipient: String) -> (subject: String, body: String) {
        let subject = "\(prefix) \(late.count) đơn vị chậm nộp báo cáo \(roundTitle) (ngày \(VNDate.numeric(today)))"
        var body = """
        Kính gửi \(recipient),

        Đến ngày \(VNDate.numeric(today)), \(late.count) đơn vị quá hạn mà chưa gửi báo cáo đợt "\(roundTitle)":

        """
        for (i, u) in late.enumerated() {
            body += "\(i + 1). \(u.name) – hạn \(VNDate.numeric(u.deadline)) – \(u.state)\n"
        }
        body += "\n\(footer)"
        return (subject, body)
    }
}
