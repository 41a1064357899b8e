import DXCore
import DXReports
import DXStore
import DXTestSupport
import Foundation
import XCTest

/// Issue 13: "26/28 đơn vị" in the indicator appendix beside "28/28" in the form line of the same
/// report, because the units that reported 0/0 were missing in one and present in the other.
/// One rule now decides both, and the rate of 0/0 is "—" in every table of the report.
final class CoverageRuleReportTests: XCTestCase {
    func testAQuietQuarterIsADashAndTheAppendixAgreesWithTheFormLine() async throws {
        try await TestDatabases.each(snapshot: "demo-round", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
        }) { rt in
            let store = rt.store
            let admin = Actor(username: "admin")
            let round = try await store.createRound(
                ReportingRound(code: "bc-q3-2024", title: "Báo cáo quý III/2024", periodID: "2024Q3", planCodes: ["KH-CĐS-2024"],
                               formCodes: ["BM01"], defaultDeadline: CalendarDate(2024, 9, 20), ownerUnitCode: "34"),
                unitCodes: ["339", "338", "TB-STP"], by: admin)
            // Two districts had no case files (0/0 and a form row of zeros) and submitted; the
            // department's draft of the same does not count.
            for unit in ["339", "338", "TB-STP"] {
                let found = try await store.unitReport(round, unitCode: unit)
                let report = try XCTUnwrap(found)
                var patch = ReportPatch()
                for item in report.indicators where item.indicator.code == "2" {
                    patch.values[item.key] = IndicatorEntry(numerator: 0, denominator: 0).normalized(for: item.indicator)
                }
                for part in report.forms { for row in part.rows { patch.forms[part.key(row)] = ["1": .number(0), "2": .number(0)] } }
                _ = try await store.saveReport(round, unitCode: unit, patch: patch, baseVersion: report.status.version, by: admin)
                if unit != "TB-STP" {
                    _ = try await store.transition(round, unitCode: unit, action: .submit, comment: nil, baseVersion: nil, by: admin)
                }
            }
            var settings = ReportModelTests.settings
            settings.includeDocuments = false
            settings.byUnitIndicator = "2"
            settings.formAppendices = ["BM01"]
            let report = try await store.officialReport(plan: "KH-CĐS-2024", period: "2024Q3", settings: settings)

            let row = try XCTUnwrap(report.appendices[0].table.rows.first { $0.kind == .item && $0.cells[0] == .text("2") })
            XCTAssertEqual(row.cells[3], .text("—"), "neither 0% nor 100%")
            XCTAssertEqual(row.cells[4], .text("0/0"))
            guard case .text(let note) = row.cells[6] else { return XCTFail("no coverage note: \(row.cells)") }
            let formLine = try XCTUnwrap(report.sections[0].items.last?.paragraphs.map(\.text).first { $0.contains("(biểu BM01)") })
            // "… 2/38 đơn vị có số liệu" and "… (biểu BM01): 02/32 đơn vị có số liệu": the same two units.
            func reporting(_ s: String) -> Int? {
                guard let r = s.range(of: #"[0-9]+/[0-9]+ đơn vị có số liệu"#, options: .regularExpression) else { return nil }
                return Int(s[r].prefix { $0 != "/" })
            }
            XCTAssertEqual(reporting(note), 2, note)
            XCTAssertEqual(reporting(formLine), 2, formLine)

            // Section III does not list it among the indicators without data.
            let noData = report.sections[2].items[1].paragraphs.map(\.text).first { $0.contains("chưa có số liệu để đánh giá") } ?? ""
            let listed = noData.split(separator: "(").last.map { $0.dropLast(2).components(separatedBy: ", ") } ?? []
            XCTAssertTrue(listed.contains("1"), noData)
            XCTAssertFalse(listed.contains("2"), noData)
            let byUnit = try XCTUnwrap(report.appendices.first { $0.kind == .byUnit }).table.rows
            XCTAssertEqual(byUnit.filter { $0.kind == .item }.map { $0.cells[4] }, [.text("—"), .text("—")])
            XCTAssertEqual(byUnit.last?.cells[2...4], [.number(0), .number(0), .text("—")])
        }
    }
}
