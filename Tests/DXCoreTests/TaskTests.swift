import DXCore
import XCTest

final class TaskTests: XCTestCase {
    func testDeadlinesRoundTripThroughTheirCodes() {
        let all: [Deadline] = [.date(CalendarDate(2024, 6, 30)), .month(year: 2024, month: 6), .quarter(year: 2024, quarter: 2),
                               .year(2024), .ongoing, .quarterly]
        for d in all { XCTAssertEqual(Deadline(code: d.code), d, d.code) }
        for bad in ["", "2024-13", "2024Q5", "Tháng 6", "24", "2024-02-30"] { XCTAssertNil(Deadline(code: bad), bad) }
    }

    func testDeadlinesAreWrittenTheWayDocumentsWriteThem() {
        XCTAssertEqual(Deadline.month(year: 2024, month: 6).labelVI, "Tháng 6/2024")
        XCTAssertEqual(Deadline.quarter(year: 2024, quarter: 2).labelVI, "Quý II/2024")
        XCTAssertEqual(Deadline.ongoing.labelVI, "Thường xuyên")
        XCTAssertEqual(Deadline.quarterly.labelVI, "Hằng quý")
        XCTAssertEqual(Deadline.date(CalendarDate(2024, 3, 5)).labelVI, "05/03/2024")
    }

    func testDueInAPeriodVersusRecurringVersusOverdue() {
        let s1 = (CalendarDate(2024, 1, 1), CalendarDate(2024, 6, 30))
        XCTAssertTrue(Deadline.month(year: 2024, month: 6).isDue(from: s1.0, through: s1.1))
        XCTAssertFalse(Deadline.month(year: 2024, month: 7).isDue(from: s1.0, through: s1.1))
        XCTAssertFalse(Deadline.ongoing.isDue(from: s1.0, through: s1.1))
        XCTAssertTrue(Deadline.quarterly.isRecurring)
        XCTAssertEqual(Deadline.quarter(year: 2024, quarter: 2).dueDate, CalendarDate(2024, 6, 30))
        XCTAssertTrue(Deadline.month(year: 2024, month: 6).isOverdue(on: CalendarDate(2024, 7, 1)))
        XCTAssertFalse(Deadline.month(year: 2024, month: 6).isOverdue(on: CalendarDate(2024, 6, 30)))
        XCTAssertFalse(Deadline.ongoing.isOverdue(on: CalendarDate(2030, 1, 1)))
    }

    func testStatusWordsOfTheAppendices() {
        XCTAssertEqual(TaskStatus.parse("Hoàn thành").status, .done)
        XCTAssertEqual(TaskStatus.parse("Đã triển khai").status, .deployed)
        XCTAssertEqual(TaskStatus.parse("Đang triển khai").status, .inProgress)
        XCTAssertEqual(TaskStatus.parse("Chưa triển khai").status, .notStarted)
        XCTAssertEqual(TaskStatus.parse("Chưa hoàn thành").status, .notCompleted)
        XCTAssertEqual(TaskStatus.parse("Chưa thực hiện").status, .notDone)
        XCTAssertEqual(TaskStatus.parse("Chuyển năm 2024 triển khai").status, .other)
        let partial = TaskStatus.parse("Hoàn thành 25%")
        XCTAssertEqual(partial.status, .inProgress)
        XCTAssertEqual(partial.percent, 25)
        XCTAssertEqual(TaskReport(planCode: "p", taskCode: "1", unitCode: "u", periodID: "2024", status: .inProgress, percent: 25).statusLabel,
                       "Hoàn thành 25%")
        XCTAssertTrue(TaskStatus.deployed.isUnderway)
        XCTAssertFalse(TaskStatus.notStarted.isUnderway)
    }

    func testHierarchicalCodesSortInDocumentOrder() {
        let codes = ["2", "1.10", "1.2", "1", "1.1.a", "1.1", "10", "2.7"]
        XCTAssertEqual(codes.sorted(by: HierarchicalCode.less), ["1", "1.1", "1.1.a", "1.2", "1.10", "2", "2.7", "10"])
        XCTAssertEqual(HierarchicalCode.parent(of: "2.7"), "2")
        XCTAssertNil(HierarchicalCode.parent(of: "2"))
        XCTAssertTrue(HierarchicalCode.isWithin("1.2", "1"))
        XCTAssertFalse(HierarchicalCode.isWithin("10", "1"))
    }

    func testAnExportListsFiguresByPlanPeriodUnitThenIndicatorInDocumentOrder() {
        func v(_ plan: String, _ period: String, _ unit: String, _ ind: String) -> DataValue {
            DataValue(planCode: plan, indicatorCode: ind, unitCode: unit, periodID: period, value: 1)
        }
        let stored = [v("B", "2024", "34", "1"), v("A", "2024S1", "34", "1"), v("A", "2024", "338", "1.10"),
                      v("A", "2024", "34", "1.10"), v("A", "2024", "34", "1.2"), v("A", "2024", "4", "2")]
        XCTAssertEqual(stored.sorted(by: DataValue.transferOrder).map { "\($0.planCode) \($0.periodID) \($0.unitCode) \($0.indicatorCode)" },
                       ["A 2024 4 2", "A 2024 34 1.2", "A 2024 34 1.10", "A 2024 338 1.10", "A 2024S1 34 1", "B 2024 34 1"])
    }

    func testDocumentTypeComesFromItsCode() {
        XCTAssertEqual(OfficialDocument(number: "805/QĐ-UBND", summary: "", issuer: "").typeCode, "QĐ")
        XCTAssertEqual(OfficialDocument(number: "08/2024/NQ-HĐND", summary: "", issuer: "").typeCode, "NQ")
        XCTAssertEqual(OfficialDocument(number: "83/KH-BCĐ", summary: "", issuer: "").typeCode, "KH")
    }
}
