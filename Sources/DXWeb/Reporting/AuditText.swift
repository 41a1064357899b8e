import DXCore

/// Audit entries in words: "dieuphoi, 09:15 20/12/2024: chỉ tiêu 3 – tử số: 10 → 12".
enum AuditText {
    static let fieldNames: [String: String] = [
        "numerator": "tử số", "denominator": "mẫu số", "value": "giá trị", "judgement": "đánh giá", "text": "kết quả",
        "comment": "ghi chú", "status": "tình trạng", "percent": "tỷ lệ hoàn thành", "result": "kết quả thực hiện",
        "evidence": "văn bản minh chứng", "note": "ghi chú", "state": "trạng thái", "disabled": "khóa tài khoản",
        "password": "mật khẩu", "language": "ngôn ngữ giao diện", "created": "tạo mới", "closed": "đóng đợt",
    ]

    static func subject(_ e: AuditEntry) -> String {
        switch e.subject {
        case "indicator": "Chỉ tiêu \(e.subjectCode ?? "")"
        case "task": "Nhiệm vụ \(e.subjectCode ?? "")"
        case "narrative": "Thuyết minh “\(e.subjectCode ?? "")”"
        case "state": "Trạng thái báo cáo"
        case "account": "Tài khoản \(e.subjectCode ?? "")"
        case "round": "Đợt báo cáo \(e.subjectCode ?? "")"
        default: e.subject
        }
    }

    static func value(_ field: String, _ v: String?) -> String {
        guard let v, !v.isEmpty else { return "(trống)" }
        if field == "state" { return ReportState(rawValue: v)?.labelVI ?? v }
        if field == "status" { return TaskStatus(rawValue: v)?.labelVI ?? v }
        if field == "judgement" { return Judgement(rawValue: v)?.labelVI ?? v }
        if ["numerator", "denominator", "value", "percent"].contains(field), let x = Double(v) { return VNNumber.format(x, fractionDigits: 6) }
        return v.count > 120 ? String(v.prefix(120)) + "…" : v
    }

    static func describe(_ e: AuditEntry) -> String {
        "\(e.username), \(timestamp(e.at)): \(subject(e)) – \(fieldNames[e.field] ?? e.field): \(value(e.field, e.old)) → \(value(e.field, e.new))"
    }
}
