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
/// A row is one version of a unit: a code may appear on several rows whose validity periods
/// share no day (the old and the new Hưng Yên, 33), each a version of its own; without
/// validity columns a code appears once. Parents come before their children in the result,
/// whatever the order of the file.
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
        // The rows read so far of each code: a code may come back for another period (a unit
        // with history), never for one that shares a day with an earlier row.
        var versions: [String: [(line: Int, from: CalendarDate?, to: CalendarDate?)]] = [:]
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
            let dated = from == nil || to == nil || from! <= to!
            if let code, dated, let clash = versions[code]?.first(where: { UnitVersion.overlap($0.from, $0.to, from, to) }) {
                if clash.from == nil, clash.to == nil, from == nil, to == nil {
                    errors.append(c.error(r, "code", "mã \(code) trùng với dòng \(clash.line)"))
                } else {
                    errors.append(c.error(r, "valid_from", "mã \(code) (\(UnitVersion.span(from, to))) trùng thời gian hiệu lực với dòng \(clash.line) (\(UnitVersion.span(clash.from, clash.to)))"))
                }
            }
            guard let code, let name, let k else { return nil }
            versions[code, default: []].append((r.line, from, to))
            return OrgUnit(code: code, name: name, kind: k, parentCode: c.field(r, "parent_code"), validFrom: from, validTo: to,
                           successorCode: c.field(r, "successor_code"))
        }
        return Result(units: parentsFirst(r.items), errors: r.errors, warnings: r.warnings)
    }

    /// A JSON file's units under a CSV file's rule: versions of one code share no day; parents
    /// first. Errors name the items by number, counted from 1.
    public static func versions(_ units: [OrgUnit]) -> (units: [OrgUnit], errors: [String]) {
        var seen: [String: [Int]] = [:]
        var errors: [String] = []
        for (i, u) in units.enumerated() {
            if let j = seen[u.code]?.first(where: { UnitVersion.overlap(units[$0].validFrom, units[$0].validTo, u.validFrom, u.validTo) }) {
                errors.append("Mục \(i + 1): mã \(u.code) (\(UnitVersion.span(u.validFrom, u.validTo))) trùng thời gian hiệu lực với mục \(j + 1) (\(UnitVersion.span(units[j].validFrom, units[j].validTo)))")
            }
            seen[u.code, default: []].append(i)
        }
        return (parentsFirst(units), errors)
    }

    /// Parents before children; units whose parent is not in the list keep their place first.
    /// A child waits for every version of its parent's code in the list, so the store finds the
    /// version valid on the child's first day whichever it is.
    static func parentsFirst(_ units: [OrgUnit]) -> [OrgUnit] {
        var pending: [String: Int] = [:]
        for u in units { pending[u.code, default: 0] += 1 }
        var out: [OrgUnit] = []
        var rest = units
        while !rest.isEmpty {
            let ready = rest.indices.filter { i in rest[i].parentCode.map { p in p == rest[i].code || (pending[p] ?? 0) == 0 } ?? true }
            // A cycle: keep the file's order and let the store report the unknown parent.
            guard !ready.isEmpty else { return out + rest }
            let readySet = Set(ready)
            out += ready.map { rest[$0] }
            for i in ready { pending[rest[i].code]! -= 1 }
            rest = rest.indices.filter { !readySet.contains($0) }.map { rest[$0] }
        }
        return out
    }

    public static func write(_ units: [OrgUnit]) -> String {
        SetupCSV.rows(columns, units.map { u in
            [u.code, u.name, u.kind.rawValue, u.parentCode ?? "", u.validFrom?.iso ?? "", u.validTo?.iso ?? "", u.successorCode ?? ""]
        })
    }
}
