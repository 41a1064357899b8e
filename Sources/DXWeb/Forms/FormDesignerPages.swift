import DXCore
import Foundation

/// The saved forms with the JSON import, and one form's page: the header preview, its JSON,
/// and the designer (read-only for accounts that do not set up).
enum TableFormsPage {
    struct Model {
        var forms: [TableForm]
        var canEdit: Bool
        /// The import box after a failed import: what was pasted and why it was refused.
        var importText: String = ""
        var importReplace: Bool = false
        var importProblems: [String] = []
        var csrf: String
    }

    static func render(_ m: Model) -> String {
        var b = "<h1>\(t("Biểu mẫu"))</h1>"
        b += "<p class=\"hint\">\(t("Bảng số liệu các đơn vị điền trong đợt báo cáo: cột nhập, cột tính theo công thức, dòng tổng và quy tắc kiểm tra."))</p>"
        if m.canEdit { b += "<p><a class=\"button\" href=\"\(SiteRoute.newTableForm.path)\">\(t("Tạo biểu mẫu"))</a></p>" }
        if m.forms.isEmpty {
            b += emptyState(t("Chưa có biểu mẫu nào."), next: m.canEdit
                ? t("Bấm “Tạo biểu mẫu” để khai báo cột nhập, cột tính và dòng tổng.")
                : t("Người điều phối tạo biểu mẫu; khi đó biểu mẫu hiện ở đây."))
        }
        else {
            b += "<div class=\"wide\"><table id=\"forms\"><thead><tr><th>\(t("Mã"))</th><th>\(t("Tên biểu mẫu"))</th><th>\(t("Số cột"))</th>"
                + "<th>\(t("Các dòng"))</th><th>\(t("Bảng tổng hợp"))</th></tr></thead><tbody>"
            for f in m.forms {
                b += "<tr data-form=\"\(escape(f.code))\"><td>\(escape(f.code))</td><td><a href=\"\(escape(SiteRoute.tableForm(code: f.code).path))\">\(escape(f.title))</a></td>"
                b += "<td class=\"num\">\(f.columns.count)</td><td>\(escape(rowSource(f.rows)))</td>"
                b += "<td><a href=\"\(escape(SiteRoute.tableFormTable(code: f.code, format: nil, period: nil).path))\">\(t("Xem bảng tổng hợp"))</a></td></tr>"
            }
            b += "</tbody></table></div>"
        }
        if m.canEdit {
            b += "<h2 id=\"import\">\(t("Nhập biểu mẫu từ tệp JSON"))</h2>"
            if !m.importProblems.isEmpty {
                b += "<div class=\"box errbox\" role=\"alert\"><strong>\(t("Chưa nhập được biểu mẫu:"))</strong><ul>"
                    + m.importProblems.map { "<li>\(escape(translated($0)))</li>" }.joined() + "</ul></div>"
            }
            b += "<form method=\"post\" action=\"\(SiteRoute.importTableForm.path)\" enctype=\"multipart/form-data\" class=\"stack\">\(CSRFMiddleware.field(m.csrf))"
            b += "<label>\(t("Tệp JSON (tải về từ trang của một biểu mẫu)")) <input type=\"file\" name=\"file\" accept=\".json,application/json\"></label>"
            b += "<label>\(t("Hoặc dán nội dung tệp JSON")) <textarea name=\"json\" rows=\"8\" spellcheck=\"false\">\(escape(m.importText))</textarea></label>"
            b += "<p class=\"hint\">\(t("Tối đa %@ KB. Khi đã chọn tệp, nội dung dán bị bỏ qua.", FormsController.maxImportBytes / 1024))</p>"
            b += "<label class=\"check\"><input type=\"checkbox\" name=\"replace\" value=\"1\"\(m.importReplace ? " checked" : "")> \(t("Thay thế biểu mẫu đã có cùng mã"))</label>"
            b += "<button type=\"submit\">\(t("Nhập biểu mẫu"))</button></form>"
        }
        return Layout.page(title: t("Biểu mẫu"), body: b)
    }

