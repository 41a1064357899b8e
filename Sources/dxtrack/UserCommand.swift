import ArgumentParser
import DXCore
import DXStore
import DXWeb
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Quản lý tài khoản. / Manage accounts.",
        subcommands: [Create.self, Disable.self, Enable.self, ResetPassword.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tạo tài khoản. / Create an account.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Tên đăng nhập / Username")
        var name: String

        @Option(help: "Vai trò / Role: administrator, coordinator, reporter, approver, viewer")
        var role: String

        @Option(help: "Mã đơn vị / Unit code")
        var unit: String

        @Option(help: "Mật khẩu (nếu bỏ trống sẽ hỏi) / Password (prompted when omitted)")
        var password: String?

        @Option(name: .customLong("display-name"), help: "Họ tên / Display name")
        var displayName: String?

        @Option(help: "Ngôn ngữ giao diện web: vi (mặc định) hoặc en / Web interface language: vi (default) or en")
        var language: String = Language.vi.rawValue

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw CLIError("Vai trò \"\(role)\" không hợp lệ. Chọn một trong: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard Store.isValidUsername(name) else {
                throw CLIError("Tên đăng nhập \"\(name)\" không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (3–64 ký tự).")
            }
            guard let language = Language(rawValue: language) else {
                throw CLIError("Ngôn ngữ \"\(language)\" không hợp lệ. Chọn một trong: \(Language.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let pw = try password ?? Self.prompt()
            if let problem = Credentials.passwordProblem(pw) { throw CLIError(problem) }
            let runtime = try await database.openMigrated()
            do {
                let account = Account(username: name, displayName: displayName ?? name, role: role, unitCode: unit, language: language)
                try await runtime.store.createAccount(account, passwordHash: try Credentials.hashPassword(pw), by: Actor(username: "cli"))
                print("Đã tạo tài khoản \(name) (\(role.labelVI)) thuộc đơn vị \(unit).")
            } catch {
                await runtime.shutdown()
                throw CLIError(String(describing: error))
            }
            await runtime.shutdown()
        }

        static func prompt() throws -> String {
            guard let pw = String(validatingCString: getpass("Mật khẩu / Password: ")), !pw.isEmpty else {
                throw CLIError("Chưa nhập mật khẩu.")
            }
            return pw
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Quản lý mã truy cập API. / Manage API bearer tokens.",
        subcommands: [Create.self, Revoke.self])

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Thu hồi mọi mã truy cập API của một tài khoản. / Revoke every API token of an account.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Tên đăng nhập / Username")
        var user: String

        func run() async throws {
            try await withStore(database) { store in
                let n = try await store.revokeTokens(username: user)
                print("Đã thu hồi \(n) mã truy cập của \(user).")
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tạo mã truy cập API mới (dòng cuối là mã). / Create an API token (printed as the last line).")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Tên đăng nhập / Username")
        var user: String

        func run() async throws {
            let runtime = try await database.openMigrated()
            do {
                let token = Credentials.newToken()
                try await runtime.store.createToken(username: user, tokenHash: Credentials.tokenHash(token))
                print("Mã truy cập API cho \(user) (chỉ hiện một lần, giữ bí mật):")
                print(token)
            } catch {
                await runtime.shutdown()
                throw CLIError(String(describing: error))
            }
            await runtime.shutdown()
        }
    }
}

struct PeriodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period",
        abstract: "Xem kỳ báo cáo: nhãn và ngày chốt số liệu. / Show a reporting period: label and data cut-off.")

    @Argument(help: "Mã kỳ / Period identifier: 2024, 2024S1, 2024Q3, 202403, 2024N9, 2024-01-01_2024-11-30")
    var id: String

    func run() throws {
        let p: Period
        do { p = try Period.parse(id) } catch { throw CLIError(String(describing: error)) }
        let w = p.cutOff
        print("\(p.identifier)\t\(p.labelVI)\tsố liệu từ \(VNDate.numeric(w.from)) đến \(VNDate.numeric(w.to))")
    }
}
