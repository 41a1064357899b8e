import DXCore
@testable import DXImport
import Foundation
import XCTest

/// DHIS2 files read without a database: parts put together into one value, mappings both ways,
/// places named in errors, hostile XML refused.
final class DHIS2ReaderTests: XCTestCase {
    func read(_ text: String, mapping: DHIS2Mapping = .codes, plan: String? = nil) throws -> DHIS2Read {
        try XCTUnwrap(DHIS2Reader.read(Data(text.utf8), name: "t", mapping: mapping, defaultPlan: plan))
    }

    func testPartsOfARateBecomeOneValueAndDeletedValuesAreSkipped() throws {
        let r = try read("""
        {"dataSet": "KH", "orgUnit": "339", "period": "2024Q1", "dataValues": [
          {"dataElement": "3_NUM", "value": "3787", "comment": "đủ"},
          {"dataElement": "4", "value": 12.5, "categoryOptionCombo": "default"},
          {"dataElement": "3_DEN", "value": "3798", "storedBy": "hungha"},
          {"dataElement": "10_TEXT", "value": "Đã triển khai"},
          {"dataElement": "10_JUDGEMENT", "value": "Đạt một phần"},
          {"dataElement": "9", "value": "1", "deleted": true}
        ]}
        """)
        XCTAssertEqual(r.shape, .dataValueSetJSON)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.warnings, ["dataValues[5]: bỏ qua giá trị đã xóa (deleted = true)"])
        XCTAssertEqual(r.rows.map(\.line), [1, 2, 4])
        XCTAssertEqual(r.rows[0].value, DataValue(planCode: "KH", indicatorCode: "3", unitCode: "339", periodID: "2024Q1",
                                                  numerator: 3787, denominator: 3798, comment: "đủ", author: "hungha"))
        XCTAssertEqual(r.rows[1].value.value, 12.5)
        XCTAssertEqual(r.rows[2].value.text, "Đã triển khai")
        XCTAssertEqual(r.rows[2].value.judgement, .partlyMet)
        XCTAssertEqual(r.located("Dòng 4: không có đơn vị mã 339"), "dataValues[3]: không có đơn vị mã 339")
    }

    func testErrorsNameTheDataValue() throws {
        let r = try read("""
        {"dataValues": [
          {"dataElement": "3_NUM", "period": "2024Q1", "orgUnit": "339", "value": "1"},
          {"dataElement": "3_NUM", "period": "2024Q1", "orgUnit": "339", "value": "2"},
          {"dataElement": "5", "period": "2024N9", "orgUnit": "339", "value": "2"},
          {"dataElement": "6", "period": "2024Q1", "orgUnit": "339", "categoryOptionCombo": "pq2XI5kz2BY", "value": "2"},
          {"dataElement": "7", "period": "2024Q1", "value": "2"},
          {"dataElement": "8", "period": "2024Q1", "orgUnit": "339"}
        ]}
        """, plan: "KH")
        XCTAssertEqual(r.errors, [
            "dataValues[4]: thiếu orgUnit",
            "dataValues[1]: trùng tử số của chỉ tiêu 3, đơn vị 339, kỳ 2024Q1 với dataValues[0]",
            "dataValues[2]: kỳ 9 tháng đầu năm 2024 (2024N9) là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này: hãy trao đổi số liệu theo quý, 6 tháng hoặc năm",
            "dataValues[3]: dataElement 6 với phân tổ pq2XI5kz2BY không có trong tệp ánh xạ",
            "dataValues[5]: dataElement 8 không có giá trị",
            "dataValues[0]: chỉ tiêu 3, đơn vị 339, kỳ 2024Q1: có tử số thì phải có mẫu số và ngược lại",
        ])
        XCTAssertEqual(r.rows.count, 0, "no rows once there is an error")
        XCTAssertTrue(try read("{\"dataValues\": [{\"dataElement\": \"1\", \"period\": \"2024\", \"orgUnit\": \"34\", \"value\": \"1\"}]}")
            .errors.first?.contains("không rõ kế hoạch") == true)
    }

    func testAMappingWithCategoryOptionCombosAndADXCategories() throws {
        let csv = """
        type,plan_code,code,part,dhis2,category_option_combo,adx_categories
        plan,KH,,,pBOMPrpg1QX,,
        unit,,339,,DiszpKrYNg8,,
        indicator,KH,3,numerator,fbfJHSPpUQD,pq2XI5kz2BY,RATE_PART=NUM
        indicator,KH,3,denominator,fbfJHSPpUQD,PT59n8BQbqM,RATE_PART=DEN
        """
        let (m, errors) = try DHIS2Mapping.read(Data(csv.utf8))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(m.target(plan: "KH", indicator: "3", part: .denominator), DHIS2Target(dataElement: "fbfJHSPpUQD", categoryOptionCombo: "PT59n8BQbqM", categories: ["RATE_PART": "DEN"]))
        XCTAssertEqual(m.target(plan: "KH", indicator: "4", part: .numerator).dataElement, "4_NUM", "unmapped: dxtrack's code")
        let values = [DataValue(planCode: "KH", indicatorCode: "3", unitCode: "339", periodID: "2024Q1", numerator: 1, denominator: 2)]
        let json = try DHIS2Writer.json(values, planCode: "KH", mapping: m, idScheme: "UID")
        let adx = try DHIS2Writer.adx(values, planCode: "KH", mapping: m)
        XCTAssertTrue(String(decoding: adx, as: UTF8.self).contains("<dataValue dataElement=\"fbfJHSPpUQD\" RATE_PART=\"DEN\" value=\"2\"/>"))
        for data in [json, adx] {
            let r = try XCTUnwrap(DHIS2Reader.read(data, name: "t", mapping: m))
            XCTAssertEqual(r.errors, [])
            XCTAssertEqual(r.rows.map(\.value), values)
        }
    }

    func testHostileOrForeignXMLIsRefused() throws {
        let bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE adx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <adx xmlns="urn:ihe:qrph:adx:2015"><group orgUnit="1" period="2024-01-01/P1Y" dataSet="KH"><dataValue dataElement="1" value="1"><annotation>&b;</annotation></dataValue></group></adx>
        """
        let r = try read(bomb)
        XCTAssertTrue(r.unreadable)
        XCTAssertTrue(r.errors.first?.contains("DOCTYPE") == true, "\(r.errors)")
        let utf16 = try XCTUnwrap(DHIS2Reader.read(Data("<adx/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), name: "t"))
        XCTAssertTrue(utf16.errors.first?.contains("không dùng bảng mã UTF-8") == true, "\(utf16.errors)")
        XCTAssertTrue(try read("<adx><group/></adx>").errors.first?.contains("không gian tên urn:ihe:qrph:adx:2015") == true)
        XCTAssertNil(DHIS2Reader.read(Data("period,orgUnit\n".utf8), name: "t"), "a CSV is not a DHIS2 file")
        XCTAssertNil(DHIS2Reader.read(Data("[]".utf8), name: "t"), "dxtrack's own JSON is an array")
        let outside = try read("<adx xmlns=\"urn:ihe:qrph:adx:2015\">\n<dataValue dataElement=\"1\" value=\"1\"/>\n</adx>")
        XCTAssertEqual(outside.errors, ["Dòng 2: <dataValue> nằm ngoài <group>"])
    }
}

extension DHIS2ReaderTests {
    /// The fields the format defines must have its types (found by the API fuzzer: an object
    /// for `orgUnitIdScheme` was quietly ignored).
    func testFieldsOfTheWrongTypeAreRefused() throws {
        let set = try read("{\"orgUnitIdScheme\": {}, \"dataValues\": []}")
        XCTAssertTrue(set.unreadable)
        XCTAssertEqual(set.errors, ["Trường \"orgUnitIdScheme\" của dataValueSet phải là một chuỗi ký tự."])
        let items = try read("""
        {"dataSet": "KH", "period": "2024", "orgUnit": "34", "dataValues": [
          {"dataElement": 5, "value": "1"}, {"dataElement": "5", "value": true}, {"dataElement": "6", "value": 2, "followup": "no"},
          {"dataElement": "7", "value": 2, "followup": false, "deleted": false}
        ]}
        """)
        XCTAssertFalse(items.unreadable)
        XCTAssertEqual(items.errors, [
            "dataValues[0]: trường \"dataElement\" phải là một chuỗi ký tự",
            "dataValues[1]: trường \"value\" phải là một số hoặc một chuỗi ký tự",
            "dataValues[2]: trường \"followup\" phải là true hoặc false",
        ])
    }
}
