import DXCore
import DXImport
import XCTest

final class UnitCSVTests: XCTestCase {
    func read(_ text: String) throws -> UnitCSV.Result {
        UnitCSV.read(try CSVReader.read(text))
    }

    func testUnitsAreReadWithVietnameseHeadersAndKindsParentsFirst() throws {
        let r = try read("""
        Mã đơn vị;Tên đơn vị;Loại;Mã cấp trên;Hiệu lực đến
        12595;Xã Cộng Hòa;xã;339;30/06/2025
        339;Huyện Hưng Hà;Huyện;34;
        34;Tỉnh Thái Bình;province;;
        TB-STP;Sở Tư pháp;sở;34;
        """)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.units.map(\.code), ["34", "339", "TB-STP", "12595"])
        XCTAssertEqual(r.units.map(\.kind), [.province, .district, .department, .commune])
        XCTAssertEqual(r.units.last?.validTo, CalendarDate(2025, 6, 30))
        XCTAssertTrue(UnitCSV.matches(["Mã đơn vị", "Tên đơn vị", "Loại"]))
        XCTAssertFalse(UnitCSV.matches(["province_code", "province_name", "commune_code", "commune_name", "commune_type"]))
    }

    func testEachBadRowIsReportedWithItsLineAndColumn() throws {
        let r = try read("""
        code,name,kind,parent_code,valid_from,valid_to
        34,Tỉnh Thái Bình,tỉnh,,,
        ,Không mã,xã,34,,
        339,Huyện Hưng Hà,làng,34,,
        340,Huyện Kiến Xương,district,34,31/13/2025,
        341,Huyện Tiền Hải,district,34,2025-07-01,2025-06-30
        34,Tỉnh Thái Bình,province,,,
        """)
        XCTAssertEqual(r.errors.map(\.description), [
            "Dòng 3, cột 'code': chưa có mã đơn vị",
            "Dòng 4, cột 'kind': loại đơn vị \"làng\" không hợp lệ (province, department, district, commune, other)",
            "Dòng 5, cột 'valid_from': \"31/13/2025\" không phải là ngày (2025-07-01 hoặc 01/07/2025)",
            "Dòng 6, cột 'valid_to': ngày hết hiệu lực trước ngày bắt đầu hiệu lực",
            "Dòng 7, cột 'code': mã 34 trùng với dòng 2",
        ])
        XCTAssertEqual(try read("ma,ten\n1,a").errors.map(\.description), ["Dòng 1: thiếu cột 'kind'"])
    }

    func testWhatIsWrittenReadsBackTheSame() throws {
        let units = [
            OrgUnit(code: "34", name: "Tỉnh Thái Bình", kind: .province, validTo: CalendarDate(2025, 6, 30), successorCode: "33"),
            OrgUnit(code: "339", name: "Huyện Hưng Hà, \"cũ\"", kind: .district, parentCode: "34"),
        ]
        let text = UnitCSV.write(units)
        XCTAssertTrue(text.hasPrefix("\u{FEFF}code,name,kind,parent_code"))
        let back = try read(text)
        XCTAssertEqual(back.errors, [])
        XCTAssertEqual(back.units, units)
    }
}
