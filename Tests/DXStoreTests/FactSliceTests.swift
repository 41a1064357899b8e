import DXCore
@testable import DXStore
import DXTestSupport
import FluentKit
import Foundation
import XCTest

/// Issue 14.1: evaluations read only the slice of facts they show (indicators, periods, unit
/// subtree, counted reports filtered in SQL, raw rows). Every result must be exactly what the
/// old path gives: every stored value of the plan read through Fluent, filtered by `DataStatus`
/// in Swift, evaluated in memory. Checked on the demo (with its round of drafts) and on generated
/// data, on every test database.
final class FactSliceTests: XCTestCase {
    // MARK: The old path, kept here as the reference

    /// Every value of the plan through Fluent models, then `DataStatus` in Swift: what
    /// `Store.values(planCode:)` did before issue 14.
    static func referenceValues(_ store: Store, plan: String, includeUnsubmitted: Bool) async throws -> [DataValue] {
        guard let p = try await PlanModel.query(on: store.db).filter(\.$code == plan).first() else { return [] }
        let indicators = try await IndicatorModel.query(on: store.db).filter(\.$plan.$id == p.requireID()).all()
        let codeByID = Dictionary(uniqueKeysWithValues: indicators.compactMap { i in i.id.map { ($0, i.code) } })
        guard !codeByID.isEmpty else { return [] }
        let units = try await store.unitCodesByID()
        let all = try await DataValueModel.query(on: store.db).filter(\.$indicator.$id ~~ Array(codeByID.keys)).all().map { r in
            DataValue(planCode: plan, indicatorCode: codeByID[r.$indicator.id] ?? "", unitCode: units[r.$unit.id] ?? "",
                      periodID: r.period, numerator: r.numerator, denominator: r.denominator, value: r.value, text: r.text,
                      judgement: r.judgement.flatMap(Judgement.init(rawValue:)), comment: r.comment, author: r.author,
                      updatedAt: r.updatedAt)
        }
        return includeUnsubmitted ? all : try await store.dataStatus(plan: plan).counted(all)
    }

    static func referenceTaskReports(_ store: Store, plan: String, includeUnsubmitted: Bool) async throws -> [TaskReport] {
        guard let p = try await PlanModel.query(on: store.db).filter(\.$code == plan).first() else { return [] }
        let tasks = try await TaskModel.query(on: store.db).filter(\.$plan.$id == p.requireID()).all()
        let codeByID = Dictionary(uniqueKeysWithValues: tasks.compactMap { t in t.id.map { ($0, t.code) } })
        guard !codeByID.isEmpty else { return [] }
        let units = try await store.unitCodesByID()
        let all = try await TaskReportModel.query(on: store.db).filter(\.$task.$id ~~ Array(codeByID.keys)).all().map { r in
            TaskReport(planCode: plan, taskCode: codeByID[r.$task.id] ?? "", unitCode: units[r.$unit.id] ?? "",
                       periodID: r.period, status: TaskStatus(rawValue: r.status) ?? .other, percent: r.percent,
                       result: r.result, note: r.note, author: r.author, updatedAt: r.updatedAt)
        }
        return includeUnsubmitted ? all : try await store.dataStatus(plan: plan).counted(all)
    }

    struct Reference {
        var contents: PlanContents
        var tree: UnitTree
        var values: [DataValue]
        var reports: [TaskReport]

        func evaluation(unit: OrgUnit, period: Period, indicators: [Indicator]? = nil, tasks: Bool = true) -> PlanEvaluation {
            PlanEvaluation(plan: contents.plan, indicators: indicators ?? contents.indicators, tasks: tasks ? contents.tasks : [],
                           tree: tree, unit: unit, period: period, values: values, taskReports: tasks ? reports : [])
        }
    }

    static func reference(_ store: Store, plan: String, includeUnsubmitted: Bool) async throws -> Reference {
        let found = try await store.planContents(slugOrCode: plan)
        let contents = try XCTUnwrap(found)
        return Reference(contents: contents, tree: try await store.unitTree(),
                         values: try await referenceValues(store, plan: contents.plan.code, includeUnsubmitted: includeUnsubmitted),
                         reports: try await referenceTaskReports(store, plan: contents.plan.code, includeUnsubmitted: includeUnsubmitted))
    }

    // MARK: Comparison

