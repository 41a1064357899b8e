import DXCore
import DXTestSupport
import Foundation
import XCTest

/// `dxtrack export values --format dhis2-json|adx` and `dxtrack import values` of DHIS2 files
/// (issue 19.3), on both databases: round trips into an empty database with and without a
/// mapping, files shaped like DHIS2's documented examples, bad files refused with the place
/// named and nothing written, periods DHIS2 has no type for refused.
final class DHIS2TransferTests: XCTestCase {
    let plan = "KH-CĐS-2024"
    var dir = URL(fileURLWithPath: "/")

    override func setUp() async throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-dhis2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    func ok(_ args: [String], _ message: String = "") throws -> CLI.Run {
        let r = try CLI.run(args)
        XCTAssertEqual(r.status, 0, "\(args.joined(separator: " ")) \(message): \(r.err)")
        return r
    }

    /// A plan's stored values keyed by indicator, unit and period, without the time of writing.
    func stored(_ db: String, plan: String? = nil) throws -> [String: DataValue] {
        let r = try ok(["export", "values", "--format", "json", "--plan", plan ?? self.plan, "--db", db])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return Dictionary(try decoder.decode([DataValue].self, from: Data(r.out.utf8)).map { v in
            var v = v
            v.updatedAt = nil
            return ("\(v.indicatorCode)/\(v.unitCode)/\(v.periodID)", v)
        }, uniquingKeysWith: { a, _ in a })
    }

    /// A demo database as the source, and an empty one of each engine with the demo's units and
    /// plans but no figures as the target.
    func source() throws -> String {
        let db = "sqlite:" + path("source.sqlite")
        // The demo after the reform: the units file holds every version (33 twice, 12595 twice),
        // parents first, and the links between them travel beside it.
        _ = try ok(["demo", "--db", db])
        _ = try ok(["export", "units", "--format", "json", "--out", path("units.json"), "--db", db])
        _ = try ok(["export", "unit-links", "--out", path("links.csv"), "--db", db])
        _ = try ok(["export", "plans", "--format", "json", "--out", path("plans.json"), "--db", db])
        return db
    }

    func emptyTarget(_ db: String) throws {
        _ = try ok(["import", "units", path("units.json"), "--db", db])
        _ = try ok(["import", "unit-links", path("links.csv"), "--db", db])
        _ = try ok(["import", "plans", path("plans.json"), "--db", db])
        XCTAssertEqual(try stored(db).count, 0)
    }

