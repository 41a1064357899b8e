import DXCore
import Foundation
import XCTest

/// Scoring schemes and the DTI formula (docs/evaluation.md §9–10).
final class ScoringTests: XCTestCase {
    /// The eight main indices of Quyết định 922/QĐ-BTTTT with their maxima (total 1.000).
    private static let dti: [(code: String, name: String, maximum: Double)] = [
        ("1", "Nhận thức số", 100), ("2", "Thể chế số", 100), ("3", "Hạ tầng số", 100),
        ("4", "Nhân lực số", 100), ("5", "An toàn thông tin mạng", 100),
        ("6", "Hoạt động chính quyền số", 200), ("7", "Hoạt động kinh tế số", 150),
        ("8", "Hoạt động xã hội số", 150),
    ]

    /// Đà Nẵng 2022, as published (domain.md §9).
    private static let daNang2022: [String: Double] = [
        "1": 1.0, "2": 0.9, "3": 0.8253, "4": 0.8487, "5": 0.7578, "6": 0.8575, "7": 0.7836, "8": 0.5197,
    ]

    func testTheDTIOfDaNang2022Is08002() {
        let part = ScoringPart(level: .province, name: "Cấp tỉnh", indices: Self.dti.map {
            ScoringIndex(code: $0.code, name: $0.name, maximum: $0.maximum)
        })
        XCTAssertEqual(part.maximum, 1000)
        let total = part.total(indexValues: Self.daNang2022)!
        XCTAssertEqual(total, 0.800175, accuracy: 1e-12)
        XCTAssertEqual(VNNumber.index(total), "0,8002")
        XCTAssertNil(part.total(indexValues: ["1": 1]), "an index without its value gives no total")
    }

    func testTheSameTotalFromCriteriaScoredByTheirRules() {
        // One ratio criterion per index, worth the index's maximum, fed the published value in
        // per cent: the scored index values and the total are the published ones.
        let part = ScoringPart(level: .province, name: "Cấp tỉnh", indices: Self.dti.map {
            ScoringIndex(code: $0.code, name: $0.name, maximum: $0.maximum, criteria: [
                ScoringCriterion(code: "\($0.code).1", name: $0.name, points: $0.maximum, rule: .ratio(full: 100)),
            ])
        })
        let inputs = Self.daNang2022.map { ScoringInput(unitCode: "48", criterionCode: "\($0.key).1", value: $0.value * 100) }
        let score = part.score(unit: "48", inputs: inputs)
        XCTAssertEqual(score.points, 800.175, accuracy: 1e-9)
        XCTAssertEqual(VNNumber.index(score.total), "0,8002")
        XCTAssertEqual(score.index("6")!.points, 171.5, accuracy: 1e-9)
        XCTAssertEqual(score.index("6")!.value!, 0.8575, accuracy: 1e-12)
        XCTAssertEqual(score.index("8")!.value!, 0.5197, accuracy: 1e-12)
    }

    // MARK: - Rules

    private func scored(_ rule: ScoringRule, points: Double = 40, requiresEvidence: Bool = false,
                        _ input: ScoringInput?) -> CriterionScore {
        let c = ScoringCriterion(code: "1.1", name: "Tiêu chí", points: points, rule: rule, requiresEvidence: requiresEvidence)
        let part = ScoringPart(level: .department, name: "Sở", indices: [
            ScoringIndex(code: "1", name: "Nhận thức số", maximum: points, criteria: [c]),
        ])
        return part.score(c, input: input)
    }

    private func input(numerator: Double? = nil, denominator: Double? = nil, value: Double? = nil,
                       grade: ScoringGrade? = nil, evidence: [String] = []) -> ScoringInput {
        ScoringInput(unitCode: "TB-SNV", criterionCode: "1.1", numerator: numerator, denominator: denominator,
                     value: value, grade: grade, evidence: evidence)
    }

    func testRatioTimesPoints() {
        // 45 of 60 officials trained: 75% of 40 points.
        XCTAssertEqual(scored(.ratio(full: 100), input(numerator: 45, denominator: 60)).points, 30)
        XCTAssertEqual(scored(.ratio(full: 100), input(value: 120)).points, 40, "capped at the criterion's points")
        // "3 văn bản chỉ đạo" earn all 30 points; 2 earn 20.
        XCTAssertEqual(scored(.ratio(full: 3), points: 30, input(value: 2)).points, 20, accuracy: 1e-9)
        XCTAssertEqual(scored(.ratio(full: 3), points: 30, input(value: 5)).points, 30)
        // 0/0 is nothing to measure: invalid, not zero and not full.
        let zero = scored(.ratio(full: 100), input(numerator: 0, denominator: 0))
        XCTAssertEqual(zero.status, .invalid)
        XCTAssertEqual(zero.points, 0)
    }

