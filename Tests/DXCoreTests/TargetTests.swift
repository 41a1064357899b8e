import DXCore
import XCTest

final class TargetTests: XCTestCase {
    func testEveryComparator() {
        let ge = Target(year: 2024, comparator: .ge, value: 80)
        XCTAssertEqual(ge.isMet(by: 80), true)
        XCTAssertEqual(ge.isMet(by: 79.99), false)
        let gt = Target(year: 2024, comparator: .gt, value: 700)
        XCTAssertEqual(gt.isMet(by: 700), false)
        XCTAssertEqual(gt.isMet(by: 701), true)
        let le = Target(year: 2024, comparator: .le, value: 5)
        XCTAssertEqual(le.isMet(by: 5), true)
        XCTAssertEqual(le.isMet(by: 5.1), false)
        let lt = Target(year: 2024, comparator: .lt, value: 5)
        XCTAssertEqual(lt.isMet(by: 5), false)
        XCTAssertEqual(lt.isMet(by: 4.9), true)
        let eq = Target(year: 2024, comparator: .eq, value: 100)
        XCTAssertEqual(eq.isMet(by: 100), true)
        XCTAssertEqual(eq.isMet(by: 99.9), false)
        let range = Target(year: 2024, comparator: .range, value: 6, upper: 8)
        XCTAssertEqual(range.isMet(by: 5.2), false)
        XCTAssertEqual(range.isMet(by: 6), true)
        XCTAssertEqual(range.isMet(by: 8), true)
        XCTAssertEqual(range.isMet(by: 8.01), false)
        let rank = Target(year: 2025, comparator: .rankAtMost, value: 15)
        XCTAssertEqual(rank.isMet(by: 15), true)
        XCTAssertEqual(rank.isMet(by: 16), false)
        XCTAssertNil(Target(year: 2025, comparator: .judgement).isMet(by: 1))
    }

    func testPercentOfTargetReached() {
        let t = Target(year: 2024, comparator: .ge, value: 100)
        XCTAssertEqual(t.percentReached(by: 81.16, direction: .higherIsBetter)!, 81.16, accuracy: 1e-9)
        let sme = Target(year: 2024, comparator: .ge, value: 50)
        XCTAssertEqual(sme.percentReached(by: 38.74, direction: .higherIsBetter)!, 77.48, accuracy: 1e-9)
        // Lower is better: 10% overdue against a 5% ceiling reaches half the target.
        let overdue = Target(year: 2024, comparator: .le, value: 5)
        XCTAssertEqual(overdue.percentReached(by: 10, direction: .lowerIsBetter)!, 50, accuracy: 1e-9)
        XCTAssertNil(Target(year: 2024, comparator: .rankAtMost, value: 15).percentReached(by: 20, direction: .lowerIsBetter))
        XCTAssertNil(Target(year: 2024, comparator: .ge, value: 0).percentReached(by: 3, direction: .higherIsBetter))
    }

    func testValidationNeedsTheNumbersTheComparatorUses() {
        XCTAssertThrowsError(try Target(year: 2024, comparator: .ge).validate())
        XCTAssertThrowsError(try Target(year: 2024, comparator: .range, value: 8, upper: 6).validate()) {
            XCTAssertTrue(String(describing: $0).contains("Khoảng mục tiêu năm 2024"))
        }
        XCTAssertThrowsError(try Target(year: 2024, comparator: .range, value: 6).validate())
        XCTAssertNoThrow(try Target(year: 2024, comparator: .judgement).validate())
        XCTAssertNoThrow(try Target(year: 2024, comparator: .range, value: 6, upper: 8).validate())
    }

    func testTargetsPerLevelFallBackToEveryLevel() {
        let targets = [
            Target(year: 2024, level: .province, comparator: .ge, value: 90),
            Target(year: 2024, level: .district, comparator: .ge, value: 80),
            Target(year: 2024, level: .commune, comparator: .ge, value: 60),
            Target(year: 2025, comparator: .ge, value: 95),
        ]
        XCTAssertEqual(targets.target(year: 2024, level: .district)?.value, 80)
        XCTAssertEqual(targets.target(year: 2024, level: .commune)?.value, 60)
        XCTAssertNil(targets.target(year: 2024, level: .department))
        XCTAssertEqual(targets.target(year: 2025, level: .commune)?.value, 95)
        XCTAssertEqual(targets.targetInForce(year: 2023, level: .province)?.value, 90)
        XCTAssertNil(targets.targetInForce(year: 2026, level: .province))
    }

    func testShortLabels() {
        XCTAssertEqual(Target(year: 2024, comparator: .ge, value: 80).shortLabelVI(unit: "%"), "≥ 80%")
        XCTAssertEqual(Target(year: 2024, comparator: .range, value: 6, upper: 8).shortLabelVI(unit: "% GRDP"), "6–8% GRDP")
        XCTAssertEqual(Target(year: 2024, level: .commune, comparator: .ge, value: 60).shortLabelVI(unit: "%"), "≥ 60% (cấp xã)")
        XCTAssertEqual(Target(year: 2025, comparator: .gt, value: 700).shortLabelVI(unit: "doanh nghiệp"), "> 700 doanh nghiệp")
        XCTAssertEqual(Target(year: 2025, comparator: .rankAtMost, value: 15).shortLabelVI(unit: nil), "nhóm 15 dẫn đầu")
    }

    func testRatesComeFromTheirPartsAndAZeroDenominatorGivesNoRate() {
        let v = DataValue(planCode: "p", indicatorCode: "1", unitCode: "u", periodID: "2024", numerator: 1013, denominator: 1013)
        XCTAssertEqual(v.effectiveValue, 100)
        XCTAssertEqual(v.shortLabelVI(measure: .rate, unit: "%"), "1.013/1.013 (100%)")
        let zero = DataValue(planCode: "p", indicatorCode: "1", unitCode: "u", periodID: "2024", numerator: 0, denominator: 0)
        XCTAssertNil(zero.effectiveValue)
        let stated = DataValue(planCode: "p", indicatorCode: "1", unitCode: "u", periodID: "2024", value: 56.25)
        XCTAssertEqual(stated.shortLabelVI(measure: .rate, unit: "%"), "56,25%")
        XCTAssertFalse(DataValue(planCode: "p", indicatorCode: "1", unitCode: "u", periodID: "2024").hasData)
    }
}
