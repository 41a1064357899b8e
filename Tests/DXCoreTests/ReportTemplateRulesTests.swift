import DXCore
import XCTest

final class ReportTemplateRulesTests: XCTestCase {
    static let valid = ReportTemplate(
        code: "bao-cao-6-thang", name: "Báo cáo 6 tháng", planCode: "KH-CĐS-2024", tasksPlanCode: "83/KH-BCĐ",
        settings: ReportSettings(parentBody: "UBND tỉnh Thái Bình", issuingBody: "Ban Chỉ đạo về chuyển đổi số", number: 12, symbol: "BC-BCĐ",
                                 place: "Thái Bình", date: CalendarDate(2024, 1, 2), authority: ["TM. Ban Chỉ đạo", "Trưởng ban"],
                                 recipients: ["Như trên"], archive: "VT, CNTT"))

    func testAValidTemplateHasNoProblems() {
        XCTAssertEqual(Self.valid.problems(), [])
    }

    func testEachProblemIsReportedAgainstItsField() {
        var t = Self.valid
        t.code = "Báo cáo 6 tháng"
        t.name = "  "
        t.tasksPlanCode = t.planCode
        t.settings.issuingBody = ""
        t.settings.place = ""
        t.settings.symbol = "83/BC-BCĐ"
        t.settings.authority = ["KT. Chủ tịch", "Phó Chủ tịch", "x", "y"]
        t.settings.recipients = []
        t.settings.archive = ""
        XCTAssertEqual(t.problems().map(\.path), ["code", "name", "tasksPlan", "issuingBody", "place", "symbol", "authority", "recipients", "archive"])
        XCTAssertEqual(t.problems().first?.message, "Mã mẫu báo cáo gồm 1–60 ký tự: chữ thường không dấu, số và dấu gạch ngang.")
    }

    func testEachIssueCarriesItsOwnNumberAndDate() {
        let s = Self.valid.settings(number: nil, date: CalendarDate(2024, 7, 5))
        XCTAssertEqual(s.numberText, ".../BC-BCĐ")
        XCTAssertEqual(s.date, CalendarDate(2024, 7, 5))
        XCTAssertEqual(Self.valid.settings(number: 8, date: CalendarDate(2024, 7, 5)).numberText, "08/BC-BCĐ")
    }

    func testAnEmptiedNarrativeIsNotAnEditUntilItDiffers() {
        XCTAssertFalse(ReportNarrative(unitName: "Sở Nội vụ", section: "Kết quả", text: "a").edited)
        XCTAssertTrue(ReportNarrative(unitName: "Sở Nội vụ", section: "Kết quả", text: "", submitted: "a").edited)
    }
}

final class ReportIssuerTests: XCTestCase {
    let tree = try! UnitTree([
        OrgUnit(code: "01", name: "Thành phố Hà Nội", kind: .province),
        OrgUnit(code: "01-SNV", name: "Sở Nội vụ", kind: .department, parentCode: "01"),
        OrgUnit(code: "00004", name: "Phường Ba Đình", kind: .commune, parentCode: "01"),
    ])

    func testNamesAndSymbolsOfTheIssuer() {
        let commune = ReportSettings.issued(by: tree["00004"]!, in: tree, date: CalendarDate(2025, 12, 20))
        XCTAssertEqual(commune.issuingBody, "UBND phường Ba Đình")
        XCTAssertEqual(commune.parentBody, "")
        XCTAssertEqual(commune.symbol, "BC-UBND")
        XCTAssertEqual(commune.place, "Ba Đình")
        XCTAssertEqual(commune.recipients.first, "UBND thành phố Hà Nội (để b/c)")

        let department = ReportSettings.issued(by: tree["01-SNV"]!, in: tree, date: CalendarDate(2025, 12, 20))
        XCTAssertEqual(department.parentBody, "UBND thành phố Hà Nội")
        XCTAssertEqual(department.issuingBody, "Sở Nội vụ")
        XCTAssertEqual(department.symbol, "BC-SNV")
        XCTAssertEqual(department.place, "Hà Nội")

        let city = ReportSettings.issued(by: tree["01"]!, in: tree, date: CalendarDate(2025, 12, 20))
        XCTAssertEqual(city.parentBody, "UBND thành phố Hà Nội")
        XCTAssertEqual(city.symbol, "BC-BCĐ")
        XCTAssertEqual(city.recipients.last, "UBND các xã, phường", "no districts since 1/7/2025")
        XCTAssertEqual(ReportIssuer.initials("Sở Thông tin và Truyền thông"), "STTTT")
    }
}
