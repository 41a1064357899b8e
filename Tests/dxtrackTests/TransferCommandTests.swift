import DXTestSupport
import Foundation
import XCTest

/// `dxtrack import` and `dxtrack export` on both databases: export writes what import reads,
/// a dry run writes nothing, one bad row and nothing is written.
final class TransferCommandTests: XCTestCase {
    static let sharedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-transfer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func testExportWritesWhatImportReadsBackUnchanged() async throws {
        let dir = try scratch()
        for db in try await CLI.databases() {
            // The demo after the reform: units with several versions of a code, and their links.
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            for (kind, format) in [("units", "csv"), ("units", "json"), ("unit-links", "csv"), ("values", "csv"), ("values", "json"), ("plans", "csv"), ("plans", "json"),
                                   ("indicators", "csv"), ("indicators", "json"), ("tasks", "csv"), ("tasks", "json")] {
                let file = dir.appendingPathComponent("\(kind).\(format)").path
                let export = try CLI.run(["export", kind, "--format", format, "--out", file, "--db", db])
                XCTAssertEqual(export.status, 0, export.err)
                let back = try CLI.run(["import", kind, file, "--db", db])
                XCTAssertEqual(back.status, 0, "\(kind) \(format): \(back.err)")
                XCTAssertTrue(back.out.contains(": 0 thêm mới, 0 cập nhật,"), "\(kind) \(format): \(back.out)")
            }
            let values = try CLI.run(["export", "values", "--plan", "KH-CĐS-2024", "--db", db]).out
            XCTAssertTrue(values.hasPrefix("\u{FEFF}plan_code,period,unit_code,indicator_code,numerator,denominator,value,text,comment,stored_by,judgement"))
            XCTAssertTrue(values.contains("KH-CĐS-2024,2024,339,16,286,286,"), "Hưng Hà's seed figure")
        }
    }

