import DXStore
import DXTestSupport
import Foundation
import XCTest

/// Runs the built `dxtrack` executable as a user would.
final class CommandLineTests: XCTestCase {
    func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> CLI.Run {
        try CLI.run(args, env: env, stdin: stdin)
    }

    func databases() async throws -> [String] { try await CLI.databases() }

    func testDemoTwiceGivesTheSameCounts() async throws {
        for db in try await databases() {
            let first = try run(["demo", "--db", db])
            XCTAssertEqual(first.status, 0, first.err)
            XCTAssertTrue(first.out.contains("Đã nạp dữ liệu mẫu."), first.out)
            XCTAssertTrue(first.out.contains("kế hoạch: 5"), first.out)
            XCTAssertTrue(first.out.contains("admin / dxtrack-demo-2024"))
            let second = try run(["demo", "--db", db])
            XCTAssertEqual(second.status, 0, second.err)
            XCTAssertTrue(second.out.contains("không thay đổi gì"), second.out)
            XCTAssertEqual(first.out.split(separator: "\n")[1], second.out.split(separator: "\n")[1], db)
        }
    }

    func testUsersAndTokens() async throws {
        for db in try await databases() {
            XCTAssertEqual(try run(["demo", "--db", db]).status, 0)
            let made = try run(["user", "create", "--db", db, "--name", "hungha2", "--role", "reporter", "--unit", "339", "--password", "mat-khau-dai"])
            XCTAssertEqual(made.status, 0, made.err)
            XCTAssertTrue(made.out.contains("Đã tạo tài khoản hungha2"))
            let again = try run(["user", "create", "--db", db, "--name", "hungha2", "--role", "reporter", "--unit", "339", "--password", "mat-khau-dai"])
            XCTAssertEqual(again.status, 1)
            XCTAssertTrue(again.err.contains("đã tồn tại"), again.err)
            let badRole = try run(["user", "create", "--db", db, "--name", "x1x", "--role", "boss", "--unit", "34", "--password", "12345678"])
            XCTAssertEqual(badRole.status, 1)
            XCTAssertTrue(badRole.err.contains("Vai trò \"boss\" không hợp lệ"), badRole.err)
            let badUnit = try run(["user", "create", "--db", db, "--name", "x2x", "--role", "viewer", "--unit", "nope", "--password", "12345678"])
            XCTAssertEqual(badUnit.status, 1)
            XCTAssertTrue(badUnit.err.contains("không có đơn vị mã nope"), badUnit.err)
            let english = try run(["user", "create", "--db", db, "--name", "reader.en", "--role", "viewer", "--unit", "34",
                                   "--password", "mat-khau-dai", "--language", "en"])
            XCTAssertEqual(english.status, 0, english.err)
            let badLanguage = try run(["user", "create", "--db", db, "--name", "x4x", "--role", "viewer", "--unit", "34",
                                       "--password", "mat-khau-dai", "--language", "fr"])
            XCTAssertEqual(badLanguage.status, 1)
            XCTAssertTrue(badLanguage.err.contains("Ngôn ngữ \"fr\" không hợp lệ"), badLanguage.err)
            let short = try run(["user", "create", "--db", db, "--name", "x3x", "--role", "viewer", "--unit", "34", "--password", "123"])
            XCTAssertEqual(short.status, 1)
            XCTAssertTrue(short.err.contains("ít nhất 8 ký tự"), short.err)

            let token = try run(["token", "create", "--db", db, "--user", "hungha2"])
            XCTAssertEqual(token.status, 0, token.err)
            let last = token.out.split(separator: "\n").last.map(String.init) ?? ""
            XCTAssertTrue(last.hasPrefix("dxt_") && last.count > 40, last)
            let revoked = try run(["token", "revoke", "--db", db, "--user", "hungha2"])
            XCTAssertEqual(revoked.out, "Đã thu hồi 1 mã truy cập của hungha2.\n", revoked.err)

            let disabled = try run(["user", "disable", "--db", db, "--name", "hungha2"])
            XCTAssertEqual(disabled.out, "Đã khóa tài khoản hungha2.\n", disabled.err)
            let list = try run(["user", "list", "--db", db])
            XCTAssertTrue(list.out.contains("hungha2\treporter\t339\tđã khóa"), list.out)
            XCTAssertTrue(list.out.contains("dieuphoi\tcoordinator\tTB-STTTT\tđang dùng"), list.out)
            let json = try run(["user", "list", "--db", db, "--format", "json"])
            XCTAssertTrue(json.out.contains("\"username\" : \"lanhdao\""), json.out)
            XCTAssertTrue(json.out.contains("\"language\" : \"en\""), json.out)
            XCTAssertEqual(try run(["user", "enable", "--db", db, "--name", "hungha2"]).status, 0)
            let reset = try run(["user", "reset-password", "--db", db, "--name", "hungha2", "--password", "mat-khau-moi-2025"])
            XCTAssertEqual(reset.out, "Đã đặt lại mật khẩu cho hungha2.\n", reset.err)
            let ghost = try run(["user", "disable", "--db", db, "--name", "ghost"])
            XCTAssertEqual(ghost.status, 1)
            XCTAssertTrue(ghost.err.contains("Không tìm thấy tài khoản ghost"), ghost.err)

            let noUser = try run(["token", "create", "--db", db, "--user", "ghost"])
            XCTAssertEqual(noUser.status, 1)
            XCTAssertTrue(noUser.err.contains("Không tìm thấy tài khoản ghost"), noUser.err)
        }
    }

