import ArgumentParser
import DXCore
import DXStore
import Foundation

/// `dxtrack units`: the unit history of a reorganisation.
struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Lịch sử đơn vị: tìm, xem, ghép đơn vị kế thừa, chuyển tài khoản. / Unit history: search, show, match successors, move accounts.",
        subcommands: [Search.self, Show.self, Successor.self, MoveAccounts.self])

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tìm đơn vị theo mã hoặc tên, cả đơn vị đã kết thúc. / Find units by code or name, closed ones too.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Mã hoặc tên / Code or name") var text: String

        func run() async throws {
            try await withStore(database) { store in
                let found = try await store.searchUnits(text)
                if found.isEmpty { print("Không tìm thấy đơn vị nào.") }
                for u in found { print("\(u.code)\t\(u.displayName)\t\(u.kind.labelVI)") }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đơn vị mà một mã chỉ vào một ngày, với đơn vị tiền thân và kế thừa. / The unit a code names on a day, with its predecessors and successors.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Mã đơn vị / Unit code") var code: String
        @Option(name: .customLong("as-of"), help: "Ngày (mặc định hôm nay) / Day (default today)") var asOf: String?

        func run() async throws {
            let day = try asOf.map(UnitsCommand.day) ?? .today()
            try await withStore(database) { store in
                guard let u = try await store.unit(code: code, asOf: day) else { throw CLIError("Không có đơn vị mã \(code).") }
                print("\(u.code) \(u.displayName(asOf: day)) · \(u.kind.labelVI)\(u.parentCode.map { " · thuộc \($0)" } ?? "")")
                if let f = u.validFrom { print("Hiệu lực từ \(f.day)/\(f.month)/\(f.year)") }
                for p in try await store.unitPredecessors(code: code, asOf: day) {
                    print("  tiền thân: \(p.unit.code) \(p.unit.displayName(asOf: day))\(p.share.map { " (" + VNNumber.format($0 * 100) + "%)" } ?? "")")
                }
                for s in try await store.unitSuccessors(code: code, asOf: day) {
                    print("  kế thừa: \(s.unit.code) \(s.unit.name)\(s.share.map { " (" + VNNumber.format($0 * 100) + "%)" } ?? "")\(s.isDefault ? " · mặc định" : "")")
                }
            }
        }
    }

    /// Which old department becomes which new one when two provinces merge: one merge row,
    /// through the same checks and audit as a change file.
    struct Successor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ghép đơn vị cũ với đơn vị kế thừa (sở của hai tỉnh hợp nhất). / Name the successor of old units (the departments of merged provinces).",
            discussion: "Ví dụ / Example: dxtrack units successor --from TB-SNV --to HY-SNV --date 2025-07-01")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Mã đơn vị cũ (có thể lặp lại) / Old unit code (repeatable)") var from: [String]
        @Option(help: "Mã đơn vị kế thừa / Successor code") var to: String
        @Option(help: "Ngày bắt đầu của đơn vị kế thừa (mặc định 2025-07-01) / First day of the successor") var date: String = "2025-07-01"
        @Flag(help: "Chỉ kiểm tra / Check only") var dryRun = false

        func run() async throws {
            guard !from.isEmpty else { throw CLIError("Thiếu --from.") }
            let change = UnitChange(line: 1, date: try UnitsCommand.day(date), kind: .merge, fromCodes: from, toCodes: [to])
            try await withStore(database) { store in
                let o = try await store.applyUnitChanges([change], actor: "cli", source: "units successor", dryRun: dryRun)
                guard o.errors.isEmpty else {
                    throw CLIError(o.errors.map { $0.replacingOccurrences(of: "Dòng 1: ", with: "") }.joined(separator: "\n"))
                }
                print("\(from.joined(separator: ", ")) → \(to): \(VNNumber.format(o.closed)) đơn vị kết thúc hiệu lực, \(VNNumber.format(o.links)) liên kết kế thừa.")
                if dryRun { print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
            }
        }
    }

    struct MoveAccounts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move-accounts",
            abstract: "Chuyển tài khoản của đơn vị đã kết thúc sang đơn vị kế thừa (có ghi nhật ký). / Move the accounts of closed units to their successors (audited).")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("as-of"), help: "Ngày (mặc định hôm nay) / Day (default today)") var asOf: String?
        @Flag(help: "Chỉ kiểm tra / Check only") var dryRun = false

        func run() async throws {
            let day = try asOf.map(UnitsCommand.day) ?? .today()
            try await withStore(database) { store in
                let r = try await store.moveAccountsOfClosedUnits(asOf: day, actor: "cli", dryRun: dryRun)
                for m in r.moved { print("\(m.username): \(m.from) → \(m.to)") }
                for s in r.stranded { print("\(s.username): \(s.unit) đã kết thúc nhưng chưa có đơn vị kế thừa, giữ nguyên") }
                print("Tài khoản: \(VNNumber.format(r.moved.count)) chuyển, \(VNNumber.format(r.stranded.count)) chưa có đơn vị kế thừa.")
                if dryRun { print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
            }
        }
    }

    static func day(_ text: String) throws -> CalendarDate {
        guard let d = CalendarDate(iso: text) ?? VNDate.parse(text) else {
            throw CLIError("\"\(text)\" không phải ngày (ví dụ 2025-07-01 hoặc 01/07/2025).")
        }
        return d
    }
}
