import DXCore
import DXStore
import Foundation

/// The data-entry page of one unit in one round. Works without JavaScript and at phone width:
/// one column of fieldsets, native inputs, messages under the field they are about.
enum ReportPage {
    struct Model {
        var report: UnitReport
        var account: Account
        var csrf: String
        /// What the user sent, when the page is shown again after a refused save.
        var form: FormData?
        var issues: [FieldIssue]
        var conflict: ReportConflict?
        var flash: String?
        var editRefusal: String?
        var actions: [WorkflowAction]
        var history: [(round: ReportingRound, status: RoundUnitStatus)]
        /// Numbers of known documents, offered as suggestions for the evidence field.
        var documents: [String] = []
    }

    static func render(_ m: Model) -> String {
        let r = m.report
        let fields = Fields(m)
        return Layout.page(title: "\(r.status.unit.name) · \(r.round.title)") {
            header(m)
            notices(m)
            entryForm(m, fields)
            UploadPreviewPage.section(report: r, csrf: m.csrf, editable: fields.editable)
            review(m, fields)
            Node.p { Node.link(.audit(round: r.round.code, unit: r.status.unit.code, subject: nil), t("Nhật ký thay đổi của báo cáo này")) }
            history(m)
        }
    }

    /// What the form's fields need from the model: the values sent back, the messages by field,
    /// and whether the report may be changed now.
    struct Fields {
        let form: FormData?
        let byPath: [String: [FieldIssue]]
        let editable: Bool

        init(_ m: Model) {
            var byPath: [String: [FieldIssue]] = [:]
            for i in m.issues + (m.form == nil ? ReportForm.storedWarnings(m.report) : []) { byPath[i.path, default: []].append(i) }
            self.form = m.form
            self.byPath = byPath
            self.editable = m.editRefusal == nil
        }

        /// The messages about a field, each linked to it by its id.
        func msgs(_ path: String) -> Node {
            .group {
                for i in byPath[path] ?? [] {
                    Node.p(.class(i.severity == .error ? "err" : "warn"), .id(ReportPage.domID(path) + "-msg"), text: translated(i.message))
                }
            }
        }

        /// What the user sent, else what is stored.
        func value(_ name: String, _ stored: String) -> String { form?[name] ?? stored }

        /// `aria-invalid` and the message's id when the field has an error.
        func invalid(_ name: String) -> [Attribute] {
            guard (byPath[name] ?? []).contains(where: { $0.severity == .error }) else { return [] }
            return [.aria("invalid", "true"), .aria("describedby", ReportPage.domID(name) + "-msg")]
        }

        var disabled: [Attribute] { editable ? [] : [.flag("disabled")] }

        /// The name and id of a field.
        func named(_ n: String) -> [Attribute] { [.name(n), .id(ReportPage.domID(n))] }

        /// A number on the numeric keypad.
        func number(_ label: String, _ n: String, stored: String) -> Node {
            let input = Node.void("input", named(n) + [Attribute("inputmode", "decimal"), Attribute("autocomplete", "off"),
                                                       .value(value(n, stored))] + invalid(n) + disabled)
            return .group { ViewParts.field(label, input); msgs(n) }
        }

        /// A select of `choices` after "— Chọn —".
        func select(_ label: String, _ n: String, stored: String, choices: [(value: String, label: String)]) -> Node {
            let chosen = form?[n] ?? stored
            let select = Node.element("select", named(n) + invalid(n) + disabled, [.group {
                Node.option(.value(""), text: t("— Chọn —"))
                for c in choices { Node.option(.value(c.value), .flag("selected", chosen == c.value), text: c.label) }
            }])
            return .group { ViewParts.field(label, select); msgs(n) }
        }

        /// A text of a few lines.
        func area(_ label: String, _ n: String, stored: String, checked: Bool) -> Node {
            let area = Node.element("textarea", named(n) + [Attribute("rows", "2")] + (checked ? invalid(n) : []) + disabled,
                                    [.text(value(n, stored))])
            return .group { ViewParts.field(label, area); msgs(n) }
        }

        /// A line of text; `extra` comes before the value (`list`).
        func line(_ label: String, _ n: String, stored: String, extra: [Attribute] = []) -> Node {
            let input = Node.void("input", named(n) + extra + [.value(value(n, stored))] + disabled)
            return .group { ViewParts.field(label, input); msgs(n) }
        }
    }

