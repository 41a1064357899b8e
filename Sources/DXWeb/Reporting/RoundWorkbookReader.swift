import DXCore
import DXImport
import DXStore
import Foundation

/// A problem found in an uploaded workbook, where a person finds it: sheet and cell.
public struct WorkbookIssue: Sendable, Hashable, CustomStringConvertible {
    public var unit: String?
    public var sheet: String?
    public var cell: String?
    public var message: String
    public var isError: Bool

    /// "Trang 'Chỉ tiêu', ô F7: …" (the form the command line prints).
    public var description: String {
        switch (sheet, cell) {
        case let (s?, c?): "Trang '\(s)', ô \(c): \(message)"
        case let (s?, nil): "Trang '\(s)': \(message)"
        default: message
        }
    }
}

/// One field whose stored value differs from the file's.
public struct WorkbookChange: Sendable, Hashable, CustomStringConvertible {
    public var unit: String
    public var sheet: String
    public var cell: String?
    public var item: String
    public var field: String
    public var old: String
    public var new: String

    public var description: String {
        "\(unit) · \(item) · \(field): \(old.isEmpty ? "(trống)" : old) → \(new.isEmpty ? "(trống)" : new)"
    }
}

/// What an uploaded workbook would change in each unit's report.
public struct UnitUpload: Sendable {
    public var report: UnitReport
    /// Only the items that change.
    public var patch: ReportPatch
    public var changes: [WorkbookChange]
}

public struct RoundWorkbookUpload: Sendable {
    public var units: [UnitUpload]
    public var issues: [WorkbookIssue]
    public var errors: [WorkbookIssue] { issues.filter(\.isError) }
    public var changes: [WorkbookChange] { units.flatMap(\.changes) }
}

/// Reads a filled `RoundWorkbook` back: with the safe reader (`XLSXLimits`), identifiers
/// checked against the reports, and every value through `ReportForm.parse`, so that a file is
/// held to exactly the rules of the web form. Cells become the web form's field names; the
/// form's messages are mapped back to the cell the value came from.
public enum RoundWorkbookReader {
    /// An opened workbook and what its guide sheet says it is for.
    public struct Opened {
        let book: XLSXWorkbook
        /// The round and unit codes of the guide sheet (the unit is `allUnitsMarker` for every unit).
        public let round: String?
        public let unit: String?
        public var isAllUnits: Bool { unit == RoundWorkbook.allUnitsMarker }
    }

    /// Limits of an upload: those of the safe reader, with the file no larger than the web accepts.
    public static var uploadLimits: XLSXLimits {
        var l = XLSXLimits.default
        l.maxFileSize = UploadLimits.maxFileBytes
        return l
    }

    /// Opens the file; a file that is not a readable, safe spreadsheet, or has no guide sheet,
    /// is refused as a whole.
    public static func open(_ data: Data, limits: XLSXLimits = uploadLimits) throws(XLSXError) -> Opened {
        let book = try XLSXWorkbook(data: data, limits: limits)
        let guide = try book.sheet(named: RoundWorkbook.guideSheet)
        return Opened(book: book, round: guide.text(row: RoundWorkbook.roundRow, column: 2),
                      unit: guide.text(row: RoundWorkbook.unitRow, column: 2))
    }

