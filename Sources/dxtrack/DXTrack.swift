import ArgumentParser
import DXStore
import DXWeb
import Foundation

@main
struct DXTrack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dxtrack",
        abstract: "Theo dõi chuyển đổi số: kế hoạch, chỉ tiêu, nhiệm vụ, báo cáo định kỳ. / Digital-transformation monitoring: plans, indicators, tasks, periodic reports.",
        discussion: """
        Cơ sở dữ liệu lấy từ --db hoặc biến môi trường DATABASE_URL: sqlite:ĐƯỜNG_DẪN (mặc định ./data/dxtrack.sqlite) hoặc postgres://người_dùng:mật_khẩu@máy:cổng/tên_csdl.
        The database comes from --db or DATABASE_URL: sqlite:PATH (default ./data/dxtrack.sqlite) or postgres://user:password@host:port/database.
        """,
        subcommands: [Serve.self, Migrate.self, Demo.self, UserCommand.self, TokenCommand.self, PeriodCommand.self, EvaluateCommand.self, ReportCommand.self, ImportCommand.self, ExportCommand.self, UnitsCommand.self, BackupCommand.self, RestoreCommand.self, LintCommand.self, IngestCommand.self]
    )

    /// Our own failures print as one Vietnamese line with "Lỗi:", not ArgumentParser's "Error:".
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("Lỗi: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// The `--db` option every command that touches data shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Cơ sở dữ liệu: sqlite:ĐƯỜNG_DẪN hoặc postgres://… / Database: sqlite:PATH or postgres://…")
    var db: String?

    func resolve() throws -> DatabaseURL {
        do {
            return try DatabaseURL.resolve(option: db)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Opens the database and applies pending migrations, or fails with one sentence.
    func openMigrated() async throws -> StoreRuntime {
        let runtime = try open()
        do {
            try await runtime.migrate()
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
        }
        return runtime
    }

    func open() throws -> StoreRuntime {
        do {
            return try StoreRuntime(url: try resolve())
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError(String(describing: error))
        }
    }
}

/// A failure worded for people: printed as one line, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension CLIError: LocalizedError {
    var errorDescription: String? { description }
}
