import DXCore
import DXStore
import DXTestSupport
import XCTest

/// Table forms kept in the store: saved, attached to a round, filled through report saves and
/// consolidated by period, on both databases.
final class FormStoreTests: XCTestCase {
    /// The demo data and round, loaded once per process (see `TestDatabases.prepare`).
    private func eachWithDemo(_ body: (StoreRuntime) async throws -> Void) async throws {
        try await TestDatabases.each(snapshot: "demo-round", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
        }, body)
    }

    private func demo(_ rt: StoreRuntime) async throws -> ReportingRound {
        try await rt.store.round(DemoRound.code)!
    }

    func testTheDemoRoundAsksEachUnitForItsOwnRowOfBothForms() async throws {
        try await eachWithDemo { rt in
            let round = try await demo(rt)
            XCTAssertEqual(round.formCodes, ["BM01", "BM02"])
            let report = try await rt.store.unitReport(round, unitCode: "339")!
            XCTAssertEqual(report.forms.map(\.code), ["BM01", "BM02"])
            XCTAssertEqual(report.forms.map { $0.rows.map(\.key) }, [["339"], ["339"]])
            // Hưng Hà has not entered its rows; the departments that submitted have.
            XCTAssertTrue(report.forms[0].entries.isEmpty)
            let stttt = try await rt.store.unitReport(round, unitCode: "TB-STTTT")!
            XCTAssertNotNil(stttt.forms[0].entries["TB-STTTT"]?.values["1"])
        }
    }

    func testTheConsolidatedTableHasEveryUnitAndATotalThatIsARatioOfSums() async throws {
        try await eachWithDemo { rt in
            _ = try await demo(rt)
            let table = try await rt.store.consolidatedForm("BM01", period: .year(2024))
            let expected = try await rt.store.units().filter { [.department, .district].contains($0.kind) && $0.parentCode == "34" && $0.overlaps(from: CalendarDate(2024, 1, 1), to: CalendarDate(2024, 12, 31)) }
            XCTAssertEqual(table.rows.map(\.key), expected.map(\.code), "the province's departments and districts of 2024, in the unit list's order")
            let filled = table.rows.filter { $0["1"].number != nil }
            // Four units filled their rows; Công an tỉnh's report was returned, so its rows do
            // not count (data status) until it is submitted again.
            XCTAssertEqual(filled.count, 3, "the three units whose filled report is submitted or approved")
            XCTAssertFalse(filled.contains { $0.key == "TB-CA" })
            let withDrafts = try await rt.store.consolidatedForm("BM01", period: .year(2024), includeUnsubmitted: true)
            XCTAssertEqual(withDrafts.rows.filter { $0["1"].number != nil }.count, 4, "the preview has all four")
            let online = filled.compactMap { $0["1"].number }.reduce(0, +)
            let all = filled.compactMap { $0["3"].number }.reduce(0, +)
            XCTAssertEqual(table.totals?["1"].number, online)
            XCTAssertEqual(table.totals?["4"].number ?? 0, online / all * 100, accuracy: 1e-9)
            let mean = filled.compactMap { $0["4"].number }.reduce(0, +) / Double(filled.count)
            XCTAssertNotEqual(table.totals?["4"].number ?? 0, mean, accuracy: 1e-12)
            let bm02 = try await rt.store.consolidatedForm("BM02", period: .year(2024))
            XCTAssertTrue(bm02.violations.isEmpty, "\(bm02.violations)")
        }
    }

    func testAReportSaveWritesFormRowsWithAuditAndVersionAndRefusesOthersRows() async throws {
        try await eachWithDemo { rt in
            let round = try await demo(rt)
            let report = try await rt.store.unitReport(round, unitCode: "339")!
            let key = FormRowKey(form: "BM01", row: "339")
            let saved = try await rt.store.saveReport(round, unitCode: "339", patch: ReportPatch(forms: [key: ["1": .number(1_200), "2": .number(300)]]),
                                                      baseVersion: report.status.version, by: Actor(username: "hungha"))
            XCTAssertEqual(saved, .saved(version: report.status.version + 1, changes: 2))
            let again = try await rt.store.saveReport(round, unitCode: "339", patch: ReportPatch(forms: [key: ["1": .number(1_200), "2": .number(300)]]),
                                                      baseVersion: saved.version, by: Actor(username: "hungha"))
            XCTAssertEqual(again, .unchanged(version: saved.version))
            let audit = try await rt.store.changesSince(round, unitCode: "339", version: report.status.version)
            XCTAssertEqual(Set(audit.map { "\($0.subject) \($0.subjectCode ?? "") \($0.field) \($0.new ?? "")" }),
                           ["form BM01|339 1 1200", "form BM01|339 2 300"])
            // Hưng Hà's report is a draft: its row counts only in the preview (data status).
            let table = try await rt.store.consolidatedForm("BM01", period: .year(2024))
            XCTAssertNil(table.rows.first { $0.key == "339" }?["4"].number)
            let preview = try await rt.store.consolidatedForm("BM01", period: .year(2024), includeUnsubmitted: true)
            XCTAssertEqual(preview.rows.first { $0.key == "339" }?["4"].number, 80)

            let refusals: [(FormRowKey, [String: FormCellValue], String)] = [
                (FormRowKey(form: "BM01", row: "TB-STP"), ["1": .number(1)], "không điền dòng TB-STP"),
                (FormRowKey(form: "BM09", row: "339"), ["1": .number(1)], "không điền dòng 339 của biểu mẫu BM09"),
                (key, ["3": .number(5)], "không có cột nhập liệu (3)"),
                (key, ["1": .text("nhiều")], "phải là số"),
            ]
            for (k, cells, message) in refusals {
                do {
                    _ = try await rt.store.saveReport(round, unitCode: "339", patch: ReportPatch(forms: [k: cells]),
                                                      baseVersion: saved.version, by: Actor(username: "hungha"))
                    XCTFail("\(rt.url.kindName): accepted \(k) \(cells)")
                } catch {
                    XCTAssertTrue(String(describing: error).contains(message), "\(rt.url.kindName): \(error)")
                }
            }
            // Emptying the row deletes it.
            _ = try await rt.store.saveReport(round, unitCode: "339", patch: ReportPatch(forms: [key: [:]]),
                                              baseVersion: saved.version, by: Actor(username: "hungha"))
            let left = try await rt.store.formEntries(form: "BM01", period: "2024")
            XCTAssertTrue(left.allSatisfy { $0.unitCode != "339" })
        }
    }

    func testSavingFormsChecksTheDefinitionAndTheCode() async throws {
        try await eachWithDemo { rt in
            _ = try await demo(rt)
            var form = try await rt.store.tableForm("BM01")!
            do {
                try await rt.store.saveTableForm(form, creating: true, by: Actor(username: "dieuphoi"))
                XCTFail("a second BM01 must be refused")
            } catch {
                XCTAssertTrue(String(describing: error).contains("Đã có biểu mẫu mã BM01"), "\(error)")
            }
            form.columns[2].formula = "(1)+(9)"
            do {
                try await rt.store.saveTableForm(form, creating: false, by: Actor(username: "dieuphoi"))
                XCTFail("a formula on a missing column must be refused")
            } catch {
                XCTAssertTrue(String(describing: error).contains("không có trong biểu mẫu"), "\(error)")
            }
            form.columns[2].formula = "(1)+(2)"
            form.code = "BM 01/2024"
            do {
                try await rt.store.saveTableForm(form, creating: true, by: Actor(username: "dieuphoi"))
                XCTFail("a code with spaces and slashes must be refused")
            } catch {
                XCTAssertTrue(String(describing: error).contains("Mã biểu mẫu"), "\(error)")
            }
            form.code = "BM01-2025"
            form.title = "Biểu mới"
            try await rt.store.saveTableForm(form, creating: true, by: Actor(username: "dieuphoi"))
            let codes = try await rt.store.tableForms().map(\.code)
            XCTAssertEqual(codes, ["BM01", "BM01-2025", "BM02"])
            let stored = try await rt.store.tableForm("BM01-2025")
            XCTAssertEqual(stored, form)
        }
    }
}
