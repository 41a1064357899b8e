import DXCore
import Foundation

/// Which field of a dxtrack value a DHIS2 data value carries. A rate travels as its numerator
/// and denominator; a qualitative result as text; a recorded judgement as one of
/// `met`, `partlyMet`, `notMet`.
public enum DHIS2Part: String, CaseIterable, Sendable {
    case value, numerator, denominator, text, judgement

    /// The data element code used without a mapping: the indicator code, with a suffix for
    /// every part but the value (`1.1_NUM`, `1.1_DEN`, `1.1_TEXT`, `1.1_JUDGEMENT`).
    public var defaultSuffix: String {
        switch self {
        case .value: ""
        case .numerator: "_NUM"
        case .denominator: "_DEN"
        case .text: "_TEXT"
        case .judgement: "_JUDGEMENT"
        }
    }

    public var isNumeric: Bool { self == .value || self == .numerator || self == .denominator }

    var labelVI: String {
        switch self {
        case .value: "giá trị"
        case .numerator: "tử số"
        case .denominator: "mẫu số"
        case .text: "kết quả"
        case .judgement: "đánh giá"
        }
    }
}

/// Where one part of an indicator goes in DHIS2: a data element, and optionally a category
/// option combination (dataValueSets) or the category options that make it (ADX, written as
/// `CATEGORY=OPTION` attributes of the data value).
public struct DHIS2Target: Hashable, Sendable {
    public var dataElement: String
    public var categoryOptionCombo: String?
    /// ADX disaggregation: category code → category option code.
    public var categories: [String: String]

    public init(dataElement: String, categoryOptionCombo: String? = nil, categories: [String: String] = [:]) {
        self.dataElement = dataElement
        self.categoryOptionCombo = categoryOptionCombo
        self.categories = categories
    }

    /// The disaggregation as an ADX data value writes it: its categories, or, when the mapping
    /// gives only a combination, that combination as a `categoryOptionCombo` attribute.
    var adxAttributes: [String: String] {
        if !categories.isEmpty { return categories }
        if let c = categoryOptionCombo, !DHIS2Mapping.isDefaultCombo(c) { return ["categoryOptionCombo": c] }
        return [:]
    }
}

/// What a DHIS2 data value stands for in dxtrack.
public struct DHIS2Source: Hashable, Sendable {
    /// nil: the plan comes from `--plan` or the file's data set.
    public var planCode: String?
    public var indicatorCode: String
    public var part: DHIS2Part
}

/// The correspondence between dxtrack codes and DHIS2 identifiers (`--mapping FILE`), read
/// from a CSV file with the columns
///
/// | column | meaning |
/// |---|---|
/// | `type` | `indicator`, `unit` or `plan` |
/// | `plan_code` | the dxtrack plan (indicator rows: optional, limits the row to that plan; plan rows: required) |
/// | `code` | the dxtrack indicator or unit code (not for plan rows) |
/// | `part` | indicator rows: `value` (default), `numerator`, `denominator`, `text`, `judgement` |
/// | `dhis2` | the DHIS2 dataElement, orgUnit or dataSet: its UID or its code |
/// | `category_option_combo` | indicator rows, optional: the categoryOptionCombo (UID or code) |
/// | `adx_categories` | indicator rows, optional: ADX disaggregation, `CATEGORY=OPTION;…` |
/// | `opening_date`, `closed_date` | unit rows, optional: the DHIS2 organisation unit's `openingDate` and `closedDate` (`2025-07-01`) |
///
/// A code reused across a reform (33 is the old Hưng Yên until 30/6/2025 and the new one from
/// 1/7/2025) names two units, so two DHIS2 organisation units: give each unit row the dates of
/// its version, and a value goes to the organisation unit open at its period's end; a DHIS2
/// value for an organisation unit closed (or not yet opened) then is refused.
///
/// Anything the mapping does not name is exchanged under dxtrack's own codes, as without a
/// mapping (DHIS2's idScheme `CODE`): indicator `1.1` is data element `1.1`, its numerator
/// `1.1_NUM`, unit `34` is orgUnit `34`, plan `83/KH-BCĐ` is dataSet `83/KH-BCĐ`.
public struct DHIS2Mapping: Sendable {
    private var outward: [String: DHIS2Target] = [:]
    private var inwardJSON: [String: DHIS2Source] = [:]
    private var inwardADX: [String: DHIS2Source] = [:]
    /// Per unit code, its organisation units with the days each is open (nil ends are open).
    private var unitOut: [String: [(from: CalendarDate?, to: CalendarDate?, orgUnit: String)]] = [:]
    private var unitDays: [String: (from: CalendarDate?, to: CalendarDate?)] = [:]
    private var unitIn: [String: String] = [:]
    private var planOut: [String: String] = [:]
    private var planIn: [String: String] = [:]