    func testJSONAndADXRoundTripIntoAnEmptyDatabase() async throws {
        let src = try source()
        let expected = try stored(src)
        XCTAssertTrue(expected.values.contains { $0.numerator != nil } && expected.values.contains { $0.text != nil }
                      && expected.values.contains { $0.comment != nil }, "rates, texts and comments travel")
        _ = try ok(["export", "values", "--format", "dhis2-json", "--plan", plan, "--include-unsubmitted", "--out", path("dvs.json"), "--db", src])
        _ = try ok(["export", "values", "--format", "adx", "--plan", plan, "--include-unsubmitted", "--out", path("dvs.adx"), "--db", src])

        // The shapes DHIS2 documents: a dataValueSet with a dataSet and code identifiers, rates
        // as two data elements; ADX groups with start/duration periods.
        let set = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("dvs.json")))) as? [String: Any])
        XCTAssertEqual(set["dataSet"] as? String, plan)
        XCTAssertEqual(set["idScheme"] as? String, "CODE")
        let dvs = try XCTUnwrap(set["dataValues"] as? [[String: Any]])
        XCTAssertTrue(dvs.contains { $0["dataElement"] as? String == "3_NUM" && $0["orgUnit"] as? String == "339" && $0["period"] as? String == "2024" && $0["value"] as? String == "3787" })
        XCTAssertTrue(dvs.contains { $0["dataElement"] as? String == "3_DEN" && $0["value"] as? String == "3798" })
        let adx = try String(contentsOfFile: path("dvs.adx"), encoding: .utf8)
        XCTAssertTrue(adx.contains("<adx xmlns=\"urn:ihe:qrph:adx:2015\""), adx)
        XCTAssertTrue(adx.contains("<group orgUnit=\"339\" period=\"2024-01-01/P1Y\" dataSet=\"\(plan)\">"), adx)
        XCTAssertTrue(adx.contains("period=\"2024-01-01/P6M\""), adx)
        XCTAssertTrue(adx.contains("<dataValue dataElement=\"3_NUM\" value=\"3787\""), adx)

        for db in try await CLI.databases() {
            try emptyTarget(db)
            let j = try ok(["import", "values", path("dvs.json"), "--db", db])
            XCTAssertEqual(j.out, "Số liệu (DHIS2 dataValueSets JSON): \(VNNumber.format(Double(expected.count))) thêm mới, 0 cập nhật, 0 không đổi.\n")
            XCTAssertEqual(try stored(db), expected, db)
            // The ADX file carries exactly the same values: nothing changes.
            let a = try ok(["import", "values", path("dvs.adx"), "--db", db])
            XCTAssertEqual(a.out, "Số liệu (ADX): 0 thêm mới, 0 cập nhật, \(VNNumber.format(Double(expected.count))) không đổi.\n")
            // Exported again from the target, the files say the same (but for when the values were written).
            _ = try ok(["export", "values", "--format", "adx", "--plan", plan, "--out", path("again.adx"), "--db", db])
            func withoutTime(_ s: String) -> String { s.split(separator: "\n").filter { !$0.hasPrefix("<adx ") }.joined(separator: "\n") }
            XCTAssertEqual(withoutTime(try String(contentsOfFile: path("again.adx"), encoding: .utf8)), withoutTime(adx), db)
        }
        // An empty target on SQLite from the ADX file alone.
        let fresh = "sqlite:" + path("fresh.sqlite")
        try emptyTarget(fresh)
        _ = try ok(["import", "values", path("dvs.adx"), "--db", fresh])
        XCTAssertEqual(try stored(fresh), expected)
    }

    /// A code reused across the reform names two units, so two DHIS2 organisation units: the
    /// mapping gives each its openingDate/closedDate, a value goes to the one open at its
    /// period's end, and the round trip keeps the old Cộng Hòa's 2024 figures apart from the new
    /// Ngự Thiên's 2025 ones (both 12595).
    func testAReusedCodeIsTwoOrganisationUnitsWithTheirDates() async throws {
        let src = try source()
        let nq = "02-NQ/TU"
        let expected = try stored(src, plan: nq)
        XCTAssertNotNil(expected["1.2/12595/2024S2"])
        XCTAssertNotNil(expected["1.2/12595/2025S2"])
        let mapping = try write("reform.csv", """
        type,code,dhis2,opening_date,closed_date
        unit,12595,CongHoaOld1,,2025-06-30T00:00:00.000
        unit,12595,NguThienNw1,2025-07-01,
        """)
        _ = try ok(["export", "values", "--format", "dhis2-json", "--plan", nq, "--include-unsubmitted", "--mapping", mapping,
                    "--out", path("reform.json"), "--db", src])
        _ = try ok(["export", "values", "--format", "dhis2-json", "--plan", nq, "--include-unsubmitted", "--out", path("codes.json"), "--db", src])
        let set = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("reform.json")))) as? [String: Any])
        let dvs = try XCTUnwrap(set["dataValues"] as? [[String: Any]])
        let periods = { (ou: String) in Set(dvs.filter { $0["orgUnit"] as? String == ou }.compactMap { $0["period"] as? String }) }
        XCTAssertEqual(periods("CongHoaOld1"), ["2024S2"])
        XCTAssertTrue(periods("NguThienNw1").contains("2025S2") && !periods("NguThienNw1").contains("2024S2"), "\(periods("NguThienNw1"))")
        XCTAssertTrue(periods("12595").isEmpty)
        for db in try await CLI.databases() {
            try emptyTarget(db)
            _ = try ok(["import", "values", path("reform.json"), "--mapping", mapping, "--db", db])
            XCTAssertEqual(try stored(db, plan: nq), expected, db)
            // Without a mapping the code travels, and each period's value finds the unit valid then.
            let again = try ok(["import", "values", path("codes.json"), "--db", db])
            XCTAssertTrue(again.out.hasSuffix(" 0 thêm mới, 0 cập nhật, \(VNNumber.format(Double(expected.count))) không đổi.\n"), again.out)
            // A 2025 value sent to the organisation unit closed on 30/6/2025: refused, nothing written.
            let late = try write("late.json", "{\"dataSet\": \"\(nq)\", \"dataValues\": [{\"dataElement\": \"1.2_NUM\", \"period\": \"2025S2\", \"orgUnit\": \"CongHoaOld1\", \"value\": \"1\"}, {\"dataElement\": \"1.2_DEN\", \"period\": \"2025S2\", \"orgUnit\": \"CongHoaOld1\", \"value\": \"2\"}]}")
            let r = try CLI.run(["import", "values", late, "--mapping", mapping, "--db", db])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.err.contains("orgUnit CongHoaOld1 là đơn vị 12595 đến 30/6/2025 theo tệp ánh xạ, không có hiệu lực ngày 31/12/2025 (cuối kỳ)"), r.err)
            XCTAssertEqual(try stored(db, plan: nq), expected, db)
        }
        let overlapping = try write("overlap.csv", "type,code,dhis2,opening_date,closed_date\nunit,12595,A,,2025-06-30\nunit,12595,B,2025-06-01,\nunit,33,C,1/7/2025,hôm qua\n")
        let bad = try CLI.run(["import", "values", path("reform.json"), "--mapping", overlapping, "--db", "sqlite:" + path("x.sqlite")])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("Dòng 3 của tệp ánh xạ: đơn vị 12595 (từ 1/6/2025) trùng thời gian với dòng 2 (đến 30/6/2025)"), bad.err)
        XCTAssertTrue(bad.err.contains("Dòng 4 của tệp ánh xạ: closed_date \"hôm qua\" không phải là ngày"), bad.err)
    }

    func testAMappingTranslatesEveryIdentifierBothWays() async throws {
        let src = try source()
        let expected = try stored(src)
        let mapping = try write("mapping.csv", """
        type,plan_code,code,part,dhis2,category_option_combo,adx_categories
        plan,\(plan),,,pBOMPrpg1QX,,
        unit,,34,,ImspTQPwCqd,,
        unit,,339,,DiszpKrYNg8,,
        indicator,\(plan),3,numerator,fbfJHSPpUQD,pq2XI5kz2BY,RATE_PART=NUM
        indicator,\(plan),3,denominator,fbfJHSPpUQD,PT59n8BQbqM,RATE_PART=DEN
        indicator,,16,numerator,cYeuwXTCPkU,,
        indicator,,16,denominator,Jtf34kNZhzP,,
        indicator,\(plan),1,value,s46m5MS0hxu,,
        indicator,\(plan),1,text,x3Do5e7g4Qo,,
        """)
        _ = try ok(["export", "values", "--format", "dhis2-json", "--plan", plan, "--include-unsubmitted", "--mapping", mapping,
                    "--id-scheme", "uid", "--out", path("mapped.json"), "--db", src])
        _ = try ok(["export", "values", "--format", "adx", "--plan", plan, "--include-unsubmitted", "--mapping", mapping,
                    "--out", path("mapped.adx"), "--db", src])
        let set = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("mapped.json")))) as? [String: Any])
        XCTAssertEqual(set["dataSet"] as? String, "pBOMPrpg1QX")
        XCTAssertEqual(set["dataElementIdScheme"] as? String, "UID")
        let dvs = try XCTUnwrap(set["dataValues"] as? [[String: Any]])
        let orgUnits = Set(dvs.compactMap { $0["orgUnit"] as? String })
        XCTAssertTrue(orgUnits.isSuperset(of: ["ImspTQPwCqd", "DiszpKrYNg8"]) && orgUnits.isDisjoint(with: ["34", "339"]), "\(orgUnits)")
        XCTAssertTrue(orgUnits.contains("TB-CA"), "a unit the mapping does not name keeps its code")
        XCTAssertTrue(dvs.contains { $0["dataElement"] as? String == "fbfJHSPpUQD" && $0["categoryOptionCombo"] as? String == "PT59n8BQbqM" && $0["value"] as? String == "3798" })
        XCTAssertTrue(dvs.contains { $0["dataElement"] as? String == "cYeuwXTCPkU" && $0["value"] as? String == "286" })
        XCTAssertTrue(dvs.contains { $0["dataElement"] as? String == "x3Do5e7g4Qo" })
        XCTAssertFalse(dvs.contains { $0["dataElement"] as? String == "3_NUM" })
        let adx = try String(contentsOfFile: path("mapped.adx"), encoding: .utf8)
        XCTAssertTrue(adx.contains("<dataValue dataElement=\"fbfJHSPpUQD\" RATE_PART=\"NUM\" value=\"3787\""), adx)
        XCTAssertTrue(adx.contains("dataSet=\"pBOMPrpg1QX\""), adx)

        for db in try await CLI.databases() {
            try emptyTarget(db)
            _ = try ok(["import", "values", path("mapped.adx"), "--mapping", mapping, "--db", db])
            XCTAssertEqual(try stored(db), expected, db)
            let j = try ok(["import", "values", path("mapped.json"), "--mapping", mapping, "--db", db])
            XCTAssertTrue(j.out.hasSuffix(" 0 thêm mới, 0 cập nhật, \(VNNumber.format(Double(expected.count))) không đổi.\n"), j.out)
            // Without the mapping the UIDs mean nothing to dxtrack: refused, nothing written.
            let without = try CLI.run(["import", "values", path("mapped.json"), "--db", db])
            XCTAssertEqual(without.status, 1)
            XCTAssertTrue(without.err.contains("dataElement fbfJHSPpUQD với phân tổ pq2XI5kz2BY không có trong tệp ánh xạ"), without.err)
        }
        // A broken mapping is refused with its line.
        let bad = try write("bad-mapping.csv", "type,code,part,dhis2\nindicator,3,tuso,abc\nunit,34,,X\nunit,339,,X\n")
        let r = try CLI.run(["import", "values", path("mapped.json"), "--mapping", bad, "--db", "sqlite:" + path("x.sqlite")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("Dòng 2 của tệp ánh xạ: thành phần \"tuso\" không hợp lệ"), r.err)
        XCTAssertTrue(r.err.contains("Dòng 4 của tệp ánh xạ: orgUnit X đã có ở dòng 3"), r.err)
    }

    /// Files written as DHIS2's documentation shows them (dataValueSets with the set's period,
    /// orgUnit, completeDate and attributeOptionCombo, the default combination's UID; ADX with
    /// its schema location, exported time, completeDate and an empty annotation).
    func testFilesShapedLikeDHIS2sDocumentedExamples() async throws {
        let json = try write("dhis2.json", """
        {
          "dataSet": "\(plan)",
          "completeDate": "2024-07-05",
          "period": "2024S1",
          "orgUnit": "339",
          "attributeOptionCombo": "HllvX50cXC0",
          "dataValues": [
            { "dataElement": "16_NUM", "categoryOptionCombo": "HllvX50cXC0", "value": "250", "comment": "comment1" },
            { "dataElement": "16_DEN", "categoryOptionCombo": "HllvX50cXC0", "value": "286" },
            { "dataElement": "2", "value": 75.5, "storedBy": "dhis2-admin", "lastUpdated": "2024-07-05T10:00:00.000" },
            { "dataElement": "5", "period": "2024Q2", "orgUnit": "338", "value": "12", "followup": false }
          ]
        }
        """)
        let adx = try write("dhis2.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <adx xmlns="urn:ihe:qrph:adx:2015" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="urn:ihe:qrph:adx:2015 ../schema/adx_loose.xsd" exported="2024-07-08T19:30:00Z">
          <group orgUnit="338" period="2024-01-01/P3M" completeDate="2024-04-10" dataSet="\(plan)">
            <dataValue dataElement="16_NUM" value="40"/>
            <dataValue dataElement="16_DEN" value="50">
              <annotation/>
            </dataValue>
            <dataValue dataElement="1_TEXT"><annotation>Đã triển khai ở 40/50 xã</annotation></dataValue>
          </group>
          <group orgUnit="338" period="2024-01-01/P1M" dataSet="\(plan)">
            <dataValue dataElement="2" value="3.25"><annotation>ước tính</annotation></dataValue>
          </group>
        </adx>
        """)
        for db in try await CLI.databases() {
            _ = try ok(["demo", "--db", db])
            let j = try ok(["import", "values", json, "--db", db])
            XCTAssertEqual(j.out, "Số liệu (DHIS2 dataValueSets JSON): 3 thêm mới, 0 cập nhật, 0 không đổi.\n")
            let a = try ok(["import", "values", adx, "--db", db])
            XCTAssertEqual(a.out, "Số liệu (ADX): 3 thêm mới, 0 cập nhật, 0 không đổi.\n")
            let s = try stored(db)
            XCTAssertEqual(s["16/339/2024S1"], DataValue(planCode: plan, indicatorCode: "16", unitCode: "339", periodID: "2024S1",
                                                        numerator: 250, denominator: 286, comment: "comment1"))
            XCTAssertEqual(s["2/339/2024S1"]?.value, 75.5)
            XCTAssertEqual(s["2/339/2024S1"]?.author, "dhis2-admin")
            XCTAssertEqual(s["5/338/2024Q2"]?.value, 12)
            XCTAssertEqual(s["16/338/2024Q1"]?.numerator, 40)
            XCTAssertEqual(s["16/338/2024Q1"]?.denominator, 50)
            XCTAssertEqual(s["1/338/2024Q1"]?.text, "Đã triển khai ở 40/50 xã")
            XCTAssertEqual(s["2/338/202401"]?.value, 3.25)
            XCTAssertEqual(s["2/338/202401"]?.comment, "ước tính")
        }
    }

    func testBadFilesAreRefusedWithThePlaceNamedAndNothingWritten() async throws {
        let adxHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<adx xmlns=\"urn:ihe:qrph:adx:2015\">\n"
        func jsonSet(_ values: String) -> String {
            "{\"dataSet\": \"\(plan)\", \"period\": \"2024S1\", \"orgUnit\": \"338\", \"dataValues\": [{\"dataElement\": \"5\", \"value\": \"7\"}, \(values)]}"
        }
        let cases: [(String, String, String)] = [
            ("don-vi.json", jsonSet("{\"dataElement\": \"16_NUM\", \"orgUnit\": \"99999\", \"value\": \"1\"}, {\"dataElement\": \"16_DEN\", \"orgUnit\": \"99999\", \"value\": \"2\"}"),
             "dataValues[1]: Số liệu \(plan) / 16 / 99999 / 2024S1: không có đơn vị mã 99999"),
            ("chi-tieu.json", jsonSet("{\"dataElement\": \"99\", \"value\": \"1\"}"),
             "dataValues[1]: Số liệu \(plan) / 99 / 338 / 2024S1: kế hoạch \(plan) không có chỉ tiêu 99"),
            ("ky.json", jsonSet("{\"dataElement\": \"2\", \"period\": \"2024Q5\", \"value\": \"1\"}"),
             "dataValues[1]: mã kỳ \"2024Q5\" không phải kỳ DHIS2"),
            ("chin-thang.json", jsonSet("{\"dataElement\": \"2\", \"period\": \"2024N9\", \"value\": \"1\"}"),
             "dataValues[1]: kỳ 9 tháng đầu năm 2024 (2024N9) là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này"),
            ("so.json", jsonSet("{\"dataElement\": \"2\", \"value\": \"mười\"}"),
             "dataValues[1]: giá trị \"mười\" của dataElement 2 không phải là số"),
            ("tu-so.json", jsonSet("{\"dataElement\": \"16_NUM\", \"value\": \"3\"}"),
             "dataValues[1]: chỉ tiêu 16, đơn vị 338, kỳ 2024S1: có tử số thì phải có mẫu số và ngược lại"),
            ("hong.json", "{\"dataValues\": [{\"dataElement\": \"5\", ", "không phải JSON hợp lệ"),
            ("khong-phai.json", "{\"rows\": []}", "không có mảng \"dataValues\""),
            ("don-vi.xml", adxHead + "<group orgUnit=\"338\" period=\"2024-01-01/P6M\" dataSet=\"\(plan)\">\n<dataValue dataElement=\"5\" value=\"7\"/>\n</group>\n<group orgUnit=\"99999\" period=\"2024-01-01/P6M\" dataSet=\"\(plan)\">\n<dataValue dataElement=\"5\" value=\"7\"/>\n</group>\n</adx>\n",
             "Dòng 7: Số liệu \(plan) / 5 / 99999 / 2024S1: không có đơn vị mã 99999"),
            ("chin-thang.xml", adxHead + "<group orgUnit=\"338\" period=\"2024-01-01/P6M\" dataSet=\"\(plan)\">\n<dataValue dataElement=\"5\" value=\"7\"/>\n</group>\n<group orgUnit=\"338\" period=\"2024-01-01/P9M\" dataSet=\"\(plan)\">\n<dataValue dataElement=\"5\" value=\"7\"/>\n</group>\n</adx>\n",
             "Dòng 7: kỳ 9 tháng đầu năm 2024 (2024N9) là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này"),
            ("hong.xml", adxHead + "<group orgUnit=\"338\" period=\"2024-01-01/P6M\" dataSet=\"\(plan)\">\n<dataValue dataElement=\"5\" value=\"7\">\n</group>\n</adx>\n",
             "có lỗi cấu trúc XML ở dòng"),
            ("doctype.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE adx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group orgUnit=\"338\" period=\"2024-01-01/P6M\" dataSet=\"\(plan)\"><dataValue dataElement=\"5\" value=\"7\"><annotation>&x;</annotation></dataValue></group></adx>",
             "có khai báo DOCTYPE hoặc ENTITY"),
            ("khong-adx.xml", "<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\"/>", "phần tử gốc là <dataValueSet>"),
        ]
        for db in try await CLI.databases() {
            _ = try ok(["demo", "--db", db])
            let before = try stored(db)
            for (name, text, expected) in cases {
                let r = try CLI.run(["import", "values", try write(name, text), "--db", db])
                XCTAssertEqual(r.status, 1, name)
                XCTAssertTrue(r.err.contains(expected), "\(name): \(r.err)")
                XCTAssertTrue(r.err.contains("không nhập gì"), "\(name): \(r.err)")
            }
            XCTAssertEqual(try stored(db), before, "nothing written, not even the good first value (\(db))")
        }
    }

    /// Export: only figures that count by default (Hưng Hà's 2024 report is a draft in the demo
    /// round), and periods DHIS2 has no type for refused in Vietnamese.
    func testExportRespectsDataStatusAndRefusesNineMonths() async throws {
        for db in try await CLI.databases() {
            _ = try ok(["demo", "--db", db])
            let counted = try ok(["export", "values", "--format", "dhis2-json", "--plan", plan, "--db", db]).out
            let all = try ok(["export", "values", "--format", "dhis2-json", "--plan", plan, "--include-unsubmitted", "--db", db]).out
            XCTAssertFalse(counted.contains("\"3787\""), "the draft's figures are left out")
            XCTAssertTrue(all.contains("\"3787\""))
            let s1 = try ok(["export", "values", "--format", "adx", "--plan", plan, "--period", "2024S1", "--db", db]).out
            XCTAssertFalse(s1.contains("P1Y"), s1)
            XCTAssertTrue(s1.contains("period=\"2024-01-01/P6M\""), s1)

            let nine = try CLI.run(["export", "values", "--format", "adx", "--plan", plan, "--period", "2024N9", "--db", db])
            XCTAssertEqual(nine.status, 1)
            XCTAssertTrue(nine.err.contains("2024N9) là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này"), nine.err)
            let csv = try write("n9.csv", "period,unit_code,indicator_code,value\n2024N9,338,5,4\n")
            _ = try ok(["import", "values", csv, "--plan", plan, "--db", db])
            let refused = try CLI.run(["export", "values", "--format", "dhis2-json", "--plan", plan, "--db", db])
            XCTAssertEqual(refused.status, 1)
            XCTAssertTrue(refused.err.contains("Không xuất được cho DHIS2: kỳ 9 tháng đầu năm 2024 (2024N9)"), refused.err)
            XCTAssertTrue(refused.err.contains("--period"), refused.err)
            XCTAssertEqual(try CLI.run(["export", "plans", "--format", "adx", "--db", db]).status, 1)
        }
    }
}
