import DXCore
import Foundation

/// The form designer's fields: a `TableForm` written out as field values, and posted fields
/// read back into a `TableForm` with each problem placed next to its field.
///
/// Fields: `code`, `title`, `rowHeader`, `numbered`, `showColumnNumbers`, `totalsLabel`,
/// `rows` (`units` or `fixed`), `unitKinds` (repeated), `unitCodes`, `categories`,
/// `identities`, and per column row i: `c.i.key`, `c.i.title`, `c.i.kind`, `c.i.formula`,
/// `c.i.choices`, `c.i.group`, `c.i.total`, `c.i.digits`, `c.i.percent`, `c.i.required`,
/// `c.i.unit` (and `c.i.trim`, kept hidden so that a form imported with `trimZeros` keeps it).
enum FormDesignerForm {
    /// Empty column rows offered below the filled ones, and added by "Thêm dòng cột".
    static let spareColumns = 3

    /// Between header group titles, outermost first: "Tổng hồ sơ > Trong đó". Not "/", which
    /// titles use ("trực tiếp/bưu chính").
    static let groupSeparator: Character = ">"

    static func values(_ form: TableForm) -> FormData {
        var p: [(String, String)] = [("code", form.code), ("title", form.title), ("rowHeader", form.rowHeader),
                                     ("totalsLabel", form.totalsLabel ?? "")]
        if form.numbered { p.append(("numbered", "1")) }
        if form.showColumnNumbers { p.append(("showColumnNumbers", "1")) }
        switch form.rows {
        case .units(let s):
            p.append(("rows", "units"))
            p += s.unitKinds.map { ("unitKinds", $0.rawValue) }
            p.append(("unitCodes", s.unitCodes.joined(separator: "\n")))
        case .fixed(let categories):
            p.append(("rows", "fixed"))
            p.append(("categories", categories.map { ([$0.key, $0.label] + ($0.number.map { [$0] } ?? [])).joined(separator: " | ") }.joined(separator: "\n")))
        }
        p.append(("identities", form.identities.map { i in
            var parts = [i.rule, i.message ?? ""]
            if i.tolerance != 0 { parts.append(VNNumber.format(i.tolerance, fractionDigits: 6)) }
            return parts.joined(separator: " | ")
        }.joined(separator: "\n")))
        for (i, c) in form.columns.enumerated() {
            let n = "c.\(i)."
            p += [(n + "key", c.key), (n + "title", c.title), (n + "kind", c.kind.rawValue), (n + "formula", c.formula ?? ""),
                  (n + "choices", c.choices.joined(separator: "; ")),
                  (n + "group", c.group.joined(separator: " \(groupSeparator) ")), (n + "total", c.total.rawValue),
                  (n + "digits", String(c.format.fractionDigits)), (n + "unit", c.unitOfMeasure ?? "")]
            if c.format.percentSign { p.append((n + "percent", "1")) }
            if c.format.trimZeros { p.append((n + "trim", "1")) }
            if c.required { p.append((n + "required", "1")) }
        }
        return FormData(pairs: p)
    }

    /// How many column rows were posted, blank ones included.
    static func columnRows(_ f: FormData) -> Int {
        var i = 0
        while f["c.\(i).key"] != nil { i += 1 }
        return i
    }

