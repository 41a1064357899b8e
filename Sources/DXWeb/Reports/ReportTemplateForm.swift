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

    static func render(_ values: [String: String], choices: Choices, isNew: Bool, action: SiteRoute, issues: [FieldIssue], csrf: String) -> Node {
        let f = Fields(values: values, issues: issues, choices: choices)
        let errors = issues.filter { $0.severity == .error }
        return .group {
            if !errors.isEmpty { ViewParts.errorList(t("Chưa lưu được mẫu báo cáo:"), errors.map { translated($0.message) }) }
            Node.form(.method("post"), .action(action), .class("stack"), .id("template-form")) {
                csrfField(csrf)
                if isNew {
                    f.input("code", t("Mã mẫu (chữ thường không dấu, số, gạch ngang)"), required: true)
                } else {
                    Node.hidden("code", f.v("code"))
                }
                f.input("name", t("Tên mẫu báo cáo"), required: true)
                figures(f)
                appendices(f)
                Node.fieldset {
                    Node.legend(text: t("Mục II: kết quả theo lĩnh vực"))
                    f.area("sectionII", t("Các phần của mục II"), rows: 14,
                           hint: t("Mỗi phần bắt đầu bằng một dòng “# Tiêu đề”, sau đó là các đoạn. Số liệu chèn bằng tham chiếu [[…]] trong bảng dưới đây; để trống: mục II liệt kê các chỉ tiêu theo trụ cột."))
                    picker(choices)
                }
                heading(f)
                signature(f)
                Node.button(.type("submit"), .class("primary"), text: isNew ? t("Tạo mẫu báo cáo") : t("Lưu mẫu báo cáo"))
            }
        }
    }

    /// The values shown and the messages by field.
    struct Fields {
        let values: [String: String]
        let issues: [FieldIssue]
        let choices: Choices

        func v(_ n: String) -> String { values[n] ?? "" }
        func msg(_ p: String) -> Node {
            .group { for i in issues where i.path == p { Node.p(.class("err"), .id("err-\(p)"), text: translated(i.message)) } }
        }
        func invalid(_ p: String) -> [Attribute] {
            issues.contains { $0.path == p } ? [.aria("invalid", "true"), .aria("describedby", "err-\(p)")] : []
        }
        func hint(_ text: String?) -> Node { text.map { .p(.class("hint"), text: $0) } ?? .empty }

        /// `label` and `hint` come already translated.
        func input(_ name: String, _ label: String, required: Bool = false, hint text: String? = nil) -> Node {
            .group {
                ViewParts.field(label, .void("input", [.name(name), .value(v(name))] + (required ? [.flag("required")] : []) + invalid(name)))
                hint(text)
                msg(name)
            }
        }
        func area(_ name: String, _ label: String, rows: Int, hint text: String? = nil) -> Node {
            .group {
                ViewParts.field(label, .element("textarea", [.name(name), Attribute("rows", String(rows))] + invalid(name), [.text(v(name))]))
                hint(text)
                msg(name)
            }
        }
        func check(_ name: String, _ label: String) -> Node {
            ViewParts.check(name, value: "1", checked: values[name] != nil, label: label)
        }
        func planSelect(_ name: String, blank: String?, invalid attributes: [Attribute]) -> Node {
            .element("select", [.name(name)] + attributes, [
                SetupPages.options(choices.plans, selected: values[name], value: \.plan.code, label: { "\($0.plan.code) – \($0.plan.title)" }, blank: blank),
            ])
        }
    }

    /// The plan evaluated, the task plans in order, and the unit reporting.
    static func figures(_ f: Fields) -> Node {
        let chosen = f.values.keys.filter { $0.hasPrefix("tasksPlan.") }.compactMap { Int($0.dropFirst("tasksPlan.".count)) }.max() ?? 0
        return .fieldset {
            Node.legend(text: t("Số liệu"))
            ViewParts.field(t("Kế hoạch có các chỉ tiêu được đánh giá"), f.planSelect("plan", blank: nil, invalid: f.invalid("plan")))
            f.msg("plan")
            Node.p(.class("hint"), text: t("Kế hoạch nhiệm vụ theo thứ tự: mỗi kế hoạch một mục I.2, I.3, … và một phụ lục. Số nhiệm vụ kế hoạch đặt ra: chỉ nhập khi chưa nhập đủ nhiệm vụ của kế hoạch (ví dụ 49)."))
            for i in 0...(chosen + spareTaskPlanRows) { taskPlanRow(i, f) }
            f.msg("tasksPlan")
            f.input("unit", t("Mã đơn vị báo cáo"), hint: t("Để trống: tỉnh của cơ quan ban hành kế hoạch."))
        }
    }

    static func taskPlanRow(_ i: Int, _ f: Fields) -> Node {
        let name = i == 0 ? "tasksPlan" : "tasksPlan.\(i)", stated = i == 0 ? "tasksPlanStated" : "tasksPlanStated.\(i)"
        return .div(.class("row")) {
            ViewParts.field("\(t("Kế hoạch nhiệm vụ")) \(i + 1)",
                            f.planSelect(name, blank: t("— Không chọn —"), invalid: i == 0 ? f.invalid("tasksPlan") : []))
            ViewParts.field(t("Số nhiệm vụ kế hoạch đặt ra"),
                            Node.input(.name(stated), Attribute("inputmode", "numeric"), Attribute("size", "4"), .value(f.v(stated))))
        }
    }

    static func appendices(_ f: Fields) -> Node {
        .fieldset {
            Node.legend(text: t("Phụ lục"))
            Node.p(.class("hint"), text: t("Phụ lục chỉ tiêu luôn có; số phụ lục đánh theo những phụ lục được chọn."))
            f.check("includeTasks", t("Phụ lục nhiệm vụ"))
            f.check("includeDocuments", t("Phụ lục văn bản đã ban hành trong kỳ"))
            f.check("documentsOfSubunits", t("Kể cả văn bản của cấp huyện, xã trực thuộc"))
            f.input("byUnitIndicator", t("Phụ lục một chỉ tiêu theo đơn vị: mã chỉ tiêu"), hint: t("Ví dụ 16; để trống nếu không có phụ lục này."))
            if !f.choices.forms.isEmpty {
                Node.p(.class("hint"), text: t("Phụ lục bảng tổng hợp theo biểu mẫu (số liệu các đơn vị nhập trong kỳ):"))
                for form in f.choices.forms { f.check("formAppendix.\(form.code)", "\(form.code) – \(form.title)") }
            }
        }
    }

    static func heading(_ f: Fields) -> Node {
        .fieldset {
            Node.legend(text: t("Phần đầu văn bản"))
            f.input("parentBody", t("Cơ quan chủ quản"), hint: t("Ví dụ UBND tỉnh Thái Bình; để trống nếu không có."))
            f.input("issuingBody", t("Cơ quan ban hành"), required: true)
            f.input("symbol", t("Ký hiệu (sau số và dấu “/”)"), required: true, hint: t("Ví dụ BC-BCĐ; số báo cáo và ngày nhập khi phát hành."))
            f.input("place", t("Địa danh"), required: true)
            f.input("subject", t("Trích yếu"), hint: t("Để trống: “Kết quả chuyển đổi số <kỳ> <đơn vị>”."))
            f.area("introduction", t("Đoạn mở đầu"), rows: 3, hint: t("Để trống: căn cứ các kế hoạch được đánh giá."))
        }
    }

    static func signature(_ f: Fields) -> Node {
        .fieldset {
            Node.legend(text: t("Ký và nơi nhận"))
            f.area("authority", t("Thẩm quyền ký (mỗi dòng một dòng)"), rows: 2, hint: t("Ví dụ: TM. Ban Chỉ đạo ↵ Trưởng ban."))
            f.input("signerName", t("Họ và tên người ký"))
            f.area("recipients", t("Nơi nhận (mỗi dòng một nơi)"), rows: 6)
            f.input("archive", t("Lưu (nơi giữ bản lưu)"), required: true, hint: t("Ví dụ VT, CNTT."))
        }
    }

    /// The references section II may use, to copy into the text: works without JavaScript.
    static func picker(_ choices: Choices) -> Node {
        let items = choices.contents.flatMap { c in c.indicators.map { (c.plan.code, $0) } }
        return .group {
            Node.details(.class("picker")) {
                Node.summary(text: t("Chèn số liệu: danh sách tham chiếu"))
                // Shown by the script only: it assembles a reference and inserts it at the cursor.
                if !items.isEmpty { builder(items) }
                Node.p(.class("hint"), text: t("Dạng [[value|KẾ HOẠCH|CHỈ TIÊU|ĐƠN VỊ|KỲ]]: đơn vị và kỳ bỏ trống là đơn vị và kỳ của báo cáo, ví dụ [[value|TK-CĐS|3.1|34|2024S1]]. parts: tử số/mẫu số; sum: tổng các đơn vị trực thuộc; tasks: số nhiệm vụ theo trạng thái. Số liệu chưa có hiện “(chưa có số liệu)”."))
                for c in choices.contents where !c.indicators.isEmpty { indicatorReferences(c) }
                taskReferences(choices.contents.filter { !$0.tasks.isEmpty })
            }
            Node.el("script", Attribute("src", "/static/picker.js"), .flag("defer"))
        }
    }

    static func builder(_ items: [(String, Indicator)]) -> Node {
        .div(.class("builder row"), .flag("hidden")) {
            ViewParts.field(t("Loại"), Node.select(.name("refKind")) {
                for (value, label) in [("value", t("Giá trị")), ("parts", t("Tử số/mẫu số")), ("sum", t("Tổng các đơn vị trực thuộc"))] {
                    Node.option(.value(value), text: label)
                }
            })
            ViewParts.field(t("Chỉ tiêu"), Node.select(.name("refItem")) {
                for (plan, i) in items { Node.option(.value("\(plan)|\(i.code)"), text: "\(plan) · \(i.code) – \(String(i.name.prefix(80)))") }
            })
            ViewParts.field(t("Mã đơn vị"), Node.input(.name("refUnit"), Attribute("size", "8"), Attribute("placeholder", t("của báo cáo"))))
            ViewParts.field(t("Kỳ"), Node.input(.name("refPeriod"), Attribute("size", "8"), Attribute("placeholder", t("của báo cáo"))))
            Node.el("output")
            " "
            Node.button(.type("button"), text: t("Chèn vào mục II"))
        }
    }

    static func indicatorReferences(_ c: PlanContents) -> Node {
        .table(.class("data stacked")) {
            Node.caption(text: "\(c.plan.code) – \(c.plan.title)")
            Node.columnHeads([t("Mã"), t("Chỉ tiêu"), t("Tham chiếu")])
            Node.tbody {
                for i in c.indicators {
                    Node.tr {
                        Node.td(.class("code"), text: i.code)
                        cell(t("Chỉ tiêu"), "title") { i.name }
                        cell(t("Tham chiếu")) { Node.joined(references(c.plan.code, i).map { Node.code(text: $0.token) }, separator: " ") }
                    }
                }
            }
        }
    }

    static func references(_ plan: String, _ i: Indicator) -> [FigureReference] {
        var refs = [FigureReference(kind: .value, plan: plan, item: i.code)]
        if i.measure == .rate { refs.append(FigureReference(kind: .parts, plan: plan, item: i.code)) }
        refs.append(FigureReference(kind: .sum, plan: plan, item: i.code))
        return refs
    }

    static func taskReferences(_ taskPlans: [PlanContents]) -> Node {
        guard !taskPlans.isEmpty else { return .empty }
        return .table(.class("data stacked")) {
            Node.caption(text: t("Số nhiệm vụ theo trạng thái"))
            Node.columnHeads([t("Kế hoạch"), t("Trạng thái"), t("Tham chiếu")])
            Node.tbody {
                for c in taskPlans {
                    for s in FigureReference.taskStatuses {
                        Node.tr {
                            cell(t("Kế hoạch")) { c.plan.code }
                            cell(t("Trạng thái")) { translated(s.labelVI) }
                            cell(t("Tham chiếu")) { Node.code(text: FigureReference(kind: .tasks, plan: c.plan.code, item: s.word).token) }
                        }
                    }
                }
            }
        }
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
