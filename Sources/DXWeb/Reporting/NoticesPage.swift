import DXCore
import DXStore
import Foundation
import Vapor

/// Each account's own notices, and the address they go to by e-mail.
struct NoticesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .accountNotices, use: show)
        routes.register(.POST, .accountNotices, use: setAddress)
    }

    func show(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        return html(NoticesPage.render(notices: try await req.store.notices(username: account.username),
                                       address: try await req.store.noticeAddress(username: account.username),
                                       typed: nil, error: nil, saved: req.query[String.self, at: "saved"] != nil, csrf: req.csrf))
    }

    func setAddress(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let form = try await FormData.read(req)
        let typed = form["address"] ?? ""
        do {
            try await req.store.setNoticeAddress(username: account.username, typed, by: req.actor)
        } catch let e as StoreError {
            let r = html(NoticesPage.render(notices: try await req.store.notices(username: account.username),
                                            address: try await req.store.noticeAddress(username: account.username),
                                            typed: typed, error: e.description, saved: false, csrf: req.csrf))
            r.status = .badRequest
            return r
        }
        return req.redirect(to: SiteRoute.accountNotices.path + "?saved=1", redirectType: .normal)
    }
}

enum NoticesPage {
    static func render(notices: [Notice], address: String?, typed: String?, error: String?, saved: Bool, csrf: String) -> String {
        Layout.page(title: t("Thông báo của tôi")) {
            Node.h1(text: t("Thông báo của tôi"))
            Node.p(text: t("Nhắc hạn nộp, báo cáo bị trả lại hoặc được phê duyệt và tổng hợp đơn vị chậm nộp được gửi đến địa chỉ thư điện tử dưới đây và luôn xem được tại trang này."))
            ViewParts.flash(saved ? t("Đã lưu địa chỉ nhận thông báo.") : nil)
            ViewParts.alert(error)
            Node.form(.method("post"), .action(.accountNotices), .class("stack")) {
                csrfField(csrf)
                ViewParts.field(t("Địa chỉ thư điện tử nhận thông báo (để trống: chỉ xem trong ứng dụng)"),
                                Node.input(.type("email"), .name("address"), Attribute("maxlength", "254"), .value(typed ?? address ?? "")))
                Node.button(.type("submit"), text: t("Lưu"))
            }
            Node.h2(text: t("Thông báo đã nhận"))
            NoticeTable.node(notices, showRecipient: false, id: "my-notices")
        }
    }
}

/// Notices as a table: what, when, of which kind, to whom, and where each stands in the outbox;
/// a card a notice on a phone.
enum NoticeTable {
    static func node(_ notices: [Notice], showRecipient: Bool, id: String) -> Node {
        guard !notices.isEmpty else { return .p(.id(id), text: t("Chưa có thông báo nào.")) }
        let heads = [t("Nội dung"), t("Thời điểm"), t("Loại")] + (showRecipient ? [t("Người nhận")] : []) + [t("Trạng thái")]
        return .table(.id(id), .class("stacked")) {
            Node.columnHeads(heads)
            Node.tbody { for n in notices { row(n, showRecipient: showRecipient) } }
        }
    }

    static func row(_ n: Notice, showRecipient: Bool) -> Node {
        .tr(.data("kind", n.kind.rawValue), .data("status", n.status.rawValue), n.unitCode.map { .data("unit", $0) }) {
            cell(t("Nội dung"), "title") {
                Node.a(.href(n.linkPath), text: n.subject)
                Node.details { Node.summary(text: t("Xem thư")); Node.el("pre", text: n.body) }
            }
            cell(t("Thời điểm")) { timestamp(n.createdAt) }
            cell(t("Loại")) { translated(n.kind.labelVI) }
            if showRecipient {
                cell(t("Người nhận")) {
                    n.username
                    if let a = n.address { Node.br(); Node.span(.class("muted"), text: a) }
                }
            }
            cell(t("Trạng thái")) { status(n) }
        }
    }

    /// Where the notice stands: sent when, or how many tries and the last error.
    static func status(_ n: Notice) -> Node {
        var lines: [String] = []
        if let sent = n.sentAt { lines.append(timestamp(sent)) }
        if n.status != .sent, n.attempts > 0 { lines.append(t("đã thử %@ lần", VNNumber.format(n.attempts))) }
        if n.status != .sent, let e = n.lastError { lines.append(e) }
        return .group {
            translated(n.status.labelVI)
            for l in lines { Node.br(); Node.span(.class("muted"), text: l) }
        }
    }
}
