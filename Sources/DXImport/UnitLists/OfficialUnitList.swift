import DXCore
import Foundation

/// The official lists of administrative units (national statistics office, Quyết định
/// 19/2025/QĐ-TTg), in the shapes of `shared/data/`:
///
/// - the 2025 two-level list: `province_code, province_name, commune_code, commune_name,
///   commune_type` (34 provinces, 3,321 communes), valid from 1 July 2025;
/// - the 2024 three-level list: `province_code, province_name, district_code, district_name,
///   district_type, commune_code, commune_name, commune_type` (63 provinces, 696 districts,
///   10,035 communes on 10,040 rows: five island districts have a row without a commune), valid
///   until 30 June 2025;
/// - the mapping `legacy_commune_code, ..., commune_code, ..., kind, is_default`: which legacy
///   commune became which new one (`merged`, or `divided` with one default target).
///
/// Codes alone do not identify a unit across the reform: the 2025 commune `00004` (Phường Ba
/// Đình) is not the 2024 commune `00004` (Phường Trúc Bạch). Every unit therefore carries its
/// era as `validFrom`/`validTo`, and `UnitEraKey` (code + first valid day) is what tells them
/// apart; a lookup "by code on a day" is unique because the eras do not overlap.
public enum OfficialUnitList {
    /// The first day of the two-tier government.
    public static let reformDay = CalendarDate(2025, 7, 1)
    /// The last day of the three-tier government.
    public static let lastLegacyDay = CalendarDate(2025, 6, 30)

    public enum Shape: String, Sendable {
        case twoLevel2025
        case threeLevel2024
    }

    /// Units read from a list, parents before children, and what was wrong.
    public struct Parsed: Sendable {
        public var shape: Shape
        public var provinces: [OrgUnit]
        public var districts: [OrgUnit]
        public var communes: [OrgUnit]
        /// Administrative type as written ("Phường", "Xã", "Đặc khu", "Huyện", "Thị xã"...),
        /// by unit code.
        public var typeNames: [String: String]
        public var errors: [DataValueCSV.RowError]

        /// Provinces, then districts, then communes: an order in which parents come first.
        public var units: [OrgUnit] { provinces + districts + communes }
        public var isValid: Bool { errors.isEmpty }
    }

    /// Reads either list, recognising it by its header.
    public static func parse(_ data: Data) throws(CSVError) -> Parsed {
        parse(try CSVReader.read(data))
    }

    public static func parse(_ table: CSVTable) -> Parsed {
        let keys = table.header.map(DataValueCSV.headerKey)
        let shape: Shape = keys.contains("districtcode") ? .threeLevel2024 : .twoLevel2025
        var parsed = Parsed(shape: shape, provinces: [], districts: [], communes: [], typeNames: [:], errors: [])
        let required = shape == .twoLevel2025
            ? ["provincecode", "provincename", "communecode", "communename", "communetype"]
            : ["provincecode", "provincename", "districtcode", "districtname", "districttype",
               "communecode", "communename", "communetype"]
        var col: [String: Int] = [:]
        for (i, k) in keys.enumerated() where col[k] == nil { col[k] = i }
        let missing = required.filter { col[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "'\(header(ofKey: $0))'" }.joined(separator: ", ")
            parsed.errors.append(DataValueCSV.RowError(line: 1, column: nil,
                                                       message: "thiếu cột \(names) của danh mục đơn vị hành chính"))
            return parsed
        }

        let validFrom: CalendarDate? = shape == .twoLevel2025 ? reformDay : nil
        let validTo: CalendarDate? = shape == .twoLevel2025 ? nil : lastLegacyDay
        var provinceNames: [String: (name: String, line: Int)] = [:]
        var districtNames: [String: (name: String, province: String, type: String, line: Int)] = [:]
        var communeLines: [String: Int] = [:]

        for r in table.records {
            func field(_ k: String) -> String { VNText.clean(r[col[k]!] ?? "") }
            func fail(_ k: String?, _ message: String) {
                parsed.errors.append(DataValueCSV.RowError(line: r.line, column: k.map { header(ofKey: $0) }, message: message))
            }
            let before = parsed.errors.count
            let pCode = field("provincecode"), pName = field("provincename")
            let cCode = field("communecode"), cName = field("communename"), cType = field("communetype")
            // Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo)
            // have a row with empty commune fields in the three-level list.
            let districtOnly = shape == .threeLevel2024 && cCode.isEmpty && cName.isEmpty && cType.isEmpty
            check(pCode, digits: 2, key: "provincecode", fail)
            if pName.isEmpty { fail("provincename", "chưa có tên tỉnh") }
            if !districtOnly {
                check(cCode, digits: 5, key: "communecode", fail)
                if cName.isEmpty { fail("communename", "chưa có tên xã") }
            }
            var dCode = "", dName = "", dType = ""
            if shape == .threeLevel2024 {
                dCode = field("districtcode"); dName = field("districtname"); dType = field("districttype")
                check(dCode, digits: 3, key: "districtcode", fail)
                if dName.isEmpty { fail("districtname", "chưa có tên huyện") }
            }
            guard parsed.errors.count == before else { continue }

            if let p = provinceNames[pCode] {
                if p.name != pName {
                    fail("provincename", "tỉnh mã \(pCode) có tên \"\(pName)\" khác với \"\(p.name)\" ở dòng \(p.line)")
                }
            } else {
                provinceNames[pCode] = (pName, r.line)
                parsed.provinces.append(OrgUnit(code: pCode, name: pName, kind: .province,
                                                validFrom: validFrom, validTo: validTo))
            }
            var parent = pCode
            if shape == .threeLevel2024 {
                if let d = districtNames[dCode] {
                    if d.name != dName || d.province != pCode {
                        fail("districtname", "huyện mã \(dCode) khác với khai báo ở dòng \(d.line)")
                    }
                } else {
                    districtNames[dCode] = (dName, pCode, dType, r.line)
                    parsed.districts.append(OrgUnit(code: dCode, name: dName, kind: .district, parentCode: pCode,
                                                    validFrom: validFrom, validTo: validTo))
                    if !dType.isEmpty { parsed.typeNames[dCode] = dType }
                }
                parent = dCode
            }
            if districtOnly { continue }
            if let line = communeLines[cCode] {
                fail("communecode", "mã xã \(cCode) trùng với dòng \(line)")
                continue
            }
            communeLines[cCode] = r.line
            parsed.communes.append(OrgUnit(code: cCode, name: cName, kind: .commune, parentCode: parent,
                                           validFrom: validFrom, validTo: validTo))
            if !cType.isEmpty { parsed.typeNames[cCode] = cType }
        }
        return parsed
    }

