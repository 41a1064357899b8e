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
        var b = "<h1>\(t("Thông báo của tôi"))</h1>"
        b += "<p>\(t("Nhắc hạn nộp, báo cáo bị trả lại hoặc được phê duyệt và tổng hợp đơn vị chậm nộp được gửi đến địa chỉ thư điện tử dưới đây và luôn xem được tại trang này."))</p>"
        if saved { b += "<p class=\"ok\" role=\"status\">\(t("Đã lưu địa chỉ nhận thông báo."))</p>" }
        if let error { b += "<p class=\"err\" role=\"alert\">\(escape(error))</p>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.accountNotices.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += "<label>\(t("Địa chỉ thư điện tử nhận thông báo (để trống: chỉ xem trong ứng dụng)")) <input type=\"email\" name=\"address\" maxlength=\"254\" value=\"\(escape(typed ?? address ?? ""))\"></label>"
        b += "<button type=\"submit\">\(t("Lưu"))</button></form>"
        b += "<h2>\(t("Thông báo đã nhận"))</h2>"
        b += NoticeTable.html(notices, showRecipient: false, id: "my-notices")
        return Layout.page(title: t("Thông báo của tôi"), body: b)
    }
}

/// Notices as a table: when, what, to whom, and where each stands in the outbox.
enum NoticeTable {
    static func html(_ notices: [Notice], showRecipient: Bool, id: String) -> String {
        guard !notices.isEmpty else { return "<p id=\"\(id)\">\(t("Chưa có thông báo nào."))</p>" }
        var b = "<div class=\"wide\"><table id=\"\(id)\"><thead><tr><th>\(t("Thời điểm"))</th><th>\(t("Loại"))</th>"
        if showRecipient { b += "<th>\(t("Người nhận"))</th>" }
        b += "<th>\(t("Nội dung"))</th><th>\(t("Trạng thái"))</th></tr></thead><tbody>"
        for n in notices {
            b += "<tr data-kind=\"\(n.kind.rawValue)\" data-status=\"\(n.status.rawValue)\"\(n.unitCode.map { " data-unit=\"\(escape($0))\"" } ?? "")>"
            b += "<td>\(escape(timestamp(n.createdAt)))</td><td>\(escape(translated(n.kind.labelVI)))</td>"
            if showRecipient {
                b += "<td>\(escape(n.username))\(n.address.map { "<br><span class=\"muted\">\(escape($0))</span>" } ?? "")</td>"
            }
            b += "<td><a href=\"\(escape(n.linkPath))\">\(escape(n.subject))</a><details><summary>\(t("Xem thư"))</summary><pre>\(escape(n.body))</pre></details></td>"
            var status = escape(translated(n.status.labelVI))
            if let sent = n.sentAt { status += "<br><span class=\"muted\">\(escape(timestamp(sent)))</span>" }
            if n.status != .sent, n.attempts > 0 { status += "<br><span class=\"muted\">\(t("đã thử %@ lần", VNNumber.format(n.attempts)))</span>" }
            if n.status != .sent, let e = n.lastError { status += "<br><span class=\"muted\">\(escape(e))</span>" }
            b += "<td>\(status)</td></tr>"
        }
        return b + "</tbody></table></div>"
    }
}
