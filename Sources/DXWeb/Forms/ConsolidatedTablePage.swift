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
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.tableForms.path)\">\(t("Biểu mẫu"))</a> › "
            + "<a href=\"\(escape(SiteRoute.tableForm(code: code).path))\">\(escape(code))</a></p>"
        b += "<h1>\(escape(form.title))</h1>"
        b += DataPreview.banner(m.reading)
        b += "<form method=\"get\" action=\"\(escape(SiteRoute.tableFormTable(code: code, format: nil, period: nil).path))\" class=\"inline\" id=\"period-form\">"
        b += "<label>\(t("Kỳ báo cáo")) <select name=\"period\">"
        for p in m.periods {
            b += "<option value=\"\(escape(p.identifier))\"\(p == m.period ? " selected" : "")>\(escape(p.heading))</option>"
        }
        b += "</select></label> <button type=\"submit\">\(t("Xem"))</button></form>"
        let id = m.period.identifier
        b += "<p class=\"downloads\" id=\"downloads\">\(t("Tải về:")) "
            + "<a href=\"\(escape(SiteRoute.tableFormTable(code: code, format: "xlsx", period: id).path))\">Excel (XLSX)</a> · "
            + "<a href=\"\(escape(SiteRoute.tableFormTable(code: code, format: "csv", period: id).path))\">CSV</a></p>"
        if m.partial { b += "<p class=\"hint\">\(t("Bảng chỉ gồm các đơn vị thuộc phạm vi tài khoản của bạn; dòng tổng cộng các dòng này."))</p>" }

        b += "<div class=\"wide\"><table id=\"consolidated\" class=\"form-table\">\(FormTableHTML.head(form))<tbody>"
        for row in m.table.rows { b += line(m.table, row, total: false) }
        if let totals = m.table.totals { b += line(m.table, totals, total: true) }
        b += "</tbody></table></div>"
        if m.table.rows.isEmpty { b += "<p>\(t("Không có dòng nào trong kỳ này."))</p>" }

        if !m.table.violations.isEmpty {
            b += "<h2 id=\"violations\">\(t("Các dòng không thỏa mãn quy tắc kiểm tra (%@)", m.table.violations.count))</h2><ul class=\"violations\">"
            for v in m.table.violations {
                b += "<li>" + escape(t("Dòng “%@”: %@ (%@; vế trái %@, vế phải %@).", v.rowLabel, v.message, v.rule,
                                       VNNumber.format(v.left, fractionDigits: 4), VNNumber.format(v.right, fractionDigits: 4))) + "</li>"
            }
            b += "</ul>"
        }
        return Layout.page(title: "\(form.code) – \(m.period.heading)", body: b)
    }

    static func line(_ table: FormTable, _ row: FormTableRow, total: Bool) -> String {
        let form = table.form.form
        var b = total ? "<tr class=\"total\">" : "<tr>"
        if form.numbered { b += "<td>\(escape(row.number))</td>" }
        b += "<th scope=\"row\">\(escape(row.label))</th>"
        for c in form.columns {
            b += "<td\(c.kind.isNumeric ? " class=\"num\"" : "")>\(escape(table.display(row, c.key)))</td>"
        }
        return b + "</tr>"
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
