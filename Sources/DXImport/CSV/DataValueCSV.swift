import DXCore
import Foundation

/// Data values as CSV, for import and export (`dxtrack import values FILE`).
///
/// Columns (header names are matched ignoring case, tone marks, spaces and `_`; order is free):
///
/// | column | required | aliases (DHIS2 dataValueSets CSV names in bold) |
/// |---|---|---|
/// | `plan_code` | when no default plan is given | `plan`, `ma ke hoach` |
/// | `period` | yes | **`period`**, `pe`, `ky`, `ky bao cao` — DHIS2 identifiers: `2024`, `2024S1`, `2024Q3`, `202403`, `2024N9` |
/// | `unit_code` | yes | **`orgunit`**, `ou`, `unit`, `ma don vi` |
/// | `indicator_code` | yes | **`dataelement`**, `de`, `indicator`, `ma chi tieu` |
/// | `numerator` | | `tu so` |
/// | `denominator` | | `mau so` |
/// | `value` | | **`value`**, `gia tri` |
/// | `text` | | `ket qua` — a written result of a qualitative indicator |
/// | `comment` | | **`comment`**, `ghi chu` |
/// | `stored_by` | | **`storedby`** — kept as the author |
/// | `judgement` | | `danh gia` — `met`, `partlyMet`, `notMet` or `Đạt`, `Đạt một phần`, `Chưa đạt`: the recorded judgement of an indicator no number decides |
///
/// DHIS2's other columns — `categoryoptioncombo` (`catoptcombo`), `attributeoptioncombo`
/// (`attroptcombo`), `lastupdated`, `created`, `followup` (`flwup`) — are accepted and ignored;
/// rows with `deleted` = true are skipped with a warning. Other unknown columns are ignored with a
/// warning.
///
/// Numbers may be typed the Vietnamese or the English way (`1.445.521`, `56,25`, `56.25`; see
/// `VNNumber.parseOrThrow`); with `,` as the delimiter a decimal comma needs quotes (`"56,25"`),
/// so Vietnamese Excel writes `;` files. A row needs a value, a numerator and denominator (both),
/// a text or a comment. Errors are per row and column, in Vietnamese; a file with errors should
/// be applied not at all.
public enum DataValueCSV {
    public enum Column: String, CaseIterable, Sendable {
        case plan = "plan_code"
        case period
        case unit = "unit_code"
        case indicator = "indicator_code"
        case numerator
        case denominator
        case value
        case text
        case comment
        case storedBy = "stored_by"
        case judgement

        /// Header names accepted for the column, as `headerKey` folds them.
        var aliases: [String] {
            switch self {
            case .judgement: ["judgement", "danhgia"]
            case .plan: ["plancode", "plan", "makehoach"]
            case .period: ["period", "pe", "ky", "kybaocao"]
            case .unit: ["unitcode", "unit", "orgunit", "ou", "madonvi", "donvi"]
            case .indicator: ["indicatorcode", "indicator", "dataelement", "de", "machitieu", "chitieu"]
            case .numerator: ["numerator", "tuso"]
            case .denominator: ["denominator", "mauso"]
            case .value: ["value", "giatri"]
            case .text: ["text", "ketqua"]
            case .comment: ["comment", "ghichu"]
            case .storedBy: ["storedby"]
            }
        }

        var labelVI: String {
            switch self {
            case .plan: "mã kế hoạch"
            case .period: "kỳ báo cáo"
            case .unit: "mã đơn vị"
            case .indicator: "mã chỉ tiêu"
            case .numerator: "tử số"
            case .denominator: "mẫu số"
            case .value: "giá trị"
            case .judgement: "đánh giá"
            case .text: "kết quả"
            case .comment: "ghi chú"
            case .storedBy: "người nhập"
            }
        }
    }

    /// DHIS2 columns that carry nothing this system stores.
    static let ignoredDHIS2 = ["categoryoptioncombo", "catoptcombo", "attributeoptioncombo", "attroptcombo",
                               "lastupdated", "created", "followup", "flwup"]

