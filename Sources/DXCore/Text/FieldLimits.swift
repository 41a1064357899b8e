/// How long a stored text may be, field by field. Every way in — CSV, JSON files, the API, the
/// web forms — applies the same limits, so a file that one path refuses is not stored through
/// another. Long texts get the CSV reader's own field limit (Excel's cell limit too).
public enum FieldLimit: Int, Sendable, CaseIterable {
    /// Codes and identifiers: unit, plan, indicator, task, pillar, period codes, slugs.
    case code = 50
    /// Names and titles.
    case name = 2_000
    /// Definitions, notes, results, sub-items: anything a paragraph long.
    case text = 32_767

    public var maxCharacters: Int { rawValue }

    /// A value as a message may quote it: a code too long to be one is cut.
    public static func excerpt(_ s: String, _ length: Int = 40) -> String {
        s.utf8.count <= length || s.count <= length ? s : String(s.prefix(length)) + "…"
    }
}

/// One field over its limit: the field's path as the JSON names it ("tasks[3].title"), how
/// long it is, and the limit.
public struct FieldLengthProblem: Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var length: Int
    public var limit: Int

    public var description: String {
        "trường '\(field)' dài \(VNNumber.format(Double(length))) ký tự, tối đa \(VNNumber.format(Double(limit))) ký tự"
    }

    /// The problem as a form shows it at its field.
    public var issue: FieldIssue {
        .error(field, "Trường '\(field)' dài \(VNNumber.format(Double(length))) ký tự, tối đa \(VNNumber.format(Double(limit))) ký tự.")
    }
}

/// Collects the problems of one value's fields.
public struct FieldLengthCheck: Sendable {
    public private(set) var problems: [FieldLengthProblem] = []
    private let prefix: String

    public init(prefix: String = "") {
        self.prefix = prefix
    }

    public mutating func check(_ value: String?, _ field: String, _ limit: FieldLimit) {
        guard let value else { return }
        // Counting UTF-8 first keeps a 20 MB string from being walked as characters.
        guard value.utf8.count > limit.maxCharacters else { return }
        let length = value.count
        if length > limit.maxCharacters { problems.append(FieldLengthProblem(field: prefix + field, length: length, limit: limit.maxCharacters)) }
    }

    public mutating func check(_ values: [String], _ field: String, _ limit: FieldLimit) {
        for (i, v) in values.enumerated() { check(v, "\(field)[\(i)]", limit) }
    }

    public mutating func add(_ nested: [FieldLengthProblem], under field: String) {
        problems += nested.map { FieldLengthProblem(field: prefix + field + "." + $0.field, length: $0.length, limit: $0.limit) }
    }
}

/// Values whose texts are stored: each says which of its fields are too long.
public protocol FieldLengthChecked {
    var lengthProblems: [FieldLengthProblem] { get }
}

extension OrgUnit: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(code, "code", .code)
        c.check(name, "name", .name)
        c.check(parentCode, "parentCode", .code)
        c.check(successorCode, "successorCode", .code)
        return c.problems
    }
}

extension Pillar: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(code, "code", .code)
        c.check(name, "name", .name)
        return c.problems
    }
}

extension Plan: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(code, "code", .code)
        c.check(slug, "slug", .code)
        c.check(title, "title", .name)
        c.check(issuerCode, "issuerCode", .code)
        c.check(parentCode, "parentCode", .code)
        for (i, p) in pillars.enumerated() { c.add(p.lengthProblems, under: "pillars[\(i)]") }
        return c.problems
    }
}

extension Indicator: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(code, "code", .code)
        c.check(name, "name", .name)
        c.check(pillarCode, "pillarCode", .code)
        c.check(numeratorDefinition, "numeratorDefinition", .text)
        c.check(denominatorDefinition, "denominatorDefinition", .text)
        c.check(unitOfMeasure, "unitOfMeasure", .name)
        c.check(responsibleUnitCode, "responsibleUnitCode", .code)
        for (i, t) in targets.enumerated() { c.check(t.text, "targets[\(i)].text", .text) }
        return c.problems
    }
}

extension PlanTask: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(code, "code", .code)
        c.check(title, "title", .text)
        c.check(subItems, "subItems", .text)
        c.check(pillarCode, "pillarCode", .code)
        c.check(leadUnitCode, "leadUnitCode", .code)
        c.check(leadText, "leadText", .text)
        c.check(cooperatingUnitCodes, "cooperatingUnitCodes", .code)
        c.check(cooperatingText, "cooperatingText", .text)
        c.check(deadlineText, "deadlineText", .name)
        c.check(evidence, "evidence", .name)
        return c.problems
    }
}

extension DataValue: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(planCode, "planCode", .code)
        c.check(indicatorCode, "indicatorCode", .code)
        c.check(unitCode, "unitCode", .code)
        c.check(periodID, "periodID", .code)
        c.check(text, "text", .text)
        c.check(comment, "comment", .text)
        c.check(author, "author", .code)
        return c.problems
    }
}

extension OfficialDocument: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(number, "number", .code)
        c.check(summary, "summary", .text)
        c.check(issuer, "issuer", .name)
        c.check(issuerUnitCode, "issuerUnitCode", .code)
        c.check(signer, "signer", .name)
        return c.problems
    }
}
