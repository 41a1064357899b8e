/// The administrative level a target applies to ("90% tại cấp tỉnh; 80% tại cấp huyện và
/// 60% tại cấp xã"). `any` is a target that holds at every level.
public enum AdminLevel: String, Sendable, Codable, CaseIterable {
    case any
    case province
    case department
    case district
    case commune

    public var labelVI: String {
        switch self {
        case .any: "Mọi cấp"
        case .province: "Cấp tỉnh"
        case .department: "Sở, ban, ngành"
        case .district: "Cấp huyện"
        case .commune: "Cấp xã"
        }
    }
}