    /// The form the fields describe and every problem, by field: `code`, `title`, `rows`,
    /// `columns`, `c.i` (a column row), `identities`. `code` replaces the posted code (the page
    /// of an existing form does not change it). Blank column rows are skipped.
    static func read(_ f: FormData, code: String? = nil) -> (form: TableForm, issues: [FieldIssue]) {
        var issues: [FieldIssue] = []
        func text(_ n: String) -> String { VNText.clean(f[n] ?? "") }
        func lines(_ n: String) -> [String] {
            (f[n] ?? "").split(whereSeparator: \.isNewline).map { VNText.clean(String($0)) }.filter { !$0.isEmpty }
        }
        func parts(_ line: String) -> [String] {
            line.split(separator: "|", omittingEmptySubsequences: false).map { VNText.clean(String($0)) }
        }

        var columns: [FormColumn] = []
        var rowOf: [Int] = []  // posted row of each column
        for i in 0..<columnRows(f) {
            let n = "c.\(i)."
            let typed = ["key", "title", "formula", "choices", "group", "unit"].map { text(n + $0) }
            if typed.allSatisfy(\.isEmpty) { continue }
            let kind = FormColumnKind(rawValue: f[n + "kind"] ?? "") ?? .number
            var digits = 0
            let rawDigits = text(n + "digits")
            if !rawDigits.isEmpty {
                if let d = Int(rawDigits) { digits = d } else {
                    issues.append(.error("c.\(i)", t("Số chữ số thập phân \"%@\" phải là số nguyên.", rawDigits)))
                }
            }
            let formula = text(n + "formula")
            let group = text(n + "group")
            let unit = text(n + "unit")
            columns.append(FormColumn(
                key: text(n + "key"), title: text(n + "title"), kind: kind, formula: formula.isEmpty ? nil : formula,
                choices: text(n + "choices").split(separator: ";").map { VNText.clean(String($0)) }.filter { !$0.isEmpty },
                group: group.isEmpty ? [] : group.split(separator: groupSeparator, omittingEmptySubsequences: false).map { VNText.clean(String($0)) },
                total: FormTotalRule(rawValue: f[n + "total"] ?? ""),
                format: FormNumberFormat(fractionDigits: digits, trimZeros: f[n + "trim"] != nil, percentSign: f[n + "percent"] != nil),
                required: f[n + "required"] != nil, unitOfMeasure: unit.isEmpty ? nil : unit))
            rowOf.append(i)
        }

        let rows: FormRowSource
        if f["rows"] == "fixed" {
            var categories: [FormRowCategory] = []
            for (i, line) in lines("categories").enumerated() {
                let p = parts(line)
                guard (2...3).contains(p.count), !p[1].isEmpty else {
                    issues.append(.error("rows", t("Dòng cố định thứ %@ “%@” phải có dạng “mã | tên” hoặc “mã | tên | số thứ tự”.", i + 1, line)))
                    continue
                }
                categories.append(FormRowCategory(key: p[0], label: p[1], number: p.count == 3 && !p[2].isEmpty ? p[2] : nil))
            }
            rows = .fixed(categories)
        } else {
            let codes = (f["unitCodes"] ?? "").split(whereSeparator: { $0.isNewline || $0 == "," || $0 == " " }).map(String.init)
            rows = .units(FormUnitSelection(unitKinds: f.all("unitKinds").compactMap(UnitKind.init(rawValue:)), unitCodes: codes))
        }

        var identities: [FormIdentity] = []
        for (i, line) in lines("identities").enumerated() {
            let p = parts(line)
            guard p.count <= 3, !p[0].isEmpty else {
                issues.append(.error("identities", t("Quy tắc kiểm tra thứ %@ “%@” phải có dạng “quy tắc | diễn giải” hoặc “quy tắc | diễn giải | sai số cho phép”.", i + 1, line)))
                continue
            }
            var tolerance = 0.0
            if p.count == 3, !p[2].isEmpty {
                if let x = VNNumber.parse(p[2]) { tolerance = x } else {
                    issues.append(.error("identities", t("Quy tắc kiểm tra thứ %@: sai số cho phép “%@” phải là một số.", i + 1, p[2])))
                }
            }
            identities.append(FormIdentity(rule: p[0], message: p.count > 1 && !p[1].isEmpty ? p[1] : nil, tolerance: tolerance))
        }

        let totals = text("totalsLabel")
        let form = TableForm(
            code: code ?? (f["code"] ?? "").trimmingCharacters(in: .whitespaces), title: text("title"), rowHeader: text("rowHeader"),
            numbered: f["numbered"] != nil, showColumnNumbers: f["showColumnNumbers"] != nil, rows: rows, columns: columns,
            identities: identities, totalsLabel: totals.isEmpty ? nil : totals)
        for problem in form.validate() {
            issues.append(.error(field(of: problem, in: form, rowOf: rowOf), problem.description))
        }
        return (form, issues)
    }

