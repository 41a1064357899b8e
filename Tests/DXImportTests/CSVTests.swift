import DXCore
import DXImport
import Foundation
import XCTest

final class CSVReaderTests: XCTestCase {
    func testRFC4180QuotingAndLineEnds() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\r\n3,,last"
        let t = try CSVReader.read(Data(text.utf8))
        XCTAssertEqual(t.delimiter, ",")
        XCTAssertEqual(t.header, ["a", "b", "c"])
        XCTAssertEqual(t.records.map(\.fields), [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", "last"]])
        XCTAssertEqual(t.records.map(\.line), [2, 3, 6])  // the quoted line break counts, the blank line is skipped
    }

    func testBOMSemicolonsAndLF() throws {
        let text = "\u{FEFF}Kỳ;Mã đơn vị;Giá trị\n2024Q2;34;\"56,25\"\n2024Q2;336;1.445.521\n"
        let t = try CSVReader.read(Data(text.utf8))
        XCTAssertEqual(t.delimiter, ";")
        XCTAssertEqual(t.header, ["Kỳ", "Mã đơn vị", "Giá trị"])
        XCTAssertEqual(t.records[1].fields, ["2024Q2", "336", "1.445.521"])
    }

    func testDelimiterDetectionIgnoresQuotedText() {
        XCTAssertEqual(CSVReader.detectDelimiter("\"a;b;c\",d,e\n"), ",")
        XCTAssertEqual(CSVReader.detectDelimiter("a;b,c;d\n1,2"), ";")
        XCTAssertEqual(CSVReader.detectDelimiter("a\tb\tc"), "\t")
        XCTAssertEqual(CSVReader.detectDelimiter("single"), ",")
    }

    func testBrokenFiles() {
        XCTAssertThrowsError(try CSVReader.read(Data("a,b\n1,\"open".utf8))) { e in
            XCTAssertEqual("\(e)", "Dòng 2: dấu ngoặc kép mở nhưng không đóng")
        }
        XCTAssertThrowsError(try CSVReader.read(Data("a,b\n\"x\"y,2".utf8))) { e in
            XCTAssertEqual((e as? CSVError)?.reason, .textAfterClosingQuote)
        }
        // Windows-1258 / Latin-1 bytes are not UTF-8.
        XCTAssertThrowsError(try CSVReader.read(Data([0x4D, 0xE3, 0x2C, 0x62, 0x0A]))) { e in
            XCTAssertEqual((e as? CSVError)?.reason, .notUTF8)
            XCTAssertTrue("\(e)".contains("CSV UTF-8"))
        }
        XCTAssertThrowsError(try CSVReader.read(Data())) { e in XCTAssertEqual((e as? CSVError)?.reason, .empty) }
        var limits = CSVReader.Limits()
        limits.maxRecords = 3
        XCTAssertThrowsError(try CSVReader.read(Data("h\n1\n2\n3\n4\n".utf8), limits: limits)) { e in
            XCTAssertEqual((e as? CSVError)?.reason, .tooManyRows(limit: 3))
        }
    }

    func testWritingEscapesAndReadsBack() throws {
        let rows = [["a", "b"], ["x, y", "say \"hi\""], ["=1+2", "two\nlines"]]
        let text = CSVReader.write(rows)
        XCTAssertTrue(text.contains("\r\n'=1+2,"), text)  // no formula injection
        let back = try CSVReader.read(Data(text.utf8))
        XCTAssertEqual(back.records.map(\.fields), [["x, y", "say \"hi\""], ["'=1+2", "two\nlines"]])
    }
}

final class DataValueCSVTests: XCTestCase {
    func testCanonicalColumnsWithVietnameseNumbers() throws {
        let csv = """
        plan_code;period;unit_code;indicator_code;numerator;denominator;value;comment
        83/KH-BCĐ;2024Q2;34;1.1;3.787;3.798;;Số liệu từ hệ thống
        83/KH-BCĐ;2024S1;336;2.3;;;56,25;
        83/KH-BCĐ;2024;336;2.4;;;1.445.521;
        """
        let r = try DataValueCSV.read(Data(csv.utf8))
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.values.count, 3)
        XCTAssertEqual(r.values[0].numerator, 3787)
        XCTAssertEqual(r.values[0].denominator, 3798)
        XCTAssertEqual(r.values[0].comment, "Số liệu từ hệ thống")
        XCTAssertEqual(r.values[0].planCode, "83/KH-BCĐ")
        XCTAssertEqual(r.values[1].value, 56.25)
        XCTAssertEqual(r.values[1].periodID, "2024S1")
        XCTAssertEqual(r.values[2].value, 1_445_521)
        XCTAssertEqual(r.rows.map(\.line), [2, 3, 4])
    }

