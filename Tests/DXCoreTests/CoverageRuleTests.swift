import DXCore
import Foundation
import XCTest

/// The one coverage rule (issue 13): a unit has reported an indicator when its counted report
/// holds a figure, a judgement or a note for it, and 0/0 is a figure — allowed only where the
/// indicator's definition says so, shown as "—", never as 0% or 100%.
final class CoverageRuleTests: XCTestCase {
    typealias F = Fixture

    /// Province P with a department S and a district D (communes C1, C2).
    private func tree() throws -> UnitTree {
        try UnitTree([
            F.unit("P", .province),
            F.unit("S", .department, parent: "P"),
            F.unit("D", .district, parent: "P"),
            F.unit("C1", .commune, parent: "D"),
            F.unit("C2", .commune, parent: "D"),
        ])
    }

    /// Dossiers processed online: a rate of events, which may be 0/0 in a quiet period.
    private let dossiers = Indicator(code: "hs", name: "Tỷ lệ hồ sơ xử lý trực tuyến", measure: .rate,
                                     aggregation: .sum, temporal: .flow, allowsZeroDenominator: true,
                                     targets: [Target(year: 2024, level: .any, comparator: .ge, value: 80, text: "≥ 80%")])
    /// Communes with fibre: a state, for which a zero denominator is a slip.
    private let fibre = Indicator(code: "cq", name: "Tỷ lệ xã có cáp quang", measure: .rate, aggregation: .sum, temporal: .stock)

    // MARK: - Has reported

    func testAFigureAJudgementOrANoteIsReportingAndNothingElseIs() {
        let v = { (n: Double?, d: Double?, value: Double?, j: Judgement?, text: String?, note: String?) in
            DataValue(planCode: "KH", indicatorCode: "hs", unitCode: "C1", periodID: "2024", numerator: n, denominator: d,
                      value: value, text: text, judgement: j, comment: note)
        }
        XCTAssertTrue(v(0, 0, nil, nil, nil, nil).hasReported, "0/0 is a figure")
        XCTAssertTrue(v(nil, nil, 0, nil, nil, nil).hasReported, "0 is a figure")
        XCTAssertTrue(v(nil, nil, nil, .met, nil, nil).hasReported)
        XCTAssertTrue(v(nil, nil, nil, nil, "Đạt", nil).hasReported)
        XCTAssertTrue(v(nil, nil, nil, nil, nil, "Chưa có số liệu").hasReported, "a note is an answer")
        XCTAssertFalse(v(nil, nil, nil, nil, " ", "\n").hasReported, "blank words are nothing")
        XCTAssertFalse(v(nil, nil, nil, nil, nil, nil).hasReported)
        // The check before submitting asks the same question.
        XCTAssertTrue(IndicatorEntry(numerator: 0, denominator: 0).isAnswered)
        XCTAssertEqual(IndicatorEntry(numerator: 0, denominator: 0).isAnswered, DataValue(planCode: "", indicatorCode: "", unitCode: "",
                                                                                         periodID: "", numerator: 0, denominator: 0).hasReported)
    }

    func testZeroOverZeroCountsAsReportingAddsNothingAndHasNoRate() throws {
        let values = [
            F.value("hs", "C1", "2024", numerator: 0, denominator: 0),
            F.value("hs", "C2", "2024", numerator: 45, denominator: 60),
        ]
        let agg = IndicatorAggregator(indicator: dossiers, tree: try tree(), values: values)
        let c1 = agg.value(of: "C1", in: .year(2024))
        XCTAssertEqual(c1.source, .reported)
        XCTAssertNil(c1.value, "0/0 is neither 0% nor 100%")
        XCTAssertEqual(c1.numerator, 0)
        XCTAssertEqual(c1.denominator, 0)
        XCTAssertTrue(c1.isZeroOverZero)
        // Sums include it (it adds 0/0) and coverage counts it.
        let d = agg.value(of: "D", in: .year(2024))
        XCTAssertEqual(d.numerator, 45)
        XCTAssertEqual(d.denominator, 60)
        XCTAssertEqual(d.value, 75)
        XCTAssertEqual(d.coverage.reporting, ["C1", "C2"])
        XCTAssertEqual(d.coverage.labelVI, "2/2 đơn vị có số liệu")

        // Only quiet communes: the district has a figure, 0/0, and no rate.
        let quiet = IndicatorAggregator(indicator: dossiers, tree: try tree(), values: [
            F.value("hs", "C1", "2024", numerator: 0, denominator: 0),
            F.value("hs", "C2", "2024", numerator: 0, denominator: 0),
        ])
        let q = quiet.value(of: "D", in: .year(2024))
        XCTAssertEqual(q.source, .aggregated)
        XCTAssertTrue(q.isZeroOverZero)
        XCTAssertNil(q.value)
        XCTAssertEqual(q.coverage.labelVI, "2/2 đơn vị có số liệu")
    }