    /// The field a definition problem belongs next to.
    static func field(of problem: FormDefinitionProblem, in form: TableForm, rowOf: [Int]) -> String {
        func column(_ key: String, last: Bool = false) -> String {
            let i = last ? form.columns.lastIndex { $0.key == key } : form.columns.firstIndex { $0.key == key }
            return i.map { "c.\(rowOf[$0])" } ?? "columns"
        }
        switch problem {
        case .emptyCode, .invalidCode: return "code"
        case .emptyTitle: return "title"
        case .noColumns, .cycle, .groupNotContiguous, .invalidJSON: return "columns"
        case .emptyColumnKey(let i): return i < rowOf.count ? "c.\(rowOf[i])" : "columns"
        case .duplicateColumnKey(let k): return column(k, last: true)
        case .emptyColumnTitle(let k), .missingFormula(let k), .formulaOnEnteredColumn(let k), .selfReference(let k),
             .choiceWithoutChoices(let k), .totalOnTextColumn(let k), .formulaTotalOnEnteredColumn(let k),
             .fractionDigitsOutOfRange(let k), .emptyGroupTitle(let k):
            return column(k)
        case .invalidFormula(let k, _), .unknownColumn(let k, _), .nonNumericReference(let k, _),
             .duplicateChoice(let k, _), .totalNeedsColumnTotal(let k, _):
            return column(k)
        case .invalidIdentity, .unknownColumnInIdentity, .nonNumericColumnInIdentity, .negativeTolerance: return "identities"
        case .noRows, .duplicateRowKey, .emptyRowKey: return "rows"
        case .tooLong(let p):
            if ["code", "title", "rowHeader", "totalsLabel"].contains(p.field) { return p.field }
            if p.field.hasPrefix("identities") { return "identities" }
            if p.field.hasPrefix("columns["), let i = Int(p.field.dropFirst(8).prefix { $0.isNumber }), i < rowOf.count { return "c.\(rowOf[i])" }
            return p.field.hasPrefix("rows") ? "rows" : "columns"
        }
    }

    /// The designer's fields with their posted values and the problems placed next to them.
    struct Fields {
        var values: FormData
        var issues: [FieldIssue]

        func value(_ n: String) -> String { values[n] ?? "" }
        func has(_ n: String) -> Bool { values[n] != nil }
        func hasIssue(_ p: String) -> Bool { issues.contains { $0.path == p } }

        /// The messages of the field `p`, under it.
        func messages(_ p: String) -> Node {
            .fragment(issues.filter { $0.path == p }.map { Node.p(.class("err"), .id("err-\(p)"), text: translated($0.message)) })
        }

        /// A field with a problem says so and points at its message.
        func invalid(_ p: String) -> [Attribute] {
            hasIssue(p) ? [Attribute("aria-invalid", "true"), Attribute("aria-describedby", "err-\(p)")] : []
        }

        /// A text field; `label` and `hint` come already translated.
        func input(_ name: String, _ label: String, required: Bool = false, hint: String? = nil) -> Node {
            .group {
                Node.label {
                    label
                    " "
                    Node.void("input", [.name(name), .value(value(name))] + (required ? [.flag("required")] : []) + invalid(name))
                }
                if let hint { Node.p(.class("hint"), text: hint) }
                messages(name)
            }
        }

        func check(_ name: String, _ label: String) -> Node {
            .label(.class("check")) {
                Node.input(.type("checkbox"), .name(name), .value("1"), .flag("checked", has(name)))
                " \(label)"
            }
        }
    }