    func testDHIS2ColumnNamesAreAliases() throws {
        let csv = """
        dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted
        1.1,202403,34,HllvX50cXC0,HllvX50cXC0,99.71,admin,2024-04-05T10:00:00.000,ok,false,
        1.2,2024Q1,34,HllvX50cXC0,HllvX50cXC0,12,admin,2024-04-05T10:00:00.000,,false,true
        """
        let r = try DataValueCSV.read(Data(csv.utf8), defaultPlanCode: "KH-2024")
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.values.count, 1)
        let v = try XCTUnwrap(r.values.first)
        XCTAssertEqual([v.indicatorCode, v.periodID, v.unitCode, v.planCode], ["1.1", "202403", "34", "KH-2024"])
        XCTAssertEqual(v.value, 99.71)
        XCTAssertEqual(v.author, "admin")
        XCTAssertEqual(r.warnings, ["Dòng 3: bỏ qua giá trị đã xóa (deleted = true)"])
    }

    func testPerRowErrorsNameRowAndColumn() throws {
        let csv = """
        Kỳ báo cáo;Mã đơn vị;Mã chỉ tiêu;Tử số;Mẫu số;Giá trị;Ghi chú
        2024Q5;34;1.1;;;5;
        2024Q2;;1.1;10;;;
        2024Q2;34;1.2;;;nhiều;
        2024Q2;34;1.3;;;;
        2024Q2;34;1.4;1;-2;;
        2024Q2;34;1.5;;;7;
        2024Q2;34;1.5;;;8;
        """
        let r = try DataValueCSV.read(Data(csv.utf8), defaultPlanCode: "P")
        let texts = r.errors.map(\.description)
        XCTAssertTrue(texts.contains { $0.hasPrefix("Dòng 2, cột 'Kỳ báo cáo': ") }, "\(texts)")
        XCTAssertTrue(texts.contains("Dòng 3, cột 'Mã đơn vị': chưa có mã đơn vị"), "\(texts)")
        XCTAssertTrue(texts.contains("Dòng 3, cột 'Mẫu số': có tử số thì phải có mẫu số và ngược lại"), "\(texts)")
        XCTAssertTrue(texts.contains("Dòng 4, cột 'Giá trị': \"nhiều\" không phải là số hợp lệ: có ký tự \"n\""), "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("Dòng 5: dòng không có số liệu") }, "\(texts)")
        XCTAssertTrue(texts.contains("Dòng 6, cột 'Mẫu số': mẫu số không được âm"), "\(texts)")
        XCTAssertTrue(texts.contains("Dòng 8: trùng chỉ tiêu, đơn vị và kỳ với dòng 7"), "\(texts)")
        XCTAssertEqual(r.values.map(\.indicatorCode), ["1.5"])
        XCTAssertFalse(r.isValid)
    }

    func testMissingColumnsAreReportedOnce() throws {
        let r = try DataValueCSV.read(Data("period,value\n2024,5\n".utf8))
        XCTAssertEqual(r.errors.map(\.description), [
            "Dòng 1: thiếu cột mã đơn vị ('unit_code' hoặc 'orgunit')",
            "Dòng 1: thiếu cột mã chỉ tiêu ('indicator_code' hoặc 'dataelement')",
            "Dòng 1: thiếu cột mã kế hoạch ('plan_code') và chưa chọn kế hoạch",
        ])
    }

    func testExportReadsBackUnchanged() throws {
        let values = [
            DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1.1", unitCode: "34", periodID: "2024Q2",
                      numerator: 3787, denominator: 3798, comment: "có dấu, \"ngoặc\""),
            DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1.2", unitCode: "34", periodID: "2024",
                      value: 1.445),
            DataValue(planCode: "83/KH-BCĐ", indicatorCode: "1.3", unitCode: "336", periodID: "2024N9",
                      value: -0.5, text: "Đạt", author: "cb01"),
        ]
        let text = DataValueCSV.write(values)
        XCTAssertTrue(text.hasPrefix("plan_code,period,unit_code,indicator_code,numerator,denominator,value,text,comment,stored_by,judgement\r\n"))
        let back = try DataValueCSV.read(Data(text.utf8))
        XCTAssertEqual(back.errors, [])
        XCTAssertEqual(back.values, values)
        XCTAssertEqual(DataValueCSV.plainNumber(1.445), "1.4450")
        XCTAssertEqual(DataValueCSV.plainNumber(1_445_521), "1445521")
        XCTAssertEqual(DataValueCSV.plainNumber(56.25), "56.25")
    }
}

final class OfficialUnitListTests: XCTestCase {
    static let dataDirectory: URL = {
        // Tests/DXImportTests → repository → its parent holds shared/data.
        let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    private func load(_ name: String) throws -> Data {
        let url = Self.dataDirectory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("\(url.path) not found")
        }
        return try Data(contentsOf: url)
    }