    /// Checks the file against `reports` (one unit's, or every unit's for the workbook of all
    /// units). Errors about the file's structure (limits, DOCTYPE, damaged parts) are thrown.
    public static func read(_ opened: Opened, reports: [UnitReport], allUnits: Bool) throws(XLSXError) -> RoundWorkbookUpload {
        var c = Collector(reports: reports, allUnits: allUnits)
        guard let first = reports.first else { return RoundWorkbookUpload(units: [], issues: []) }
        let expectedUnit = allUnits ? RoundWorkbook.allUnitsMarker : first.status.unit.code
        if opened.round != first.round.code {
            c.error(RoundWorkbook.guideSheet, row: RoundWorkbook.roundRow, column: 2,
                    t("Tệp là mẫu của đợt báo cáo \"%@\", không phải đợt \"%@\".", opened.round ?? "", first.round.code))
        }
        if opened.unit != expectedUnit {
            c.error(RoundWorkbook.guideSheet, row: RoundWorkbook.unitRow, column: 2,
                    t("Tệp là mẫu của đơn vị \"%@\", không phải của \"%@\".", opened.unit ?? "", expectedUnit))
        }
        // A file of another round or unit is not read further: every row would be an error.
        guard c.issues.isEmpty else { return RoundWorkbookUpload(units: [], issues: c.issues) }

        func sheet(_ name: String) throws(XLSXError) -> XLSXSheet? {
            do {
                return try opened.book.sheet(named: name)
            } catch {
                guard case .missingSheet = error.reason else { throw error }
                c.issues.append(WorkbookIssue(sheet: name, message: error.detail, isError: true))
                return nil
            }
        }
        if reports.contains(where: { !$0.indicators.isEmpty }), let s = try sheet(RoundWorkbook.indicatorSheet) { c.indicators(s) }
        if reports.contains(where: { !$0.tasks.isEmpty }), let s = try sheet(RoundWorkbook.taskSheet) { c.tasks(s) }
        var forms: [String] = []
        for r in reports { for p in r.forms where !forms.contains(p.code) { forms.append(p.code) } }
        for code in forms { if let s = try sheet(RoundWorkbook.formSheet(code)) { c.form(code, s) } }
        if !first.round.narrativeSections.isEmpty, let s = try sheet(RoundWorkbook.narrativeSheet) { c.narrative(s) }

        var units: [UnitUpload] = []
        for r in reports {
            let code = r.status.unit.code
            guard let pairs = c.pairs[code], !pairs.isEmpty else { continue }
            let parsed = ReportForm.parse(FormData(pairs: pairs), report: r)
            for issue in parsed.issues {
                let at = c.locate(issue.path, unit: code)
                c.issues.append(WorkbookIssue(unit: allUnits ? code : nil, sheet: at?.sheet, cell: at?.cell,
                                              message: translated(issue.message), isError: issue.severity == .error))
            }
            units.append(Changes.of(parsed.patch, report: r, locations: c.locations[code] ?? [:]))
        }
        return RoundWorkbookUpload(units: units, issues: c.issues)
    }

    /// Turns rows into the web form's field pairs, one list per unit, remembering each field's cell.
    struct Collector {
        let reports: [String: UnitReport]
        let allUnits: Bool
        var pairs: [String: [(String, String)]] = [:]
        var locations: [String: [String: (sheet: String, cell: String)]] = [:]
        var issues: [WorkbookIssue] = []
        var seen: Set<String> = []

