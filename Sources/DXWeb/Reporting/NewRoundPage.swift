import DXCore
import DXStore
import Foundation

/// The coordinator's form to open a round, and reading it back.
enum NewRoundPage {
    static func render(plans: [PlanSummary], forms: [TableForm], form: FormData?, issues: [FieldIssue], csrf: String) -> String {
        func v(_ n: String, _ d: String = "") -> String { escape(form?[n] ?? d) }
        func msg(_ p: String) -> String {
            issues.filter { $0.path == p }.map { "<p class=\"err\">\(escape(translated($0.message)))</p>" }.joined()
        }
        let chosenPlans = Set(form?.all("plans") ?? [])
        let chosenKinds = Set(form?.all("kinds") ?? ["department", "district"])
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.rounds.path)\">\(t("Đợt báo cáo"))</a></p><h1>\(t("Mở đợt báo cáo mới"))</h1>"
        if !issues.isEmpty { b += "<div class=\"box errbox\" role=\"alert\"><strong>\(t("Chưa mở được đợt báo cáo:"))</strong><ul>" + issues.map { "<li>\(escape(translated($0.message)))</li>" }.joined() + "</ul></div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.newRound.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += "<label>\(t("Mã đợt (chữ thường không dấu, số, gạch ngang)")) <input name=\"code\" required value=\"\(v("code"))\" placeholder=\"bc-quy-3-2024\"></label>\(msg("code"))"
        b += "<label>\(t("Tên đợt")) <input name=\"title\" required value=\"\(v("title"))\" placeholder=\"\(t("Báo cáo kết quả chuyển đổi số quý III/2024"))\"></label>\(msg("title"))"
        b += "<label>\(t("Kỳ báo cáo")) <input name=\"period\" required value=\"\(v("period"))\" placeholder=\"2024Q3\"></label>"
        b += "<p class=\"hint\">\(t("2024 (năm), 2024S1 (6 tháng đầu năm), 2024Q3 (quý), 2024N9 (9 tháng), 202403 (tháng), 2024-01-01_2024-11-30 (khoảng ngày tùy chọn)."))</p>\(msg("period"))"
        b += "<fieldset><legend>\(t("Kế hoạch"))</legend>"
        for p in plans {
            b += "<label class=\"check\"><input type=\"checkbox\" name=\"plans\" value=\"\(escape(p.plan.code))\"\(chosenPlans.contains(p.plan.code) ? " checked" : "")> \(escape(p.plan.code)) – \(escape(p.plan.title))</label>"
        }
        b += "</fieldset>\(msg("plans"))"
        if !forms.isEmpty {
            let chosenForms = Set(form?.all("forms") ?? [])
            b += "<fieldset><legend>\(t("Biểu mẫu các đơn vị điền"))</legend>"
            for f in forms {
                b += "<label class=\"check\"><input type=\"checkbox\" name=\"forms\" value=\"\(escape(f.code))\"\(chosenForms.contains(f.code) ? " checked" : "")> \(escape(f.code)) – \(escape(f.title))</label>"
            }
            b += "</fieldset>"
        }
        b += "<fieldset><legend>\(t("Đơn vị phải báo cáo"))</legend>"
        for k in UnitKind.allCases where k != .province {
            b += "<label class=\"check\"><input type=\"checkbox\" name=\"kinds\" value=\"\(k.rawValue)\"\(chosenKinds.contains(k.rawValue) ? " checked" : "")> \(escape(translated(k.labelVI)))</label>"
        }
        b += "<label class=\"check\"><input type=\"checkbox\" name=\"directOnly\" value=\"1\"\((form == nil || form?["directOnly"] != nil) ? " checked" : "")> \(t("Chỉ đơn vị trực thuộc (không gồm cấp dưới của đơn vị trực thuộc)"))</label>"
        b += "<label>\(t("Thêm đơn vị theo mã (cách nhau bởi dấu phẩy hoặc xuống dòng)")) <textarea name=\"units\" rows=\"2\">\(v("units"))</textarea></label>\(msg("units"))</fieldset>"
        b += "<label>\(t("Chỉ tiêu mỗi đơn vị báo cáo")) <select name=\"indicatorScope\">" + IndicatorScope.allCases.map { "<option value=\"\($0.rawValue)\"\(form?["indicatorScope"] == $0.rawValue ? " selected" : "")>\(escape(translated($0.labelVI)))</option>" }.joined() + "</select></label>"
        b += "<label>\(t("Nhiệm vụ mỗi đơn vị báo cáo")) <select name=\"taskScope\">" + TaskScope.allCases.map { "<option value=\"\($0.rawValue)\"\(form?["taskScope"] == $0.rawValue ? " selected" : "")>\(escape(translated($0.labelVI)))</option>" }.joined() + "</select></label>"
        b += "<label>\(t("Các phần thuyết minh (mỗi dòng một phần)")) <textarea name=\"sections\" rows=\"3\">\(v("sections", ReportingRound.standardSections.joined(separator: "\n")))</textarea></label>"
        b += "<fieldset><legend>\(t("Hạn nộp"))</legend><p class=\"hint\">\(t("Để trống: mặc định ngày 20 sau ngày chốt số liệu của kỳ (ví dụ quý I: 20/03). Nhập dd/mm/yyyy hoặc chọn ngày."))</p>"
        b += "<label>\(t("Hạn nộp chung")) <input name=\"deadline\" value=\"\(v("deadline"))\"></label>\(msg("deadline"))"
        for l in [AdminLevel.department, .district, .commune] {
            b += "<label>\(t("Hạn nộp của %@", escape(translated(l.labelVI).lowercased()))) <input name=\"deadline.\(l.rawValue)\" value=\"\(v("deadline.\(l.rawValue)"))\"></label>\(msg("deadline.\(l.rawValue)"))"
        }
        b += "<label>\(t("Ngày khóa sổ (sau ngày này chỉ cơ quan thường trực được sửa)")) <input name=\"lockDate\" value=\"\(v("lockDate"))\"></label>\(msg("lockDate"))</fieldset>"
        b += "<label class=\"check\"><input type=\"checkbox\" name=\"unitApproval\" value=\"1\"\(form?["unitApproval"] != nil ? " checked" : "")> \(t("Lãnh đạo đơn vị phê duyệt báo cáo trước khi gửi lên"))</label>"
        b += "<label>\(t("Cảnh báo khi số liệu thay đổi hơn (lần) so với kỳ trước")) <input name=\"changeFactor\" inputmode=\"decimal\" value=\"\(v("changeFactor", "3"))\"></label>\(msg("changeFactor"))"
        b += "<label>\(t("Nhắc đơn vị chưa nộp trước hạn (số ngày, cách nhau bởi dấu phẩy; để trống: không nhắc)")) <input name=\"reminderDays\" value=\"\(v("reminderDays", ReminderDays.text(ReminderDays.standard)))\"></label>\(msg("reminderDays"))"
        b += "<button type=\"submit\" class=\"primary\">\(t("Mở đợt báo cáo"))</button></form>"
        return Layout.page(title: t("Mở đợt báo cáo"), body: b)
    }

