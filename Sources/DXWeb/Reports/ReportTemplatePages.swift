import DXCore
import DXStore
import Foundation

/// The saved report templates, and one template's page: issue it for a period (number, date),
/// preview it, download it in every format, edit the units' narratives, change the template.
enum ReportTemplatesPage {
    /// A template as the list shows it: with the latest period its plan has figures for.
    struct Row {
        var template: ReportTemplate
        var latest: Period?
    }

    static func render(_ rows: [Row], canEdit: Bool) -> String {
        Layout.page(title: t("Mẫu báo cáo")) {
            Node.h1(text: t("Báo cáo theo Nghị định 30/2020"))
            Node.p(.class("hint"), text: t("Mỗi mẫu ghi kế hoạch được đánh giá, phụ lục, phần đầu văn bản, người ký và nơi nhận; kỳ, số và ngày báo cáo chọn khi phát hành."))
            if canEdit { Node.p { Node.a(.class("button"), .href(.newReportTemplate(plan: nil)), text: t("Tạo mẫu báo cáo")) } }
            if rows.isEmpty {
                emptyState(t("Chưa có mẫu báo cáo nào."), next: canEdit
                    ? t("Bấm “Tạo mẫu báo cáo” để chọn kế hoạch, phụ lục, người ký và nơi nhận.")
                    : t("Người điều phối tạo mẫu báo cáo; khi đó mẫu hiện ở đây."))
            } else {
                Node.table(.id("templates"), .class("stacked")) {
                    Node.columnHeads([t("Mẫu báo cáo"), t("Kế hoạch"), t("Các phần của báo cáo"), t("Kỳ có số liệu mới nhất"), t("Báo cáo")])
                    Node.tbody { rows.map(row) }
                }
            }
        }
    }

    static func row(_ r: Row) -> Node {
        let template = r.template
        return .tr {
            cell(t("Mẫu báo cáo"), "title") {
                Node.link(.reportTemplate(code: template.code, issue: nil), template.name)
                Node.br()
                Node.span(.class("muted"), text: template.settings.issuingBody)
            }
            cell(t("Kế hoạch")) { ([template.planCode] + template.taskPlans.map(\.code).filter { $0 != template.planCode }).joined(separator: ", ") }
            cell(t("Các phần của báo cáo")) { DashboardPage.lines(sections(template)) }
            cell(t("Kỳ có số liệu mới nhất")) {
                if let p = r.latest { p.heading } else { Node.span(.class("badge ev-none"), text: t("Chưa có số liệu")) }
            }
            // The report of the latest period is one tap away: the template's page opens with its preview and downloads.
            Node.td(.class("act")) {
                Node.a(.class("button primary"), .href(.reportTemplate(code: template.code, issue: r.latest.map { ReportIssue(period: $0.identifier) })),
                       text: t("Tạo báo cáo"))
            }
        }
    }

    /// What the report holds besides its indicators, in the order it prints them.
    static func sections(_ template: ReportTemplate) -> [String] {
        let s = template.settings
        var out = [t("Chỉ tiêu (phụ lục I)")]
        if let blocks = s.narrativeBlocks, !blocks.isEmpty { out.append(t("Mục II: %@ phần tự soạn", VNNumber.padded(blocks.count))) }
        if s.includeTasks || !template.taskPlans.isEmpty {
            out.append(t("Nhiệm vụ") + (template.taskPlans.isEmpty ? "" : " (\(template.taskPlans.map(\.code).joined(separator: ", ")))"))
        }
        if s.includeDocuments { out.append(t("Văn bản đã ban hành")) }
        if let code = s.byUnitIndicator { out.append(t("Chỉ tiêu %@ theo đơn vị", code)) }
        if let forms = s.formAppendices, !forms.isEmpty { out.append(t("Biểu mẫu: %@", forms.joined(separator: ", "))) }
        return out
    }
}

