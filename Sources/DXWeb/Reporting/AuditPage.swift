import DXCore
import DXStore

/// The audit trail, read-only: there is no form or route that changes it.
enum AuditPage {
    static func render(entries: [AuditEntry], round: String?, unit: String?, subject: String?, showIP: Bool) -> String {
        var b = "<h1>\(t("Nhật ký thay đổi"))</h1>"
        var filter: [String] = []
        if let r = round { filter.append(t("đợt %@", r)) }
        if let u = unit { filter.append(t("đơn vị %@", u)) }
        if let s = subject { filter.append(t("mã %@", s)) }
        b += "<p class=\"meta\">\(filter.isEmpty ? t("Tất cả thay đổi trong phạm vi của bạn") : t("Lọc:") + " " + escape(filter.joined(separator: ", "))) · \(t("%@ mục, mới nhất trước. Nhật ký không sửa được.", entries.count))</p>"
        b += "<form method=\"get\" action=\"\(SiteRoute.audit(round: nil, unit: nil, subject: nil).path)\" class=\"row\"><label>\(t("Đợt")) <input name=\"round\" value=\"\(escape(round ?? ""))\"></label>"
        b += "<label>\(t("Đơn vị")) <input name=\"unit\" value=\"\(escape(unit ?? ""))\"></label><label>\(t("Mã chỉ tiêu/nhiệm vụ")) <input name=\"subject\" value=\"\(escape(subject ?? ""))\"></label><button type=\"submit\">\(t("Lọc"))</button></form>"
        b += "<div class=\"wide\"><table id=\"audit\"><thead><tr><th>\(t("Thời điểm"))</th><th>\(t("Người sửa"))</th>\(showIP ? "<th>\(t("Địa chỉ"))</th>" : "")<th>\(t("Đợt / đơn vị"))</th><th>\(t("Nội dung"))</th><th>\(t("Cũ"))</th><th>\(t("Mới"))</th></tr></thead><tbody>"
        for e in entries {
            b += "<tr><td>\(escape(timestamp(e.at)))</td><td>\(escape(e.username))</td>\(showIP ? "<td>\(escape(e.ip ?? ""))</td>" : "")"
            b += "<td>\(escape([e.roundCode, e.unitCode].compactMap { $0 }.joined(separator: " / ")))</td>"
            b += "<td>\(escape(AuditText.subject(e))) – \(escape(AuditText.fieldNames[e.field] ?? e.field))</td>"
            b += "<td>\(escape(AuditText.value(e.field, e.old)))</td><td>\(escape(AuditText.value(e.field, e.new)))</td></tr>"
        }
        b += "</tbody></table></div>"
        return Layout.page(title: t("Nhật ký thay đổi"), body: b)
    }
}
