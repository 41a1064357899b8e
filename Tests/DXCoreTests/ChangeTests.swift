import DXCore
import XCTest

/// Comparisons with the previous period and the same period a year earlier (docs/evaluation.md §8).
final class ChangeTests: XCTestCase {
    func testRelativeChangeOfACount() {
        let c = Change(current: 1_090, previous: 1_000, kind: .relative)
        XCTAssertEqual(c.amount, 9)
        XCTAssertEqual(c.trend(), .up)
        XCTAssertEqual(c.sentenceVI(.samePeriodLastYear), "tăng 9% so với cùng kỳ")
        XCTAssertEqual(Change(current: 975, previous: 1_000, kind: .relative).sentenceVI(.previousPeriod),
                       "giảm 2,5% so với kỳ trước")
        XCTAssertEqual(Change(current: 1_000, previous: 1_000, kind: .relative).sentenceVI(.samePeriodLastYear),
                       "không đổi so với cùng kỳ")
    }

    func testARateChangesInPercentagePoints() {
        // 60% → 69% is 9 points, not 15%.
        XCTAssertEqual(Change(current: 69, previous: 60, kind: .points).sentenceVI(.samePeriodLastYear),
                       "tăng 9 điểm phần trăm so với cùng kỳ")
        XCTAssertEqual(Change(current: 57.5, previous: 60, kind: .points).sentenceVI(.previousPeriod),
                       "giảm 2,5 điểm phần trăm so với kỳ trước")
    }

    func testFromZeroThereIsNoPercentage() {
        let c = Change(current: 1_240, previous: 0, kind: .relative)
        XCTAssertNil(c.amount)
        XCTAssertEqual(c.sentenceVI(.samePeriodLastYear), "tăng từ 0 lên 1.240 so với cùng kỳ")
        XCTAssertEqual(Change(current: 0, previous: 0, kind: .relative).sentenceVI(.previousPeriod), "không đổi so với kỳ trước")
    }

    func testAChangeTooSmallToShowIsNoChange() {
        // 1.000 → 1.000,04 is +0,004%, shown as 0%: "không đổi", never "tăng 0%".
        XCTAssertEqual(Change(current: 1_000.04, previous: 1_000, kind: .relative).sentenceVI(.samePeriodLastYear),
                       "không đổi so với cùng kỳ")
        XCTAssertEqual(Change(current: 1_000.06, previous: 1_000, kind: .relative).sentenceVI(.samePeriodLastYear),
                       "tăng 0,01% so với cùng kỳ")
    }

    func testARankRisesWhenItsNumberFalls() {
        XCTAssertEqual(Change(current: 15, previous: 18, kind: .places).sentenceVI(.samePeriodLastYear),
                       "tăng 3 bậc so với cùng kỳ")
        XCTAssertEqual(Change(current: 20, previous: 18, kind: .places).sentenceVI(.previousPeriod),
                       "giảm 2 bậc so với kỳ trước")
    }

    func testTheKindFollowsTheIndicator() {
        XCTAssertEqual(Change.Kind.natural(for: Indicator(code: "1", name: "r", measure: .rate)), .points)
        XCTAssertEqual(Change.Kind.natural(for: Indicator(code: "1", name: "g", measure: .amount, unitOfMeasure: "% GRDP")),
                       .points)
        XCTAssertEqual(Change.Kind.natural(for: Indicator(code: "1", name: "c", measure: .count)), .relative)
        XCTAssertEqual(Change.Kind.natural(for: Indicator(code: "1", name: "x", measure: .rank)), .places)
    }

    func testTheComparedPeriods() {
        XCTAssertEqual(ComparisonBasis.samePeriodLastYear.period(comparedWith: .halfYear(2024, 1)).identifier, "2023S1")
        XCTAssertEqual(ComparisonBasis.previousPeriod.period(comparedWith: .quarter(2024, 1)).identifier, "2023Q4")
        XCTAssertEqual(ComparisonBasis.previousPeriod.period(comparedWith: .halfYear(2024, 1)).identifier, "2023S2")
    }

    func testChangeOfAnAggregate() throws {
        let tree = try UnitTree([Fixture.unit("34", .province), Fixture.unit("339", .district, parent: "34")])
        let files = Indicator(code: "c", name: "Số hồ sơ trực tuyến", measure: .count, temporal: .flow)
        let values = [
            Fixture.value("c", "339", "2023Q1", value: 400), Fixture.value("c", "339", "2023Q2", value: 600),
            Fixture.value("c", "339", "2024Q1", value: 500), Fixture.value("c", "339", "2024Q2", value: 590),
        ]
        let agg = IndicatorAggregator(indicator: files, tree: tree, values: values)
        let change = try XCTUnwrap(agg.change(of: "34", in: .halfYear(2024, 1), against: .samePeriodLastYear))
        XCTAssertEqual(change.sentenceVI(.samePeriodLastYear), "tăng 9% so với cùng kỳ")
        // Q2 against Q1 of the same year.
        XCTAssertEqual(agg.change(of: "34", in: .quarter(2024, 2), against: .previousPeriod)?.sentenceVI(.previousPeriod),
                       "tăng 18% so với kỳ trước")
        // Nothing to compare with: no sentence.
        XCTAssertNil(agg.change(of: "34", in: .quarter(2024, 1), against: .previousPeriod))
    }
}
