import DXCore
import DXImport
import DXStore
import Foundation

/// The demonstration after the 2025 reform: on 1/7/2025 Thái Bình (34) and the old Hưng Yên
/// (33) became the new Hưng Yên (33, the code reused). Thái Bình's 2024 data stays as it is.
/// The demo adds the old Hưng Yên (without figures), the new province with five departments and
/// the eight communes that took over the demo's 22 communes of Hưng Hà (the official mapping),
/// illustrative 2024 figures of those communes for Nghị quyết 02-NQ/TU, and rounds for 2025 S2
/// and 2026 Q1 in which the new units report. The new Hưng Yên's 2025 dashboard then compares
/// with 2024 figures re-aggregated from its predecessors, saying the old Hưng Yên had none.
/// Every figure added here is illustrative (README).
public enum DemoReform {
    public static let day = CalendarDate(2025, 7, 1)
    public static let plan = "02-NQ/TU"
    static let rounds = [(code: "hy-2025s2", period: Period.halfYear(2025, 2), title: "Báo cáo chuyển đổi số 6 tháng cuối năm 2025"),
                         (code: "hy-2026q1", period: Period.quarter(2026, 1), title: "Báo cáo chuyển đổi số quý I năm 2026")]
    /// Old department → its successor in the new province (Sở TT&TT went into Sở KH&CN in 2025).
    static let departments = [("TB-SNV", "HY-SNV", "Sở Nội vụ tỉnh Hưng Yên"), ("TB-STTTT", "HY-SKHCN", "Sở Khoa học và Công nghệ tỉnh Hưng Yên"),
                              ("TB-STC", "HY-STC", "Sở Tài chính tỉnh Hưng Yên"), ("TB-CA", "HY-CA", "Công an tỉnh Hưng Yên"),
                              ("TB-VPUBND", "HY-VPUBND", "Văn phòng Ủy ban nhân dân tỉnh Hưng Yên")]
    static let accounts = [Account(username: "hungyen", displayName: "Cơ quan thường trực chuyển đổi số tỉnh Hưng Yên", role: .coordinator, unitCode: "33"),
                           Account(username: "ngucthien", displayName: "Cán bộ UBND xã Ngự Thiên", role: .reporter, unitCode: "12595")]

    static func load(into store: Store, hash: () throws -> String) async throws {
        guard try await store.unit(code: DemoData.provinceCode) != nil else { return }
        let demoCommunes = Set(try await store.units(asOf: CalendarDate(2024, 12, 31)).filter { $0.kind == .commune }.map(\.code))
        // Each step once, so that loading the demo again changes nothing.
        if try await store.unit(code: "33", asOf: day)?.validFrom != day {
            try await reorganise(store, demoCommunes: demoCommunes)
        }
        for a in accounts where try await store.account(username: a.username) == nil {
            try await store.createAccount(a, passwordHash: try hash())
        }
        if try await store.round(rounds[0].code) == nil {
            try await loadFigures(store, communes: demoCommunes.sorted())
        }
        try await loadRounds(store)
    }

    /// The new units, then the official mapping of the demo's communes, the departments and
    /// the two provinces, in one change.
    static func reorganise(_ store: Store, demoCommunes: Set<String>) async throws {
        let official = try UnitChangeFile.parse(try OfficialData.data(.mapping))
        let communeChanges = official.changes.filter { c in c.fromCodes.allSatisfy(demoCommunes.contains) && c.kind == .merge }
        let newCommunes = Set(communeChanges.flatMap(\.toCodes))
        let names = try OfficialUnitList.parse(try OfficialData.data(.units2025)).units.reduce(into: [String: String]()) { $0[$1.code] = $1.name }

        _ = try await store.upsertUnits([OrgUnit(code: "33", name: "Tỉnh Hưng Yên", kind: .province, validTo: day.adding(days: -1))])
        _ = try await store.upsertUnits(
            [OrgUnit(code: "33", name: "Tỉnh Hưng Yên", kind: .province, validFrom: day)]
                + departments.map { OrgUnit(code: $0.1, name: $0.2, kind: .department, parentCode: "33", validFrom: day) }
                + newCommunes.sorted().map { OrgUnit(code: $0, name: names[$0] ?? $0, kind: .commune, parentCode: "33", validFrom: day) })
        var line = 1
        func next() -> Int { line += 1; return line }
        let changes = communeChanges.map { c in var c = c; c.line = next(); return c }
            + departments.map { UnitChange(line: next(), date: day, kind: .merge, fromCodes: [$0.0], toCodes: [$0.1]) }
            + [UnitChange(line: next(), date: day, kind: .merge, fromCodes: ["33", "34"], toCodes: ["33"])]
        let outcome = try await store.applyUnitChanges(changes, abolishingDistrictsOn: day, actor: "demo", source: "dữ liệu mẫu sau sắp xếp",
                                                       dryRun: false)
        guard outcome.errors.isEmpty else { throw StoreError.invalid(outcome.errors.joined(separator: "; ")) }
    }

