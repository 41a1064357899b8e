import DXCore
import DXStore
import Foundation

/// The form that configures a report template: plans, unit, appendices, header, signer and
/// recipients; and reading it back.
enum ReportTemplateForm {
    /// What the selects and checkboxes offer.
    struct Choices {
        var plans: [PlanSummary]
        var forms: [TableForm]
    }

    /// Field values shown: what was posted (after an error), else the template's.
    static func values(_ t: ReportTemplate) -> [String: String] {
        let s = t.settings
        var v = [
            "code": t.code, "name": t.name, "plan": t.planCode, "tasksPlan": t.tasksPlanCode ?? "", "unit": t.unitCode ?? "",
            "parentBody": s.parentBody, "issuingBody": s.issuingBody, "symbol": s.symbol, "place": s.place,
            "subject": s.subject, "introduction": s.introduction, "authority": s.authority.joined(separator: "\n"),
            "signerName": s.signerName, "recipients": s.recipients.joined(separator: "\n"), "archive": s.archive,
            "byUnitIndicator": s.byUnitIndicator ?? "",
        ]
        if s.includeTasks { v["includeTasks"] = "1" }
        if s.includeDocuments { v["includeDocuments"] = "1" }
        if s.documentScope == .subtree { v["documentsOfSubunits"] = "1" }
        for code in s.formAppendices ?? [] { v["formAppendix.\(code)"] = "1" }
        return v
    }

    static func render(_ values: [String: String], choices: Choices, isNew: Bool, action: String, issues: [FieldIssue], csrf: String) -> String {
        func v(_ n: String) -> String { escape(values[n] ?? "") }
        func msg(_ p: String) -> String {
            issues.filter { $0.path == p }.map { "<p class=\"err\" id=\"err-\(p)\">\(escape(translated($0.message)))</p>" }.joined()
        }
        func invalid(_ p: String) -> String { issues.contains { $0.path == p } ? " aria-invalid=\"true\" aria-describedby=\"err-\(p)\"" : "" }
        /// `label` and `hint` come already translated.
        func input(_ name: String, _ label: String, required: Bool = false, hint: String? = nil) -> String {
            "<label>\(escape(label)) <input name=\"\(name)\" value=\"\(v(name))\"\(required ? " required" : "")\(invalid(name))></label>"
                + (hint.map { "<p class=\"hint\">\(escape($0))</p>" } ?? "") + msg(name)
        }
        func area(_ name: String, _ label: String, rows: Int, hint: String? = nil) -> String {
            "<label>\(escape(label)) <textarea name=\"\(name)\" rows=\"\(rows)\"\(invalid(name))>\(v(name))</textarea></label>"
                + (hint.map { "<p class=\"hint\">\(escape($0))</p>" } ?? "") + msg(name)
        }
        func check(_ name: String, _ label: String) -> String {
            "<label class=\"check\"><input type=\"checkbox\" name=\"\(name)\" value=\"1\"\(values[name] != nil ? " checked" : "")> \(escape(label))</label>"
        }
        func planOptions(_ selected: String?, blank: String?) -> String {
            SetupPages.options(choices.plans, selected: selected, value: \.plan.code, label: { "\($0.plan.code) – \($0.plan.title)" }, blank: blank)
        }
        var b = ""
        let errors = issues.filter { $0.severity == .error }
        if !errors.isEmpty {
            b += "<div class=\"box errbox\" role=\"alert\"><strong>\(t("Chưa lưu được mẫu báo cáo:"))</strong><ul>" + errors.map { "<li>\(escape(translated($0.message)))</li>" }.joined() + "</ul></div>"
        }
        b += "<form method=\"post\" action=\"\(escape(action))\" class=\"stack\" id=\"template-form\">\(CSRFMiddleware.field(csrf))"
        if isNew {
            b += input("code", t("Mã mẫu (chữ thường không dấu, số, gạch ngang)"), required: true)
        } else {
            b += "<input type=\"hidden\" name=\"code\" value=\"\(v("code"))\">"
        }
        b += input("name", t("Tên mẫu báo cáo"), required: true)
        b += "<fieldset><legend>\(t("Số liệu"))</legend>"
        b += "<label>\(t("Kế hoạch có các chỉ tiêu được đánh giá")) <select name=\"plan\"\(invalid("plan"))>" + planOptions(values["plan"], blank: nil) + "</select></label>\(msg("plan"))"
        b += "<label>\(t("Kế hoạch nhiệm vụ (mục I.2 và phụ lục nhiệm vụ)")) <select name=\"tasksPlan\"\(invalid("tasksPlan"))>"
            + planOptions(values["tasksPlan"], blank: t("— Nhiệm vụ của chính kế hoạch trên —")) + "</select></label>\(msg("tasksPlan"))"
        b += input("unit", t("Mã đơn vị báo cáo"), hint: t("Để trống: tỉnh của cơ quan ban hành kế hoạch."))
        b += "</fieldset><fieldset><legend>\(t("Phụ lục"))</legend><p class=\"hint\">\(t("Phụ lục chỉ tiêu luôn có; số phụ lục đánh theo những phụ lục được chọn."))</p>"
        b += check("includeTasks", t("Phụ lục nhiệm vụ"))
        b += check("includeDocuments", t("Phụ lục văn bản đã ban hành trong kỳ"))
        b += check("documentsOfSubunits", t("Kể cả văn bản của cấp huyện, xã trực thuộc"))
        b += input("byUnitIndicator", t("Phụ lục một chỉ tiêu theo đơn vị: mã chỉ tiêu"), hint: t("Ví dụ 16; để trống nếu không có phụ lục này."))
        if !choices.forms.isEmpty {
            b += "<p class=\"hint\">\(t("Phụ lục bảng tổng hợp theo biểu mẫu (số liệu các đơn vị nhập trong kỳ):"))</p>"
            for form in choices.forms { b += check("formAppendix.\(form.code)", "\(form.code) – \(form.title)") }
        }
        b += "</fieldset><fieldset><legend>\(t("Phần đầu văn bản"))</legend>"
        b += input("parentBody", t("Cơ quan chủ quản"), hint: t("Ví dụ UBND tỉnh Thái Bình; để trống nếu không có."))
        b += input("issuingBody", t("Cơ quan ban hành"), required: true)
        b += input("symbol", t("Ký hiệu (sau số và dấu “/”)"), required: true, hint: t("Ví dụ BC-BCĐ; số báo cáo và ngày nhập khi phát hành."))
        b += input("place", t("Địa danh"), required: true)
        b += input("subject", t("Trích yếu"), hint: t("Để trống: “Kết quả chuyển đổi số <kỳ> <đơn vị>”."))
        b += area("introduction", t("Đoạn mở đầu"), rows: 3, hint: t("Để trống: căn cứ các kế hoạch được đánh giá."))
        b += "</fieldset><fieldset><legend>\(t("Ký và nơi nhận"))</legend>"
        b += area("authority", t("Thẩm quyền ký (mỗi dòng một dòng)"), rows: 2, hint: t("Ví dụ: TM. Ban Chỉ đạo ↵ Trưởng ban."))
        b += input("signerName", t("Họ và tên người ký"))
        b += area("recipients", t("Nơi nhận (mỗi dòng một nơi)"), rows: 6)
        b += input("archive", t("Lưu (nơi giữ bản lưu)"), required: true, hint: t("Ví dụ VT, CNTT."))
        b += "</fieldset><button type=\"submit\" class=\"primary\">\(isNew ? t("Tạo mẫu báo cáo") : t("Lưu mẫu báo cáo"))</button></form>"
        return b
    }