    private static func check(_ code: String, digits: Int, key: String, _ fail: (String?, String) -> Void) {
        if code.isEmpty {
            fail(key, "chưa có mã")
        } else if code.count != digits || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            fail(key, "mã \"\(code)\" phải gồm đúng \(digits) chữ số (giữ các số 0 ở đầu; trong Excel hãy định dạng cột là Văn bản)")
        }
    }

    private static func header(ofKey key: String) -> String {
        switch key {
        case "provincecode": "province_code"
        case "provincename": "province_name"
        case "districtcode": "district_code"
        case "districtname": "district_name"
        case "districttype": "district_type"
        case "communecode": "commune_code"
        case "communename": "commune_name"
        case "communetype": "commune_type"
        default: key
        }
    }
}

/// What identifies a unit across the 2025 reform: its code and the first day it is valid
/// (nil: since before the lists began). `00004@2025-07-01` is Phường Ba Đình,
/// `00004` (legacy, validTo 2025-06-30) is Phường Trúc Bạch.
public struct UnitEraKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var code: String
    public var validFrom: CalendarDate?

    public init(code: String, validFrom: CalendarDate?) {
        self.code = code
        self.validFrom = validFrom
    }

    public init(_ unit: OrgUnit) { self.init(code: unit.code, validFrom: unit.validFrom) }

    public var description: String { validFrom.map { "\(code)@\($0.iso)" } ?? code }

    public static func < (a: Self, b: Self) -> Bool {
        (a.code, a.validFrom?.iso ?? "") < (b.code, b.validFrom?.iso ?? "")
    }
}

/// The legacy → 2025 commune mapping (`unit-mapping-2024-2025.csv`).
public struct UnitMapping: Sendable {
    public struct Link: Hashable, Sendable {
        public var legacyCommuneCode: String
        public var communeCode: String
        /// `merged` or `divided`.
        public var kind: String
        /// For a divided commune: the one target that carries its history by default.
        public var isDefault: Bool
    }

    public var links: [Link]
    public var errors: [DataValueCSV.RowError]

    /// The 2025 commune that carries on a legacy commune (its default target).
    public func successor(ofLegacy code: String) -> String? {
        links.first { $0.legacyCommuneCode == code && $0.isDefault }?.communeCode
    }

    /// Legacy communes whose history a 2025 commune continues (all links, default or not).
    public func predecessors(of code: String) -> [String] {
        links.filter { $0.communeCode == code }.map(\.legacyCommuneCode)
    }

    public static func parse(_ data: Data) throws(CSVError) -> UnitMapping {
        parse(try CSVReader.read(data))
    }

    public static func parse(_ table: CSVTable) -> UnitMapping {
        let keys = table.header.map(DataValueCSV.headerKey)
        func index(_ k: String) -> Int? { keys.firstIndex(of: k) }
        guard let l = index("legacycommunecode"), let c = index("communecode"), let k = index("kind") else {
            return UnitMapping(links: [], errors: [DataValueCSV.RowError(
                line: 1, column: nil, message: "thiếu cột 'legacy_commune_code', 'commune_code' hoặc 'kind'")])
        }
        let d = index("isdefault")
        var links: [Link] = []
        var errors: [DataValueCSV.RowError] = []
        for r in table.records {
            let legacy = VNText.clean(r[l] ?? ""), code = VNText.clean(r[c] ?? ""), kind = VNText.clean(r[k] ?? "")
            guard legacy.count == 5, code.count == 5, ["merged", "divided"].contains(kind) else {
                errors.append(DataValueCSV.RowError(line: r.line, column: nil,
                                                    message: "dòng ánh xạ không hợp lệ (\(legacy) → \(code), \(kind))"))
                continue
            }
            let isDefault = d.map { ["1", "true"].contains(VNText.clean(r[$0] ?? "").lowercased()) } ?? true
            links.append(Link(legacyCommuneCode: legacy, communeCode: code, kind: kind, isDefault: isDefault))
        }
        return UnitMapping(links: links, errors: errors)
    }

    /// Legacy communes with `successorCode` set to their default 2025 commune.
    public func applyingSuccessors(to legacy: [OrgUnit]) -> [OrgUnit] {
        var next: [String: String] = [:]
        for link in links where link.isDefault && next[link.legacyCommuneCode] == nil {
            next[link.legacyCommuneCode] = link.communeCode
        }
        return legacy.map { u in
            var u = u
            if u.kind == .commune, let s = next[u.code] { u.successorCode = s }
            return u
        }
    }
}