    /// Counts the comparisons made, so that a test which compared nothing fails.
    final class Tally: @unchecked Sendable {
        var evaluations = 0
        var aggregates = 0
        var withData = 0
    }

    static func assertSame(_ new: PlanEvaluation, _ old: PlanEvaluation, _ context: String, _ tally: Tally,
                           file: StaticString = #filePath, line: UInt = #line) {
        tally.evaluations += 1
        XCTAssertEqual(new.unit, old.unit, context, file: file, line: line)
        XCTAssertEqual(new.indicators.map(\.indicator.code), old.indicators.map(\.indicator.code), context, file: file, line: line)
        for (a, b) in zip(new.indicators, old.indicators) {
            let at = "\(context) chỉ tiêu \(a.indicator.code)"
            tally.aggregates += 1
            if a.aggregate.hasData { tally.withData += 1 }
            XCTAssertEqual(a.aggregate, b.aggregate, at, file: file, line: line)
            XCTAssertEqual(a.evaluation, b.evaluation, at, file: file, line: line)
            XCTAssertEqual(a.reported, b.reported, at, file: file, line: line)
            XCTAssertEqual(a.previousPeriod, b.previousPeriod, at, file: file, line: line)
            XCTAssertEqual(a.samePeriodLastYear, b.samePeriodLastYear, at, file: file, line: line)
        }
        XCTAssertEqual(new.tasks.lines, old.tasks.lines, context, file: file, line: line)
    }

    /// The evaluation, the dashboard's units below, the indicator page's trend and units below,
    /// all against the reference, for `plan` at `units` × `periods`.
    static func compare(_ store: Store, plan: String, units: [String?], periods: [Period], includeUnsubmitted: Bool,
                        _ tally: Tally) async throws {
        let ref = try await reference(store, plan: plan, includeUnsubmitted: includeUnsubmitted)
        for unit in units {
            for period in periods {
                let at = "\(plan) \(unit ?? "mặc định") \(period.identifier) \(includeUnsubmitted ? "xem trước" : "chính thức")"
                let facts = try await store.evaluationFacts(plan: plan, period: period.identifier, unit: unit,
                                                            includeUnsubmitted: includeUnsubmitted)
                let old = ref.evaluation(unit: facts.unit, period: period)
                assertSame(facts.evaluation(), old, at, tally)
                let viaEvaluate = try await store.evaluate(plan: plan, period: period.identifier, unit: unit,
                                                           includeUnsubmitted: includeUnsubmitted)
                assertSame(viaEvaluate, old, at + " (evaluate)", tally)
                // The units below, as the dashboard and the report list them.
                let oldChildren = ref.tree.children(of: facts.unit.code)
                    .filter { $0.overlaps(from: period.start, to: period.end) }
                    .map { ref.evaluation(unit: $0, period: period, tasks: false) }
                let newChildren = facts.childEvaluations()
                XCTAssertEqual(newChildren.map(\.unit.code), oldChildren.map(\.unit.code), at)
                for (a, b) in zip(newChildren, oldChildren) { assertSame(a, b, at + " › \(a.unit.code)", tally) }
                // One indicator's trend over every period, as the indicator page reads it.
                guard let indicator = ref.contents.indicators.first(where: { i in
                    ref.values.contains { $0.indicatorCode == i.code }
                }) else { continue }
                let one = try await store.evaluationFacts(plan: plan, period: period.identifier, unit: unit, indicators: [indicator.code],
                                                          allPeriods: true, includeUnsubmitted: includeUnsubmitted)
                let newTrend = IndicatorAggregator(indicator: indicator, tree: one.tree, values: one.values)
                let oldTrend = IndicatorAggregator(indicator: indicator, tree: ref.tree, values: ref.values)
                for p in periods {
                    tally.aggregates += 1
                    XCTAssertEqual(newTrend.value(of: one.unit.code, in: p), oldTrend.value(of: one.unit.code, in: p),
                                   "\(at) diễn biến \(indicator.code) \(p.identifier)")
                }
                assertSame(one.evaluation(), ref.evaluation(unit: one.unit, period: period, indicators: [indicator]),
                           at + " (một chỉ tiêu)", tally)
            }
        }
    }

    // MARK: The demo

