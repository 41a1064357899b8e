/// What is wrong with a form definition, in Vietnamese, so a coordinator can fix it in the
/// designer or in the JSON file.
public enum FormDefinitionProblem: Hashable, Sendable, CustomStringConvertible {
    /// The JSON file could not be read as a form (the detail says where).
    case invalidJSON(String)
    case emptyCode
    /// The code goes into links and file names.
    case invalidCode(String)
    case emptyTitle
    case noColumns
    case emptyColumnKey(index: Int)
    case duplicateColumnKey(String)
    case emptyColumnTitle(String)
    case missingFormula(String)
    case formulaOnEnteredColumn(String)
    case invalidFormula(column: String, FormExpressionError)
    case unknownColumn(in: String, reference: String)
    case nonNumericReference(in: String, reference: String)
    case selfReference(String)
    case cycle([String])
    case choiceWithoutChoices(String)
    case duplicateChoice(column: String, choice: String)
    case totalOnTextColumn(String)
    case formulaTotalOnEnteredColumn(String)
    case totalNeedsColumnTotal(column: String, reference: String)
    case fractionDigitsOutOfRange(String)
    case groupNotContiguous(String)
    case emptyGroupTitle(String)
    case invalidIdentity(index: Int, FormExpressionError)
    case unknownColumnInIdentity(index: Int, reference: String)
    case nonNumericColumnInIdentity(index: Int, reference: String)
    case negativeTolerance(index: Int)
    case noRows
    case duplicateRowKey(String)
    case emptyRowKey(index: Int)
    case tooLong(FieldLengthProblem)

    private static func col(_ key: String) -> String { "Cột \(FormExpression.column(key))" }

    public var description: String {
        switch self {
        case .invalidJSON(let detail): return "Tệp JSON không phải là biểu mẫu hợp lệ: \(detail)"
        case .emptyCode: return "Biểu mẫu chưa có mã"
        case .invalidCode(let c):
            return "Mã biểu mẫu \"\(c)\" chỉ được gồm chữ không dấu, chữ số và các dấu - _ . (tối đa 40 ký tự)"
        case .emptyTitle: return "Biểu mẫu chưa có tên"
        case .noColumns: return "Biểu mẫu chưa có cột nào"
        case .emptyColumnKey(let i): return "Cột thứ \(i + 1) chưa có mã cột"
        case .duplicateColumnKey(let k): return "Mã cột \"\(k)\" bị trùng"
        case .emptyColumnTitle(let k): return "\(Self.col(k)) chưa có tiêu đề"
        case .missingFormula(let k): return "\(Self.col(k)) là cột tính toán nhưng chưa có công thức"
        case .formulaOnEnteredColumn(let k):
            return "\(Self.col(k)) là cột nhập liệu nhưng lại có công thức; hãy chọn loại \"Tính theo công thức\""
        case .invalidFormula(let k, let e): return "\(Self.col(k)): \(e.message)"
        case .unknownColumn(let k, let r):
            return "\(Self.col(k)): công thức tham chiếu cột \(FormExpression.column(r)) không có trong biểu mẫu"
        case .nonNumericReference(let k, let r):
            return "\(Self.col(k)): công thức tham chiếu cột \(FormExpression.column(r)) không phải cột số"
        case .selfReference(let k): return "\(Self.col(k)): công thức tham chiếu chính nó"
        case .cycle(let keys):
            let path = (keys + [keys[0]]).map { FormExpression.column($0).description }.joined(separator: " → ")
            return "Các công thức tham chiếu vòng tròn: \(path)"
        case .choiceWithoutChoices(let k): return "\(Self.col(k)) là cột lựa chọn nhưng chưa có danh sách lựa chọn"
        case .duplicateChoice(let k, let c): return "\(Self.col(k)): lựa chọn \"\(c)\" bị trùng"
        case .totalOnTextColumn(let k): return "\(Self.col(k)) không phải cột số nên không thể tính tổng"
        case .formulaTotalOnEnteredColumn(let k):
            return "\(Self.col(k)) là cột nhập liệu, dòng tổng không thể tính theo công thức; hãy chọn \"Cộng tổng\""
        case .totalNeedsColumnTotal(let k, let r):
            return "\(Self.col(k)): dòng tổng tính theo công thức cần tổng của cột \(FormExpression.column(r)), nhưng cột đó không tính tổng"
        case .fractionDigitsOutOfRange(let k):
            return "\(Self.col(k)): số chữ số thập phân phải từ 0 đến \(FormNumberFormat.maximumFractionDigits)"
        case .groupNotContiguous(let t):
            return "Nhóm tiêu đề \"\(t)\" phải gồm các cột liền nhau"
        case .emptyGroupTitle(let k): return "\(Self.col(k)) có nhóm tiêu đề trống"
        case .invalidIdentity(let i, let e): return "Quy tắc kiểm tra thứ \(i + 1): \(e.message)"
        case .unknownColumnInIdentity(let i, let r):
            return "Quy tắc kiểm tra thứ \(i + 1) tham chiếu cột \(FormExpression.column(r)) không có trong biểu mẫu"
        case .nonNumericColumnInIdentity(let i, let r):
            return "Quy tắc kiểm tra thứ \(i + 1) tham chiếu cột \(FormExpression.column(r)) không phải cột số"
        case .negativeTolerance(let i): return "Quy tắc kiểm tra thứ \(i + 1): sai số cho phép không được âm"
        case .noRows: return "Biểu mẫu có dòng cố định nhưng chưa có dòng nào"
        case .duplicateRowKey(let k): return "Mã dòng \"\(k)\" bị trùng"
        case .emptyRowKey(let i): return "Dòng thứ \(i + 1) chưa có mã"
        case .tooLong(let p): return "Biểu mẫu có \(p)"
        }
    }
}

