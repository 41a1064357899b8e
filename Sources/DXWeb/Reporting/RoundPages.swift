import DXCore
import DXStore
import Foundation

/// The list of rounds, and one round's completeness and timeliness with its reminder list.
enum RoundsPage {
    static func render(rounds: [(ReportingRound, CompletenessSummary)], canManage: Bool) -> String {
        var b = "<h1>\(t("Đợt báo cáo định kỳ"))</h1>"
        if canManage { b += "<p><a class=\"button\" href=\"\(SiteRoute.newRound.path)\">\(t("Mở đợt báo cáo mới"))</a></p>" }
        if rounds.isEmpty {
            b += emptyState(t("Chưa có đợt báo cáo nào."), next: canManage
                ? t("Bấm “Mở đợt báo cáo mới” để giao báo cáo cho các đơn vị, với kỳ, kế hoạch và hạn nộp.")
                : t("Người điều phối mở đợt khi đến kỳ báo cáo; khi đó đợt hiện ở đây."))
        }
        else {
            b += "<table class=\"stacked\"><thead><tr><th scope=\"col\">\(t("Đợt báo cáo"))</th><th scope=\"col\">\(t("Kỳ"))</th><th scope=\"col\">\(t("Hạn nộp"))</th><th scope=\"col\">\(t("Tình hình nộp"))</th></tr></thead><tbody>"
            for (r, s) in rounds {
                b += "<tr>" + cell(t("Đợt báo cáo"), "<a href=\"\(SiteRoute.round(r.code).path)\">\(escape(r.title))</a>\(r.closed ? " <span class=\"badge\">\(t("Đã đóng"))</span>" : "")<br><span class=\"muted\">\(escape(r.planCodes.joined(separator: ", ")))</span>", "title")
                b += cell(t("Kỳ"), escape(r.period?.heading ?? r.periodID)) + cell(t("Hạn nộp"), VNDate.numeric(r.defaultDeadline))
                b += cell(t("Tình hình nộp"), escape(t("%@ đơn vị đã gửi", VNNumber.fraction(s.submitted, s.expected, width: 2)))) + "</tr>"
            }
            b += "</tbody></table>"
        }
        return Layout.page(title: t("Đợt báo cáo"), body: b)
    }
}

enum RoundPage {
    struct Model {
        var round: ReportingRound
        var entries: [CompletenessEntry]
        var today: CalendarDate
        var canManage: Bool
        var showContacts: Bool
        var csrf: String
        /// The round's notices (for those who run it; empty for others).
        var notices: [Notice] = []
    }

