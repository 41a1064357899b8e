import DXCore
import DXDocuments
import Foundation

/// A form's consolidated table for a period: the units' rows, the totals and the rows that
/// break an identity.
enum ConsolidatedTablePage {
    struct Model {
        var table: FormTable
        var period: Period
        /// Periods to choose from, latest first.
        var periods: [Period]
        /// Whether the table is narrowed to the account's own units.
        var partial: Bool
        /// When the rows were read; only submitted reports count.
        var reading: DataReading
    }

    static func render(_ m: Model) -> String {
        let form = m.table.form.form
        let code = form.code
        return Layout.page(title: "\(form.code) – \(m.period.heading)") {
            Node.p(.class("crumbs")) {
                Node.link(.tableForms, t("Biểu mẫu"))
                " › "
                Node.link(.tableForm(code: code), code)
            }
            Node.h1(text: form.title)
            DataPreview.banner(m.reading)
            periodForm(m, code: code)
            Node.p(.class("downloads"), .id("downloads")) {
                "\(t("Tải về:")) "
                Node.link(.tableFormTable(code: code, format: "xlsx", period: m.period.identifier), "Excel (XLSX)")
                " · "
                Node.link(.tableFormTable(code: code, format: "csv", period: m.period.identifier), "CSV")
            }
            if m.partial { Node.p(.class("hint"), text: t("Bảng chỉ gồm các đơn vị thuộc phạm vi tài khoản của bạn; dòng tổng cộng các dòng này.")) }
            wideTable {
                Node.table(.id("consolidated"), .class("form-table")) {
                    FormTableHTML.head(form)
                    Node.tbody {
                        m.table.rows.map { line(m.table, $0, total: false) }
                        if let totals = m.table.totals { line(m.table, totals, total: true) }
                    }
                }
            }
            if m.table.rows.isEmpty { Node.p(text: t("Không có dòng nào trong kỳ này.")) }
            violations(m.table)
        }
    }

    static func periodForm(_ m: Model, code: String) -> Node {
        .form(.method("get"), .action(.tableFormTable(code: code, format: nil, period: nil)), .class("inline"), .id("period-form")) {
            Node.label {
                t("Kỳ báo cáo")
                " "
                Node.select(.name("period")) {
                    m.periods.map { p in Node.option(.value(p.identifier), .flag("selected", p == m.period), text: p.heading) }
                }
            }
            " "
            Node.button(.type("submit"), text: t("Xem"))
        }
    }

    static func violations(_ table: FormTable) -> Node {
        guard !table.violations.isEmpty else { return .empty }
        return .group {
            Node.h2(.id("violations"), text: t("Các dòng không thỏa mãn quy tắc kiểm tra (%@)", table.violations.count))
            Node.ul(.class("violations")) {
                table.violations.map { v in
                    Node.li(text: t("Dòng “%@”: %@ (%@; vế trái %@, vế phải %@).", v.rowLabel, v.message, v.rule,
                                    VNNumber.format(v.left, fractionDigits: 4), VNNumber.format(v.right, fractionDigits: 4)))
                }
            }
        }
    }

    static func line(_ table: FormTable, _ row: FormTableRow, total: Bool) -> Node {
        let form = table.form.form
        return .tr(total ? .class("total") : nil) {
            if form.numbered { Node.td(text: row.number) }
            Node.th(.scope("row"), text: row.label)
            for c in form.columns { Node.td(c.kind.isNumeric ? .class("num") : nil, text: table.display(row, c.key)) }
        }
    }

    /// The table for a spreadsheet: one header line of flattened titles, "Số hồ sơ › Tổng số
    /// (hồ sơ) (3)", then the rows as the page shows them. Formatted text rather than raw
    /// numbers, as the report's own CSV appendix does: an official opens it in Excel set up for
    /// Vietnamese, which reads "1.445.521" and "56,25%" back as numbers, and the rounding and
    /// the division-by-zero dash stay those of the report. The XLSX is the file to compute with.
    static func csv(_ table: FormTable, reading: DataReading) -> Data {
        let form = table.form.form
        var header = (form.numbered ? ["STT"] : []) + [form.rowHeader]
        for c in form.columns {
            var title = c.title
            if let u = c.unitOfMeasure, !u.isEmpty { title += " (\(u))" }
            header.append((c.group + [title]).joined(separator: " › ") + " " + FormExpression.column(c.key).description)
        }
        // The same note rows as the report's appendices: after the table, so the header stays first.
        let notes = [[String]()] + reading.linesVI.map { ["Ghi chú: \($0)"] }
        return CSVWriter().write([header] + table.displayRows() + notes)
    }
}