    /// The designer: every field of the form, with `columnRows` rows in the columns table.
    static func render(_ values: FormData, columnRows: Int, isNew: Bool, action: String, issues: [FieldIssue], csrf: String) -> Node {
        let f = Fields(values: values, issues: issues)
        return .group {
            if !issues.isEmpty {
                Node.div(.class("box errbox"), .role("alert")) {
                    Node.strong(text: t("Chưa lưu được biểu mẫu:"))
                    Node.ul { issues.map { Node.li(text: translated($0.message)) } }
                }
            }
            Node.form(.method("post"), Attribute("action", action), .id("form-designer")) {
                csrfField(csrf)
                // Enter in a field submits the first button of the form: make that "save", not "add rows".
                Node.button(.type("submit"), .name("action"), .value("save"), .flag("hidden"), .attr("tabindex", -1), .aria("hidden", "true"), text: "")
                Node.div(.class("stack")) {
                    general(f, isNew: isNew)
                    rows(f)
                }
                columns(f, count: columnRows)
                Node.div(.class("stack")) {
                    Node.label {
                        t("Quy tắc kiểm tra, mỗi dòng một: quy tắc | diễn giải")
                        " "
                        Node.element("textarea", [.name("identities"), .attr("rows", 3)] + f.invalid("identities"), [.text(f.value("identities"))])
                    }
                    Node.p(.class("hint"), text: t("Ví dụ: (3) = (1)+(2) | Tổng số = trực tuyến + trực tiếp. Có thể thêm sai số cho phép: … | … | 0,5."))
                    f.messages("identities")
                }
                Node.div(.class("actions")) {
                    Node.button(.type("submit"), .class("primary"), .name("action"), .value("save"), text: isNew ? t("Tạo biểu mẫu") : t("Lưu biểu mẫu"))
                }
            }
        }
    }

    static func general(_ f: Fields, isNew: Bool) -> Node {
        .group {
            if isNew {
                f.input("code", t("Mã biểu mẫu (chữ không dấu, chữ số, dấu - _ .)"), required: true, hint: t("Ví dụ BM03. Mã không đổi được sau khi tạo."))
            }
            f.input("title", t("Tên biểu mẫu"), required: true)
            f.input("rowHeader", t("Tiêu đề cột tên dòng"), hint: t("Ví dụ Đơn vị, Nội dung."))
            f.check("numbered", t("Có cột số thứ tự (STT)"))
            f.check("showColumnNumbers", t("Có dòng đánh số cột: (1), (2), (3) = (1)+(2)"))
            f.input("totalsLabel", t("Tên dòng tổng"), hint: t("Ví dụ Tổng cộng; để trống nếu bảng không có dòng tổng."))
        }
    }

    /// Where the table's rows come from: the units, or fixed rows.
    static func rows(_ f: Fields) -> Node {
        let fixed = f.values["rows"] == "fixed"
        let kinds = Set(f.values.all("unitKinds"))
        return .fieldset(.id("rows")) {
            Node.legend(text: t("Các dòng của bảng"))
            Node.label(.class("check")) {
                Node.input(.type("radio"), .name("rows"), .value("units"), .flag("checked", !fixed))
                " \(t("Mỗi đơn vị một dòng"))"
            }
            for k in UnitKind.allCases {
                Node.label(.class("check")) {
                    Node.input(.type("checkbox"), .name("unitKinds"), .value(k.rawValue), .flag("checked", kinds.contains(k.rawValue)))
                    " \(translated(k.labelVI))"
                }
            }
            Node.label {
                t("Hoặc chỉ các đơn vị có mã (mỗi dòng một mã, theo thứ tự trong bảng)")
                " "
                Node.textarea(.name("unitCodes"), .attr("rows", 3), text: f.value("unitCodes"))
            }
            Node.p(.class("hint"), text: t("Có danh sách mã thì chỉ lấy các đơn vị đó; không chọn loại nào và không nhập mã thì lấy mọi đơn vị."))
            Node.label(.class("check")) {
                Node.input(.type("radio"), .name("rows"), .value("fixed"), .flag("checked", fixed))
                " \(t("Các dòng cố định (mỗi đơn vị điền cả bảng, bảng tổng hợp cộng lại)"))"
            }
            Node.label {
                t("Dòng cố định, mỗi dòng một: mã | tên hoặc mã | tên | số thứ tự")
                " "
                Node.textarea(.name("categories"), .attr("rows", 4), text: f.value("categories"))
            }
            Node.p(.class("hint"), text: t("Ví dụ: tinh | Cấp tỉnh | I"))
            f.messages("rows")
        }
    }