    static func header(_ m: Model) -> Node {
        let r = m.report, st = r.status
        return .group {
            ViewParts.crumbs([(SiteRoute.rounds.path, t("Đợt báo cáo")), (SiteRoute.round(r.round.code).path, r.round.title)])
            Node.h1(text: st.unit.name)
            Node.p(.class("meta"), text: "\(r.round.period?.heading ?? r.round.periodID) · \(t("Hạn nộp:")) \(VNDate.numeric(st.deadline))"
                + (r.round.lockDate.map { " · \(t("Khóa sổ:")) \(VNDate.numeric($0))" } ?? ""))
            Node.p {
                t("Trạng thái:") + " "
                Node.span(.class("badge st-\(st.state.rawValue)"), .id("report-state"), text: translated(st.state.labelVI))
                if st.late { " "; Node.span(.class("badge s-not"), text: t("Nộp muộn")) }
                if let s = st.submittedAt { " "; Node.span(.class("muted"), text: t("gửi lúc %@", timestamp(s))) }
                " "
                Node.span(.class("muted"), text: "· " + t("phiên bản %@", st.version))
            }
        }
    }

    /// The flash, a return's reason, a conflict, the errors, and why the report cannot be changed.
    static func notices(_ m: Model) -> Node {
        let st = m.report.status
        let errors = m.issues.filter { $0.severity == .error }
        return .group {
            ViewParts.flash(m.flash)
            if st.state == .returned, let c = st.returnComment {
                Node.div(.class("box warnbox")) { Node.strong(text: t("Báo cáo bị trả lại:")); " " + c }
            }
            if let c = m.conflict { conflict(c) }
            if !errors.isEmpty {
                Node.div(.class("box errbox"), Attribute("role", "alert"), .id("errors")) {
                    Node.strong(text: t("Chưa lưu: có %@ lỗi cần sửa.", errors.count))
                    Node.ul { for e in errors { Node.li { Node.a(.href("#" + domID(e.path)), text: translated(e.message)) } } }
                }
            }
            if let why = m.editRefusal { Node.p(.class("muted"), text: why) }
        }
    }

    static func conflict(_ c: ReportConflict) -> Node {
        .div(.class("box errbox"), Attribute("role", "alert"), .id("conflict")) {
            Node.strong(text: t("Xung đột dữ liệu:"))
            " " + t("trong khi bạn sửa, báo cáo đã được thay đổi (phiên bản %@ → %@). Những thay đổi đó:", c.baseVersion, c.currentVersion)
            Node.ul { for e in c.changes { Node.li(text: AuditText.describe(e)) } }
            t("Dữ liệu bạn vừa nhập vẫn còn trong biểu mẫu dưới đây. Kiểm tra lại rồi bấm") + " "
            Node.em(text: t("Lưu nháp"))
            " " + t("để ghi đè.")
        }
    }

    static func entryForm(_ m: Model, _ f: Fields) -> Node {
        let r = m.report, st = r.status
        return .form(.method("post"), .action(.unitReport(round: r.round.code, unit: st.unit.code)), .class("report")) {
            csrfField(m.csrf)
            Node.hidden("version", String(m.conflict?.currentVersion ?? st.version))
            if !r.indicators.isEmpty { Node.h2(text: "\(t("Chỉ tiêu")) (\(VNNumber.padded(r.indicators.count)))") }
            for item in r.indicators { indicator(item, m, f) }
            if !r.tasks.isEmpty { Node.h2(text: "\(t("Nhiệm vụ")) (\(VNNumber.padded(r.tasks.count)))") }
            for item in r.tasks { task(item, m, f) }
            for part in r.forms { formSection(part, f) }
            if !r.tasks.isEmpty, !m.documents.isEmpty {
                Node.el("datalist", .id("documents")) { for d in m.documents { Node.option(.value(d), text: "") } }
            }
            narrative(m, f)
            if f.editable { actions(m) }
        }
    }

