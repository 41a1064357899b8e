import DXCore
import DXStore
import Foundation

/// The saved report templates, and one template's page: issue it for a period (number, date),
/// preview it, download it in every format, edit the units' narratives, change the template.
enum ReportTemplatesPage {
    static func render(_ templates: [ReportTemplate], canEdit: Bool) -> String {
        var b = "<h1>\(t("Báo cáo theo Nghị định 30/2020"))</h1>"
        b += "<p class=\"hint\">\(t("Mỗi mẫu ghi kế hoạch được đánh giá, phụ lục, phần đầu văn bản, người ký và nơi nhận; kỳ, số và ngày báo cáo chọn khi phát hành."))</p>"
        if canEdit { b += "<p><a class=\"button\" href=\"\(SiteRoute.newReportTemplate(plan: nil).path)\">\(t("Tạo mẫu báo cáo"))</a></p>" }
        if templates.isEmpty {
            b += emptyState(t("Chưa có mẫu báo cáo nào."), next: canEdit
                ? t("Bấm “Tạo mẫu báo cáo” để chọn kế hoạch, phụ lục, người ký và nơi nhận.")
                : t("Người điều phối tạo mẫu báo cáo; khi đó mẫu hiện ở đây."))
        }
        else {
            b += "<div class=\"wide\"><table id=\"templates\"><thead><tr><th>\(t("Mẫu báo cáo"))</th><th>\(t("Kế hoạch"))</th><th>\(t("Cơ quan ban hành"))</th></tr></thead><tbody>"
            for template in templates {
                b += "<tr><td><a href=\"\(escape(SiteRoute.reportTemplate(code: template.code, issue: nil).path))\">\(escape(template.name))</a></td>"
                b += "<td>\(escape(([template.planCode] + template.taskPlans.map(\.code)).joined(separator: ", ")))</td>"
                b += "<td>\(escape(template.settings.issuingBody))</td></tr>"
            }
            b += "</tbody></table></div>"
        }
        return Layout.page(title: t("Mẫu báo cáo"), body: b)
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
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.reportTemplates.path)\">\(t("Mẫu báo cáo"))</a></p><h1>\(escape(template.name))</h1>"
        if let f = m.flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        b += "<p class=\"meta\">\(t("Kế hoạch")) \(escape(template.planCode))" + (template.taskPlans.isEmpty ? "" : " · \(t("nhiệm vụ theo")) \(escape(template.taskPlans.map(\.code).joined(separator: ", ")))")
            + " · \(escape(template.settings.issuingBody)) · \(t("Số:")) \(escape(template.settings.numberText))</p>"

        b += "<h2>\(t("Phát hành"))</h2><form method=\"get\" action=\"\(escape(SiteRoute.reportTemplate(code: template.code, issue: nil).path))\" class=\"stack\" id=\"issue-form\">"
        b += "<label>\(t("Kỳ báo cáo")) <select name=\"period\">"
        let chosen = m.issue?.period ?? m.query["period"]
        for p in m.periods {
            b += "<option value=\"\(escape(p.identifier))\"\(p.identifier == chosen ? " selected" : "")>\(escape(p.heading))</option>"
        }
        if let c = chosen, !m.periods.contains(where: { $0.identifier == c }) {
            b += "<option value=\"\(escape(c))\" selected>\(escape(Period(identifier: c)?.heading ?? c))</option>"
        }
        b += "</select></label>" + messages(m.issueProblems, "period")
        b += "<div class=\"row\"><label>\(t("Số báo cáo")) <input name=\"number\" inputmode=\"numeric\" value=\"\(escape(m.query["number"] ?? ""))\"></label>"
        b += "<label>\(t("Ngày báo cáo")) <input name=\"date\" placeholder=\"\(VNDate.numeric(CalendarDate.today()))\" value=\"\(escape(m.query["date"] ?? ""))\"></label></div>"
        b += messages(m.issueProblems, "number") + messages(m.issueProblems, "date")
        b += "<p class=\"hint\">\(t("Để trống số: văn thư điền khi cấp số. Để trống ngày: ngày hôm nay."))</p>"
        b += "<button type=\"submit\">\(t("Xem trước"))</button></form>"

