import DXCore
import DXStore
import DXTestSupport
import XCTest

final class StoreValidationTests: XCTestCase {
    func testALoadWithOneBadRowWritesNothing() async throws {
        try await TestDatabases.each { rt in
            let bad = Dataset(
                units: StoreRoundTripTests.units, plans: [StoreRoundTripTests.plan],
                values: [DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1", unitCode: "KHÔNG-CÓ", periodID: "2024S1", value: 1)])
            do {
                _ = try await rt.store.load(bad)
                XCTFail("a value of an unknown unit must be rejected")
            } catch {
                XCTAssertTrue(String(describing: error).contains("không có đơn vị mã KHÔNG-CÓ"), "\(error)")
            }
            let counts = try await rt.store.counts()
            XCTAssertEqual(counts["units"], 0, rt.url.kindName)
            XCTAssertEqual(counts["plans"], 0, rt.url.kindName)
        }
    }

    func testBadFactsAreRejectedWithVietnameseMessages() async throws {
        try await TestDatabases.each { rt in
            _ = try await rt.store.load(Dataset(units: StoreRoundTripTests.units, plans: [StoreRoundTripTests.plan]))
            let cases: [(DataValue, String)] = [
                (DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1", unitCode: "34", periodID: "2024S1", numerator: 10, denominator: 5), "tử số lớn hơn mẫu số"),
                (DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1", unitCode: "34", periodID: "2024S1", numerator: -1, denominator: 5), "tử số âm"),
                (DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1", unitCode: "34", periodID: "2024Q5", value: 1), "mã kỳ báo cáo không hợp lệ"),
                (DataValue(planCode: "83/KH-BCĐ", indicatorCode: "9.9", unitCode: "34", periodID: "2024", value: 1), "không có chỉ tiêu 9.9"),
                (DataValue(planCode: "99/KH", indicatorCode: "1", unitCode: "34", periodID: "2024", value: 1), "không có kế hoạch 99/KH"),
            ]
            for (value, message) in cases {
                do {
                    try await rt.store.upsertValue(value)
                    XCTFail("\(rt.url.kindName): accepted \(value)")
                } catch {
                    XCTAssertTrue(String(describing: error).contains(message), "\(rt.url.kindName): \(error)")
                }
            }
            let r1 = try await rt.store.counts()["dataValues"]
            XCTAssertEqual(r1, 0)
        }
    }

    func testBadSetUpIsRejected() async throws {
        try await TestDatabases.each { rt in
            try await rt.store.upsertUnits(StoreRoundTripTests.units)
            var plan = StoreRoundTripTests.plan
            plan.plan.slug = "83/kh"
            await assertThrows(try await rt.store.upsertPlan(plan), containing: "định danh URL")
            plan = StoreRoundTripTests.plan
            plan.indicators[0].pillarCode = "9"
            await assertThrows(try await rt.store.upsertPlan(plan), containing: "không có trụ cột mã 9")
            plan = StoreRoundTripTests.plan
            plan.indicators[0].targets.append(Target(year: 2024, level: .province, comparator: .ge, value: 1))
            await assertThrows(try await rt.store.load(Dataset(plans: [plan])), containing: "bị nhập hai lần")
            plan = StoreRoundTripTests.plan
            plan.indicators[0].targets = [Target(year: 2024, comparator: .range, value: 8, upper: 6)]
            await assertThrows(try await rt.store.load(Dataset(plans: [plan])), containing: "Khoảng mục tiêu năm 2024")
            await assertThrows(
                try await rt.store.upsertUnits([OrgUnit(code: "X", name: "X", kind: .commune, parentCode: "nowhere")]),
                containing: "đơn vị cấp trên nowhere không tồn tại")
            let r2 = try await rt.store.counts()["plans"]
            XCTAssertEqual(r2, 0, rt.url.kindName)
        }
    }
}

func assertThrows<T>(_ body: @autoclosure () async throws -> T, containing text: String,
                     file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await body()
        XCTFail("expected an error containing \"\(text)\"", file: file, line: line)
    } catch {
        XCTAssertTrue(String(describing: error).contains(text), "\(error)", file: file, line: line)
    }
}
