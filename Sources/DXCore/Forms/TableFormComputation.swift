/// The value in one cell of a form.
public enum FormCellValue: Hashable, Sendable, Codable {
    case empty
    case number(Double)
    case text(String)
    /// A computed rate whose divisor is zero (no cases at all).
    case divisionByZero

    /// What a division by zero shows: an em dash, as for any value that cannot be computed
    /// (`VNNumber.placeholder`). Not `0` and not `#DIV/0!`: zero would be a false figure and
    /// Excel's error code means nothing to a reader of the report.
    public static let divisionByZeroPlaceholder = VNNumber.placeholder

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    public var isEmpty: Bool { self == .empty }

    enum CodingKeys: String, CodingKey { case number, text, divisionByZero }

    /// JSON: `{"number": 12}`, `{"text": "Đạt"}`, `{"divisionByZero": true}`, `{}` when empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let x = try c.decodeIfPresent(Double.self, forKey: .number) {
            self = .number(x)
        } else if let t = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(t)
        } else if try c.decodeIfPresent(Bool.self, forKey: .divisionByZero) == true {
            self = .divisionByZero
        } else {
            self = .empty
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .empty: break
        case .number(let x): try c.encode(x, forKey: .number)
        case .text(let t): try c.encode(t, forKey: .text)
        case .divisionByZero: try c.encode(true, forKey: .divisionByZero)
        }
    }

    init(_ evaluation: FormEvaluation) {
        switch evaluation {
        case .number(let x): self = .number(x)
        case .missing: self = .empty
        case .divisionByZero: self = .divisionByZero
        }
    }
}

/// Why an entered value is refused, in Vietnamese.
public struct FormInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public let column: String
    public let columnTitle: String
    public let message: String

    public var description: String { "Cột \(FormExpression.column(column)) \"\(columnTitle)\": \(message)" }
}

/// One row as entered: the unit's (or category's) values of the entered columns.
public struct FormRowInput: Hashable, Sendable, Codable {
    public var key: String
    public var values: [String: FormCellValue]

    public init(key: String, values: [String: FormCellValue]) {
        self.key = key
        self.values = values
    }
}

/// A row of a computed table.
public struct FormTableRow: Hashable, Sendable {
    public var key: String
    public var label: String
    /// What the STT column shows.
    public var number: String
    public var cells: [String: FormCellValue]

    public subscript(column: String) -> FormCellValue { cells[column] ?? .empty }
}

/// A row that breaks an identity.
public struct FormIdentityViolation: Hashable, Sendable, CustomStringConvertible {
    public var rowKey: String
    public var rowLabel: String
    public var identityIndex: Int
    public var rule: String
    public var message: String
    public var left: Double
    public var right: Double

    public var description: String {
        "Dòng \"\(rowLabel)\": không thỏa mãn \"\(message)\" (\(rule); vế trái = "
            + VNNumber.format(left, fractionDigits: 4) + ", vế phải = "
            + VNNumber.format(right, fractionDigits: 4) + ")"
    }
}

/// A filled table: rows with computed columns, the totals row and the identity violations.
public struct FormTable: Sendable, Hashable {
    public let form: CompiledTableForm
    public let rows: [FormTableRow]
    public let totals: FormTableRow?
    public let violations: [FormIdentityViolation]

    /// The cell as the table shows it: formatted number, text, the division-by-zero placeholder
    /// or an empty string.
    public func display(_ row: FormTableRow, _ column: String, locale: DisplayLocale = .vi) -> String {
        form.display(row[column], column: column, locale: locale)
    }
}

/// A validated form, with its formulas parsed and ordered: what computes tables.
public struct CompiledTableForm: Sendable, Hashable {
    public let form: TableForm
    private let formulas: [String: FormExpression]
    /// Computed columns in an order where every formula comes after what it uses.
    private let evaluationOrder: [String]
    private let identities: [(FormIdentity, FormComparison)]
    private let columnsByKey: [String: FormColumn]