    /// A header folded for matching: lower case, no tone marks, `đ` as `d`, no spaces, `_`, `-`.
    static func headerKey(_ header: String) -> String {
        VNText.searchKey(header).filter { $0.isLetter || $0.isNumber }
    }

    public struct Row: Hashable, Sendable {
        /// Line of the file (header = 1).
        public var line: Int
        public var value: DataValue
    }

    public struct RowError: Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        /// The header of the column concerned, as written in the file.
        public var column: String?
        public var message: String

        public var description: String {
            "Dòng \(line)" + (column.map { ", cột '\($0)'" } ?? "") + ": " + message
        }
    }

    public struct Result: Hashable, Sendable {
        public var rows: [Row]
        public var errors: [RowError]
        public var warnings: [String]

        public var values: [DataValue] { rows.map(\.value) }
        public var isValid: Bool { errors.isEmpty }
    }

    public static func read(_ data: Data, defaultPlanCode: String? = nil,
                            limits: CSVReader.Limits = CSVReader.Limits()) throws(CSVError) -> Result {
        read(try CSVReader.read(data, limits: limits), defaultPlanCode: defaultPlanCode)
    }

    public static func read(_ table: CSVTable, defaultPlanCode: String? = nil) -> Result {
        let (layout, headerErrors, headerWarnings) = Layout.make(header: table.header, defaultPlanCode: defaultPlanCode)
        var errors = headerErrors
        var warnings = headerWarnings
        guard let layout else { return Result(rows: [], errors: errors, warnings: warnings) }

        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            switch layout.row(record) {
            case .skipped(let warning): warnings.append(warning)
            case .invalid(let e): errors += e
            case .value(let v):
                let key = [v.planCode, v.indicatorCode, v.unitCode, v.periodID].joined(separator: "\u{1F}")
                if let first = seen[key] {
                    errors.append(RowError(line: record.line, column: nil, message: duplicateMessage(firstLine: first)))
                    continue
                }
                seen[key] = record.line
                rows.append(Row(line: record.line, value: v))
            }
        }
        return Result(rows: rows, errors: errors, warnings: warnings)
    }

    /// The message for a second row of the same indicator, unit and period.
    public static func duplicateMessage(firstLine: Int) -> String {
        "trùng chỉ tiêu, đơn vị và kỳ với dòng \(firstLine)"
    }

    /// What one record of a values file is.
    public enum RowOutcome: Sendable {
        case value(DataValue)
        /// A DHIS2 row marked deleted: skipped, with a warning.
        case skipped(String)
        case invalid([RowError])
    }

    /// Where each column is in a file's header, and the checks of one record against it. The
    /// buffered `read` and the streamed import (`DataValueStream`) share it, so a row means the
    /// same thing and gets the same message either way.
    public struct Layout: Sendable {
        let header: [String]
        let index: [Column: Int]
        let deletedIndex: Int?
        let defaultPlanCode: String?
        /// `index` by `Column.allCases` order (-1: no such column): a row reads its fields by
        /// position instead of hashing each column name.
        let slots: [Int]

        init(header: [String], index: [Column: Int], deletedIndex: Int?, defaultPlanCode: String?) {
            (self.header, self.index, self.deletedIndex, self.defaultPlanCode) = (header, index, deletedIndex, defaultPlanCode)
            slots = Column.allCases.map { index[$0] ?? -1 }
        }

        /// The layout of `header`, or nil with the errors that make the file unreadable.
        public static func make(header: [String], defaultPlanCode: String?) -> (layout: Layout?, errors: [RowError], warnings: [String]) {
            var errors: [RowError] = []
            var warnings: [String] = []
            var index: [Column: Int] = [:]
            var deletedIndex: Int?
            for (i, h) in header.enumerated() {
                let key = headerKey(h)
                if let c = Column.allCases.first(where: { $0.aliases.contains(key) }) {
                    if index[c] != nil {
                        errors.append(RowError(line: 1, column: h, message: "cột \(c.labelVI) xuất hiện hai lần"))
                    } else {
                        index[c] = i
                    }
                } else if key == "deleted" {
                    deletedIndex = i
                } else if !ignoredDHIS2.contains(key) {
                    warnings.append("Bỏ qua cột không dùng '\(h)'")
                }
            }
            for c in [Column.period, .unit, .indicator] where index[c] == nil {
                let names = ([c.rawValue] + (c == .unit ? ["orgunit"] : c == .indicator ? ["dataelement"] : []))
                    .joined(separator: "' hoặc '")
                errors.append(RowError(line: 1, column: nil, message: "thiếu cột \(c.labelVI) ('\(names)')"))
            }
            if index[.plan] == nil, defaultPlanCode == nil {
                errors.append(RowError(line: 1, column: nil, message: "thiếu cột mã kế hoạch ('plan_code') và chưa chọn kế hoạch"))
            }
            guard errors.isEmpty else { return (nil, errors, warnings) }
            return (Layout(header: header, index: index, deletedIndex: deletedIndex, defaultPlanCode: defaultPlanCode), [], warnings)
        }

        /// One record checked: a value, a skipped deleted row, or every error of the row.
        public func row(_ record: CSVRecord) -> RowOutcome {
            row(record, periods: nil)
        }

        /// `row`, remembering the last period read in `periods` (a file holds few periods, and
        /// most rows repeat the one before).
        public func row(_ record: CSVRecord, periods: PeriodMemo?) -> RowOutcome {
            var errors: [RowError] = []
            // Each field read (and cleaned) once, into locals: no per-row allocation.
            func read(_ slot: Int) -> String? {
                let i = slots[slot]
                guard i >= 0, let f = record[i] else { return nil }
                let t = fastClean(f)
                return t.isEmpty ? nil : t
            }
            let fPlan = read(0), fPeriod = read(1), fUnit = read(2), fIndicator = read(3)
            let fNumerator = read(4), fDenominator = read(5), fValue = read(6)
            let fText = read(7), fComment = read(8), fStoredBy = read(9), fJudgement = read(10)
            func field(_ c: Column) -> String? {
                switch c {
                case .plan: fPlan
                case .period: fPeriod
                case .unit: fUnit
                case .indicator: fIndicator
                case .numerator: fNumerator
                case .denominator: fDenominator
                case .value: fValue
                case .text: fText
                case .comment: fComment
                case .storedBy: fStoredBy
                case .judgement: fJudgement
                }
            }
            func columnName(_ c: Column) -> String? { index[c].map { header[$0] } }
            func fail(_ c: Column?, _ message: String) {
                errors.append(RowError(line: record.line, column: c.flatMap(columnName), message: message))
            }
            if let d = deletedIndex, let f = record[d], ["true", "1"].contains(f.lowercased()) {
                return .skipped("Dòng \(record.line): bỏ qua giá trị đã xóa (deleted = \(f))")
            }
            if record.fields.count > header.count,
               record.fields[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                fail(nil, "có \(record.fields.count) ô nhưng tiêu đề chỉ có \(header.count) cột (kiểm tra dấu phân cách và dấu thập phân)")
                return .invalid(errors)
            }

            let plan = field(.plan) ?? defaultPlanCode
            if plan == nil { fail(.plan, "chưa có mã kế hoạch") }
            var periodID: String?
            if let p = field(.period) {
                if let periods, let known = periods.identifier(of: p) {
                    periodID = known
                } else {
                    do {
                        periodID = try Period.parse(p).identifier
                        periods?.remember(p, periodID ?? p)
                    } catch { fail(.period, error.message) }
                }
            } else {
                fail(.period, "chưa có kỳ báo cáo")
            }
            let unit = field(.unit)
            if unit == nil { fail(.unit, "chưa có mã đơn vị") }
            let indicator = field(.indicator)
            if indicator == nil { fail(.indicator, "chưa có mã chỉ tiêu") }

            func number(_ c: Column) -> Double? {
                guard let t = field(c) else { return nil }
                if let plain = plainInteger(t) { return plain }
                do { return try VNNumber.parseOrThrow(t) } catch let e as VNNumber.ParseError {
                    fail(c, e.message)
                } catch {
                    fail(c, "\"\(t)\" không phải là số")
                }
                return nil
            }
            let numerator = number(.numerator)
            let denominator = number(.denominator)
            let value = number(.value)
            let text = field(.text)
            let comment = field(.comment)
            var judgement: Judgement?
            if let j = field(.judgement) {
                judgement = Judgement(rawValue: j) ?? Judgement.allCases.first { VNText.searchKey($0.labelVI) == VNText.searchKey(j) }
                if judgement == nil { fail(.judgement, "đánh giá \"\(j)\" không hợp lệ (Đạt, Đạt một phần, Chưa đạt)") }
            }
            if (field(.numerator) == nil) != (field(.denominator) == nil) {
                fail(field(.numerator) == nil ? .numerator : .denominator,
                     "có tử số thì phải có mẫu số và ngược lại")
            }
            if let d = denominator, d < 0 { fail(.denominator, "mẫu số không được âm") }
            if field(.value) == nil, field(.numerator) == nil, field(.denominator) == nil, text == nil, comment == nil, field(.judgement) == nil {
                fail(nil, "dòng không có số liệu (giá trị, tử số và mẫu số, kết quả hoặc ghi chú)")
            }
            guard errors.isEmpty, let plan, let periodID, let unit, let indicator else { return .invalid(errors) }
            return .value(DataValue(
                planCode: plan, indicatorCode: indicator, unitCode: unit, periodID: periodID,
                numerator: numerator, denominator: denominator, value: value, text: text,
                judgement: judgement, comment: comment, author: field(.storedBy)))
        }
    }

    /// The last period text a reader parsed and its identifier.
    public final class PeriodMemo {
        private var text = "", identifier = ""

        public init() {}

        func identifier(of t: String) -> String? { t == text && !text.isEmpty ? identifier : nil }

        func remember(_ t: String, _ id: String) {
            (text, identifier) = (t, id)
        }
    }

    /// `VNText.clean` without its cost for the common field — a code, a period, a plain number:
    /// printable ASCII with no whitespace is already clean (NFC, trimmed, single spaces).
    static func fastClean(_ f: String) -> String {
        var clean = true
        for b in f.utf8 where b <= 0x20 || b >= 0x7F {
            clean = false
            break
        }
        return clean ? f : VNText.clean(f)
    }

    /// A number written as plain digits (`1445521`) — the usual case in a machine-written file —
    /// without the full Vietnamese number scanner. Up to 15 digits, so the Double is exact.
    static func plainInteger(_ t: String) -> Double? {
        var n: Int64 = 0
        var count = 0
        for b in t.utf8 {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int64(b - UInt8(ascii: "0"))
            count += 1
            if count > 15 { return nil }
        }
        return count == 0 ? nil : Double(n)
    }

    /// Writes values with the canonical header, `,`-delimited, CRLF, in a form `read` reads
    /// back unchanged. Numbers use a decimal point without grouping (as DHIS2 does); a fraction
    /// of exactly three digits gets a fourth zero (`1.4450`), since `1.445` would read as the
    /// Vietnamese 1.445 = 1445.
    public static func write(_ values: [DataValue]) -> String {
        let header = Column.allCases.map(\.rawValue)
        let rows = values.map { v -> [String] in
            [v.planCode, v.periodID, v.unitCode, v.indicatorCode,
             v.numerator.map(plainNumber) ?? "", v.denominator.map(plainNumber) ?? "",
             v.value.map(plainNumber) ?? "", v.text ?? "", v.comment ?? "", v.author ?? "", v.judgement?.rawValue ?? ""]
        }
        return CSVReader.write([header] + rows)
    }

    /// `1445521`, `56.25`, `1.4450`, `-0.5`: plain notation that `VNNumber.parse` reads back.
    public static func plainNumber(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        var s = String(format: "%.10f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) == 4 { s += "0" }
        return s
    }
}
