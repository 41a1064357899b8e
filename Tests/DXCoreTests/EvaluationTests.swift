import DXCore
import XCTest

/// Evaluation of one indicator against its target (docs/evaluation.md §3–5).
final class EvaluationTests: XCTestCase {
    private func indicator(_ targets: [Target], measure: MeasureKind = .rate,
                           direction: Direction = .higherIsBetter) -> Indicator {
        Indicator(code: "1", name: "Chỉ tiêu", measure: measure, direction: direction, targets: targets)
    }

    private func evaluate(_ x: Double?, _ target: Target, measure: MeasureKind = .rate,
                          direction: Direction = .higherIsBetter, judgement: Judgement? = nil) -> IndicatorEvaluation {
        IndicatorEvaluation(indicator: indicator([target], measure: measure, direction: direction), value: x,
                            judgement: judgement, target: target)
    }

    // MARK: - Comparators and classes

    func testAtLeastGivesTheShareOfTheTargetInTheOfficialBands() {
        let t = Target(year: 2024, comparator: .ge, value: 80)
        XCTAssertEqual(evaluate(80, t).outcome, .met)
        XCTAssertEqual(evaluate(80, t).labelVI, "Hoàn thành")
        XCTAssertEqual(evaluate(92, t).evaluationClass, .met)
        XCTAssertEqual(evaluate(60, t).evaluationClass, .partlyMetFrom50)
        XCTAssertEqual(evaluate(60, t).labelVI, "Đạt 75% mục tiêu")
        XCTAssertEqual(evaluate(30, t).evaluationClass, .partlyMetBelow50)
        XCTAssertEqual(evaluate(30, t).labelVI, "Đạt 37,5% mục tiêu")
        XCTAssertEqual(evaluate(0, t).outcome, .notMet)
        XCTAssertEqual(evaluate(0, t).labelVI, "Chưa đạt")
    }

    func testTheSeedsPartlyMetFigures() {
        // Phụ lục 01 of the seed: "Đạt 81,16% mục tiêu" for 81,16% against 100%.
        XCTAssertEqual(evaluate(81.16, Target(year: 2024, comparator: .ge, value: 100)).labelVI, "Đạt 81,16% mục tiêu")
        XCTAssertEqual(evaluate(38.74, Target(year: 2024, comparator: .ge, value: 50)).labelVI, "Đạt 77,48% mục tiêu")
        XCTAssertEqual(evaluate(10, Target(year: 2024, comparator: .ge, value: 30)).labelVI, "Đạt 33,33% mục tiêu")
        // "trên 60% hộ gia đình": 54,4% reaches 90,67% of it.
        let gt = Target(year: 2024, comparator: .gt, value: 60)
        XCTAssertEqual(evaluate(54.4, gt).labelVI, "Đạt 90,67% mục tiêu")
        XCTAssertEqual(evaluate(60.5, gt).outcome, .met)
    }

    func testTheBandIsDecidedOnTheShareAsShown() {
        let t = Target(year: 2024, comparator: .ge, value: 100)
        // 49,996% shows as "Đạt 50% mục tiêu", so it is counted from 50%.
        XCTAssertEqual(evaluate(49.996, t).labelVI, "Đạt 50% mục tiêu")
        XCTAssertEqual(evaluate(49.996, t).evaluationClass, .partlyMetFrom50)
        XCTAssertEqual(evaluate(49.994, t).labelVI, "Đạt 49,99% mục tiêu")
        XCTAssertEqual(evaluate(49.994, t).evaluationClass, .partlyMetBelow50)
        XCTAssertEqual(evaluate(50, t).evaluationClass, .partlyMetFrom50)
        // A share that shows as 0% is not met.
        XCTAssertEqual(evaluate(0.004, t).outcome, .notMet)
    }