    func testTheDemoEvaluatesAsTheWholePlanDid() async throws {
        try await TestDatabases.each(snapshot: "demo-round", load: { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            try await DemoRound.load(into: rt.store)
        }) { rt in
            let store = rt.store
            let tally = Tally()
            let tree = try await store.unitTree()
            for summary in try await store.planSummaries() where summary.indicatorCount > 0 || summary.taskCount > 0 {
                let plan = summary.plan.code
                let home = PlanEvaluation.defaultUnit(for: summary.plan, in: tree)
                // The default unit, the roots, two units below it (the first a district, which
                // has communes) and one of their units: every level of the demo.
                var units: [String?] = [nil] + tree.roots
                let below = tree.children(of: home).sorted { tree.children(of: $0.code).count > tree.children(of: $1.code).count }
                units += below.prefix(2).map(\.code)
                units += below.prefix(1).flatMap { tree.children(of: $0.code).prefix(1).map(\.code) }
                // The latest reported periods, and periods built from them or without any data.
                var periods = Array(try await store.reportedPeriods(planCode: plan).prefix(3))
                periods += [.year(2024), .quarter(2025, 1)]
                for includeUnsubmitted in [false, true] {
                    try await Self.compare(store, plan: plan, units: units, periods: periods,
                                           includeUnsubmitted: includeUnsubmitted, tally)
                }
            }
            XCTAssertGreaterThan(tally.evaluations, 60)
            XCTAssertGreaterThan(tally.withData, 100, "the demo has figures to compare")
        }
    }

    // MARK: Generated data

    /// A small deterministic generator (the test must give the same data on every run).
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let genPlan = "KH-SINH"

