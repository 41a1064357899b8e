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