    func testAQuietPeriodAddsItsZerosOverTime() throws {
        // Q1 had no dossiers, Q2 had 10 of 20: the half-year is 10/20, reported in full.
        let agg = IndicatorAggregator(indicator: dossiers, tree: try tree(), values: [
            F.value("hs", "C1", "2024Q1", numerator: 0, denominator: 0),
            F.value("hs", "C1", "2024Q2", numerator: 10, denominator: 20),
        ])
        let s1 = agg.value(of: "C1", in: .halfYear(2024, 1))
        XCTAssertEqual(s1.value, 50)
        XCTAssertTrue(s1.missingPeriods.isEmpty, "the quiet quarter is reported, not missing")
    }

    func testANoteAloneCountsAsReportingButAddsNothing() throws {
        let values = [
            DataValue(planCode: "KH", indicatorCode: "hs", unitCode: "C1", periodID: "2024", comment: "Chưa có số liệu"),
            F.value("hs", "C2", "2024", numerator: 9, denominator: 10),
        ]
        let d = IndicatorAggregator(indicator: dossiers, tree: try tree(), values: values).value(of: "D", in: .year(2024))
        XCTAssertEqual(d.coverage.reporting, ["C1", "C2"])
        XCTAssertEqual(d.numerator, 9)
        XCTAssertEqual(d.denominator, 10)
    }

    func testANoteIsReportingButHidesNoFigureAndNoGap() throws {
        let note = { (indicator: String, period: String) in
            DataValue(planCode: "KH", indicatorCode: indicator, unitCode: "C1", periodID: period, comment: "Chưa có số liệu")
        }
        // A state reported at 30/06, then only a note for the year: the 30/06 figure still stands, partial.
        let stock = IndicatorAggregator(indicator: fibre, tree: try tree(), values: [
            F.value("cq", "C1", "2024S1", numerator: 3, denominator: 4), note("cq", "2024"),
        ], expected: .units(["C1"]))
        let year = stock.value(of: "C1", in: .year(2024))
        XCTAssertEqual(year.value, 75)
        XCTAssertEqual(year.coverage.partial, ["C1"])
        // A note for the first quarter and a figure for the second: the half-year still lacks Q1.
        let flow = IndicatorAggregator(indicator: dossiers, tree: try tree(), values: [
            note("hs", "2024Q1"), F.value("hs", "C1", "2024Q2", numerator: 10, denominator: 20),
        ], expected: .units(["C1"]))
        let s1 = flow.value(of: "C1", in: .halfYear(2024, 1))
        XCTAssertEqual(s1.missingPeriods.map(\.identifier), ["2024Q1"])
        XCTAssertEqual(s1.coverage.partial, ["C1"])
        // A note alone: reported, no figure.
        let alone = IndicatorAggregator(indicator: dossiers, tree: try tree(), values: [note("hs", "2024")], expected: .units(["C1"]))
        let c1 = alone.value(of: "C1", in: .year(2024))
        XCTAssertEqual(c1.coverage.reporting, ["C1"])
        XCTAssertEqual(c1.source, .missing)
        XCTAssertNil(c1.value)
    }

    func testTheRateOfZeroOverZeroIsWrittenAsADash() throws {
        let values = [F.value("hs", "C1", "2024", numerator: 0, denominator: 0), F.value("hs", "C2", "2024", numerator: 0, denominator: 0)]
        let plan = Plan(code: "KH", slug: "kh", kind: .plan, title: "Kế hoạch", issuerCode: "P", horizonFrom: 2024, horizonTo: 2024)
        let tree = try tree()
        let e = PlanEvaluation(plan: plan, indicators: [dossiers], tasks: [], tree: tree, unit: tree["D"]!,
                               period: .year(2024), values: values, taskReports: [])
        let r = try XCTUnwrap(e.indicator("hs"))
        XCTAssertEqual(r.valueLabelVI, "—")
        XCTAssertEqual(r.partsLabelVI, "0/0")
        XCTAssertEqual(r.evaluation.labelVI, "Chưa đánh giá", "no events: nothing to hold against the target")
        XCTAssertEqual(r.evaluation.outcome, .notEvaluable(.noEvents), "but not for want of data")
        XCTAssertEqual(NotEvaluableReason.noEvents.labelVI, "Không phát sinh trong kỳ")
        XCTAssertEqual(values[0].shortLabelVI(measure: .rate, unit: "%"), "0/0 (—)")
    }

    // MARK: - Whether 0/0 is allowed

