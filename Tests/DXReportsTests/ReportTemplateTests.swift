import DXCore
import DXReports
import DXStore
import DXTestSupport
import XCTest

/// Saved report templates and the coordinator's edits of the units' narratives, on the demo
/// data with its 2024 round (the Department of Information and Communications approved, the
/// departments of Home Affairs and Finance submitted, the Police returned).
final class ReportTemplateTests: XCTestCase {
    static let coordinator = Actor(username: "dieuphoi")

    /// The demo data, round and template, loaded once per process (see `TestDatabases.prepare`).
    func eachWithDemo(_ body: (StoreRuntime) async throws -> Void) async throws {
        try await TestDatabases.each(snapshot: "demo-round-template", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
            try await DemoReportTemplate.load(into: rt.store, settings: ReportTemplates.standard)
        }, body)
    }

    func testATemplateIsSavedAndIssuedWithTheNumberAndDateOfEachIssue() async throws {
        try await eachWithDemo { rt in
            let tFound = try await rt.store.reportTemplate(DemoReportTemplate.code)
            var t = try XCTUnwrap(tFound)
            XCTAssertEqual(t.planCode, "KH-CĐS-2024")
            XCTAssertEqual(t.tasksPlanCode, "83/KH-BCĐ")
            XCTAssertEqual(t.settings.byUnitIndicator, "16")

            t.settings.signerName = "Nguyễn Khắc Thận"
            t.settings.recipients = ["Bộ Khoa học và Công nghệ (để b/c)", "Lưu trữ"]
            try await rt.store.saveReportTemplate(t, creating: false, by: Self.coordinator)
            let savedFound = try await rt.store.reportTemplate(t.code)
            let saved = try XCTUnwrap(savedFound)
            XCTAssertEqual(saved, t)

            let report = try await rt.store.officialReport(template: saved, period: "2024S1", number: 83, date: CalendarDate(2024, 7, 5))
            XCTAssertEqual(report.settings.numberText, "83/BC-BCĐ")
            XCTAssertEqual(report.settings.date, CalendarDate(2024, 7, 5))
            XCTAssertEqual(report.settings.signerName, "Nguyễn Khắc Thận")
            XCTAssertEqual(report.appendices.map(\.kind), [.indicators, .tasks, .documents])
            XCTAssertEqual(report.sections[0].items[0].paragraphs[1].text, "- Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%.")

            let audit = try await rt.store.auditEntries(subjectCode: t.code)
            XCTAssertEqual(audit.map(\.field), ["settings", "created"])
            XCTAssertEqual(audit.first?.username, "dieuphoi")
        }
    }

    func testFormAppendicesAreCitedInSectionIAndNumberedAfterTheOthers() async throws {
        try await eachWithDemo { rt in
            let found = try await rt.store.reportTemplate(DemoReportTemplate.code)
            var t = try XCTUnwrap(found)
            t.settings.formAppendices = ["BM01", "BM09"]
            do {
                try await rt.store.saveReportTemplate(t, creating: false, by: Self.coordinator)
                XCTFail("an unknown form must be refused")
            } catch let e as StoreError {
                XCTAssertEqual(e.description, "Không có biểu mẫu BM09.")
            }
            t.settings.formAppendices = ["BM01"]
            try await rt.store.saveReportTemplate(t, creating: false, by: Self.coordinator)
            // The official report counts only submitted reports: Hưng Hà, the only district with
            // indicator 16, is drafting (no by-unit appendix) and Công an tỉnh's form rows were
            // returned (three units). The preview has both, and numbers the form after them.
            let official = try await rt.store.officialReport(template: t, period: "2024", number: 5, date: CalendarDate(2025, 1, 10))
            XCTAssertEqual(official.appendices.map(\.kind), [.indicators, .tasks, .documents, .form])
            XCTAssertEqual(official.sections[0].items.last?.paragraphs.map(\.text).first?.contains(": 03/"), true)
            XCTAssertEqual(official.sections[0].items.last?.paragraphs.map(\.text).first?.contains("Phụ lục IV kèm theo"), true)
            let report = try await rt.store.officialReport(template: t, period: "2024", number: 5, date: CalendarDate(2025, 1, 10),
                                                           includeUnsubmitted: true)
            XCTAssertEqual(report.appendices.map(\.kind), [.indicators, .tasks, .documents, .byUnit, .form])
            let rows = try XCTUnwrap(report.appendices.last?.form?.rows)
            let item = try XCTUnwrap(report.sections[0].items.last)
            XCTAssertEqual(item.title, "Số liệu tổng hợp theo biểu mẫu")
            XCTAssertEqual(item.paragraphs.map(\.text), [
                "- Kết quả tiếp nhận hồ sơ thủ tục hành chính trực tuyến (biểu BM01): 04/\(VNNumber.padded(rows.count)) đơn vị có số liệu (Chi tiết tại Phụ lục V kèm theo).",
            ])
            // A district's report shows only its own row.
            let district = try await rt.store.officialReport(plan: t.planCode, period: "2024", unit: "339", settings: t.settings,
                                                             includeUnsubmitted: true)
            XCTAssertEqual(district.appendices.last?.form?.rows.map(\.key), ["339"])
        }
    }

    func testTemplatesNamingWhatDoesNotExistAreRefusedAndCodesAreUnique() async throws {
        try await eachWithDemo { rt in
            let baseFound = try await rt.store.reportTemplate(DemoReportTemplate.code)
            let base = try XCTUnwrap(baseFound)
            func refused(_ t: ReportTemplate, creating: Bool = true, _ message: String) async throws {
                do {
                    try await rt.store.saveReportTemplate(t, creating: creating, by: Self.coordinator)
                    XCTFail("saved: \(message)")
                } catch let e as StoreError {
                    XCTAssertEqual(e.description, message)
                }
            }
            try await refused(base, "Đã có mẫu báo cáo mã bao-cao-cds-tinh.")
            var t = base
            t.code = "khac"
            t.planCode = "KH-KHONG-CO"
            try await refused(t, "Không tìm thấy kế hoạch KH-KHONG-CO")
            t.planCode = base.planCode
            t.unitCode = "99999"
            try await refused(t, "Không có đơn vị mã 99999.")
            t.unitCode = nil
            t.settings.byUnitIndicator = "99"
            try await refused(t, "Kế hoạch KH-CĐS-2024 không có chỉ tiêu 99.")
            t.settings.byUnitIndicator = nil
            t.settings.symbol = "83/BC-BCĐ"
            try await refused(t, "Ký hiệu báo cáo nhập không kèm số và dấu “/”, ví dụ BC-BCĐ.")
            t.settings.symbol = "BC-BCĐ"
            try await refused(t, creating: false, "Không tìm thấy mẫu báo cáo khac")
            try await rt.store.saveReportTemplate(t, creating: true, by: Self.coordinator)
            let count = try await rt.store.reportTemplates().count
            XCTAssertEqual(count, 3, "the two demo templates and this one")
        }
    }

    func testTheCoordinatorEditsNarrativesWithoutChangingWhatUnitsSubmitted() async throws {
        try await eachWithDemo { rt in
            let year = try XCTUnwrap(Period(identifier: "2024"))
            let before = try await rt.store.narratives(plan: "KH-CĐS-2024", period: year)
            // Submitted or approved only: not the returned Police report, not Hưng Hà's draft.
            XCTAssertEqual(Set(before.map(\.unitCode)), ["TB-STTTT", "TB-SNV", "TB-STC"])
            XCTAssertEqual(before.count, 6)
            XCTAssertFalse(before.contains(where: \.edited))

            let edited = "Sở Nội vụ đã số hóa 100% hồ sơ công chức."
            try await rt.store.saveNarrativeEdits(plan: "KH-CĐS-2024", period: year, [
                ("TB-SNV", "Kết quả", edited),
                ("TB-STC", "Tồn tại hạn chế", ""),
                ("TB-STTTT", "Kết quả", before.first { $0.unitCode == "TB-STTTT" && $0.section == "Kết quả" }!.text),
            ], by: Self.coordinator)
            let after = try await rt.store.narratives(plan: "KH-CĐS-2024", period: year)
            let snv = try XCTUnwrap(after.first { $0.unitCode == "TB-SNV" && $0.section == "Kết quả" })
            XCTAssertEqual(snv.text, edited)
            XCTAssertEqual(snv.submitted, "Đơn vị đã triển khai các nhiệm vụ chuyển đổi số năm 2024 theo kế hoạch (nội dung minh họa của dữ liệu mẫu).")
            XCTAssertEqual(after.filter(\.edited).count, 2, "an unchanged paragraph is not an edit")

            let templateFound = try await rt.store.reportTemplate(DemoReportTemplate.code)

            let template = try XCTUnwrap(templateFound)
            let report = try await rt.store.officialReport(template: template, period: "2024", number: nil, date: CalendarDate(2025, 1, 10))
            let text = report.sections.flatMap(\.items).flatMap(\.paragraphs).map(\.text)
            XCTAssertTrue(text.contains("- Sở Nội vụ: \(edited)"), text.joined(separator: "\n"))
            XCTAssertFalse(text.contains { $0.hasPrefix("- Sở Tài chính: Nhân lực") }, "the emptied paragraph is left out")
            XCTAssertTrue(text.contains("- Sở Tài chính: Đơn vị đã triển khai các nhiệm vụ chuyển đổi số năm 2024 theo kế hoạch (nội dung minh họa của dữ liệu mẫu)."))

            // The unit's own report is untouched.
            let roundFound = try await rt.store.round(DemoRound.code)
            let round = try XCTUnwrap(roundFound)
            let snvReportFound = try await rt.store.unitReport(round, unitCode: "TB-SNV")
            let snvReport = try XCTUnwrap(snvReportFound)
            XCTAssertEqual(snvReport.status.narrative["Kết quả"], snv.submitted)

            // Typing back what the unit sent removes the edit.
            try await rt.store.saveNarrativeEdits(plan: "KH-CĐS-2024", period: year, [("TB-SNV", "Kết quả", snv.submitted!)], by: Self.coordinator)
            let reverted = try await rt.store.narratives(plan: "KH-CĐS-2024", period: year).first { $0.unitCode == "TB-SNV" && $0.section == "Kết quả" }
            XCTAssertEqual(reverted?.edited, false)

            let audit = try await rt.store.auditEntries(unitCodes: ["TB-SNV"], subjectCode: "2024").filter { $0.subject == "reportNarrative" }
            XCTAssertEqual(audit.count, 2)
            XCTAssertEqual(audit.last?.new, edited)

            do {
                try await rt.store.saveNarrativeEdits(plan: "KH-CĐS-2024", period: year, [("TB-CA", "Kết quả", "x")], by: Self.coordinator)
                XCTFail("a returned report's narrative was edited")
            } catch let e as StoreError {
                XCTAssertEqual(e.description, "Đơn vị TB-CA không có phần “Kết quả” trong báo cáo đã gửi của kỳ này.")
            }
        }
    }
}
