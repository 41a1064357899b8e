import DXCore

/// Audit entries in words: "dieuphoi, 09:15 20/12/2024: chỉ tiêu 3 – tử số: 10 → 12".
enum AuditText {
    /// Computed on each use: the names are in the language of the page.
    static var fieldNames: [String: String] { [
        "numerator": t("tử số"), "denominator": t("mẫu số"), "value": t("giá trị"), "judgement": t("đánh giá"), "text": t("kết quả"),
        "comment": t("ghi chú"), "status": t("tình trạng"), "percent": t("tỷ lệ hoàn thành"), "result": t("kết quả thực hiện"),
        "evidence": t("văn bản minh chứng"), "note": t("ghi chú"), "state": t("trạng thái"), "disabled": t("khóa tài khoản"),
        "password": t("mật khẩu"), "language": t("ngôn ngữ giao diện"), "created": t("tạo mới"), "closed": t("đóng đợt"),
        "email": t("địa chỉ nhận thông báo"),
    ] }

    static func subject(_ e: AuditEntry) -> String {
        switch e.subject {
        case "indicator": t("Chỉ tiêu %@", e.subjectCode ?? "")
        case "task": t("Nhiệm vụ %@", e.subjectCode ?? "")
        case "narrative": t("Thuyết minh “%@”", e.subjectCode ?? "")
        case "state": t("Trạng thái báo cáo")
        case "account": t("Tài khoản %@", e.subjectCode ?? "")
        case "round": t("Đợt báo cáo %@", e.subjectCode ?? "")
        default: e.subject
        }
    }

    static func value(_ field: String, _ v: String?) -> String {
        guard let v, !v.isEmpty else { return t("(trống)") }
        if field == "state" { return ReportState(rawValue: v).map { translated($0.labelVI) } ?? v }
        if field == "status" { return TaskStatus(rawValue: v).map { translated($0.labelVI) } ?? v }
        if field == "judgement" { return Judgement(rawValue: v).map { translated($0.labelVI) } ?? v }
        if ["numerator", "denominator", "value", "percent"].contains(field), let x = Double(v) { return VNNumber.format(x, fractionDigits: 6) }
        return v.count > 120 ? String(v.prefix(120)) + "…" : v
    }

    static func describe(_ e: AuditEntry) -> String {
        "\(e.username), \(timestamp(e.at)): \(subject(e)) – \(fieldNames[e.field] ?? e.field): \(value(e.field, e.old)) → \(value(e.field, e.new))"
    }
}