    func testLowerIsBetter() {
        // "Tỷ lệ hồ sơ quá hạn không quá 5%".
        let t = Target(year: 2024, comparator: .le, value: 5)
        XCTAssertEqual(evaluate(4, t, direction: .lowerIsBetter).outcome, .met)
        XCTAssertEqual(evaluate(5, t, direction: .lowerIsBetter).outcome, .met)
        XCTAssertEqual(evaluate(0, t, direction: .lowerIsBetter).outcome, .met)
        let ten = evaluate(10, t, direction: .lowerIsBetter)
        XCTAssertEqual(ten.labelVI, "Đạt 50% mục tiêu")
        XCTAssertEqual(ten.evaluationClass, .partlyMetFrom50)
        XCTAssertEqual(evaluate(20, t, direction: .lowerIsBetter).labelVI, "Đạt 25% mục tiêu")
        XCTAssertEqual(evaluate(20, t, direction: .lowerIsBetter).evaluationClass, .partlyMetBelow50)
        // Strictly below.
        let lt = Target(year: 2024, comparator: .lt, value: 2)
        XCTAssertEqual(evaluate(1.5, lt, direction: .lowerIsBetter).outcome, .met)
        XCTAssertEqual(evaluate(4, lt, direction: .lowerIsBetter).labelVI, "Đạt 50% mục tiêu")
        // A ceiling of zero: any case at all is not met, with no share.
        let zero = Target(year: 2024, comparator: .le, value: 0)
        XCTAssertEqual(evaluate(0, zero, direction: .lowerIsBetter).outcome, .met)
        XCTAssertEqual(evaluate(3, zero, direction: .lowerIsBetter).outcome, .notMet)
    }

    func testAComparatorWithADirectionOfItsOwnDecidesTheShare() {
        // A ceiling on an indicator left at the default direction still reads as a ceiling.
        let t = Target(year: 2024, comparator: .le, value: 5)
        XCTAssertEqual(evaluate(10, t, direction: .higherIsBetter).labelVI, "Đạt 50% mục tiêu")
    }

    func testEqualsReadsInTheIndicatorsDirection() {
        let t = Target(year: 2024, comparator: .eq, value: 100)
        XCTAssertEqual(evaluate(100, t).outcome, .met)
        XCTAssertEqual(evaluate(90, t).labelVI, "Đạt 90% mục tiêu")
        // "700 doanh nghiệp": 705 is beyond the target, not short of it.
        let firms = Target(year: 2025, comparator: .eq, value: 700)
        XCTAssertEqual(evaluate(705, firms, measure: .count).outcome, .met)
        XCTAssertEqual(evaluate(350, firms, measure: .count).labelVI, "Đạt 50% mục tiêu")
        // Lower is better: "0 sự cố" reached by 0, and no share for 2 incidents.
        let none = Target(year: 2024, comparator: .eq, value: 0)
        XCTAssertEqual(evaluate(0, none, measure: .count, direction: .lowerIsBetter).outcome, .met)
        XCTAssertEqual(evaluate(2, none, measure: .count, direction: .lowerIsBetter).outcome, .notMet)
    }

    func testARangeIsReachedOrNot() {
        // "Phấn đấu kinh tế số chiếm 6-8% GRDP": the seed writes 5,2% as "Chưa đạt".
        let t = Target(year: 2024, comparator: .range, value: 6, upper: 8)
        XCTAssertEqual(evaluate(5.2, t, measure: .amount).outcome, .notMet)
        XCTAssertEqual(evaluate(5.2, t, measure: .amount).labelVI, "Chưa đạt")
        XCTAssertEqual(evaluate(6, t, measure: .amount).outcome, .met)
        XCTAssertEqual(evaluate(8, t, measure: .amount).outcome, .met)
        XCTAssertEqual(evaluate(9.5, t, measure: .amount).outcome, .met, "above the band is beyond the target")
        // Lower is better: anything up to the upper bound.
        let cost = Target(year: 2024, comparator: .range, value: 2, upper: 4)
        XCTAssertEqual(evaluate(1, cost, measure: .amount, direction: .lowerIsBetter).outcome, .met)
        XCTAssertEqual(evaluate(4, cost, measure: .amount, direction: .lowerIsBetter).outcome, .met)
        XCTAssertEqual(evaluate(4.5, cost, measure: .amount, direction: .lowerIsBetter).outcome, .notMet)
    }

    func testARankIsInTheGroupOrNot() {
        // "thuộc nhóm 15 tỉnh dẫn đầu".
        let t = Target(year: 2025, comparator: .rankAtMost, value: 15)
        let rank = Indicator(code: "r", name: "Xếp hạng DTI", measure: .rank, targets: [t])
        XCTAssertEqual(rank.direction, .lowerIsBetter)
        XCTAssertEqual(IndicatorEvaluation(indicator: rank, value: 12, judgement: nil, target: t).outcome, .met)
        XCTAssertEqual(IndicatorEvaluation(indicator: rank, value: 15, judgement: nil, target: t).outcome, .met)
        XCTAssertEqual(IndicatorEvaluation(indicator: rank, value: 16, judgement: nil, target: t).outcome, .notMet)
    }