    func testZeroOverZeroOnlyWhereTheIndicatorAllowsItAndNOverZeroNever() {
        XCTAssertNil(dossiers.zeroDenominatorProblem(numerator: 0, denominator: 0))
        XCTAssertEqual(fibre.zeroDenominatorProblem(numerator: 0, denominator: 0), ZeroDenominatorRule.zeroOverZeroNotAllowed)
        XCTAssertEqual(dossiers.zeroDenominatorProblem(numerator: 3, denominator: 0), ZeroDenominatorRule.numeratorOverZero)
        var over = fibre
        over.allowsOverHundred = true
        XCTAssertEqual(over.zeroDenominatorProblem(numerator: 3, denominator: 0), ZeroDenominatorRule.numeratorOverZero,
                       "allowing rates above 100% does not make n/0 a rate")
        XCTAssertNil(fibre.zeroDenominatorProblem(numerator: 0, denominator: 5))
        XCTAssertNil(fibre.zeroDenominatorProblem(numerator: nil, denominator: 0), "a missing half is another rule")

        // The web form, the API and the Excel upload go through this check, on the denominator.
        let check = { (i: Indicator, e: IndicatorEntry) in
            EntryValidation.check(e.normalized(for: i), indicator: i, previous: nil, changeFactor: 3, path: "v|KH|hs")
        }
        XCTAssertEqual(check(dossiers, IndicatorEntry(numerator: 0, denominator: 0)), [])
        XCTAssertEqual(check(fibre, IndicatorEntry(numerator: 0, denominator: 0)),
                       [.error("v|KH|hs.denominator", "Mẫu số phải lớn hơn 0: chỉ tiêu này không cho phép 0/0. Nếu kỳ này không phát sinh, để trống tử số, mẫu số và ghi lý do vào ô Ghi chú.")])
        XCTAssertEqual(check(dossiers, IndicatorEntry(numerator: 2, denominator: 0)),
                       [.error("v|KH|hs.denominator", "Mẫu số phải lớn hơn 0 khi tử số lớn hơn 0.")])
        XCTAssertNil(IndicatorEntry(numerator: 0, denominator: 0).normalized(for: dossiers).value, "no rate is stored for 0/0")
    }

    func testTheFlagIsPartOfTheDefinitionAndOlderFilesReadAsNotAllowed() throws {
        let data = try JSONEncoder().encode(dossiers)
        XCTAssertEqual(try JSONDecoder().decode(Indicator.self, from: data), dossiers)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["allowsZeroDenominator"] as? Bool, true)
        object.removeValue(forKey: "allowsZeroDenominator")
        let old = try JSONDecoder().decode(Indicator.self, from: try JSONSerialization.data(withJSONObject: object))
        XCTAssertFalse(old.allowsZeroDenominator)
    }

    func testTheDemoAllowsZeroOverZeroForRatesOfEventsOnly() throws {
        let plan = try DemoResources.decode(FlagFile.self, "plans/kh-cds-2024.json")
        let allowed = plan.indicators.filter { $0.allowsZeroDenominator == true }
        XCTAssertEqual(allowed.map(\.code), ["2", "3", "4", "8"])
        XCTAssertTrue(allowed.allSatisfy { $0.measure == .rate && $0.temporal == .flow })
    }

    private struct FlagFile: Decodable {
        struct Row: Decodable {
            var code: String
            var measure: MeasureKind
            var temporal: TemporalAggregation
            var allowsZeroDenominator: Bool?
        }
        var indicators: [Row]
    }

    // MARK: - Own figure and the units below

    func testTheUnitsOwnFigureAndTheUnitsBelowAreToldApart() throws {
        let tree = try tree()
        let values = [
            F.value("hs", "P", "2024", numerator: 900, denominator: 1_000),
            F.value("hs", "S", "2024", numerator: 0, denominator: 0),
            F.value("hs", "C1", "2024", numerator: 5, denominator: 10),
        ]
        // The province's reporters are its direct children, as the dashboard asks.
        let agg = IndicatorAggregator(indicator: dossiers, tree: tree, values: values, expected: .units(["S", "D"]))
        let p = agg.value(of: "P", in: .year(2024))
        XCTAssertEqual(p.value, 90, "the province's own figure stands")
        XCTAssertEqual(p.provenanceVI(kind: .province), ["Số liệu của tỉnh", "2/2 đơn vị trực thuộc đã báo cáo"])
        XCTAssertEqual(p.provenanceEN(kind: .province), ["The province's own figure", "2/2 units below reporting"])
        // A district with no figure of its own: only its units.
        let communes = IndicatorAggregator(indicator: dossiers, tree: tree, values: values, expected: .units(["C1", "C2"]))
        XCTAssertEqual(communes.value(of: "D", in: .year(2024)).provenanceVI(kind: .district), ["1/2 đơn vị trực thuộc đã báo cáo"])
        // A commune expected to report itself: its own figure, no units below.
        let own = IndicatorAggregator(indicator: dossiers, tree: tree, values: values, expected: .units(["C1"]))
        XCTAssertEqual(own.value(of: "C1", in: .year(2024)).provenanceVI(kind: .commune), ["Số liệu của xã"])
        XCTAssertEqual(own.value(of: "C2", in: .year(2024)).provenanceVI(kind: .commune), [])
        XCTAssertEqual(UnitKind.department.shortNameVI, "sở")
    }
}