    func testYesNo() {
        XCTAssertEqual(scored(.yesNo, input(grade: .full)).points, 40)
        XCTAssertEqual(scored(.yesNo, input(grade: .zero)).points, 0)
        XCTAssertEqual(scored(.yesNo, input(value: 1)).points, 40)
        XCTAssertEqual(scored(.yesNo, input(value: 0)).status, .scored)
        XCTAssertEqual(scored(.yesNo, input(grade: .half)).status, .invalid, "a yes/no criterion has no half")
        XCTAssertEqual(scored(.yesNo, input(value: 0.5)).status, .invalid)
    }

    func testFullHalfZero() {
        XCTAssertEqual(scored(.fullHalfZero, points: 30, input(grade: .full)).points, 30)
        XCTAssertEqual(scored(.fullHalfZero, points: 30, input(grade: .half)).points, 15)
        XCTAssertEqual(scored(.fullHalfZero, points: 30, input(grade: .zero)).points, 0)
        XCTAssertEqual(scored(.fullHalfZero, points: 30, input(value: 0.5)).points, 15)
        XCTAssertEqual(scored(.fullHalfZero, points: 30, input(value: 0.7)).status, .invalid)
        XCTAssertEqual(ScoringGrade.half.labelVI, "1/2 điểm tối đa")
    }

    func testThresholds() {
        let news = ScoringRule.thresholds([ScoringStep(atLeast: 12, share: 1), ScoringStep(atLeast: 6, share: 0.5)])
        XCTAssertEqual(scored(news, input(value: 15)).points, 40)
        XCTAssertEqual(scored(news, input(value: 12)).points, 40)
        XCTAssertEqual(scored(news, input(value: 8)).points, 20)
        XCTAssertEqual(scored(news, input(value: 3)).points, 0)
        XCTAssertEqual(scored(news, input(value: 3)).status, .scored)
        // Lower is better: "0% hồ sơ quá hạn" earns all, up to 5% half.
        let late = ScoringRule.thresholds([ScoringStep(atMost: 0, share: 1), ScoringStep(atMost: 5, share: 0.5)])
        XCTAssertEqual(scored(late, points: 50, input(numerator: 0, denominator: 320)).points, 50)
        XCTAssertEqual(scored(late, points: 50, input(numerator: 8, denominator: 320)).points, 25)
        XCTAssertEqual(scored(late, points: 50, input(numerator: 32, denominator: 320)).points, 0)
    }

    func testEvidenceAndMissingInput() {
        let noEvidence = scored(.yesNo, requiresEvidence: true, input(grade: .full))
        XCTAssertEqual(noEvidence.status, .noEvidence)
        XCTAssertEqual(noEvidence.points, 0)
        XCTAssertEqual(noEvidence.status.labelVI, "Thiếu minh chứng")
        XCTAssertEqual(scored(.yesNo, requiresEvidence: true, input(grade: .full, evidence: ["  "])).status, .noEvidence)
        let cited = scored(.yesNo, requiresEvidence: true, input(grade: .full, evidence: ["237/QĐ-VPUBND"]))
        XCTAssertEqual(cited.points, 40)
        XCTAssertEqual(cited.evidence, ["237/QĐ-VPUBND"])
        let missing = scored(.yesNo, nil)
        XCTAssertEqual(missing.status, .missing)
        XCTAssertEqual(missing.points, 0)
        XCTAssertEqual(missing.status.labelVI, "Chưa có số liệu")
    }