enum ReportTemplatePage {
    struct Model {
        var template: ReportTemplate
        /// Periods with data for the template's plan, latest first.
        var periods: [Period]
        /// The issue shown, when the query names a valid one.
        var issue: ReportIssue?
        /// The query's problems, shown instead of the preview.
        var issueProblems: [FieldIssue]
        /// Raw query values, to show back what was typed.
        var query: [String: String]
        var narratives: [ReportNarrative]
        var canEdit: Bool
        /// The template form's values and problems (after a failed save).
        var formValues: [String: String]
        var formIssues: [FieldIssue]
        var choices: ReportTemplateForm.Choices
        var flash: String?
        var csrf: String
    }

    static func render(_ m: Model) -> String {
        let template = m.template
        let s = template.settings
        return Layout.page(title: template.name) {
            ViewParts.crumbs([(SiteRoute.reportTemplates.path, t("Mẫu báo cáo"))])
            Node.h1(text: template.name)
            ViewParts.flash(m.flash)
            Node.p(.class("meta"), text: "\(t("Kế hoạch")) \(template.planCode)"
                + (template.taskPlans.isEmpty ? "" : " · \(t("nhiệm vụ theo")) \(template.taskPlans.map(\.code).joined(separator: ", "))")
                + " · \(s.issuingBody) · \(t("Số:")) \(s.numberText)")
            Node.h2(text: t("Phát hành"))
            issueForm(m)
            if let issue = m.issue { issued(m, issue) }
            if m.canEdit {
                Node.details(.id("edit"), .flag("open", !m.formIssues.isEmpty)) {
                    Node.summary(text: t("Sửa mẫu báo cáo"))
                    ReportTemplateForm.render(m.formValues, choices: m.choices, isNew: false,
                                              action: .reportTemplate(code: template.code, issue: nil), issues: m.formIssues, csrf: m.csrf)
                }
            }
        }
    }

    /// The period, number and date of an issue, shown back as typed.
    static func issueForm(_ m: Model) -> Node {
        let chosen = m.issue?.period ?? m.query["period"]
        return .form(.method("get"), .action(.reportTemplate(code: m.template.code, issue: nil)), .class("stack"), .id("issue-form")) {
            ViewParts.field(t("Kỳ báo cáo"), Node.select(.name("period")) {
                for p in m.periods { Node.option(.value(p.identifier), .flag("selected", p.identifier == chosen), text: p.heading) }
                if let c = chosen, !m.periods.contains(where: { $0.identifier == c }) {
                    Node.option(.value(c), .flag("selected"), text: Period(identifier: c)?.heading ?? c)
                }
            })
            messages(m.issueProblems, "period")
            Node.div(.class("row")) {
                ViewParts.field(t("Số báo cáo"), Node.input(.name("number"), Attribute("inputmode", "numeric"), .value(m.query["number"] ?? "")))
                ViewParts.field(t("Ngày báo cáo"), Node.input(.name("date"), Attribute("placeholder", VNDate.numeric(CalendarDate.today())),
                                                              .value(m.query["date"] ?? "")))
            }
            messages(m.issueProblems, "number")
            messages(m.issueProblems, "date")
            Node.p(.class("hint"), text: t("Để trống số: văn thư điền khi cấp số. Để trống ngày: ngày hôm nay."))
            Node.button(.type("submit"), .class("primary"), text: t("Tạo báo cáo"))
        }
    }

    /// The downloads of an issue, its units' narratives, and its preview.
    static func issued(_ m: Model, _ issue: ReportIssue) -> Node {
        let template = m.template
        let edited = m.narratives.filter(\.edited).count
        func path(_ f: ReportDownload.Format) -> String { SiteRoute.reportTemplateFile(code: template.code, format: f.rawValue, issue: issue).path }
        func files(_ link: (String) -> String) -> Node {
            Node.joined(ReportDownload.Format.allCases.map { f in Node.a(.href(link(path(f))), text: f.label) }, separator: " · ")
        }
        return .group {
            // The report itself: buttons a thumb can hit, not a line of small links.
            Node.p(text: t("Tải về (văn bản tiếng Việt):"))
            Node.p(.class("downloads buttons"), .id("downloads")) {
                for f in ReportDownload.Format.allCases { Node.a(.class("button"), .href(path(f)), text: f.label) }
            }
            if m.canEdit {
                Node.p(.class("hint"), .id("preview-downloads")) { t("Xem trước kể cả số liệu chưa gửi") + ": "; files(DataPreview.previewing) }
            }
            Node.p {
                t("Thuyết minh của các đơn vị trong kỳ: %@ đoạn", VNNumber.padded(m.narratives.count))
                if edited > 0 { t(", %@ đoạn đã biên tập", VNNumber.padded(edited)) }
                if m.canEdit && !m.narratives.isEmpty {
                    ". "
                    Node.link(.reportNarratives(code: template.code, period: issue.period), t("Biên tập thuyết minh trước khi phát hành"))
                } else {
                    "."
                }
            }
            Node.el("iframe", .class("preview"), .title(t("Xem trước báo cáo")), .flag("sandbox"),
                    Attribute("src", SiteRoute.reportTemplateFile(code: template.code, format: "html", issue: issue).path))
        }
    }

