import DXCore

/// The unit's own heading and signer for the reports it issues, on its set-up page. Each field
/// shows, as its placeholder, what the report prints when it is left empty.
enum UnitHeadingForm {
    static let fields: [(name: String, label: String, lines: Bool)] = [
        ("parentBody", "Cơ quan chủ quản (dòng trên tên cơ quan ban hành)", false),
        ("issuingBody", "Cơ quan ban hành", false),
        ("symbol", "Ký hiệu báo cáo (không kèm số)", false),
        ("place", "Địa danh ghi ở dòng ngày tháng", false),
        ("authority", "Thẩm quyền ký và chức vụ người ký (mỗi dòng một dòng, chức vụ ở dòng cuối)", true),
        ("signerName", "Họ và tên người ký", false),
        ("recipients", "Nơi nhận (mỗi dòng một nơi)", true),
        ("archive", "Lưu (nơi giữ bản lưu)", false),
    ]

    static func values(_ h: UnitReportHeading?) -> [String: String] {
        guard let h else { return [:] }
        return ["parentBody": h.parentBody, "issuingBody": h.issuingBody, "symbol": h.symbol, "place": h.place,
                "authority": h.authority?.joined(separator: "\n"), "signerName": h.signerName,
                "recipients": h.recipients?.joined(separator: "\n"), "archive": h.archive].compactMapValues { $0 }
    }

    static func read(_ f: FormData) -> UnitReportHeading {
        func text(_ n: String) -> String? { f[n] }
        func lines(_ n: String) -> [String]? { f[n].map { $0.split(whereSeparator: \.isNewline).map(String.init) } }
        return UnitReportHeading(parentBody: text("parentBody"), issuingBody: text("issuingBody"), symbol: text("symbol"),
                                 place: text("place"), authority: lines("authority"), signerName: text("signerName"),
                                 recipients: lines("recipients"), archive: text("archive")).normalized
    }

    /// - Parameters:
    ///   - derived: the heading the unit's place in the tree gives, shown where a field is empty.
    static func render(unit: OrgUnit, values: [String: String], derived: ReportSettings, issues: [FieldIssue], csrf: String) -> Node {
        let placeholder: [String: String] = [
            "parentBody": derived.parentBody, "issuingBody": derived.issuingBody, "symbol": derived.symbol, "place": derived.place,
            "authority": derived.authority.joined(separator: "\n"), "signerName": "", "recipients": derived.recipients.joined(separator: "\n"),
            "archive": derived.archive,
        ]
        let errors = issues.filter { $0.severity == .error }
        return .section(.id("heading")) {
            Node.h2(text: t("Thể thức báo cáo của đơn vị"))
            Node.p(.class("hint"), text: t("Báo cáo do đơn vị ban hành dùng các thông tin này; ô để trống dùng giá trị mặc định hiện mờ trong ô."))
            if !errors.isEmpty { ViewParts.errorList(t("Chưa lưu được thể thức báo cáo:"), errors.map { translated($0.message) }) }
            Node.form(.method("post"), .action(.setupUnitHeading(code: unit.code)), .class("stack")) {
                csrfField(csrf)
                for field in fields {
                    control(field, value: values[field.name] ?? "", placeholder: placeholder[field.name] ?? "",
                            invalid: issues.contains { $0.path == field.name })
                }
                Node.button(.type("submit"), .class("primary"), text: t("Lưu thể thức báo cáo"))
            }
        }
    }

    static func control(_ field: (name: String, label: String, lines: Bool), value: String, placeholder: String, invalid: Bool) -> Node {
        let state: Attribute? = invalid ? .aria("invalid", "true") : nil
        if field.lines {
            let rows = max(2, placeholder.split(separator: "\n").count + 1)
            return ViewParts.field(t(field.label), ViewParts.textarea(.name(field.name), Attribute("rows", String(rows)),
                                                                     Attribute("placeholder", placeholder), state, text: value))
        }
        return ViewParts.field(t(field.label), Node.input(.name(field.name), .value(value), Attribute("placeholder", placeholder), state))
    }
}
