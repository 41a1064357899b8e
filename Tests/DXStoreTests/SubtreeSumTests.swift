import DXCore
@testable import DXStore
import DXTestSupport
import Foundation
import XCTest

/// Issue 14.1, aggregation in the database: below the children of the shown unit, subtrees are
/// summed by SQL (`Store.subtreeSums`) wherever that is exact, and read as rows otherwise. Every
/// figure, evaluation, comparison, coverage and JSON document must be exactly what the rows give
/// (`evaluationFacts` without `summed`, itself checked against the old whole-plan path by
/// `FactSliceTests`); only the drill-down below the children is left out. Checked on generated
/// data with every awkward case, on every test database.
final class SubtreeSumTests: XCTestCase {
    /// The units, plan and indicators of `FactSliceTests.generated()` (four levels, a commune
    /// closed at the end of 2023 and one created in 2024Q2, a rate that is never combined, a
    /// qualitative one), with figures mostly by quarter at communes and departments — what a
    /// national design point holds, so that most subtrees can be summed — and, scattered, every
    /// case that cannot: months in one district, percentages without parts, notes without a
    /// figure, empty rows, amounts with fractions, 0/0 rates, own figures at districts (the
    /// frontier of own figures inside a summed subtree), provinces and the country.
    static func dataset() -> Dataset {
        var base = FactSliceTests.generated()
        var rng = FactSliceTests.Seeded(state: 1414)
        let plan = FactSliceTests.genPlan
        let quarters = [Period.quarter(2023, 1), .quarter(2023, 2), .quarter(2023, 3), .quarter(2023, 4),
                        .quarter(2024, 1), .quarter(2024, 2)]
        var values: [DataValue] = []
        func add(_ i: Indicator, _ unit: String, _ p: Period, awkward: Bool) {
            var v = DataValue(planCode: plan, indicatorCode: i.code, unitCode: unit, periodID: p.identifier, author: "sinh",
                              updatedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(values.count)))
            let roll = awkward ? rng.int(100) : 100
            switch i.measure {
            case .rate:
                if rng.chance(6) {
                    (v.numerator, v.denominator) = (0, 0)
                } else if roll < 2 {
                    v.value = Double(rng.int(1000)) / 10
                } else if roll < 4 {
                    v.text = "Chưa có số liệu"
                } else if roll < 5 {
                    v.comment = "Chỉ ghi chú"
                } else {
                    let d = Double(1 + rng.int(400))
                    (v.numerator, v.denominator) = (Double(rng.int(Int(d) + 1)), d)
                    if rng.chance(10) { v.text = "Có lời văn" }
                }
            case .count, .amount:
                if roll < 2 {
                    v.text = "Chưa tổng hợp"
                } else if roll < 4 && i.measure == .amount {
                    v.value = Double(rng.int(5000)) + 0.5
                } else {
                    v.value = Double(rng.int(5000))
                }
            case .qualitative, .rank:
                v.judgement = [Judgement.met, .partlyMet, .notMet][rng.int(3)]
                v.text = "Đánh giá \(roll)"
            }
            values.append(v)
        }
        let indicators = base.plans[0].indicators
        for unit in base.units {
            let leaf = unit.kind == .commune || unit.kind == .department
            for i in indicators {
                // Province 3 has the awkward figures; the others are plain except for 0/0.
                let awkward = unit.code.hasPrefix("P3")
                if leaf {
                    if unit.code.hasPrefix("P3D3") && (i.code == "1" || i.code == "3") {
                        // Months: pieces of the quarter, for the Swift rules.
                        for m in 1...6 where rng.chance(80) { add(i, unit.code, .month(2024, m), awkward: true) }
                        continue
                    }
                    for p in quarters where rng.chance(85) { add(i, unit.code, p, awkward: awkward) }
                } else if unit.kind == .district {
                    for p in quarters where rng.chance(15) { add(i, unit.code, p, awkward: false) }
                } else {
                    for p in quarters where rng.chance(8) { add(i, unit.code, p, awkward: false) }
                }
            }
        }
        // A row with nothing in it is stored but reports nothing.
        values.append(DataValue(planCode: plan, indicatorCode: "3", unitCode: "P2D2X2", periodID: "2024Q1", author: "sinh"))
        base.values = values
        base.taskReports = []
        return base
    }

    /// The aggregate without drill-down below `depth` levels.
    static func shallow(_ a: AggregatedValue, _ depth: Int) -> AggregatedValue {
        var v = a
        v.parts = depth == 0 ? [] : a.parts.map { shallow($0, depth - 1) }
        return v
    }

    static func assertSame(_ new: PlanEvaluation, _ old: PlanEvaluation, depth: Int, _ context: String, withComparisons: Bool = true,
                           file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(new.unit, old.unit, context, file: file, line: line)
        XCTAssertEqual(new.indicators.count, old.indicators.count, context, file: file, line: line)
        for (a, b) in zip(new.indicators, old.indicators) {
            let at = "\(context) chỉ tiêu \(a.indicator.code)"
            XCTAssertEqual(shallow(a.aggregate, depth), shallow(b.aggregate, depth), at, file: file, line: line)
            XCTAssertEqual(a.evaluation, b.evaluation, at, file: file, line: line)
            XCTAssertEqual(a.reported, b.reported, at, file: file, line: line)
            guard withComparisons else { continue }
            XCTAssertEqual(a.previousPeriod, b.previousPeriod, at, file: file, line: line)
            XCTAssertEqual(a.samePeriodLastYear, b.samePeriodLastYear, at, file: file, line: line)
            XCTAssertEqual(a.previousAggregate.map { shallow($0, depth) }, b.previousAggregate.map { shallow($0, depth) }, at,
                           file: file, line: line)
            XCTAssertEqual(a.previousReported, b.previousReported, at, file: file, line: line)
        }
        guard withComparisons else { return }
        XCTAssertEqual(new.tasks.lines, old.tasks.lines, context, file: file, line: line)
        XCTAssertEqual(new.document, old.document, context, file: file, line: line)
    }

    func testSummedSubtreesGiveTheFiguresTheRowsGive() async throws {
        try await TestDatabases.each(snapshot: "subtree-sums", load: { rt in
            _ = try await rt.store.load(Self.dataset())
            try await FactSliceTests.loadRound(rt.store)
        }) { rt in
            let store = rt.store
            let plan = FactSliceTests.genPlan
            var collapsed = 0, asRows = 0, compared = 0, withData = 0
            var readFewer = false
            let periods: [Period] = [.quarter(2024, 1), .quarter(2024, 2), .quarter(2023, 4), .halfYear(2024, 1), .year(2024),
                                     .year(2023), .month(2024, 2)]
            for unit in [nil, "VN", "P1", "P2", "P3", "P1D1", "P3D3", "P1D1X1"] as [String?] {
                for period in periods {
                    for includeUnsubmitted in [false, true] {
                        let at = "\(unit ?? "mặc định") \(period.identifier) \(includeUnsubmitted ? "xem trước" : "chính thức")"
                        let rows = try await store.evaluationFacts(plan: plan, period: period.identifier, unit: unit,
                                                                   includeUnsubmitted: includeUnsubmitted)
                        let summed = try await store.evaluationFacts(plan: plan, period: period.identifier, unit: unit,
                                                                     includeUnsubmitted: includeUnsubmitted, summed: true)
                        let read = Date(timeIntervalSince1970: 1_800_000_000)
                        let old = rows.evaluation(readAt: read)
                        Self.assertSame(summed.evaluation(readAt: read), old, depth: 1, at)
                        compared += 1
                        withData += old.indicators.count(where: { $0.aggregate.hasData })
                        // The dashboard's previous period, kept by the comparison, is that
                        // period evaluated from the same facts.
                        let previous = summed.evaluation(readAt: read).previousPeriodEvaluation
                        XCTAssertEqual(previous.period, period.previous, at)
                        Self.assertSame(previous, rows.evaluation(in: period.previous), depth: 1, at + " kỳ trước", withComparisons: false)
                        Self.assertSame(summed.evaluation(in: period.previous), rows.evaluation(in: period.previous), depth: 1,
                                        at + " kỳ trước")
                        // The unit and the units below at once (the pages' path, which reuses the
                        // unit's values for the units below without units of their own) give
                        // what evaluating each of them alone gives.
                        for facts in [rows, summed] {
                            let (unitAlone, childrenAlone) = (facts.evaluation(readAt: read), facts.childEvaluations())
                            let (both, children) = facts.evaluations(readAt: read)
                            Self.assertSame(both, unitAlone, depth: 2, at + " cùng lúc")
                            XCTAssertEqual(children.map(\.unit.code), childrenAlone.map(\.unit.code), at)
                            for (a, b) in zip(children, childrenAlone) { Self.assertSame(a, b, depth: 2, at + " cùng lúc › \(a.unit.code)") }
                            if let first = facts.contents.indicators.first {
                                let one = facts.evaluations(readAt: read, childIndicators: [first]).children
                                let alone = facts.childEvaluations(indicators: [first])
                                XCTAssertEqual(one.count, alone.count, at)
                                for (a, b) in zip(one, alone) { Self.assertSame(a, b, depth: 2, at + " một chỉ tiêu › \(a.unit.code)") }
                            }
                        }
                        // The units below, as the dashboard, the indicator page and the report list them.
                        let newChildren = summed.childEvaluations(), oldChildren = rows.childEvaluations()
                        XCTAssertEqual(newChildren.map(\.unit.code), oldChildren.map(\.unit.code), at)
                        for (a, b) in zip(newChildren, oldChildren) {
                            Self.assertSame(a, b, depth: 0, at + " › \(a.unit.code)")
                        }
                        // The official report reads the same summed facts.
                        let summedUnits = summed.below.values.reduce(0) { $0 + $1.count }
                        collapsed += summedUnits
                        asRows += summed.contents.indicators.count * rows.tree.children(of: rows.unit.code).count - summedUnits
                        if summed.values.count < rows.values.count { readFewer = true }
                    }
                }
            }
            XCTAssertGreaterThan(compared, 100)
            XCTAssertGreaterThan(withData, 300, "there are figures to compare")
            XCTAssertGreaterThan(collapsed, 100, "subtrees were summed in the database")
            XCTAssertGreaterThan(asRows, 100, "and the awkward ones read as rows")
            XCTAssertTrue(readFewer, "summed subtrees are not read as rows")
        }
    }

    /// The national shape: a country above provinces whose units have no units below them. The
    /// country's page reads one summed row per province, indicator and period and not one value
    /// of a commune, and gives the figures the rows give, with coverage counted over provinces
    /// and, for each province, over its units (the missing ones listed).
    func testTheCountryReadsNoCommuneRow() async throws {
        try await TestDatabases.each(snapshot: "subtree-sums-flat", load: { rt in
            var units = [OrgUnit(code: "VN", name: "Cả nước", kind: .other)]
            var values: [DataValue] = []
            var rng = FactSliceTests.Seeded(state: 99)
            for p in 1...4 {
                units.append(OrgUnit(code: "T\(p)", name: "Tỉnh \(p)", kind: .province, parentCode: "VN"))
                for c in 1...6 {
                    let code = "T\(p)X\(c)"
                    units.append(OrgUnit(code: code, name: "Xã \(c) tỉnh \(p)", kind: .commune, parentCode: "T\(p)"))
                    for q in [Period.quarter(2024, 1), .quarter(2024, 2), .quarter(2025, 1)] where !(p == 2 && c <= 2) {
                        let d = Double(1 + rng.int(300))
                        values.append(DataValue(planCode: "KH-QG", indicatorCode: "1", unitCode: code, periodID: q.identifier,
                                                numerator: Double(rng.int(Int(d) + 1)), denominator: d, author: "sinh"))
                        values.append(DataValue(planCode: "KH-QG", indicatorCode: "2", unitCode: code, periodID: q.identifier,
                                                value: Double(rng.int(900)), author: "sinh"))
                    }
                }
            }
            let plan = Plan(code: "KH-QG", slug: "kh-qg", kind: .plan, title: "Kế hoạch quốc gia", issuerCode: "VN",
                            horizonFrom: 2024, horizonTo: 2025)
            let indicators = [
                Indicator(code: "1", name: "Tỷ lệ", measure: .rate, unitOfMeasure: "%", temporal: .flow,
                          targets: [Target(year: 2024, comparator: .ge, value: 50)]),
                Indicator(code: "2", name: "Số", measure: .count, temporal: .stock),
            ]
            _ = try await rt.store.load(Dataset(units: units, plans: [PlanContents(plan: plan, indicators: indicators)], values: values))
        }) { rt in
            let rows = try await rt.store.evaluationFacts(plan: "KH-QG", period: "2024Q2", unit: "VN")
            let summed = try await rt.store.evaluationFacts(plan: "KH-QG", period: "2024Q2", unit: "VN", summed: true)
            XCTAssertTrue(summed.values.allSatisfy { !$0.unitCode.contains("X") }, "no commune's row is read")
            XCTAssertEqual(summed.below["1"]?.count, 4)
            Self.assertSame(summed.evaluation(), rows.evaluation(), depth: 1, "VN")
            let vn = summed.evaluation().indicator("1")!.aggregate
            XCTAssertEqual(vn.source, .aggregated)
            XCTAssertEqual(vn.coverage.reporting, ["T1", "T2", "T3", "T4"])
            let t2 = summed.childEvaluations().first { $0.unit.code == "T2" }!.indicator("1")!.aggregate
            XCTAssertEqual(t2.coverage.missing, ["T2X1", "T2X2"])
            XCTAssertEqual(t2.coverage.reporting.count, 4)
            for (a, b) in zip(summed.childEvaluations(), rows.childEvaluations()) {
                Self.assertSame(a, b, depth: 0, "VN › \(a.unit.code)")
            }
            let api = try await rt.store.evaluate(plan: "KH-QG", period: "2024Q2", unit: "VN", summed: true, readAt: Date(timeIntervalSince1970: 0))
            let direct = try await rt.store.evaluate(plan: "KH-QG", period: "2024Q2", unit: "VN", readAt: Date(timeIntervalSince1970: 0))
            XCTAssertEqual(api.document, direct.document)
        }
    }

    /// The rollups (`Store+SubtreeRollups`) are kept by every write in its own transaction: after
    /// a save, a cleared figure, each report transition, a new round, both values imports, a
    /// unit moved by set-up and by a unit change, and a rebuild (what a restore runs), the table
    /// equals the direct computation over the subtree for every unit, indicator and period, and
    /// the summed evaluations equal the rows'.
    func testRollupsFollowEveryWrite() async throws {
        try await TestDatabases.each(snapshot: "subtree-sums", load: { rt in
            _ = try await rt.store.load(Self.dataset())
            try await FactSliceTests.loadRound(rt.store)
        }) { rt in
            let store = rt.store
            let plan = FactSliceTests.genPlan
            let actor = Actor(username: "sinh")
            func check(_ step: String) async throws {
                let (stored, direct) = try await store.rollupCheck(planCode: plan)
                XCTAssertGreaterThan(stored.count, 10, step)
                for (unit, items) in direct.merging(stored.mapValues { _ in [:] }, uniquingKeysWith: { a, _ in a }) {
                    XCTAssertEqual(stored[unit] ?? [:], items, "\(step): đơn vị \(unit)")
                }
                for unit in ["VN", "P1", "P2", "P3D1"] {
                    for period in ["2024Q1", "2024Q2", "2024S1"] {
                        let at = "\(step): \(unit) \(period)"
                        let rows = try await store.evaluationFacts(plan: plan, period: period, unit: unit)
                        let summed = try await store.evaluationFacts(plan: plan, period: period, unit: unit, summed: true)
                        let read = Date(timeIntervalSince1970: 1_800_000_000)
                        Self.assertSame(summed.evaluation(readAt: read), rows.evaluation(readAt: read), depth: 1, at)
                        let newChildren = summed.childEvaluations(), oldChildren = rows.childEvaluations()
                        XCTAssertEqual(newChildren.map(\.unit.code), oldChildren.map(\.unit.code), at)
                        for (a, b) in zip(newChildren, oldChildren) { Self.assertSame(a, b, depth: 0, at + " › \(a.unit.code)") }
                    }
                }
            }
            try await check("sau khi nạp và mở đợt")
            guard let round = try await store.round("sinh-q1") else { return XCTFail("no round") }
            let statuses = try await store.roundUnitStatuses(round)
            func unit(_ state: ReportState, _ n: Int = 0) throws -> String {
                let all = statuses.filter { $0.state == state && $0.unit.kind == .commune }
                XCTAssertGreaterThan(all.count, n, "a unit \(state)")
                return all[min(n, all.count - 1)].unit.code
            }
            func save(_ code: String, _ values: [String: IndicatorEntry]) async throws {
                let version = try await store.roundUnitStatus(round, unitCode: code)?.version ?? 0
                let patch = ReportPatch(values: Dictionary(uniqueKeysWithValues: values.map { (ItemKey(plan: plan, code: $0.key), $0.value) }))
                _ = try await store.saveReport(round, unitCode: code, patch: patch, baseVersion: version, by: actor)
            }
            // Figures of a submitted report count at once; a draft's do not.
            let submitted = try unit(.submitted), draft = try unit(.notStarted)
            try await save(submitted, ["1": IndicatorEntry(numerator: 7, denominator: 9), "3": IndicatorEntry(value: 4321),
                                       "4": IndicatorEntry(value: 12.5)])
            try await save(draft, ["3": IndicatorEntry(value: 999)])
            try await check("lưu số liệu")
            try await save(submitted, ["3": IndicatorEntry(), "2": IndicatorEntry()])
            try await check("xoá số liệu")
            for (code, action) in [(submitted, WorkflowAction.return), (draft, .submit), (try unit(.approved), .reopen),
                                   (try unit(.returned), .submit)] {
                _ = try await store.transition(round, unitCode: code, action: action, comment: "kiểm tra", baseVersion: nil, by: actor)
                try await check("\(action) \(code)")
            }
            _ = try await store.transition(round, unitCode: draft, action: .approve, comment: nil, baseVersion: nil, by: actor)
            try await check("duyệt \(draft)")
            // A second round lists a district and its communes: their figures stop counting.
            _ = try await store.createRound(
                ReportingRound(code: "sinh-q2", title: "Quý II", periodID: "2024Q2", planCodes: [plan], taskScope: .none,
                               defaultDeadline: CalendarDate(2024, 7, 20)),
                unitCodes: ["P3D1", "P3D1X1", "P3D1X2"], by: actor)
            try await check("mở đợt quý II")
            let imported = try await store.importValues([
                DataValue(planCode: plan, indicatorCode: "3", unitCode: "P3D2X1", periodID: "2024Q1", value: 50),
                DataValue(planCode: plan, indicatorCode: "1", unitCode: "P2D2", periodID: "2024Q2", numerator: 3, denominator: 4),
                DataValue(planCode: plan, indicatorCode: "4", unitCode: "P1", periodID: "2023Q4", value: 70),
            ].enumerated().map { (line: $0.offset + 2, value: $0.element) }, dryRun: false)
            XCTAssertEqual(imported.errors, [])
            try await check("nhập số liệu")
            let rowByRow = try await store.importValuesRowByRow([
                (line: 2, value: DataValue(planCode: plan, indicatorCode: "3", unitCode: "P2D3X3", periodID: "2024Q2", value: 8)),
                (line: 3, value: DataValue(planCode: plan, indicatorCode: "2", unitCode: "P2D3", periodID: "2024Q2", numerator: 1, denominator: 2)),
            ], dryRun: false)
            XCTAssertEqual(rowByRow.errors, [])
            try await check("nhập từng dòng")
            // A commune moved to another district by set-up, then merged by a unit change.
            try await store.saveUnit(OrgUnit(code: "P3D2X3", name: "Xã 3 huyện 2 tỉnh 3", kind: .commune, parentCode: "P3D1"), by: actor)
            try await check("chuyển xã")
            let merged = try await store.applyUnitChanges([
                UnitChange(line: 2, date: CalendarDate(2024, 4, 1), kind: .merge, fromCodes: ["P2D2X1", "P2D2X2"], toCodes: ["P2D2X2"]),
            ], actor: "test", source: "test", dryRun: false)
            XCTAssertEqual(merged.errors, [])
            try await check("sáp nhập xã")
            // What a restore runs: everything from the figures.
            try await store.sql.raw("DELETE FROM subtree_rollups").run()
            try await store.rebuildRollups()
            try await check("dựng lại")
        }
    }
}
