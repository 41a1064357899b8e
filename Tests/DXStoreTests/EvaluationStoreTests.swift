import DXCore
import DXStore
import DXTestSupport
import XCTest

/// The evaluation computed from what the store holds, on every test database.
final class EvaluationStoreTests: XCTestCase {
    func testTheDemoPlanAtTheFirstHalfOf2024MeetsNineOfSixteen() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            let e = try await rt.store.evaluate(plan: "KH-CĐS-2024", period: "2024S1")
            XCTAssertEqual(e.unit.code, "34", "the plan's issuer by default")
            let s = e.summary
            XCTAssertEqual(s.total, 16)
            XCTAssertEqual(s.count(.met), 9)
            XCTAssertEqual(s.count(.partlyMetBelow50), 1, "indicator 8: 10% against 30%")
            XCTAssertEqual(e.indicator("8")?.evaluation.labelVI, "Đạt 33,33% mục tiêu")
            let text = s.textVI(planName: e.plan.title)
            XCTAssertTrue(text.hasPrefix("Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 16 mục tiêu"), text)
            XCTAssertTrue(text.contains("Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."), text)
            XCTAssertEqual(e.document.summary.met, 9)
            XCTAssertEqual(e.document.summary.total, 16)
        }
    }

    func testTheSlugWorksLikeTheCodeAndTheUnitCanBeChosen() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            let district = try await rt.store.evaluate(plan: "kh-cds-2024", period: "2024", unit: "339")
            XCTAssertEqual(district.unit.name, "Huyện Hưng Hà")
            let signed = try XCTUnwrap(district.indicator("3"))
            XCTAssertEqual(signed.aggregate.source, .reported)
            XCTAssertEqual(signed.aggregate.numerator, 3787)
            XCTAssertEqual(signed.aggregate.denominator, 3798)
            XCTAssertEqual(signed.evaluation.evaluationClass, .met)
        }
    }

    func testUnknownPlansUnitsAndBadPeriodsAreNamedInVietnamese() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            await XCTAssertThrowsStoreError(try await rt.store.evaluate(plan: "KH-KHONG-CO", period: "2024"),
                                            .notFound("kế hoạch KH-KHONG-CO"))
            await XCTAssertThrowsStoreError(try await rt.store.evaluate(plan: "KH-CĐS-2024", period: "2024", unit: "999"),
                                            .notFound("đơn vị mã 999"))
            do {
                _ = try await rt.store.evaluate(plan: "KH-CĐS-2024", period: "2024Q5")
                XCTFail("a fifth quarter was accepted")
            } catch let error as StoreError {
                XCTAssertTrue(error.description.contains("2024Q5"), error.description)
            }
        }
    }

    func testTheDemoSchemeRanksDistrictsWithASharedRank() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            let parts = try await rt.store.ranking(scheme: "SODTT-2024")
            XCTAssertEqual(parts.map(\.part.level), [.department, .district])
            let districts = try XCTUnwrap(parts.last).scores
            XCTAssertEqual(districts.count, 8)
            let dongHung = try XCTUnwrap(districts.first { $0.unitCode == "340" })
            let kienXuong = try XCTUnwrap(districts.first { $0.unitCode == "343" })
            XCTAssertEqual(dongHung.total, kienXuong.total, accuracy: 1e-12)
            XCTAssertEqual(dongHung.rank, kienXuong.rank, "equal totals share a rank")
            XCTAssertEqual(districts.map(\.rank), districts.map(\.rank).sorted { ($0 ?? 0) < ($1 ?? 0) })
            XCTAssertTrue(districts.allSatisfy { (0...1).contains($0.total) })
            XCTAssertEqual(districts.first?.rank, 1)
            // Sở Nội vụ sent nothing for two criteria: they score zero and say why.
            let interior = try XCTUnwrap(parts.first?.scores.first { $0.unitCode == "TB-SNV" })
            let missing = interior.indices.flatMap(\.criteria).filter { $0.status == .missing }.map(\.code)
            XCTAssertEqual(missing, ["6.5", "6.6"])
        }
    }

    func testLoadingTheDemoTwiceLeavesScoringUnchanged() async throws {
        try await TestDatabases.each { rt in
            let first = try await rt.store.load(try DemoData.dataset())
            XCTAssertEqual(first.added["scoringSchemes"], 1)
            XCTAssertEqual(first.added["scoringInputs"], 690)
            let second = try await rt.store.load(try DemoData.dataset())
            XCTAssertTrue(second.changedNothing, "\(second.added)")
        }
    }

    func testScoringInputsAreCheckedAgainstTheScheme() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(try DemoData.dataset())
            let store = rt.store
            await XCTAssertThrowsStoreError(
                try await store.upsertScoringInput(schemeCode: "SODTT-2024", ScoringInput(unitCode: "339", criterionCode: "9.9", value: 1)),
                .invalid("Điểm SODTT-2024 / 339 / tiêu chí 9.9: phần Ủy ban nhân dân các huyện, thành phố không có tiêu chí 9.9"))
            await XCTAssertThrowsStoreError(
                try await store.upsertScoringInput(schemeCode: "SODTT-2024", ScoringInput(unitCode: "34", criterionCode: "1.1", grade: .full)),
                .invalid("Điểm SODTT-2024 / 34 / tiêu chí 1.1: bộ chỉ số không có phần chấm điểm cho cấp tỉnh"))
            await XCTAssertThrowsStoreError(
                try await store.upsertScoringInput(schemeCode: "SODTT-2024", ScoringInput(unitCode: "339", criterionCode: "3.1", numerator: -1, denominator: 5)),
                .invalid("Điểm SODTT-2024 / 339 / tiêu chí 3.1: tử số không hợp lệ"))
            await XCTAssertThrowsStoreError(
                try await store.upsertScoringInput(schemeCode: "KHONG-CO", ScoringInput(unitCode: "339", criterionCode: "1.1")),
                .invalid("Điểm KHONG-CO / 339 / tiêu chí 1.1: không có bộ chỉ số KHONG-CO"))

            let stored = try await store.scoringScheme(code: "SODTT-2024")
            var broken = try XCTUnwrap(stored)
            broken.parts[0].indices[0].maximum = 90
            do {
                try await store.upsertScoringScheme(broken)
                XCTFail("a scheme whose points do not add up was stored")
            } catch let error as StoreError {
                XCTAssertTrue(error.description.contains("tổng điểm các tiêu chí 100 khác điểm tối đa 90"), error.description)
            }
            let after = try await store.scoringScheme(code: "SODTT-2024")
            XCTAssertEqual(after?.parts[0].indices[0].maximum, 100, "nothing half-written")
        }
    }
}

func XCTAssertThrowsStoreError<T>(_ body: @autoclosure () async throws -> T, _ expected: StoreError,
                                  file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await body()
        XCTFail("no error thrown; expected \(expected)", file: file, line: line)
    } catch let error as StoreError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
