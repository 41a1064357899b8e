import DXTestSupport
import Foundation
import XCTest

/// A database after the 2025 reform moved with `dxtrack export` and `import` alone (issue 15):
/// units with their validity (several versions of one code), the links between versions, plans
/// and figures; evaluations across the reform give the same answers on the target; bad unit
/// histories and links are refused with the line named and nothing written.
final class UnitHistoryTransferTests: XCTestCase {
    var dir = URL(fileURLWithPath: "/")

    override func setUp() async throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// A file as written, its byte order mark kept (as the command prints it).
    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
    }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    @discardableResult
    func ok(_ args: [String]) throws -> CLI.Run {
        let r = try CLI.run(args)
        XCTAssertEqual(r.status, 0, "\(args.joined(separator: " ")): \(r.err)")
        return r
    }

    /// What the evaluations across the reform say, as printed.
    let evaluations = [["--plan", "KH-CĐS-2024", "--period", "2024S1", "--unit", "33", "--as-of", "2025-07-01"],
                       ["--plan", "02-NQ/TU", "--period", "2024S2", "--unit", "33", "--as-of", "2025-07-01"],
                       ["--plan", "02-NQ/TU", "--period", "2025S2", "--unit", "33"],
                       ["--plan", "02-NQ/TU", "--period", "2024S2", "--unit", "12595", "--as-of", "2025-07-01"],
                       // Rounds do not travel: drafts count on the target, so both sides count them.
                       ["--plan", "KH-CĐS-2024", "--period", "2024", "--unit", "34", "--include-unsubmitted"]]

    /// An evaluation's text without the line saying when it was computed.
    func evaluate(_ args: [String], _ db: String) throws -> String {
        try ok(["evaluate"] + args + ["--db", db]).out.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Số liệu tính đến") }.joined(separator: "\n")
    }

    func testADatabaseAfterTheReformTravelsWithItsHistory() async throws {
        let src = "sqlite:" + path("source.sqlite")
        try ok(["demo", "--db", src])
        for (kind, format) in [("units", "csv"), ("unit-links", "csv"), ("plans", "json"), ("values", "csv"), ("units", "json")] {
            try ok(["export", kind, "--format", format, "--out", path("\(kind).\(format)"), "--db", src])
        }
        let units = try read("units.csv")
        XCTAssertTrue(units.hasPrefix("\u{FEFF}code,name,kind,parent_code,valid_from,valid_to,successor_code"), units)
        // Both versions of a reused code, each with its validity.
        XCTAssertTrue(units.contains("\r\n33,Tỉnh Hưng Yên,province,,,2025-06-30,33\r\n"), units)
        XCTAssertTrue(units.contains("\r\n33,Tỉnh Hưng Yên,province,,2025-07-01,,\r\n"), units)
        XCTAssertTrue(units.contains("12595,Xã Cộng Hòa,commune,339,,2025-06-30,"), units)
        XCTAssertTrue(units.contains("12595,Xã Ngự Thiên,commune,33,2025-07-01,,"), units)
        let links = try read("unit-links.csv")
        XCTAssertTrue(links.hasPrefix("\u{FEFF}date,change,from_codes,to_codes,share,name\r\n"), links)
        XCTAssertTrue(links.contains("2025-07-01,merge,34,33,,\r\n"), links)
        XCTAssertTrue(links.contains("2025-07-01,merge,33,33,,\r\n"), links)
        XCTAssertTrue(links.contains("2025-07-01,merge,TB-STTTT,HY-SKHCN,,\r\n"), links)

        let expected = try evaluations.map { try evaluate($0, src) }
        XCTAssertTrue(expected[0].contains("được tính từ các đơn vị tiền thân: Tỉnh Hưng Yên, Tỉnh Thái Bình."), expected[0])
        XCTAssertTrue(expected[0].contains("Đơn vị tiền thân chưa có số liệu: Tỉnh Hưng Yên."), expected[0])
        for db in try await CLI.databases() {
            for (kind, file, summary) in [("units", "units.csv", "Đơn vị: "), ("unit-links", "unit-links.csv", "Liên kết đơn vị: "),
                                          ("plans", "plans.json", "Kế hoạch: "), ("values", "values.csv", "Số liệu: ")] {
                let r = try ok(["import", kind, path(file), "--db", db])
                XCTAssertTrue(r.out.contains(summary) && r.out.contains(" thêm mới, 0 cập nhật, 0 không đổi."), "\(kind): \(r.out)")
            }
            for (n, args) in evaluations.enumerated() {
                XCTAssertEqual(try evaluate(args, db), expected[n], "\(args.joined(separator: " ")) on \(db)")
            }
            // Exported again, the history is the same; imported again, nothing changes.
            XCTAssertEqual(try ok(["export", "units", "--db", db]).out, units)
            XCTAssertEqual(try ok(["export", "unit-links", "--db", db]).out, links)
            for (kind, file) in [("units", "units.csv"), ("units", "units.json"), ("unit-links", "unit-links.csv")] {
                let again = try ok(["import", kind, path(file), "--db", db])
                XCTAssertTrue(again.out.contains(" 0 thêm mới, 0 cập nhật, "), "\(file): \(again.out)")
            }
        }
    }

    /// Into a database that already holds the 2024 units (the demo before the reform), the
    /// versions are matched by code and first day: 33 gets its end, the new 33 is added beside.
    func testHistoryMergesIntoADatabaseHoldingTheOldUnits() async throws {
        let src = "sqlite:" + path("source.sqlite")
        try ok(["demo", "--db", src])
        try ok(["export", "units", "--out", path("units.csv"), "--db", src])
        try ok(["export", "unit-links", "--out", path("links.csv"), "--db", src])
        let expected = try evaluate(evaluations[0], src)
        for db in try await CLI.databases() {
            try ok(["demo", "--before-reform", "--db", db])
            let r = try ok(["import", "units", path("units.csv"), "--db", db])
            XCTAssertFalse(r.out.contains(" 0 cập nhật"), r.out)
            try ok(["import", "unit-links", path("links.csv"), "--db", db])
            XCTAssertEqual(try ok(["export", "units", "--db", db]).out, try read("units.csv"))
            XCTAssertEqual(try evaluate(evaluations[0], db), expected)
        }
    }

    func testBadHistoriesAndLinksAreRefusedWithTheLineAndNothingWritten() async throws {
        let head = "code,name,kind,parent_code,valid_from,valid_to\n"
        let unitCases: [(String, String, String)] = [
            ("trung.csv", head + "50,Tỉnh A,province,,,2025-06-30\n50,Tỉnh B,province,,2025-06-01,\n",
             "Dòng 3, cột 'valid_from': mã 50 (từ 1/6/2025) trùng thời gian hiệu lực với dòng 2 (đến 30/6/2025)"),
            ("hai-lan.csv", "code,name,kind\n50,Tỉnh A,province\n50,Tỉnh B,province\n", "Dòng 3, cột 'code': mã 50 trùng với dòng 2"),
            ("nguoc.csv", head + "50,Tỉnh A,province,,2025-07-01,2025-06-30\n", "Dòng 2, cột 'valid_to': ngày hết hiệu lực trước ngày bắt đầu hiệu lực"),
            ("ngay.csv", head + "50,Tỉnh A,province,,2025-13-01,\n", "Dòng 2, cột 'valid_from': \"2025-13-01\" không phải là ngày"),
            ("cap-tren.csv", head + "60,Xã Mới,commune,34,2025-07-01,\n",
             "Đơn vị 60 (từ 1/7/2025): đơn vị cấp trên 34 không có hiệu lực trong thời gian này"),
            ("json.json", "[{\"code\": \"50\", \"name\": \"A\", \"kind\": \"province\", \"validTo\": \"2025-06-30\"}, {\"code\": \"50\", \"name\": \"B\", \"kind\": \"province\"}]",
             "Mục 2: mã 50 (không thời hạn) trùng thời gian hiệu lực với mục 1 (đến 30/6/2025)"),
        ]
        let linkHead = "date,change,from_codes,to_codes,share\n"
        let linkCases: [(String, String, String)] = [
            ("khong-co.csv", linkHead + "2025-07-01,merge,34,33,\n2025-07-01,merge,99999,33,\n", "Dòng 3: không có đơn vị mã 99999"),
            ("phien-ban.csv", linkHead + "2025-07-01,merge,34,33,\n2025-01-01,merge,TB-SNV,HY-SNV,\n",
             "Dòng 3: đơn vị TB-SNV không có phiên bản kết thúc hiệu lực ngày 31/12/2024"),
            ("ke-thua.csv", linkHead + "2025-07-01,merge,34,33,\n2025-07-01,merge,TB-SNV,TB-STC,\n", "Dòng 3: đơn vị TB-STC không có hiệu lực ngày 1/7/2025"),
            ("ngay.csv", linkHead + "2025-07-01,merge,34,33,\n2025-02-30,merge,TB-SNV,HY-SNV,\n", "Dòng 3, cột 'date': \"2025-02-30\" không phải ngày"),
            ("ty-le.csv", linkHead + "2025-07-01,divide,12595,12595;12598,\"0,5\"\n", "Dòng 2: có 2 đơn vị nhận nhưng 1 tỷ lệ (share)"),
        ]
        let src = "sqlite:" + path("source.sqlite")
        try ok(["demo", "--db", src])
        try ok(["export", "units", "--out", path("units.csv"), "--db", src])
        for db in try await CLI.databases() {
            // The reform's versions without their links: a bad links file must not add any.
            try ok(["import", "units", path("units.csv"), "--db", db])
            let units = try ok(["export", "units", "--db", db]).out
            for (name, text, expected) in unitCases {
                let r = try CLI.run(["import", "units", try write(name, text), "--db", db])
                XCTAssertEqual(r.status, 1, name)
                XCTAssertTrue(r.err.contains(expected), "\(name): \(r.err)")
                XCTAssertTrue(r.err.contains("không nhập gì"), "\(name): \(r.err)")
            }
            XCTAssertEqual(try ok(["export", "units", "--db", db]).out, units)
            for (name, text, expected) in linkCases {
                let r = try CLI.run(["import", "unit-links", try write(name, text), "--db", db])
                XCTAssertEqual(r.status, 1, name)
                XCTAssertTrue(r.err.contains(expected), "\(name): \(r.err)")
                XCTAssertTrue(r.err.contains("không nhập gì"), "\(name): \(r.err)")
            }
            XCTAssertEqual(try ok(["export", "unit-links", "--db", db]).out, "\u{FEFF}date,change,from_codes,to_codes,share,name\r\n",
                           "not even the good first row's link")
        }
    }

    /// A division's shares travel exactly; the default successor comes first.
    func testADivisionsSharesTravel() async throws {
        let units = try write("don-vi.csv", """
        code,name,kind,parent_code,valid_from,valid_to
        70,Tỉnh Bảy Mươi,province,,,
        700,Xã Cũ,commune,70,,2025-06-30
        701,Xã Mới Một,commune,70,2025-07-01,
        702,Xã Mới Hai,commune,70,2025-07-01,
        """)
        let links = try write("lien-ket.csv", "date,change,from_codes,to_codes,share\n01/07/2025,chia tách,700,702;701,30%;70%\n")
        for db in try await CLI.databases() {
            let u = try ok(["import", "units", units, "--db", db])
            XCTAssertEqual(u.out, "Đơn vị: 4 thêm mới, 0 cập nhật, 0 không đổi.\n")
            let l = try ok(["import", "unit-links", links, "--db", db])
            XCTAssertEqual(l.out, "Liên kết đơn vị: 2 thêm mới, 0 cập nhật, 0 không đổi.\n")
            let out = try ok(["export", "unit-links", "--db", db]).out
            XCTAssertTrue(out.contains("2025-07-01,divide,700,702;701,\"0,3;0,7\","), out)
            let back = try write("lai.csv", out)
            XCTAssertEqual(try ok(["import", "unit-links", back, "--db", db]).out, "Liên kết đơn vị: 0 thêm mới, 0 cập nhật, 2 không đổi.\n")
            let shown = try ok(["units", "show", "700", "--as-of", "2025-06-30", "--db", db]).out
            XCTAssertTrue(shown.contains("  kế thừa: 702 Xã Mới Hai (30%) · mặc định"), shown)
            XCTAssertTrue(shown.contains("  kế thừa: 701 Xã Mới Một (70%)\n"), shown)
        }
    }
}
