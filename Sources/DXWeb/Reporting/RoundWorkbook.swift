import DXCore
import DXDocuments
import DXStore
import Foundation

/// The fill-in workbook of a unit's report (or of every unit of a round), and the layout its
/// reader (`RoundWorkbookReader`) finds things by: sheets by name, rows by their identifier
/// cells, fields by column. Lives next to the reader rather than in DXReports because both
/// work on `UnitReport` (DXStore) and must agree column for column.
///
/// Identifier columns, names and headers are locked by sheet protection without a password:
/// the point is to prevent slips, not to secure anything — the reader checks every identifier.
enum RoundWorkbook {
    static let guideSheet = "Hướng dẫn"
    static let indicatorSheet = "Chỉ tiêu"
    static let taskSheet = "Nhiệm vụ"
    static let narrativeSheet = "Thuyết minh"
    /// What the guide sheet's unit cell holds in the workbook of every unit.
    static let allUnitsMarker = "(tất cả)"
    /// Guide cells the reader checks (1-based row, column B).
    static let roundRow = 2
    static let unitRow = 3

    enum IndicatorColumn: Int, CaseIterable {
        case plan, code, name, unitOfMeasure, measure, target, previous, numerator, denominator, value, judgement, text, comment
        var title: String {
            switch self {
            case .plan: "Mã kế hoạch"
            case .code: "Mã chỉ tiêu"
            case .name: "Tên chỉ tiêu"
            case .unitOfMeasure: "Đơn vị tính"
            case .measure: "Loại chỉ tiêu"
            case .target: "Mục tiêu"
            case .previous: "Kỳ trước"
            case .numerator: "Tử số"
            case .denominator: "Mẫu số"
            case .value: "Giá trị (số lượng, giá trị; tỷ lệ % khi không có tử số, mẫu số)"
            case .judgement: "Đánh giá (chỉ tiêu định tính)"
            case .text: "Kết quả (diễn giải)"
            case .comment: "Ghi chú"
            }
        }
        var field: String? {
            switch self {
            case .numerator: "numerator"
            case .denominator: "denominator"
            case .value: "value"
            case .judgement: "judgement"
            case .text: "text"
            case .comment: "comment"
            default: nil
            }
        }
        var width: Double {
            switch self {
            case .plan: 14
            case .code: 9
            case .name: 45
            case .text, .comment: 30
            case .value, .judgement: 16
            default: 12
            }
        }
        /// The fields the web form shows for an indicator of this kind; the others stay locked.
        func isInput(for measure: MeasureKind) -> Bool {
            switch self {
            case .text, .comment: true
            case .numerator, .denominator: measure == .rate
            case .value: measure.isNumeric
            case .judgement: measure == .qualitative
            default: false
            }
        }
    }

    enum TaskColumn: Int, CaseIterable {
        case plan, code, title, lead, deadline, status, percent, result, evidence, note
        var title: String {
            switch self {
            case .plan: "Mã kế hoạch"
            case .code: "Mã nhiệm vụ"
            case .title: "Tên nhiệm vụ"
            case .lead: "Cơ quan chủ trì"
            case .deadline: "Thời hạn"
            case .status: "Tình trạng"
            case .percent: "Tỷ lệ hoàn thành (%)"
            case .result: "Kết quả thực hiện"
            case .evidence: "Văn bản minh chứng (số ký hiệu)"
            case .note: "Ghi chú"
            }
        }
        var field: String? {
            switch self {
            case .status: "status"
            case .percent: "percent"
            case .result: "result"
            case .evidence: "evidence"
            case .note: "note"
            default: nil
            }
        }
        var width: Double {
            switch self {
            case .title: 45
            case .result: 35
            case .evidence, .note, .lead: 22
            case .status: 18
            default: 12
            }
        }
    }

    enum NarrativeColumn: Int, CaseIterable {
        case section, text
    }

    /// Columns before the item columns: the unit code in the workbook of every unit.
    static func offset(allUnits: Bool) -> Int { allUnits ? 1 : 0 }

