import DXCore
import Foundation

/// The demonstration report templates: the standing agency's report on the 2024 plan and the
/// Steering Committee's activity plan (6 months or year, indicator 16 by district), and the
/// half-year report of the seed (`000_*.txt`) as it was issued: sections I.2 and I.3 on the
/// activity plan and plan 121/KH-UBND, and section II in the seed's words with its figures as
/// references to stored facts (`Resources/templates/bao-cao-6-thang-muc-ii.txt`).
public enum DemoReportTemplate {
    public static let code = "bao-cao-cds-tinh"
    /// The seed's half-year report, reproduced.
    public static let halfYearCode = "bao-cao-6-thang-2024"

    public static func load(into store: Store, settings: ReportSettings) async throws {
        let actor = Actor(username: "dieuphoi")
        if try await store.reportTemplate(code) == nil {
            var s = settings
            s.byUnitIndicator = "16"
            let t = ReportTemplate(code: code, name: "Báo cáo kết quả chuyển đổi số của tỉnh (6 tháng, năm)", planCode: "KH-CĐS-2024",
                                   tasksPlanCode: "83/KH-BCĐ", unitCode: nil, settings: s)
            try await store.saveReportTemplate(t, creating: true, by: actor)
        }
        if try await store.reportTemplate(halfYearCode) == nil {
            var s = settings
            s.narrativeBlocks = try sectionII()
            // The activity plan sets 49 tasks; the seed lists (and the demo holds) the 31 of the
            // first six months.
            let t = ReportTemplate(code: halfYearCode, name: "Báo cáo kết quả chuyển đổi số 6 tháng đầu năm (như báo cáo năm 2024)",
                                   planCode: "KH-CĐS-2024",
                                   taskPlans: [ReportTaskPlan(code: "83/KH-BCĐ", statedTotal: 49), ReportTaskPlan(code: "121/KH-UBND")],
                                   unitCode: nil, settings: s)
            try await store.saveReportTemplate(t, creating: true, by: actor)
        }
    }

    static func sectionII() throws -> [NarrativeBlock] {
        let name = "templates/bao-cao-6-thang-muc-ii.txt"
        do {
            return NarrativeBlock.split(try String(contentsOf: DemoData.folder.appendingPathComponent(name), encoding: .utf8))
        } catch {
            throw DemoData.Problem(file: name, reason: String(describing: error))
        }
    }
}