    func testADryRunSaysWhatWouldChangeAndWritesNothing() async throws {
        let dir = try scratch()
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let file = dir.appendingPathComponent("so-lieu.csv")
            try """
            ky;ma don vi;ma chi tieu;tu so;mau so;ghi chu
            2024;339;16;280;286;sửa số liệu
            2024;338;16;"10";40;mới
            """.write(to: file, atomically: true, encoding: .utf8)
            let before = try CLI.run(["export", "values", "--db", db]).out
            let dry = try CLI.run(["import", "values", file.path, "--plan", "KH-CĐS-2024", "--dry-run", "--db", db])
            XCTAssertEqual(dry.status, 0, dry.err)
            XCTAssertEqual(dry.out, "Số liệu: 1 thêm mới, 1 cập nhật, 0 không đổi.\nChạy thử: chưa ghi gì vào cơ sở dữ liệu.\n")
            XCTAssertEqual(try CLI.run(["export", "values", "--db", db]).out, before)
            let real = try CLI.run(["import", "values", file.path, "--plan", "KH-CĐS-2024", "--db", db])
            XCTAssertEqual(real.out, "Số liệu: 1 thêm mới, 1 cập nhật, 0 không đổi.\n")
            XCTAssertTrue(try CLI.run(["export", "values", "--db", db]).out.contains("KH-CĐS-2024,2024,339,16,280,286,,,sửa số liệu,"))
        }
    }

    func testOneBadRowAndNothingIsWritten() async throws {
        let dir = try scratch()
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let before = try CLI.run(["export", "values", "--db", db]).out
            let file = dir.appendingPathComponent("loi.csv")
            try """
            plan_code,period,orgUnit,dataElement,value,comment
            KH-CĐS-2024,2024,338,16,12,đúng
            KH-CĐS-2024,2024,99999,16,12,
            KH-CĐS-2024,2024,338,99,12,
            KH-CĐS-2024,2024,338,1,-5,
            """.write(to: file, atomically: true, encoding: .utf8)
            let r = try CLI.run(["import", "values", file.path, "--db", db])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.err.contains("Dòng 3: Số liệu KH-CĐS-2024 / 16 / 99999 / 2024: không có đơn vị mã 99999"), r.err)
            XCTAssertTrue(r.err.contains("Dòng 4: "), r.err)
            XCTAssertTrue(r.err.hasSuffix("Lỗi: \(file.path): 3 lỗi, không nhập gì.\n") || r.err.contains("lỗi, không nhập gì."), r.err)
            XCTAssertEqual(try CLI.run(["export", "values", "--db", db]).out, before, "the good row was not written either")

            let parse = dir.appendingPathComponent("hong.csv")
            try "period,unit_code,indicator_code,value\n2024X,338,16,mười\n".write(to: parse, atomically: true, encoding: .utf8)
            let p = try CLI.run(["import", "values", parse.path, "--plan", "KH-CĐS-2024", "--db", db])
            XCTAssertEqual(p.status, 1)
            XCTAssertTrue(p.err.contains("Dòng 2, cột 'period'"), p.err)
            XCTAssertTrue(p.err.contains("Dòng 2, cột 'value'"), p.err)

            let json = dir.appendingPathComponent("x.json")
            try "{\"not\": \"a list\"}".write(to: json, atomically: true, encoding: .utf8)
            let j = try CLI.run(["import", "units", json.path, "--db", db])
            XCTAssertEqual(j.status, 1)
            XCTAssertTrue(j.err.hasPrefix("Lỗi: Tệp \(json.path) không phải JSON hợp lệ của đơn vị"), j.err)
            XCTAssertEqual(try CLI.run(["import", "units", dir.appendingPathComponent("khong-co.csv").path, "--db", db]).err,
                           "Lỗi: Không đọc được tệp \(dir.appendingPathComponent("khong-co.csv").path).\n")
        }
    }

    func testUnitsFromOurCSVAreCreatedThenUpdated() async throws {
        let dir = try scratch()
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
            let file = dir.appendingPathComponent("don-vi.csv")
            try "code,name,kind,parent_code\nTB-TTCDS,Trung tâm Chuyển đổi số tỉnh,sở,34\nTB-STP,Sở Tư pháp tỉnh Thái Bình,department,34\n"
                .write(to: file, atomically: true, encoding: .utf8)
            let r = try CLI.run(["import", "units", file.path, "--db", db])
            XCTAssertEqual(r.out, "Đơn vị: 1 thêm mới, 1 cập nhật, 0 không đổi.\n", r.err)
            XCTAssertTrue(try CLI.run(["export", "units", "--db", db]).out.contains("TB-TTCDS,Trung tâm Chuyển đổi số tỉnh,department,34,,,"))
            let orphan = dir.appendingPathComponent("mo-coi.csv")
            try "code,name,kind,parent_code\nX1,Xã Mồ Côi,xã,404\n".write(to: orphan, atomically: true, encoding: .utf8)
            let o = try CLI.run(["import", "units", orphan.path, "--db", db])
            XCTAssertEqual(o.status, 1)
            XCTAssertTrue(o.err.contains("Đơn vị X1: đơn vị cấp trên 404 không tồn tại"), o.err)
        }
    }

    func testAProvinceIsSetUpFromCSVFilesAndEvaluated() async throws {
        let dir = try scratch()
        func file(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let units = try file("don-vi.csv", """
        Mã đơn vị;Tên đơn vị;Loại;Mã cấp trên
        01;Thành phố Hà Nội;tỉnh;
        HN-STTTT;Sở Thông tin và Truyền thông;sở;01
        001;Quận Ba Đình;huyện;01
        002;Quận Hoàn Kiếm;huyện;01
        """)
        let plans = try file("ke-hoach.csv", """
        code,kind,title,issuer_code,issued,horizon_from,horizon_to,pillars
        KH-01/2025,plan,Kế hoạch chuyển đổi số năm 2025,01,15/01/2025,2025,2025,1: Chính quyền số; 2: Xã hội số
        """)
        let indicators = try file("chi-tieu.csv", """
        plan_code,code,name,pillar,measure,unit_of_measure,aggregation,temporal,target_year,target_level,target_comparator,target_value,target_text
        KH-01/2025,1,Tỷ lệ hồ sơ trực tuyến toàn trình,1,rate,%,sum,flow,2025,any,ge,80,Đạt từ 80% trở lên
        KH-01/2025,1,,,,,,,2025,district,ge,70,Cấp huyện đạt từ 70%
        KH-01/2025,2,Số điểm truy cập Internet công cộng,2,count,điểm,sum,stock,2025,any,ge,10,10 điểm
        """)
        let tasks = try file("nhiem-vu.csv", """
        plan_code,code,title,pillar,lead_unit,cooperating_units,deadline,sub_items
        KH-01/2025,1,Xây dựng kho dữ liệu dùng chung,1,HN-STTTT,001; 002,2025-06,"Khảo sát hiện trạng
        Triển khai kho dữ liệu"
        """)
        let values = try file("so-lieu.csv", """
        plan_code;period;unit_code;indicator_code;numerator;denominator;value
        KH-01/2025;2025S1;001;1;450;500;
        KH-01/2025;2025S1;002;1;300;500;
        KH-01/2025;2025S1;01;2;;;12
        """)
        for db in try await CLI.databases() {
            for (kind, path, summary) in [("units", units, "Đơn vị: 4 thêm mới"), ("plans", plans, "Kế hoạch: 1 thêm mới"),
                                          ("indicators", indicators, "Chỉ tiêu: 2 thêm mới"), ("tasks", tasks, "Nhiệm vụ: 1 thêm mới"),
                                          ("values", values, "Số liệu: 3 thêm mới")] {
                let r = try CLI.run(["import", kind, path, "--db", db])
                XCTAssertEqual(r.status, 0, "\(kind): \(r.err)")
                XCTAssertTrue(r.out.hasPrefix(summary), "\(kind): \(r.out)")
            }
            let exported = try CLI.run(["export", "tasks", "--plan", "KH-01/2025", "--db", db]).out
            XCTAssertTrue(exported.contains("KH-01/2025,1,Xây dựng kho dữ liệu dùng chung,1,HN-STTTT,,001; 002,,2025-06,,\"Khảo sát hiện trạng\nTriển khai kho dữ liệu\","), exported)
            let e = try CLI.run(["evaluate", "--plan", "KH-01/2025", "--period", "2025S1", "--db", db])
            XCTAssertEqual(e.status, 0, e.err)
            // (450 + 300) / (500 + 500) = 75% against 80%: not met; 12 points against 10: met.
            XCTAssertTrue(e.out.contains("01/02"), e.out)
            XCTAssertTrue(e.out.contains("75%"), e.out)
        }
    }

    /// Needs the official lists next to the checkout (`../shared/data`); skipped without them.
    func testThe2025ListGives34ProvincesAnd3321CommunesOnceAndRefusesReusedCodes() async throws {
        let list = Self.sharedData.appendingPathComponent("units-2025.csv")
        guard FileManager.default.fileExists(atPath: list.path) else { throw XCTSkip("no \(list.path)") }
        for db in try await CLI.databases() {
            let dry = try CLI.run(["import", "units", list.path, "--dry-run", "--db", db])
            XCTAssertEqual(dry.out, "Danh mục đơn vị hành chính 2025 (hai cấp): 34 tỉnh, 0 huyện, 3.321 xã.\nĐơn vị: 3.355 thêm mới, 0 cập nhật, 0 không đổi.\nChạy thử: chưa ghi gì vào cơ sở dữ liệu.\n", dry.err)
            let first = try CLI.run(["import", "units", list.path, "--db", db])
            XCTAssertTrue(first.out.hasSuffix("Đơn vị: 3.355 thêm mới, 0 cập nhật, 0 không đổi.\n"), first.out + first.err)
            let again = try CLI.run(["import", "units", list.path, "--db", db])
            XCTAssertTrue(again.out.hasSuffix("Đơn vị: 0 thêm mới, 0 cập nhật, 3.355 không đổi.\n"), again.out + again.err)
            let exported = try CLI.run(["export", "units", "--db", db]).out
            XCTAssertEqual(exported.components(separatedBy: "\r\n").filter { $0.contains(",province,") }.count, 34)
            XCTAssertEqual(exported.components(separatedBy: "\r\n").filter { $0.contains(",commune,") }.count, 3321)
            XCTAssertTrue(exported.contains("00004,Phường Ba Đình,commune,01,2025-07-01,,"))
        }
        // The demo's Hưng Hà communes (2024 codes, until 30/6/2025) are other units than the
        // 2025 communes with the same codes: both are kept, each valid in its own period.
        let db = "sqlite:" + TestDatabases.sqlitePath()
        XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
        let beside = try CLI.run(["import", "units", list.path, "--db", db])
        XCTAssertEqual(beside.status, 0, beside.err)
        // The demo already holds the new Hưng Yên (33) and eight of its communes, as the list
        // has them: matched by code and first day, unchanged.
        XCTAssertTrue(beside.out.hasSuffix("Đơn vị: 3.346 thêm mới, 0 cập nhật, 9 không đổi.\n"), beside.out)
        let exported = try CLI.run(["export", "units", "--db", db]).out
        XCTAssertTrue(exported.contains("12595,Xã Cộng Hòa,commune,339,,2025-06-30,"), exported)
        XCTAssertTrue(exported.contains("12595,Xã Ngự Thiên,commune,33,2025-07-01,,"), exported)
    }
}