    static func messages(_ issues: [FieldIssue], _ path: String) -> Node {
        .group {
            for i in issues where i.path == path { Node.p(.class("err"), Attribute("role", "alert"), text: translated(i.message)) }
        }
    }
}

enum NewReportTemplatePage {
    static func render(values: [String: String], choices: ReportTemplateForm.Choices, issues: [FieldIssue], csrf: String) -> String {
        Layout.page(title: t("Tạo mẫu báo cáo")) {
            ViewParts.crumbs([(SiteRoute.reportTemplates.path, t("Mẫu báo cáo"))])
            Node.h1(text: t("Tạo mẫu báo cáo"))
            ReportTemplateForm.render(values, choices: choices, isNew: true, action: .newReportTemplate(plan: nil), issues: issues, csrf: csrf)
        }
    }
}

/// The units' narrative paragraphs of a period, for the coordinator to edit before issuing.
enum NarrativeEditPage {
    static func render(template: ReportTemplate, period: Period, narratives: [ReportNarrative], error: String?, flash: String?, csrf: String) -> String {
        let back = SiteRoute.reportTemplate(code: template.code, issue: ReportIssue(period: period.identifier)).path
        return Layout.page(title: t("Thuyết minh của các đơn vị")) {
            ViewParts.crumbs([(SiteRoute.reportTemplates.path, t("Mẫu báo cáo")), (back, template.name)])
            Node.h1(text: "\(t("Thuyết minh của các đơn vị")) – \(period.heading)")
            Node.p(.class("hint"), text: t("Các đoạn này vào mục II–IV của báo cáo, ghi rõ tên đơn vị. Sửa để biên tập; xóa hết nội dung để không đưa đoạn đó vào báo cáo. Báo cáo đơn vị đã gửi không bị thay đổi và mọi lần sửa được ghi nhật ký."))
            ViewParts.flash(flash)
            ViewParts.errorBox(error.map(translated))
            if narratives.isEmpty {
                Node.p(text: t("Chưa có đơn vị nào gửi thuyết minh cho kỳ này."))
            } else {
                Node.form(.method("post"), .action(.reportNarratives(code: template.code, period: period.identifier)), .class("stack")) {
                    csrfField(csrf)
                    for (i, n) in narratives.enumerated() { paragraph(i, n) }
                    Node.div(.class("actions")) { Node.button(.type("submit"), .class("primary"), text: t("Lưu thuyết minh")) }
                }
            }
        }
    }

    static func paragraph(_ i: Int, _ n: ReportNarrative) -> Node {
        .fieldset(.class("item")) {
            Node.legend(text: "\(n.unitName) – \(n.section)")
            Node.hidden("u.\(i)", n.unitCode)
            Node.hidden("s.\(i)", n.section)
            ViewParts.field(t("Nội dung đưa vào báo cáo"), ViewParts.textarea(.name("t.\(i)"), Attribute("rows", "4"), text: n.text))
            if let original = n.submitted {
                Node.p(.class("hint"), text: (n.text.isEmpty ? t("Đã biên tập (không đưa vào báo cáo).") : t("Đã biên tập."))
                    + " " + t("Đơn vị đã gửi:") + " “" + original + "”")
            }
        }
    }
}