    static func indicator(_ item: ReportIndicator, _ m: Model, _ f: Fields) -> Node {
        let r = m.report, st = r.status, period = r.round.period
        let i = item.indicator
        let p = ReportForm.indicatorPrefix(item.key)
        let e = item.entry
        return .fieldset(.class("item"), .id(domID(p))) {
            Node.legend(text: "\(i.code). \(i.name)")
            Node.p(.class("meta"), text: indicatorFacts(item, r))
            switch i.measure {
            case .rate:
                Node.div(.class("row")) {
                    f.number(t("Tử số") + (i.numeratorDefinition.map { " (\($0))" } ?? ""), "\(p).numerator", stored: ReportForm.number(e?.numerator))
                    f.number(t("Mẫu số") + (i.denominatorDefinition.map { " (\($0))" } ?? ""), "\(p).denominator", stored: ReportForm.number(e?.denominator))
                }
                f.number(t("Hoặc tỷ lệ % (khi không có tử số, mẫu số)"), "\(p).value", stored: ReportForm.number(e?.numerator == nil ? e?.value : nil))
            case .count, .amount, .rank:
                let label = i.measure == .rank ? t("Thứ hạng") : i.measure == .count ? t("Số lượng") : t("Giá trị")
                f.number(label + (i.unitOfMeasure.map { " (\($0))" } ?? ""), "\(p).value", stored: ReportForm.number(e?.value))
            case .qualitative:
                f.select(t("Đánh giá"), "\(p).judgement", stored: e?.judgement?.rawValue ?? "",
                         choices: Judgement.allCases.map { ($0.rawValue, translated($0.labelVI)) })
            }
            f.area(t("Kết quả (diễn giải)"), "\(p).text", stored: e?.text ?? "", checked: false)
            f.line(t("Ghi chú"), "\(p).comment", stored: e?.comment ?? "")
            if m.form == nil, let e { evaluation(e, indicator: i, period: period, level: st.unit.kind.level) }
            Node.p(.class("hint")) {
                Node.link(.audit(round: r.round.code, unit: st.unit.code, subject: i.code), t("Lịch sử thay đổi chỉ tiêu này"))
            }
        }
    }

    /// The plan (when the round has several), the target and the previous period's figure.
    static func indicatorFacts(_ item: ReportIndicator, _ r: UnitReport) -> String {
        let i = item.indicator
        var meta: [String] = []
        if r.round.planCodes.count > 1 { meta.append(item.plan.code) }
        if let period = r.round.period, let target = i.target(year: period.year, level: r.status.unit.kind.level) {
            meta.append(t("Mục tiêu:") + " " + target.shortLabelVI(unit: i.unitOfMeasure))
        }
        let prevLabel = r.previousPeriod.map { t("Kỳ trước (%@)", $0.label) } ?? t("Kỳ trước")
        let prevText = item.previous.map { DataValue(planCode: "", indicatorCode: "", unitCode: "", periodID: "", numerator: $0.numerator, denominator: $0.denominator, value: $0.value, text: nil, judgement: $0.judgement).shortLabelVI(measure: i.measure, unit: i.unitOfMeasure) } ?? t("chưa có số liệu")
        meta.append("\(prevLabel): \(prevText.isEmpty ? t("chưa có số liệu") : prevText)")
        return meta.joined(separator: " · ")
    }

    static func task(_ item: ReportTask, _ m: Model, _ f: Fields) -> Node {
        let st = m.report.status
        let task = item.task
        let p = ReportForm.taskPrefix(item.key)
        let e = item.entry
        let role = task.leadUnitCode == st.unit.code ? t("Chủ trì") : t("Phối hợp")
        return .fieldset(.class("item"), .id(domID(p))) {
            Node.legend(text: "\(task.code). \(task.title)")
            Node.p(.class("meta"), text: "\(item.plan.code) · \(role) · \(t("Thời hạn:")) \(task.deadlineLabel.isEmpty ? "—" : task.deadlineLabel)")
            f.select(t("Tình trạng"), "\(p).status", stored: e?.status?.rawValue ?? "",
                     choices: TaskStatus.allCases.map { ($0.rawValue, translated($0.labelVI)) })
            percent(f, "\(p).percent", stored: ReportForm.number(e?.percent))
            f.area(t("Kết quả thực hiện"), "\(p).result", stored: e?.result ?? "", checked: true)
            f.line(t("Văn bản minh chứng (số ký hiệu)"), "\(p).evidence", stored: e?.evidence ?? "", extra: [Attribute("list", "documents")])
            f.line(t("Ghi chú"), "\(p).note", stored: e?.note ?? "")
        }
    }

