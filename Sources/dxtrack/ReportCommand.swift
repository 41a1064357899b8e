import ArgumentParser
import DXCore
import DXDocuments
import DXReports
import DXStore
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Xuất báo cáo chính thức theo thể thức Nghị định 30/2020. / Write the official report in the Decree 30 format.",
        discussion: """
        Ví dụ / Example: dxtrack report --plan KH-CĐS-2024 --tasks-plan 83/KH-BCĐ --tasks-plan 121/KH-UBND --period 2024S1 --format docx --out bao-cao.docx
        Mẫu đã lưu / A saved template: dxtrack report --template bao-cao-cds-tinh --period 2024S1 --number 83 --format docx --out bao-cao.docx
        Báo cáo của huyện, ký tên / A district's report, signed: dxtrack report --plan KH-CĐS-2024 --unit 339 --period 2024 --signer "Nguyễn Văn A" --signer-title "Chủ tịch" --format docx --out hung-ha.docx
        xlsx: mỗi phụ lục một trang tính / one sheet per appendix; csv: phụ lục chỉ tiêu, hoặc --appendix N / the indicator appendix, or --appendix N.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case docx, xlsx, csv, html, pdf
    }

    @Option(help: "Kế hoạch chỉ tiêu (mã hoặc định danh); không cần khi dùng mẫu đã lưu / Indicator plan (code or slug); taken from a saved template when omitted")
    var plan: String?

    @Option(help: "Kế hoạch nhiệm vụ đưa vào mục I.2, I.3, … và phụ lục, theo thứ tự; lặp lại cho nhiều kế hoạch / Task plan for sections I.2, I.3, … and their appendices, in order; repeat for several")
    var tasksPlan: [String] = []

    @Option(help: "Kỳ / Period: 2024, 2024S1, 2024Q3, 202403, 2024N9")
    var period: String

    @Option(help: "Mã đơn vị / Unit code")
    var unit: String?

    @Option(help: "Mẫu báo cáo: mã mẫu đã lưu trên web hoặc tệp JSON các trường của ReportSettings / Template: a saved template's code, or a JSON file of report settings")
    var template: String?

    @Option(help: "Họ tên người ký / The signer's name")
    var signer: String?

    @Option(help: "Chức vụ người ký, dòng cuối của thẩm quyền ký (ví dụ Phó Chủ tịch) / The signer's title, the last authority line")
    var signerTitle: String?

    @Flag(name: .customLong("documents-of-subunits"),
          help: "Phụ lục văn bản kể cả văn bản của cấp huyện, xã trực thuộc / List the documents of the districts and communes below too")
    var documentsOfSubunits = false

    @Option(help: "Số báo cáo / Report number")
    var number: Int?

    @Option(help: "Ngày báo cáo (dd/mm/yyyy), mặc định hôm nay / Report date, today by default")
    var date: String?

    @Option(help: "Phụ lục cho định dạng csv / Appendix number for csv")
    var appendix: Int = 1

    @Option(help: "docx | xlsx | csv | html | pdf")
    var format: Format

    @Option(help: "Tệp kết quả / Output file")
    var out: String

    @Flag(name: .customLong("include-unsubmitted"),
          help: "Tính cả số liệu chưa gửi, chưa được duyệt; văn bản ghi rõ không phải số liệu chính thức / Include figures not yet submitted; the document says it is not official")
    var includeUnsubmitted = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        if let number, number < 1 { throw CLIError("Số báo cáo phải là số nguyên dương.") }
        var given: CalendarDate?
        if let date {
            guard let d = CalendarDate(iso: date) ?? VNDate.parse(date) else {
                throw CLIError("Ngày báo cáo \"\(date)\" không hợp lệ: nhập theo dạng ngày/tháng/năm.")
            }
            given = d
        }
        let file = try loadSettingsFile()
        // A settings file may fix its date; a saved template is dated when issued.
        let day = given ?? file?.date ?? CalendarDate.today()
        let runtime = try await database.openMigrated()
        let report: OfficialReport
        do {
            var saved: ReportTemplate?
            if let template, file == nil {
                saved = try await runtime.store.reportTemplate(template)
                if saved == nil {
                    throw CLIError("Không có mẫu báo cáo \"\(template)\": không phải tệp JSON, cũng không phải mã mẫu đã lưu.")
                }
            }
            guard let planKey = plan ?? saved?.planCode else {
                throw CLIError("Thiếu --plan: chọn kế hoạch chỉ tiêu, hoặc dùng --template với một mẫu đã lưu.")
            }
            guard let planRecord = try await runtime.store.plan(slugOrCode: planKey) else { throw CLIError("Không có kế hoạch \(planKey).") }
            // A settings file is not saved, so its references are checked here as saving would.
            if let blocks = file?.narrativeBlocks, let problem = try await runtime.store.figureProblems(blocks).first {
                throw CLIError("Mẫu báo cáo \(template ?? ""): \(problem.message)")
            }
            var settings: ReportSettings
            if let given = saved?.settings ?? file {
                settings = given
            } else {
                // Without a template the report is its unit's: its heading, symbol, place and signer.
                let tree = try await runtime.store.unitTree()
                let issuer = unit ?? PlanEvaluation.defaultUnit(for: planRecord, in: tree)
                do { settings = try await runtime.store.reportSettings(issuedBy: issuer, date: day) } catch StoreError.notFound {
                    throw CLIError("Không có đơn vị mã \(issuer).")
                }
            }
            if let signer { settings.signerName = VNText.clean(signer) }
            if let signerTitle {
                // The title is the last line of the signature's authority ("Chủ tịch", "Phó Giám đốc").
                if settings.authority.isEmpty { settings.authority = [VNText.clean(signerTitle)] } else {
                    settings.authority[settings.authority.count - 1] = VNText.clean(signerTitle)
                }
            }
            if let problem = settings.lengthProblems.first { throw CLIError("Người ký: \(problem).") }
            if documentsOfSubunits { settings.documentScope = .subtree }
            // Given plans replace the template's; a settings file may list its own (`taskPlans`).
            let taskPlans = tasksPlan.isEmpty ? saved?.taskPlans : tasksPlan.map { ReportTaskPlan(code: $0) }
            let template = ReportTemplate(code: "cli", name: "cli", planCode: planKey, taskPlans: taskPlans,
                                          unitCode: unit ?? saved?.unitCode, settings: settings)
            report = try await runtime.store.officialReport(template: template, period: period, number: number ?? settings.number, date: day,
                                                            includeUnsubmitted: includeUnsubmitted)
        } catch {
            await runtime.shutdown()
            throw (error as? CLIError) ?? CLIError(String(describing: error))
        }
        await runtime.shutdown()
        let url = URL(fileURLWithPath: out)
        do {
            switch format {
            case .docx: try DOCXWriter().write(ReportDocument.model(report), to: url)
            case .html: try HTMLWriter().write(ReportDocument.model(report), to: url)
            case .pdf: try PDFConverter().convert(ReportDocument.model(report), to: url)
            case .xlsx: try XLSXWriter().write(ReportSpreadsheet.workbook(report), to: url)
            case .csv:
                guard let a = report.appendices.first(where: { $0.number == appendix }) else {
                    throw CLIError("Báo cáo chỉ có \(report.appendices.count) phụ lục; không có phụ lục \(appendix).")
                }
                try ReportSpreadsheet.csv(a, reading: report.reading).write(to: url, options: .atomic)
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError(String(describing: error))
        }
        print("Đã ghi \(out) (\(report.appendices.count) phụ lục).")
    }

    /// The settings of a JSON template file, or nil when `--template` names no file (then it
    /// is the code of a saved template).
    func loadSettingsFile() throws -> ReportSettings? {
        guard let template, FileManager.default.fileExists(atPath: template) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: template)) } catch {
            throw CLIError("Không đọc được mẫu báo cáo \(template).")
        }
        guard data.count <= 1_048_576 else { throw CLIError("Mẫu báo cáo \(template) lớn hơn 1 MB.") }
        let settings: ReportSettings
        do {
            settings = try JSONDecoder().decode(ReportSettings.self, from: data)
        } catch {
            throw CLIError("Mẫu báo cáo \(template) không hợp lệ: \(error)")
        }
        if let problem = settings.lengthProblems.first {
            throw CLIError("Mẫu báo cáo \(template): \(problem).")
        }
        if let problem = NarrativeBlock.problems(settings.narrativeBlocks ?? []).first {
            throw CLIError("Mẫu báo cáo \(template): \(problem.message)")
        }
        return settings
    }
}
