import ArgumentParser
import DXStore
import DXWeb
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chạy máy chủ web và API (áp dụng migration trước). / Run the web server and API (applies migrations first).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Địa chỉ lắng nghe / Address to listen on")
    var host = "127.0.0.1"

    @Option(help: "Cổng / Port")
    var port = 8080

    @Flag(help: "Nạp dữ liệu mẫu nếu cơ sở dữ liệu trống / Load the demonstration data when the database is empty")
    var demo = false

    @Option(help: "Nhật ký mỗi yêu cầu một dòng: text | json / One log line per request: text | json")
    var logFormat = "text"

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("Cổng \(port) không hợp lệ: phải từ 1 đến 65535") }
        guard ["text", "json"].contains(logFormat) else {
            throw ValidationError("Định dạng nhật ký \"\(logFormat)\" không hợp lệ: chọn text hoặc json.")
        }
    }

    func run() async throws {
        let url = try database.resolve()
        // Migrate through the store first so that the server never starts on a half-migrated database.
        let runtime = try await database.openMigrated()
        do {
            if demo {
                if try await DemoLoader.isEmpty(runtime.store) {
                    let summary = try await DemoLoader.load(into: runtime.store)
                    print(DemoLoader.describe(summary))
                } else {
                    print("Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu.")
                }
            }
            let pending = try await runtime.pendingMigrations()
            guard pending.isEmpty else { throw CLIError("Cơ sở dữ liệu chưa được cập nhật đủ: \(pending.joined(separator: ", "))") }
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()

        print("dxtrack đang chạy tại http://\(host == "0.0.0.0" ? "localhost" : host):\(port)/")
        do {
            try await runServer(database: url, host: host, port: port, logFormat: logFormat)
        } catch {
            throw CLIError(String(describing: error))
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Áp dụng các migration còn thiếu. / Apply pending database migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let runtime = try database.open()
        defer { Task { await runtime.shutdown() } }
        do {
            let applied = try await runtime.migrate()
            print(applied.isEmpty ? "Cơ sở dữ liệu đã ở phiên bản mới nhất." : "Đã áp dụng: \(applied.joined(separator: ", "))")
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nạp dữ liệu mẫu của tỉnh Thái Bình (chạy lại không thay đổi gì). / Load the Thái Bình demonstration data (idempotent).")

    @Flag(name: .customLong("before-reform"),
          help: "Chỉ dữ liệu năm 2024, chưa sắp xếp đơn vị ngày 1/7/2025 (để tự nhập sắp xếp) / Only 2024, before the 1/7/2025 reorganisation (to import it yourself)")
    var beforeReform = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let runtime = try await database.openMigrated()
        do {
            let summary = try await DemoLoader.load(into: runtime.store, reform: !beforeReform)
            print(DemoLoader.describe(summary))
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()
    }
}
