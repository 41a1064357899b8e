import DXCore
import Foundation

/// The demonstration reporting round: the yearly 2024 report on the 2024 plan (indicators) and
/// the Steering Committee's 2024 activity plan (tasks), asked of the departments and districts
/// of Thái Bình. Some units submitted on time, one late, one was returned, Hưng Hà is drafting
/// and the rest have not started.
///
/// The seeds hold no per-department figures, so the departments that submitted answer every
/// indicator with a note and report illustrative task progress; Hưng Hà's figures are the
/// seed's own (values.json).
public enum DemoRound {
    public static let code = "bc-nam-2024"
    static let dataEntry = "du-lieu-mau"

    public struct Account: Sendable {
        public let username: String
        public let displayName: String
        public let role: Role
        public let unitCode: String
    }

    /// Demo accounts; all use `DemoData.adminPassword`.
    public static let accounts: [Account] = [
        Account(username: "dieuphoi", displayName: "Cán bộ điều phối (Sở TT&TT)", role: .coordinator, unitCode: "TB-STTTT"),
        Account(username: "hungha", displayName: "Cán bộ báo cáo huyện Hưng Hà", role: .reporter, unitCode: "339"),
        Account(username: "sotuphap", displayName: "Cán bộ báo cáo Sở Tư pháp", role: .reporter, unitCode: "TB-STP"),
        Account(username: "lanhdao", displayName: "Lãnh đạo Ban Chỉ đạo", role: .viewer, unitCode: "34"),
    ]

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// Creates the round and its reports unless the round exists already.
    public static func load(into store: Store) async throws {
        guard try await store.round(code) == nil else { return }
        try await DemoForms.load(into: store)
        let period = Period.year(2024)
        let tree = try await store.unitTree(asOf: period.end)
        let units = try UnitSelection(root: DemoData.provinceCode, kinds: [.department, .district], directOnly: true)
            .resolve(in: tree, period: period)
        let round = try await store.createRound(
            ReportingRound(code: code, title: "Báo cáo kết quả chuyển đổi số năm 2024", periodID: period.identifier,
                           planCodes: ["KH-CĐS-2024", "83/KH-BCĐ"], formCodes: DemoForms.codes, indicatorScope: .all, taskScope: .leadOrCooperating,
                           defaultDeadline: period.defaultDeadline(dayOfMonth: 20), ownerUnitCode: DemoData.provinceCode),
            unitCodes: units.map(\.code), by: Actor(username: "dieuphoi"))
        let coordinator = Actor(username: "dieuphoi")
        let filler = Actor(username: dataEntry)

        func fill(_ unit: String, at when: String) async throws {
            guard let report = try await store.unitReport(round, unitCode: unit) else { return }
            var patch = ReportPatch()
            // No invented figures: the departments answer the province-level indicators with a
            // note, so the evaluation of the demo data sees only the seeds' numbers.
            for item in report.indicators {
                patch.values[item.key] = IndicatorEntry(comment: "Chưa có số liệu riêng của đơn vị (dữ liệu mẫu).").normalized(for: item.indicator)
            }
            for (n, item) in report.tasks.enumerated() {
                patch.tasks[item.key] = n % 3 == 0
                    ? TaskEntry(status: .done, percent: 100, result: "Đã hoàn thành theo kế hoạch (minh họa).")
                    : TaskEntry(status: .inProgress, percent: 60, result: "Đang triển khai (minh họa).")
            }
            for part in report.forms {
                for row in part.rows { patch.forms[part.key(row)] = illustrativeCells(form: part.code, unit: unit) }
            }
            patch.narrative["Kết quả"] = "Đơn vị đã triển khai các nhiệm vụ chuyển đổi số năm 2024 theo kế hoạch (nội dung minh họa của dữ liệu mẫu)."
            patch.narrative["Tồn tại hạn chế"] = "Nhân lực công nghệ thông tin còn thiếu (minh họa)."
            _ = try await store.saveReport(round, unitCode: unit, patch: patch, baseVersion: report.status.version, by: filler, now: at(when))
        }
        func submit(_ unit: String, at when: String) async throws {
            _ = try await store.transition(round, unitCode: unit, action: .submit, comment: nil, baseVersion: nil, by: filler, now: at(when))
        }

        try await fill("TB-STTTT", at: "2024-12-16T02:00:00Z")
        try await submit("TB-STTTT", at: "2024-12-18T02:00:00Z")
        _ = try await store.transition(round, unitCode: "TB-STTTT", action: .approve, comment: nil, baseVersion: nil, by: coordinator, now: at("2024-12-19T03:00:00Z"))
        try await fill("TB-SNV", at: "2024-12-17T08:00:00Z")
        try await submit("TB-SNV", at: "2024-12-19T09:30:00Z")
        try await fill("TB-STC", at: "2024-12-23T02:00:00Z")
        try await submit("TB-STC", at: "2024-12-24T01:00:00Z")
        try await fill("TB-CA", at: "2024-12-16T04:00:00Z")
        try await submit("TB-CA", at: "2024-12-17T04:00:00Z")
        _ = try await store.transition(round, unitCode: "TB-CA", action: .return, comment: "Đề nghị bổ sung kết quả các nhiệm vụ chủ trì và kiểm tra lại số liệu chỉ tiêu 8.",
                                       baseVersion: nil, by: coordinator, now: at("2024-12-18T07:00:00Z"))
        // Hưng Hà's figures of the seed are already stored; the district has started its narrative.
        if let hh = try await store.unitReport(round, unitCode: "339") {
            _ = try await store.saveReport(round, unitCode: "339",
                                           patch: ReportPatch(narrative: ["Tồn tại hạn chế": "Số liệu Chính quyền số của báo cáo tính từ 01/01/2024 đến 30/11/2024."]),
                                           baseVersion: hh.status.version, by: Actor(username: "hungha"), now: at("2024-12-10T02:00:00Z"))
        }
    }

    /// Illustrative figures for the demo forms (the seeds have none per unit), consistent with
    /// the forms' identities and different from unit to unit.
    static func illustrativeCells(form: String, unit: String) -> [String: FormCellValue] {
        let k = Double(unit.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 37)
        switch form {
        case "BM01":
            return ["1": .number(900 + 40 * k), "2": .number(260 + 11 * k)]
        case "BM02":
            let direct = 240 + 9 * k, online = 880 + 35 * k, carried = 20 + k
            let total = direct + online + carried
            let early = (total * 0.3).rounded(), onTime = (total * 0.55).rounded(), late = 6 + (k / 4).rounded()
            let pendingLate = 2.0, pendingInTime = total - early - onTime - late - pendingLate
            return ["1": .number(total), "2": .number(direct), "3": .number(online), "4": .number(carried),
                    "5": .number(early), "6": .number(onTime), "7": .number(late), "8": .number(pendingInTime), "9": .number(pendingLate)]
        default:
            return [:]
        }
    }
}
