import Foundation

/// One stored version of a unit: one code, one name, one parent for its whole validity.
/// A rename or a move closes the version and opens another (linked as its successor), so the
/// parent of a version never changes and a tree as of any day is the versions valid that day.
public struct UnitVersion: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentID: UUID?
    public var validFrom: CalendarDate?
    public var validTo: CalendarDate?

    public init(id: UUID = UUID(), code: String, name: String, kind: UnitKind, parentID: UUID? = nil,
                validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isValid(on day: CalendarDate) -> Bool {
        if let f = validFrom, day < f { return false }
        if let t = validTo, t < day { return false }
        return true
    }

    /// Whether two validity intervals share a day (nil ends are open).
    public func overlaps(from: CalendarDate?, to: CalendarDate?) -> Bool {
        Self.overlap(validFrom, validTo, from, to)
    }

    /// Whether two validity intervals share a day (nil ends are open).
    public static func overlap(_ from1: CalendarDate?, _ to1: CalendarDate?, _ from2: CalendarDate?, _ to2: CalendarDate?) -> Bool {
        if let a = from1, let b = to2, b < a { return false }
        if let a = from2, let b = to1, b < a { return false }
        return true
    }

    /// A validity in words: "từ 1/7/2025", "đến 30/6/2025", "không thời hạn".
    public static func span(_ from: CalendarDate?, _ to: CalendarDate?) -> String {
        func d(_ x: CalendarDate) -> String { "\(x.day)/\(x.month)/\(x.year)" }
        switch (from, to) {
        case (nil, nil): return "không thời hạn"
        case (let f?, nil): return "từ \(d(f))"
        case (nil, let t?): return "đến \(d(t))"
        case (let f?, let t?): return "từ \(d(f)) đến \(d(t))"
        }
    }
}

/// Which version a code names on a day: the one valid that day; failing that, the last one
/// that ended before it (a closed unit stays readable under its code); failing that, the
/// first one that starts after it. Codes never name two units on one day, so the first rule
/// has at most one answer.
public enum UnitVersionPicker {
    public static func pick<T>(_ versions: [T], on day: CalendarDate,
                               from: (T) -> CalendarDate?, to: (T) -> CalendarDate?) -> T? {
        func valid(_ v: T) -> Bool {
            if let f = from(v), day < f { return false }
            if let t = to(v), t < day { return false }
            return true
        }
        if let v = versions.first(where: valid) { return v }
        let ended = versions.filter { to($0).map { $0 < day } ?? false }
        if let last = ended.max(by: { to($0)! < to($1)! }) { return last }
        return versions.filter { from($0).map { day < $0 } ?? false }.min { from($0)! < from($1)! }
    }
}

extension OrgUnit {
    /// The name with the day it ended when it had ended before `day`: "Xã Cộng Hòa (đến 30/6/2025)".
    public func displayName(asOf day: CalendarDate) -> String {
        guard let to = validTo, to < day else { return name }
        return "\(name) (đến \(to.day)/\(to.month)/\(to.year))"
    }

    /// The name with its end date whenever it has one that has passed today.
    public var displayName: String { displayName(asOf: .today()) }
}
