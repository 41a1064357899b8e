/// Where a unit's figures come from for the time before it existed: the units it took over.
/// The new Hưng Yên (from 1/7/2025) has no 2024 figures of its own; its 2024 figures are the old
/// Hưng Yên's and Thái Bình's, added up by the ordinary aggregation rules (sums for counts and
/// amounts, summed numerators over summed denominators for rates, stocks at the period's end).
///
/// The predecessors join the evaluation's tree as extra children of the unit, under keys of
/// their own (`code@last day`), because the reform reuses codes: the old and the new Hưng Yên
/// are both 33. Their values are read live and relabelled, never copied: a corrected 2024 figure
/// changes the comparison at once.
public struct UnitLineage: Sendable, Hashable {
    public struct Predecessor: Sendable, Hashable {
        /// As it was on its last day.
        public var unit: OrgUnit
        public var kind: UnitChangeKind
        /// The part of the predecessor the unit took: 1 for a merge, the mapping's share for a
        /// division, nil when the mapping gives none.
        public var share: Double?

        public init(unit: OrgUnit, kind: UnitChangeKind, share: Double?) {
            self.unit = unit
            self.kind = kind
            self.share = share
        }

        /// The predecessor's key in the evaluation's tree.
        public var key: String { UnitLineage.key(unit.code, unit.validTo) }

        /// A division without a share cannot be apportioned: any figure built from it would be
        /// a guess.
        public var isComparable: Bool { kind != .divide || share != nil }
    }

    /// The unit's first day; periods that end before it are read from the predecessors.
    public var since: CalendarDate
    public var predecessors: [Predecessor]

    public init(since: CalendarDate, predecessors: [Predecessor]) {
        self.since = since
        self.predecessors = predecessors
    }

    public var incomparable: [Predecessor] { predecessors.filter { !$0.isComparable } }

    /// Whether some of a period's figures come from the predecessors (it began before the unit).
    public func reachesBack(_ period: Period) -> Bool { period.start < since }

    /// Whether a code of the evaluation's tree is a predecessor's key, not a unit's code.
    public func isPredecessorKey(_ code: String) -> Bool { predecessors.contains { $0.key == code } }

    /// "không so sánh được (Xã A, Xã B chia tách)", when a predecessor was divided without a share.
    public var incomparableNoteVI: String? {
        let names = incomparable.map(\.unit.name)
        guard !names.isEmpty else { return nil }
        return "không so sánh được (\(names.joined(separator: ", ")) chia tách)"
    }

    /// "1/7/2025"
    public var sinceVI: String { "\(since.day)/\(since.month)/\(since.year)" }

    /// The predecessors as a list for a sentence, each divided one with its share.
    public var predecessorsVI: String {
        predecessors.map { p in
            p.share.map { $0 < 1 ? "\(p.unit.name) (\(VNNumber.format($0 * 100, fractionDigits: 2))%)" : p.unit.name } ?? p.unit.name
        }.joined(separator: ", ")
    }

    static func key(_ code: String, _ lastDay: CalendarDate?) -> String {
        lastDay.map { "\(code)@\($0.iso)" } ?? "\(code)@"
    }

    /// The evaluation's tree and values with the predecessors added under `unitCode`: each
    /// predecessor's subtree (as it was on its last day) relabelled to keys of its own, and its
    /// values relabelled the same way and scaled by its share: a count or an amount, and a
    /// rate's numerator and denominator, never a percentage (`isRate` tells a rate's indicator
    /// code), which stays the predecessor's. When a predecessor cannot be compared, none is
    /// added: a sum of the others would be silently wrong.
    /// - Parameter subtrees: per predecessor key, its subtree with the predecessor first, and the
    ///   subtree's values, both with their stored codes.
    /// - Parameter units: the evaluation's units, in the order the tree keeps.
    public func joined(to units: [OrgUnit], values: [DataValue], unitCode: String,
                       subtrees: [String: (units: [OrgUnit], values: [DataValue])],
                       isRate: (String) -> Bool) throws(UnitTree.Problem) -> (tree: UnitTree, values: [DataValue]) {
        guard incomparable.isEmpty else { return (try UnitTree(units), values) }
        var units = units
        var joinedValues = values
        for p in predecessors {
            guard let sub = subtrees[p.key], let root = sub.units.first else { continue }
            let lastDay = p.unit.validTo
            let codes = Set(sub.units.map(\.code))
            for u in sub.units {
                var copy = u
                copy.code = Self.key(u.code, lastDay)
                copy.parentCode = u.code == root.code ? unitCode : u.parentCode.map { codes.contains($0) ? Self.key($0, lastDay) : unitCode }
                copy.successorCode = nil
                units.append(copy)
            }
            let share = p.share ?? 1
            for v in sub.values where codes.contains(v.unitCode) {
                var copy = v
                copy.unitCode = Self.key(v.unitCode, lastDay)
                if share != 1 {
                    copy.numerator = v.numerator.map { $0 * share }
                    copy.denominator = v.denominator.map { $0 * share }
                    if !isRate(v.indicatorCode) { copy.value = v.value.map { $0 * share } }
                }
                joinedValues.append(copy)
            }
        }
        return (try UnitTree(units), joinedValues)
    }

    /// Predecessors without a value in any of `periods` (of the relabelled values).
    public func withoutData(in periods: [Period], values: [DataValue], tree: UnitTree) -> [OrgUnit] {
        let withData = Set(values.compactMap { v -> String? in
            guard let p = Period(identifier: v.periodID), periods.contains(where: { $0.contains(p.end) }) else { return nil }
            return v.unitCode
        })
        return predecessors.filter { p in
            !tree.subtree(of: p.key).contains { withData.contains($0.code) }
        }.map(\.unit)
    }
}
