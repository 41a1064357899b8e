import DXCore
import FluentKit
import Foundation

/// A scoring scheme with the inputs units submitted under it.
public struct ScoringSet: Sendable, Hashable {
    public var scheme: ScoringScheme
    public var inputs: [ScoringInput]

    public init(scheme: ScoringScheme, inputs: [ScoringInput] = []) {
        self.scheme = scheme
        self.inputs = inputs
    }
}

extension Store {
    /// Creates or replaces a scheme by its code. A scheme with mistakes is refused whole, with
    /// every mistake listed.
    public func upsertScoringScheme(_ scheme: ScoringScheme) async throws {
        let problems = scheme.problems()
        guard problems.isEmpty else {
            throw StoreError.invalid("Bộ chỉ số \(scheme.code): " + problems.map(\.description).joined(separator: "; "))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let definition = String(decoding: try encoder.encode(scheme), as: UTF8.self)
        let row = try await ScoringSchemeModel.query(on: db).filter(\.$code == scheme.code).first() ?? ScoringSchemeModel()
        if row.id != nil, row.definition == definition { return }
        row.code = scheme.code
        row.name = VNText.nfc(scheme.name)
        row.year = scheme.year
        row.definition = definition
        try await row.save(on: db)
    }

    public func scoringSchemes() async throws -> [ScoringScheme] {
        try await ScoringSchemeModel.query(on: db).sort(\.$year, .descending).sort(\.$code).all()
            .map { try Store.decodeScheme($0) }
    }

    public func scoringScheme(code: String) async throws -> ScoringScheme? {
        try await ScoringSchemeModel.query(on: db).filter(\.$code == code).first().map { try Store.decodeScheme($0) }
    }

    /// Creates or updates one unit's input for one criterion. The criterion must exist in the
    /// part of the scheme for the unit's level.
    public func upsertScoringInput(schemeCode: String, _ input: ScoringInput, author: String? = nil) async throws {
        let ctx = "Điểm \(schemeCode) / \(input.unitCode) / tiêu chí \(input.criterionCode)"
        guard let schemeRow = try await ScoringSchemeModel.query(on: db).filter(\.$code == schemeCode).first() else {
            throw StoreError.invalid("\(ctx): không có bộ chỉ số \(schemeCode)")
        }
        let scheme = try Store.decodeScheme(schemeRow)
        guard let uid = try await unitID(code: input.unitCode), let unit = try await UnitModel.find(uid, on: db) else {
            throw StoreError.invalid("\(ctx): không có đơn vị mã \(input.unitCode)")
        }
        let level = (UnitKind(rawValue: unit.kind) ?? .other).level
        guard let part = scheme.part(for: level) else {
            throw StoreError.invalid("\(ctx): bộ chỉ số không có phần chấm điểm cho \(level.labelVI.lowercased())")
        }
        guard part.criterion(input.criterionCode) != nil else {
            throw StoreError.invalid("\(ctx): phần \(part.name) không có tiêu chí \(input.criterionCode)")
        }
        for (name, x) in [("tử số", input.numerator), ("mẫu số", input.denominator), ("giá trị", input.value)] {
            if let x, x < 0 || !x.isFinite { throw StoreError.invalid("\(ctx): \(name) không hợp lệ") }
        }
        let schemeID = try schemeRow.requireID()
        let unitID = try unit.requireID()
        let row = try await ScoringInputModel.query(on: db).filter(\.$scheme.$id == schemeID)
            .filter(\.$unit.$id == unitID).filter(\.$criterionCode == input.criterionCode).first() ?? ScoringInputModel()
        let evidence = JSONList.encode(input.evidence.map(VNText.nfc))
        if row.id != nil, row.numerator == input.numerator, row.denominator == input.denominator,
           row.value == input.value, row.grade == input.grade?.rawValue, row.evidence == evidence { return }
        row.$scheme.id = schemeID
        row.$unit.id = unitID
        row.criterionCode = input.criterionCode
        row.numerator = input.numerator
        row.denominator = input.denominator
        row.value = input.value
        row.grade = input.grade?.rawValue
        row.evidence = evidence
        row.author = author
        row.updatedAt = Date()
        try await row.save(on: db)
    }

    public func scoringInputs(schemeCode: String) async throws -> [ScoringInput] {
        guard let scheme = try await ScoringSchemeModel.query(on: db).filter(\.$code == schemeCode).first() else { return [] }
        let rows = try await ScoringInputModel.query(on: db).filter(\.$scheme.$id == scheme.requireID())
            .with(\.$unit).sort(\.$criterionCode).all()
        return rows.map { r in
            ScoringInput(unitCode: r.unit.code, criterionCode: r.criterionCode, numerator: r.numerator,
                         denominator: r.denominator, value: r.value, grade: r.grade.flatMap(ScoringGrade.init(rawValue:)),
                         evidence: JSONList.decode(r.evidence))
        }
    }

    static func decodeScheme(_ row: ScoringSchemeModel) throws -> ScoringScheme {
        do {
            return try JSONDecoder().decode(ScoringScheme.self, from: Data(row.definition.utf8))
        } catch {
            throw StoreError.invalid("Bộ chỉ số \(row.code) lưu trong cơ sở dữ liệu không đọc được")
        }
    }
}