    /// Four levels (country, provinces with departments, districts, communes, one commune
    /// dissolved and one created during 2024), six indicators covering every rule (rates as
    /// flows and stocks, counts, amounts, a rate that is never combined, a qualitative one),
    /// figures of months, quarters and a half-year, own figures at some districts and
    /// provinces, 0/0 rates, percentages without parts, notes without a figure, and a round
    /// whose reports are partly drafts.
    static func generated() -> Dataset {
        var rng = Seeded(state: 14)
        var units = [OrgUnit(code: "VN", name: "Cả nước", kind: .other)]
        for p in 1...3 {
            let pc = "P\(p)"
            units.append(OrgUnit(code: pc, name: "Tỉnh \(p)", kind: .province, parentCode: "VN"))
            for s in 1...2 { units.append(OrgUnit(code: "\(pc)-S\(s)", name: "Sở \(s) tỉnh \(p)", kind: .department, parentCode: pc)) }
            for d in 1...3 {
                let dc = "\(pc)D\(d)"
                units.append(OrgUnit(code: dc, name: "Huyện \(d) tỉnh \(p)", kind: .district, parentCode: pc))
                for c in 1...4 {
                    var commune = OrgUnit(code: "\(dc)X\(c)", name: "Xã \(c) huyện \(d) tỉnh \(p)", kind: .commune, parentCode: dc)
                    if p == 1 && d == 1 && c == 4 { commune.validTo = CalendarDate(2023, 12, 31) }
                    if p == 2 && d == 1 && c == 4 { commune.validFrom = CalendarDate(2024, 4, 1) }
                    units.append(commune)
                }
            }
        }
        let targets = [2023, 2024].flatMap { y in
            [Target(year: y, comparator: .ge, value: 60), Target(year: y, level: .province, comparator: .ge, value: 70)]
        }
        let indicators = [
            Indicator(code: "1", name: "Tỷ lệ hồ sơ trực tuyến", measure: .rate, unitOfMeasure: "%", temporal: .flow,
                      allowsZeroDenominator: true, targets: targets),
            Indicator(code: "2", name: "Tỷ lệ hộ có cáp quang", measure: .rate, unitOfMeasure: "%", temporal: .stock,
                      allowsZeroDenominator: true, targets: targets),
            Indicator(code: "3", name: "Số hồ sơ", measure: .count, temporal: .flow,
                      targets: [Target(year: 2024, comparator: .ge, value: 500)]),
            Indicator(code: "4", name: "Số tiền chi", measure: .amount, unitOfMeasure: "triệu đồng", temporal: .stock,
                      targets: [Target(year: 2024, comparator: .ge, value: 1000)]),
            Indicator(code: "5", name: "Tỷ lệ không cộng", measure: .rate, unitOfMeasure: "%", aggregation: .none, temporal: .flow,
                      allowsZeroDenominator: true,
                      targets: targets),
            Indicator(code: "6", name: "Đánh giá chung", measure: .qualitative, temporal: .stock,
                      targets: [Target(year: 2024, comparator: .judgement, text: "Hoàn thành")]),
        ]
        let tasks = [PlanTask(code: "1", title: "Nhiệm vụ một"), PlanTask(code: "2", title: "Nhiệm vụ hai")]
        let plan = Plan(code: genPlan, slug: "kh-sinh", kind: .plan, title: "Kế hoạch sinh dữ liệu", issuerCode: "VN",
                        horizonFrom: 2023, horizonTo: 2025)
        let months = (10...12).map { Period.month(2023, $0) } + (1...6).map { Period.month(2024, $0) }
        let quarters = [Period.quarter(2023, 4), .quarter(2024, 1), .quarter(2024, 2)]
        var values: [DataValue] = []
        func add(_ i: Indicator, _ unit: String, _ p: Period) {
            var v = DataValue(planCode: genPlan, indicatorCode: i.code, unitCode: unit, periodID: p.identifier,
                              author: "sinh", updatedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(values.count)))
            let roll = rng.int(100)
            switch i.measure {
            case .rate:
                if roll < 8 {
                    (v.numerator, v.denominator) = (0, 0)
                } else if roll < 13 {
                    v.value = Double(rng.int(1000)) / 10
                } else if roll < 17 {
                    v.text = "Chưa có số liệu"
                } else {
                    let d = Double(1 + rng.int(400))
                    (v.numerator, v.denominator) = (Double(rng.int(Int(d) + 1)), d)
                }
            case .count, .amount:
                if roll < 6 { v.text = "Chưa tổng hợp" } else { v.value = Double(rng.int(5000)) + (i.measure == .amount ? 0.25 : 0) }
            case .qualitative, .rank:
                v.judgement = [Judgement.met, .partlyMet, .notMet][rng.int(3)]
                v.text = "Đánh giá \(roll)"
                if roll < 30 { v.value = Double(roll) }
            }
            values.append(v)
        }
        for unit in units {
            let leaf = unit.kind == .commune || unit.kind == .department
            for i in indicators {
                if leaf {
                    // Communes report by month or by quarter, departments by quarter or half-year.
                    let byMonth = rng.chance(40)
                    for p in (byMonth ? months : quarters) where rng.chance(80) { add(i, unit.code, p) }
                    if unit.kind == .department && rng.chance(30) { add(i, unit.code, .halfYear(2024, 1)) }
                } else if unit.kind == .district || unit.kind == .province {
                    // Some intermediate units give their own figure: it must win over their units' sum.
                    for p in quarters + [.halfYear(2024, 1)] where rng.chance(20) { add(i, unit.code, p) }
                }
            }
        }
        var reports: [TaskReport] = []
        for unit in ["VN", "P1", "P2D1"] {
            for t in tasks {
                for p in quarters + [.halfYear(2024, 1)] where rng.chance(70) {
                    reports.append(TaskReport(planCode: genPlan, taskCode: t.code, unitCode: unit, periodID: p.identifier,
                                              status: rng.chance(50) ? .done : .inProgress, percent: Double(rng.int(100)),
                                              author: "sinh", updatedAt: Date(timeIntervalSince1970: 1_700_000_000)))
                }
            }
        }
        return Dataset(units: units, plans: [PlanContents(plan: plan, indicators: indicators, tasks: tasks)],
                       values: values, taskReports: reports)
    }

    /// A round for 2024Q1 over province 1's communes and district 1 of province 2 (whose task
    /// reports it also covers): some reports are sent up, one approved, one sent and returned,
    /// the rest never started. Only the sent ones may count.
    static func loadRound(_ store: Store) async throws {
        let tree = try await store.unitTree()
        let covered = tree.descendants(of: "P1").filter { $0.kind == .commune }.map(\.code) + ["P2D1", "P2D1X1", "P2D1X2"]
        let round = try await store.createRound(
            ReportingRound(code: "sinh-q1", title: "Báo cáo quý I sinh dữ liệu", periodID: "2024Q1", planCodes: [genPlan],
                           taskScope: .none, defaultDeadline: CalendarDate(2024, 4, 20)),
            unitCodes: covered, by: Actor(username: "sinh"))
        for (n, code) in covered.enumerated() {
            switch n % 4 {
            case 0:
                _ = try await store.transition(round, unitCode: code, action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "sinh"))
            case 1:
                _ = try await store.transition(round, unitCode: code, action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "sinh"))
                _ = try await store.transition(round, unitCode: code, action: .approve, comment: nil, baseVersion: nil, by: Actor(username: "sinh"))
            case 2:
                _ = try await store.transition(round, unitCode: code, action: .submit, comment: nil, baseVersion: nil, by: Actor(username: "sinh"))
                _ = try await store.transition(round, unitCode: code, action: .return, comment: "Sai số liệu", baseVersion: nil, by: Actor(username: "sinh"))
            default:
                break
            }
        }
    }

    func testGeneratedDataEvaluatesAsTheWholePlanDid() async throws {
        try await TestDatabases.each(snapshot: "fact-slice-generated", load: { rt in
            _ = try await rt.store.load(Self.generated())
            try await Self.loadRound(rt.store)
        }) { rt in
            let store = rt.store
            let tally = Tally()
            // Drafts exist and are left out of the official figures.
            let all = try await Self.referenceValues(store, plan: Self.genPlan, includeUnsubmitted: true)
            let counted = try await Self.referenceValues(store, plan: Self.genPlan, includeUnsubmitted: false)
            XCTAssertLessThan(counted.count, all.count, "the round's unsent reports hold figures")
            let sliced = try await store.values(planCode: Self.genPlan, slice: .all)
            XCTAssertEqual(Set(sliced), Set(counted), "the data-status rule in SQL is the rule in Swift")
            let everything = try await store.values(planCode: Self.genPlan, slice: .all, includeUnsubmitted: true)
            XCTAssertEqual(Set(everything), Set(all), "raw rows decode as the models did")

            let periods: [Period] = [.quarter(2024, 1), .quarter(2024, 2), .halfYear(2024, 1), .quarter(2023, 4), .year(2024),
                                     .month(2024, 2), .nineMonths(2024)]
            let units: [String?] = [nil, "P1", "P2", "P1D1", "P2D1", "P1-S1", "P1D1X1"]
            for includeUnsubmitted in [false, true] {
                try await Self.compare(store, plan: Self.genPlan, units: units, periods: periods,
                                       includeUnsubmitted: includeUnsubmitted, tally)
            }
            XCTAssertGreaterThan(tally.withData, 200)
            let stored = try await store.storedPeriodIDs(planCode: Self.genPlan)
            let reports = try await Self.referenceTaskReports(store, plan: Self.genPlan, includeUnsubmitted: true)
            XCTAssertEqual(stored, Set(all.map(\.periodID)).union(reports.map(\.periodID)))
        }
    }

    /// What an evaluation reads is the slice it shows: one province's evaluation reads none of
    /// the other provinces' values, nor periods it does not compare with.
    func testAnEvaluationReadsOnlyItsSlice() async throws {
        try await TestDatabases.each(snapshot: "fact-slice-generated", load: { rt in
            _ = try await rt.store.load(Self.generated())
            try await Self.loadRound(rt.store)
        }) { rt in
            let facts = try await rt.store.evaluationFacts(plan: Self.genPlan, period: "2024Q2", unit: "P2")
            XCTAssertFalse(facts.values.isEmpty)
            XCTAssertTrue(facts.values.allSatisfy { $0.unitCode.hasPrefix("P2") }, "only province 2's subtree")
            let read = Set(facts.values.map(\.periodID))
            XCTAssertTrue(read.isSubset(of: ["2024Q2", "202404", "202405", "202406", "2024S1", "2024Q1", "202401", "202402", "202403",
                                             "2023Q2", "202304", "202305", "202306"]), "\(read)")
            XCTAssertTrue(facts.taskReports.allSatisfy { $0.unitCode == "P2" && $0.periodID == "2024Q2" })
            let one = try await rt.store.evaluationFacts(plan: Self.genPlan, period: "2024Q2", unit: "P2", indicators: ["3"], allPeriods: true)
            XCTAssertEqual(Set(one.values.map(\.indicatorCode)), ["3"])
            XCTAssertTrue(one.values.contains { $0.periodID == "202310" || $0.periodID == "2023Q4" }, "the trend reads every period")
        }
    }
}