    func testBadArgumentsExitNonZeroWithOneClearSentence() throws {
        let malformed = try run(["migrate", "--db", "mysql://x"])
        XCTAssertNotEqual(malformed.status, 0)
        XCTAssertTrue(malformed.err.contains("Địa chỉ cơ sở dữ liệu không hợp lệ"), malformed.err)

        let env = try run(["migrate"], env: ["DATABASE_URL": "nonsense"])
        XCTAssertNotEqual(env.status, 0)
        XCTAssertTrue(env.err.contains("Địa chỉ cơ sở dữ liệu không hợp lệ: \"nonsense\""), env.err)

        let unreachable = try run(["migrate", "--db", "postgres://u:secret@127.0.0.1:1/none"])
        XCTAssertNotEqual(unreachable.status, 0)
        XCTAssertTrue(unreachable.err.contains("Không kết nối được cơ sở dữ liệu"), unreachable.err)
        XCTAssertFalse(unreachable.err.contains("secret"), "the password is never printed")

        let period = try run(["period", "2024Q5"])
        XCTAssertNotEqual(period.status, 0)
        XCTAssertTrue(period.err.contains("Mã kỳ báo cáo không hợp lệ: \"2024Q5\""), period.err)

        let folder = try run(["migrate", "--db", "sqlite:/proc/dxtrack/x.sqlite"])
        XCTAssertNotEqual(folder.status, 0)
        XCTAssertTrue(folder.err.contains("Không tạo được thư mục dữ liệu /proc/dxtrack"), folder.err)

        let port = try run(["serve", "--port", "70000"])
        XCTAssertNotEqual(port.status, 0)
        XCTAssertTrue(port.err.contains("Cổng 70000 không hợp lệ"), port.err)

        let log = try run(["serve", "--log-format", "xml"])
        XCTAssertNotEqual(log.status, 0)
        XCTAssertTrue(log.err.contains("Định dạng nhật ký \"xml\" không hợp lệ: chọn text hoặc json."), log.err)
    }

    func testPeriodsPrintTheirLabelAndCutOff() throws {
        let r = try run(["period", "2024S1"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out, "2024S1\t6 tháng đầu năm 2024\tsố liệu từ 15/12/2023 đến 14/06/2024\n")
    }

    func testHelpIsInVietnameseAndEnglish() throws {
        let r = try run(["--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("Theo dõi chuyển đổi số"))
        XCTAssertTrue(r.out.contains("Digital-transformation monitoring"))
        let serve = try run(["serve", "--help"])
        XCTAssertTrue(serve.out.contains("Chạy máy chủ web") && serve.out.contains("Run the web"))
    }

    func testMigrateCreatesTheDataFolderAndIsIdempotent() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-cli-\(UUID().uuidString)/nested")
        let db = "sqlite:" + dir.appendingPathComponent("db.sqlite").path
        let first = try run(["migrate", "--db", db])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertTrue(first.out.contains("Đã áp dụng: 001_create_units"), first.out)
        let second = try run(["migrate", "--db", db])
        XCTAssertEqual(second.out, "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n")
    }
}

/// Runs the built `dxtrack` executable as a user would.
enum CLI {
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("dxtrack")
    }

    static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let s = stdin { input.fileHandleForWriting.write(Data(s.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// Every database argument to test with: a new SQLite file, and PostgreSQL when configured.
    static func databases() async throws -> [String] {
        var list = TestDatabases.includesSQLite ? ["sqlite:" + TestDatabases.sqlitePath()] : []
        if let pg = TestDatabases.postgresURL {
            try await TestDatabases.reset(try DatabaseURL(parsing: pg))
            list.append(pg)
        }
        return list
    }
}
