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
        Ví dụ / Example: dxtrack report --plan KH-CĐS-2024 --tasks-plan 83/KH-BCĐ --period 2024S1 --format docx --out bao-cao.docx
        xlsx: mỗi phụ lục một trang tính / one sheet per appendix; csv: phụ lục chỉ tiêu, hoặc --appendix N / the indicator appendix, or --appendix N.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case docx, xlsx, csv, html, pdf
    }

    @Option(help: "Kế hoạch chỉ tiêu (mã hoặc định danh) / Indicator plan (code or slug)")
    var plan: String

    @Option(help: "Kế hoạch nhiệm vụ đưa vào mục I.2 và phụ lục / Task plan for section I.2 and its appendix")
    var tasksPlan: String?

    @Option(help: "Kỳ / Period: 2024, 2024S1, 2024Q3, 202403, 2024N9")
    var period: String

    @Option(help: "Mã đơn vị / Unit code")
    var unit: String?

    @Option(help: "Mẫu báo cáo (tệp JSON các trường của ReportSettings) / Template: a JSON file of report settings")
    var template: String?

    @Option(help: "Số báo cáo / Report number")
    var number: Int?

    @Option(help: "Phụ lục cho định dạng csv / Appendix number for csv")
    var appendix: Int = 1

    @Option(help: "docx | xlsx | csv | html | pdf")
    var format: Format

    @Option(help: "Tệp kết quả / Output file")
    var out: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        var settings = try loadSettings()
        if let number { settings.number = number }
        let runtime = try await database.openMigrated()
        let report: OfficialReport
        do {
            report = try await runtime.store.officialReport(plan: plan, period: period, unit: unit, tasksPlan: tasksPlan,
                                                            settings: settings)
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
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
                try ReportSpreadsheet.csv(a).write(to: url, options: .atomic)
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError(String(describing: error))
        }
        print("Đã ghi \(out) (\(report.appendices.count) phụ lục).")
    }

    /// The template's fields, or the standing agency's usual ones for the plan's province.
    func loadSettings() throws -> ReportSettings {
        guard let template else { return ReportTemplates.standard }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: template)) } catch {
            throw CLIError("Không đọc được mẫu báo cáo \(template).")
        }
        do {
            return try JSONDecoder().decode(ReportSettings.self, from: data)
        } catch {
            throw CLIError("Mẫu báo cáo \(template) không hợp lệ: \(error)")
        }
    }
}
