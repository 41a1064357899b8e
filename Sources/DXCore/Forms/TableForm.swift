/// A per-unit table (biểu mẫu, domain §7) as data: columns entered or computed, a multi-level
/// header, rows per unit or fixed categories, a totals row and identities between columns.
///
/// JSON (all keys but `code`, `title` and `columns` may be left out):
///
/// ```json
/// {
///   "code": "BM01", "title": "Tình hình giải quyết hồ sơ",
///   "rowHeader": "Đơn vị", "numbered": true, "showColumnNumbers": true,
///   "rows": {"source": "units", "unitKinds": ["department", "district"], "parent": "34"},
///   "columns": [
///     {"key": "1", "title": "Trực tuyến", "kind": "number", "group": ["Số hồ sơ"]},
///     {"key": "2", "title": "Trực tiếp", "kind": "number", "group": ["Số hồ sơ"]},
///     {"key": "3", "title": "Tổng", "kind": "computed", "formula": "(1)+(2)", "group": ["Số hồ sơ"]},
///     {"key": "4", "title": "Tỷ lệ trực tuyến (%)", "kind": "computed", "formula": "(1)/(3)*100",
///      "format": {"fractionDigits": 2}}
///   ],
///   "identities": [{"rule": "(3) = (1)+(2)", "message": "Tổng = Trực tuyến + Trực tiếp"}]
/// }
/// ```
///
/// Validate a definition with `validate()`; compute tables with `CompiledTableForm`.
public struct TableForm: Hashable, Sendable, Codable {
    public var code: String
    public var title: String
    /// Title of the row-label column ("Đơn vị", "Nội dung").
    public var rowHeader: String
    /// Whether an "STT" column numbers the rows.
    public var numbered: Bool
    /// Whether the header ends with a row of column numbers: "(1)", "(3) = (1)+(2)".
    public var showColumnNumbers: Bool
    public var rows: FormRowSource
    public var columns: [FormColumn]
    public var identities: [FormIdentity]
    /// Label of the totals row; nil for a table without one.
    public var totalsLabel: String?

    public init(
        code: String, title: String, rowHeader: String = "Đơn vị", numbered: Bool = true,
        showColumnNumbers: Bool = true, rows: FormRowSource = .units(FormUnitSelection()),
        columns: [FormColumn], identities: [FormIdentity] = [], totalsLabel: String? = "Tổng"
    ) {
        self.code = code
        self.title = title
        self.rowHeader = rowHeader
        self.numbered = numbered
        self.showColumnNumbers = showColumnNumbers
        self.rows = rows
        self.columns = columns
        self.identities = identities
        self.totalsLabel = totalsLabel
    }

    enum CodingKeys: String, CodingKey {
        case code, title, rowHeader, numbered, showColumnNumbers, rows, columns, identities, totalsLabel
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        title = try c.decode(String.self, forKey: .title)
        rowHeader = try c.decodeIfPresent(String.self, forKey: .rowHeader) ?? "Đơn vị"
        numbered = try c.decodeIfPresent(Bool.self, forKey: .numbered) ?? true
        showColumnNumbers = try c.decodeIfPresent(Bool.self, forKey: .showColumnNumbers) ?? true
        rows = try c.decodeIfPresent(FormRowSource.self, forKey: .rows) ?? .units(FormUnitSelection())
        columns = try c.decode([FormColumn].self, forKey: .columns)
        identities = try c.decodeIfPresent([FormIdentity].self, forKey: .identities) ?? []
        if c.contains(.totalsLabel) {
            totalsLabel = try c.decodeIfPresent(String.self, forKey: .totalsLabel)
        } else {
            totalsLabel = "Tổng"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(title, forKey: .title)
        try c.encode(rowHeader, forKey: .rowHeader)
        try c.encode(numbered, forKey: .numbered)
        try c.encode(showColumnNumbers, forKey: .showColumnNumbers)
        try c.encode(rows, forKey: .rows)
        try c.encode(columns, forKey: .columns)
        try c.encode(identities, forKey: .identities)
        try c.encode(totalsLabel, forKey: .totalsLabel)  // null: no totals row
    }

    public func column(_ key: String) -> FormColumn? { columns.first { $0.key == key } }
}

/// What a column holds.
public enum FormColumnKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A number entered by the unit.
    case number
    /// Free text entered by the unit.
    case text
    /// One of `choices`, entered by the unit.
    case choice
    /// Computed from other columns of the same row by `formula`.
    case computed

    public var labelVI: String {
        switch self {
        case .number: "Số"
        case .text: "Văn bản"
        case .choice: "Lựa chọn"
        case .computed: "Tính theo công thức"
        }
    }

    public var isNumeric: Bool { self == .number || self == .computed }
}