    /// A task's completion, on the numeric keypad.
    static func percent(_ f: Fields, _ n: String, stored: String) -> Node {
        let input = Node.void("input", f.named(n) + [Attribute("inputmode", "decimal"), .value(f.value(n, stored))] + f.invalid(n) + f.disabled)
        return .group { ViewParts.field(t("Tỷ lệ hoàn thành (%)"), input); f.msgs(n) }
    }

    static func narrative(_ m: Model, _ f: Fields) -> Node {
        let r = m.report
        return .group {
            if !r.round.narrativeSections.isEmpty { Node.h2(text: t("Báo cáo thuyết minh")) }
            for s in r.round.narrativeSections {
                let n = ReportForm.sectionName(s)
                Node.label(.class("block"), .id(domID(n))) {
                    s + " "
                    Node.element("textarea", [.name(n), Attribute("rows", "5")] + f.invalid(n) + f.disabled,
                                 [.text(f.value(n, r.status.narrative[s] ?? ""))])
                }
                f.msgs(n)
            }
        }
    }

    /// The save bar, which stays at the bottom of the screen while the form scrolls.
    static func actions(_ m: Model) -> Node {
        .div(.class("actions")) {
            Node.button(.type("submit"), .name("action"), .value("save"), .id("save"), text: t("Lưu nháp"))
            if m.actions.contains(.submit) {
                " "
                Node.button(.type("submit"), .name("action"), .value("submit"), .id("submit"), .class("primary"), text: t("Gửi báo cáo"))
            }
        }
    }

    /// The workflow actions other than sending from the form: return, approve, reopen.
    static func review(_ m: Model, _ f: Fields) -> Node {
        let r = m.report, st = r.status
        let review = m.actions.filter { $0 != .submit || !f.editable }
        guard !review.isEmpty else { return .empty }
        return .group {
            Node.h2(text: t("Xử lý báo cáo"))
            Node.div(.class("review")) {
                for a in review {
                    Node.form(.method("post"), .action(.unitReportAction(round: r.round.code, unit: st.unit.code, action: a.rawValue)), .class("stack")) {
                        csrfField(m.csrf)
                        Node.hidden("version", String(st.version))
                        if a == .return {
                            ViewParts.field(t("Lý do trả lại"), ViewParts.textarea(.name("comment"), Attribute("rows", "2"), .flag("required"), text: ""))
                            f.msgs("comment")
                        }
                        Node.button(.type("submit"), .id("action-\(a.rawValue)"), text: translated(a.labelVI))
                    }
                }
            }
        }
    }

    /// The unit's reports in the rounds before and after this one.
    static func history(_ m: Model) -> Node {
        guard m.history.count > 1 else { return .empty }
        let unit = m.report.status.unit.code
        return .group {
            Node.h2(text: t("Các đợt báo cáo của đơn vị"))
            Node.table {
                Node.columnHeads([t("Đợt"), t("Kỳ"), t("Trạng thái")], scoped: false)
                Node.tbody {
                    for h in m.history {
                        Node.tr {
                            Node.td { Node.link(.unitReport(round: h.round.code, unit: unit), h.round.title) }
                            Node.td(text: h.round.period?.heading ?? h.round.periodID)
                            Node.td(text: translated(h.status.state.labelVI) + (h.status.late ? " (\(t("muộn")))" : ""))
                        }
                    }
                }
            }
        }
    }

    /// A table form as the unit fills it: one fieldset per row, one input per entered column,
    /// so that a wide table still reads on a phone; computed columns show what the stored
    /// figures give.
    static func formSection(_ part: ReportFormPart, _ f: Fields) -> Node {
        let form = part.form.form
        return .group {
            Node.h2(text: "\(t("Biểu %@:", form.code)) \(form.title)")
            for row in part.rows { formRow(part, row, f) }
        }
    }

