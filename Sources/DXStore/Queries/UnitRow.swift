import DXCore
import Foundation
import SQLKit

/// One stored unit version, read for looking things up (never saved back). Pages read the
/// whole unit table on every request (the tree as of a day); decoding it through Fluent's
/// models, which find their fields by reflection on every row, cost more than the page's
/// evaluation, so the rows are decoded from raw SQL rows by column position.
struct UnitRow: Sendable {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var parentID: UUID?
    var validFrom: String?
    var validTo: String?
    var successorCode: String?

    func domain(parentCode: String?) -> OrgUnit {
        OrgUnit(code: code, name: name, kind: UnitKind(rawValue: kind) ?? .other, parentCode: parentCode,
                validFrom: from, validTo: to, successorCode: successorCode)
    }

    var from: CalendarDate? { validFrom.flatMap(CalendarDate.init(iso:)) }
    var to: CalendarDate? { validTo.flatMap(CalendarDate.init(iso:)) }

    var version: UnitVersion {
        UnitVersion(id: id, code: code, name: name, kind: UnitKind(rawValue: kind) ?? .other,
                    parentID: parentID, validFrom: from, validTo: to)
    }
}

extension Store {
    /// Every unit version, closed ones included.
    func unitRows() async throws -> [UnitRow] {
        try await sql.raw("SELECT id, code, name, kind, parent_id, valid_from, valid_to, successor_code FROM units").all().map { r in
            UnitRow(id: try r.decode(column: "id", as: UUID.self), code: try r.decode(column: "code", as: String.self),
                    name: try r.decode(column: "name", as: String.self), kind: try r.decode(column: "kind", as: String.self),
                    parentID: try r.decode(column: "parent_id", as: UUID?.self),
                    validFrom: try r.decode(column: "valid_from", as: String?.self),
                    validTo: try r.decode(column: "valid_to", as: String?.self),
                    successorCode: try r.decode(column: "successor_code", as: String?.self))
        }
    }
}