    public init(_ form: TableForm) throws(FormDefinitionError) {
        let problems = form.validate()
        guard problems.isEmpty else { throw FormDefinitionError(problems: problems) }
        self.form = form
        var formulas: [String: FormExpression] = [:]
        for c in form.columns where c.kind == .computed {
            formulas[c.key] = try? FormExpression.parse(c.formula ?? "")
        }
        self.formulas = formulas
        var order: [String] = []
        var done: Set<String> = []
        func place(_ k: String) {
            guard !done.contains(k), let e = formulas[k] else { return }
            done.insert(k)
            for r in e.columnReferences { place(r) }
            order.append(k)
        }
        for c in form.columns where c.kind == .computed { place(c.key) }
        self.evaluationOrder = order
        self.identities = form.identities.compactMap { i in
            (try? FormComparison.parse(i.rule)).map { (i, $0) }
        }
        self.columnsByKey = Dictionary(form.columns.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func formula(of column: String) -> FormExpression? { formulas[column] }

    // Everything else is derived from the definition.
    public static func == (a: CompiledTableForm, b: CompiledTableForm) -> Bool { a.form == b.form }
    public func hash(into h: inout Hasher) { h.combine(form) }

    /// Reads what a person typed into an entered column: numbers as Vietnamese or English
    /// typing gives them (`1.445.521`, `56,25`), a choice among the column's choices (ignoring
    /// case and surrounding spaces), or text. Empty text gives `.empty`.
    public func parseInput(_ text: String, column key: String) throws(FormInputError) -> FormCellValue {
        guard let column = columnsByKey[key] else {
            let shown = key.count > FieldLimit.code.maxCharacters ? String(key.prefix(FieldLimit.code.maxCharacters)) + "…" : key
            throw FormInputError(column: shown, columnTitle: shown, message: "cột không có trong biểu mẫu")
        }
        var length = FieldLengthCheck()
        length.check(text, "ô", .text)
        if let p = length.problems.first {
            throw FormInputError(column: key, columnTitle: column.title,
                                 message: "dài \(VNNumber.format(Double(p.length))) ký tự, tối đa \(VNNumber.format(Double(p.limit))) ký tự")
        }
        let trimmed = FormExpressionParser.trimmed(text)
        if trimmed.isEmpty { return .empty }
        switch column.kind {
        case .computed:
            throw FormInputError(column: key, columnTitle: column.title,
                                 message: "là cột tính theo công thức, không nhập được")
        case .text:
            return .text(VNText.clean(trimmed))
        case .choice:
            let folded = VNText.searchKey(trimmed)
            guard let choice = column.choices.first(where: { VNText.searchKey($0) == folded }) else {
                let list = column.choices.map { "\"\($0)\"" }.joined(separator: ", ")
                throw FormInputError(column: key, columnTitle: column.title,
                                     message: "\"\(trimmed)\" không thuộc các lựa chọn \(list)")
            }
            return .text(choice)
        case .number:
            do {
                return .number(try VNNumber.parseOrThrow(trimmed))
            } catch let error as VNNumber.ParseError {
                throw FormInputError(column: key, columnTitle: column.title, message: error.message)
            } catch {
                throw FormInputError(column: key, columnTitle: column.title, message: "\"\(trimmed)\" không phải là số")
            }
        }
    }

    /// Checks the entered values of one row: types and required columns.
    public func check(_ row: FormRowInput) -> [FormInputError] {
        var errors: [FormInputError] = []
        for c in form.columns {
            let v = row.values[c.key] ?? .empty
            switch (c.kind, v) {
            case (.computed, .empty): break
            case (.computed, _):
                errors.append(FormInputError(column: c.key, columnTitle: c.title,
                                             message: "là cột tính theo công thức, không nhập được"))
            case (_, .empty):
                if c.required {
                    errors.append(FormInputError(column: c.key, columnTitle: c.title, message: "chưa nhập"))
                }
            case (.number, .number(let x)) where !x.isFinite:
                errors.append(FormInputError(column: c.key, columnTitle: c.title, message: "số không hợp lệ"))
            case (.number, .number): break
            case (.number, _):
                errors.append(FormInputError(column: c.key, columnTitle: c.title, message: "phải là số"))
            case (.choice, .text(let t)) where !c.choices.contains(t):
                errors.append(FormInputError(column: c.key, columnTitle: c.title,
                                             message: "\"\(t)\" không thuộc danh sách lựa chọn"))
            case (.text, .text), (.choice, .text): break
            case (.text, _), (.choice, _):
                errors.append(FormInputError(column: c.key, columnTitle: c.title, message: "phải là văn bản"))
            }
        }
        return errors
    }

    /// Fills the computed columns of one row from its entered values.
    public func computeRow(_ values: [String: FormCellValue]) -> [String: FormCellValue] {
        var cells: [String: FormCellValue] = [:]
        for c in form.columns where c.kind != .computed {
            cells[c.key] = values[c.key] ?? .empty
        }
        for k in evaluationOrder {
            guard let e = formulas[k] else { continue }
            cells[k] = FormCellValue(e.evaluate { cells[$0]?.number })
        }
        return cells
    }

    /// Computes a table: one row per category (in the given order; a category without input is
    /// an empty row), the totals row by each column's rule, and every identity checked on every
    /// row and on the totals. Inputs whose key is not among `categories` are ignored.
    public func compute(categories: [FormRowCategory], inputs: [FormRowInput]) -> FormTable {
        let byKey = Dictionary(inputs.map { ($0.key, $0.values) }, uniquingKeysWith: { _, b in b })
        var rows: [FormTableRow] = []
        for (i, cat) in categories.enumerated() {
            rows.append(FormTableRow(key: cat.key, label: cat.label, number: cat.number ?? String(i + 1),
                                     cells: computeRow(byKey[cat.key] ?? [:])))
        }
        var totals: FormTableRow? = nil
        if let label = form.totalsLabel {
            totals = FormTableRow(key: "", label: label, number: "", cells: totalCells(rows))
        }
        var violations: [FormIdentityViolation] = []
        for row in rows + (totals.map { [$0] } ?? []) {
            violations += check(identitiesOf: row)
        }
        return FormTable(form: self, rows: rows, totals: totals, violations: violations)
    }

    /// `compute(categories:inputs:)` with rows for the units of `form.rows`.
    public func compute(units: [OrgUnit], inputs: [FormRowInput]) -> FormTable {
        compute(categories: form.rows.resolve(units: units), inputs: inputs)
    }

    private func totalCells(_ rows: [FormTableRow]) -> [String: FormCellValue] {
        var cells: [String: FormCellValue] = [:]
        func sum(_ key: String) -> FormCellValue {
            let numbers = rows.compactMap { $0[key].number }
            return numbers.isEmpty ? .empty : .number(numbers.reduce(0, +))
        }
        for c in form.columns where c.kind != .computed {
            cells[c.key] = c.total == .sum ? sum(c.key) : .empty
        }
        for k in evaluationOrder {
            guard let c = columnsByKey[k] else { continue }
            switch c.total {
            case .sum: cells[k] = sum(k)
            case .none: cells[k] = .empty
            case .formula:
                guard let e = formulas[k] else { continue }
                cells[k] = FormCellValue(e.evaluate { cells[$0]?.number })
            }
        }
        return cells
    }

    /// The identities a row breaks. Identities with a side that cannot be computed (missing
    /// data, division by zero) are not checked on that row.
    public func check(identitiesOf row: FormTableRow) -> [FormIdentityViolation] {
        var out: [FormIdentityViolation] = []
        for (i, (identity, cmp)) in identities.enumerated() {
            guard let r = cmp.holds({ row[$0].number }, tolerance: max(identity.tolerance, 1e-9)), !r.holds
            else { continue }
            out.append(FormIdentityViolation(
                rowKey: row.key, rowLabel: row.label, identityIndex: i, rule: cmp.description,
                message: identity.message ?? cmp.description, left: r.left, right: r.right))
        }
        return out
    }

    /// A cell as shown: the column's number format, the division-by-zero placeholder, text as it
    /// is, empty for no value.
    public func display(_ value: FormCellValue, column: String, locale: DisplayLocale = .vi) -> String {
        switch value {
        case .empty: return ""
        case .text(let t): return t
        case .divisionByZero: return FormCellValue.divisionByZeroPlaceholder
        case .number(let x):
            return (columnsByKey[column]?.format ?? .integer).format(x, locale: locale)
        }
    }
}