    // MARK: - Target lookup

    func testTheTargetOfTheUnitsLevel() {
        // "90% hồ sơ công việc tại cấp tỉnh; 80% tại cấp huyện và 60% tại cấp xã".
        let ind = indicator([
            Target(year: 2024, level: .province, comparator: .ge, value: 90),
            Target(year: 2024, level: .district, comparator: .ge, value: 80),
            Target(year: 2024, level: .commune, comparator: .ge, value: 60),
        ])
        func at(_ level: AdminLevel) -> IndicatorEvaluation {
            IndicatorEvaluation(indicator: ind, value: 72, judgement: nil, year: 2024, level: level)
        }
        XCTAssertEqual(at(.province).labelVI, "Đạt 80% mục tiêu")
        XCTAssertEqual(at(.province).target?.value, 90)
        XCTAssertEqual(at(.district).labelVI, "Đạt 90% mục tiêu")
        XCTAssertEqual(at(.commune).outcome, .met)
        // A department's work is "cấp tỉnh".
        XCTAssertEqual(at(.department).target?.value, 90)
        // No target for the year: not evaluable, not "not met".
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, value: 72, judgement: nil, year: 2023, level: .province).outcome,
                       .notEvaluable(.noTarget))
        let unit = OrgUnit(code: "12586", name: "Xã Tân Lễ", kind: .commune, parentCode: "339")
        let aggregate = AggregatedValue(unitCode: "12586", period: .halfYear(2024, 1), source: .reported, value: 55)
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, aggregate: aggregate, unit: unit).labelVI,
                       "Đạt 91,67% mục tiêu")
    }

    func testTheTargetOfTheYear() {
        // Indicator 11 of the 2024 plan: 6–8% GRDP in 2024, 20% by 2025.
        let ind = indicator([
            Target(year: 2024, comparator: .range, value: 6, upper: 8),
            Target(year: 2025, comparator: .ge, value: 20),
        ], measure: .amount)
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, value: 7, judgement: nil, year: 2024, level: .province).outcome, .met)
        let later = IndicatorEvaluation(indicator: ind, value: 7, judgement: nil, year: 2025, level: .province)
        XCTAssertEqual(later.labelVI, "Đạt 35% mục tiêu")
        XCTAssertEqual(later.evaluationClass, .partlyMetBelow50)
    }

    // MARK: - Judgements and missing data

    func testQualitativeIndicatorsAreEvaluatedByTheirRecordedJudgement() {
        let t = Target(year: 2024, comparator: .judgement, text: "Hoàn thành phổ cập dịch vụ mạng di động 4G/5G")
        let ind = indicator([t], measure: .qualitative)
        let stated = IndicatorEvaluation(indicator: ind, value: 78, judgement: .partlyMet,
                                         text: "Hoàn thành 78% phổ cập", author: "Nguyễn Văn A", target: t)
        XCTAssertEqual(stated.labelVI, "Đạt 78% mục tiêu")
        XCTAssertEqual(stated.evaluationClass, .partlyMetFrom50)
        XCTAssertEqual(stated.judgementAuthor, "Nguyễn Văn A")
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, value: 30, judgement: .partlyMet, target: t).evaluationClass,
                       .partlyMetBelow50)
        let unstated = IndicatorEvaluation(indicator: ind, value: nil, judgement: .partlyMet, target: t)
        XCTAssertEqual(unstated.evaluationClass, .partlyMetUnstated)
        XCTAssertEqual(unstated.labelVI, "Đạt một phần mục tiêu")
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, value: nil, judgement: .met, target: t).labelVI, "Hoàn thành")
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, value: nil, judgement: .notMet, target: t).labelVI, "Chưa đạt")
        // Words without a judgement: "Chưa đánh giá" because nobody judged, not for lack of data.
        let unjudged = IndicatorEvaluation(indicator: ind, value: nil, judgement: nil, text: "Đã triển khai", target: t)
        XCTAssertEqual(unjudged.outcome, .notEvaluable(.noJudgement))
        XCTAssertEqual(unjudged.labelVI, "Chưa đánh giá")
        XCTAssertEqual(NotEvaluableReason.noJudgement.labelVI, "Chưa có đánh giá")
        XCTAssertNil(unjudged.judgementAuthor)
    }

    func testMissingDataIsNotEvaluatedNeverZero() {
        let t = Target(year: 2024, comparator: .ge, value: 80)
        let missing = evaluate(nil, t)
        XCTAssertEqual(missing.outcome, .notEvaluable(.noData))
        XCTAssertEqual(missing.evaluationClass, .notEvaluable)
        XCTAssertEqual(missing.labelVI, "Chưa đánh giá")
        XCTAssertNil(missing.percentOfTarget)
        // A reported value without data is the same as none; a zero is a zero.
        let ind = indicator([t])
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, reported: nil, year: 2024, level: .province).outcome,
                       .notEvaluable(.noData))
        let zero = Fixture.value("1", "34", "2024", numerator: 0, denominator: 12)
        XCTAssertEqual(IndicatorEvaluation(indicator: ind, reported: zero, year: 2024, level: .province).outcome, .notMet)
    }

    func testANumberDecidesAndAContradictingJudgementIsFlagged() {
        let t = Target(year: 2024, comparator: .ge, value: 80)
        let e = evaluate(85, t, judgement: .notMet)
        XCTAssertEqual(e.outcome, .met)
        XCTAssertTrue(e.contradictsJudgement)
        XCTAssertFalse(evaluate(85, t, judgement: .met).contradictsJudgement)
        XCTAssertFalse(evaluate(60, t, judgement: .partlyMet).contradictsJudgement)
        // Without a number, the judgement stands.
        XCTAssertEqual(evaluate(nil, t, judgement: .met).outcome, .met)
        XCTAssertEqual(IndicatorSummary([e, evaluate(85, t)]).contradictions.count, 1)
    }

    func testTheClassesAreOrderedFromWorstToBest() {
        XCTAssertEqual(EvaluationClass.allCases.sorted(),
                       [.notEvaluable, .notMet, .partlyMetBelow50, .partlyMetUnstated, .partlyMetFrom50, .met])
        XCTAssertEqual(EvaluationClass.partlyMetFrom50.labelVI, "Hoàn thành từ 50%")
        XCTAssertEqual(EvaluationClass.partlyMetBelow50.labelVI, "Hoàn thành dưới 50%")
        XCTAssertEqual(EvaluationOutcome.partlyMet(percentOfTarget: 81.16).labelEN, "81.16% of target reached")
    }

    // MARK: - Property

    /// A better value never gives a worse class: rising values for higher-is-better
    /// indicators, falling values for lower-is-better ones, against every comparator that fits
    /// the direction.
    func testPropertyABetterValueNeverGivesAWorseClass() {
        var rng = SeededGenerator(seed: 922)
        for _ in 0..<2_000 {
            let direction: Direction = Bool.random(using: &rng) ? .higherIsBetter : .lowerIsBetter
            let comparators: [DXCore.Comparator] = direction == .higherIsBetter
                ? [.ge, .gt, .eq, .range] : [.le, .lt, .eq, .range, .rankAtMost]
            let comparator = comparators.randomElement(using: &rng)!
            let a = Double(Int.random(in: 0...200, using: &rng)) / 2
            let b = a + Double(Int.random(in: 0...40, using: &rng)) / 2
            let target = Target(year: 2024, comparator: comparator, value: a, upper: comparator == .range ? b : nil)
            let measure: MeasureKind = comparator == .rankAtMost ? .rank : .rate
            let ind = Indicator(code: "p", name: "p", measure: measure, direction: direction, targets: [target])
            var xs = (0..<6).map { _ in Double(Int.random(in: 0...30_000, using: &rng)) / 100 }
            xs.append(contentsOf: [a, b, 0])
            xs.sort()
            if direction == .lowerIsBetter { xs.reverse() }
            var previous: EvaluationClass?
            for x in xs {
                let c = IndicatorEvaluation(indicator: ind, value: x, judgement: nil, target: target).evaluationClass
                XCTAssertNotEqual(c, EvaluationClass.notEvaluable)
                if let p = previous {
                    XCTAssertGreaterThanOrEqual(c, p, "\(comparator) \(a)…\(b) \(direction) at \(x)")
                }
                previous = c
            }
        }
    }
}
