import ArgumentParser
import DXCore
import DXStore
import DXWeb
import Foundation

/// Runs `body` on a migrated database and turns every failure into one Vietnamese line.
func withStore(_ database: DatabaseOptions, _ body: (Store) async throws -> Void) async throws {
    let runtime = try await database.openMigrated()
    do {
        try await body(runtime.store)
    } catch {
        await runtime.shutdown()
        throw (error as? CLIError) ?? CLIError(String(describing: error))
    }
    await runtime.shutdown()
}

extension UserCommand {
    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Khóa tài khoản (kết thúc phiên đăng nhập, thu hồi mã API). / Disable an account (ends its sessions, revokes its tokens).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tên đăng nhập / Username") var name: String

        func run() async throws {
            try await withStore(database) { store in
                try await store.setDisabled(username: name, true, by: Actor(username: "cli"))
                print("Đã khóa tài khoản \(name).")
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở khóa tài khoản. / Enable a disabled account.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tên đăng nhập / Username") var name: String

        func run() async throws {
            try await withStore(database) { store in
                try await store.setDisabled(username: name, false, by: Actor(username: "cli"))
                print("Đã mở khóa tài khoản \(name).")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Đặt lại mật khẩu (kết thúc các phiên đăng nhập). / Reset a password (ends the account's sessions).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tên đăng nhập / Username") var name: String
        @Option(help: "Mật khẩu mới (nếu bỏ trống sẽ hỏi) / New password (prompted when omitted)") var password: String?

        func run() async throws {
            let pw = try password ?? Create.prompt()
            if let problem = Credentials.passwordProblem(pw) { throw CLIError(problem) }
            try await withStore(database) { store in
                try await store.resetPassword(username: name, hash: try Credentials.hashPassword(pw), by: Actor(username: "cli"))
                print("Đã đặt lại mật khẩu cho \(name).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê tài khoản. / List accounts.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Định dạng: text hoặc json / Format: text or json") var format = "text"

        func validate() throws {
            guard ["text", "json"].contains(format) else { throw ValidationError("Định dạng \"\(format)\" không hợp lệ: dùng text hoặc json") }
        }

        func run() async throws {
            try await withStore(database) { store in
                let list = try await store.accounts()
                if format == "json" {
                    let e = JSONEncoder()
                    e.outputFormatting = [.sortedKeys, .prettyPrinted]
                    print(String(decoding: try e.encode(list), as: UTF8.self))
                } else {
                    for a in list {
                        print([a.username, a.role.rawValue, a.unitCode, a.disabled ? "đã khóa" : "đang dùng", a.displayName].joined(separator: "\t"))
                    }
                }
            }
        }
    }
}
