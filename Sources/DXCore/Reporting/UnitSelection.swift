/// Which units must report in a round: by kind, by depth below a root, or a list of codes.
/// Resolved once when the round is opened, so later changes of the unit tree do not change who
/// was asked.
public struct UnitSelection: Hashable, Sendable, Codable {
    public var root: String
    public var kinds: Set<UnitKind>
    /// Only units directly under the root ("trực thuộc tỉnh"), not those further down.
    public var directOnly: Bool
    /// Listed units are added whatever their kind.
    public var codes: [String]

    public init(root: String, kinds: Set<UnitKind> = [], directOnly: Bool = false, codes: [String] = []) {
        self.root = root
        self.kinds = kinds
        self.directOnly = directOnly
        self.codes = codes
    }

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownUnit(String)
        case empty
        public var description: String {
            switch self {
            case .unknownUnit(let c): "Không có đơn vị mã \(c)."
            case .empty: "Chưa chọn đơn vị nào phải báo cáo."
            }
        }
    }

    /// The units in tree order; closed units (valid before the period only) are left out.
    public func resolve(in tree: UnitTree, period: Period?) throws(Problem) -> [OrgUnit] {
        guard tree[root] != nil else { throw .unknownUnit(root) }
        var result: [OrgUnit] = []
        var seen: Set<String> = []
        let candidates = directOnly ? tree.children(of: root) : tree.descendants(of: root)
        for u in candidates where kinds.contains(u.kind) {
            if let p = period, !u.overlaps(from: p.start, to: p.end) { continue }
            if seen.insert(u.code).inserted { result.append(u) }
        }
        for c in codes {
            guard let u = tree[c] else { throw .unknownUnit(c) }
            if seen.insert(u.code).inserted { result.append(u) }
        }
        guard !result.isEmpty else { throw .empty }
        return result
    }
}

/// What one unit reports in a round.
public struct Assignment: Sendable {
    public var indicators: [(plan: Plan, indicator: Indicator)]
    public var tasks: [(plan: Plan, task: PlanTask)]

    /// Indicators and tasks of `plans` that `unit` reports under the round's scopes.
    public static func make(unit: String, plans: [(plan: Plan, indicators: [Indicator], tasks: [PlanTask])],
                            indicatorScope: IndicatorScope, taskScope: TaskScope, tree: UnitTree) -> Assignment {
        var ind: [(Plan, Indicator)] = []
        var tsk: [(Plan, PlanTask)] = []
        for p in plans {
            for i in p.indicators {
                switch indicatorScope {
                case .all: ind.append((p.plan, i))
                case .responsible:
                    if let r = i.responsibleUnitCode, tree.isWithin(r, scope: unit) { ind.append((p.plan, i)) }
                case .none: break
                }
            }
            for t in p.tasks {
                let leads = t.leadUnitCode == unit
                let cooperates = t.cooperatingUnitCodes.contains(unit)
                switch taskScope {
                case .leadOrCooperating: if leads || cooperates { tsk.append((p.plan, t)) }
                case .lead: if leads { tsk.append((p.plan, t)) }
                case .none: break
                }
            }
        }
        return Assignment(indicators: ind, tasks: tsk)
    }
}
