@testable import DXCore
import Foundation
import XCTest

/// The change planner on a small map: a province, two districts, communes, departments.
final class UnitChangePlannerTests: XCTestCase {
    let day = CalendarDate(2025, 7, 1)
    let last = CalendarDate(2025, 6, 30)
    var versions: [UnitVersion] = []
    var ids: [String: UUID] = [:]

    override func setUp() {
        versions = []
        ids = [:]
        add("34", "Tỉnh Thái Bình", .province, nil)
        add("33", "Tỉnh Hưng Yên", .province, nil)
        add("339", "Huyện Hưng Hà", .district, "34")
        add("12589", "Xã Quang Trung", .commune, "339")
        add("12595", "Xã Cộng Hòa", .commune, "339", to: last)
        add("12604", "Xã Hòa Tiến", .commune, "339")
        add("TB-SNV", "Sở Nội vụ", .department, "34")
        add("HY-SNV", "Sở Nội vụ", .department, "33")
        add("HH-PTP", "Phòng Tư pháp huyện Hưng Hà", .department, "339")
        // The 2025 commune that reuses a 2024 code for another unit.
        add("12595", "Xã Ngự Thiên", .commune, "33", from: day, key: "12595@2025")
        add("12616", "Xã Long Hưng", .commune, "33", from: day)
        add("12619", "Xã Hưng Hà", .commune, "33", from: day)
    }

    private func add(_ code: String, _ name: String, _ kind: UnitKind, _ parent: String?, from: CalendarDate? = nil,
                     to: CalendarDate? = nil, key: String? = nil) {
        let v = UnitVersion(code: code, name: name, kind: kind, parentID: parent.flatMap { ids[$0] }, validFrom: from, validTo: to)
        ids[key ?? code] = v.id
        versions.append(v)
    }

    private func plan(_ rows: [UnitChange]) -> UnitChangePlan {
        UnitChangePlanner.plan(rows, versions: versions, defaultSuccessors: [:])
    }

    private func row(_ line: Int, _ kind: UnitChangeKind, _ from: [String], _ to: [String], shares: [Double?] = [], name: String? = nil) -> UnitChange {
        UnitChange(line: line, date: day, kind: kind, fromCodes: from, toCodes: to, shares: shares, name: name)
    }

    func testAMergeClosesEveryPredecessorTheDayBeforeAndLinksItWhole() {
        let p = plan([row(2, .merge, ["12589", "12595"], ["12616"])])
        XCTAssertEqual(p.errors, [])
        // 12595 already ends on 30/6/2025 (the 2024 list says so): linked, not closed again.
        XCTAssertEqual(p.closures, [ids["12589"]!: last])
        XCTAssertEqual(Set(p.links.map(\.successorID)), [ids["12616"]!])
        XCTAssertEqual(p.links.map(\.share), [1, 1])
        XCTAssertTrue(p.links.allSatisfy(\.isDefault))
        XCTAssertEqual(p.created, [])
    }

    func testTheOldCodeResolvesToTheOldUnitTheDayBeforeAndToTheNewOneAfter() {
        // 12595 is Cộng Hòa until 30/6/2025 and Ngự Thiên from 1/7/2025: a merge into the new
        // 12595 links the old one to the new one, two different versions.
        let p = plan([row(2, .merge, ["12595"], ["12595"])])
        XCTAssertEqual(p.errors, [])
        XCTAssertEqual(p.links.first?.predecessorID, ids["12595"])
        XCTAssertEqual(p.links.first?.successorID, ids["12595@2025"])
        XCTAssertEqual(p.created, [], "the 2025 unit exists: no new version")
    }

    func testADivisionWithSharesKeepsThemAndOneDefault() {
        let p = plan([row(3, .divide, ["12604"], ["12616", "12619"], shares: [0.6, 0.4])])
        XCTAssertEqual(p.errors, [])
        XCTAssertEqual(p.links.map(\.share), [0.6, 0.4])
        XCTAssertEqual(p.links.map(\.isDefault), [true, false])
    }

    func testADivisionWithoutSharesLeavesThemUnknown() {
        var r = row(3, .divide, ["12604"], ["12616", "12619"])
        r.defaultTo = "12619"
        let p = plan([r])
        XCTAssertEqual(p.errors, [])
        XCTAssertEqual(p.links.map(\.share), [nil, nil])
        XCTAssertEqual(p.links.filter(\.isDefault).map(\.successorID), [ids["12619"]!])
    }

    func testSharesThatDoNotAddUpAreRefused() {
        let p = plan([row(4, .divide, ["12604"], ["12616", "12619"], shares: [0.6, 0.6])])
        XCTAssertEqual(p.errors, ["Dòng 4: tổng các tỷ lệ (share) là 1,2, phải bằng 1"])
    }

