import Foundation

/// What a notice is about.
public enum NoticeKind: String, Sendable, Codable, CaseIterable {
    /// A round's deadline is near and the unit has not submitted.
    case reminder
    /// A report was returned to its unit, with the reason.
    case returned
    /// A report was approved.
    case approved
    /// The day's list of late units, for a round's coordinators.
    case digest

    public var labelVI: String {
        switch self {
        case .reminder: "Nhắc hạn nộp"
        case .returned: "Báo cáo bị trả lại"
        case .approved: "Báo cáo được phê duyệt"
        case .digest: "Tổng hợp đơn vị chậm nộp"
        }
    }
}

/// Where a notice is in the outbox.
public enum NoticeStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting to be sent (also when no mail server is configured: it shows in the application).
    case pending
    /// Handed to the mail server, which accepted it.
    case sent
    /// Given up after the last attempt; the error says why.
    case failed
    /// The account has no e-mail address: the notice is read in the application only.
    case inAppOnly = "in_app"

    public var labelVI: String {
        switch self {
        case .pending: "Đang chờ gửi"
        case .sent: "Đã gửi thư"
        case .failed: "Gửi không được"
        case .inAppOnly: "Chỉ trong ứng dụng (chưa có địa chỉ thư)"
        }
    }
}

/// One notice for one account, as the outbox keeps it.
public struct Notice: Sendable, Hashable {
    public var id: UUID?
    public var kind: NoticeKind
    public var username: String
    public var roundCode: String?
    public var unitCode: String?
    public var subject: String
    public var body: String
    /// The page the notice is about, from the site's root ("/rounds/x/units/y").
    public var linkPath: String
    public var status: NoticeStatus
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// The address it went to (or will go to), when the account has one.
    public var address: String?

    public init(id: UUID? = nil, kind: NoticeKind, username: String, roundCode: String?, unitCode: String?, subject: String,
                body: String, linkPath: String, status: NoticeStatus = .pending, attempts: Int = 0, lastError: String? = nil,
                createdAt: Date, sentAt: Date? = nil, address: String? = nil) {
        self.id = id
        self.kind = kind
        self.username = username
        self.roundCode = roundCode
        self.unitCode = unitCode
        self.subject = subject
        self.body = body
        self.linkPath = linkPath
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.address = address
    }
}

/// When a failed notice is tried again: doubling from one minute, at most six hours apart, and
/// given up after `maxAttempts` tries (about a day and a half in all).
public struct NoticeRetryPolicy: Sendable, Hashable {
    public var firstDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var maxAttempts: Int

    public init(firstDelay: TimeInterval = 60, maxDelay: TimeInterval = 6 * 3600, maxAttempts: Int = 12) {
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
        self.maxAttempts = maxAttempts
    }

    /// The wait after the `attempt`-th failure (1-based); nil when it was the last.
    public func delay(afterAttempt attempt: Int) -> TimeInterval? {
        guard attempt < maxAttempts else { return nil }
        let exponent = min(max(attempt - 1, 0), 30)
        return min(firstDelay * pow(2, Double(exponent)), maxDelay)
    }
}

/// The days before a deadline on which a round reminds units that have not submitted.
public enum ReminderDays {
    public static let standard = [3, 1]
    /// At most this many reminders per round, at most this many days ahead.
    public static let maxCount = 5
    public static let maxDays = 60

    /// "3, 1" → [3, 1] (largest first); an empty text means no reminders. A problem is a
    /// Vietnamese sentence about the field `reminderDays`.
    public static func parse(_ text: String) -> (days: [Int], issue: FieldIssue?) {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).filter { !$0.isEmpty }
        var days: [Int] = []
        for p in parts {
            guard let d = Int(p), (0...maxDays).contains(d) else {
                return ([], .error("reminderDays", "Số ngày nhắc trước hạn \"\(p)\" không hợp lệ: nhập các số nguyên từ 0 đến \(maxDays), cách nhau bởi dấu phẩy (ví dụ 3, 1)."))
            }
            if !days.contains(d) { days.append(d) }
        }
        guard days.count <= maxCount else {
            return ([], .error("reminderDays", "Nhiều nhất \(maxCount) lần nhắc trước hạn cho một đợt."))
        }
        return (days.sorted(by: >), nil)
    }

    public static func text(_ days: [Int]) -> String { days.map(String.init).joined(separator: ", ") }
}