    /// The columns table: one row of fields a column.
    static func columns(_ f: Fields, count: Int) -> Node {
        .fieldset(.id("columns")) {
            Node.legend(text: t("Các cột"))
            Node.p(.class("hint"), text: t("Mã cột dùng trong công thức: cột mã 1 viết là (1). Công thức ví dụ (1)+(2) hoặc (1)/(3)*100. Lựa chọn cách nhau bởi dấu ;. Nhóm tiêu đề từ ngoài vào trong, cách nhau bởi dấu >, ví dụ: Tổng hồ sơ nhận giải quyết > Trong đó. Các cột cùng nhóm phải liền nhau. Dòng để trống mã, tiêu đề và công thức thì bỏ qua."))
            f.messages("columns")
            wideTable {
                Node.table(.class("designer")) {
                    Node.columnHeads([t("Mã"), t("Tiêu đề"), t("Loại"), t("Công thức"), t("Lựa chọn"), t("Nhóm tiêu đề"), t("Dòng tổng"),
                                      t("Số chữ số thập phân"), t("Dấu %"), t("Bắt buộc"), t("Đơn vị tính")], scoped: false)
                    Node.tbody { (0..<count).map { columnRow(f, $0) } }
                }
            }
            Node.button(.type("submit"), .name("action"), .value("addColumns"), text: t("Thêm dòng cột"))
            Node.p(.class("hint"), text: t("Thêm dòng cột không lưu biểu mẫu."))
        }
    }

    static func columnRow(_ f: Fields, _ i: Int) -> Node {
        let n = "c.\(i)."
        func field(_ name: String, _ size: Int, _ label: String) -> Node {
            .void("input", [.name(n + name), .value(f.value(n + name)), .attr("size", size), .aria("label", "\(label) \(i + 1)")] + f.invalid("c.\(i)"))
        }
        func box(_ name: String, _ label: String) -> Node {
            .td { Node.input(.type("checkbox"), .name(n + name), .value("1"), .flag("checked", f.has(n + name)), .aria("label", "\(label) \(i + 1)")) }
        }
        let kind = f.values[n + "kind"] ?? FormColumnKind.number.rawValue
        let total = f.values[n + "total"] ?? ""
        return .group {
            Node.tr(.id("column-\(i)")) {
                Node.td { field("key", 4, t("Mã cột")) }
                Node.td { field("title", 24, t("Tiêu đề cột")) }
                Node.td {
                    Node.select(.name(n + "kind"), .aria("label", "\(t("Loại cột")) \(i + 1)")) {
                        FormColumnKind.allCases.map { Node.option(.value($0.rawValue), .flag("selected", $0.rawValue == kind), text: $0.label) }
                    }
                }
                Node.td { field("formula", 12, t("Công thức")) }
                Node.td { field("choices", 12, t("Lựa chọn")) }
                Node.td { field("group", 24, t("Nhóm tiêu đề")) }
                Node.td {
                    Node.select(.name(n + "total"), .aria("label", "\(t("Dòng tổng")) \(i + 1)")) {
                        Node.option(.value(""), text: t("Theo loại cột"))
                        FormTotalRule.allCases.map { Node.option(.value($0.rawValue), .flag("selected", $0.rawValue == total), text: translated($0.labelVI)) }
                    }
                }
                Node.td { field("digits", 2, t("Số chữ số thập phân")) }
                box("percent", t("Dấu %"))
                box("required", t("Bắt buộc"))
                Node.td {
                    field("unit", 8, t("Đơn vị tính"))
                    if f.has(n + "trim") { Node.hidden(n + "trim", "1") }
                }
            }
            if f.hasIssue("c.\(i)") {
                Node.tr(.class("column-err")) { Node.td(.attr("colspan", 11)) { f.messages("c.\(i)") } }
            }
        }
    }
}

extension FormColumnKind {
    /// Not through the catalogue, where "Văn bản" is a document.
    var label: String {
        guard Language.current == .en else { return labelVI }
        switch self {
        case .number: return "Number"
        case .text: return "Text"
        case .choice: return "Choice"
        case .computed: return "Computed by formula"
        }
    }
}
