import DXTestSupport
import Foundation
import XCTest

/// `dxtrack ingest` on the half-year report of the seeds, into a database that holds only the
/// province's units: the appendices come back as a plan whose evaluation says what the report
/// says, and bad requests write nothing.
final class IngestCommandTests: XCTestCase {
    let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    func seed() throws -> String {
        guard FileManager.default.fileExists(atPath: seeds.path) else { throw XCTSkip("no ../shared/seeds beside the checkout") }
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix("000") })
        return seeds.appendingPathComponent(name).path
    }

    /// A database with the province and the departments the appendices name, and nothing else.
    func emptyDatabase(_ db: String) throws {
        let units = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-units-\(UUID().uuidString).csv")
        try """
        code,name,kind,parent_code
        34,Tỉnh Thái Bình,province,
        TB-STTTT,Sở Thông tin và Truyền thông tỉnh Thái Bình,department,34
        TB-VP,Văn phòng Ủy ban nhân dân tỉnh Thái Bình,department,34
        TB-STC,Sở Tài chính tỉnh Thái Bình,department,34
        TB-SNV,Sở Nội vụ tỉnh Thái Bình,department,34
        """.write(to: units, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["migrate", "--db", db]).status, 0)
        let r = try CLI.run(["import", "units", units.path, "--db", db])
        XCTAssertEqual(r.status, 0, r.err)
    }

    func testTheAppendicesComeBackAsAPlanWhoseEvaluationSaysWhatTheReportSays() async throws {
        let report = try seed()
        for db in try await CLI.databases() {
            try emptyDatabase(db)
            let dry = try CLI.run(["ingest", report, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--table", "1", "--table", "4", "--dry-run", "--db", db])
            XCTAssertEqual(dry.status, 0, dry.err)
            XCTAssertTrue(dry.out.contains("16 chỉ tiêu, 0 nhiệm vụ, 3 nhóm"), dry.out)
            XCTAssertTrue(dry.out.contains("16 số liệu chỉ tiêu, 0 báo cáo nhiệm vụ; 6 văn bản"), dry.out)
            XCTAssertTrue(dry.out.contains("--columns 1=1:stt,2:muc-tieu,3:ket-qua,4:danh-gia"), dry.out)
            XCTAssertTrue(dry.out.contains("Chạy thử: chưa ghi gì."))
            XCTAssertNotEqual(try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--db", db]).status, 0, "a dry run writes nothing")

            let real = try CLI.run(["ingest", report, "--plan", "KH-CĐS-2024", "--period", "2024S1", "--table", "1", "--table", "4", "--db", db])
            XCTAssertEqual(real.status, 0, real.err)
            XCTAssertTrue(real.out.contains("indicators +16"), real.out)
            let evaluation = try CLI.run(["evaluate", "--plan", "KH-CĐS-2024", "--period", "2024S1", "--db", db])
            XCTAssertEqual(evaluation.status, 0, evaluation.err)
            // The report's own sentence (seed 000, section I.1), now computed from its appendix.
            XCTAssertTrue(evaluation.out.contains("đặt ra 16 mục tiêu"), evaluation.out)
            XCTAssertTrue(evaluation.out.contains("- Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%."), evaluation.out)
            XCTAssertTrue(evaluation.out.contains("60/90"), "row 7's fraction is kept as a rate")

            let tasks = try CLI.run(["ingest", report, "--plan", "KH-121", "--period", "2023", "--table", "3", "--db", db])
            XCTAssertEqual(tasks.status, 0, tasks.err)
            XCTAssertTrue(tasks.out.contains("75 nhiệm vụ, 8 nhóm"), tasks.out)
            XCTAssertFalse(tasks.out.contains("“Sở Thông tin và Truyền thông” không khớp"), tasks.out)
            let evaluated = try CLI.run(["evaluate", "--plan", "KH-121", "--period", "2023", "--db", db]).out
            XCTAssertTrue(evaluated.contains("đặt ra 75 nhiệm vụ"), evaluated)
        }
    }

    func testBadRequestsAreRefusedInVietnameseAndWriteNothing() async throws {
        let report = try seed()
        for db in try await CLI.databases() {
            try emptyDatabase(db)
            for (args, message) in [
                (["--plan", "KH"], "đều là bảng nhiệm vụ"),
                (["--plan", "KH", "--table", "9"], "Báo cáo không có bảng 9"),
                (["--plan", "KH", "--table", "1", "--columns", "1=2:khong-co"], "Vai trò “khong-co” không có"),
                (["--plan", "KH", "--table", "1", "--columns", "3=2:ket-qua"], "--columns phải viết dạng"),
                (["--plan", "KH", "--table", "1", "--period", "2024X"], "Kỳ không hợp lệ"),
                (["--plan", "KH", "--table", "1", "--unit", "99"], "Không có đơn vị mã 99"),
            ] {
                let r = try CLI.run(["ingest", report] + args + ["--db", db])
                XCTAssertNotEqual(r.status, 0, args.joined(separator: " "))
                XCTAssertTrue(r.err.contains(message), "\(args): \(r.err)")
            }
            let missing = try CLI.run(["ingest", "/khong/co.docx", "--plan", "KH", "--db", db])
            XCTAssertEqual(missing.status, 2)
            XCTAssertNotEqual(try CLI.run(["evaluate", "--plan", "KH", "--period", "2024", "--db", db]).status, 0, "nothing was written")
        }
    }
}
