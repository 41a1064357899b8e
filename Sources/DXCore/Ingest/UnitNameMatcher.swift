import Foundation

/// Finds the unit a report names, the way a reader does: ignoring case, tone marks and
/// punctuation, with the usual abbreviations spelled out ("Sở TT&TT" is "Sở Thông tin và
/// Truyền thông", "UBND" is "Ủy ban nhân dân") and the province's name optional ("Văn
/// phòng UBND tỉnh" is "Văn phòng Ủy ban nhân dân tỉnh Thái Bình").
public struct UnitNameMatcher: Sendable {
    private var byKey: [String: [OrgUnit]] = [:]
    /// Communes and districts by their bare name: "Vũ Hội" for "Xã Vũ Hội", as a column
    /// headed "Xã" lists them.
    private var byBareName: [String: [OrgUnit]] = [:]
    private var parent: [String: String] = [:]

    public init(units: [OrgUnit]) {
        let provinces = units.filter { $0.kind == .province }.map { Self.key($0.name) }
        for u in units {
            let k = Self.key(u.name)
            var keys = [k]
            for p in provinces where !p.isEmpty {
                let place = p.hasPrefix("tinh ") ? String(p.dropFirst(5)) : p
                // "… tỉnh thái bình" → "… tỉnh" and "…": reports drop the province's name.
                if k.hasSuffix(" tinh " + place) { keys.append(String(k.dropLast(place.count + 6))) }
                if k.hasSuffix(" " + place) { keys.append(String(k.dropLast(place.count + 1))) }
            }
            for key in Set(keys) where !(byKey[key]?.contains { $0.code == u.code } ?? false) { byKey[key, default: []].append(u) }
            if let bare = Self.bare(k), !(byBareName[bare]?.contains { $0.code == u.code } ?? false) { byBareName[bare, default: []].append(u) }
            if let p = u.parentCode { parent[u.code] = p }
        }
    }

    /// The one unit `name` names, or nil when none or several do. "UBND xã Vũ Hội" names
    /// "Xã Vũ Hội"; a bare "Vũ Hội" does too when it is the only one of that name — or the
    /// only one under `scope` (the reporting district, whose communes its table lists).
    public func unit(named name: String, within scope: String? = nil) -> OrgUnit? {
        var k = Self.key(name)
        guard !k.isEmpty else { return nil }
        var tries = [k]
        if k.hasPrefix("uy ban nhan dan "), k.count > 16 { k = String(k.dropFirst(16)); tries.append(k) }
        for key in tries {
            if let found = byKey[key] { return pick(found, scope) }
        }
        for key in tries {
            if let found = byBareName[Self.bare(key) ?? key] { return pick(found, scope) }
        }
        return nil
    }

    private func pick(_ found: [OrgUnit], _ scope: String?) -> OrgUnit? {
        if found.count == 1 { return found[0] }
        guard let scope else { return nil }
        let inside = found.filter { isWithin($0.code, scope) }
        return inside.count == 1 ? inside[0] : nil
    }

    /// Whether `code` is `scope` or below it.
    func isWithin(_ code: String, _ scope: String) -> Bool {
        var c: String? = code
        var steps = 0
        while let x = c, steps < 16 {
            if x == scope { return true }
            c = parent[x]
            steps += 1
        }
        return false
    }

    /// "xa vu hoi" → "vu hoi": a commune's or district's name without its kind.
    static func bare(_ key: String) -> String? {
        for kind in ["thi tran ", "thi xa ", "thanh pho ", "xa ", "phuong ", "huyen ", "quan "] where key.hasPrefix(kind) && key.count > kind.count {
            return String(key.dropFirst(kind.count))
        }
        return nil
    }

    /// The names in a cell that lists several ("Sở Tài chính, Sở Kế hoạch và Đầu tư; UBND
    /// các huyện"): split at ";" and line breaks, and at "," where a unit's name begins.
    public static func names(in cell: String) -> [String] {
        let starts = ["so ", "van phong", "uy ban", "ubnd", "cong an", "bao ", "dai ", "ban ", "buu dien", "ngan hang",
                      "cac ", "trung tam", "thanh tra", "bo chi huy", "vien ", "truong ", "hoi ", "cuc ", "chi cuc", "tinh doan"]
        var out: [String] = []
        for part in cell.split(whereSeparator: { $0 == ";" || $0.isNewline }) {
            var current = ""
            for piece in part.split(separator: ",", omittingEmptySubsequences: false) {
                let p = piece.trimmingCharacters(in: .whitespaces)
                let f = LintText.fold(p)
                if !current.isEmpty, starts.contains(where: f.hasPrefix) {
                    out.append(current)
                    current = p
                } else {
                    current += current.isEmpty ? p : ", " + p
                }
            }
            if !current.trimmingCharacters(in: .whitespaces).isEmpty { out.append(current.trimmingCharacters(in: .whitespaces)) }
        }
        return out.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .,-")) }.filter { !$0.isEmpty }
    }

    /// Names that stand for many units ("Các sở, ban, ngành", "UBND các huyện"): not one unit
    /// to match, and not a failure to match one.
    public static func isCollective(_ name: String) -> Bool {
        let f = key(name)
        return f.hasPrefix("cac ") || f.contains(" cac ") || f.contains("lien quan") || f.contains("doanh nghiep")
            || f.contains("huyen thanh pho") || f.contains("tren dia ban")
    }

    static let abbreviations: [(String, String)] = [
        ("tt&tt", "thong tin va truyen thong"), ("tttt", "thong tin va truyen thong"),
        ("kh&dt", "ke hoach va dau tu"), ("khdt", "ke hoach va dau tu"), ("kh&cn", "khoa hoc va cong nghe"),
        ("khcn", "khoa hoc va cong nghe"), ("ld-tb&xh", "lao dong thuong binh va xa hoi"),
        ("ldtbxh", "lao dong thuong binh va xa hoi"), ("nn&ptnt", "nong nghiep va phat trien nong thon"),
        ("nnptnt", "nong nghiep va phat trien nong thon"), ("tn&mt", "tai nguyen va moi truong"),
        ("tnmt", "tai nguyen va moi truong"), ("gd&dt", "giao duc va dao tao"), ("gddt", "giao duc va dao tao"),
        ("vh,tt&dl", "van hoa the thao va du lich"), ("vhttdl", "van hoa the thao va du lich"),
        ("gtvt", "giao thong van tai"), ("ubnd", "uy ban nhan dan"), ("hdnd", "hoi dong nhan dan"),
        ("vp", "van phong"), ("tp", "thanh pho"), ("ttcntt", "trung tam cong nghe thong tin"),
    ]

    /// Folded, abbreviations spelled out, punctuation gone, "ủy"/"uỷ" alike.
    static func key(_ name: String) -> String {
        var f = " " + LintText.fold(name) + " "
        for (short, long) in abbreviations {
            f = f.replacingOccurrences(of: " " + short + " ", with: " " + long + " ")
        }
        let kept = f.map { c -> Character in c.isLetter || c.isNumber ? c : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}
