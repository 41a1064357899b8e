/// What an evaluation says about a unit's predecessors, for the periods it shows that ended
/// before the unit existed: which units its figures come from, which of them had none, and
/// why there is no figure when a predecessor was divided without a share.
public struct LineageReading: Sendable {
    public var lineage: UnitLineage
    /// Of the period and its comparisons (previous period, same period a year before), those
    /// that began before the unit did.
    public var periodsBefore: [Period]
    /// Predecessors without a figure in any of `periodsBefore`.
    public var withoutData: [OrgUnit]

    public init(_ lineage: UnitLineage, evaluation e: PlanEvaluation, values: [DataValue], tree: UnitTree) {
        self.lineage = lineage
        var periods: [Period] = []
        for p in [e.period, e.period.previous, e.period.samePeriodLastYear] where lineage.reachesBack(p) && !periods.contains(p) {
            periods.append(p)
        }
        periodsBefore = periods
        withoutData = periods.isEmpty || !lineage.incomparable.isEmpty ? [] : lineage.withoutData(in: periods, values: values, tree: tree)
    }

    /// Sentences for pages, `dxtrack evaluate` and the API; none when no period shown is before.
    public var sentencesVI: [String] {
        guard !periodsBefore.isEmpty else { return [] }
        let labels = periodsBefore.map(\.labelVI).joined(separator: ", ")
        if let note = lineage.incomparableNoteVI {
            return ["Số liệu trước ngày \(lineage.sinceVI) (\(labels)): \(note)."]
        }
        var lines = ["Số liệu trước ngày \(lineage.sinceVI) (\(labels)) được tính từ các đơn vị tiền thân: \(lineage.predecessorsVI)."]
        if !withoutData.isEmpty {
            lines.append("Đơn vị tiền thân chưa có số liệu: \(withoutData.map(\.name).joined(separator: ", ")).")
        }
        return lines
    }
}