/// All problems of a definition at once, so that the designer can list them.
public struct FormDefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [FormDefinitionProblem]

    public var description: String {
        "Biểu mẫu không hợp lệ:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
    }
}

extension TableForm {
    /// Every problem of the definition; empty when the form can be used.
    public func validate() -> [FormDefinitionProblem] {
        var problems: [FormDefinitionProblem] = lengthProblems.map(FormDefinitionProblem.tooLong)
        if FormExpressionParser.trimmed(code).isEmpty {
            problems.append(.emptyCode)
        } else if code.count > 40 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            problems.append(.invalidCode(code))
        }
        if FormExpressionParser.trimmed(title).isEmpty { problems.append(.emptyTitle) }
        if columns.isEmpty { problems.append(.noColumns) }

        var byKey: [String: FormColumn] = [:]
        for (i, c) in columns.enumerated() {
            if FormExpressionParser.trimmed(c.key).isEmpty {
                problems.append(.emptyColumnKey(index: i))
                continue
            }
            if byKey[c.key] != nil { problems.append(.duplicateColumnKey(c.key)) } else { byKey[c.key] = c }
        }

        var dependencies: [String: [String]] = [:]
        for c in columns where !FormExpressionParser.trimmed(c.key).isEmpty {
            if FormExpressionParser.trimmed(c.title).isEmpty { problems.append(.emptyColumnTitle(c.key)) }
            if !(0...FormNumberFormat.maximumFractionDigits).contains(c.format.fractionDigits) {
                problems.append(.fractionDigitsOutOfRange(c.key))
            }
            if c.group.contains(where: { FormExpressionParser.trimmed($0).isEmpty }) {
                problems.append(.emptyGroupTitle(c.key))
            }
            switch c.kind {
            case .computed:
                guard let f = c.formula else {
                    problems.append(.missingFormula(c.key))
                    continue
                }
                let e: FormExpression
                do {
                    e = try FormExpression.parse(f)
                } catch {
                    problems.append(.invalidFormula(column: c.key, error))
                    continue
                }
                var deps: [String] = []
                for r in e.columnReferences {
                    guard let target = byKey[r] else {
                        problems.append(.unknownColumn(in: c.key, reference: r))
                        continue
                    }
                    if r == c.key { problems.append(.selfReference(c.key)); continue }
                    if !target.kind.isNumeric {
                        problems.append(.nonNumericReference(in: c.key, reference: r))
                        continue
                    }
                    if c.total == .formula, target.total == .none {
                        problems.append(.totalNeedsColumnTotal(column: c.key, reference: r))
                    }
                    if target.kind == .computed { deps.append(r) }
                }
                dependencies[c.key] = deps
            case .number, .text, .choice:
                if c.formula != nil { problems.append(.formulaOnEnteredColumn(c.key)) }
                if c.kind == .choice {
                    if c.choices.isEmpty { problems.append(.choiceWithoutChoices(c.key)) }
                    var seen: Set<String> = []
                    for ch in c.choices where !seen.insert(ch).inserted {
                        problems.append(.duplicateChoice(column: c.key, choice: ch))
                    }
                }
                if !c.kind.isNumeric, c.total != .none { problems.append(.totalOnTextColumn(c.key)) }
                if c.kind == .number, c.total == .formula { problems.append(.formulaTotalOnEnteredColumn(c.key)) }
            }
        }
        if let cycle = Self.findCycle(dependencies, order: columns.map(\.key)) {
            problems.append(.cycle(cycle))
        }

