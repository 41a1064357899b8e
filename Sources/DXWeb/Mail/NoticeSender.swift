import DXCore
import DXStore
import Fluent
import Foundation
import Vapor

/// The settings of the notices' sender, from the environment.
public struct NoticeSettings: Sendable {
    /// Nil: no mail server; notices stay in the outbox and show in the application.
    public var smtp: SMTPConfiguration?
    /// The site's address as users reach it ("https://chuyendoiso.tinh.gov.vn"), for links.
    public var publicURL: String?
    /// How often the sender looks for due notices.
    public var interval: TimeInterval
    /// How long a claimed notice belongs to one sender (well above a slow delivery).
    public var lease: TimeInterval
    public var batch: Int
    public var retry: NoticeRetryPolicy

    public init(smtp: SMTPConfiguration?, publicURL: String?, interval: TimeInterval = 60, lease: TimeInterval = 600, batch: Int = 50,
                retry: NoticeRetryPolicy = NoticeRetryPolicy()) {
        self.smtp = smtp
        self.publicURL = publicURL
        self.interval = interval
        self.lease = lease
        self.batch = batch
        self.retry = retry
    }

    /// DXTRACK_SMTP_* (see `SMTPConfiguration`), DXTRACK_PUBLIC_URL (needed with a mail server:
    /// a notice's link) and DXTRACK_NOTICE_INTERVAL (seconds, default 60).
    public static func fromEnvironment(_ env: [String: String]) throws -> NoticeSettings {
        let smtp = try SMTPConfiguration.fromEnvironment(env)
        var publicURL = env["DXTRACK_PUBLIC_URL"]?.trimmingCharacters(in: .whitespaces)
        if publicURL?.isEmpty == true { publicURL = nil }
        if let u = publicURL {
            guard let url = URL(string: u), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw SMTPConfiguration.Invalid(description: "DXTRACK_PUBLIC_URL \"\(u)\" không hợp lệ (ví dụ https://chuyendoiso.tinh.gov.vn).")
            }
            while publicURL?.hasSuffix("/") == true { publicURL?.removeLast() }
        } else if smtp != nil {
            throw SMTPConfiguration.Invalid(description: "Thiếu DXTRACK_PUBLIC_URL: địa chỉ trang web mà người nhận thư mở (ví dụ https://chuyendoiso.tinh.gov.vn).")
        }
        var interval: TimeInterval = 60
        if let t = env["DXTRACK_NOTICE_INTERVAL"], !t.isEmpty {
            guard let n = Double(t), n >= 1, n <= 86_400 else {
                throw SMTPConfiguration.Invalid(description: "DXTRACK_NOTICE_INTERVAL \"\(t)\" không hợp lệ: số giây từ 1 đến 86400.")
            }
            interval = n
        }
        return NoticeSettings(smtp: smtp, publicURL: publicURL, interval: interval, lease: max(600, (smtp?.timeout ?? 30) * 12))
    }
}

/// Writes the day's reminders and digests and sends what is due in the outbox. Any number of
/// server instances run one each on the same database: rows are claimed with a lease, and
/// generated notices have unique keys.
public struct NoticeSender: Sendable {
    public var settings: NoticeSettings
    /// Names this sender in the rows it claims.
    public let owner: String
    let database: @Sendable () -> any Database
    let metrics: AppMetrics?

    public struct Round: Sendable, Equatable {
        public var generated = 0
        public var sent = 0
        public var failed = 0
    }

    public init(settings: NoticeSettings, app: Application) {
        self.settings = settings
        self.owner = "\(ProcessInfo.processInfo.hostName)#\(ProcessInfo.processInfo.processIdentifier)#\(UUID().uuidString.prefix(8))"
        self.database = { app.db }
        self.metrics = app.metrics
    }

    /// One pass: generate, then (with a mail server) send what is due.
    public func runOnce(now: Date = Date()) async throws -> Round {
        let store = Store(database())
        var round = Round()
        round.generated = try await store.generateDueNotices(today: CalendarDate.today(now: now), now: now)
        guard let smtp = settings.smtp else { return round }
        let client = SMTPClient(configuration: smtp)
        for item in try await store.claimDueNotices(owner: owner, now: now, lease: settings.lease, limit: settings.batch) {
            do {
                try await client.send(message(item, from: smtp.from, now: now))
                try await store.markNoticeSent(item.id, owner: owner, now: Date())
                round.sent += 1
                metrics?.notice(outcome: "sent", kind: item.notice.kind.rawValue)
            } catch {
                let status = try await store.markNoticeFailed(item.id, owner: owner, error: String(describing: error), now: Date(),
                                                              policy: settings.retry)
                round.failed += 1
                metrics?.notice(outcome: status == .failed ? "failed" : "retry", kind: item.notice.kind.rawValue)
            }
        }
        return round
    }

    func message(_ item: OutgoingNotice, from: MailSender, now: Date) -> MailMessage {
        let link = (settings.publicURL ?? "") + item.notice.linkPath
        return MailMessage(from: from, to: item.address, subject: item.notice.subject,
                           body: item.notice.body + "\n\nXem chi tiết: \(link)\n", date: now,
                           messageID: "\(item.id.uuidString.lowercased())@dxtrack")
    }
}

/// Runs the sender while the server runs; stopped (and waited for) before the databases close.
final class NoticeSenderLifecycle: LifecycleHandler, @unchecked Sendable {
    let sender: NoticeSender
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    init(sender: NoticeSender) { self.sender = sender }

    func didBootAsync(_ application: Application) async throws {
        let sender = self.sender
        let logger = application.logger
        let t = Task {
            if sender.settings.smtp == nil {
                logger.notice("Chưa cấu hình máy chủ thư (DXTRACK_SMTP_HOST): thông báo được lưu và xem trong ứng dụng.")
            }
            while !Task.isCancelled {
                do {
                    let r = try await sender.runOnce()
                    if r.generated + r.sent + r.failed > 0 {
                        logger.info("notices generated=\(r.generated) sent=\(r.sent) failed=\(r.failed)")
                    }
                } catch {
                    logger.error("notices: \(String(describing: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(sender.settings.interval * 1_000_000_000))
            }
        }
        lock.withLock { task = t }
    }

    func shutdownAsync(_ application: Application) async {
        let t = lock.withLock { task }
        t?.cancel()
        await t?.value
    }
}

extension Application {
    /// Starts the notices' sender of a serving application (`dxtrack serve`); tests drive
    /// `NoticeSender.runOnce` themselves.
    public func startNoticeSender(_ settings: NoticeSettings) {
        lifecycle.use(NoticeSenderLifecycle(sender: NoticeSender(settings: settings, app: self)))
    }
}