    /// The round and the unit selection a form describes, or the field messages.
    static func read(_ f: FormData, root: String) -> (round: ReportingRound?, selection: UnitSelection, issues: [FieldIssue]) {
        var issues: [FieldIssue] = []
        func date(_ name: String) -> CalendarDate? {
            guard let raw = f[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            if let d = CalendarDate(iso: raw) ?? VNDate.parse(raw) { return d }
            issues.append(.error(name, t("\"%@\" không phải là ngày hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 20/12/2024.", raw)))
            return nil
        }
        let periodText = (f["period"] ?? "").trimmingCharacters(in: .whitespaces)
        let period = Period(identifier: periodText)
        if period == nil { issues.append(.error("period", t("Mã kỳ báo cáo \"%@\" không hợp lệ (ví dụ 2024, 2024S1, 2024Q3, 2024N9, 2024-01-01_2024-11-30).", periodText))) }
        var deadlines: [AdminLevel: CalendarDate] = [:]
        for l in [AdminLevel.department, .district, .commune] { if let d = date("deadline.\(l.rawValue)") { deadlines[l] = d } }
        let general = date("deadline")
        let lock = date("lockDate")
        var factor = 3.0
        if let raw = f["changeFactor"], !raw.isEmpty {
            if let x = VNNumber.parse(raw) { factor = x } else { issues.append(.error("changeFactor", t("Hệ số cảnh báo phải là một số."))) }
        }
        let reminders = ReminderDays.parse(f["reminderDays"] ?? ReminderDays.text(ReminderDays.standard))
        if let issue = reminders.issue { issues.append(.error(issue.path, t("Số ngày nhắc trước hạn không hợp lệ: nhập các số nguyên từ 0 đến 60 (nhiều nhất 5 số), cách nhau bởi dấu phẩy, ví dụ 3, 1."))) }
        let codes = (f["units"] ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == " " }).map(String.init)
        let selection = UnitSelection(root: root, kinds: Set(f.all("kinds").compactMap(UnitKind.init(rawValue:))),
                                      directOnly: f["directOnly"] != nil, codes: codes)
        guard let period else { return (nil, selection, issues) }
        let sections = (f["sections"] ?? "").split(whereSeparator: \.isNewline).map { VNText.clean(String($0)) }.filter { !$0.isEmpty }
        let round = ReportingRound(
            code: (f["code"] ?? "").trimmingCharacters(in: .whitespaces), title: VNText.clean(f["title"] ?? ""),
            periodID: period.identifier, planCodes: f.all("plans"), formCodes: f.all("forms"),
            indicatorScope: IndicatorScope(rawValue: f["indicatorScope"] ?? "") ?? .all,
            taskScope: TaskScope(rawValue: f["taskScope"] ?? "") ?? .leadOrCooperating,
            narrativeSections: sections, deadlines: deadlines,
            defaultDeadline: general ?? period.defaultDeadline(dayOfMonth: 20), lockDate: lock, changeFactor: factor,
            unitApproval: f["unitApproval"] != nil, reminderDays: reminders.days)
        return (round, selection, issues + round.problems())
    }
}
