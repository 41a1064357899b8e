import DXCore
import Foundation

/// Organisation units as CSV, for `dxtrack import units` and `dxtrack export units`; the
/// official lists (`OfficialUnitList`) are recognised by their own headers.
///
/// | column | required | aliases |
/// |---|---|---|
/// | `code` | yes | `ma`, `ma don vi`, `unit_code` |
/// | `name` | yes | `ten`, `ten don vi` |
/// | `kind` | yes | `loai` — `province`, `department`, `district`, `commune`, `other`, or the Vietnamese `tỉnh`, `sở`, `huyện`, `xã`, `khác` |
/// | `parent_code` | | `ma cap tren`, `parent` |
/// | `valid_from`, `valid_to` | | `hieu luc tu`, `hieu luc den` — `2025-07-01` or `01/07/2025` |
/// | `successor_code` | | `ma ke thua` |
///
/// Parents come before their children in the result, whatever the order of the file.
public enum UnitCSV {
    static let columns = SetupCSV.columns(
        ["code", "name", "kind", "parent_code", "valid_from", "valid_to", "successor_code"], required: ["code", "name", "kind"],
        aliases: ["code": ["ma", "madonvi", "unitcode"], "name": ["ten", "tendonvi"], "kind": ["loai", "loaidonvi"],
                  "parent_code": ["parent", "macaptren"], "valid_from": ["hieuluctu"], "valid_to": ["hieulucden"],
                  "successor_code": ["makethua"]])

    public struct Result: Sendable {
        public var units: [OrgUnit]
        public var errors: [DataValueCSV.RowError]
        public var warnings: [String]
    }

    /// Whether a header is ours rather than an official list's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(DataValueCSV.headerKey))
        return ["code", "kind"].allSatisfy { name in
            columns.columns.first { $0.name == name }.map { c in keys.contains(DataValueCSV.headerKey(c.name)) || c.aliases.contains(where: keys.contains) } ?? false
        }
    }

    static func kind(_ text: String) -> UnitKind? {
        if let k = UnitKind(rawValue: text.lowercased()) { return k }
        switch VNText.searchKey(text) {
        case "tinh", "thanh pho truc thuoc trung uong", "tinh, thanh pho": return .province
        case "so", "so, ban, nganh", "co quan", "ban", "nganh": return .department
        case "huyen", "quan", "thi xa", "thanh pho thuoc tinh": return .district
        case "xa", "phuong", "thi tran", "dac khu": return .commune
        case "khac": return .other
        default: return nil
        }
    }

    public static func read(_ table: CSVTable) -> Result {
        var lines: [String: Int] = [:]
        let r = SetupCSV.read(table, columns) { c, r, errors -> OrgUnit? in
            func date(_ name: String) -> CalendarDate? {
                guard let t = c.field(r, name) else { return nil }
                if let d = CalendarDate(iso: t) ?? VNDate.parse(t) { return d }
                errors.append(c.error(r, name, "\"\(t)\" không phải là ngày (2025-07-01 hoặc 01/07/2025)"))
                return nil
            }
            let code = c.field(r, "code"), name = c.field(r, "name")
            if code == nil { errors.append(c.error(r, "code", "chưa có mã đơn vị")) }
            if name == nil { errors.append(c.error(r, "name", "chưa có tên đơn vị")) }
            var k: UnitKind?
            if let t = c.field(r, "kind") {
                k = kind(t)
                if k == nil { errors.append(c.error(r, "kind", "loại đơn vị \"\(t)\" không hợp lệ (province, department, district, commune, other)")) }
            } else {
                errors.append(c.error(r, "kind", "chưa có loại đơn vị"))
            }
            let from = date("valid_from"), to = date("valid_to")
            if let from, let to, to < from { errors.append(c.error(r, "valid_to", "ngày hết hiệu lực trước ngày bắt đầu hiệu lực")) }
            if let code, let first = lines[code] { errors.append(c.error(r, "code", "mã \(code) trùng với dòng \(first)")) }
            guard let code, let name, let k else { return nil }
            if lines[code] == nil { lines[code] = r.line }
            return OrgUnit(code: code, name: name, kind: k, parentCode: c.field(r, "parent_code"), validFrom: from, validTo: to,
                           successorCode: c.field(r, "successor_code"))
        }
        return Result(units: parentsFirst(r.items), errors: r.errors, warnings: r.warnings)
    }

    /// Parents before children; units whose parent is not in the list keep their place first.
    static func parentsFirst(_ units: [OrgUnit]) -> [OrgUnit] {
        let inFile = Set(units.map(\.code))
        var placed: Set<String> = []
        var out: [OrgUnit] = []
        var rest = units
        while !rest.isEmpty {
            let ready = rest.filter { u in u.parentCode.map { !inFile.contains($0) || placed.contains($0) } ?? true }
            // A cycle: keep the file's order and let the store report the unknown parent.
            guard !ready.isEmpty else { return out + rest }
            out += ready
            placed.formUnion(ready.map(\.code))
            let readyCodes = Set(ready.map(\.code))
            rest.removeAll { readyCodes.contains($0.code) }
        }
        return out
    }

    public static func write(_ units: [OrgUnit]) -> String {
        SetupCSV.rows(columns, units.map { u in
            [u.code, u.name, u.kind.rawValue, u.parentCode ?? "", u.validFrom?.iso ?? "", u.validTo?.iso ?? "", u.successorCode ?? ""]
        })
    }
}