    /// The template a posted form describes, with the form's own problems (the store checks
    /// that plans, unit and indicator exist).
    static func read(_ f: FormData) -> (template: ReportTemplate, issues: [FieldIssue]) {
        func text(_ n: String) -> String { VNText.clean(f[n] ?? "") }
        func optional(_ n: String) -> String? { let t = text(n); return t.isEmpty ? nil : t }
        func lines(_ n: String) -> [String] {
            (f[n] ?? "").split(whereSeparator: \.isNewline).map { VNText.clean(String($0)) }.filter { !$0.isEmpty }
        }
        var settings = ReportSettings(
            parentBody: text("parentBody"), issuingBody: text("issuingBody"), symbol: text("symbol"), place: text("place"),
            date: CalendarDate.today(), subject: text("subject"),
            introduction: (f["introduction"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            authority: lines("authority"), signerName: text("signerName"), recipients: lines("recipients"), archive: text("archive"),
            includeTasks: f["includeTasks"] != nil, includeDocuments: f["includeDocuments"] != nil,
            byUnitIndicator: optional("byUnitIndicator"))
        let forms = f.pairs.compactMap { name, _ in name.hasPrefix("formAppendix.") ? String(name.dropFirst("formAppendix.".count)) : nil }
        settings.formAppendices = forms.isEmpty ? nil : forms
        settings.documentScope = f["documentsOfSubunits"] != nil ? .subtree : nil
        let template = ReportTemplate(code: (f["code"] ?? "").trimmingCharacters(in: .whitespaces), name: text("name"), planCode: text("plan"),
                               tasksPlanCode: optional("tasksPlan"), unitCode: optional("unit"), settings: settings)
        return (template, template.problems())
    }
}