/// How the totals row fills a column.
public enum FormTotalRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// The sum of the rows that have a value.
    case sum
    /// The column's formula applied to the totals row, so that a rate is the ratio of the sums
    /// (domain §4: rates are never averaged).
    case formula
    /// Left empty.
    case none

    public var labelVI: String {
        switch self {
        case .sum: "Cộng tổng"
        case .formula: "Tính lại theo công thức trên dòng tổng"
        case .none: "Để trống"
        }
    }
}

/// How a numeric column is displayed: `1.445.521`, `56,25`, `99,71%`.
public struct FormNumberFormat: Hashable, Sendable, Codable {
    public var fractionDigits: Int
    /// Drop trailing zeros of the fraction (`80,60` → `80,6`).
    public var trimZeros: Bool
    /// Append `%` to the number (the value is already in percent: 56.25, not 0.5625).
    public var percentSign: Bool

    public init(fractionDigits: Int = 0, trimZeros: Bool = false, percentSign: Bool = false) {
        self.fractionDigits = fractionDigits
        self.trimZeros = trimZeros
        self.percentSign = percentSign
    }

    public static let integer = FormNumberFormat()
    public static let rate = FormNumberFormat(fractionDigits: 2)

    enum CodingKeys: String, CodingKey { case fractionDigits, trimZeros, percentSign }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fractionDigits = try c.decodeIfPresent(Int.self, forKey: .fractionDigits) ?? 0
        trimZeros = try c.decodeIfPresent(Bool.self, forKey: .trimZeros) ?? false
        percentSign = try c.decodeIfPresent(Bool.self, forKey: .percentSign) ?? false
    }

    /// The largest number of fraction digits a definition may ask for.
    public static let maximumFractionDigits = 6

    public func format(_ value: Double, locale: DisplayLocale = .vi) -> String {
        let digits = min(max(0, fractionDigits), Self.maximumFractionDigits)
        return percentSign
            ? VNNumber.percent(value, fractionDigits: digits, trimZeros: trimZeros, locale: locale)
            : VNNumber.format(value, fractionDigits: digits, trimZeros: trimZeros, locale: locale)
    }
}

/// One column of a form.
public struct FormColumn: Hashable, Sendable, Codable {
    /// Key used by formulas and stored values: `1` for the column numbered "(1)".
    public var key: String
    public var title: String
    public var kind: FormColumnKind
    /// For `computed` columns: `(1)+(2)`, `(1)/(3)*100`.
    public var formula: String?
    /// For `choice` columns.
    public var choices: [String]
    /// Titles of the header groups above the column, outermost first: a column under
    /// "Tổng hồ sơ nhận giải quyết" › "Trong đó" has both. Adjacent columns with the same
    /// leading titles share the header cells.
    public var group: [String]
    /// The totals-row rule; defaults: `sum` for numbers, `formula` for computed, `none` else.
    public var total: FormTotalRule
    public var format: FormNumberFormat
    /// Whether a unit must fill it (entered columns only).
    public var required: Bool
    /// Unit of measure shown in the header ("hồ sơ", "%").
    public var unitOfMeasure: String?

    public init(
        key: String, title: String, kind: FormColumnKind = .number, formula: String? = nil,
        choices: [String] = [], group: [String] = [], total: FormTotalRule? = nil,
        format: FormNumberFormat = .integer, required: Bool = false, unitOfMeasure: String? = nil
    ) {
        self.key = key
        self.title = title
        self.kind = kind
        self.formula = formula
        self.choices = choices
        self.group = group
        self.total = total ?? FormColumn.defaultTotal(for: kind)
        self.format = format
        self.required = required
        self.unitOfMeasure = unitOfMeasure
    }

    public static func defaultTotal(for kind: FormColumnKind) -> FormTotalRule {
        switch kind {
        case .number: .sum
        case .computed: .formula
        case .text, .choice: .none
        }
    }

    /// `(3)` or `(3) = (1)+(2)`, as the numbering row of a header shows it.
    public var numberLabel: String {
        let ref = FormExpression.column(key).description
        if kind == .computed, let f = formula, let e = try? FormExpression.parse(f) {
            return "\(ref) = \(e)"
        }
        return ref
    }

    enum CodingKeys: String, CodingKey {
        case key, title, kind, formula, choices, group, total, format, required, unitOfMeasure
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        title = try c.decode(String.self, forKey: .title)
        kind = try c.decodeIfPresent(FormColumnKind.self, forKey: .kind)
            ?? (c.contains(.formula) ? .computed : .number)
        formula = try c.decodeIfPresent(String.self, forKey: .formula)
        choices = try c.decodeIfPresent([String].self, forKey: .choices) ?? []
        group = try c.decodeIfPresent([String].self, forKey: .group) ?? []
        total = try c.decodeIfPresent(FormTotalRule.self, forKey: .total) ?? FormColumn.defaultTotal(for: kind)
        format = try c.decodeIfPresent(FormNumberFormat.self, forKey: .format) ?? .integer
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        unitOfMeasure = try c.decodeIfPresent(String.self, forKey: .unitOfMeasure)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(formula, forKey: .formula)
        if !choices.isEmpty { try c.encode(choices, forKey: .choices) }
        if !group.isEmpty { try c.encode(group, forKey: .group) }
        try c.encode(total, forKey: .total)
        try c.encode(format, forKey: .format)
        if required { try c.encode(required, forKey: .required) }
        try c.encodeIfPresent(unitOfMeasure, forKey: .unitOfMeasure)
    }
}

