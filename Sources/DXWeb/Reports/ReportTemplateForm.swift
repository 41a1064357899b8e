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
        /// What section II may quote, for the reference picker.
        var contents: [PlanContents] = []
    }

    /// Task plan rows offered beyond those chosen, so one more can be added without JavaScript.
    static let spareTaskPlanRows = 1

    /// Field values shown: what was posted (after an error), else the template's.
    static func values(_ t: ReportTemplate) -> [String: String] {
        let s = t.settings
        var v = [
            "code": t.code, "name": t.name, "plan": t.planCode, "tasksPlan": t.tasksPlanCode ?? "", "unit": t.unitCode ?? "",
            "parentBody": s.parentBody, "issuingBody": s.issuingBody, "symbol": s.symbol, "place": s.place,
            "subject": s.subject, "introduction": s.introduction, "authority": s.authority.joined(separator: "\n"),
            "signerName": s.signerName, "recipients": s.recipients.joined(separator: "\n"), "archive": s.archive,
            "byUnitIndicator": s.byUnitIndicator ?? "",
            "sectionII": NarrativeBlock.joined(s.narrativeBlocks ?? []),
        ]
        // The first task plan keeps its old field name; the others are numbered from 1.
        for (i, p) in t.taskPlans.enumerated() {
            v[i == 0 ? "tasksPlan" : "tasksPlan.\(i)"] = p.code
            if let n = p.statedTotal { v[i == 0 ? "tasksPlanStated" : "tasksPlanStated.\(i)"] = String(n) }
        }
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
        b += "<p class=\"hint\">\(t("Kế hoạch nhiệm vụ theo thứ tự: mỗi kế hoạch một mục I.2, I.3, … và một phụ lục. Số nhiệm vụ kế hoạch đặt ra: chỉ nhập khi chưa nhập đủ nhiệm vụ của kế hoạch (ví dụ 49)."))</p>"
        let chosen = values.keys.filter { $0.hasPrefix("tasksPlan.") }.compactMap { Int($0.dropFirst("tasksPlan.".count)) }.max() ?? 0
        for i in 0...(chosen + spareTaskPlanRows) {
            let name = i == 0 ? "tasksPlan" : "tasksPlan.\(i)", stated = i == 0 ? "tasksPlanStated" : "tasksPlanStated.\(i)"
            b += "<div class=\"row\"><label>\(t("Kế hoạch nhiệm vụ")) \(i + 1) <select name=\"\(name)\"\(i == 0 ? invalid("tasksPlan") : "")>"
                + planOptions(values[name], blank: t("— Không chọn —")) + "</select></label>"
                + "<label>\(t("Số nhiệm vụ kế hoạch đặt ra")) <input name=\"\(stated)\" inputmode=\"numeric\" size=\"4\" value=\"\(v(stated))\"></label></div>"
        }
        b += msg("tasksPlan")
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
        b += "</fieldset><fieldset><legend>\(t("Mục II: kết quả theo lĩnh vực"))</legend>"
        b += area("sectionII", t("Các phần của mục II"), rows: 14,
                  hint: t("Mỗi phần bắt đầu bằng một dòng “# Tiêu đề”, sau đó là các đoạn. Số liệu chèn bằng tham chiếu [[…]] trong bảng dưới đây; để trống: mục II liệt kê các chỉ tiêu theo trụ cột."))
        b += picker(choices)
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

    /// The references section II may use, to copy into the text: works without JavaScript.
    static func picker(_ choices: Choices) -> String {
        var b = "<details class=\"picker\"><summary>\(t("Chèn số liệu: danh sách tham chiếu"))</summary>"
        // Shown by the script only: it assembles a reference and inserts it at the cursor.
        let items = choices.contents.flatMap { c in c.indicators.map { (c.plan.code, $0) } }
        if !items.isEmpty {
            b += "<div class=\"builder row\" hidden><label>\(t("Loại")) <select name=\"refKind\">"
                + [("value", t("Giá trị")), ("parts", t("Tử số/mẫu số")), ("sum", t("Tổng các đơn vị trực thuộc"))]
                .map { "<option value=\"\($0.0)\">\(escape($0.1))</option>" }.joined() + "</select></label>"
            b += "<label>\(t("Chỉ tiêu")) <select name=\"refItem\">" + items.map { plan, i in
                "<option value=\"\(escape(plan))|\(escape(i.code))\">\(escape(plan)) · \(escape(i.code)) – \(escape(String(i.name.prefix(80))))</option>"
            }.joined() + "</select></label>"
            b += "<label>\(t("Mã đơn vị")) <input name=\"refUnit\" size=\"8\" placeholder=\"\(t("của báo cáo"))\"></label>"
            b += "<label>\(t("Kỳ")) <input name=\"refPeriod\" size=\"8\" placeholder=\"\(t("của báo cáo"))\"></label>"
            b += "<output></output> <button type=\"button\">\(t("Chèn vào mục II"))</button></div>"
        }
        b += "<p class=\"hint\">\(t("Dạng [[value|KẾ HOẠCH|CHỈ TIÊU|ĐƠN VỊ|KỲ]]: đơn vị và kỳ bỏ trống là đơn vị và kỳ của báo cáo, ví dụ [[value|TK-CĐS|3.1|34|2024S1]]. parts: tử số/mẫu số; sum: tổng các đơn vị trực thuộc; tasks: số nhiệm vụ theo trạng thái. Số liệu chưa có hiện “(chưa có số liệu)”."))</p>"
        for c in choices.contents where !c.indicators.isEmpty {
            b += "<table class=\"data\"><caption>\(escape(c.plan.code)) – \(escape(c.plan.title))</caption><thead><tr><th>\(t("Mã"))</th><th>\(t("Chỉ tiêu"))</th><th>\(t("Tham chiếu"))</th></tr></thead><tbody>"
            for i in c.indicators {
                var refs = [FigureReference(kind: .value, plan: c.plan.code, item: i.code)]
                if i.measure == .rate { refs.append(FigureReference(kind: .parts, plan: c.plan.code, item: i.code)) }
                refs.append(FigureReference(kind: .sum, plan: c.plan.code, item: i.code))
                b += "<tr><td>\(escape(i.code))</td><td>\(escape(i.name))</td><td>" + refs.map { "<code>\(escape($0.token))</code>" }.joined(separator: " ") + "</td></tr>"
            }
            b += "</tbody></table>"
        }
        let taskPlans = choices.contents.filter { !$0.tasks.isEmpty }
        if !taskPlans.isEmpty {
            b += "<table class=\"data\"><caption>\(t("Số nhiệm vụ theo trạng thái"))</caption><thead><tr><th>\(t("Kế hoạch"))</th><th>\(t("Trạng thái"))</th><th>\(t("Tham chiếu"))</th></tr></thead><tbody>"
            for c in taskPlans {
                for s in FigureReference.taskStatuses {
                    b += "<tr><td>\(escape(c.plan.code))</td><td>\(escape(s.labelVI))</td><td><code>\(escape(FigureReference(kind: .tasks, plan: c.plan.code, item: s.word).token))</code></td></tr>"
                }
            }
            b += "</tbody></table>"
        }
        return b + "</details><script src=\"/static/picker.js\" defer></script>"
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
        let blocks = NarrativeBlock.split((f["sectionII"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"))
        settings.narrativeBlocks = blocks.isEmpty ? nil : blocks
        var issues: [FieldIssue] = []
        var taskPlans: [ReportTaskPlan] = []
        let numbered = f.pairs.compactMap { name, _ in name.hasPrefix("tasksPlan.") ? Int(name.dropFirst("tasksPlan.".count)) : nil }
        for i in [0] + Array(Set(numbered.filter { $0 > 0 })).sorted() {
            let suffix = i == 0 ? "" : ".\(i)"
            guard let code = optional("tasksPlan" + suffix) else { continue }
            var stated: Int?
            if let n = optional("tasksPlanStated" + suffix) {
                stated = VNNumber.parseInteger(n)
                if stated == nil { issues.append(.error("tasksPlan", "Số nhiệm vụ kế hoạch \(code) đặt ra “\(n)” không phải số nguyên.")) }
            }
            taskPlans.append(ReportTaskPlan(code: code, statedTotal: stated))
        }
        let template = ReportTemplate(code: (f["code"] ?? "").trimmingCharacters(in: .whitespaces), name: text("name"), planCode: text("plan"),
                                      taskPlans: taskPlans, unitCode: optional("unit"), settings: settings)
        return (template, issues + template.problems())
    }
}