    static func formRow(_ part: ReportFormPart, _ row: FormRowCategory, _ f: Fields) -> Node {
        let form = part.form.form
        let key = part.key(row)
        let prefix = ReportForm.formRowPrefix(key)
        let stored = part.entries[row.key]?.values ?? [:]
        return .fieldset(.class("item"), .id(domID(prefix))) {
            Node.legend(text: row.label)
            f.msgs(prefix)
            for c in form.columns { formCell(part, key, c, stored, f) }
            if !form.identities.isEmpty {
                Node.p(.class("hint"), text: t("Kiểm tra:") + " " + form.identities.map { $0.message ?? $0.rule }.joined(separator: "; "))
            }
        }
    }

    static func formCell(_ part: ReportFormPart, _ key: FormRowKey, _ c: FormColumn, _ stored: [String: FormCellValue], _ f: Fields) -> Node {
        let title = (c.group + [c.title]).joined(separator: " › ") + " " + FormExpression.column(c.key).description
            + (c.unitOfMeasure.map { " (\($0))" } ?? "")
        if c.kind == .computed {
            let v = part.form.display(part.form.computeRow(stored)[c.key] ?? .empty, column: c.key)
            return .p(.class("computed")) { "\(title) = \(c.formula ?? ""): "; Node.strong(text: v.isEmpty ? "—" : v) }
        }
        let n = ReportForm.formCellName(key, column: c.key)
        let storedText: String = switch stored[c.key] ?? .empty {
        case .number(let x): ReportForm.number(x)
        case .text(let s): s
        case .empty, .divisionByZero: ""
        }
        let value = f.value(n, storedText)
        let state = f.named(n)
        let control: Node = switch c.kind {
        case .choice:
            .element("select", state + f.invalid(n) + f.disabled, [.group {
                Node.option(.value(""), text: t("— Chọn —"))
                for choice in c.choices { Node.option(.flag("selected", value == choice), text: choice) }
            }])
        case .text:
            .void("input", state + [.value(value)] + f.invalid(n) + f.disabled)
        default:
            .void("input", state + [Attribute("inputmode", "decimal"), Attribute("autocomplete", "off"), .value(value)] + f.invalid(n) + f.disabled)
        }
        return .group {
            Node.label {
                title
                if c.required { " "; Node.el("abbr", .title(t("bắt buộc")), text: "*") }
                " "
                control
            }
            f.msgs(n)
        }
    }

    /// The computed rate and whether it meets the target, shown after a save.
    static func evaluation(_ e: IndicatorEntry, indicator i: Indicator, period: Period?, level: AdminLevel) -> Node {
        var parts: [Node] = []
        if i.measure == .rate, let n = e.numerator, let d = e.denominator, d > 0 || n == 0 {
            // 0/0 (a period without events, where the indicator allows it) has no rate: "—".
            let rate = d > 0 ? VNNumber.percent(n / d * 100) : ZeroDenominatorRule.noRate
            parts.append(.group { t("Tỷ lệ:") + " "; Node.strong(text: rate); " (\(VNNumber.fraction(n, d)))" })
        }
        if let j = e.judgement { parts.append(.group { t("Đánh giá:") + " "; Node.strong(text: translated(j.labelVI)) }) }
        if let period, let target = i.target(year: period.year, level: level), let v = e.effectiveValue, let met = target.isMet(by: v) {
            parts.append(met ? .span(.class("badge s-done"), text: t("Đạt mục tiêu")) : .span(.class("badge s-not"), text: t("Chưa đạt mục tiêu")))
        }
        return parts.isEmpty ? .empty : .p(.class("computed")) { Node.joined(parts, separator: " · ") }
    }

    /// Element ids from field names: letters and digits kept, the rest as '-'.
    static func domID(_ path: String) -> String {
        // ASCII letters and digits by value: `CharacterSet` lookups were a fortieth of the page.
        "f-" + String(path.unicodeScalars.map {
            switch $0.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: Character($0)
            default: "-"
            }
        })
    }
}

func timestamp(_ d: Date) -> String {
    // Vietnam time (UTC+7) without depending on the host's zone.
    let seconds = Int(d.timeIntervalSince1970) + 7 * 3600
    let day = CalendarDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    let rest = seconds - day.dayNumber * 86400
    return String(format: "%02d:%02d ", rest / 3600, (rest % 3600) / 60) + VNDate.numeric(day)
}