    func testThe2025ListHas34ProvincesAnd3321Communes() throws {
        let list = try OfficialUnitList.parse(load("units-2025.csv"))
        XCTAssertEqual(list.errors, [])
        XCTAssertEqual(list.shape, .twoLevel2025)
        XCTAssertEqual(list.provinces.count, 34)
        XCTAssertEqual(list.communes.count, 3_321)
        XCTAssertEqual(list.districts.count, 0)
        let hanoi = try XCTUnwrap(list.provinces.first { $0.code == "01" })
        XCTAssertEqual(hanoi.name, "Thành phố Hà Nội")
        XCTAssertEqual(hanoi.validFrom, CalendarDate(2025, 7, 1))
        let baDinh = try XCTUnwrap(list.communes.first { $0.code == "00004" })
        XCTAssertEqual([baDinh.name, baDinh.parentCode], ["Phường Ba Đình", "01"])
        XCTAssertEqual(list.typeNames["00004"], "Phường")
        XCTAssertEqual(Set(list.typeNames.values), ["Phường", "Xã", "Đặc khu"])
        // Parents first, every parent known: a unit tree can be built from it.
        let tree = try UnitTree(list.units)
        XCTAssertEqual(tree.roots.count, 34)
        // Parsing twice gives the same units (an import keyed on them changes nothing).
        XCTAssertEqual(try OfficialUnitList.parse(load("units-2025.csv")).units, list.units)
    }

    func testThe2024ListWithDistricts() throws {
        let list = try OfficialUnitList.parse(load("units-legacy-2024.csv"))
        XCTAssertEqual(list.errors, [])
        XCTAssertEqual(list.shape, .threeLevel2024)
        XCTAssertEqual(list.provinces.count, 63)
        XCTAssertEqual(list.districts.count, 696)
        // 10,040 rows; five island districts (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo)
        // have no commune.
        XCTAssertEqual(list.communes.count, 10_035)
        XCTAssertNotNil(list.districts.first { $0.code == "318" && $0.name == "Huyện Bạch Long Vĩ" })
        let trucBach = try XCTUnwrap(list.communes.first { $0.code == "00004" })
        XCTAssertEqual([trucBach.name, trucBach.parentCode], ["Phường Trúc Bạch", "001"])
        XCTAssertEqual(trucBach.validTo, CalendarDate(2025, 6, 30))
        XCTAssertNil(trucBach.validFrom)
        XCTAssertNoThrow(try UnitTree(list.units))
    }

    func testCodesOverlapAcrossErasButEraKeysDoNot() throws {
        let new = try OfficialUnitList.parse(load("units-2025.csv"))
        let old = try OfficialUnitList.parse(load("units-legacy-2024.csv"))
        let mapping = try UnitMapping.parse(load("unit-mapping-2024-2025.csv"))
        XCTAssertEqual(mapping.errors, [])
        let newCodes = Set(new.communes.map(\.code))
        let shared = old.communes.filter { newCodes.contains($0.code) }
        XCTAssertFalse(shared.isEmpty)  // e.g. 00004: Trúc Bạch (2024) vs Ba Đình (2025)
        let keys = Set((new.units + old.units).map(UnitEraKey.init))
        XCTAssertEqual(keys.count, new.units.count + old.units.count)
        // By code on a day, the eras do not overlap.
        let all = new.communes + old.communes
        XCTAssertEqual(all.filter { $0.code == "00004" && $0.isValid(on: CalendarDate(2024, 12, 31)) }.map(\.name), ["Phường Trúc Bạch"])
        XCTAssertEqual(all.filter { $0.code == "00004" && $0.isValid(on: CalendarDate(2025, 7, 1)) }.map(\.name), ["Phường Ba Đình"])

        XCTAssertEqual(mapping.successor(ofLegacy: "00001"), "00097")
        let withSuccessors = mapping.applyingSuccessors(to: old.communes)
        XCTAssertEqual(withSuccessors.first { $0.code == "00004" }?.successorCode, "00004")
        // Every legacy commune has a default successor that exists in 2025.
        XCTAssertTrue(withSuccessors.allSatisfy { $0.successorCode.map(newCodes.contains) == true })
    }

    func testBadListsAreReportedByRow() throws {
        let csv = """
        province_code,province_name,commune_code,commune_name,commune_type
        01,Thành phố Hà Nội,00004,Phường Ba Đình,Phường
        1,Thành phố Hà Nội,4,Phường X,Phường
        01,Hà Nội,00008,Phường Ngọc Hà,Phường
        01,Thành phố Hà Nội,00004,Phường Ba Đình,Phường
        """
        let list = try OfficialUnitList.parse(Data(csv.utf8))
        XCTAssertEqual(list.errors.map(\.line), [3, 3, 4, 5])
        XCTAssertTrue(list.errors[0].description.hasPrefix("Dòng 3, cột 'province_code': mã \"1\" phải gồm đúng 2 chữ số"))
        XCTAssertEqual(list.errors[3].description, "Dòng 5, cột 'commune_code': mã xã 00004 trùng với dòng 2")
        let noColumns = OfficialUnitList.parse(try CSVReader.read(Data("ma,ten\n1,a\n".utf8)))
        XCTAssertTrue(noColumns.errors[0].message.hasPrefix("thiếu cột 'province_code'"))
    }
}