        problems += headerProblems()

        for (i, identity) in identities.enumerated() {
            if identity.tolerance < 0 { problems.append(.negativeTolerance(index: i)) }
            do {
                let cmp = try FormComparison.parse(identity.rule)
                for r in cmp.columnReferences {
                    guard let target = byKey[r] else {
                        problems.append(.unknownColumnInIdentity(index: i, reference: r))
                        continue
                    }
                    if !target.kind.isNumeric { problems.append(.nonNumericColumnInIdentity(index: i, reference: r)) }
                }
            } catch {
                problems.append(.invalidIdentity(index: i, error))
            }
        }

        if case .fixed(let cats) = rows {
            if cats.isEmpty { problems.append(.noRows) }
            var seen: Set<String> = []
            for (i, r) in cats.enumerated() {
                if FormExpressionParser.trimmed(r.key).isEmpty { problems.append(.emptyRowKey(index: i)); continue }
                if !seen.insert(r.key).inserted { problems.append(.duplicateRowKey(r.key)) }
            }
        }
        return problems
    }

    /// A group must cover adjacent columns: "A | B | A" cannot be drawn as one header cell.
    private func headerProblems() -> [FormDefinitionProblem] {
        var problems: [FormDefinitionProblem] = []
        let depth = columns.map(\.group.count).max() ?? 0
        guard depth > 0 else { return [] }
        for level in 0..<depth {
            var closed: Set<[String]> = []
            var current: [String]? = nil
            for c in columns {
                let path: [String]? = c.group.count > level ? Array(c.group[0...level]) : nil
                if path != current {
                    if let cur = current { closed.insert(cur) }
                    if let p = path, closed.contains(p) {
                        let problem = FormDefinitionProblem.groupNotContiguous(p.joined(separator: " › "))
                        if !problems.contains(problem) { problems.append(problem) }
                    }
                    current = path
                }
            }
        }
        return problems
    }

    /// A cycle among computed columns, as the keys along it, or nil.
    static func findCycle(_ deps: [String: [String]], order: [String]) -> [String]? {
        var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
        var stack: [String] = []
        func visit(_ k: String) -> [String]? {
            if state[k] == 2 { return nil }
            if state[k] == 1 {
                guard let i = stack.firstIndex(of: k) else { return [k] }
                return Array(stack[i...])
            }
            state[k] = 1
            stack.append(k)
            for d in deps[k] ?? [] {
                if let c = visit(d) { return c }
            }
            stack.removeLast()
            state[k] = 2
            return nil
        }
        for k in order where deps[k] != nil {
            if let c = visit(k) { return c }
        }
        return nil
    }
}

extension TableForm: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(code, "code", .code)
        c.check(title, "title", .name)
        c.check(rowHeader, "rowHeader", .name)
        c.check(totalsLabel, "totalsLabel", .name)
        for (i, col) in columns.enumerated() {
            let p = "columns[\(i)]."
            c.check(col.key, p + "key", .code)
            c.check(col.title, p + "title", .name)
            c.check(col.formula, p + "formula", .text)
            c.check(col.choices, p + "choices", .name)
            c.check(col.group, p + "group", .name)
            c.check(col.unitOfMeasure, p + "unitOfMeasure", .name)
        }
        for (i, rule) in identities.enumerated() {
            c.check(rule.rule, "identities[\(i)].rule", .text)
            c.check(rule.message, "identities[\(i)].message", .text)
        }
        switch rows {
        case .units(let s):
            c.check(s.unitCodes, "rows.unitCodes", .code)
            c.check(s.parentCode, "rows.parent", .code)
        case .fixed(let categories):
            for (i, r) in categories.enumerated() {
                c.check(r.key, "rows.categories[\(i)].key", .code)
                c.check(r.label, "rows.categories[\(i)].label", .name)
                c.check(r.number, "rows.categories[\(i)].number", .code)
            }
        }
        return c.problems
    }
}
