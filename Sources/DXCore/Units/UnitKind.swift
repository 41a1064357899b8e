/// What an organisation unit is. Territorial kinds follow the administrative tiers;
/// departments and agencies (sở, ban, ngành) sit beside them under their province.
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    case province
    case department
    case district
    case commune
    case other

    public var labelVI: String {
        switch self {
        case .province: "Tỉnh, thành phố"
        case .department: "Sở, ban, ngành"
        case .district: "Huyện, thị xã, thành phố thuộc tỉnh"
        case .commune: "Xã, phường, thị trấn"
        case .other: "Đơn vị khác"
        }
    }

    public var labelEN: String {
        switch self {
        case .province: "Province"
        case .department: "Department or agency"
        case .district: "District"
        case .commune: "Commune"
        case .other: "Other unit"
        }
    }

    /// The kind as a sentence names one unit of it: "Số liệu của tỉnh", "… của huyện".
    public var shortNameVI: String {
        switch self {
        case .province: "tỉnh"
        case .department: "sở"
        case .district: "huyện"
        case .commune: "xã"
        case .other: "đơn vị"
        }
    }

    public var shortNameEN: String {
        switch self {
        case .province: "province"
        case .department: "department"
        case .district: "district"
        case .commune: "commune"
        case .other: "unit"
        }
    }

    /// The administrative level whose targets apply to a unit of this kind.
    public var level: AdminLevel {
        switch self {
        case .province: .province
        case .department: .department
        case .district: .district
        case .commune: .commune
        case .other: .any
        }
    }
}
