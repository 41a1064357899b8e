import DXCore
import XCTest

/// Which rows a unit fills and how the rows of many units become one table.
final class FormConsolidationTests: XCTestCase {
    let units = [
        OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province),
        OrgUnit(code: "TB-STP", name: "Sở Tư pháp", kind: .department, parentCode: "34"),
        OrgUnit(code: "339", name: "Huyện Hưng Hà", kind: .district, parentCode: "34"),
        OrgUnit(code: "HH-PTP", name: "Phòng Tư pháp Hưng Hà", kind: .department, parentCode: "339"),
    ]
    let columns = [
        FormColumn(key: "1", title: "Trực tuyến"),
        FormColumn(key: "2", title: "Trực tiếp"),
        FormColumn(key: "3", title: "Tỷ lệ trực tuyến", kind: .computed, formula: "(1)/((1)+(2))*100", format: .rate),
        FormColumn(key: "4", title: "Đánh giá", kind: .choice, choices: ["Tốt", "Chưa tốt"]),
    ]

    func testAPerUnitFormGivesEachUnitItsOwnRowOnlyAndKeepsRowsOfOthersOut() throws {
        let form = TableForm(code: "BM01", title: "Hồ sơ", rows: .units(FormUnitSelection(unitKinds: [.department, .district], parentCode: "34")),
                             columns: columns)
        XCTAssertEqual(form.rowsFilled(by: units[2], units: units).map(\.key), ["339"])
        XCTAssertEqual(form.rowsFilled(by: units[3], units: units).map(\.key), [], "a district's office is not directly under the province")
        let table = try CompiledTableForm(form).consolidate(units: units, entries: [
            FormEntry(unitCode: "339", row: FormRowInput(key: "339", values: ["1": .number(30), "2": .number(10)])),
            // A row entered for another unit does not count.
            FormEntry(unitCode: "339", row: FormRowInput(key: "TB-STP", values: ["1": .number(999)])),
            FormEntry(unitCode: "TB-STP", row: FormRowInput(key: "TB-STP", values: ["1": .number(0), "2": .number(0)])),
        ])
        XCTAssertEqual(table.rows.map(\.key), ["TB-STP", "339"])
        XCTAssertEqual(table.rows[0]["1"], .number(0))
        XCTAssertEqual(table.display(table.rows[0], "3"), "—", "no applications at all: the placeholder, not 0")
        XCTAssertEqual(table.display(table.rows[1], "3"), "75,00")
        XCTAssertEqual(table.totals?["3"], .number(75), "30 of 40 over both rows")
    }

    func testAFixedFormAddsTheUnitsFiguresByCategoryAndRecomputesTheRate() throws {
        let form = TableForm(code: "BM03", title: "Theo cấp", rows: .fixed([
            FormRowCategory(key: "huyen", label: "Cấp huyện"), FormRowCategory(key: "xa", label: "Cấp xã"),
        ]), columns: columns)
        XCTAssertEqual(form.rowsFilled(by: units[2], units: units).map(\.key), ["huyen", "xa"], "every unit fills every category")
        let table = try CompiledTableForm(form).consolidate(units: units, entries: [
            FormEntry(unitCode: "339", row: FormRowInput(key: "huyen", values: ["1": .number(10), "2": .number(30), "4": .text("Tốt")])),
            FormEntry(unitCode: "TB-STP", row: FormRowInput(key: "huyen", values: ["1": .number(90), "2": .number(70), "4": .text("Chưa tốt")])),
            FormEntry(unitCode: "339", row: FormRowInput(key: "xa", values: ["1": .number(5), "4": .text("Tốt")])),
        ])
        XCTAssertEqual(table.rows[0]["1"], .number(100))
        XCTAssertEqual(table.rows[0]["2"], .number(100))
        XCTAssertEqual(table.rows[0]["3"], .number(50), "the ratio of the sums (100 of 200), not the mean of 25% and 56,25%")
        XCTAssertEqual(table.rows[0]["4"], .empty, "two different judgements cannot be added up")
        XCTAssertEqual(table.rows[1]["4"], .text("Tốt"), "a single unit's text is kept")
        XCTAssertEqual(table.rows[1]["2"], .empty)
        XCTAssertEqual(table.totals?["1"], .number(105))
    }

    func testIdentityViolationsOfOneEnteredRow() throws {
        var form = TableForm(code: "BM02", title: "Giải quyết", columns: [
            FormColumn(key: "1", title: "Tổng số"), FormColumn(key: "2", title: "Trực tiếp"), FormColumn(key: "3", title: "Trực tuyến"),
        ])
        form.identities = [FormIdentity(rule: "(1) = (2)+(3)", message: "Tổng số = Trực tiếp + Trực tuyến")]
        let compiled = try CompiledTableForm(form)
        let broken = compiled.identityViolations(key: "339", label: "Huyện Hưng Hà", values: ["1": .number(10), "2": .number(3), "3": .number(4)])
        XCTAssertEqual(broken.map(\.message), ["Tổng số = Trực tiếp + Trực tuyến"])
        XCTAssertEqual(broken.first?.left, 10)
        XCTAssertEqual(broken.first?.right, 7)
        XCTAssertTrue(compiled.identityViolations(key: "339", label: "", values: ["1": .number(10), "2": .number(3)]).isEmpty,
                      "a side that cannot be computed is not checked")
    }

    func testAFormCodeMustBeUsableInLinksAndFileNames() {
        for bad in ["BM 01", "BM/01", "biểu1", String(repeating: "A", count: 41)] {
            let form = TableForm(code: bad, title: "x", columns: [FormColumn(key: "1", title: "a")])
            XCTAssertEqual(form.validate(), [.invalidCode(bad)], bad)
        }
        XCTAssertEqual(TableForm(code: "BM-01_2025.v2", title: "x", columns: [FormColumn(key: "1", title: "a")]).validate(), [])
    }
}
