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
        Layout.page(title: t("Biểu mẫu")) {
            Node.h1(text: t("Biểu mẫu"))
            Node.p(.class("hint"), text: t("Bảng số liệu các đơn vị điền trong đợt báo cáo: cột nhập, cột tính theo công thức, dòng tổng và quy tắc kiểm tra."))
            if m.canEdit { Node.p { Node.link(.newTableForm, t("Tạo biểu mẫu"), .class("button")) } }
            if m.forms.isEmpty {
                emptyState(t("Chưa có biểu mẫu nào."), next: m.canEdit
                    ? t("Bấm “Tạo biểu mẫu” để khai báo cột nhập, cột tính và dòng tổng.")
                    : t("Người điều phối tạo biểu mẫu; khi đó biểu mẫu hiện ở đây."))
            } else {
                formsTable(m.forms)
            }
            if m.canEdit { importForm(m) }
        }
    }

    static func formsTable(_ forms: [TableForm]) -> Node {
        wideTable {
            Node.table(.id("forms")) {
                Node.columnHeads([t("Mã"), t("Tên biểu mẫu"), t("Số cột"), t("Các dòng"), t("Bảng tổng hợp")], scoped: false)
                Node.tbody {
                    for f in forms {
                        Node.tr(.data("form", f.code)) {
                            Node.td(text: f.code)
                            Node.td { Node.link(.tableForm(code: f.code), f.title) }
                            Node.td(.class("num"), text: "\(f.columns.count)")
                            Node.td(text: rowSource(f.rows))
                            Node.td { Node.link(.tableFormTable(code: f.code, format: nil, period: nil), t("Xem bảng tổng hợp")) }
                        }
                    }
                }
            }
        }
    }

    static func importForm(_ m: Model) -> Node {
        .group {
            Node.h2(.id("import"), text: t("Nhập biểu mẫu từ tệp JSON"))
            if !m.importProblems.isEmpty {
                Node.div(.class("box errbox"), .role("alert")) {
                    Node.strong(text: t("Chưa nhập được biểu mẫu:"))
                    Node.ul { m.importProblems.map { Node.li(text: translated($0)) } }
                }
            }
            Node.form(.method("post"), .action(.importTableForm), Attribute("enctype", "multipart/form-data"), .class("stack")) {
                csrfField(m.csrf)
                Node.label {
                    t("Tệp JSON (tải về từ trang của một biểu mẫu)")
                    " "
                    Node.input(.type("file"), .name("file"), Attribute("accept", ".json,application/json"))
                }
                Node.label {
                    t("Hoặc dán nội dung tệp JSON")
                    " "
                    Node.textarea(.name("json"), .attr("rows", 8), Attribute("spellcheck", "false"), text: m.importText)
                }
                Node.p(.class("hint"), text: t("Tối đa %@ KB. Khi đã chọn tệp, nội dung dán bị bỏ qua.", FormsController.maxImportBytes / 1024))
                Node.label(.class("check")) {
                    Node.input(.type("checkbox"), .name("replace"), .value("1"), .flag("checked", m.importReplace))
                    " \(t("Thay thế biểu mẫu đã có cùng mã"))"
                }
                Node.button(.type("submit"), text: t("Nhập biểu mẫu"))
            }
        }
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
        return Layout.page(title: title) {
            Node.p(.class("crumbs")) { Node.link(.tableForms, t("Biểu mẫu")) }
            Node.h1(text: title)
            if let f = m.flash { Node.p(.class("ok"), .role("status"), text: f) }
            if let form = m.saved {
                Node.p {
                    "\(TableFormsPage.rowSource(form.rows)) · "
                    Node.link(.tableFormTable(code: form.code, format: nil, period: nil), t("Xem bảng tổng hợp"))
                    " · "
                    Node.link(.tableFormJSON(code: form.code), t("Tải tệp JSON"))
                }
            }
            if let p = m.preview {
                Node.h2(text: t("Xem trước tiêu đề bảng"))
                wideTable { Node.table(.id("preview"), .class("form-table")) { FormTableHTML.head(p) } }
            }
            if m.canEdit {
                if m.saved != nil { Node.h2(text: t("Sửa biểu mẫu")) }
                FormDesignerForm.render(m.values, columnRows: m.columnRows, isNew: m.saved == nil,
                                        action: m.saved.map { SiteRoute.tableForm(code: $0.code).path } ?? SiteRoute.newTableForm.path,
                                        issues: m.issues, csrf: m.csrf)
            } else if let form = m.saved {
                definition(form)
            }
        }
    }

    /// The columns and rules, for readers who may not change them.
    static func definition(_ form: TableForm) -> Node {
        .group {
            Node.h2(text: t("Các cột"))
            wideTable {
                Node.table(.id("columns")) {
                    Node.columnHeads([t("Cột"), t("Tiêu đề"), t("Loại"), t("Dòng tổng")], scoped: false)
                    Node.tbody {
                        for c in form.columns {
                            Node.tr {
                                Node.td(text: c.numberLabel)
                                Node.td(text: (c.group + [c.title]).joined(separator: " › "))
                                Node.td(text: c.kind.label + (c.required ? " (\(t("bắt buộc")))" : ""))
                                Node.td(text: translated(c.total.labelVI))
                            }
                        }
                    }
                }
            }
            if !form.identities.isEmpty {
                Node.h2(text: t("Quy tắc kiểm tra"))
                Node.ul { form.identities.map { Node.li(text: $0.rule + ($0.message.map { ": " + $0 } ?? "")) } }
            }
        }
    }
}

/// A form's table in HTML: the header from `TableForm.headerLayout()` with its spans.
enum FormTableHTML {
    static func head(_ form: TableForm) -> Node {
        let layout = form.headerLayout()
        return .thead {
            for (i, row) in layout.rows.enumerated() {
                Node.tr(form.showColumnNumbers && i == layout.rowCount - 1 ? .class("numbers") : nil) {
                    for c in row {
                        Node.th(c.columnSpan > 1 ? .attr("colspan", c.columnSpan) : nil, .scope(c.columnSpan > 1 ? "colgroup" : "col"),
                                c.rowSpan > 1 ? .attr("rowspan", c.rowSpan) : nil, text: c.text)
                    }
                }
            }
        }
    }
}
