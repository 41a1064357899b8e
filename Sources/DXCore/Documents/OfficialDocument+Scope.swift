/// Which documents a unit's report lists. A province's report lists what the province, its
/// committees and its departments issued, not every notice of its districts: those are the
/// districts' own reports' business, unless the report asks for them.
public enum DocumentScope: String, Sendable, Codable, CaseIterable {
    /// The unit and the agencies under it, down to the next territorial tier.
    case ownTier
    /// Everything issued within the unit's subtree, districts and communes included.
    case subtree
}

extension OfficialDocument {
    /// Whether the document belongs in the documents appendix of `unit`'s report.
    /// A document whose issuer is not a known unit is the top unit's: the seed's plans and
    /// decisions were loaded that way before issuers were linked to units.
    public func isIssued(within unit: OrgUnit, scope: DocumentScope, tree: UnitTree) -> Bool {
        guard let code = issuerUnitCode, tree[code] != nil else { return unit.parentCode.flatMap { tree[$0] } == nil }
        guard tree.isWithin(code, scope: unit.code) else { return false }
        if scope == .subtree || code == unit.code { return true }
        // Own tier: no territorial unit between the report's unit and the issuer, the issuer included.
        for u in [tree[code]!] + tree.ancestors(of: code) {
            if u.code == unit.code { return true }
            if u.kind.isTerritorial { return false }
        }
        return false
    }
}

extension UnitKind {
    /// Provinces, districts and communes: tiers with their own people's committee.
    public var isTerritorial: Bool {
        switch self {
        case .province, .district, .commune: true
        case .department, .other: false
        }
    }
}
