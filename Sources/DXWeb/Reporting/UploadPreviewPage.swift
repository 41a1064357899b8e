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
        var crumbs: [(href: String, text: String)] = [(SiteRoute.rounds.path, t("Đợt báo cáo")), (SiteRoute.round(round.code).path, round.title)]
        if let unit { crumbs.append((back, unit.name)) }
        return Layout.page(title: t("Nhập từ tệp Excel") + " · " + (unit?.name ?? round.title)) {
            ViewParts.crumbs(crumbs)
            Node.h1(text: t("Nhập từ tệp Excel"))
            Node.p(.class("meta")) {
                (unit?.name ?? t("Tất cả đơn vị")) + " · " + t("Tệp:") + " "
                Node.strong(text: m.fileName)
                if let r = m.report { " · " + t("phiên bản %@", r.status.version) }
            }
            if let why = m.refusal {
                Node.div(.class("box errbox"), Attribute("role", "alert"), .id("refusal")) {
                    Node.strong(text: t("Tệp bị từ chối, không áp dụng được:"))
                    " " + why
                }
            }
            if let c = m.conflict { conflict(c) }
            if let result = m.result { outcome(m, result) }
            Node.p { Node.a(.href(back), text: t("Quay lại báo cáo")) }
        }
    }

    static func conflict(_ c: ReportConflict) -> Node {
        .div(.class("box errbox"), Attribute("role", "alert"), .id("conflict")) {
            Node.strong(text: t("Xung đột dữ liệu:"))
            " " + translated(c.description)
            Node.ul { for e in c.changes { Node.li(text: AuditText.describe(e)) } }
            t("Chưa áp dụng gì. Tải mẫu mới, điền lại rồi tải lên.")
        }
    }

    /// The errors, warnings and changes the file holds, and "Áp dụng" when it may be applied.
    static func outcome(_ m: Model, _ result: RoundWorkbookUpload) -> Node {
        let errors = result.errors, warnings = result.issues.filter { !$0.isError }
        let units = m.report == nil
        return .group {
            if !errors.isEmpty {
                Node.div(.class("box errbox"), Attribute("role", "alert"), .id("errors")) {
                    Node.strong(text: t("Có %@ lỗi: chưa áp dụng được. Sửa tệp rồi tải lên lại.", errors.count))
                }
                issueTable(errors, id: "error-list", units: units)
            }
            if !warnings.isEmpty {
                Node.div(.class("box warnbox"), .id("warnings")) { Node.strong(text: t("Lưu ý (không ngăn việc áp dụng):")) }
                issueTable(warnings, id: "warning-list", units: units)
            }
            if result.changes.isEmpty {
                Node.p(.id("no-changes"), text: t("Tệp không có thay đổi nào so với báo cáo đang lưu."))
            } else {
                changeTable(result.changes, units: units)
            }
            if let id = m.uploadID, errors.isEmpty, !result.changes.isEmpty, m.conflict == nil { applyForm(m, id) }
        }
    }

    static func changeTable(_ changes: [WorkbookChange], units: Bool) -> Node {
        let heads = (units ? [t("Đơn vị")] : []) + [t("Trang tính"), t("Ô"), t("Mục"), t("Trường"), t("Đang lưu"), t("Trong tệp")]
        return .group {
            Node.h2(text: "\(t("Các thay đổi")) (\(changes.count))")
            Node.table(.id("changes")) {
                Node.columnHeads(heads, scoped: false)
                Node.tbody {
                    for c in changes {
                        Node.tr {
                            if units { Node.td(text: c.unit) }
                            for v in [c.sheet, c.cell ?? "", c.item, c.field, c.old, c.new] { Node.td(text: v) }
                        }
                    }
                }
            }
        }
    }

    static func applyForm(_ m: Model, _ id: String) -> Node {
        let apply = m.report.map { SiteRoute.unitReportUploadApply(round: m.round.code, unit: $0.status.unit.code) } ?? SiteRoute.roundUploadApply(m.round.code)
        return .form(.method("post"), .action(apply)) {
            csrfField(m.csrf)
            Node.hidden("upload", id)
            Node.div(.class("actions")) { Node.button(.type("submit"), .id("apply"), .class("primary"), text: t("Áp dụng")) }
        }
    }

    private static func issueTable(_ issues: [WorkbookIssue], id: String, units: Bool) -> Node {
        .table(.id(id)) {
            Node.columnHeads((units ? [t("Đơn vị")] : []) + [t("Trang tính"), t("Ô"), t("Nội dung")], scoped: false)
            Node.tbody {
                for i in issues {
                    Node.tr {
                        if units { Node.td(text: i.unit ?? "") }
                        for v in [i.sheet ?? "", i.cell ?? "", i.message] { Node.td(text: v) }
                    }
                }
            }
        }
    }

    /// The upload form: a filled workbook, previewed before anything changes.
    static func uploadForm(_ action: SiteRoute, csrf: String) -> Node {
        .form(.method("post"), Attribute("enctype", "multipart/form-data"), .action(action), .class("stack")) {
            csrfField(csrf)
            ViewParts.field(t("Tệp Excel đã điền (.xlsx, tối đa %@ MB)", UploadLimits.maxFileBytes / 1_048_576),
                            Node.input(.type("file"), .name("file"), Attribute("accept", ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), .flag("required")))
            Node.button(.type("submit"), .id("upload"), text: t("Tải lên và xem trước"))
        }
    }

    /// The part of a round page that offers the workbook of every unit and its upload.
    static func roundSection(round: ReportingRound, csrf: String) -> Node {
        .group {
            Node.h2(.id("excel"), text: t("Nhập từ tệp Excel"))
            Node.p { Node.a(.href(.roundWorkbook(round.code)), .id("download-round-template"), text: t("Tải mẫu Excel của tất cả đơn vị")) }
            uploadForm(.roundUpload(round.code), csrf: csrf)
        }
    }

    /// The part of a report page that offers the template and, to those who may edit, the upload.
    static func section(report r: UnitReport, csrf: String, editable: Bool) -> Node {
        let unit = r.status.unit.code
        return .group {
            Node.h2(.id("excel"), text: t("Nhập từ tệp Excel"))
            Node.p {
                Node.a(.href(.unitReportWorkbook(round: r.round.code, unit: unit)), .id("download-template"), text: t("Tải mẫu Excel của báo cáo"))
                " · " + t("điền ngoại tuyến rồi tải lên để xem trước các thay đổi.")
            }
            if editable { uploadForm(.unitReportUpload(round: r.round.code, unit: unit), csrf: csrf) }
        }
    }
}