    public init() {}

    /// The empty mapping: dxtrack's codes are DHIS2's codes.
    public static let codes = DHIS2Mapping()

    public var isEmpty: Bool { outward.isEmpty && unitOut.isEmpty && planOut.isEmpty }

    /// DHIS2's default combination, by UID or code: the same as none.
    static func isDefaultCombo(_ c: String?) -> Bool {
        guard let c else { return true }
        return c.isEmpty || c == "HllvX50cXC0" || c.lowercased() == "default"
    }

    private static func key(_ parts: String?...) -> String { parts.map { $0 ?? "" }.joined(separator: "\u{1F}") }

    static func adxKey(_ dataElement: String, _ attributes: [String: String]) -> String {
        var attrs = attributes
        if let c = attrs["categoryOptionCombo"], isDefaultCombo(c) { attrs["categoryOptionCombo"] = nil }
        return key(dataElement, attrs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"))
    }

    // MARK: dxtrack → DHIS2

    public func target(plan: String, indicator: String, part: DHIS2Part) -> DHIS2Target {
        outward[Self.key(plan, indicator, part.rawValue)] ?? outward[Self.key(nil, indicator, part.rawValue)]
            ?? DHIS2Target(dataElement: indicator + part.defaultSuffix)
    }

    /// The organisation unit of a unit code on `day` (a value's period end): the mapped one open
    /// that day, else the code itself.
    public func orgUnit(_ unitCode: String, on day: CalendarDate? = nil) -> String {
        guard let rows = unitOut[unitCode] else { return unitCode }
        guard let day else { return rows.first { $0.to == nil }?.orgUnit ?? rows[0].orgUnit }
        return rows.first { UnitVersion.overlap($0.from, $0.to, day, day) }?.orgUnit ?? unitCode
    }

    public func dataSet(_ planCode: String) -> String { planOut[planCode] ?? planCode }

    // MARK: DHIS2 → dxtrack

    public func unitCode(_ orgUnit: String) -> String { unitIn[orgUnit] ?? orgUnit }

    /// Why a mapped organisation unit cannot hold a value of a period ending on `day` (closed
    /// before or opened after it), or nil.
    public func unitProblem(_ orgUnit: String, on day: CalendarDate) -> String? {
        guard let d = unitDays[orgUnit], let code = unitIn[orgUnit], !UnitVersion.overlap(d.from, d.to, day, day) else { return nil }
        return "orgUnit \(orgUnit) là đơn vị \(code) \(UnitVersion.span(d.from, d.to)) theo tệp ánh xạ, không có hiệu lực ngày \(day.day)/\(day.month)/\(day.year) (cuối kỳ)"
    }

    public func planCode(dataSet: String) -> String { planIn[dataSet] ?? dataSet }

    /// The indicator part of a dataValueSets value, or nil when its combination is neither
    /// mapped nor the default.
    public func source(dataElement: String, categoryOptionCombo: String?) -> DHIS2Source? {
        if let s = inwardJSON[Self.key(dataElement, Self.isDefaultCombo(categoryOptionCombo) ? nil : categoryOptionCombo)] { return s }
        guard Self.isDefaultCombo(categoryOptionCombo) else { return nil }
        return Self.defaultSource(dataElement)
    }

    /// The indicator part of an ADX value, from its data element and disaggregation attributes.
    public func source(dataElement: String, adxAttributes: [String: String]) -> DHIS2Source? {
        if let s = inwardADX[Self.adxKey(dataElement, adxAttributes)] { return s }
        guard Self.adxKey(dataElement, adxAttributes) == Self.adxKey(dataElement, [:]) else { return nil }
        return Self.defaultSource(dataElement)
    }

    /// A data element code read as dxtrack's own naming: a known suffix names the part.
    static func defaultSource(_ dataElement: String) -> DHIS2Source {
        for part in DHIS2Part.allCases where !part.defaultSuffix.isEmpty && dataElement.hasSuffix(part.defaultSuffix)
            && dataElement.count > part.defaultSuffix.count {
            return DHIS2Source(planCode: nil, indicatorCode: String(dataElement.dropLast(part.defaultSuffix.count)), part: part)
        }
        return DHIS2Source(planCode: nil, indicatorCode: dataElement, part: .value)
    }

    // MARK: Reading the CSV

    public enum Column: String, CaseIterable {
        case type, plan = "plan_code", code, part, dhis2, combo = "category_option_combo", adx = "adx_categories"
        case opening = "opening_date", closed = "closed_date"

        var aliases: [String] {
            switch self {
            case .type: ["type", "loai"]
            case .plan: ["plancode", "plan", "makehoach"]
            case .code: ["code", "ma"]
            case .part: ["part", "thanhphan"]
            case .dhis2: ["dhis2", "dhis2id", "dhis2code", "uid"]
            case .combo: ["categoryoptioncombo", "coc", "catoptcombo"]
            case .adx: ["adxcategories", "adx"]
            case .opening: ["openingdate", "validfrom", "ngaymo"]
            case .closed: ["closeddate", "validto", "ngaydong"]
            }
        }
    }

    /// The mapping in `data`, or every problem with its line.
    public static func read(_ data: Data, limits: CSVReader.Limits = CSVReader.Limits()) throws(CSVError) -> (mapping: DHIS2Mapping, errors: [String]) {
        let table = try CSVReader.read(data, limits: limits)
        var index: [Column: Int] = [:]
        var errors: [String] = []
        for (i, h) in table.header.enumerated() {
            let k = DataValueCSV.headerKey(h)
            if let c = Column.allCases.first(where: { $0.aliases.contains(k) }) { index[c] = i }
        }
        for c in [Column.type, .dhis2] where index[c] == nil {
            errors.append("Tệp ánh xạ thiếu cột '\(c.rawValue)'")
        }
        guard errors.isEmpty else { return (DHIS2Mapping(), errors) }
        var m = DHIS2Mapping()
        var firstLine: [String: Int] = [:]
        func claim(_ k: String, _ what: String, _ line: Int) -> Bool {
            if let first = firstLine[k] {
                errors.append("Dòng \(line) của tệp ánh xạ: \(what) đã có ở dòng \(first)")
                return false
            }
            firstLine[k] = line
            return true
        }
        for r in table.records {
            func field(_ c: Column) -> String? {
                guard let i = index[c], let f = r[i] else { return nil }
                let t = VNText.clean(f)
                return t.isEmpty ? nil : t
            }
            let place = "Dòng \(r.line) của tệp ánh xạ"
            guard let dhis2 = field(.dhis2) else { errors.append("\(place): thiếu mã DHIS2 (cột dhis2)"); continue }
            let plan = field(.plan)
            switch (field(.type) ?? "").lowercased() {
            case "indicator", "chitieu", "chỉ tiêu":
                guard let code = field(.code) else { errors.append("\(place): thiếu mã chỉ tiêu (cột code)"); continue }
                guard let part = DHIS2Part(rawValue: field(.part) ?? "value") else {
                    errors.append("\(place): thành phần \"\(field(.part) ?? "")\" không hợp lệ (value, numerator, denominator, text, judgement)")
                    continue
                }
                var categories: [String: String] = [:]
                if let adx = field(.adx) {
                    for pair in adx.split(separator: ";") {
                        let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                            errors.append("\(place): adx_categories \"\(adx)\" không đúng dạng DANH_MUC=LUA_CHON;…")
                            categories = [:]
                            break
                        }
                        categories[kv[0]] = kv[1]
                    }
                }
                let combo = field(.combo)
                let target = DHIS2Target(dataElement: dhis2, categoryOptionCombo: combo, categories: categories)
                let source = DHIS2Source(planCode: plan, indicatorCode: code, part: part)
                guard claim(key("i", plan, code, part.rawValue), "chỉ tiêu \(code) (\(part.labelVI))", r.line),
                      claim(key("j", dhis2, isDefaultCombo(combo) ? nil : combo), "dataElement \(dhis2)\(combo.map { " / \($0)" } ?? "")", r.line),
                      claim("a" + adxKey(dhis2, target.adxAttributes), "dataElement \(dhis2) với cùng phân tổ ADX", r.line) else { continue }
                m.outward[key(plan, code, part.rawValue)] = target
                m.inwardJSON[key(dhis2, isDefaultCombo(combo) ? nil : combo)] = source
                m.inwardADX[adxKey(dhis2, target.adxAttributes)] = source
            case "unit", "donvi", "đơn vị", "orgunit":
                guard let code = field(.code) else { errors.append("\(place): thiếu mã đơn vị (cột code)"); continue }
                func day(_ c: Column) -> (ok: Bool, day: CalendarDate?) {
                    guard let t = field(c) else { return (true, nil) }
                    // DHIS2 writes its dates with a time: 2025-07-01T00:00:00.000.
                    if let d = CalendarDate(iso: String(t.prefix(10))) ?? VNDate.parse(t) { return (true, d) }
                    errors.append("\(place): \(c.rawValue) \"\(t)\" không phải là ngày (2025-07-01 hoặc 01/07/2025)")
                    return (false, nil)
                }
                let from = day(.opening), to = day(.closed)
                guard from.ok, to.ok else { continue }
                if let f = from.day, let t = to.day, t < f {
                    errors.append("\(place): closed_date trước opening_date")
                    continue
                }
                if let clash = m.unitOut[code]?.first(where: { UnitVersion.overlap($0.from, $0.to, from.day, to.day) }) {
                    let line = firstLine[key("u", code, clash.orgUnit)] ?? 0
                    errors.append(from.day == nil && to.day == nil && clash.from == nil && clash.to == nil
                        ? "\(place): đơn vị \(code) đã có ở dòng \(line)"
                        : "\(place): đơn vị \(code) (\(UnitVersion.span(from.day, to.day))) trùng thời gian với dòng \(line) (\(UnitVersion.span(clash.from, clash.to)))")
                    continue
                }
                guard claim(key("o", dhis2), "orgUnit \(dhis2)", r.line) else { continue }
                firstLine[key("u", code, dhis2)] = r.line
                m.unitOut[code, default: []].append((from.day, to.day, dhis2))
                m.unitIn[dhis2] = code
                m.unitDays[dhis2] = (from.day, to.day)
            case "plan", "kehoach", "kế hoạch", "dataset":
                guard let plan else { errors.append("\(place): thiếu mã kế hoạch (cột plan_code)"); continue }
                guard claim(key("p", plan), "kế hoạch \(plan)", r.line), claim(key("d", dhis2), "dataSet \(dhis2)", r.line) else { continue }
                m.planOut[plan] = dhis2
                m.planIn[dhis2] = plan
            default:
                errors.append("\(place): loại \"\(field(.type) ?? "")\" không hợp lệ (indicator, unit hoặc plan)")
            }
        }
        return (m, errors)
    }
}
