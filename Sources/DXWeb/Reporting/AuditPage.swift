import DXCore
import DXStore

/// The audit trail, read-only: there is no form or route that changes it.
enum AuditPage {
    static func render(entries: [AuditEntry], round: String?, unit: String?, subject: String?, showIP: Bool) -> String {
        var b = "<h1>Nhật ký thay đổi</h1>"
        var filter: [String] = []
        if let r = round { filter.append("đợt \(r)") }
        if let u = unit { filter.append("đơn vị \(u)") }
        if let s = subject { filter.append("mã \(s)") }
        b += "<p class=\"meta\">\(filter.isEmpty ? "Tất cả thay đổi trong phạm vi của bạn" : "Lọc: " + escape(filter.joined(separator: ", "))) · \(entries.count) mục, mới nhất trước. Nhật ký không sửa được.</p>"
        b += "<form method=\"get\" action=\"\(SiteRoute.audit(round: nil, unit: nil, subject: nil).path)\" class=\"row\"><label>Đợt <input name=\"round\" value=\"\(escape(round ?? ""))\"></label>"
        b += "<label>Đơn vị <input name=\"unit\" value=\"\(escape(unit ?? ""))\"></label><label>Mã chỉ tiêu/nhiệm vụ <input name=\"subject\" value=\"\(escape(subject ?? ""))\"></label><button type=\"submit\">Lọc</button></form>"
        b += "<div class=\"wide\"><table id=\"audit\"><thead><tr><th>Thời điểm</th><th>Người sửa</th>\(showIP ? "<th>Địa chỉ</th>" : "")<th>Đợt / đơn vị</th><th>Nội dung</th><th>Cũ</th><th>Mới</th></tr></thead><tbody>"
        for e in entries {
            b += "<tr><td>\(escape(timestamp(e.at)))</td><td>\(escape(e.username))</td>\(showIP ? "<td>\(escape(e.ip ?? ""))</td>" : "")"
            b += "<td>\(escape([e.roundCode, e.unitCode].compactMap { $0 }.joined(separator: " / ")))</td>"
            b += "<td>\(escape(AuditText.subject(e))) – \(escape(AuditText.fieldNames[e.field] ?? e.field))</td>"
            b += "<td>\(escape(AuditText.value(e.field, e.old)))</td><td>\(escape(AuditText.value(e.field, e.new)))</td></tr>"
        }
        b += "</tbody></table></div>"
        return Layout.page(title: "Nhật ký thay đổi", body: b)
    }
}
