/// A resolution, scheme or plan: a container of indicators and tasks.
public enum PlanKind: String, Sendable, Codable, CaseIterable {
    case resolution
    case scheme
    case plan

    public var labelVI: String {
        switch self {
        case .resolution: "Nghị quyết"
        case .scheme: "Đề án"
        case .plan: "Kế hoạch"
        }
    }
}

public struct Pillar: Hashable, Sendable, Codable {
    /// Hierarchical code ("1", "1.2").
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public var parentCode: String? { HierarchicalCode.parent(of: code) }
}

public struct Plan: Hashable, Sendable, Codable {
    /// Số ký hiệu: "83/KH-BCĐ". Contains `/`, so URLs use `slug`.
    public var code: String
    public var slug: String
    public var kind: PlanKind
    public var title: String
    public var issuerCode: String
    public var issued: CalendarDate?
    public var horizonFrom: Int
    public var horizonTo: Int
    public var parentCode: String?
    /// In document order.
    public var pillars: [Pillar]

    public init(
        code: String, slug: String, kind: PlanKind, title: String, issuerCode: String,
        issued: CalendarDate? = nil, horizonFrom: Int, horizonTo: Int, parentCode: String? = nil,
        pillars: [Pillar] = []
    ) {
        self.code = code
        self.slug = slug
        self.kind = kind
        self.title = title
        self.issuerCode = issuerCode
        self.issued = issued
        self.horizonFrom = horizonFrom
        self.horizonTo = horizonTo
        self.parentCode = parentCode
        self.pillars = pillars
    }

    public func pillar(_ code: String?) -> Pillar? {
        guard let code else { return nil }
        return pillars.first { $0.code == code }
    }

    public func covers(year: Int) -> Bool { (horizonFrom...horizonTo).contains(year) }
}