    static func render(_ m: Model) -> String {
        let r = m.round
        let summary = CompletenessSummary(m.entries)
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.rounds.path)\">\(t("Đợt báo cáo"))</a></p>"
        b += "<h1>\(escape(r.title))</h1>"
        b += "<p class=\"meta\">\(t("Kỳ:")) \(escape(r.period?.heading ?? r.periodID))"
        if let p = r.period { b += " (\(t("số liệu")) \(escape(p.cutOff.label)))" }
        b += " · \(t("Kế hoạch:")) \(escape(r.planCodes.joined(separator: ", ")))</p>"
        var dl = "\(t("Hạn nộp:")) \(VNDate.numeric(r.defaultDeadline))"
        for (level, d) in r.deadlines.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where d != r.defaultDeadline {
            dl += "; \(translated(level.labelVI).lowercased()): \(VNDate.numeric(d))"
        }
        if let l = r.lockDate { dl += " · " + t("Khóa sổ sau ngày %@", VNDate.numeric(l)) }
        if r.closed { dl += " · <strong>\(t("Đợt đã đóng"))</strong>" }
        b += "<p class=\"meta\">\(dl)</p>"
        // DXCore writes the sentence in Vietnamese; the English page says the same with the same figures.
        let sentence = Language.current == .vi ? summary.sentenceVI
            : t("Đã gửi %@ đơn vị (%@), trong đó đúng hạn %@, muộn %@; đang soạn %@; chưa bắt đầu %@.",
                VNNumber.fraction(summary.submitted, summary.expected, width: 2), VNNumber.percent(summary.submitted, of: summary.expected),
                VNNumber.padded(summary.onTime), VNNumber.padded(summary.late), VNNumber.padded(summary.drafting), VNNumber.padded(summary.notStarted))
        b += "<p id=\"summary\"><strong>\(escape(sentence))</strong></p>"
        if !r.formCodes.isEmpty {
            b += "<p id=\"round-forms\">\(t("Bảng tổng hợp biểu mẫu:")) " + r.formCodes.map {
                "<a href=\"\(escape(SiteRoute.tableFormTable(code: $0, format: nil, period: r.periodID).path))\">\(escape($0))</a>"
            }.joined(separator: " · ") + "</p>"
        }
        b += "<p><a href=\"\(SiteRoute.roundCSV(r.code).path)\">\(t("Tải danh sách (CSV)"))</a> · <a href=\"\(SiteRoute.audit(round: r.code, unit: nil, subject: nil).path)\">\(t("Nhật ký thay đổi"))</a></p>"
        if m.canManage {
            b += "<form method=\"post\" action=\"\(SiteRoute.roundClose(r.code).path)\" class=\"inline\">\(CSRFMiddleware.field(m.csrf))"
            b += "<input type=\"hidden\" name=\"closed\" value=\"\(r.closed ? "false" : "true")\"><button type=\"submit\">\(r.closed ? t("Mở lại đợt") : t("Đóng đợt"))</button></form>"
            b += UploadPreviewPage.roundSection(round: r, csrf: m.csrf)
        }
        b += "<h2>\(t("Tình hình nộp báo cáo"))</h2><table id=\"completeness\" class=\"stacked\"><thead><tr><th scope=\"col\">\(t("Đơn vị"))</th><th scope=\"col\">\(t("Hạn nộp"))</th><th scope=\"col\">\(t("Trạng thái"))</th><th scope=\"col\">\(t("Ngày gửi"))</th></tr></thead><tbody>"
        for e in m.entries {
            let cls: String
            switch e.timeliness {
            case .onTime: cls = "s-done"
            case .late: cls = "s-progress"
            case .drafting, .notStarted: cls = e.isOverdue(today: m.today) ? "s-not" : ""
            }
            var state = translated(e.state.labelVI)
            if e.state.isSubmitted { state += e.late ? " (\(t("muộn")))" : " (\(t("đúng hạn")))" }
            else if e.isOverdue(today: m.today) { state += " – " + t("quá hạn") }
            b += "<tr data-unit=\"\(escape(e.unitCode))\">" + cell(t("Đơn vị"), "<a href=\"\(SiteRoute.unitReport(round: r.code, unit: e.unitCode).path)\">\(escape(e.unitName))</a>", "title")
            b += cell(t("Hạn nộp"), VNDate.numeric(e.deadline)) + cell(t("Trạng thái"), "<span class=\"badge \(cls)\">\(escape(state))</span>")
            b += cell(t("Ngày gửi"), e.submittedAt.map { escape(timestamp($0)) } ?? "—") + "</tr>"
        }
        b += "</tbody></table>"
        let pending = m.entries.filter { !$0.state.isSubmitted }
        if !pending.isEmpty {
            b += "<h2>\(t("Danh sách nhắc nộp (%@ đơn vị)", VNNumber.padded(pending.count)))</h2><ul id=\"reminders\">"
            for e in pending {
                let who = m.showContacts ? (e.contacts.isEmpty ? t("chưa có tài khoản báo cáo") : t("tài khoản:") + " " + e.contacts.joined(separator: ", ")) : ""
                b += "<li>\(escape(e.unitName)) – \(escape(translated(e.state.labelVI)))\(who.isEmpty ? "" : " – " + escape(who))</li>"
            }
            b += "</ul>"
        }
        if m.canManage {
            b += "<h2>\(t("Thông báo của đợt"))</h2>"
            if !r.reminderDays.isEmpty {
                b += "<p class=\"meta\">\(t("Nhắc đơn vị chưa nộp trước hạn %@ ngày.", escape(ReminderDays.text(r.reminderDays))))</p>"
            }
            b += NoticeTable.html(m.notices, showRecipient: true, id: "notices")
        }
        return Layout.page(title: r.title, body: b)
    }

    /// CSV for people: UTF-8 with BOM (Excel opens it as UTF-8), Vietnamese headers and dates.
    static func csv(_ m: Model) -> String {
        func cell(_ s: String) -> String {
            let needs = s.contains(",") || s.contains("\"") || s.contains("\n") || s.hasPrefix("=") || s.hasPrefix("+") || s.hasPrefix("-") || s.hasPrefix("@")
            // A leading = + - @ would be run as a formula by spreadsheets: quote and prefix it.
            let safe = (s.hasPrefix("=") || s.hasPrefix("+") || s.hasPrefix("-") || s.hasPrefix("@")) ? "'" + s : s
            return needs ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        var lines = [t("Mã đơn vị,Tên đơn vị,Hạn nộp,Trạng thái,Đúng hạn/Muộn,Thời điểm gửi,Tài khoản báo cáo")]
        for e in m.entries {
            let timely: String
            switch e.timeliness {
            case .onTime: timely = t("Đúng hạn")
            case .late: timely = t("Muộn")
            default: timely = e.isOverdue(today: m.today) ? t("Quá hạn, chưa gửi") : t("Chưa gửi")
            }
            lines.append([e.unitCode, e.unitName, VNDate.numeric(e.deadline), translated(e.state.labelVI), timely,
                          e.submittedAt.map(timestamp) ?? "", e.contacts.joined(separator: " ")].map(cell).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