        init(reports: [UnitReport], allUnits: Bool) {
            self.reports = Dictionary(reports.map { ($0.status.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
            self.allUnits = allUnits
        }

        var offset: Int { RoundWorkbook.offset(allUnits: allUnits) }

        /// Where a message of the web form belongs: its field's cell, or for a message about a
        /// whole item (`v|PLAN|CODE`) the item's code cell.
        func locate(_ path: String, unit: String) -> (sheet: String, cell: String)? {
            var p = path
            while true {
                if let at = locations[unit]?[p] { return at }
                guard let dot = p.lastIndex(of: ".") else { return nil }
                p = String(p[..<dot])
            }
        }

        static func ref(_ row: Int, _ column: Int) -> String { XLSXCellReference(row: row, column: column).description }

        mutating func error(_ sheet: String, row: Int, column: Int, _ message: String, unit: String? = nil) {
            issues.append(WorkbookIssue(unit: unit, sheet: sheet, cell: Self.ref(row, column), message: message, isError: true))
        }

        /// The text of a cell for a field: numbers in the Vietnamese writing the web form's
        /// parser reads back exactly (for number fields) or plainly (for text).
        static func raw(_ s: XLSXSheet, _ row: Int, _ column: Int, numeric: Bool) -> String {
            guard let cell = s.cells[XLSXCellReference(row: row, column: column)] else { return "" }
            // "56,25%" typed in Excel is kept as 0.5625 in a percent-formatted cell; the report
            // means 56.25.
            if numeric, case .number(let x) = cell.value { return ReportForm.number(cell.isPercent ? x * 100 : x) }
            return cell.value.text
        }

        mutating func add(_ unit: String, _ name: String, _ value: String, sheet: String, row: Int, column: Int) {
            pairs[unit, default: []].append((name, value))
            locations[unit, default: [:]][name] = (sheet, Self.ref(row, column))
        }

        /// The report a data row belongs to (by its unit column in the workbook of all units).
        mutating func report(_ s: XLSXSheet, row: Int) -> UnitReport? {
            if !allUnits { return reports.values.first }
            let code = s.text(row: row, column: 1) ?? ""
            guard let r = reports[code] else {
                error(s.name, row: row, column: 1, code.isEmpty ? t("Thiếu mã đơn vị.") : t("Đơn vị \"%@\" không thuộc đợt báo cáo này.", code))
                return nil
            }
            return r
        }

        /// Rows below the header that hold anything.
        static func dataRows(_ s: XLSXSheet, header: Int) -> [Int] { s.rows.map(\.row).filter { $0 > header } }

        mutating func once(_ s: XLSXSheet, row: Int, column: Int, unit: String, key: String) -> Bool {
            guard seen.insert(unit + "\u{1}" + key).inserted else {
                error(s.name, row: row, column: column, t("Dòng trùng: mục này đã có ở một dòng phía trên."), unit: unit)
                return false
            }
            return true
        }

        mutating func indicators(_ s: XLSXSheet) {
            let o = offset
            for row in Self.dataRows(s, header: 1) {
                guard let r = report(s, row: row) else { continue }
                let unit = r.status.unit.code
                let plan = s.text(row: row, column: o + 1) ?? "", code = s.text(row: row, column: o + 2) ?? ""
                guard let item = r.indicators.first(where: { $0.plan.code == plan && $0.indicator.code == code }) else {
                    error(s.name, row: row, column: o + 2, t("Mã không khớp với báo cáo: kế hoạch \"%@\", chỉ tiêu \"%@\" không có trong báo cáo của đơn vị %@ ở đợt này. Không sửa các cột mã, không thêm dòng.", plan, code, unit), unit: unit)
                    continue
                }
                let p = ReportForm.indicatorPrefix(item.key)
                guard once(s, row: row, column: o + 2, unit: unit, key: p) else { continue }
                locations[unit, default: [:]][p] = (s.name, Self.ref(row, o + 2))
                for c in RoundWorkbook.IndicatorColumn.allCases {
                    guard let f = c.field else { continue }
                    let column = o + c.rawValue + 1
                    let raw = Self.raw(s, row, column, numeric: [.numerator, .denominator, .value].contains(c))
                    if c.isInput(for: item.indicator.measure) {
                        add(unit, "\(p).\(f)", c == .judgement ? RoundWorkbook.judgement(fromLabel: raw) : raw, sheet: s.name, row: row, column: column)
                    } else if !raw.trimmingCharacters(in: .whitespaces).isEmpty {
                        error(s.name, row: row, column: column, t("Ô này không dùng cho chỉ tiêu loại “%@”: để trống.", translated(item.indicator.measure.labelVI)), unit: unit)
                    }
                }
            }
        }

        mutating func tasks(_ s: XLSXSheet) {
            let o = offset
            for row in Self.dataRows(s, header: 1) {
                guard let r = report(s, row: row) else { continue }
                let unit = r.status.unit.code
                let plan = s.text(row: row, column: o + 1) ?? "", code = s.text(row: row, column: o + 2) ?? ""
                guard let item = r.tasks.first(where: { $0.plan.code == plan && $0.task.code == code }) else {
                    error(s.name, row: row, column: o + 2, t("Mã không khớp với báo cáo: kế hoạch \"%@\", nhiệm vụ \"%@\" không có trong báo cáo của đơn vị %@ ở đợt này. Không sửa các cột mã, không thêm dòng.", plan, code, unit), unit: unit)
                    continue
                }
                let p = ReportForm.taskPrefix(item.key)
                guard once(s, row: row, column: o + 2, unit: unit, key: p) else { continue }
                locations[unit, default: [:]][p] = (s.name, Self.ref(row, o + 2))
                for c in RoundWorkbook.TaskColumn.allCases {
                    guard let f = c.field else { continue }
                    let column = o + c.rawValue + 1
                    let raw = Self.raw(s, row, column, numeric: c == .percent)
                    add(unit, "\(p).\(f)", c == .status ? RoundWorkbook.status(fromLabel: raw) : raw, sheet: s.name, row: row, column: column)
                }
            }
        }

        mutating func form(_ code: String, _ s: XLSXSheet) {
            guard let form = reports.values.lazy.compactMap({ $0.forms.first { $0.code == code } }).first?.form.form else { return }
            let layout = form.headerLayout()
            let ids = RoundWorkbook.formStub(form, allUnits: allUnits)
            let keyColumn = ids
            let labelColumn = ids + layout.columnCount - form.columns.count
            for row in Self.dataRows(s, header: layout.rowCount) {
                guard let r = report(s, row: row) else { continue }
                let unit = r.status.unit.code
                let key = s.text(row: row, column: keyColumn) ?? ""
                guard let part = r.forms.first(where: { $0.code == code }), let category = part.rows.first(where: { $0.key == key }) else {
                    error(s.name, row: row, column: keyColumn, t("Mã dòng \"%@\" không thuộc biểu %@ của đơn vị %@ ở đợt này. Không sửa cột mã dòng, không thêm dòng.", key, code, unit), unit: unit)
                    continue
                }
                let rowKey = part.key(category)
                guard once(s, row: row, column: keyColumn, unit: unit, key: ReportForm.formRowPrefix(rowKey)) else { continue }
                locations[unit, default: [:]][ReportForm.formRowPrefix(rowKey)] = (s.name, Self.ref(row, labelColumn))
                for c in form.columns where c.kind != .computed {
                    let column = ids + (layout.gridColumn[c.key] ?? 0) + 1
                    add(unit, ReportForm.formCellName(rowKey, column: c.key), Self.raw(s, row, column, numeric: c.kind == .number),
                        sheet: s.name, row: row, column: column)
                }
            }
        }

        mutating func narrative(_ s: XLSXSheet) {
            let o = offset
            for row in Self.dataRows(s, header: 1) {
                guard let r = report(s, row: row) else { continue }
                let unit = r.status.unit.code
                let section = s.text(row: row, column: o + 1) ?? ""
                guard r.round.narrativeSections.contains(section) else {
                    error(s.name, row: row, column: o + 1, t("Mục thuyết minh \"%@\" không có trong đợt báo cáo này. Không sửa cột Mục.", section), unit: unit)
                    continue
                }
                let name = ReportForm.sectionName(section)
                guard once(s, row: row, column: o + 1, unit: unit, key: name) else { continue }
                add(unit, name, Self.raw(s, row, o + 2, numeric: false), sheet: s.name, row: row, column: o + 2)
            }
        }
    }

    /// The difference between a parsed patch and what is stored, field by field; items that
    /// do not change are left out of the patch.
    enum Changes {
        static func of(_ patch: ReportPatch, report r: UnitReport, locations: [String: (sheet: String, cell: String)]) -> UnitUpload {
            let unit = r.status.unit.code
            var out = ReportPatch()
            var changes: [WorkbookChange] = []
            func record(_ name: String, _ item: String, _ field: String, _ old: String, _ new: String) -> Bool {
                guard old != new else { return false }
                let at = locations[name]
                changes.append(WorkbookChange(unit: unit, sheet: at?.sheet ?? "", cell: at?.cell, item: item, field: field, old: old, new: new))
                return true
            }
            let n = ReportForm.number
            for item in r.indicators {
                guard let new = patch.values[item.key] else { continue }
                let old = item.entry ?? IndicatorEntry(), p = ReportForm.indicatorPrefix(item.key)
                let what = t("Chỉ tiêu %@ %@", item.plan.code, item.indicator.code)
                let fields: [(String, String, String, String)] = [
                    ("numerator", t("Tử số"), n(old.numerator), n(new.numerator)),
                    ("denominator", t("Mẫu số"), n(old.denominator), n(new.denominator)),
                    ("value", t("Giá trị"), n(old.value), n(new.value)),
                    ("judgement", t("Đánh giá"), old.judgement.map { translated($0.labelVI) } ?? "", new.judgement.map { translated($0.labelVI) } ?? ""),
                    ("text", t("Kết quả (diễn giải)"), old.text ?? "", new.text ?? ""),
                    ("comment", t("Ghi chú"), old.comment ?? "", new.comment ?? ""),
                ]
                var changed = false
                for (f, label, a, b) in fields { changed = record("\(p).\(f)", what, label, a, b) || changed }
                if changed { out.values[item.key] = new }
            }
            for item in r.tasks {
                guard let new = patch.tasks[item.key] else { continue }
                let old = item.entry ?? TaskEntry(), p = ReportForm.taskPrefix(item.key)
                let what = t("Nhiệm vụ %@ %@", item.plan.code, item.task.code)
                let fields: [(String, String, String, String)] = [
                    ("status", t("Tình trạng"), old.status.map { translated($0.labelVI) } ?? "", new.status.map { translated($0.labelVI) } ?? ""),
                    ("percent", t("Tỷ lệ hoàn thành (%)"), n(old.percent), n(new.percent)),
                    ("result", t("Kết quả thực hiện"), old.result ?? "", new.result ?? ""),
                    ("evidence", t("Văn bản minh chứng (số ký hiệu)"), old.evidence ?? "", new.evidence ?? ""),
                    ("note", t("Ghi chú"), old.note ?? "", new.note ?? ""),
                ]
                var changed = false
                for (f, label, a, b) in fields { changed = record("\(p).\(f)", what, label, a, b) || changed }
                if changed { out.tasks[item.key] = new }
            }
            for part in r.forms {
                for row in part.rows {
                    let key = part.key(row)
                    guard let new = patch.forms[key] else { continue }
                    let old = part.entries[row.key]?.values ?? [:]
                    var changed = false
                    for c in part.form.form.columns where c.kind != .computed {
                        changed = record(ReportForm.formCellName(key, column: c.key), t("Biểu %@, dòng %@", part.code, row.label),
                                         "\(FormExpression.column(c.key)) \(c.title)",
                                         part.form.display(old[c.key] ?? .empty, column: c.key),
                                         part.form.display(new[c.key] ?? .empty, column: c.key)) || changed
                    }
                    if changed { out.forms[key] = new }
                }
            }
            for section in r.round.narrativeSections {
                guard let text = patch.narrative[section] else { continue }
                let new = VNText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines)
                if record(ReportForm.sectionName(section), t("Thuyết minh"), section, r.status.narrative[section] ?? "", new) {
                    out.narrative[section] = text
                }
            }
            return UnitUpload(report: r, patch: out, changes: changes)
        }
    }
}

/// Upload sizes: the file, and the multipart body that carries it with the form's fields.
public enum UploadLimits {
    public static let maxFileBytes = 5 * 1_048_576
    static let maxBodyBytes = maxFileBytes + 64 * 1024
}