    func testARenameOpensANewVersionUnderTheSameParentAndMovesItsOpenChildren() {
        let p = plan([row(5, .rename, ["34"], [], name: "Tỉnh Thái Bình mới")])
        XCTAssertEqual(p.errors, [])
        let renamed = p.created.first { $0.code == "34" }
        XCTAssertEqual(renamed?.name, "Tỉnh Thái Bình mới")
        XCTAssertEqual(renamed?.validFrom, day)
        XCTAssertEqual(p.closures[ids["34"]!], last)
        // The still-open children (department, district and what is below) follow as new versions.
        let moved = Set(p.created.map(\.code))
        XCTAssertTrue(moved.isSuperset(of: ["TB-SNV", "339", "12589", "HH-PTP"]), "\(moved)")
        XCTAssertEqual(p.created.first { $0.code == "TB-SNV" }?.parentID, renamed?.id)
    }

    func testAMoveGivesTheUnitANewVersionUnderItsNewParent() {
        let p = plan([row(6, .move, ["339"], ["33"])])
        XCTAssertEqual(p.errors, [])
        let moved = p.created.first { $0.code == "339" }
        XCTAssertEqual(moved?.parentID, ids["33"])
        XCTAssertEqual(p.closures[ids["339"]!], last)
        XCTAssertEqual(p.created.first { $0.code == "12589" }?.parentID, moved?.id, "its communes follow")
        XCTAssertEqual(p.links.first { $0.predecessorID == ids["339"] }?.successorID, moved?.id)
    }

    func testAbolishingADistrictMovesWhatItHeldToTheProvince() {
        let p = plan([row(7, .abolish, ["339"], [])])
        XCTAssertEqual(p.errors, [])
        XCTAssertEqual(p.closures[ids["339"]!], last)
        XCTAssertEqual(p.created.first { $0.code == "HH-PTP" }?.parentID, ids["34"])
    }

    func testAMergedProvincesDepartmentsWaitForTheCoordinator() {
        let p = plan([row(8, .merge, ["34"], ["33"])])
        XCTAssertEqual(p.errors, [])
        XCTAssertEqual(p.unsettled.map(\.code), ["339", "TB-SNV"])
        let matched = plan([row(8, .merge, ["TB-SNV"], ["HY-SNV"]), row(9, .merge, ["34"], ["33"])])
        XCTAssertEqual(matched.unsettled.map(\.code), ["339"])
    }

    func testAnUnknownCodeIsNamedWithItsLine() {
        let p = plan([row(2, .merge, ["12589"], ["12616"]), row(3, .merge, ["99999"], ["12616"])])
        XCTAssertEqual(p.errors, ["Dòng 3: không có đơn vị mã 99999"])
    }

    func testAUnitClosedTwiceIsRefused() {
        let p = plan([row(2, .merge, ["12589"], ["12616"]), row(3, .merge, ["12589"], ["12619"])])
        XCTAssertEqual(p.errors, ["Dòng 3: đơn vị 12589 bị đóng hai lần (đã đóng ở dòng 2)"])
        let stored = UnitChangePlanner.plan([row(2, .merge, ["12589"], ["12616"])], versions: versions,
                                            defaultSuccessors: [ids["12589"]!: ids["12616"]!])
        XCTAssertEqual(stored.errors, ["Dòng 2: đơn vị 12589 đã được thay thế từ trước, không thể đóng lần nữa"])
    }

    func testACycleIsRefused() {
        let p = plan([row(2, .merge, ["TB-SNV"], ["HY-SNV"]), row(3, .merge, ["HY-SNV"], ["TB-SNV"])])
        XCTAssertEqual(p.errors.count, 1)
        XCTAssertTrue(p.errors[0].hasPrefix("Dòng 3: vòng lặp"), p.errors[0])
        let move = plan([row(4, .move, ["34"], ["339"])])
        XCTAssertEqual(move.errors, ["Dòng 4: vòng lặp: chuyển 34 vào 339, đơn vị nằm trong chính nó"])
    }

    func testTheVersionPickerPrefersTheValidThenTheLastClosedVersion() {
        let old = UnitVersion(code: "1", name: "cũ", kind: .commune, validTo: last)
        let new = UnitVersion(code: "1", name: "mới", kind: .commune, validFrom: day)
        let pick = { (d: CalendarDate) in UnitVersionPicker.pick([old, new], on: d, from: \.validFrom, to: \.validTo)?.name }
        XCTAssertEqual(pick(CalendarDate(2024, 12, 31)), "cũ")
        XCTAssertEqual(pick(day), "mới")
        XCTAssertEqual(UnitVersionPicker.pick([old], on: day, from: \.validFrom, to: \.validTo)?.name, "cũ")
        XCTAssertEqual(OrgUnit(code: "1", name: "Xã Cộng Hòa", kind: .commune, validTo: last).displayName(asOf: day),
                       "Xã Cộng Hòa (đến 30/6/2025)")
    }
}
