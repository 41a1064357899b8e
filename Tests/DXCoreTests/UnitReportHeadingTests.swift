import DXCore
import XCTest

final class UnitReportHeadingTests: XCTestCase {
    let tree = try! UnitTree([
        OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province),
        OrgUnit(code: "TB-UBND", name: "Ủy ban nhân dân tỉnh Thái Bình", kind: .other, parentCode: "34"),
        OrgUnit(code: "TB-STTTT", name: "Sở Thông tin và Truyền thông", kind: .department, parentCode: "34"),
        OrgUnit(code: "TB-STTTT-TT", name: "Trung tâm Công nghệ thông tin và Truyền thông", kind: .other, parentCode: "TB-STTTT"),
        OrgUnit(code: "339", name: "Huyện Hưng Hà", kind: .district, parentCode: "34"),
        OrgUnit(code: "HH-PVHTT", name: "Phòng Văn hóa và Thông tin huyện Hưng Hà", kind: .department, parentCode: "339"),
        OrgUnit(code: "13009", name: "Xã Tân Lễ", kind: .commune, parentCode: "339"),
    ])

    func testTheUnitsChoicesReplaceOnlyWhatTheyName() {
        let heading = UnitReportHeading(symbol: "BC-VHTT", authority: ["KT. Chủ tịch", "Phó Chủ tịch"], signerName: "Nguyễn Văn Bình")
        let s = ReportSettings.issued(by: tree["339"]!, in: tree, date: CalendarDate(2024, 7, 5), heading: heading)
        XCTAssertEqual(s.issuingBody, "UBND huyện Hưng Hà", "derived, not named by the unit")
        XCTAssertEqual(s.place, "Hưng Hà")
        XCTAssertEqual(s.symbol, "BC-VHTT")
        XCTAssertEqual(s.authority, ["KT. Chủ tịch", "Phó Chủ tịch"])
        XCTAssertEqual(s.signerName, "Nguyễn Văn Bình")
        XCTAssertEqual(ReportSettings.issued(by: tree["339"]!, in: tree, date: CalendarDate(2024, 7, 5), heading: nil),
                       ReportSettings.issued(by: tree["339"]!, in: tree, date: CalendarDate(2024, 7, 5)))
    }

    func testBlankFieldsOfAPostedFormMeanNotSet() {
        let posted = UnitReportHeading(parentBody: " ", issuingBody: "", symbol: "  BC-UBND ", authority: ["", "  "], signerName: "",
                                       recipients: ["Như trên", ""], archive: "")
        XCTAssertEqual(posted.normalized, UnitReportHeading(symbol: "BC-UBND", recipients: ["Như trên"]))
        XCTAssertTrue(UnitReportHeading(issuingBody: " ", authority: []).normalized.isEmpty)
    }

    func testAHeadingWithASlashedSymbolOrFourAuthorityLinesIsRefusedAtItsField() {
        let bad = UnitReportHeading(symbol: "15/BC-UBND", authority: ["a", "b", "c", "d"], signerName: String(repeating: "x", count: 2_001))
        XCTAssertEqual(bad.problems().map(\.path), ["symbol", "authority", "signerName"])
        XCTAssertEqual(bad.problems().first?.message, "Ký hiệu báo cáo nhập không kèm số và dấu “/”, ví dụ BC-UBND.")
        XCTAssertTrue(bad.problems()[2].message.contains("tối đa 2.000 ký tự"))
    }

    func doc(_ number: String, by issuer: String?) -> OfficialDocument {
        OfficialDocument(number: number, summary: "", issued: CalendarDate(2024, 3, 1), issuer: "", issuerUnitCode: issuer)
    }

    func listed(in unit: String, _ scope: DocumentScope = .ownTier) -> [String] {
        let docs = [doc("1/QĐ-UBND", by: "TB-UBND"), doc("2/KH-STTTT", by: "TB-STTTT"), doc("3/TTCNTT", by: "TB-STTTT-TT"),
                    doc("4/KH-UBND", by: "339"), doc("5/VHTT", by: "HH-PVHTT"), doc("6/TB-UBND", by: "13009"),
                    doc("7/NQ-TU", by: nil), doc("8/KH", by: "không-có")]
        return docs.filter { $0.isIssued(within: tree[unit]!, scope: scope, tree: tree) }.map(\.number)
    }

    func testAProvincesReportListsItsOwnTierNotItsDistrictsNotices() {
        XCTAssertEqual(listed(in: "34"), ["1/QĐ-UBND", "2/KH-STTTT", "3/TTCNTT", "7/NQ-TU", "8/KH"],
                       "the province, its committee and departments; documents of no known unit are the top unit's")
        XCTAssertEqual(listed(in: "34", .subtree), ["1/QĐ-UBND", "2/KH-STTTT", "3/TTCNTT", "4/KH-UBND", "5/VHTT", "6/TB-UBND", "7/NQ-TU", "8/KH"])
    }

    func testADistrictsReportListsItsOwnAndItsOfficesDocuments() {
        XCTAssertEqual(listed(in: "339"), ["4/KH-UBND", "5/VHTT"], "not the province's, not the commune's")
        XCTAssertEqual(listed(in: "339", .subtree), ["4/KH-UBND", "5/VHTT", "6/TB-UBND"])
        XCTAssertEqual(listed(in: "TB-STTTT"), ["2/KH-STTTT", "3/TTCNTT"], "a department and the centre under it")
        XCTAssertEqual(listed(in: "13009"), ["6/TB-UBND"])
    }
}
