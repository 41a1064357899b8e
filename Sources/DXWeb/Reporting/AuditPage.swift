import DXCore
import DXStore

/// The audit trail, read-only: there is no form or route that changes it.
enum AuditPage {
    static func render(entries: [AuditEntry], round: String?, unit: String?, subject: String?, showIP: Bool) -> String {
        var filter: [String] = []
        if let r = round { filter.append(t("đợt %@", r)) }
        if let u = unit { filter.append(t("đơn vị %@", u)) }
        if let s = subject { filter.append(t("mã %@", s)) }
        let scope = filter.isEmpty ? t("Tất cả thay đổi trong phạm vi của bạn") : t("Lọc:") + " " + filter.joined(separator: ", ")
        let heads = [t("Thời điểm"), t("Người sửa")] + (showIP ? [t("Địa chỉ")] : []) + [t("Đợt / đơn vị"), t("Nội dung"), t("Cũ"), t("Mới")]
        return Layout.page(title: t("Nhật ký thay đổi")) {
            Node.h1(text: t("Nhật ký thay đổi"))
            Node.p(.class("meta"), text: scope + " · " + t("%@ mục, mới nhất trước. Nhật ký không sửa được.", entries.count))
            Node.form(.method("get"), .action(.audit(round: nil, unit: nil, subject: nil)), .class("row")) {
                ViewParts.field(t("Đợt"), Node.input(.name("round"), .value(round ?? "")))
                ViewParts.field(t("Đơn vị"), Node.input(.name("unit"), .value(unit ?? "")))
                ViewParts.field(t("Mã chỉ tiêu/nhiệm vụ"), Node.input(.name("subject"), .value(subject ?? "")))
                Node.button(.type("submit"), text: t("Lọc"))
            }
            wideTable {
                Node.table(.id("audit")) {
                    Node.columnHeads(heads, scoped: false)
                    Node.tbody { for e in entries { row(e, showIP: showIP) } }
                }
            }
        }
    }

    static func row(_ e: AuditEntry, showIP: Bool) -> Node {
        .tr {
            Node.td(text: timestamp(e.at))
            Node.td(text: e.username)
            if showIP { Node.td(text: e.ip ?? "") }
            Node.td(text: [e.roundCode, e.unitCode].compactMap { $0 }.joined(separator: " / "))
            Node.td(text: AuditText.subject(e) + " – " + (AuditText.fieldNames[e.field] ?? e.field))
            Node.td(text: AuditText.value(e.field, e.old))
            Node.td(text: AuditText.value(e.field, e.new))
        }
    }
}
