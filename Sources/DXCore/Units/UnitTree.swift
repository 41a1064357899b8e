/// The unit hierarchy, indexed for the walks reports need: up to the province, down to
/// every commune of a district, all units of a kind under a node.
public struct UnitTree: Sendable {
    public let units: [String: OrgUnit]
    private let children: [String: [String]]
    /// `children`'s units, made once: an evaluation asks for them at every node of every
    /// indicator and period.
    private let childUnits: [String: [OrgUnit]]
    public let roots: [String]

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case duplicateCode(String)
        case unknownParent(unit: String, parent: String)
        case cycle(String)

        public var description: String {
            switch self {
            case .duplicateCode(let c): "Mã đơn vị bị trùng: \(c)"
            case .unknownParent(let u, let p): "Đơn vị \(u) có đơn vị cấp trên \(p) không tồn tại"
            case .cycle(let c): "Quan hệ cấp trên của đơn vị \(c) tạo thành vòng lặp"
            }
        }
    }

    /// Builds the tree; children keep the order in which they were given.
    public init(_ list: [OrgUnit]) throws(Problem) {
        var units: [String: OrgUnit] = [:]
        for u in list {
            guard units[u.code] == nil else { throw .duplicateCode(u.code) }
            units[u.code] = u
        }
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for u in list {
            if let p = u.parentCode {
                guard units[p] != nil else { throw .unknownParent(unit: u.code, parent: p) }
                children[p, default: []].append(u.code)
            } else {
                roots.append(u.code)
            }
        }
        // A unit on a cycle is never reached from a root.
        var reached = 0
        var stack = roots
        while let c = stack.popLast() {
            reached += 1
            stack.append(contentsOf: children[c] ?? [])
        }
        if reached != units.count {
            let cyclic = list.first { u in
                var seen: Set<String> = []
                var cur: String? = u.code
                while let c = cur {
                    if !seen.insert(c).inserted { return true }
                    cur = units[c]?.parentCode
                }
                return false
            }
            throw .cycle(cyclic?.code ?? "?")
        }
        self.units = units
        self.children = children
        self.childUnits = children.mapValues { $0.compactMap { units[$0] } }
        self.roots = roots
    }

    public subscript(code: String) -> OrgUnit? { units[code] }

    public func children(of code: String) -> [OrgUnit] {
        childUnits[code] ?? []
    }

    /// From the parent up to the root, nearest first.
    public func ancestors(of code: String) -> [OrgUnit] {
        var result: [OrgUnit] = []
        var cur = units[code]?.parentCode
        while let c = cur, let u = units[c] {
            result.append(u)
            cur = u.parentCode
        }
        return result
    }

    /// Every unit below `code`, depth first in the given order, not including `code`.
    public func descendants(of code: String) -> [OrgUnit] {
        var result: [OrgUnit] = []
        func walk(_ c: String) {
            for child in children[c] ?? [] {
                if let u = units[child] { result.append(u) }
                walk(child)
            }
        }
        walk(code)
        return result
    }

    /// `code` and everything below it.
    public func subtree(of code: String) -> [OrgUnit] {
        guard let u = units[code] else { return [] }
        return [u] + descendants(of: code)
    }

    public func units(ofKind kind: UnitKind, under code: String) -> [OrgUnit] {
        descendants(of: code).filter { $0.kind == kind }
    }

    public func isAncestor(_ ancestor: String, of code: String) -> Bool {
        ancestors(of: code).contains { $0.code == ancestor }
    }

    /// Whether `code` is `scope` itself or below it: what an account of `scope` may act on.
    public func isWithin(_ code: String, scope: String) -> Bool {
        code == scope || isAncestor(scope, of: code)
    }

    /// The nearest enclosing unit of a kind (the province of a commune).
    public func nearest(_ kind: UnitKind, from code: String) -> OrgUnit? {
        if let u = units[code], u.kind == kind { return u }
        return ancestors(of: code).first { $0.kind == kind }
    }

    /// The unit that carries on a closed unit's work, following successors to the end.
    public func currentSuccessor(of code: String) -> OrgUnit? {
        var seen: Set<String> = []
        var cur = units[code]
        while let u = cur, let next = u.successorCode, seen.insert(u.code).inserted {
            guard let n = units[next] else { break }
            cur = n
        }
        return cur
    }

    /// Depth of the unit (root = 0).
    public func depth(of code: String) -> Int { ancestors(of: code).count }
}
