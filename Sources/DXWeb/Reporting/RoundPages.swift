import DXCore
import DXStore
import Foundation

/// The list of rounds, and one round's completeness and timeliness with its reminder list.
enum RoundsPage {
    static func render(rounds: [(ReportingRound, CompletenessSummary)], canManage: Bool) -> String {
        Layout.page(title: t("Đợt báo cáo")) {
            Node.h1(text: t("Đợt báo cáo định kỳ"))
            if canManage { Node.p { Node.a(.class("button"), .href(.newRound), text: t("Mở đợt báo cáo mới")) } }
            if rounds.isEmpty {
                emptyState(t("Chưa có đợt báo cáo nào."), next: canManage
                    ? t("Bấm “Mở đợt báo cáo mới” để giao báo cáo cho các đơn vị, với kỳ, kế hoạch và hạn nộp.")
                    : t("Người điều phối mở đợt khi đến kỳ báo cáo; khi đó đợt hiện ở đây."))
            } else {
                Node.table(.class("stacked")) {
                    Node.columnHeads([t("Đợt báo cáo"), t("Kỳ"), t("Hạn nộp"), t("Tình hình nộp")])
                    Node.tbody { for (r, s) in rounds { row(r, s) } }
                }
            }
        }
    }

    static func row(_ r: ReportingRound, _ s: CompletenessSummary) -> Node {
        .tr {
            cell(t("Đợt báo cáo"), "title") {
                Node.link(.round(r.code), r.title)
                if r.closed { " "; Node.span(.class("badge"), text: t("Đã đóng")) }
                Node.br()
                Node.span(.class("muted"), text: r.planCodes.joined(separator: ", "))
            }
            cell(t("Kỳ")) { r.period?.heading ?? r.periodID }
            cell(t("Hạn nộp")) { VNDate.numeric(r.defaultDeadline) }
            cell(t("Tình hình nộp")) { t("%@ đơn vị đã gửi", VNNumber.fraction(s.submitted, s.expected, width: 2)) }
        }
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
        return Layout.page(title: r.title) {
            ViewParts.crumbs([(SiteRoute.rounds.path, t("Đợt báo cáo"))])
            Node.h1(text: r.title)
            Node.p(.class("meta"), text: t("Kỳ:") + " " + (r.period?.heading ?? r.periodID)
                + (r.period.map { " (\(t("số liệu")) \($0.cutOff.label))" } ?? "")
                + " · " + t("Kế hoạch:") + " " + r.planCodes.joined(separator: ", "))
            deadlines(r)
            Node.p(.id("summary")) { Node.strong(text: sentence(CompletenessSummary(m.entries))) }
            if !r.formCodes.isEmpty {
                Node.p(.id("round-forms")) {
                    t("Bảng tổng hợp biểu mẫu:") + " "
                    Node.joined(r.formCodes.map { Node.link(.tableFormTable(code: $0, format: nil, period: r.periodID), $0) }, separator: " · ")
                }
            }
            Node.p {
                Node.link(.roundCSV(r.code), t("Tải danh sách (CSV)"))
                " · "
                Node.link(.audit(round: r.code, unit: nil, subject: nil), t("Nhật ký thay đổi"))
            }
            if m.canManage {
                Node.form(.method("post"), .action(.roundClose(r.code)), .class("inline")) {
                    csrfField(m.csrf)
                    Node.hidden("closed", r.closed ? "false" : "true")
                    Node.button(.type("submit"), text: r.closed ? t("Mở lại đợt") : t("Đóng đợt"))
                }
                UploadPreviewPage.roundSection(round: r, csrf: m.csrf)
            }
            Node.h2(text: t("Tình hình nộp báo cáo"))
            Node.table(.id("completeness"), .class("stacked")) {
                Node.columnHeads([t("Đơn vị"), t("Hạn nộp"), t("Trạng thái"), t("Ngày gửi")])
                Node.tbody { for e in m.entries { row(e, m) } }
            }
            reminders(m)
            if m.canManage {
                Node.h2(text: t("Thông báo của đợt"))
                if !r.reminderDays.isEmpty {
                    Node.p(.class("meta"), text: t("Nhắc đơn vị chưa nộp trước hạn %@ ngày.", ReminderDays.text(r.reminderDays)))
                }
                NoticeTable.node(m.notices, showRecipient: true, id: "notices")
            }
        }
    }

    /// The deadlines by level, the lock date, and whether the round is closed.
    static func deadlines(_ r: ReportingRound) -> Node {
        var dl = "\(t("Hạn nộp:")) \(VNDate.numeric(r.defaultDeadline))"
        for (level, d) in r.deadlines.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where d != r.defaultDeadline {
            dl += "; \(translated(level.labelVI).lowercased()): \(VNDate.numeric(d))"
        }
        if let l = r.lockDate { dl += " · " + t("Khóa sổ sau ngày %@", VNDate.numeric(l)) }
        return .p(.class("meta")) {
            dl
            if r.closed { " · "; Node.strong(text: t("Đợt đã đóng")) }
        }
    }

    static func sentence(_ summary: CompletenessSummary) -> String {
        // DXCore writes the sentence in Vietnamese; the English page says the same with the same figures.
        Language.current == .vi ? summary.sentenceVI
            : t("Đã gửi %@ đơn vị (%@), trong đó đúng hạn %@, muộn %@; đang soạn %@; chưa bắt đầu %@.",
                VNNumber.fraction(summary.submitted, summary.expected, width: 2), VNNumber.percent(summary.submitted, of: summary.expected),
                VNNumber.padded(summary.onTime), VNNumber.padded(summary.late), VNNumber.padded(summary.drafting), VNNumber.padded(summary.notStarted))
    }

    static func row(_ e: CompletenessEntry, _ m: Model) -> Node {
        let cls: String
        switch e.timeliness {
        case .onTime: cls = "s-done"
        case .late: cls = "s-progress"
        case .drafting, .notStarted: cls = e.isOverdue(today: m.today) ? "s-not" : ""
        }
        var state = translated(e.state.labelVI)
        if e.state.isSubmitted { state += e.late ? " (\(t("muộn")))" : " (\(t("đúng hạn")))" }
        else if e.isOverdue(today: m.today) { state += " – " + t("quá hạn") }
        return .tr(.data("unit", e.unitCode)) {
            cell(t("Đơn vị"), "title") { Node.link(.unitReport(round: m.round.code, unit: e.unitCode), e.unitName) }
            cell(t("Hạn nộp")) { VNDate.numeric(e.deadline) }
            cell(t("Trạng thái")) { Node.span(.class("badge \(cls)"), text: state) }
            cell(t("Ngày gửi")) { e.submittedAt.map(timestamp) ?? "—" }
        }
    }

    /// The units yet to send, with their reporters' accounts for those who chase them.
    static func reminders(_ m: Model) -> Node {
        let pending = m.entries.filter { !$0.state.isSubmitted }
        guard !pending.isEmpty else { return .empty }
        return .group {
            Node.h2(text: t("Danh sách nhắc nộp (%@ đơn vị)", VNNumber.padded(pending.count)))
            Node.ul(.id("reminders")) {
                for e in pending {
                    let who = m.showContacts ? (e.contacts.isEmpty ? t("chưa có tài khoản báo cáo") : t("tài khoản:") + " " + e.contacts.joined(separator: ", ")) : ""
                    Node.li(text: "\(e.unitName) – \(translated(e.state.labelVI))" + (who.isEmpty ? "" : " – " + who))
                }
            }
        }
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