    /// Illustrative 2024 S2 figures of the old communes: what the new units compare with.
    static func loadFigures(_ store: Store, communes: [String]) async throws {
        var rows: [(line: Int, value: DataValue)] = []
        for (n, code) in communes.enumerated() {
            let k = Double(n % 7)
            let files = 400 + 35 * k, accounts = 2_000 + 150 * k
            rows.append((rows.count + 2, DataValue(planCode: plan, indicatorCode: "1.2", unitCode: code, periodID: "2024S2",
                                                   numerator: (files * (0.45 + 0.03 * k)).rounded(), denominator: files)))
            rows.append((rows.count + 2, DataValue(planCode: plan, indicatorCode: "3.3", unitCode: code, periodID: "2024S2",
                                                   numerator: (accounts * (0.38 + 0.02 * k)).rounded(), denominator: accounts)))
        }
        let o = try await store.importValues(rows, dryRun: false)
        guard o.errors.isEmpty else { throw StoreError.invalid(o.errors.joined(separator: "; ")) }
    }

    /// Two rounds of the new province: its departments and communes report 1.2 and 3.3; most
    /// have submitted 2025 S2, and 2026 Q1 is under way.
    static func loadRounds(_ store: Store) async throws {
        let coordinator = Actor(username: "hungyen")
        for (r, spec) in rounds.enumerated() where try await store.round(spec.code) == nil {
            let tree = try await store.unitTree(asOf: spec.period.end)
            let units = try UnitSelection(root: "33", kinds: [.department, .commune], directOnly: true).resolve(in: tree, period: spec.period)
            let round = try await store.createRound(
                ReportingRound(code: spec.code, title: spec.title, periodID: spec.period.identifier, planCodes: [plan],
                               indicatorScope: .all, taskScope: .leadOrCooperating,
                               defaultDeadline: spec.period.defaultDeadline(dayOfMonth: 20), ownerUnitCode: "33"),
                unitCodes: units.map(\.code), by: coordinator)
            let submitted = spec.period.end.adding(days: 12)
            for (n, unit) in units.enumerated() where unit.kind == .commune && (r == 0 || n % 2 == 0) {
                guard let report = try await store.unitReport(round, unitCode: unit.code) else { continue }
                let k = Double((n + r) % 5)
                var patch = ReportPatch()
                for item in report.indicators where ["1.2", "3.3"].contains(item.indicator.code) {
                    let d = item.indicator.code == "1.2" ? 900 + 60 * k : 5_000 + 300 * k
                    let share = item.indicator.code == "1.2" ? 0.58 + 0.04 * k + 0.03 * Double(r) : 0.46 + 0.03 * k + 0.02 * Double(r)
                    patch.values[item.key] = IndicatorEntry(numerator: (d * share).rounded(), denominator: d).normalized(for: item.indicator)
                }
                patch.narrative["Kết quả"] = "Xã đã vận hành bộ phận một cửa trên Hệ thống giải quyết thủ tục hành chính của tỉnh mới (nội dung minh họa)."
                let at = ISO8601DateFormatter().date(from: submitted.iso + "T02:00:00Z")!.addingTimeInterval(TimeInterval(n * 3_600))
                let filler = Actor(username: "ngucthien")
                _ = try await store.saveReport(round, unitCode: unit.code, patch: patch, baseVersion: report.status.version, by: filler, now: at)
                if r == 0 {
                    _ = try await store.transition(round, unitCode: unit.code, action: .submit, comment: nil, baseVersion: nil,
                                                   by: filler, now: at.addingTimeInterval(600))
                }
            }
        }
    }
}