/// An identity between columns, checked on every row (and the totals row):
/// `(1) = (2)+(3)+(4)` with the message "Tổng số = Trực tiếp + Trực tuyến + Kỳ trước chuyển sang".
public struct FormIdentity: Hashable, Sendable, Codable {
    /// A comparison in formula notation, see `FormComparison`.
    public var rule: String
    /// What the rule means, in Vietnamese; shown when a row breaks it.
    public var message: String?
    /// Largest absolute difference still accepted (rounding in entered figures).
    public var tolerance: Double

    public init(rule: String, message: String? = nil, tolerance: Double = 0) {
        self.rule = rule
        self.message = message
        self.tolerance = tolerance
    }

    enum CodingKeys: String, CodingKey { case rule, message, tolerance }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        tolerance = try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? 0
    }
}

/// Where the rows of a form come from.
public enum FormRowSource: Hashable, Sendable, Codable {
    /// One row per unit of a selection, resolved against the unit list when a round starts.
    case units(FormUnitSelection)
    /// Fixed categories ("Cấp tỉnh", "Cấp huyện", "Cấp xã"; or kinds of procedures).
    case fixed([FormRowCategory])

    enum CodingKeys: String, CodingKey { case source, unitKinds, unitCodes, parent, categories }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let source = try c.decodeIfPresent(String.self, forKey: .source) ?? "units"
        switch source {
        case "units":
            self = .units(FormUnitSelection(
                unitKinds: try c.decodeIfPresent([UnitKind].self, forKey: .unitKinds) ?? [],
                unitCodes: try c.decodeIfPresent([String].self, forKey: .unitCodes) ?? [],
                parentCode: try c.decodeIfPresent(String.self, forKey: .parent)))
        case "fixed":
            self = .fixed(try c.decodeIfPresent([FormRowCategory].self, forKey: .categories) ?? [])
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .source, in: c,
                debugDescription: "Nguồn dòng \"\(source)\" không hợp lệ (chỉ nhận \"units\" hoặc \"fixed\")")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .units(let s):
            try c.encode("units", forKey: .source)
            try c.encode(s.unitKinds, forKey: .unitKinds)
            try c.encode(s.unitCodes, forKey: .unitCodes)
            try c.encodeIfPresent(s.parentCode, forKey: .parent)
        case .fixed(let cats):
            try c.encode("fixed", forKey: .source)
            try c.encode(cats, forKey: .categories)
        }
    }

    /// The rows for a list of units (in the order given), or the fixed categories.
    /// Units are selected by explicit codes when there are some, else by kind (all kinds when
    /// none is named).
    public func resolve(units: [OrgUnit]) -> [FormRowCategory] {
        switch self {
        case .fixed(let cats):
            return cats
        case .units(let s):
            let picked: [OrgUnit]
            if !s.unitCodes.isEmpty {
                let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                picked = s.unitCodes.compactMap { byCode[$0] }
            } else {
                picked = units.filter { u in
                    (s.unitKinds.isEmpty || s.unitKinds.contains(u.kind)) && (s.parentCode == nil || u.parentCode == s.parentCode)
                }
            }
            return picked.map { FormRowCategory(key: $0.code, label: $0.name) }
        }
    }
}

public struct FormUnitSelection: Hashable, Sendable, Codable {
    /// Kinds of units that get a row, in the order given by the unit list.
    public var unitKinds: [UnitKind]
    /// Explicit units, in this order; wins over `unitKinds` and `parentCode` when not empty.
    public var unitCodes: [String]
    /// Only the units directly under this one: a province's departments and districts, without
    /// the districts' own offices, which are departments too.
    public var parentCode: String?

    public init(unitKinds: [UnitKind] = [], unitCodes: [String] = [], parentCode: String? = nil) {
        self.unitKinds = unitKinds
        self.unitCodes = unitCodes
        self.parentCode = parentCode
    }
}

/// A row of a form: a unit (key = unit code) or a fixed category.
public struct FormRowCategory: Hashable, Sendable, Codable {
    public var key: String
    public var label: String
    /// What the STT column shows when it is not the running number ("I", "1.1").
    public var number: String?

    public init(key: String, label: String, number: String? = nil) {
        self.key = key
        self.label = label
        self.number = number
    }
}
