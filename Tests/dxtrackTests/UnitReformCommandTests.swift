import DXTestSupport
import Foundation
import XCTest

/// Issue 15: units with validity, the official lists and the 2024→2025 mapping shipped with
/// dxtrack, generic change files, matching departments and moving accounts, on both databases.
final class UnitReformCommandTests: XCTestCase {
    func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-reform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The shipped lists and mapping into an empty database, then the codes as of a day.
    func testTheOfficialListsAndMappingLoadAndACodeNamesOneUnitADay() async throws {
        for db in try await CLI.databases() {
            let y2024 = try CLI.run(["import", "units", "--official", "2024", "--db", db])
            XCTAssertEqual(y2024.status, 0, y2024.err)
            XCTAssertTrue(y2024.out.contains("Đơn vị: 10.794 thêm mới"), y2024.out)
            let y2025 = try CLI.run(["import", "units", "--official", "2025", "--db", db])
            XCTAssertEqual(y2025.status, 0, y2025.err)
            XCTAssertTrue(y2025.out.contains("Đơn vị: 3.355 thêm mới, 0 cập nhật"), y2025.out)
            let dry = try CLI.run(["import", "unit-changes", "--official", "--dry-run", "--db", db])
            XCTAssertEqual(dry.status, 0, dry.err)
            XCTAssertTrue(dry.out.hasSuffix("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.\n"), dry.out)
            let apply = try CLI.run(["import", "unit-changes", "--official", "--db", db])
            XCTAssertEqual(apply.status, 0, apply.err)
            XCTAssertEqual(apply.out.components(separatedBy: "\n").first, dry.out.components(separatedBy: "\n").first)
            // Every legacy commune, province and district ends; none had ended through the list before.
            XCTAssertTrue(apply.out.hasPrefix("Thay đổi đơn vị: "), apply.out)
            XCTAssertTrue(apply.out.contains("0 phiên bản mới"), apply.out)

            let before = try CLI.run(["units", "show", "00004", "--as-of", "2025-06-30", "--db", db])
            XCTAssertTrue(before.out.hasPrefix("00004 Phường Trúc Bạch"), before.out)
            XCTAssertTrue(before.out.contains("kế thừa: 00004 Phường Ba Đình"), before.out)
            let after = try CLI.run(["units", "show", "00004", "--as-of", "2025-07-01", "--db", db])
            XCTAssertTrue(after.out.hasPrefix("00004 Phường Ba Đình"), after.out)
            XCTAssertTrue(after.out.contains("tiền thân: 00004 Phường Trúc Bạch"), after.out)
            let hy = try CLI.run(["units", "show", "33", "--db", db])
            XCTAssertTrue(hy.out.contains("tiền thân: 34 Tỉnh Thái Bình (đến 30/6/2025)"), hy.out)
            // A divided commune without shares in the mapping: links without a share, one default.
            let divided = try CLI.run(["units", "show", "00007", "--as-of", "2025-06-30", "--db", db])
            XCTAssertTrue(divided.out.contains("kế thừa: 00008 Phường Ngọc Hà · mặc định"), divided.out)
            XCTAssertTrue(divided.out.contains("kế thừa: 00025 Phường Giảng Võ\n"), divided.out)
            // Searching finds the old and the new unit of a code.
            let found = try CLI.run(["units", "search", "00004", "--db", db])
            XCTAssertTrue(found.out.contains("Phường Trúc Bạch (đến 30/6/2025)") && found.out.contains("Phường Ba Đình"), found.out)
            // Once applied, the mapping cannot close the same units again.
            let again = try CLI.run(["import", "unit-changes", "--official", "--db", db])
            XCTAssertEqual(again.status, 1)
            XCTAssertTrue(again.err.contains("Dòng 2: đơn vị 00001 đã được thay thế từ trước"), again.err)
        }
    }

