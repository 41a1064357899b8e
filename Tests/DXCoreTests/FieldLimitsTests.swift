import DXCore
import XCTest

final class FieldLimitsTests: XCTestCase {
    func testEachKindNamesItsOverlongFieldsByTheirJSONPath() {
        XCTAssertEqual(OrgUnit(code: "1", name: String(repeating: "ạ", count: 2_001), kind: .commune).lengthProblems.map(\.description),
                       ["trường 'name' dài 2.001 ký tự, tối đa 2.000 ký tự"])
        var task = PlanTask(code: "1.1", title: "Nhiệm vụ", subItems: ["a", String(repeating: "b", count: 32_768)])
        task.cooperatingUnitCodes = [String(repeating: "C", count: 51)]
        XCTAssertEqual(task.lengthProblems.map(\.field), ["subItems[1]", "cooperatingUnitCodes[0]"])
        let plan = Plan(code: "KH", slug: "kh", kind: .plan, title: "T", issuerCode: "34", horizonFrom: 2025, horizonTo: 2025,
                        pillars: [Pillar(code: String(repeating: "1", count: 60), name: "Trụ cột")])
        XCTAssertEqual(plan.lengthProblems.map(\.field), ["pillars[0].code"])
    }

    func testLimitsCountCharactersNotBytes() {
        // 2.000 Vietnamese letters are 4.000+ bytes of UTF-8 and still within a name's limit.
        let name = String(repeating: "Đ", count: 2_000)
        XCTAssertGreaterThan(name.utf8.count, 2_000)
        XCTAssertEqual(OrgUnit(code: "1", name: name, kind: .commune).lengthProblems, [])
    }

    func testAnExcerptCutsOnlyWhatIsTooLongToQuote() {
        XCTAssertEqual(FieldLimit.excerpt("83/KH-BCĐ"), "83/KH-BCĐ")
        XCTAssertEqual(FieldLimit.excerpt(String(repeating: "x", count: 100)), String(repeating: "x", count: 40) + "…")
    }
}
