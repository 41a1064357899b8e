import DXCore
import Foundation
import XCTest

/// Which stored figures reach the official outputs, and how outputs say when they were read.
final class DataStatusTests: XCTestCase {
    func testOnlySubmittedAndApprovedReportsCount() {
        XCTAssertEqual(ReportState.allCases.filter(\.isCounted), [.submitted, .approved])
        XCTAssertFalse(ReportState.awaitingApproval.isCounted, "waiting for the head of the unit is not sent up yet")
        XCTAssertFalse(ReportState.returned.isCounted)
    }

    func testAFigureCountsWhenNoRoundCoversItOrACoveringReportCounts() {
        let status = DataStatus([
            RoundMembership(periodID: "2024", planCodes: ["KH-1"], formCodes: ["BM01"], unitCode: "339", state: .draft),
            RoundMembership(periodID: "2024", planCodes: ["KH-1"], unitCode: "TB-STP", state: .submitted),
            RoundMembership(periodID: "2024", planCodes: ["KH-1"], unitCode: "TB-CA", state: .returned),
            // Two rounds cover TB-SNV: one counted report is enough.
            RoundMembership(periodID: "2024", planCodes: ["KH-1"], unitCode: "TB-SNV", state: .draft),
            RoundMembership(periodID: "2024", planCodes: ["KH-1", "KH-2"], unitCode: "TB-SNV", state: .approved),
        ])
        XCTAssertFalse(status.counts(planCode: "KH-1", unitCode: "339", periodID: "2024"))
        XCTAssertTrue(status.counts(planCode: "KH-1", unitCode: "TB-STP", periodID: "2024"))
        XCTAssertFalse(status.counts(planCode: "KH-1", unitCode: "TB-CA", periodID: "2024"))
        XCTAssertTrue(status.counts(planCode: "KH-1", unitCode: "TB-SNV", periodID: "2024"))
        // Outside every round: an import, the province's own figures.
        XCTAssertTrue(status.counts(planCode: "KH-1", unitCode: "339", periodID: "2024S1"), "another period")
        XCTAssertTrue(status.counts(planCode: "KH-2", unitCode: "339", periodID: "2024"), "a plan the round does not ask")
        XCTAssertTrue(status.counts(planCode: "KH-1", unitCode: "34", periodID: "2024"), "a unit the round does not list")
        XCTAssertFalse(status.counts(formCode: "BM01", unitCode: "339", periodID: "2024"))
        XCTAssertTrue(status.counts(formCode: "BM02", unitCode: "339", periodID: "2024"))

        let values = [DataValue(planCode: "KH-1", indicatorCode: "1", unitCode: "339", periodID: "2024", value: 1),
                      DataValue(planCode: "KH-1", indicatorCode: "1", unitCode: "TB-STP", periodID: "2024", value: 2),
                      DataValue(planCode: "KH-1", indicatorCode: "1", unitCode: "34", periodID: "2024", value: 3)]
        XCTAssertEqual(status.counted(values).map(\.unitCode), ["TB-STP", "34"])
        let entries = [FormEntry(unitCode: "339", row: FormRowInput(key: "339", values: [:])),
                       FormEntry(unitCode: "TB-STP", row: FormRowInput(key: "TB-STP", values: [:]))]
        XCTAssertEqual(status.counted(entries, form: "BM01", periodID: "2024").map(\.unitCode), ["TB-STP"])
    }

    func testTheReadingLineIsInVietnamTime() {
        // 07:05 UTC is 14:05 in Vietnam.
        let at = ISO8601DateFormatter().date(from: "2024-12-20T07:05:00Z")!
        XCTAssertEqual(DataReading.lineVI(at), "Số liệu tính đến 14 giờ 05 ngày 20/12/2024")
        let late = ISO8601DateFormatter().date(from: "2024-12-31T17:00:00Z")!
        XCTAssertEqual(DataReading.lineVI(late), "Số liệu tính đến 0 giờ 00 ngày 01/01/2025", "the day turns over at UTC+7")
        XCTAssertEqual(DataReading(readAt: at).iso, "2024-12-20T14:05:00+07:00")
        XCTAssertEqual(DataReading(readAt: at).linesVI, ["Số liệu tính đến 14 giờ 05 ngày 20/12/2024"])
        XCTAssertEqual(DataReading(readAt: at, includesUnsubmitted: true).linesVI.first,
                       "Bao gồm số liệu chưa gửi, chưa được duyệt — không dùng làm số liệu chính thức.")
    }
}