    /// The demo keeps Thái Bình's 2024 units; the 2025 list, the 2024 list and the mapping go
    /// in beside them; its departments are matched by hand and its accounts follow.
    func testTheDemoTakesTheReformAndItsDepartmentsAndAccountsFollow() async throws {
        for db in try await CLI.databases() {
        XCTAssertEqual(try CLI.run(["demo", "--before-reform", "--db", db]).status, 0)
        let y2025 = try CLI.run(["import", "units", "--official", "2025", "--db", db])
        XCTAssertEqual(y2025.status, 0, y2025.err)
        XCTAssertTrue(y2025.out.contains("Đơn vị: 3.355 thêm mới"), y2025.out)
        XCTAssertEqual(try CLI.run(["import", "units", "--official", "2024", "--db", db]).status, 0)
        let user = try CLI.run(["user", "create", "--db", db, "--name", "congsnv", "--role", "reporter", "--unit", "TB-SNV", "--password", "mat-khau-dai"])
        XCTAssertEqual(user.status, 0, user.err)
        let mapping = try CLI.run(["import", "unit-changes", "--official", "--db", db])
        XCTAssertEqual(mapping.status, 0, mapping.err)
        XCTAssertTrue(mapping.out.contains("TB-SNV Sở Nội vụ (thuộc 34)"), "the department waits for its match: \(mapping.out)")

        // 33 in 2024 is the old Hưng Yên; as of 1/7/2025 it is the new one, whose 2024 figures
        // are its predecessors' — here Thái Bình's alone, the old Hưng Yên having none.
        func evaluate(_ unit: String, _ extra: [String] = []) throws -> [String: Any] {
            let r = try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--unit", unit, "--format", "json", "--db", db] + extra)
            XCTAssertEqual(r.status, 0, r.err)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        }
        func figures(_ doc: [String: Any]) -> [String] {
            (doc["indicators"] as? [[String: Any]] ?? []).map { "\($0["code"]!) \($0["value"] ?? "-") \($0["numerator"] ?? "-")/\($0["denominator"] ?? "-")" }
        }
        let thaiBinh = try evaluate("34"), oldHungYen = try evaluate("33")
        let newHungYen = try evaluate("33", ["--as-of", "2025-07-01"])
        XCTAssertEqual((newHungYen["unit"] as? [String: Any])?["name"] as? String, "Tỉnh Hưng Yên")
        // A rate with its parts carries over; a bare percentage cannot enter a ratio of sums, and
        // with one predecessor silent the sum is not Thái Bình's percentage either.
        let withParts = zip(figures(thaiBinh), figures(newHungYen)).filter { !$0.0.hasSuffix("<null>/<null>") }
        XCTAssertFalse(withParts.isEmpty, "Thái Bình has 2024 figures with their parts")
        for (tb, hy) in withParts { XCTAssertEqual(tb.prefix(12), hy.prefix(12)) }
        for (tb, hy) in zip(figures(thaiBinh), figures(newHungYen)) where tb.hasSuffix("<null>/<null>") {
            XCTAssertTrue(hy.hasSuffix("<null> <null>/<null>"), "\(tb) → \(hy)")
        }
        XCTAssertEqual(oldHungYen["lineage"] as? [String], [])
        let lineage = (newHungYen["lineage"] as? [String] ?? []).joined(separator: "\n")
        XCTAssertTrue(lineage.contains("được tính từ các đơn vị tiền thân: Tỉnh Hưng Yên, "), lineage)
        XCTAssertTrue(lineage.contains("Đơn vị tiền thân chưa có số liệu: Tỉnh Hưng Yên."), lineage)
        let text = try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--unit", "33", "--as-of", "2025-07-01", "--db", db])
        XCTAssertTrue(text.out.contains("Đơn vị tiền thân chưa có số liệu: Tỉnh Hưng Yên."), text.out)
        let badDay = try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--unit", "33", "--as-of", "1/7/2025", "--db", db])
        XCTAssertNotEqual(badDay.status, 0)
        XCTAssertTrue(badDay.err.contains("--as-of: \"1/7/2025\" không phải ngày dạng YYYY-MM-DD"), badDay.err)
        // A 2024 figure of Hưng Hà still names the 2024 commune; the code names the new one now.
        XCTAssertTrue(try CLI.run(["units", "show", "12595", "--as-of", "2024-12-31", "--db", db]).out.hasPrefix("12595 Xã Cộng Hòa"))
        XCTAssertTrue(try CLI.run(["units", "show", "12595", "--db", db]).out.hasPrefix("12595 Xã Ngự Thiên"))

        let dept = try file("so-hy.csv", "code,name,kind,parent_code,valid_from,valid_to,successor_code\nHY-SNV,Sở Nội vụ tỉnh Hưng Yên,department,33,2025-07-01,,\n")
        XCTAssertEqual(try CLI.run(["import", "units", dept, "--db", db]).status, 0)
        let match = try CLI.run(["units", "successor", "--from", "TB-SNV", "--to", "HY-SNV", "--db", db])
        XCTAssertEqual(match.status, 0, match.err)
        XCTAssertEqual(match.out, "TB-SNV → HY-SNV: 1 đơn vị kết thúc hiệu lực, 1 liên kết kế thừa.\n")
        let twice = try CLI.run(["units", "successor", "--from", "TB-SNV", "--to", "HY-SNV", "--db", db])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.err.contains("đơn vị TB-SNV"), twice.err)

        let dry = try CLI.run(["units", "move-accounts", "--dry-run", "--db", db])
        XCTAssertTrue(dry.out.contains("congsnv: TB-SNV Sở Nội vụ → HY-SNV Sở Nội vụ tỉnh Hưng Yên"), dry.out)
        let moved = try CLI.run(["units", "move-accounts", "--db", db])
        XCTAssertEqual(moved.status, 0, moved.err)
        XCTAssertTrue(moved.out.contains("congsnv: TB-SNV Sở Nội vụ → HY-SNV"), moved.out)
        XCTAssertFalse(try CLI.run(["units", "move-accounts", "--db", db]).out.contains("congsnv: TB-SNV"), "moved once")
        }
    }

    /// The generic shape: a merge, a division with shares, a rename, a move; then bad rows.
    func testAGenericChangeFileAndItsBadRowsWhichWriteNothing() async throws {
        let units = try file("don-vi.csv", """
        code,name,kind,parent_code,valid_from,valid_to,successor_code
        T1,Tỉnh Một,province,,,,
        T2,Tỉnh Hai,province,,,,
        H1,Huyện Một,district,T1,,,
        X1,Xã Một,commune,H1,,,
        X2,Xã Hai,commune,H1,,,
        X3,Xã Ba,commune,H1,,,
        X4,Xã Bốn,commune,T2,,,
        X5,Xã Năm,commune,T2,,,
        """)
        let changes = try file("thay-doi.csv", """
        date,change,from_codes,to_codes,share,name
        2026-01-01,merge,X1;X2,X2,,Xã Hai mới
        2026-01-01,divide,X3,X4;X5,0,7;0,3,
        01/01/2026,rename,X4,,,Xã Bốn Hợp Nhất
        2026-01-01,move,H1,T2,,
        """.replacingOccurrences(of: "0,7;0,3", with: "\"0,7;0,3\""))
        let bad = try file("sai.csv", """
        date,change,from_codes,to_codes,share
        2026-01-01,merge,X1,X2,
        2026-01-01,merge,X9,X2,
        2026-01-01,merge,X1,X5,
        2026-01-01,merge,X5,X3,
        2026-01-01,merge,X3,X5,
        """)
        for db in try await CLI.databases() {
            XCTAssertEqual(try CLI.run(["import", "units", units, "--db", db]).status, 0)
            let refused = try CLI.run(["import", "unit-changes", bad, "--db", db])
            XCTAssertEqual(refused.status, 1)
            XCTAssertTrue(refused.err.contains("Dòng 3: không có đơn vị mã X9"), refused.err)
            XCTAssertTrue(refused.err.contains("Dòng 4: đơn vị X1 bị đóng hai lần (đã đóng ở dòng 2)"), refused.err)
            XCTAssertTrue(refused.err.contains("Dòng 6: vòng lặp"), refused.err)
            XCTAssertTrue(refused.err.contains("không nhập gì"), refused.err)
            XCTAssertTrue(try CLI.run(["units", "show", "X1", "--db", db]).out.hasPrefix("X1 Xã Một ·"), "nothing written")

            let ok = try CLI.run(["import", "unit-changes", changes, "--db", db])
            XCTAssertEqual(ok.status, 0, ok.err)
            let x2 = try CLI.run(["units", "show", "X2", "--db", db]).out
            XCTAssertTrue(x2.hasPrefix("X2 Xã Hai mới"), x2)
            XCTAssertTrue(x2.contains("tiền thân: X1 Xã Một (đến 31/12/2025)") && x2.contains("tiền thân: X2 Xã Hai (đến 31/12/2025)"), x2)
            let x3 = try CLI.run(["units", "show", "X3", "--db", db]).out
            XCTAssertTrue(x3.contains("kế thừa: X4 Xã Bốn Hợp Nhất (70%) · mặc định") && x3.contains("kế thừa: X5 Xã Năm (30%)"), x3)
            XCTAssertTrue(try CLI.run(["units", "show", "X4", "--db", db]).out.hasPrefix("X4 Xã Bốn Hợp Nhất"))
            XCTAssertTrue(try CLI.run(["units", "show", "X4", "--as-of", "2025-12-31", "--db", db]).out.hasPrefix("X4 Xã Bốn ·"))
            let h1 = try CLI.run(["units", "show", "H1", "--db", db]).out
            XCTAssertTrue(h1.contains("· thuộc T2"), h1)
            XCTAssertTrue(try CLI.run(["units", "show", "H1", "--as-of", "2025-12-31", "--db", db]).out.contains("· thuộc T1"))
            // A code reused for another unit in another period is accepted; on the same days, refused.
            let reuse = try file("dung-lai.csv", "code,name,kind,parent_code,valid_from,valid_to,successor_code\nX1,Phường Khác,commune,T2,2026-01-01,,\n")
            XCTAssertEqual(try CLI.run(["import", "units", reuse, "--db", db]).status, 0)
            XCTAssertTrue(try CLI.run(["units", "show", "X1", "--db", db]).out.hasPrefix("X1 Phường Khác"))
            XCTAssertTrue(try CLI.run(["units", "show", "X1", "--as-of", "2025-12-31", "--db", db]).out.hasPrefix("X1 Xã Một"))
            let overlap = try file("trung.csv", "code,name,kind,parent_code,valid_from,valid_to,successor_code\nX1,Xã Trùng,commune,T2,2025-06-01,2025-12-31,\n")
            let clash = try CLI.run(["import", "units", overlap, "--db", db])
            XCTAssertEqual(clash.status, 1)
            XCTAssertTrue(clash.err.contains("Đơn vị X1: mã này đang là Xã Một (đến 31/12/2025)"), clash.err)
        }
    }
}