    /// The sheet of a table form: its code, made a valid sheet name.
    static func formSheet(_ code: String) -> String {
        String(code.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
    }

    /// Form sheets: [unit code,] row key, [STT,] label, then the form's columns.
    static func formStub(_ form: TableForm, allUnits: Bool) -> Int { offset(allUnits: allUnits) + 1 }

    static func judgementLabel(_ j: Judgement?) -> String { j?.labelVI ?? "" }
    static func judgement(fromLabel text: String) -> String {
        Judgement.allCases.first { VNText.searchKey($0.labelVI) == VNText.searchKey(text) }?.rawValue ?? text
    }
    static func status(fromLabel text: String) -> String {
        TaskStatus.allCases.first { VNText.searchKey($0.labelVI) == VNText.searchKey(text) }?.rawValue ?? text
    }

    // MARK: - Writing

    static let idStyle = CellStyle.body.with { $0.bold = true }
    static let lockedStyle = CellStyle.body
    static let inputStyle = CellStyle.body.with { $0.unlocked = true }

    /// One unit's workbook, or with `allUnits` the workbook of every report given.
    static func workbook(_ reports: [UnitReport], allUnits: Bool) -> Workbook {
        guard let first = reports.first else { return Workbook(sheets: []) }
        let round = first.round
        var sheets = [guide(first, count: reports.count, allUnits: allUnits)]
        if reports.contains(where: { !$0.indicators.isEmpty }) { sheets.append(indicators(reports, allUnits: allUnits)) }
        if reports.contains(where: { !$0.tasks.isEmpty }) { sheets.append(tasks(reports, allUnits: allUnits)) }
        var forms: [String] = []
        for r in reports { for p in r.forms where !forms.contains(p.code) { forms.append(p.code) } }
        for code in forms { sheets.append(form(code, reports, allUnits: allUnits)) }
        if !round.narrativeSections.isEmpty { sheets.append(narrative(reports, allUnits: allUnits)) }
        return Workbook(sheets: sheets)
    }

    private static func unitCells(_ r: UnitReport, allUnits: Bool) -> [SheetCell] {
        allUnits ? [SheetCell(.text(r.status.unit.code), style: idStyle)] : []
    }

    private static func guide(_ r: UnitReport, count: Int, allUnits: Bool) -> Worksheet {
        let round = r.round
        let label = CellStyle.plain.with { $0.bold = true }
        func line(_ a: String, _ b: CellValue = .empty) -> SheetRow { SheetRow([SheetCell(.text(a), style: label), SheetCell(b, style: .plain)]) }
        func note(_ s: String) -> SheetRow { SheetRow([SheetCell(.text(s), style: CellStyle.plain.with { $0.wrapsText = true })]) }
        let deadline = r.status.deadline
        var rows: [SheetRow] = [
            SheetRow([SheetCell(.text("MẪU NHẬP BÁO CÁO: " + round.title.uppercased()), style: label)]),
            line("Mã đợt báo cáo", .text(round.code)),
            line("Mã đơn vị", .text(allUnits ? allUnitsMarker : r.status.unit.code)),
            line("Đơn vị", .text(allUnits ? "Tất cả \(count) đơn vị của đợt báo cáo" : r.status.unit.name)),
            line("Kỳ báo cáo", .text(round.period.map { "\($0.headingVI) (số liệu \(VNDate.numeric($0.cutOff.from)) – \(VNDate.numeric($0.cutOff.to)))" } ?? round.periodID)),
            line("Hạn nộp", allUnits ? .text("theo cấp của từng đơn vị") : .date(year: deadline.year, month: deadline.month, day: deadline.day)),
            line("Phiên bản báo cáo khi tải mẫu", allUnits ? .text("—") : .number(Double(r.status.version))),
            SheetRow([]),
            SheetRow([SheetCell(.text("Cách điền"), style: label)]),
        ]
        rows += [
            "1. Chỉ nhập vào các ô không bị khóa: Tử số, Mẫu số, Giá trị, Đánh giá, Kết quả, Ghi chú (trang “Chỉ tiêu”); Tình trạng, Tỷ lệ hoàn thành, Kết quả thực hiện, Văn bản minh chứng, Ghi chú (trang “Nhiệm vụ”); các cột nhập của biểu mẫu; Nội dung (trang “Thuyết minh”).",
            "2. Không sửa, không xóa các cột mã (mã đơn vị, mã kế hoạch, mã chỉ tiêu, mã nhiệm vụ, mã dòng, mục), không thêm hoặc xóa dòng, không đổi tên, không xóa trang tính. Dòng có mã bị đổi sẽ bị báo lỗi.",
            "3. Số: nhập số thuần, ví dụ 1445521 hoặc 1.445.521; phần thập phân dùng dấu phẩy, ví dụ 56,25. Tỷ lệ phần trăm nhập 56,25 (không gõ dấu %). Với chỉ tiêu tỷ lệ nên nhập tử số và mẫu số: hệ thống tự tính tỷ lệ.",
            "4. Đánh giá và Tình trạng: chọn trong danh sách thả xuống của ô.",
            "5. Ô để trống nghĩa là xóa giá trị đã lưu của ô đó.",
            "6. Các cột tính theo công thức của biểu mẫu chỉ để xem: hệ thống tự tính lại khi tải lên.",
            "7. Điền xong, tải tệp lên ở trang báo cáo của đơn vị (mục “Nhập từ tệp Excel”). Hệ thống kiểm tra theo cùng quy tắc như biểu mẫu trên web, liệt kê các thay đổi và các lỗi (theo trang tính và ô); chỉ khi không có lỗi mới áp dụng được, trong một lần ghi.",
            "8. Các trang tính được bảo vệ không đặt mật khẩu, chỉ để tránh sửa nhầm.",
        ].map(note)
        return Worksheet(name: guideSheet, columnWidths: [32, 90], rows: rows, orientation: .portrait, isProtected: true)
    }

    private static func indicators(_ reports: [UnitReport], allUnits: Bool) -> Worksheet {
        let columns = IndicatorColumn.allCases
        var rows = [SheetRow.header((allUnits ? ["Mã đơn vị"] : []) + columns.map(\.title))]
        for r in reports {
            let level = r.status.unit.kind.level
            for item in r.indicators {
                let i = item.indicator, e = item.entry
                let target = r.round.period.flatMap { i.target(year: $0.year, level: level) }?.shortLabelVI(unit: i.unitOfMeasure) ?? ""
                let previous = item.previous.map {
                    DataValue(planCode: "", indicatorCode: "", unitCode: "", periodID: "", numerator: $0.numerator, denominator: $0.denominator,
                              value: $0.value, text: nil, judgement: $0.judgement).shortLabelVI(measure: i.measure, unit: i.unitOfMeasure)
                } ?? ""
                var cells = unitCells(r, allUnits: allUnits)
                for c in columns {
                    let style = c.isInput(for: i.measure) ? inputStyle : (c == .plan || c == .code ? idStyle : lockedStyle)
                    let value: CellValue
                    switch c {
                    case .plan: value = .text(item.plan.code)
                    case .code: value = .text(i.code)
                    case .name: value = .text(i.name)
                    case .unitOfMeasure: value = i.unitOfMeasure.map(CellValue.text) ?? .empty
                    case .measure: value = .text(i.measure.labelVI)
                    case .target: value = .text(target)
                    case .previous: value = .text(previous)
                    case .numerator: value = number(e?.numerator)
                    case .denominator: value = number(e?.denominator)
                    // As on the web form: a rate with its parts shows no separate percentage.
                    case .value: value = number(i.measure == .rate && e?.numerator != nil ? nil : e?.value)
                    case .judgement: value = e?.judgement.map { .text($0.labelVI) } ?? .empty
                    case .text: value = e?.text.map(CellValue.text) ?? .empty
                    case .comment: value = e?.comment.map(CellValue.text) ?? .empty
                    }
                    cells.append(SheetCell(value, style: style))
                }
                rows.append(SheetRow(cells))
            }
        }
        let o = offset(allUnits: allUnits)
        var validations: [ListValidation] = []
        if rows.count > 1 {
            validations.append(ListValidation(
                range: CellRange(firstRow: 1, firstColumn: o + IndicatorColumn.judgement.rawValue, lastRow: rows.count - 1, lastColumn: o + IndicatorColumn.judgement.rawValue),
                options: Judgement.allCases.map(\.labelVI), prompt: "Chọn mức đánh giá của chỉ tiêu định tính.",
                errorMessage: "Chọn một mức trong danh sách."))
        }
        return Worksheet(name: indicatorSheet, columnWidths: (allUnits ? [10] : []) + columns.map(\.width), rows: rows, headerRowCount: 1,
                         frozenColumnCount: o + IndicatorColumn.name.rawValue + 1, validations: validations, isProtected: true)
    }

    private static func tasks(_ reports: [UnitReport], allUnits: Bool) -> Worksheet {
        let columns = TaskColumn.allCases
        var rows = [SheetRow.header((allUnits ? ["Mã đơn vị"] : []) + columns.map(\.title))]
        for r in reports {
            for item in r.tasks {
                let t = item.task, e = item.entry
                var cells = unitCells(r, allUnits: allUnits)
                for c in columns {
                    let style = c.field != nil ? inputStyle : (c == .plan || c == .code ? idStyle : lockedStyle)
                    let value: CellValue
                    switch c {
                    case .plan: value = .text(item.plan.code)
                    case .code: value = .text(t.code)
                    case .title: value = .text(t.title)
                    case .lead: value = .text(t.leadText.isEmpty ? (t.leadUnitCode ?? "") : t.leadText)
                    case .deadline: value = .text(t.deadlineLabel)
                    case .status: value = e?.status.map { .text($0.labelVI) } ?? .empty
                    case .percent: value = number(e?.percent)
                    case .result: value = e?.result.map(CellValue.text) ?? .empty
                    case .evidence: value = e?.evidence.map(CellValue.text) ?? .empty
                    case .note: value = e?.note.map(CellValue.text) ?? .empty
                    }
                    cells.append(SheetCell(value, style: style))
                }
                rows.append(SheetRow(cells))
            }
        }
        let o = offset(allUnits: allUnits)
        var validations: [ListValidation] = []
        if rows.count > 1 {
            validations.append(ListValidation(
                range: CellRange(firstRow: 1, firstColumn: o + TaskColumn.status.rawValue, lastRow: rows.count - 1, lastColumn: o + TaskColumn.status.rawValue),
                options: TaskStatus.allCases.map(\.labelVI), prompt: "Chọn tình trạng thực hiện nhiệm vụ.",
                errorMessage: "Chọn một tình trạng trong danh sách."))
        }
        return Worksheet(name: taskSheet, columnWidths: (allUnits ? [10] : []) + columns.map(\.width), rows: rows, headerRowCount: 1,
                         frozenColumnCount: o + TaskColumn.title.rawValue + 1, validations: validations, isProtected: true)
    }

    /// A table form: its own multi-level header behind the identifier columns, the unit's rows,
    /// entered columns open, computed columns shown as values (the upload recomputes them).
    private static func form(_ code: String, _ reports: [UnitReport], allUnits: Bool) -> Worksheet {
        let parts = reports.compactMap { r in r.forms.first { $0.code == code }.map { (r, $0) } }
        let form = parts[0].1.form.form
        let layout = form.headerLayout()
        let ids = formStub(form, allUnits: allUnits)
        let width = ids + layout.columnCount
        var rows = Array(repeating: SheetRow(Array(repeating: SheetCell(.empty, style: .header), count: width)), count: layout.rowCount)
        var merges: [CellRange] = []
        let idTitles = (allUnits ? ["Mã đơn vị"] : []) + ["Mã dòng"]
        for (k, title) in idTitles.enumerated() {
            rows[0].cells[k] = SheetCell(.text(title), style: .header)
            if layout.rowCount > 1 { merges.append(CellRange(firstRow: 0, firstColumn: k, lastRow: layout.rowCount - 1, lastColumn: k)) }
        }
        for c in layout.cells {
            rows[c.row].cells[ids + c.column] = SheetCell(.text(c.text), style: .header)
            if c.rowSpan > 1 || c.columnSpan > 1 {
                merges.append(CellRange(firstRow: c.row, firstColumn: ids + c.column, lastRow: c.row + c.rowSpan - 1,
                                        lastColumn: ids + c.column + c.columnSpan - 1))
            }
        }
        // STT runs down the whole sheet: in the workbook of every unit each unit has one row of
        // a per-unit form, and numbering within the unit gave "1" on every row.
        var stt = 0
        for (r, part) in parts {
            for row in part.rows {
                stt += 1
                let computed = part.form.computeRow(part.entries[row.key]?.values ?? [:])
                var cells = unitCells(r, allUnits: allUnits) + [SheetCell(.text(row.key), style: idStyle)]
                if form.numbered { cells.append(SheetCell(.text(row.number ?? String(stt)), style: lockedStyle)) }
                cells.append(SheetCell(.text(row.label), style: lockedStyle))
                for c in form.columns {
                    var style = c.kind == .computed ? lockedStyle : inputStyle
                    switch computed[c.key] ?? .empty {
                    case .number(let x):
                        if c.kind == .computed { style.numberFormat = c.format.fractionDigits == 0 ? .integer : .decimal2 }
                        cells.append(SheetCell(.number(x), style: style))
                    case .text(let t): cells.append(SheetCell(.text(t), style: style))
                    case .divisionByZero: cells.append(SheetCell(.text(FormCellValue.divisionByZeroPlaceholder), style: style))
                    case .empty: cells.append(SheetCell(.empty, style: style))
                    }
                }
                rows.append(SheetRow(cells))
            }
        }
        var validations: [ListValidation] = []
        for c in form.columns where c.kind == .choice && !c.choices.isEmpty && rows.count > layout.rowCount {
            let column = ids + (layout.gridColumn[c.key] ?? 0)
            let options = c.choices.filter { !$0.contains(",") && !$0.contains("\"") }
            if !options.isEmpty, options.joined(separator: ",").count <= 255 {
                validations.append(ListValidation(range: CellRange(firstRow: layout.rowCount, firstColumn: column, lastRow: rows.count - 1, lastColumn: column),
                                                  options: options))
            }
        }
        let stubWidths: [Double] = (allUnits ? [10] : []) + [10] + (form.numbered ? [6] : []) + [30]
        return Worksheet(name: formSheet(code), columnWidths: stubWidths + form.columns.map { _ in 14 }, rows: rows,
                         headerRowCount: layout.rowCount, frozenColumnCount: ids + layout.columnCount - form.columns.count,
                         mergedRanges: merges, validations: validations, isProtected: true)
    }

    private static func narrative(_ reports: [UnitReport], allUnits: Bool) -> Worksheet {
        var rows = [SheetRow.header((allUnits ? ["Mã đơn vị"] : []) + ["Mục", "Nội dung"])]
        for r in reports {
            for s in r.round.narrativeSections {
                rows.append(SheetRow(unitCells(r, allUnits: allUnits) + [
                    SheetCell(.text(s), style: idStyle),
                    SheetCell(r.status.narrative[s].map(CellValue.text) ?? .empty, style: inputStyle),
                ], height: 90))
            }
        }
        return Worksheet(name: narrativeSheet, columnWidths: (allUnits ? [10] : []) + [24, 100], rows: rows, headerRowCount: 1,
                         orientation: .portrait, isProtected: true)
    }

    private static func number(_ x: Double?) -> CellValue { x.map(CellValue.number) ?? .empty }
}

/// The template as file bytes, for the command line and its tests.
public enum RoundWorkbookWriter {
    public static func data(_ reports: [UnitReport], allUnits: Bool) throws -> Data {
        try XLSXWriter().write(RoundWorkbook.workbook(reports, allUnits: allUnits))
    }
}
