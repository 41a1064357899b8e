import DXCore
import XCTest

/// Ranks with ties shared (docs/evaluation.md §11).
final class RankingTests: XCTestCase {
    func testTiesShareARankAndTheNextRankIsSkipped() {
        XCTAssertEqual(Ranking.competition([0.9, 0.8, 0.8, 0.7]), [1, 2, 2, 4])
        XCTAssertEqual(Ranking.competition([0.7, 0.8, 0.9, 0.8]), [4, 2, 1, 2], "ranks come in the order given")
        XCTAssertEqual(Ranking.competition([0.5, 0.5, 0.5]), [1, 1, 1])
        XCTAssertEqual(Ranking.competition([]), [])
    }

    func testScoresAreComparedAsPublished() {
        // 0,80021 and 0,80024 are both published as 0,8002: the same rank.
        XCTAssertEqual(Ranking.competition([0.80021, 0.80024, 0.80026]), [2, 2, 1])
        XCTAssertEqual(Ranking.competition([0.80021, 0.80024], fractionDigits: 5), [2, 1])
    }

    func testLowerIsBetter() {
        // Overdue case files: fewer is better.
        XCTAssertEqual(Ranking.competition([3, 0, 3, 7], fractionDigits: 0, higherIsBetter: false), [2, 1, 2, 4])
    }

    func testARankingOfUnitsIsBestFirstAndKeepsTheGivenOrderOnTies() {
        let part = ScoringPart(level: .district, name: "Huyện", indices: [
            ScoringIndex(code: "1", name: "Nhận thức số", maximum: 100, criteria: [
                ScoringCriterion(code: "1.1", name: "Tiêu chí", points: 100, rule: .ratio(full: 100)),
            ]),
        ])
        let inputs = [("A", 70.0), ("B", 90), ("C", 70), ("D", 40)].map {
            ScoringInput(unitCode: $0.0, criterionCode: "1.1", value: $0.1)
        }
        let ranking = part.ranking(units: ["A", "B", "C", "D", "E"], inputs: inputs)
        XCTAssertEqual(ranking.map(\.unitCode), ["B", "A", "C", "D", "E"])
        XCTAssertEqual(ranking.map(\.rank), [1, 2, 2, 4, 5])
        XCTAssertEqual(ranking.map { VNNumber.index($0.total) }, ["0,9000", "0,7000", "0,7000", "0,4000", "0,0000"])
        // A unit with no inputs is ranked last with nothing, each criterion marked missing.
        XCTAssertEqual(ranking.last!.indices[0].criteria[0].status, .missing)
    }

    /// Property: a rank is one more than the number of strictly better scores, so equal scores
    /// always share it and ranks never exceed the count.
    func testPropertyRanksCountTheStrictlyBetter() {
        var rng = SeededGenerator(seed: 405)
        for _ in 0..<200 {
            let scores = (0..<Int.random(in: 1...30, using: &rng)).map { _ in Double(Int.random(in: 0...20, using: &rng)) / 20 }
            let ranks = Ranking.competition(scores)
            for (i, s) in scores.enumerated() {
                XCTAssertEqual(ranks[i], 1 + scores.filter { $0 > s }.count)
            }
            XCTAssertTrue(ranks.allSatisfy { (1...scores.count).contains($0) })
        }
    }
}
