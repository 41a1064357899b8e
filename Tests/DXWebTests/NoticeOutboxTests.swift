import DXCore
import DXStore
import DXTestSupport
@testable import DXWeb
import Foundation
import Vapor
import XCTest
import XCTVapor

/// The notices' outbox on both databases: written with the workflow step, sent once by a real
/// SMTP server (aiosmtpd), retried after a dropped connection, kept and shown without one.
final class NoticeOutboxTests: XCTestCase {
    let reason = "Bổ sung số liệu chỉ tiêu 2: thiếu mẫu số."

    /// hungha's report submitted, then returned by the coordinator with `reason`.
    func returnReport(_ store: Store) async throws -> ReportingRound {
        let round = try await XCTUnwrapAsync(try await store.round(demoRound))
        _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "hungha"))
        _ = try await store.transition(round, unitCode: "339", action: .return, comment: reason, baseVersion: nil, by: Actor(username: "dieuphoi"))
        return round
    }

    func smtpSettings(port: Int) throws -> NoticeSettings {
        var s = try NoticeSettings.fromEnvironment([
            "DXTRACK_SMTP_HOST": "127.0.0.1", "DXTRACK_SMTP_PORT": String(port), "DXTRACK_SMTP_STARTTLS": "off",
            "DXTRACK_SMTP_FROM": "Sở TT&TT <chuyendoiso@stttt.example.vn>", "DXTRACK_SMTP_TIMEOUT": "10",
            "DXTRACK_PUBLIC_URL": "https://dx.example.vn/",
        ])
        s.retry = NoticeRetryPolicy(firstDelay: 60, maxDelay: 3600, maxAttempts: 3)
        return s
    }

    func testWithoutAMailServerNoticesStayAndShowOnTheRoundPageAndTheUsersPage() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let reporter = try await browser(app, "hungha")
            // The reporter gives an address on their own page; a bad one is refused with the reason.
            try await app.test(.POST, "/account/notices", headers: reporter.headers,
                               body: formBody([("_csrf", reporter.csrf), ("address", "hungha@@example")])) { res async in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(res.body.string.contains("hungha@@example"))
                XCTAssertTrue(res.body.string.contains("không hợp lệ (ví dụ: ten@so-ttt.gov.vn)"))
            }
            try await app.test(.POST, "/account/notices", headers: reporter.headers, body: formBody([("address", "hungha@example.vn")])) { res async in
                XCTAssertEqual(res.status, .forbidden, "no CSRF token, no change")
            }
            try await app.test(.POST, "/account/notices", headers: reporter.headers,
                               body: formBody([("_csrf", reporter.csrf), ("address", "hungha@hungha.example.vn")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            let beforeFailure = try await store.notices(roundCode: demoRound).count
            // A step that fails (a stale version) writes no notice: the notice lives in its transaction.
            let round = try await XCTUnwrapAsync(try await store.round(demoRound))
            do {
                _ = try await store.transition(round, unitCode: "339", action: .submit, comment: nil, baseVersion: 99, by: Actor(username: "hungha"))
                XCTFail("a stale version must fail")
            } catch is ReportConflict {}
            let afterFailure = try await store.notices(roundCode: demoRound).count
            XCTAssertEqual(afterFailure, beforeFailure)

            _ = try await returnReport(store)
            let returned = try await store.notices(roundCode: demoRound).filter { $0.kind == .returned }
            XCTAssertEqual(returned.map(\.username), ["hungha"], "the unit's reporting accounts, not the coordinator who acted")
            let n = try XCTUnwrap(returned.first)
            XCTAssertEqual(n.status, .pending)
            XCTAssertEqual(n.address, "hungha@hungha.example.vn")
            XCTAssertTrue(n.subject.contains("Huyện Hưng Hà bị trả lại"), n.subject)
            XCTAssertTrue(n.body.contains("Lý do: \(reason)"), n.body)
            XCTAssertEqual(n.linkPath, "/rounds/\(demoRound)/units/339")

            let sender = NoticeSender(settings: NoticeSettings(smtp: nil, publicURL: nil), app: app)
            let first = try await sender.runOnce()
            XCTAssertEqual(first.sent, 0)
            XCTAssertGreaterThan(first.generated, 0, "the demo round is past its deadline: the coordinators' digest")
            let second = try await sender.runOnce()
            XCTAssertEqual(second.generated, 0, "a second pass the same day writes nothing new")
            let digest = try await store.notices(roundCode: demoRound).filter { $0.kind == .digest }
            XCTAssertTrue(digest.contains { $0.username == "dieuphoi" && $0.body.contains("quá hạn mà chưa gửi báo cáo") })
            let stillPending = try await store.notices(roundCode: demoRound).filter { $0.kind == .returned }
            XCTAssertEqual(stillPending.map(\.status), [.pending])

            let coordinator = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/rounds/\(demoRound)", headers: coordinator.headers) { res async in
                let page = res.body.string
                XCTAssertTrue(page.contains("<table id=\"notices\" class=\"stacked\">"))
                XCTAssertTrue(page.contains("data-kind=\"returned\" data-status=\"pending\" data-unit=\"339\""))
                XCTAssertTrue(page.contains("hungha<br><span class=\"muted\">hungha@hungha.example.vn</span>"))
                XCTAssertTrue(page.contains("Đang chờ gửi"))
                XCTAssertTrue(page.contains("Nhắc đơn vị chưa nộp trước hạn 3, 1 ngày."))
            }
            try await app.test(.GET, "/rounds/\(demoRound)", headers: reporter.headers) { res async in
                XCTAssertFalse(res.body.string.contains("id=\"notices\""), "a reporter does not see who was told what")
            }
            try await app.test(.GET, "/account/notices", headers: reporter.headers) { res async in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains(escape(n.subject)))
                XCTAssertTrue(res.body.string.contains("value=\"hungha@hungha.example.vn\""))
            }
        }
    }

    func testADroppedConnectionIsRetriedLaterAndTheNoticeArrivesOnce() async throws {
        try await withDemoApp { app, _ in
            let server = try SMTPTestServer(drop: 1)
            defer { server.stop() }
            let store = Store(app.db)
            try await store.setNoticeAddress(username: "hungha", "hungha@hungha.example.vn", by: .system)
            _ = try await returnReport(store)
            let now = Date()
            let sender = NoticeSender(settings: try smtpSettings(port: server.port), app: app)
            let first = try await sender.runOnce(now: now)
            XCTAssertEqual(first.sent, 0)
            XCTAssertEqual(first.failed, 1)
            let failed = try await store.notices(username: "hungha").first { $0.kind == .returned }
            XCTAssertEqual(failed?.status, .pending)
            XCTAssertEqual(failed?.attempts, 1)
            XCTAssertTrue(failed?.lastError?.contains("đóng kết nối") == true, failed?.lastError ?? "")
            XCTAssertEqual(try server.received().count, 0)

            let tooSoon = try await sender.runOnce(now: now.addingTimeInterval(30))
            XCTAssertEqual(tooSoon.sent + tooSoon.failed, 0, "the retry waits for its back-off")
            let later = try await sender.runOnce(now: now.addingTimeInterval(61))
            XCTAssertEqual(later.sent, 1)

            // A restarted server (a new sender on the same database), after the first one's
            // lease (600 s) has passed, sends nothing again. Within the same day in Vietnam it
            // makes no notice either; a new day rightly brings digests of its own, so that is
            // only asserted when the test does not run across midnight in Vietnam.
            let restarted = NoticeSender(settings: try smtpSettings(port: server.port), app: app)
            let restartAt = now.addingTimeInterval(700)
            let again = try await restarted.runOnce(now: restartAt)
            XCTAssertEqual(again.sent, 0)
            if CalendarDate.today(now: restartAt) == CalendarDate.today(now: now) {
                XCTAssertEqual(again.generated, 0, "the day's notices are made once")
            }

            let got = try server.received()
            XCTAssertEqual(got.count, 1, "delivered exactly once")
            let mail = try SMTPTestServer.parse(try XCTUnwrap(got.first?.raw))
            XCTAssertEqual(got.first?.to, ["hungha@hungha.example.vn"])
            let title = try await XCTUnwrapAsync(try await store.round(demoRound)).title
            XCTAssertEqual(mail.subject, "[Chuyển đổi số] Báo cáo \(title) của Huyện Hưng Hà bị trả lại")
            XCTAssertTrue(mail.body.contains("Lý do: \(reason)"), mail.body)
            XCTAssertTrue(mail.body.contains("https://dx.example.vn/rounds/\(demoRound)/units/339"), mail.body)
            let sent = try await store.notices(username: "hungha").first { $0.kind == .returned }
            XCTAssertEqual(sent?.status, .sent)
            XCTAssertEqual(sent?.attempts, 2)
            XCTAssertNotNil(sent?.sentAt)
            XCTAssertTrue(app.metrics.exposition().contains("dxtrack_notices_total{"))
        }
    }

    func testALeaseKeepsASecondSenderOffAndExpiresForACrashedOne() async throws {
        try await withDemoApp { app, _ in
            let server = try SMTPTestServer()
            defer { server.stop() }
            let store = Store(app.db)
            try await store.setNoticeAddress(username: "hungha", "hungha@hungha.example.vn", by: .system)
            _ = try await returnReport(store)
            let now = Date()
            // Instance A claims and dies before sending.
            let claimed = try await store.claimDueNotices(owner: "A", now: now, lease: 600, limit: 10)
            XCTAssertEqual(claimed.map(\.notice.username), ["hungha"])
            let other = try await store.claimDueNotices(owner: "C", now: now, lease: 600, limit: 10)
            XCTAssertTrue(other.isEmpty, "a claimed row is nobody else's")
            let b = NoticeSender(settings: try smtpSettings(port: server.port), app: app)
            let during = try await b.runOnce(now: now.addingTimeInterval(300))
            XCTAssertEqual(during.sent, 0)
            let after = try await b.runOnce(now: now.addingTimeInterval(601))
            XCTAssertEqual(after.sent, 1)
            XCTAssertEqual(try server.received().count, 1)
        }
    }

    func testTheRoundFormSetsTheReminderDaysAndRefusesBadOnes() async throws {
        try await withDemoApp { app, _ in
            let b = try await browser(app, "dieuphoi")
            try await app.test(.GET, "/rounds/new", headers: b.headers) { res async in
                XCTAssertTrue(res.body.string.contains("name=\"reminderDays\" value=\"3, 1\""))
            }
            let form: [(String, String)] = [
                ("_csrf", b.csrf), ("code", "bc-nhac-2024"), ("title", "Báo cáo quý III/2024"), ("period", "2024Q3"),
                ("plans", "83/KH-BCĐ"), ("kinds", "department"), ("directOnly", "1"), ("indicatorScope", "all"), ("taskScope", "lead"),
            ]
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(form + [("reminderDays", "3, hai")])) { res async in
                XCTAssertEqual(res.status, .unprocessableEntity)
                XCTAssertTrue(res.body.string.contains("Số ngày nhắc trước hạn không hợp lệ"), res.body.string)
            }
            let none = try await Store(app.db).round("bc-nhac-2024")
            XCTAssertNil(none, "nothing half written")
            try await app.test(.POST, "/rounds/new", headers: b.headers, body: formBody(form + [("reminderDays", "2, 7")])) { res async in
                XCTAssertEqual(res.status, .seeOther)
            }
            let round = try await Store(app.db).round("bc-nhac-2024")
            XCTAssertEqual(round?.reminderDays, [7, 2])
        }
    }

    func testRemindersBeforeTheDeadlineOncePerReminderDay() async throws {
        try await withDemoApp { app, _ in
            let store = Store(app.db)
            let today = CalendarDate.today()
            let round = try await store.createRound(
                ReportingRound(code: "nhac-han", title: "Đợt thử nhắc hạn", periodID: "2025", planCodes: ["KH-CĐS-2024"],
                               defaultDeadline: today.adding(days: 2), reminderDays: [3, 1]),
                unitCodes: ["339"], by: Actor(username: "dieuphoi"))
            XCTAssertEqual(round.reminderDays, [3, 1])
            func reminders() async throws -> [Notice] { try await store.notices(roundCode: "nhac-han").filter { $0.kind == .reminder } }
            let first = try await store.generateDueNotices(today: today)
            let r1 = try await reminders()
            XCTAssertEqual(r1.map(\.username), ["hungha"])
            XCTAssertGreaterThanOrEqual(first, 1)
            XCTAssertTrue(r1.first?.subject.contains("còn 2 ngày") == true, r1.first?.subject ?? "")
            _ = try await store.generateDueNotices(today: today)
            let sameDay = try await reminders()
            XCTAssertEqual(sameDay.count, 1, "again the same day: nothing new")
            _ = try await store.generateDueNotices(today: today.adding(days: 1))
            let dayBefore = try await reminders()
            XCTAssertEqual(dayBefore.count, 2, "the one-day reminder")
            _ = try await store.generateDueNotices(today: today.adding(days: 2))
            let deadlineDay = try await reminders()
            XCTAssertEqual(deadlineDay.count, 2, "the one-day reminder is not repeated on the deadline")
            // A unit that has submitted is not reminded; a closed round reminds no one.
            let other = try await store.createRound(
                ReportingRound(code: "da-dong", title: "Đợt đã đóng", periodID: "2025", planCodes: ["KH-CĐS-2024"],
                               defaultDeadline: today.adding(days: 1)), unitCodes: ["339"], by: Actor(username: "dieuphoi"))
            try await store.setRoundClosed(other, closed: true, by: Actor(username: "dieuphoi"))
            _ = try await store.generateDueNotices(today: today)
            let closed = try await store.notices(roundCode: "da-dong")
            XCTAssertTrue(closed.isEmpty)
            try await app.test(.GET, "/api/v1/rounds", headers: try await apiToken(app, "hungha")) { res async in
                let r = jsonArray(res).first { $0["code"] as? String == "nhac-han" }
                XCTAssertEqual(r?["reminderDays"] as? [Int], [3, 1])
            }
        }
    }
}

func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}
