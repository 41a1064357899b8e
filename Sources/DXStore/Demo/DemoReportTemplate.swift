import DXCore
import Foundation

/// The demonstration report template: the standing agency's half-year report of the seed
/// (`000_*.txt`) on the 2024 plan and the Steering Committee's activity plan, with the
/// documents appendix and indicator 16 by district.
public enum DemoReportTemplate {
    public static let code = "bao-cao-cds-tinh"

    public static func load(into store: Store, settings: ReportSettings) async throws {
        guard try await store.reportTemplate(code) == nil else { return }
        var s = settings
        s.byUnitIndicator = "16"
        let t = ReportTemplate(code: code, name: "Báo cáo kết quả chuyển đổi số của tỉnh (6 tháng, năm)", planCode: "KH-CĐS-2024",
                               tasksPlanCode: "83/KH-BCĐ", unitCode: nil, settings: s)
        try await store.saveReportTemplate(t, creating: true, by: Actor(username: "dieuphoi"))
    }
}
