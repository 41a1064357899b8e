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
        let st = r.status
        let period = r.round.period
        let editable = m.editRefusal == nil
        let dis = editable ? "" : " disabled"
        var byPath: [String: [FieldIssue]] = [:]
        for i in m.issues + (m.form == nil ? ReportForm.storedWarnings(r) : []) { byPath[i.path, default: []].append(i) }
        func msgs(_ path: String) -> String {
            (byPath[path] ?? []).map {
                "<p class=\"\($0.severity == .error ? "err" : "warn")\" id=\"\(escape(domID(path)))-msg\">\(escape(translated($0.message)))</p>"
            }.joined()
        }
        func val(_ name: String, _ stored: String) -> String { escape(m.form?[name] ?? stored) }
        func invalid(_ name: String) -> String {
            (byPath[name] ?? []).contains { $0.severity == .error } ? " aria-invalid=\"true\" aria-describedby=\"\(escape(domID(name)))-msg\"" : ""
        }

        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.rounds.path)\">\(t("Đợt báo cáo"))</a> › <a href=\"\(SiteRoute.round(r.round.code).path)\">\(escape(r.round.title))</a></p>"
        b += "<h1>\(escape(st.unit.name))</h1>"
        b += "<p class=\"meta\">\(escape(period?.heading ?? r.round.periodID)) · \(t("Hạn nộp:")) \(VNDate.numeric(st.deadline))"
        if let l = r.round.lockDate { b += " · \(t("Khóa sổ:")) \(VNDate.numeric(l))" }
        b += "</p>"
        b += "<p>\(t("Trạng thái:")) <span class=\"badge st-\(st.state.rawValue)\" id=\"report-state\">\(escape(translated(st.state.labelVI)))</span>"
        if st.late { b += " <span class=\"badge s-not\">\(t("Nộp muộn"))</span>" }
        if let s = st.submittedAt { b += " <span class=\"muted\">\(t("gửi lúc %@", escape(timestamp(s))))</span>" }
        b += " <span class=\"muted\">· \(t("phiên bản %@", st.version))</span></p>"
        if let f = m.flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if st.state == .returned, let c = st.returnComment { b += "<div class=\"box warnbox\"><strong>\(t("Báo cáo bị trả lại:"))</strong> \(escape(c))</div>" }
        if let c = m.conflict {
            b += "<div class=\"box errbox\" role=\"alert\" id=\"conflict\"><strong>\(t("Xung đột dữ liệu:"))</strong> \(t("trong khi bạn sửa, báo cáo đã được thay đổi (phiên bản %@ → %@). Những thay đổi đó:", c.baseVersion, c.currentVersion))<ul>"
            for e in c.changes { b += "<li>\(escape(AuditText.describe(e)))</li>" }
            b += "</ul>\(t("Dữ liệu bạn vừa nhập vẫn còn trong biểu mẫu dưới đây. Kiểm tra lại rồi bấm")) <em>\(t("Lưu nháp"))</em> \(t("để ghi đè."))</div>"
        }
        let errors = m.issues.filter { $0.severity == .error }
        if !errors.isEmpty {
            b += "<div class=\"box errbox\" role=\"alert\" id=\"errors\"><strong>\(t("Chưa lưu: có %@ lỗi cần sửa.", errors.count))</strong><ul>"
            for e in errors { b += "<li><a href=\"#\(escape(domID(e.path)))\">\(escape(translated(e.message)))</a></li>" }
            b += "</ul></div>"
        }
        if let why = m.editRefusal { b += "<p class=\"muted\">\(escape(why))</p>" }

        b += "<form method=\"post\" action=\"\(SiteRoute.unitReport(round: r.round.code, unit: st.unit.code).path)\" class=\"report\">"
        b += CSRFMiddleware.field(m.csrf)
        b += "<input type=\"hidden\" name=\"version\" value=\"\(m.conflict?.currentVersion ?? st.version)\">"

        if !r.indicators.isEmpty { b += "<h2>\(t("Chỉ tiêu")) (\(VNNumber.padded(r.indicators.count)))</h2>" }
        for item in r.indicators {
            let i = item.indicator
            let p = ReportForm.indicatorPrefix(item.key)
            let e = item.entry
            b += "<fieldset class=\"item\" id=\"\(escape(domID(p)))\"><legend>\(escape(i.code)). \(escape(i.name))</legend>"
            var meta: [String] = []
            if r.round.planCodes.count > 1 { meta.append(escape(item.plan.code)) }
            if let period, let target = i.target(year: period.year, level: st.unit.kind.level) {
                meta.append(t("Mục tiêu:") + " " + escape(target.shortLabelVI(unit: i.unitOfMeasure)))
            }
            let prevLabel = r.previousPeriod.map { t("Kỳ trước (%@)", $0.label) } ?? t("Kỳ trước")
            let prevText = item.previous.map { DataValue(planCode: "", indicatorCode: "", unitCode: "", periodID: "", numerator: $0.numerator, denominator: $0.denominator, value: $0.value, text: nil, judgement: $0.judgement).shortLabelVI(measure: i.measure, unit: i.unitOfMeasure) } ?? t("chưa có số liệu")
            meta.append("\(escape(prevLabel)): \(escape(prevText.isEmpty ? t("chưa có số liệu") : prevText))")
            b += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>"
            func input(_ f: String, _ label: String, _ stored: Double?) -> String {
                let n = "\(p).\(f)"
                return "<label>\(escape(label)) <input name=\"\(escape(n))\" id=\"\(escape(domID(n)))\" inputmode=\"decimal\" autocomplete=\"off\" value=\"\(val(n, ReportForm.number(stored)))\"\(invalid(n))\(dis)></label>\(msgs(n))"
            }
            switch i.measure {
            case .rate:
                b += "<div class=\"row\">"
                b += input("numerator", t("Tử số") + (i.numeratorDefinition.map { " (\($0))" } ?? ""), e?.numerator)
                b += input("denominator", t("Mẫu số") + (i.denominatorDefinition.map { " (\($0))" } ?? ""), e?.denominator)
                b += "</div>"
                b += input("value", t("Hoặc tỷ lệ % (khi không có tử số, mẫu số)"), e?.numerator == nil ? e?.value : nil)
            case .count, .amount, .rank:
                let unit = i.unitOfMeasure.map { " (\($0))" } ?? ""
                b += input("value", (i.measure == .rank ? t("Thứ hạng") : i.measure == .count ? t("Số lượng") : t("Giá trị")) + unit, e?.value)
            case .qualitative:
                let n = "\(p).judgement"
                let chosen = m.form?[n] ?? e?.judgement?.rawValue ?? ""
                b += "<label>\(t("Đánh giá")) <select name=\"\(escape(n))\" id=\"\(escape(domID(n)))\"\(invalid(n))\(dis)><option value=\"\">\(t("— Chọn —"))</option>"
                for j in Judgement.allCases { b += "<option value=\"\(j.rawValue)\"\(chosen == j.rawValue ? " selected" : "")>\(escape(translated(j.labelVI)))</option>" }
                b += "</select></label>\(msgs(n))"
            }
            let tn = "\(p).text", cn = "\(p).comment"
            b += "<label>\(t("Kết quả (diễn giải)")) <textarea name=\"\(escape(tn))\" id=\"\(escape(domID(tn)))\" rows=\"2\"\(dis)>\(val(tn, e?.text ?? ""))</textarea></label>\(msgs(tn))"
            b += "<label>\(t("Ghi chú")) <input name=\"\(escape(cn))\" id=\"\(escape(domID(cn)))\" value=\"\(val(cn, e?.comment ?? ""))\"\(dis)></label>\(msgs(cn))"
            if m.form == nil, let e { b += evaluation(e, indicator: i, period: period, level: st.unit.kind.level) }
            b += "<p class=\"hint\"><a href=\"\(SiteRoute.audit(round: r.round.code, unit: st.unit.code, subject: i.code).path)\">\(t("Lịch sử thay đổi chỉ tiêu này"))</a></p>"
            b += "</fieldset>"
        }

        if !r.tasks.isEmpty { b += "<h2>\(t("Nhiệm vụ")) (\(VNNumber.padded(r.tasks.count)))</h2>" }
        for item in r.tasks {
            let task = item.task
            let p = ReportForm.taskPrefix(item.key)
            let e = item.entry
            let role = task.leadUnitCode == st.unit.code ? t("Chủ trì") : t("Phối hợp")
            b += "<fieldset class=\"item\" id=\"\(escape(domID(p)))\"><legend>\(escape(task.code)). \(escape(task.title))</legend>"
            b += "<p class=\"meta\">\(escape(item.plan.code)) · \(role) · \(t("Thời hạn:")) \(escape(task.deadlineLabel.isEmpty ? "—" : task.deadlineLabel))</p>"
            let sn = "\(p).status"
            let chosen = m.form?[sn] ?? e?.status?.rawValue ?? ""
            b += "<label>\(t("Tình trạng")) <select name=\"\(escape(sn))\" id=\"\(escape(domID(sn)))\"\(invalid(sn))\(dis)><option value=\"\">\(t("— Chọn —"))</option>"
            for s in TaskStatus.allCases { b += "<option value=\"\(s.rawValue)\"\(chosen == s.rawValue ? " selected" : "")>\(escape(translated(s.labelVI)))</option>" }
            b += "</select></label>\(msgs(sn))"
            let pn = "\(p).percent", rn = "\(p).result", en = "\(p).evidence", nn = "\(p).note"
            b += "<label>\(t("Tỷ lệ hoàn thành (%)")) <input name=\"\(escape(pn))\" id=\"\(escape(domID(pn)))\" inputmode=\"decimal\" value=\"\(val(pn, ReportForm.number(e?.percent)))\"\(invalid(pn))\(dis)></label>\(msgs(pn))"
            b += "<label>\(t("Kết quả thực hiện")) <textarea name=\"\(escape(rn))\" id=\"\(escape(domID(rn)))\" rows=\"2\"\(invalid(rn))\(dis)>\(val(rn, e?.result ?? ""))</textarea></label>\(msgs(rn))"
            b += "<label>\(t("Văn bản minh chứng (số ký hiệu)")) <input name=\"\(escape(en))\" id=\"\(escape(domID(en)))\" list=\"documents\" value=\"\(val(en, e?.evidence ?? ""))\"\(dis)></label>\(msgs(en))"
            b += "<label>\(t("Ghi chú")) <input name=\"\(escape(nn))\" id=\"\(escape(domID(nn)))\" value=\"\(val(nn, e?.note ?? ""))\"\(dis)></label>\(msgs(nn))"
            b += "</fieldset>"
        }

        for part in r.forms {
            b += formSection(part, model: m, editable: editable, msgs: msgs, invalid: invalid)
        }

        if !r.tasks.isEmpty, !m.documents.isEmpty {
            b += "<datalist id=\"documents\">" + m.documents.map { "<option value=\"\(escape($0))\">" }.joined() + "</datalist>"
        }
        if !r.round.narrativeSections.isEmpty { b += "<h2>\(t("Báo cáo thuyết minh"))</h2>" }
        for s in r.round.narrativeSections {
            let n = ReportForm.sectionName(s)
            b += "<label class=\"block\" id=\"\(escape(domID(n)))\">\(escape(s)) <textarea name=\"\(escape(n))\" rows=\"5\"\(invalid(n))\(dis)>\(val(n, st.narrative[s] ?? ""))</textarea></label>\(msgs(n))"
        }
        if editable {
            b += "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"save\" id=\"save\">\(t("Lưu nháp"))</button>"
            if m.actions.contains(.submit) { b += " <button type=\"submit\" name=\"action\" value=\"submit\" id=\"submit\" class=\"primary\">\(t("Gửi báo cáo"))</button>" }
            b += "</div>"
        }
        b += "</form>"

        b += UploadPreviewPage.section(report: r, csrf: m.csrf, editable: editable)
        let review = m.actions.filter { $0 != .submit || !editable }
        if !review.isEmpty {
            b += "<h2>\(t("Xử lý báo cáo"))</h2><div class=\"review\">"
            for a in review {
                b += "<form method=\"post\" action=\"\(SiteRoute.unitReportAction(round: r.round.code, unit: st.unit.code, action: a.rawValue).path)\" class=\"stack\">"
                b += CSRFMiddleware.field(m.csrf) + "<input type=\"hidden\" name=\"version\" value=\"\(st.version)\">"
                if a == .return {
                    b += "<label>\(t("Lý do trả lại")) <textarea name=\"comment\" rows=\"2\" required></textarea></label>\(msgs("comment"))"
                }
                b += "<button type=\"submit\" id=\"action-\(a.rawValue)\">\(escape(translated(a.labelVI)))</button></form>"
            }
            b += "</div>"
        }
        b += "<p><a href=\"\(SiteRoute.audit(round: r.round.code, unit: st.unit.code, subject: nil).path)\">\(t("Nhật ký thay đổi của báo cáo này"))</a></p>"
        if m.history.count > 1 {
            b += "<h2>\(t("Các đợt báo cáo của đơn vị"))</h2><table><thead><tr><th>\(t("Đợt"))</th><th>\(t("Kỳ"))</th><th>\(t("Trạng thái"))</th></tr></thead><tbody>"
            for h in m.history {
                b += "<tr><td><a href=\"\(SiteRoute.unitReport(round: h.round.code, unit: st.unit.code).path)\">\(escape(h.round.title))</a></td><td>\(escape(h.round.period?.heading ?? h.round.periodID))</td><td>\(escape(translated(h.status.state.labelVI)))\(h.status.late ? " (\(t("muộn")))" : "")</td></tr>"
            }
            b += "</tbody></table>"
        }
        return Layout.page(title: "\(st.unit.name) · \(r.round.title)", body: b)
    }

    /// A table form as the unit fills it: one fieldset per row, one input per entered column,
    /// so that a wide table still reads on a phone; computed columns show what the stored
    /// figures give.
    static func formSection(_ part: ReportFormPart, model m: Model, editable: Bool,
                            msgs: (String) -> String, invalid: (String) -> String) -> String {
        let form = part.form.form
        let dis = editable ? "" : " disabled"
        var b = "<h2>\(t("Biểu %@:", escape(form.code))) \(escape(form.title))</h2>"
        for row in part.rows {
            let key = part.key(row)
            let prefix = ReportForm.formRowPrefix(key)
            let stored = part.entries[row.key]?.values ?? [:]
            b += "<fieldset class=\"item\" id=\"\(escape(domID(prefix)))\"><legend>\(escape(row.label))</legend>\(msgs(prefix))"
            for c in form.columns {
                let title = (c.group + [c.title]).joined(separator: " › ") + " " + FormExpression.column(c.key).description
                    + (c.unitOfMeasure.map { " (\($0))" } ?? "")
                if c.kind == .computed {
                    let v = part.form.display(part.form.computeRow(stored)[c.key] ?? .empty, column: c.key)
                    b += "<p class=\"computed\">\(escape(title)) = \(escape(c.formula ?? "")): <strong>\(escape(v.isEmpty ? "—" : v))</strong></p>"
                    continue
                }
                let n = ReportForm.formCellName(key, column: c.key)
                let storedText: String = switch stored[c.key] ?? .empty {
                case .number(let x): ReportForm.number(x)
                case .text(let s): s
                case .empty, .divisionByZero: ""
                }
                let value = escape(m.form?[n] ?? storedText)
                let req = c.required ? " <abbr title=\"\(t("bắt buộc"))\">*</abbr>" : ""
                switch c.kind {
                case .choice:
                    let chosen = m.form?[n] ?? storedText
                    b += "<label>\(escape(title))\(req) <select name=\"\(escape(n))\" id=\"\(escape(domID(n)))\"\(invalid(n))\(dis)><option value=\"\">\(t("— Chọn —"))</option>"
                    for choice in c.choices { b += "<option\(chosen == choice ? " selected" : "")>\(escape(choice))</option>" }
                    b += "</select></label>"
                case .text:
                    b += "<label>\(escape(title))\(req) <input name=\"\(escape(n))\" id=\"\(escape(domID(n)))\" value=\"\(value)\"\(invalid(n))\(dis)></label>"
                default:
                    b += "<label>\(escape(title))\(req) <input name=\"\(escape(n))\" id=\"\(escape(domID(n)))\" inputmode=\"decimal\" autocomplete=\"off\" value=\"\(value)\"\(invalid(n))\(dis)></label>"
                }
                b += msgs(n)
            }
            if !form.identities.isEmpty {
                b += "<p class=\"hint\">\(t("Kiểm tra:")) " + form.identities.map { escape($0.message ?? $0.rule) }.joined(separator: "; ") + "</p>"
            }
            b += "</fieldset>"
        }
        return b
    }

    /// The computed rate and whether it meets the target, shown after a save.
    static func evaluation(_ e: IndicatorEntry, indicator i: Indicator, period: Period?, level: AdminLevel) -> String {
        var parts: [String] = []
        if i.measure == .rate, let n = e.numerator, let d = e.denominator, d > 0 || n == 0 {
            // 0/0 (a period without events, where the indicator allows it) has no rate: "—".
            let rate = d > 0 ? VNNumber.percent(n / d * 100) : ZeroDenominatorRule.noRate
            parts.append("\(t("Tỷ lệ:")) <strong>\(escape(rate))</strong> (\(escape(VNNumber.fraction(n, d))))")
        }
        if let j = e.judgement { parts.append("\(t("Đánh giá:")) <strong>\(escape(translated(j.labelVI)))</strong>") }
        if let period, let target = i.target(year: period.year, level: level), let v = e.effectiveValue, let met = target.isMet(by: v) {
            parts.append(met ? "<span class=\"badge s-done\">\(t("Đạt mục tiêu"))</span>" : "<span class=\"badge s-not\">\(t("Chưa đạt mục tiêu"))</span>")
        }
        return parts.isEmpty ? "" : "<p class=\"computed\">\(parts.joined(separator: " · "))</p>"
    }

    /// Element ids from field names: letters and digits kept, the rest as '-'.
    static func domID(_ path: String) -> String {
        "f-" + String(path.unicodeScalars.map { $0.isASCII && (CharacterSet.alphanumerics.contains($0)) ? Character($0) : "-" })
    }
}

func timestamp(_ d: Date) -> String {
    // Vietnam time (UTC+7) without depending on the host's zone.
    let seconds = Int(d.timeIntervalSince1970) + 7 * 3600
    let day = CalendarDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    let rest = seconds - day.dayNumber * 86400
    return String(format: "%02d:%02d ", rest / 3600, (rest % 3600) / 60) + VNDate.numeric(day)
}