    static func rowSource(_ rows: FormRowSource) -> String {
        switch rows {
        case .fixed(let categories): return t("%@ dòng cố định", categories.count)
        case .units(let s):
            if !s.unitCodes.isEmpty { return t("Mỗi đơn vị một dòng: %@ đơn vị chỉ định", s.unitCodes.count) }
            if s.unitKinds.isEmpty { return t("Mỗi đơn vị một dòng: mọi đơn vị") }
            return t("Mỗi đơn vị một dòng: %@", s.unitKinds.map { translated($0.labelVI) }.joined(separator: "; "))
        }
    }
}

enum TableFormPage {
    struct Model {
        /// The saved form; nil on the page that creates one.
        var saved: TableForm?
        /// The designer's fields: the saved form's, or what was posted.
        var values: FormData
        var columnRows: Int
        var issues: [FieldIssue] = []
        /// Whose header the preview draws: the saved form, or a valid unsaved one.
        var preview: TableForm?
        var canEdit: Bool
        var flash: String?
        var csrf: String
    }

    static func render(_ m: Model) -> String {
        let title = m.saved.map { "\($0.code) – \($0.title)" } ?? t("Tạo biểu mẫu")
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.tableForms.path)\">\(t("Biểu mẫu"))</a></p><h1>\(escape(title))</h1>"
        if let f = m.flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let form = m.saved {
            b += "<p>\(escape(TableFormsPage.rowSource(form.rows))) · "
                + "<a href=\"\(escape(SiteRoute.tableFormTable(code: form.code, format: nil, period: nil).path))\">\(t("Xem bảng tổng hợp"))</a> · "
                + "<a href=\"\(escape(SiteRoute.tableFormJSON(code: form.code).path))\">\(t("Tải tệp JSON"))</a></p>"
        }
        if let p = m.preview {
            b += "<h2>\(t("Xem trước tiêu đề bảng"))</h2><div class=\"wide\"><table id=\"preview\" class=\"form-table\">\(FormTableHTML.head(p))</table></div>"
        }
        if m.canEdit {
            if m.saved != nil { b += "<h2>\(t("Sửa biểu mẫu"))</h2>" }
            let action = m.saved.map { SiteRoute.tableForm(code: $0.code).path } ?? SiteRoute.newTableForm.path
            b += FormDesignerForm.render(m.values, columnRows: m.columnRows, isNew: m.saved == nil, action: action, issues: m.issues, csrf: m.csrf)
        } else if let form = m.saved {
            b += definition(form)
        }
        return Layout.page(title: title, body: b)
    }

    /// The columns and rules, for readers who may not change them.
    static func definition(_ form: TableForm) -> String {
        var b = "<h2>\(t("Các cột"))</h2><div class=\"wide\"><table id=\"columns\"><thead><tr><th>\(t("Cột"))</th><th>\(t("Tiêu đề"))</th>"
            + "<th>\(t("Loại"))</th><th>\(t("Dòng tổng"))</th></tr></thead><tbody>"
        for c in form.columns {
            b += "<tr><td>\(escape(c.numberLabel))</td><td>\(escape((c.group + [c.title]).joined(separator: " › ")))</td>"
            b += "<td>\(escape(c.kind.label))\(c.required ? " (\(t("bắt buộc")))" : "")</td><td>\(escape(translated(c.total.labelVI)))</td></tr>"
        }
        b += "</tbody></table></div>"
        if !form.identities.isEmpty {
            b += "<h2>\(t("Quy tắc kiểm tra"))</h2><ul>" + form.identities.map {
                "<li>\(escape($0.rule))\($0.message.map { ": " + escape($0) } ?? "")</li>"
            }.joined() + "</ul>"
        }
        return b
    }
}

/// A form's table in HTML: the header from `TableForm.headerLayout()` with its spans.
enum FormTableHTML {
    static func head(_ form: TableForm) -> String {
        let layout = form.headerLayout()
        var b = "<thead>"
        for (i, row) in layout.rows.enumerated() {
            b += form.showColumnNumbers && i == layout.rowCount - 1 ? "<tr class=\"numbers\">" : "<tr>"
            for c in row {
                let spans = (c.columnSpan > 1 ? " colspan=\"\(c.columnSpan)\" scope=\"colgroup\"" : " scope=\"col\"")
                    + (c.rowSpan > 1 ? " rowspan=\"\(c.rowSpan)\"" : "")
                b += "<th\(spans)>\(escape(c.text))</th>"
            }
            b += "</tr>"
        }
        return b + "</thead>"
    }
}
