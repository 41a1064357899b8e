@testable import DXCore
import XCTest

final class UnitTreeTests: XCTestCase {
    let units = [
        OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province, validTo: CalendarDate(2025, 6, 30), successorCode: "33"),
        OrgUnit(code: "33", name: "Tỉnh Hưng Yên", kind: .province),
        OrgUnit(code: "TB-STTTT", name: "Sở Thông tin và Truyền thông", kind: .department, parentCode: "34",
                validTo: CalendarDate(2025, 2, 28), successorCode: "TB-SKHCN"),
        OrgUnit(code: "TB-SKHCN", name: "Sở Khoa học và Công nghệ", kind: .department, parentCode: "34"),
        OrgUnit(code: "339", name: "Huyện Hưng Hà", kind: .district, parentCode: "34"),
        OrgUnit(code: "12586", name: "Thị trấn Hưng Hà", kind: .commune, parentCode: "339"),
        OrgUnit(code: "12589", name: "Xã Quang Trung", kind: .commune, parentCode: "339"),
        OrgUnit(code: "338", name: "Huyện Đông Hưng", kind: .district, parentCode: "34"),
        OrgUnit(code: "12454", name: "Xã Đông Phương", kind: .commune, parentCode: "338"),
    ]

    func testAncestorsGoFromParentToRoot() throws {
        let tree = try UnitTree(units)
        XCTAssertEqual(tree.ancestors(of: "12586").map(\.code), ["339", "34"])
        XCTAssertEqual(tree.ancestors(of: "34"), [])
        XCTAssertEqual(tree.depth(of: "12586"), 2)
    }

    func testDescendantsKeepTheGivenOrder() throws {
        let tree = try UnitTree(units)
        XCTAssertEqual(tree.descendants(of: "34").map(\.code), ["TB-STTTT", "TB-SKHCN", "339", "12586", "12589", "338", "12454"])
        XCTAssertEqual(tree.subtree(of: "339").map(\.code), ["339", "12586", "12589"])
        XCTAssertEqual(tree.children(of: "339").map(\.code), ["12586", "12589"])
    }

    func testUnitsOfAKindUnderANode() throws {
        let tree = try UnitTree(units)
        XCTAssertEqual(tree.units(ofKind: .commune, under: "34").map(\.code), ["12586", "12589", "12454"])
        XCTAssertEqual(tree.units(ofKind: .district, under: "34").map(\.code), ["339", "338"])
        XCTAssertEqual(tree.units(ofKind: .commune, under: "338").map(\.code), ["12454"])
        XCTAssertEqual(tree.nearest(.province, from: "12454")?.code, "34")
        XCTAssertEqual(tree.nearest(.district, from: "339")?.code, "339")
    }

    func testScopeIsTheUnitAndEverythingBelowIt() throws {
        let tree = try UnitTree(units)
        XCTAssertTrue(tree.isWithin("12586", scope: "339"))
        XCTAssertTrue(tree.isWithin("339", scope: "339"))
        XCTAssertFalse(tree.isWithin("12454", scope: "339"))
        XCTAssertFalse(tree.isWithin("34", scope: "339"))
    }

    func testClosedUnitsKeepTheirHistoryAndPointToTheirSuccessor() throws {
        let tree = try UnitTree(units)
        let sttt = try XCTUnwrap(tree["TB-STTTT"])
        XCTAssertTrue(sttt.isValid(on: CalendarDate(2024, 6, 30)))
        XCTAssertFalse(sttt.isValid(on: CalendarDate(2025, 3, 1)))
        XCTAssertTrue(sttt.overlaps(from: CalendarDate(2025, 1, 1), to: CalendarDate(2025, 6, 30)))
        XCTAssertEqual(tree.currentSuccessor(of: "TB-STTTT")?.code, "TB-SKHCN")
        XCTAssertEqual(tree.currentSuccessor(of: "34")?.code, "33")
        XCTAssertEqual(tree.currentSuccessor(of: "339")?.code, "339")
    }

    func testBrokenHierarchiesAreRefusedWithVietnameseMessages() {
        XCTAssertThrowsError(try UnitTree(units + [OrgUnit(code: "339", name: "Trùng", kind: .district)])) {
            XCTAssertEqual(($0 as? UnitTree.Problem)?.description, "Mã đơn vị bị trùng: 339")
        }
        XCTAssertThrowsError(try UnitTree([OrgUnit(code: "1", name: "A", kind: .commune, parentCode: "9")])) {
            XCTAssertEqual($0 as? UnitTree.Problem, .unknownParent(unit: "1", parent: "9"))
        }
        let cyclic = [OrgUnit(code: "r", name: "R", kind: .province),
                      OrgUnit(code: "a", name: "A", kind: .district, parentCode: "b"),
                      OrgUnit(code: "b", name: "B", kind: .district, parentCode: "a")]
        XCTAssertThrowsError(try UnitTree(cyclic)) {
            guard case .cycle = $0 as? UnitTree.Problem else { return XCTFail("\($0)") }
        }
    }

    func testKindsMapToTheLevelOfTheirTargets() {
        XCTAssertEqual(UnitKind.commune.level, .commune)
        XCTAssertEqual(UnitKind.department.level, .department)
        XCTAssertEqual(UnitKind.other.level, .any)
    }
}
