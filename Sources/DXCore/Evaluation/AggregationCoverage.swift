/// Which units are expected to report an indicator. Coverage ("12/15 đơn vị có số liệu") is
/// counted against them, so the choice decides who appears on the list of late units.
public enum ExpectedReporters: Hashable, Sendable {
    /// Every unit without children: the communes of a district, the departments of a province.
    case leaves
    /// Every unit of these kinds: `[.department, .district]` for a provincial consolidation.
    case kinds(Set<UnitKind>)
    /// An explicit list, for indicators only some units report (the agency that runs a system).
    case units(Set<String>)

    /// Whether `unit` is expected to report for `period`. A unit that did not exist during the
    /// period (a district after 30/06/2025) is not expected, though its data still counts if sent.
    public func includes(_ unit: OrgUnit, in tree: UnitTree, period: Period) -> Bool {
        guard unit.overlaps(from: period.start, to: period.end) else { return false }
        switch self {
        case .leaves: return tree.children(of: unit.code).isEmpty
        case .kinds(let kinds): return kinds.contains(unit.kind)
        case .units(let codes): return codes.contains(unit.code)
        }
    }
}

/// Who was expected to report and who did, under one node of the unit tree.
public struct Coverage: Hashable, Sendable {
    /// Expected units of the subtree, in tree order (depth first, the node itself first).
    public var expected: [String]
    /// Expected units with a figure of their own for the period.
    public var reporting: [String]
    /// Reporting units whose own figure does not cover the whole period: a flow with a quarter
    /// missing, a stock whose latest value is older than the period's end.
    public var partial: [String]

    public init(expected: [String] = [], reporting: [String] = [], partial: [String] = []) {
        self.expected = expected
        self.reporting = reporting
        self.partial = partial
    }

    /// Expected units without data, in tree order: the list to chase.
    public var missing: [String] {
        let have = Set(reporting)
        return expected.filter { !have.contains($0) }
    }

    public var isComplete: Bool { reporting.count == expected.count && partial.isEmpty }

    /// "12/15 đơn vị có số liệu".
    public var labelVI: String {
        "\(VNNumber.format(reporting.count))/\(VNNumber.format(expected.count)) đơn vị có số liệu"
    }

    /// "12/15 units reporting".
    public var labelEN: String {
        "\(VNNumber.format(reporting.count, locale: .en))/\(VNNumber.format(expected.count, locale: .en)) units reporting"
    }

    /// Room for the coverage of `units` units below, each usually expected and reporting.
    mutating func reserve(_ units: Int) {
        expected.reserveCapacity(units)
        reporting.reserveCapacity(units)
    }

    mutating func append(_ other: Coverage) {
        expected += other.expected
        reporting += other.reporting
        partial += other.partial
    }
}

extension Coverage {
    /// The same coverage without `unitCode` itself: who below a node was expected and reported.
    public func below(_ unitCode: String) -> Coverage {
        Coverage(expected: expected.filter { $0 != unitCode }, reporting: reporting.filter { $0 != unitCode },
                 partial: partial.filter { $0 != unitCode })
    }

    /// "3/38 đơn vị trực thuộc đã báo cáo": said beside a figure, so that the units below are
    /// never read as the source of a figure the unit gave itself.
    public var childrenLabelVI: String {
        "\(VNNumber.format(reporting.count))/\(VNNumber.format(expected.count)) đơn vị trực thuộc đã báo cáo"
    }

    /// "3/38 units below reporting".
    public var childrenLabelEN: String {
        "\(VNNumber.format(reporting.count, locale: .en))/\(VNNumber.format(expected.count, locale: .en)) units below reporting"
    }
}

extension AggregatedValue {
    /// Where a unit's figure comes from, as the dashboard and the indicator page say it: the
    /// unit's own figure ("Số liệu của tỉnh", by the kind of the unit), then how many of the
    /// expected units below it reported ("3/38 đơn vị trực thuộc đã báo cáo"). Either part is
    /// left out where it does not apply; nothing for a unit with neither.
    public func provenanceVI(kind: UnitKind) -> [String] {
        provenance(own: "Số liệu của \(kind.shortNameVI)") { $0.childrenLabelVI }
    }

    public func provenanceEN(kind: UnitKind) -> [String] {
        provenance(own: "The \(kind.shortNameEN)'s own figure") { $0.childrenLabelEN }
    }

    private func provenance(own: String, _ children: (Coverage) -> String) -> [String] {
        var out: [String] = []
        if source == .reported, hasData { out.append(own) }
        let below = coverage.below(unitCode)
        if !below.expected.isEmpty { out.append(children(below)) }
        return out
    }
}
