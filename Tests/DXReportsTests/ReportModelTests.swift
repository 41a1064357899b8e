import DXCore
import DXDocuments
import DXReports
import DXStore
import DXTestSupport
import XCTest

/// The report model from the demo data, checked by its values, not by the bytes of a file.
final class ReportModelTests: XCTestCase {
    static var settings: ReportSettings {
        var s = ReportTemplates.standard
        s.number = 83
        s.date = CalendarDate(2024, 7, 5)
        s.signerName = "Nguyễn Khắc Thận"
        return s
    }

    func testTheHalfYearReportStatesTheEvaluationAndItsAppendicesAgree() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            let report = try await rt.store.officialReport(plan: "KH-CĐS-2024", period: "2024S1", tasksPlan: "83/KH-BCĐ",
                                                           settings: Self.settings)
            XCTAssertEqual(report.settings.numberText, "83/BC-BCĐ")
            XCTAssertEqual(report.settings.subject, "Kết quả chuyển đổi số 6 tháng đầu năm 2024 tỉnh Thái Bình")
            XCTAssertEqual(report.sections.map(\.number), ["I", "II", "III", "IV"])

            let partI = report.sections[0].items[0].paragraphs.map(\.text)
            XCTAssertEqual(partI[0], "Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 16 mục tiêu")
            XCTAssertEqual(partI[1], "- Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%.")
            XCTAssertEqual(partI[2], "- Số mục tiêu hoàn thành từ 50%: 05/16 chỉ tiêu đạt 31,25%.")
            XCTAssertEqual(partI.last, "(Chi tiết tại Phụ lục I kèm theo).")
            let tasks = report.sections[0].items[1].paragraphs.map(\.text)
            XCTAssertEqual(tasks[1], "- Số nhiệm vụ đã hoàn thành: 05/31 nhiệm vụ đạt 16,13%.")

            XCTAssertEqual(report.appendices.map(\.kind), [.indicators, .tasks, .documents])
            XCTAssertEqual(report.appendices.map(\.number), [1, 2, 3])
            let indicators = report.appendices[0].table
            XCTAssertEqual(indicators.columns.map(\.title), ["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Số liệu tuyệt đối", "Đánh giá", "Ghi chú"])
            XCTAssertEqual(indicators.rows.filter { $0.kind == .group }.count, 3, "one row per pillar")
            let items = indicators.rows.filter { $0.kind == .item }
            XCTAssertEqual(items.count, 16)
            // The appendix says what section I counts: nine rows "Hoàn thành".
            XCTAssertEqual(items.filter { $0.cells[5] == .text("Hoàn thành") }.count, 9)
            let seven = try XCTUnwrap(items.first { $0.cells[0] == .text("7") })
            guard case .percent(let rate) = seven.cells[3] else { return XCTFail("no rate for indicator 7") }
            XCTAssertEqual(rate, 66.6667, accuracy: 1e-4)
            XCTAssertEqual(seven.cells[4], .text("60/90"))
            XCTAssertEqual(seven.cells[3].textVI, "66,67%")
            let four = try XCTUnwrap(items.first { $0.cells[0] == .text("4") })
            XCTAssertEqual(four.cells[5], .text("Đạt 81,16% mục tiêu"))

            // The unit's own note is labelled as the unit's, beside the computed judgement.
            let eight = try XCTUnwrap(items.first { $0.cells[0] == .text("8") })
            XCTAssertEqual(eight.cells[5], .text("Đạt 33,33% mục tiêu"))
            XCTAssertEqual(eight.cells[6], .text("Đơn vị ghi: Đạt 30% mục tiêu"))
            // An amount keeps its unit of measure instead of a bare "5,2" among percentages.
            let eleven = try XCTUnwrap(items.first { $0.cells[0] == .text("11") })
            XCTAssertEqual(eleven.cells[3].textVI, "5,2% GRDP")

            let tasksTable = report.appendices[1].table
            XCTAssertEqual(tasksTable.rows.filter { $0.kind == .item }.count, 31)
            let results = tasksTable.rows.filter { $0.kind == .item }.map { $0.cells[5].textVI }
            XCTAssertFalse(results.contains { $0.contains("Hoàn thành. Hoàn thành") }, "\(results)")
            XCTAssertTrue(results.contains("Hoàn thành"))
            // Long rows may break across pages; the header rows still repeat.
            let docxTable = ReportDocument.table(tasksTable, width: .cm(25))
            XCTAssertTrue(docxTable.rows.prefix(2).allSatisfy(\.cantSplit))
            XCTAssertFalse(docxTable.rows.dropFirst(2).contains { !$0.isBold && $0.cantSplit }, "task rows may split")
            let documents = report.appendices[2].table.rows
            XCTAssertEqual(documents.count, 11, "documents the province and its departments issued in the first half of 2024, not Hưng Hà's ten")
            XCTAssertFalse(documents.contains { $0.cells[1] == .text("54/KH-UBND") })
            XCTAssertEqual(documents.last?.cells[1], .text("08/2024/NQ-HĐND"))
            XCTAssertTrue(report.appendices.allSatisfy { $0.landscape })
            XCTAssertTrue(report.closing.hasSuffix("trân trọng báo cáo./."))
        }
    }

    func testOneIndicatorByUnitTotalsAsARatioOfSums() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            _ = try await rt.store.load(Dataset(values: [
                DataValue(planCode: "KH-CĐS-2024", indicatorCode: "16", unitCode: "338", periodID: "2024", numerator: 10, denominator: 40),
            ]))
            var settings = Self.settings
            settings.byUnitIndicator = "16"
            settings.includeDocuments = false
            let report = try await rt.store.officialReport(plan: "KH-CĐS-2024", period: "2024", settings: settings)
            let appendix = try XCTUnwrap(report.appendices.last)
            XCTAssertEqual(appendix.kind, .byUnit)
            XCTAssertEqual(appendix.number, 2)
            let rows = appendix.table.rows
            XCTAssertEqual(rows.map { $0.cells[1] }, [.text("Huyện Quỳnh Phụ"), .text("Huyện Hưng Hà"), .text("Tổng cộng (Tỉnh Thái Bình)")])
            XCTAssertEqual(rows[1].cells[2...4], [.number(286), .number(286), .percent(100)])
            // (10 + 286) / (40 + 286), not the mean of 25% and 100%.
            XCTAssertEqual(rows[2].kind, .total)
            XCTAssertEqual(rows[2].cells[2...3], [.number(296), .number(326)])
            guard case .percent(let total) = rows[2].cells[4] else { return XCTFail("no total rate") }
            XCTAssertEqual(total, 296.0 * 100 / 326, accuracy: 1e-9)
        }
    }

    func testAnUnknownIndicatorForTheUnitAppendixIsRefused() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            var settings = Self.settings
            settings.byUnitIndicator = "99"
            do {
                _ = try await rt.store.officialReport(plan: "KH-CĐS-2024", period: "2024", settings: settings)
                XCTFail("an unknown indicator was accepted")
            } catch let error as StoreError {
                XCTAssertEqual(error.description, "Kế hoạch KH-CĐS-2024 không có chỉ tiêu 99")
            }
        }
    }
}