    func testRulesAsJSON() throws {
        let json = #"""
        [{"type": "ratio"}, {"type": "ratio", "full": 3}, {"type": "yesNo"}, {"type": "fullHalfZero"},
         {"type": "thresholds", "steps": [{"atLeast": 90, "share": 1}, {"atLeast": 70, "share": 0.5}]}]
        """#
        let rules = try JSONDecoder().decode([ScoringRule].self, from: Data(json.utf8))
        XCTAssertEqual(rules, [.ratio(full: 100), .ratio(full: 3), .yesNo, .fullHalfZero,
                               .thresholds([ScoringStep(atLeast: 90, share: 1), ScoringStep(atLeast: 70, share: 0.5)])])
        let again = try JSONDecoder().decode([ScoringRule].self, from: JSONEncoder().encode(rules))
        XCTAssertEqual(again, rules)
        XCTAssertThrowsError(try JSONDecoder().decode(ScoringRule.self, from: Data(#"{"type": "average"}"#.utf8))) {
            XCTAssertTrue(String(describing: $0).contains("Cách tính điểm không hợp lệ: average"))
        }
    }

    // MARK: - Schemes

    func testASchemesMistakesAreFound() {
        let scheme = ScoringScheme(code: "X", name: "Bộ chỉ số", year: 2024, parts: [
            ScoringPart(level: .department, name: "Sở", indices: [
                ScoringIndex(code: "1", name: "Nhận thức số", maximum: 100, criteria: [
                    ScoringCriterion(code: "1.1", name: "a", points: 60, rule: .yesNo),
                    ScoringCriterion(code: "1.1", name: "b", points: 30, rule: .ratio(full: 0)),
                ]),
                ScoringIndex(code: "2", name: "Thể chế số", maximum: 50, criteria: [
                    ScoringCriterion(code: "2.1", name: "c", points: 50,
                                     rule: .thresholds([ScoringStep(atLeast: 9, atMost: 3, share: 1)])),
                    ScoringCriterion(code: "2.2", name: "d", points: -1, rule: .thresholds([ScoringStep(share: 1.5)])),
                ]),
            ]),
            ScoringPart(level: .department, name: "Sở (bản sao)", indices: []),
        ])
        XCTAssertEqual(scheme.problems(), [
            .duplicateCode(level: .department, code: "1.1"),
            .badRule(level: .department, criterion: "1.1"),
            .pointsDoNotAddUp(level: .department, index: "1", criteria: 90, maximum: 100),
            .badRule(level: .department, criterion: "2.1"),
            .negativePoints(level: .department, code: "2.2"),
            .badRule(level: .department, criterion: "2.2"),
            .pointsDoNotAddUp(level: .department, index: "2", criteria: 49, maximum: 50),
            .duplicateLevel(.department),
        ])
        XCTAssertEqual(ScoringScheme.Problem.pointsDoNotAddUp(level: .department, index: "1", criteria: 90, maximum: 100)
            .description, "Chỉ số 1 (Sở, ban, ngành): tổng điểm các tiêu chí 90 khác điểm tối đa 100")
    }

    /// The scheme shipped with the demo data decodes and is sound.
    func testTheDemoSchemeIsSound() throws {
        let scheme = try DemoResources.decode(ScoringScheme.self, "scoring/sodtt-2024.json")
        XCTAssertEqual(scheme.code, "SODTT-2024")
        XCTAssertEqual(scheme.problems(), [])
        XCTAssertEqual(scheme.parts.map(\.level), [.department, .district])
        XCTAssertEqual(scheme.part(for: .district)?.maximum, 1000)
        XCTAssertEqual(scheme.part(for: .department)?.maximum, 1000)
    }

    /// The demo inputs rank the eight districts; Kiến Xương was given Đông Hưng's figures, so
    /// the two share a rank and the next rank is skipped.
    func testTheDemoDistrictsRankWithATieShared() throws {
        let scheme = try DemoResources.decode(ScoringScheme.self, "scoring/sodtt-2024.json")
        let file = try DemoResources.decode(DemoResources.ScoringInputsFile.self, "scoring/sodtt-2024-inputs.json")
        XCTAssertEqual(file.scheme, scheme.code)
        let districts = ["336", "338", "339", "340", "341", "342", "343", "344"]
        let ranking = try XCTUnwrap(scheme.ranking(level: .district, units: districts, inputs: file.domain))
        let byUnit = Dictionary(uniqueKeysWithValues: ranking.map { ($0.unitCode, $0) })
        XCTAssertEqual(byUnit["340"]!.total, byUnit["343"]!.total)
        XCTAssertEqual(byUnit["340"]!.rank, byUnit["343"]!.rank)
        let tied = byUnit["340"]!.rank!
        XCTAssertEqual(ranking.filter { $0.rank == tied }.count, 2)
        XCTAssertFalse(ranking.contains { $0.rank == tied + 1 })
        // Ranked best first, every total in [0, 1], every index value in [0, 1].
        XCTAssertEqual(ranking.map(\.rank!), ranking.map(\.rank!).sorted())
        for s in ranking {
            XCTAssertTrue((0...1).contains(s.total))
            XCTAssertTrue(s.indices.allSatisfy { (0...1).contains($0.value!) })
            XCTAssertEqual(s.points, s.indices.reduce(0) { $0 + $1.value! * $1.maximum }, accuracy: 1e-9)
        }
        // Every criterion keeps the input and the evidence behind its points.
        let criteria = ranking.flatMap { $0.indices.flatMap(\.criteria) }
        XCTAssertTrue(criteria.contains { !$0.evidence.isEmpty })
        XCTAssertNil(scheme.ranking(level: .commune, units: [], inputs: []))
    }
}
