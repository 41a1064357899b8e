import DXCore
import Foundation

/// A value checked and resolved to stored ids, ready to be written: ids as numbers into the
/// catalog (`ValueImportCatalog.indicatorIDs`, `unitIDs`, `ValueImportChecker.periodIDs`),
/// the rarely used texts behind one reference, so that a chunk of a million rows stays small.
struct StagedValue {
    /// Indicator rank << 40 | unit rank << 20 | period number (as `ValueImportChecker.key`).
    var key: UInt64
    var numerator, denominator, value: Double?
    var texts: StagedTexts?
    var updatedAt: Date

    var indicator: Int { Int(key >> 40) }
    var unit: Int { Int(key >> 20 & 0xFFFFF) }
    var period: Int { Int(key & 0xFFFFF) }
}

/// The texts of a value; nil for most rows of a figures file.
final class StagedTexts {
    let text, judgement, comment, author: String?

    init?(text: String?, judgement: String?, comment: String?, author: String?) {
        if text == nil, judgement == nil, comment == nil, author == nil { return nil }
        (self.text, self.judgement, self.comment, self.author) = (text, judgement, comment, author)
    }
}

/// The checks `upsertValue` makes on one value, against a catalog read once, with the same
/// messages; plus the check that no indicator, unit and period comes twice in one file (the
/// set-based upsert could not apply both, and which one should win is the user's call).
struct ValueImportChecker {
    let catalog: ValueImportCatalog
    let now: Date
    /// Period identifiers already seen: valid ones with their number in this import.
    private var periods: [String: UInt64?] = [:]
    /// Valid period identifiers by number.
    private(set) var periodIDs: [String] = []
    /// Their last days, which pick a unit's version when its code names several.
    private var periodEnds: [CalendarDate?] = []
    /// Indicator × unit × period (packed) → the line that gave it first.
    private var seen: [UInt64: Int32] = [:]

    init(catalog: ValueImportCatalog, now: Date) {
        self.catalog = catalog
        self.now = now
    }

    /// The value resolved, or the message for its line.
    mutating func check(_ v: DataValue, line: Int) -> Result<StagedValue, ValueImportError> {
        func fail(_ message: String) -> Result<StagedValue, ValueImportError> { .failure(ValueImportError(line: line, message: message)) }
        if let p = v.lengthProblems.first {
            return fail("Số liệu \(FieldLimit.excerpt(v.indicatorCode)) / \(FieldLimit.excerpt(v.unitCode)): \(p)")
        }
        // Built only for a message: most rows need none.
        var ctx: String { "Số liệu \(v.planCode) / \(v.indicatorCode) / \(v.unitCode) / \(v.periodID)" }
        guard let period = periodNumber(v.periodID) else { return fail("\(ctx): mã kỳ báo cáo không hợp lệ") }
        guard let planIndicators = catalog.indicators[v.planCode] else { return fail("\(ctx): không có kế hoạch \(v.planCode)") }
        guard let ind = planIndicators[v.indicatorCode] else {
            return fail("\(ctx): kế hoạch \(v.planCode) không có chỉ tiêu \(v.indicatorCode)")
        }
        // The common case (0 ≤ numerator ≤ denominator, denominator > 0) passes every rule below
        // without building the indicator the rule is written on.
        let plainRate = v.numerator.map { n in v.denominator.map { d in n >= 0 && d > 0 && n <= d } ?? false } ?? false
        if !plainRate, let problem = Store.ratePartsProblem(numerator: v.numerator, denominator: v.denominator,
                                                isRate: ind.isRate, allowsOverHundred: ind.allowsOverHundred,
                                                allowsZeroDenominator: ind.allowsZeroDenominator) {
            return fail("\(ctx): \(problem)")
        }
        guard let unit = catalog.unit(v.unitCode, on: { periodEnds[Int(period)] }) else { return fail("\(ctx): không có đơn vị mã \(v.unitCode)") }
        // 24 bits of indicator, 20 of unit, 20 of period: far beyond any plan or country.
        let key = ind.index << 40 | unit.index << 20 | period
        if let first = seen.updateValue(Int32(clamping: line), forKey: key) {
            seen[key] = first
            return fail("trùng chỉ tiêu, đơn vị và kỳ với dòng \(first)")
        }
        return .success(StagedValue(
            key: key, numerator: v.numerator, denominator: v.denominator, value: v.value,
            texts: StagedTexts(text: v.text.map(Self.nfc), judgement: v.judgement?.rawValue, comment: v.comment.map(Self.nfc), author: v.author),
            updatedAt: v.updatedAt ?? now))
    }

    private mutating func periodNumber(_ id: String) -> UInt64? {
        if let known = periods[id] { return known }
        let number: UInt64? = (try? Period.parse(id)) == nil ? nil : UInt64(periodIDs.count)
        if number != nil {
            periodIDs.append(id)
            periodEnds.append(Period(identifier: id)?.end)
        }
        periods[id] = number
        return number
    }

    /// NFC as `upsertValue` stores texts, skipping Foundation for plain ASCII (already NFC).
    static func nfc(_ s: String) -> String {
        s.utf8.allSatisfy { $0 < 0x80 } ? s : VNText.nfc(s)
    }
}

/// A row of a values file that cannot be imported, and why.
public struct ValueImportError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "Dòng \(line): \(message)" }
}

extension Store {
    /// The numerator/denominator rule of a stored value, shared by `upsertValue` and the bulk
    /// import: no negative parts; a zero denominator as the web form, the API and the Excel
    /// upload take it (`Indicator.zeroDenominatorProblem`: 0/0 only where the indicator allows
    /// it, n/0 never); for a rate not more than 100% unless the indicator allows it.
    static func ratePartsProblem(numerator: Double?, denominator: Double?, isRate: Bool, allowsOverHundred: Bool,
                                 allowsZeroDenominator: Bool) -> String? {
        if let n = numerator, n < 0 { return "tử số âm" }
        if let d = denominator, d < 0 { return "mẫu số âm" }
        let rule = Indicator(code: "", name: "", measure: isRate ? .rate : .count, allowsZeroDenominator: allowsZeroDenominator)
        if let problem = rule.zeroDenominatorProblem(numerator: numerator, denominator: denominator) { return problem }
        if let n = numerator, let d = denominator, n > d, !allowsOverHundred, isRate { return "tử số lớn hơn mẫu số" }
        return nil
    }
}
