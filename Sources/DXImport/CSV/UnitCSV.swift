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
    enum Column: String, CaseIterable {
        case code, name, kind
        case parent = "parent_code"
        case validFrom = "valid_from"
        case validTo = "valid_to"
        case successor = "successor_code"

        var aliases: [String] {
            switch self {
            case .code: ["code", "ma", "madonvi", "unitcode"]
            case .name: ["name", "ten", "tendonvi"]
            case .kind: ["kind", "loai", "loaidonvi"]
            case .parent: ["parentcode", "parent", "macaptren"]
            case .validFrom: ["validfrom", "hieuluctu"]
            case .validTo: ["validto", "hieulucden"]
            case .successor: ["successorcode", "makethua"]
            }
        }
    }

    public struct Result: Sendable {
        public var units: [OrgUnit]
        public var errors: [DataValueCSV.RowError]
        public var warnings: [String]
    }

    /// Whether a header is ours rather than an official list's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(DataValueCSV.headerKey))
        return Column.code.aliases.contains(where: keys.contains) && Column.kind.aliases.contains(where: keys.contains)
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
        var errors: [DataValueCSV.RowError] = []
        var warnings: [String] = []
        var index: [Column: Int] = [:]
        for (i, h) in table.header.enumerated() {
            let key = DataValueCSV.headerKey(h)
            if let c = Column.allCases.first(where: { $0.aliases.contains(key) }) {
                if index[c] != nil { errors.append(.init(line: 1, column: h, message: "cột \(c.rawValue) xuất hiện hai lần")) }
                index[c] = i
            } else {
                warnings.append("Bỏ qua cột không dùng '\(h)'")
            }
        }
        for c in [Column.code, .name, .kind] where index[c] == nil {
            errors.append(.init(line: 1, column: nil, message: "thiếu cột '\(c.rawValue)'"))
        }
        guard errors.isEmpty else { return Result(units: [], errors: errors, warnings: warnings) }

        var units: [OrgUnit] = []
        var lines: [String: Int] = [:]
        for r in table.records {
            func field(_ c: Column) -> String? {
                guard let i = index[c], let f = r[i] else { return nil }
                let t = VNText.clean(f)
                return t.isEmpty ? nil : t
            }
            let before = errors.count
            func fail(_ c: Column, _ message: String) {
                errors.append(.init(line: r.line, column: index[c].map { table.header[$0] }, message: message))
            }
            func date(_ c: Column) -> CalendarDate? {
                guard let t = field(c) else { return nil }
                if let d = CalendarDate(iso: t) ?? VNDate.parse(t) { return d }
                fail(c, "\"\(t)\" không phải là ngày (2025-07-01 hoặc 01/07/2025)")
                return nil
            }
            let code = field(.code), name = field(.name)
            if code == nil { fail(.code, "chưa có mã đơn vị") }
            if name == nil { fail(.name, "chưa có tên đơn vị") }
            var k: UnitKind?
            if let t = field(.kind) {
                k = kind(t)
                if k == nil { fail(.kind, "loại đơn vị \"\(t)\" không hợp lệ (province, department, district, commune, other)") }
            } else {
                fail(.kind, "chưa có loại đơn vị")
            }
            let from = date(.validFrom), to = date(.validTo)
            if let from, let to, to < from { fail(.validTo, "ngày hết hiệu lực trước ngày bắt đầu hiệu lực") }
            if let code, let first = lines[code] { fail(.code, "mã \(code) trùng với dòng \(first)") }
            guard errors.count == before, let code, let name, let k else { continue }
            lines[code] = r.line
            units.append(OrgUnit(code: code, name: name, kind: k, parentCode: field(.parent), validFrom: from, validTo: to,
                                 successorCode: field(.successor)))
        }
        return Result(units: parentsFirst(units), errors: errors, warnings: warnings)
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
        var rows = [Column.allCases.map(\.rawValue)]
        for u in units {
            rows.append([u.code, u.name, u.kind.rawValue, u.parentCode ?? "", u.validFrom?.iso ?? "", u.validTo?.iso ?? "", u.successorCode ?? ""])
        }
        return "\u{FEFF}" + CSVReader.write(rows)
    }
}
