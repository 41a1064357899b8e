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

    /// A unit with history: one code on several rows whose validity shares no day; each row's
    /// parent code waits for every version of that code, wherever the file puts them.
    func testVersionsOfOneCodeAreReadWithTheirParentsFirst() throws {
        let r = try read("""
        code,name,kind,parent_code,valid_from,valid_to
        12595,Xã Ngự Thiên,commune,33,2025-07-01,
        12595,Xã Cộng Hòa,commune,339,,2025-06-30
        339,Huyện Hưng Hà,district,34,,2025-06-30
        33,Tỉnh Hưng Yên,province,,2025-07-01,
        34,Tỉnh Thái Bình,province,,,2025-06-30
        33,Tỉnh Hưng Yên,province,,,30/06/2025
        """)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.units.map(\.code), ["33", "34", "33", "12595", "339", "12595"])
        let placed = r.units.map { "\($0.code)@\($0.validFrom?.iso ?? "")" }
        XCTAssertLessThan(placed.firstIndex(of: "33@")!, placed.firstIndex(of: "12595@2025-07-01")!)
        XCTAssertLessThan(placed.firstIndex(of: "33@2025-07-01")!, placed.firstIndex(of: "12595@2025-07-01")!)
        XCTAssertLessThan(placed.firstIndex(of: "339@")!, placed.firstIndex(of: "12595@")!)

        let overlap = try read("""
        code,name,kind,valid_from,valid_to
        33,Tỉnh Hưng Yên,province,,2025-06-30
        33,Tỉnh Hưng Yên mới,province,2025-07-01,
        33,Tỉnh khác,province,2026-01-01,2026-12-31
        """)
        XCTAssertEqual(overlap.errors.map(\.description),
                       ["Dòng 4, cột 'valid_from': mã 33 (từ 1/1/2026 đến 31/12/2026) trùng thời gian hiệu lực với dòng 3 (từ 1/7/2025)"])
        let json = UnitCSV.versions([OrgUnit(code: "33", name: "A", kind: .province, validTo: CalendarDate(2025, 6, 30)),
                                     OrgUnit(code: "33", name: "B", kind: .province, validFrom: CalendarDate(2025, 6, 30))])
        XCTAssertEqual(json.errors, ["Mục 2: mã 33 (từ 30/6/2025) trùng thời gian hiệu lực với mục 1 (đến 30/6/2025)"])
    }
}

final class SetupCSVTests: XCTestCase {
    func testIndicatorRowsAddTargetsAndBadCellsAreNamed() throws {
        let r = SetupCSV.indicators(try CSVReader.read("""
        plan_code,code,name,measure,direction,target_year,target_level,target_comparator,target_value,target_upper
        KH,1,Tỷ lệ A,rate,,2025,,ge,80,
        KH,1,,,,2026,commune,ge,"85,5",
        KH,2,Chỉ số B,score,,,,,,
        KH,3,Chỉ số C,count,down,,,,,
        KH,4,Chỉ số D,count,,2025,,range,10,5
        KH,5,Chỉ số E,count,,năm sau,,ge,1,
        """))
        XCTAssertEqual(r.errors.map(\.description), [
            "Dòng 4, cột 'measure': \"score\" không hợp lệ (rate, count, amount, qualitative, rank)",
            "Dòng 5, cột 'direction': \"down\" không hợp lệ (higher, lower)",
            "Dòng 6, cột 'target_value': Khoảng mục tiêu năm 2025 không hợp lệ: cận dưới lớn hơn cận trên hoặc thiếu cận trên",
            "Dòng 7, cột 'target_year': năm mục tiêu \"năm sau\" phải là số nguyên",
        ])
        XCTAssertEqual(r.items.count, 0, "nothing from a file with errors")
        let good = SetupCSV.indicators(try CSVReader.read("plan_code,code,name,measure,target_year,target_level,target_comparator,target_value\nKH,1,Tỷ lệ A,rate,2025,,ge,80\nKH,1,,,2026,commune,ge,\"85,5\"\n"))
        XCTAssertEqual(good.errors, [])
        XCTAssertEqual(good.items.first?.indicator.targets.map(\.value), [80, 85.5])
        XCTAssertEqual(good.items.first?.indicator.targets.map(\.level), [.any, .commune])
    }

    func testPlansAndTasksReadBackWhatIsWritten() throws {
        let plan = Plan(code: "83/KH-BCĐ", slug: "83-kh-bcd-2024", kind: .plan, title: "Kế hoạch hoạt động của Ban Chỉ đạo năm 2024", issuerCode: "34",
                        issued: CalendarDate(2024, 3, 1), horizonFrom: 2024, horizonTo: 2024, parentCode: "02-NQ/TU",
                        pillars: [Pillar(code: "1", name: "Chính quyền số"), Pillar(code: "2", name: "Kinh tế số")])
        XCTAssertEqual(SetupCSV.plans(try CSVReader.read(SetupCSV.write([plan]))).items, [plan])
        let task = PlanTask(code: "1.2", title: "Rà soát; cập nhật danh mục", subItems: ["Bước 1: khảo sát", "- Bước 2"], pillarCode: "1",
                            leadUnitCode: "TB-STTTT", leadText: "Sở TT&TT", cooperatingUnitCodes: ["339", "TB-STP"],
                            cooperatingText: "- Các sở;\n- UBND huyện", deadline: .quarter(year: 2024, quarter: 2), deadlineText: "Quý II/2024")
        let back = SetupCSV.tasks(try CSVReader.read(SetupCSV.write(tasks: [(planCode: "83/KH-BCĐ", task: task)])))
        XCTAssertEqual(back.errors, [])
        XCTAssertEqual(back.items.first?.task, task)
        XCTAssertEqual(SetupCSV.tasks(try CSVReader.read("plan_code,code,title,deadline\nKH,1,A,cuối năm\n")).errors.map(\.description),
                       ["Dòng 2, cột 'deadline': thời hạn \"cuối năm\" không hợp lệ (2024-06-30, 2024-06, 2024Q2, 2024, ongoing, quarterly)"])
    }
}
