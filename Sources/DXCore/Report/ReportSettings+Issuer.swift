/// The heading of a report follows the unit that issues it (Nghị định 30/2020, Phụ lục I): a
/// district's report is headed by its People's Committee, numbered /BC-UBND and dated at the
/// district; a department's by the department under the provincial committee. A province's
/// report keeps the steering committee's heading of the seed.
extension ReportSettings {
    public static func issued(by unit: OrgUnit, in tree: UnitTree, date: CalendarDate) -> ReportSettings {
        let province = tree.nearest(.province, from: unit.code) ?? unit
        let provincePlace = ReportIssuer.placeName(province)
        let provinceCommittee = "UBND " + ReportIssuer.tier(province) + " " + provincePlace
        switch unit.kind {
        case .province:
            return ReportSettings(
                parentBody: provinceCommittee, issuingBody: "Ban Chỉ đạo về chuyển đổi số", symbol: "BC-BCĐ",
                place: provincePlace, date: date, authority: ["TM. Ban Chỉ đạo", "Trưởng ban"],
                recipients: ["Thường trực Tỉnh ủy (để b/c)", "Chủ tịch, các PCT UBND tỉnh", "Các thành viên Ban Chỉ đạo",
                             "Các sở, ban, ngành",
                             // Districts until 30/6/2025, communes directly under the province since.
                             tree.children(of: unit.code).contains { $0.kind == .district } ? "UBND các huyện, thị xã, thành phố" : "UBND các xã, phường"],
                archive: "VT")
        case .district, .commune:
            let parent = unit.parentCode.flatMap { tree[$0] } ?? province
            return ReportSettings(
                issuingBody: "UBND " + ReportIssuer.tier(unit) + " " + ReportIssuer.placeName(unit), symbol: "BC-UBND",
                place: ReportIssuer.placeName(unit), date: date, authority: ["TM. Ủy ban nhân dân", "Chủ tịch"],
                recipients: ["UBND " + ReportIssuer.tier(parent) + " " + ReportIssuer.placeName(parent) + " (để b/c)",
                             "Cơ quan thường trực Ban Chỉ đạo về chuyển đổi số tỉnh (để b/c)"],
                archive: "VT")
        case .department, .other:
            return ReportSettings(
                parentBody: provinceCommittee, issuingBody: unit.name, symbol: "BC-" + ReportIssuer.initials(unit.name),
                place: provincePlace, date: date, authority: [unit.kind == .department ? "Giám đốc" : "Thủ trưởng đơn vị"],
                recipients: [provinceCommittee + " (để b/c)", "Cơ quan thường trực Ban Chỉ đạo về chuyển đổi số tỉnh (để b/c)"],
                archive: "VT")
        }
    }
}

/// How a unit's name reads in a heading.
public enum ReportIssuer {
    /// The tier words that begin territorial names, longest first ("Thành phố" before "Thị").
    static let tiers = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"]

    /// "Huyện Hưng Hà" → "Hưng Hà": the place as a heading and a dateline name it.
    public static func placeName(_ unit: OrgUnit) -> String {
        let name = VNText.clean(unit.name)
        for t in tiers where name.hasPrefix(t + " ") { return String(name.dropFirst(t.count + 1)) }
        return name
    }

    /// "huyện", "thành phố", "xã": the tier of a territorial unit, lowercased as in "UBND huyện Hưng Hà".
    public static func tier(_ unit: OrgUnit) -> String {
        let name = VNText.clean(unit.name)
        if let t = tiers.first(where: { name.hasPrefix($0 + " ") }) { return t.lowercased() }
        switch unit.kind {
        case .province: return "tỉnh"
        case .district: return "huyện"
        default: return "xã"
        }
    }

    /// "Sở Tư pháp" → "STP", "Sở Thông tin và Truyền thông" → "STTTT": the usual symbol of an
    /// agency, from the first letters of its words ("và" is left out).
    public static func initials(_ name: String) -> String {
        let words = VNText.clean(name).split(separator: " ").filter { $0.lowercased() != "và" }
        let letters = words.compactMap(\.first).map { String($0).uppercased() }
        return letters.joined().isEmpty ? "BC" : letters.joined()
    }
}
