import DXCore
import DXStore
import Foundation

/// What an uploaded workbook would change, and why it cannot be applied when it cannot: the
/// errors by sheet and cell. "Áp dụng" appears only for a file without errors that changes
/// something.
enum UploadPreviewPage {
    struct Model {
        var round: ReportingRound
        /// The unit's report; nil for the workbook of every unit.
        var report: UnitReport?
        var fileName: String
        var csrf: String
        /// Why the file could not be read at all (not a spreadsheet, over a limit, hostile).
        var refusal: String?
        var result: RoundWorkbookUpload?
        /// Set when the file may be applied.
        var uploadID: String?
        var conflict: ReportConflict?
    }

    static func render(_ m: Model) -> String {
        let round = m.round, unit = m.report?.status.unit
        let back = unit.map { SiteRoute.unitReport(round: round.code, unit: $0.code).path } ?? SiteRoute.round(round.code).path
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.rounds.path)\">\(t("Đợt báo cáo"))</a> › <a href=\"\(SiteRoute.round(round.code).path)\">\(escape(round.title))</a>"
        if let unit { b += " › <a href=\"\(back)\">\(escape(unit.name))</a>" }
        b += "</p><h1>\(t("Nhập từ tệp Excel"))</h1>"
        b += "<p class=\"meta\">\(escape(unit?.name ?? t("Tất cả đơn vị"))) · \(t("Tệp:")) <strong>\(escape(m.fileName))</strong>"
        if let r = m.report { b += " · \(t("phiên bản %@", r.status.version))" }
        b += "</p>"
        if let why = m.refusal {
            b += "<div class=\"box errbox\" role=\"alert\" id=\"refusal\"><strong>\(t("Tệp bị từ chối, không áp dụng được:"))</strong> \(escape(why))</div>"
        }
        if let c = m.conflict {
            b += "<div class=\"box errbox\" role=\"alert\" id=\"conflict\"><strong>\(t("Xung đột dữ liệu:"))</strong> \(escape(translated(c.description)))<ul>"
            for e in c.changes { b += "<li>\(escape(AuditText.describe(e)))</li>" }
            b += "</ul>\(t("Chưa áp dụng gì. Tải mẫu mới, điền lại rồi tải lên."))</div>"
        }
        if let result = m.result {
            let errors = result.errors, warnings = result.issues.filter { !$0.isError }
            if !errors.isEmpty {
                b += "<div class=\"box errbox\" role=\"alert\" id=\"errors\"><strong>\(t("Có %@ lỗi: chưa áp dụng được. Sửa tệp rồi tải lên lại.", errors.count))</strong></div>"
                b += issueTable(errors, id: "error-list", units: m.report == nil)
            }
            if !warnings.isEmpty {
                b += "<div class=\"box warnbox\" id=\"warnings\"><strong>\(t("Lưu ý (không ngăn việc áp dụng):"))</strong></div>"
                b += issueTable(warnings, id: "warning-list", units: m.report == nil)
            }
            let changes = result.changes
            if changes.isEmpty {
                b += "<p id=\"no-changes\">\(t("Tệp không có thay đổi nào so với báo cáo đang lưu."))</p>"
            } else {
                let units = m.report == nil
                b += "<h2>\(t("Các thay đổi")) (\(changes.count))</h2><table id=\"changes\"><thead><tr>\(units ? "<th>\(t("Đơn vị"))</th>" : "")<th>\(t("Trang tính"))</th><th>\(t("Ô"))</th><th>\(t("Mục"))</th><th>\(t("Trường"))</th><th>\(t("Đang lưu"))</th><th>\(t("Trong tệp"))</th></tr></thead><tbody>"
                for c in changes {
                    b += "<tr>\(units ? "<td>\(escape(c.unit))</td>" : "")<td>\(escape(c.sheet))</td><td>\(escape(c.cell ?? ""))</td><td>\(escape(c.item))</td><td>\(escape(c.field))</td><td>\(escape(c.old))</td><td>\(escape(c.new))</td></tr>"
                }
                b += "</tbody></table>"
            }
            if let id = m.uploadID, errors.isEmpty, !changes.isEmpty, m.conflict == nil {
                let apply = unit.map { SiteRoute.unitReportUploadApply(round: round.code, unit: $0.code) } ?? SiteRoute.roundUploadApply(round.code)
                b += "<form method=\"post\" action=\"\(apply.path)\">"
                b += CSRFMiddleware.field(m.csrf) + "<input type=\"hidden\" name=\"upload\" value=\"\(escape(id))\">"
                b += "<div class=\"actions\"><button type=\"submit\" id=\"apply\" class=\"primary\">\(t("Áp dụng"))</button></div></form>"
            }
        }
        b += "<p><a href=\"\(back)\">\(t("Quay lại báo cáo"))</a></p>"
        return Layout.page(title: t("Nhập từ tệp Excel") + " · " + (unit?.name ?? round.title), body: b)
    }

    private static func issueTable(_ issues: [WorkbookIssue], id: String, units: Bool) -> String {
        var b = "<table id=\"\(id)\"><thead><tr>\(units ? "<th>\(t("Đơn vị"))</th>" : "")<th>\(t("Trang tính"))</th><th>\(t("Ô"))</th><th>\(t("Nội dung"))</th></tr></thead><tbody>"
        for i in issues {
            b += "<tr>\(units ? "<td>\(escape(i.unit ?? ""))</td>" : "")<td>\(escape(i.sheet ?? ""))</td><td>\(escape(i.cell ?? ""))</td><td>\(escape(i.message))</td></tr>"
        }
        return b + "</tbody></table>"
    }

    /// The part of a round page that offers the workbook of every unit and its upload.
    static func roundSection(round: ReportingRound, csrf: String) -> String {
        var b = "<h2 id=\"excel\">\(t("Nhập từ tệp Excel"))</h2>"
        b += "<p><a href=\"\(SiteRoute.roundWorkbook(round.code).path)\" id=\"download-round-template\">\(t("Tải mẫu Excel của tất cả đơn vị"))</a></p>"
        b += "<form method=\"post\" enctype=\"multipart/form-data\" action=\"\(SiteRoute.roundUpload(round.code).path)\" class=\"stack\">"
        b += CSRFMiddleware.field(csrf)
        b += "<label>\(t("Tệp Excel đã điền (.xlsx, tối đa %@ MB)", UploadLimits.maxFileBytes / 1_048_576)) <input type=\"file\" name=\"file\" accept=\".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\" required></label>"
        b += "<button type=\"submit\" id=\"upload\">\(t("Tải lên và xem trước"))</button></form>"
        return b
    }

    /// The part of a report page that offers the template and, to those who may edit, the upload.
    static func section(report r: UnitReport, csrf: String, editable: Bool) -> String {
        let unit = r.status.unit.code
        var b = "<h2 id=\"excel\">\(t("Nhập từ tệp Excel"))</h2>"
        b += "<p><a href=\"\(SiteRoute.unitReportWorkbook(round: r.round.code, unit: unit).path)\" id=\"download-template\">\(t("Tải mẫu Excel của báo cáo"))</a> · \(t("điền ngoại tuyến rồi tải lên để xem trước các thay đổi."))</p>"
        if editable {
            b += "<form method=\"post\" enctype=\"multipart/form-data\" action=\"\(SiteRoute.unitReportUpload(round: r.round.code, unit: unit).path)\" class=\"stack\">"
            b += CSRFMiddleware.field(csrf)
            b += "<label>\(t("Tệp Excel đã điền (.xlsx, tối đa %@ MB)", UploadLimits.maxFileBytes / 1_048_576)) <input type=\"file\" name=\"file\" accept=\".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\" required></label>"
            b += "<button type=\"submit\" id=\"upload\">\(t("Tải lên và xem trước"))</button></form>"
        }
        return b
    }
}
