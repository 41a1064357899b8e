import DXCore
import DXStore
import Foundation

/// The coordinator's form to open a round, and reading it back.
enum NewRoundPage {
    static func render(plans: [PlanSummary], forms: [TableForm], form: FormData?, issues: [FieldIssue], csrf: String) -> String {
        let f = Fields(form: form, issues: issues)
        return Layout.page(title: t("Mở đợt báo cáo")) {
            ViewParts.crumbs([(SiteRoute.rounds.path, t("Đợt báo cáo"))])
            Node.h1(text: t("Mở đợt báo cáo mới"))
            if !issues.isEmpty { ViewParts.errorList(t("Chưa mở được đợt báo cáo:"), issues.map { translated($0.message) }) }
            Node.form(.method("post"), .action(.newRound), .class("stack")) {
                csrfField(csrf)
                identity(f)
                choices(plans: plans, forms: forms, f)
                unitsToReport(f)
                scopes(f)
                deadlines(f)
                settings(f)
                Node.button(.type("submit"), .class("primary"), text: t("Mở đợt báo cáo"))
            }
        }
    }

    /// What was sent (or the default), and the messages by field.
    struct Fields {
        let form: FormData?
        let issues: [FieldIssue]

        func v(_ n: String, _ d: String = "") -> String { form?[n] ?? d }
        func msg(_ p: String) -> Node {
            .group { for i in issues where i.path == p { Node.p(.class("err"), text: translated(i.message)) } }
        }
        /// A line of text and its messages.
        func line(_ label: String, _ n: String, _ attributes: Attribute?..., value d: String = "") -> Node {
            .group {
                ViewParts.field(label, .void("input", [.name(n)] + attributes.compactMap { $0 } + [.value(v(n, d))]))
                msg(n)
            }
        }
        func chosen(_ n: String, _ value: String) -> Bool { form?[n] == value }
    }

    static func identity(_ f: Fields) -> Node {
        .group {
            ViewParts.field(t("Mã đợt (chữ thường không dấu, số, gạch ngang)"),
                            Node.input(.name("code"), .flag("required"), .value(f.v("code")), Attribute("placeholder", "bc-quy-3-2024")))
            f.msg("code")
            ViewParts.field(t("Tên đợt"), Node.input(.name("title"), .flag("required"), .value(f.v("title")),
                                                      Attribute("placeholder", t("Báo cáo kết quả chuyển đổi số quý III/2024"))))
            f.msg("title")
            ViewParts.field(t("Kỳ báo cáo"), Node.input(.name("period"), .flag("required"), .value(f.v("period")), Attribute("placeholder", "2024Q3")))
            Node.p(.class("hint"), text: t("2024 (năm), 2024S1 (6 tháng đầu năm), 2024Q3 (quý), 2024N9 (9 tháng), 202403 (tháng), 2024-01-01_2024-11-30 (khoảng ngày tùy chọn)."))
            f.msg("period")
        }
    }

    static func choices(plans: [PlanSummary], forms: [TableForm], _ f: Fields) -> Node {
        let chosenPlans = Set(f.form?.all("plans") ?? [])
        let chosenForms = Set(f.form?.all("forms") ?? [])
        return .group {
            Node.fieldset {
                Node.legend(text: t("Kế hoạch"))
                for p in plans {
                    ViewParts.check("plans", value: p.plan.code, checked: chosenPlans.contains(p.plan.code), label: "\(p.plan.code) – \(p.plan.title)")
                }
            }
            f.msg("plans")
            if !forms.isEmpty {
                Node.fieldset {
                    Node.legend(text: t("Biểu mẫu các đơn vị điền"))
                    for form in forms {
                        ViewParts.check("forms", value: form.code, checked: chosenForms.contains(form.code), label: "\(form.code) – \(form.title)")
                    }
                }
            }
        }
    }

    static func unitsToReport(_ f: Fields) -> Node {
        let chosenKinds = Set(f.form?.all("kinds") ?? ["department", "district"])
        return .fieldset {
            Node.legend(text: t("Đơn vị phải báo cáo"))
            for k in UnitKind.allCases where k != .province {
                ViewParts.check("kinds", value: k.rawValue, checked: chosenKinds.contains(k.rawValue), label: translated(k.labelVI))
            }
            ViewParts.check("directOnly", value: "1", checked: f.form == nil || f.form?["directOnly"] != nil,
                            label: t("Chỉ đơn vị trực thuộc (không gồm cấp dưới của đơn vị trực thuộc)"))
            ViewParts.field(t("Thêm đơn vị theo mã (cách nhau bởi dấu phẩy hoặc xuống dòng)"),
                            ViewParts.textarea(.name("units"), Attribute("rows", "2"), text: f.v("units")))
            f.msg("units")
        }
    }

    static func scopes(_ f: Fields) -> Node {
        .group {
            ViewParts.field(t("Chỉ tiêu mỗi đơn vị báo cáo"), Node.select(.name("indicatorScope")) {
                for s in IndicatorScope.allCases {
                    Node.option(.value(s.rawValue), .flag("selected", f.chosen("indicatorScope", s.rawValue)), text: translated(s.labelVI))
                }
            })
            ViewParts.field(t("Nhiệm vụ mỗi đơn vị báo cáo"), Node.select(.name("taskScope")) {
                for s in TaskScope.allCases {
                    Node.option(.value(s.rawValue), .flag("selected", f.chosen("taskScope", s.rawValue)), text: translated(s.labelVI))
                }
            })
            ViewParts.field(t("Các phần thuyết minh (mỗi dòng một phần)"),
                            ViewParts.textarea(.name("sections"), Attribute("rows", "3"), text: f.v("sections", ReportingRound.standardSections.joined(separator: "\n"))))
        }
    }

    static func deadlines(_ f: Fields) -> Node {
        .fieldset {
            Node.legend(text: t("Hạn nộp"))
            Node.p(.class("hint"), text: t("Để trống: mặc định ngày 20 sau ngày chốt số liệu của kỳ (ví dụ quý I: 20/03). Nhập dd/mm/yyyy hoặc chọn ngày."))
            f.line(t("Hạn nộp chung"), "deadline")
            for l in [AdminLevel.department, .district, .commune] {
                f.line(t("Hạn nộp của %@", translated(l.labelVI).lowercased()), "deadline.\(l.rawValue)")
            }
            f.line(t("Ngày khóa sổ (sau ngày này chỉ cơ quan thường trực được sửa)"), "lockDate")
        }
    }

    static func settings(_ f: Fields) -> Node {
        .group {
            ViewParts.check("unitApproval", value: "1", checked: f.form?["unitApproval"] != nil, label: t("Lãnh đạo đơn vị phê duyệt báo cáo trước khi gửi lên"))
            f.line(t("Cảnh báo khi số liệu thay đổi hơn (lần) so với kỳ trước"), "changeFactor", Attribute("inputmode", "decimal"), value: "3")
            f.line(t("Nhắc đơn vị chưa nộp trước hạn (số ngày, cách nhau bởi dấu phẩy; để trống: không nhắc)"), "reminderDays",
                   value: ReminderDays.text(ReminderDays.standard))
        }
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
