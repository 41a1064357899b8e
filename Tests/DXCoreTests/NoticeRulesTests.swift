@testable import DXCore
import XCTest

final class NoticeRulesTests: XCTestCase {
    func testReminderDaysAreReadFromWhatACoordinatorTypes() {
        XCTAssertEqual(ReminderDays.parse("3, 1").days, [3, 1])
        XCTAssertEqual(ReminderDays.parse("1;7 3 7").days, [7, 3, 1], "largest first, once each")
        XCTAssertEqual(ReminderDays.parse("").days, [])
        XCTAssertNil(ReminderDays.parse("0").issue)
        XCTAssertEqual(ReminderDays.parse("3, x").issue?.path, "reminderDays")
        XCTAssertTrue(ReminderDays.parse("-1").issue?.message.contains("\"-1\" không hợp lệ") == true)
        XCTAssertNotNil(ReminderDays.parse("61").issue)
        XCTAssertNotNil(ReminderDays.parse("1,2,3,4,5,6").issue)
        var round = ReportingRound(code: "x", title: "X", periodID: "2024", planCodes: ["P"], defaultDeadline: CalendarDate(2024, 12, 20))
        XCTAssertTrue(round.problems().isEmpty)
        round.reminderDays = [90]
        XCTAssertEqual(round.problems().map(\.path), ["reminderDays"])
    }

    func testRetriesBackOffAndGiveUp() {
        let p = NoticeRetryPolicy(firstDelay: 60, maxDelay: 600, maxAttempts: 6)
        XCTAssertEqual((1...6).map { p.delay(afterAttempt: $0) }, [60, 120, 240, 480, 600, nil])
    }

    func testAddresses() {
        XCTAssertTrue(MailAddress.isValid("hungha@hungha.thaibinh.gov.vn"))
        for bad in ["", "a@b", "a@@b.vn", "a b@c.vn", "a@b.vn\r\nBcc: x@y.vn", "<a@b.vn>", "đ@b.vn", "a@-b.vn"] {
            XCTAssertFalse(MailAddress.isValid(bad), bad)
        }
    }

    func testTextsAreVietnameseAndCarryTheReason() {
        let r = NoticeTexts.returned(roundTitle: "Báo cáo năm 2024", unitName: "Huyện Hưng Hà", by: "Cán bộ điều phối", reason: "Thiếu số liệu.",
                                     recipient: "Anh Hà")
        XCTAssertEqual(r.subject, "[Chuyển đổi số] Báo cáo Báo cáo năm 2024 của Huyện Hưng Hà bị trả lại")
        XCTAssertTrue(r.body.contains("Lý do: Thiếu số liệu."))
        let d = NoticeTexts.reminder(roundTitle: "Q1", unitName: "Xã A", deadline: CalendarDate(2025, 3, 20), today: CalendarDate(2025, 3, 20),
                                     recipient: "B")
        XCTAssertTrue(d.subject.hasSuffix("hôm nay là hạn cuối"))
        XCTAssertTrue(d.body.contains("20/03/2025"))
    }
}
