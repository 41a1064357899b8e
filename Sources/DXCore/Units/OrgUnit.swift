/// An organisation unit: a province, department, district or commune.
///
/// Units are never overwritten when the map changes: a merged unit gets `validTo` and a
/// `successor`, so a 2024 report of a unit that no longer exists can still be reproduced.
public struct OrgUnit: Hashable, Sendable, Codable, Identifiable {
    /// The official code where one exists (`34`, `336`, `12616`), otherwise a local code.
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentCode: String?
    public var validFrom: CalendarDate?
    public var validTo: CalendarDate?
    public var successorCode: String?

    public var id: String { code }

    public init(
        code: String, name: String, kind: UnitKind, parentCode: String? = nil,
        validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil, successorCode: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.validFrom = validFrom
        self.validTo = validTo
        self.successorCode = successorCode
    }

    /// Whether the unit existed on a given day.
    public func isValid(on day: CalendarDate) -> Bool {
        if let from = validFrom, day < from { return false }
        if let to = validTo, to < day { return false }
        return true
    }

    /// Whether the unit existed at any time during the interval.
    public func overlaps(from start: CalendarDate, to end: CalendarDate) -> Bool {
        if let from = validFrom, end < from { return false }
        if let to = validTo, to < start { return false }
        return true
    }
}
