import ArgumentParser
import DXCore
import DXImport
import DXStore
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Nhập các phụ lục của một báo cáo cũ (.docx hoặc .txt) vào một kế hoạch. / Bring an old report's appendices into a plan.",
        discussion: """
        Đọc các bảng phụ lục: bảng chỉ tiêu (mục tiêu, kết quả, đánh giá), bảng nhiệm vụ (chủ trì, phối hợp, thời hạn, kết quả; nhiều bảng nhiệm vụ vào cùng một kế hoạch), danh mục văn bản (số ký hiệu, ngày, trích yếu), bảng theo đơn vị (mỗi dòng một đơn vị, mỗi cột một chỉ tiêu của kế hoạch đã có: 3:gia-tri=MÃ). Cột được nhận theo tiêu đề; xem bằng --dry-run, sửa bằng --columns. Tên đơn vị được so với danh sách đơn vị, bỏ qua dấu và viết tắt (Sở TT&TT, UBND xã). Ghi tất cả trong một giao dịch, hoặc không ghi gì.
        Reads appendix tables (indicators; tasks, several into one plan; documents; per-unit tables whose columns are indicators of an existing plan), maps columns by their headers (see them with --dry-run, correct them with --columns), matches unit names ignoring tone marks and abbreviations, and writes everything in one transaction or nothing.
        Ví dụ / Example: dxtrack ingest bao-cao-6-thang-2024.docx --plan KH-CĐS-2024 --period 2024S1 --table 1 --dry-run
        """)

    @Argument(help: "Báo cáo / The report (.docx, .txt)")
    var file: String

    @Option(help: "Mã kế hoạch (tạo mới nếu chưa có) / Plan code (created when missing)")
    var plan: String

    @Option(help: "Tên kế hoạch khi tạo mới (mặc định: theo tiêu đề phụ lục) / The new plan's title (default: from the appendix caption)")
    var title: String?

    @Option(help: "Đơn vị báo cáo (mặc định: cơ quan ban hành kế hoạch, hoặc tỉnh) / The reporting unit (default: the plan's issuer, or the province)")
    var unit: String?

    @Option(help: "Kỳ của kết quả, ví dụ 2024S1; không có thì chỉ nhập chỉ tiêu, nhiệm vụ / The results' period; without it only the plan's items are read")
    var period: String?

    @Option(name: .customLong("table"), help: "Chỉ đọc bảng số N (lặp lại được) / Read only table N (repeatable)")
    var tables: [Int] = []

    @Option(name: .customLong("columns"), help: "Sửa vai trò cột: N=1:stt,2:muc-tieu,… cho bảng N; cột giá trị của bảng theo đơn vị kèm mã chỉ tiêu: N=3:gia-tri=1.2 / Correct a table's columns; a per-unit value column with its indicator: N=3:gia-tri=1.2")
    var columns: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Chỉ cho xem, không ghi / Show, write nothing")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let document: LintDocument
        do { document = try LintCommand.document(of: file) } catch let e as CLIError {
            FileHandle.standardError.write(Data("Lỗi: \(e.description)\n".utf8))
            throw ExitCode(2)
        }
        var mappings = document.tables.map(AppendixMapping.init(guessing:))
        if !tables.isEmpty {
            for n in tables where !mappings.contains(where: { $0.table == n }) { throw CLIError("Báo cáo không có bảng \(n) (có \(mappings.count) bảng).") }
            mappings = mappings.filter { tables.contains($0.table) }
        }
        for spec in columns {
            guard let eq = spec.firstIndex(of: "="), let n = Int(spec[..<eq]), let i = mappings.firstIndex(where: { $0.table == n }) else {
                throw CLIError("--columns phải viết dạng N=1:stt,2:muc-tieu,… với N là số bảng đang đọc: \(spec)")
            }
            do { try mappings[i].apply(spec: String(spec[spec.index(after: eq)...])) } catch { throw CLIError("Bảng \(n): \(error.description)") }
        }
        if let period, (try? Period.parse(period)) == nil { throw CLIError("Kỳ không hợp lệ: \(period)") }

        let runtime = try await database.openMigrated()
        do {
            let store = runtime.store
            let units = try await store.units()
            let existing = try await store.planContents(slugOrCode: plan)
            let year = period.flatMap { try? Period.parse($0).year } ?? existing?.plan.horizonFrom ?? Calendar.current.component(.year, from: Date())
            guard let reporter = unit ?? existing?.plan.issuerCode ?? units.first(where: { $0.kind == .province })?.code else {
                throw CLIError("Chưa có đơn vị nào: nhập danh sách đơn vị trước (dxtrack import units).")
            }
            guard units.contains(where: { $0.code == reporter }) else { throw CLIError("Không có đơn vị mã \(reporter).") }
            let target = IngestTarget(planCode: existing?.plan.code ?? plan, planTitle: title, unitCode: reporter, periodID: period, year: year)
            let read: IngestResult
            do {
                read = try AppendixIngest.read(document, mappings: mappings, into: target,
                                               existing: existing,
                                               units: units)
            } catch { throw CLIError(error.description) }
            print(Self.describe(read, document: document))
            // A table asked for by number whose headers name no kind: say which, and how to say it.
            for m in mappings where m.kind == nil && tables.contains(m.table) {
                let headers = document.tables.first { $0.number == m.table }?.rows.first?.map { "“\($0.text)”" }.joined(separator: ", ") ?? ""
                throw CLIError("Bảng \(m.table): tiêu đề cột (\(headers)) không cho biết đây là bảng chỉ tiêu, nhiệm vụ, văn bản hay bảng theo đơn vị; chỉ định vai trò từng cột bằng --columns \(m.table)=1:stt,2:…")
            }
            guard !read.mappings.isEmpty else { throw CLIError("Không có bảng nào đọc được thành chỉ tiêu, nhiệm vụ, văn bản hay số liệu theo đơn vị: xem tiêu đề cột, sửa bằng --columns.") }
            if dryRun {
                print("Chạy thử: chưa ghi gì.")
            } else {
                                let summary = try await store.load(Dataset(documents: read.documents, plans: [read.plan], values: read.values, taskReports: read.taskReports))
                let added = summary.added.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { "\($0.key) +\($0.value)" }
                print("Đã ghi trong một giao dịch: " + (added.isEmpty ? "không thêm dòng mới, các dòng đã có được cập nhật." : added.joined(separator: ", ")))
            }
        } catch {
            await runtime.shutdown()
            if let e = error as? CLIError { throw e }
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()
    }

    static func describe(_ r: IngestResult, document: LintDocument) -> String {
        var lines: [String] = []
        for m in r.mappings {
            let table = document.tables.first { $0.number == m.table }
            let headers = table?.rows.first?.map(\.text) ?? []
            lines.append("Bảng \(m.table)\(table?.caption.map { " (\($0.prefix(60)))" } ?? ""): \(m.kind?.labelVI ?? "không rõ loại")")
            for (i, role) in m.roles.enumerated() {
                let indicator = m.indicators[i].map { code in
                    " " + (r.plan.indicators.first { $0.code == code }.map { "\($0.code) — \($0.name.prefix(60))" } ?? code)
                } ?? ""
                lines.append("  cột \(i + 1) “\(i < headers.count ? headers[i] : "")” → \(role?.labelVI ?? "bỏ qua")\(indicator)")
            }
            lines.append("  --columns \(m.table)=\(m.spec)")
        }
        lines.append("Kế hoạch \(r.plan.plan.code) — \(r.plan.plan.title.prefix(80)): \(r.plan.indicators.count) chỉ tiêu, \(r.plan.tasks.count) nhiệm vụ, \(r.plan.plan.pillars.count) nhóm")
        lines.append("Kết quả: \(r.values.count) số liệu chỉ tiêu, \(r.taskReports.count) báo cáo nhiệm vụ; \(r.documents.count) văn bản")
        if r.unmatched.isEmpty {
            lines.append("Mọi tên đơn vị đều khớp.")
        } else {
            lines.append("Không khớp (\(r.unmatched.count)), giữ nguyên chữ trong nhiệm vụ:")
            lines += r.unmatched.map { "  - " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
