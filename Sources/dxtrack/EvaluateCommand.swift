import ArgumentParser
import DXCore
import DXStore
import Foundation

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Đánh giá kế hoạch so với mục tiêu cho một kỳ. / Evaluate a plan against its targets for a period.",
        discussion: """
        Ví dụ / Example: dxtrack evaluate --plan KH-CĐS-2024 --period 2024S1
        Đơn vị mặc định là tỉnh của cơ quan ban hành. / The unit defaults to the issuer's province.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Mã hoặc định danh kế hoạch / Plan code or slug")
    var plan: String

    @Option(help: "Kỳ / Period: 2024, 2024S1, 2024Q3, 202403, 2024N9")
    var period: String

    @Option(help: "Mã đơn vị / Unit code")
    var unit: String?

    @Option(name: .customLong("as-of"),
            help: "Ngày YYYY-MM-DD: mã đơn vị chỉ đơn vị có hiệu lực ngày đó (mặc định ngày cuối kỳ) / The unit a code names on that day (default: the period's last day)")
    var asOf: String?

    @Option(help: "text | json")
    var format: Format = .text

    @Flag(name: .customLong("include-unsubmitted"),
          help: "Tính cả số liệu chưa gửi, chưa được duyệt (xem trước, không phải số liệu chính thức) / Include figures not yet submitted (a preview, not official)")
    var includeUnsubmitted = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        var day: CalendarDate?
        if let asOf {
            guard let d = CalendarDate(iso: asOf) else { throw CLIError("--as-of: \"\(asOf)\" không phải ngày dạng YYYY-MM-DD (ví dụ 2025-07-01).") }
            day = d
        }
        let runtime = try await database.openMigrated()
        let evaluation: PlanEvaluation
        do {
            evaluation = try await runtime.store.evaluate(plan: plan, period: period, unit: unit, unitsAsOf: day,
                                                          includeUnsubmitted: includeUnsubmitted, summed: true)
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(evaluation.document), as: UTF8.self))
        case .text:
            print(EvaluationText.render(evaluation))
        }
    }
}

/// The Vietnamese summary lines and a table, for a terminal.
enum EvaluationText {
    static func render(_ e: PlanEvaluation) -> String {
        var out: [String] = []
        out.append("\(e.plan.code) — \(e.period.labelVI) — \(e.unit.name)")
        out += e.reading?.linesVI ?? []
        out += e.lineage?.sentencesVI ?? []
        out.append("")
        out.append(e.summary.textVI(planName: e.plan.title))
        if !e.tasks.lines.isEmpty {
            out.append("")
            out.append(e.tasks.progressHeadlineVI(planName: e.plan.title))
            out += e.tasks.progressLinesVI().map { "- " + $0 }
            out += e.tasks.pillarLinesVI(e.plan.pillars).map { "- " + $0 }
        }
        out.append("")
        let header = ["STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Số liệu", "Đánh giá", "Nguồn số liệu"]
        let rows = e.indicators.map { r in
            [r.indicator.code,
             clip(r.indicator.name, 48),
             r.evaluation.target.map { $0.shortLabelVI(unit: r.indicator.unitOfMeasure) } ?? "",
             clip(r.valueLabelVI, 24),
             r.partsLabelVI ?? "",
             r.evaluation.labelVI,
             // As on the dashboard: the unit's own figure told apart from its units' reports.
             r.aggregate.provenanceVI(kind: e.unit.kind).joined(separator: "; ")]
        }
        out += table([header] + rows)
        return out.joined(separator: "\n")
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let t = VNText.clean(s)
        return t.count <= n ? t : String(t.prefix(n - 1)) + "…"
    }

    /// Columns padded by character count, which is what a terminal shows for Vietnamese in NFC.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.enumerated().flatMap { n, row -> [String] in
            let line = row.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            return n == 0 ? [line, widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] : [line]
        }
    }
}