        if let issue = m.issue {
            b += "<p class=\"downloads\" id=\"downloads\">\(t("Tải về (văn bản tiếng Việt):")) " + ReportDownload.Format.allCases.map { f in
                "<a href=\"\(escape(SiteRoute.reportTemplateFile(code: template.code, format: f.rawValue, issue: issue).path))\">\(escape(f.label))</a>"
            }.joined(separator: " · ") + "</p>"
            if m.canEdit {
                b += "<p class=\"hint\" id=\"preview-downloads\">\(t("Xem trước kể cả số liệu chưa gửi")): " + ReportDownload.Format.allCases.map { f in
                    "<a href=\"\(escape(DataPreview.previewing(SiteRoute.reportTemplateFile(code: template.code, format: f.rawValue, issue: issue).path)))\">\(escape(f.label))</a>"
                }.joined(separator: " · ") + "</p>"
            }
            let edited = m.narratives.filter(\.edited).count
            b += "<p>\(t("Thuyết minh của các đơn vị trong kỳ: %@ đoạn", VNNumber.padded(m.narratives.count)))"
            if edited > 0 { b += t(", %@ đoạn đã biên tập", VNNumber.padded(edited)) }
            b += m.canEdit && !m.narratives.isEmpty
                ? ". <a href=\"\(escape(SiteRoute.reportNarratives(code: template.code, period: issue.period).path))\">\(t("Biên tập thuyết minh trước khi phát hành"))</a></p>"
                : ".</p>"
            b += "<iframe class=\"preview\" title=\"\(t("Xem trước báo cáo"))\" sandbox src=\"\(escape(SiteRoute.reportTemplateFile(code: template.code, format: "html", issue: issue).path))\"></iframe>"
        }

        if m.canEdit {
            b += "<details id=\"edit\"\(m.formIssues.isEmpty ? "" : " open")><summary>\(t("Sửa mẫu báo cáo"))</summary>"
            b += ReportTemplateForm.render(m.formValues, choices: m.choices, isNew: false,
                                           action: SiteRoute.reportTemplate(code: template.code, issue: nil).path, issues: m.formIssues, csrf: m.csrf)
            b += "</details>"
        }
        return Layout.page(title: template.name, body: b)
    }

    static func messages(_ issues: [FieldIssue], _ path: String) -> String {
        issues.filter { $0.path == path }.map { "<p class=\"err\" role=\"alert\">\(escape(translated($0.message)))</p>" }.joined()
    }
}

enum NewReportTemplatePage {
    static func render(values: [String: String], choices: ReportTemplateForm.Choices, issues: [FieldIssue], csrf: String) -> String {
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.reportTemplates.path)\">\(t("Mẫu báo cáo"))</a></p><h1>\(t("Tạo mẫu báo cáo"))</h1>"
        b += ReportTemplateForm.render(values, choices: choices, isNew: true, action: SiteRoute.newReportTemplate(plan: nil).path, issues: issues, csrf: csrf)
        return Layout.page(title: t("Tạo mẫu báo cáo"), body: b)
    }
}

/// The units' narrative paragraphs of a period, for the coordinator to edit before issuing.
enum NarrativeEditPage {
    static func render(template: ReportTemplate, period: Period, narratives: [ReportNarrative], error: String?, flash: String?, csrf: String) -> String {
        let back = SiteRoute.reportTemplate(code: template.code, issue: ReportIssue(period: period.identifier)).path
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.reportTemplates.path)\">\(t("Mẫu báo cáo"))</a> › <a href=\"\(escape(back))\">\(escape(template.name))</a></p>"
        b += "<h1>\(t("Thuyết minh của các đơn vị")) – \(escape(period.heading))</h1>"
        b += "<p class=\"hint\">\(t("Các đoạn này vào mục II–IV của báo cáo, ghi rõ tên đơn vị. Sửa để biên tập; xóa hết nội dung để không đưa đoạn đó vào báo cáo. Báo cáo đơn vị đã gửi không bị thay đổi và mọi lần sửa được ghi nhật ký."))</p>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(translated(e)))</div>" }
        if narratives.isEmpty {
            b += "<p>\(t("Chưa có đơn vị nào gửi thuyết minh cho kỳ này."))</p>"
            return Layout.page(title: t("Thuyết minh của các đơn vị"), body: b)
        }
        b += "<form method=\"post\" action=\"\(escape(SiteRoute.reportNarratives(code: template.code, period: period.identifier).path))\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        for (i, n) in narratives.enumerated() {
            b += "<fieldset class=\"item\"><legend>\(escape(n.unitName)) – \(escape(n.section))</legend>"
            b += "<input type=\"hidden\" name=\"u.\(i)\" value=\"\(escape(n.unitCode))\"><input type=\"hidden\" name=\"s.\(i)\" value=\"\(escape(n.section))\">"
            b += "<label>\(t("Nội dung đưa vào báo cáo")) <textarea name=\"t.\(i)\" rows=\"4\">\(escape(n.text))</textarea></label>"
            if let original = n.submitted {
                b += "<p class=\"hint\">\(n.text.isEmpty ? t("Đã biên tập (không đưa vào báo cáo).") : t("Đã biên tập.")) \(t("Đơn vị đã gửi:")) “\(escape(original))”</p>"
            }
            b += "</fieldset>"
        }
        b += "<div class=\"actions\"><button type=\"submit\" class=\"primary\">\(t("Lưu thuyết minh"))</button></div></form>"
        return Layout.page(title: t("Thuyết minh của các đơn vị"), body: b)
    }
}
