import DXCore
import Foundation

/// A file of unit changes, in either of two shapes:
///
/// - the official mapping (`legacy_commune_code, …, commune_code, …, kind, is_default`, with
///   the provinces of both sides): every legacy commune merged into or divided among new ones
///   on 1/7/2025, every legacy province into its new province, and every district abolished;
/// - the generic shape `date, change, from_codes, to_codes, share[, name]`: one change a row,
///   codes separated by `;`, a share per target for a division (`0,6;0,4` or `60%;40%`).
public enum UnitChangeFile {
    public struct Parsed: Sendable {
        public var changes: [UnitChange] = []
        /// The official mapping abolishes the districts on the reform day.
        public var abolishesDistrictsOn: CalendarDate?
        public var isOfficialMapping = false
        public var errors: [DataValueCSV.RowError] = []
        public var isValid: Bool { errors.isEmpty }
    }

    public static func parse(_ data: Data) throws(CSVError) -> Parsed {
        parse(try CSVReader.read(data))
    }

    public static func parse(_ table: CSVTable) -> Parsed {
        let keys = table.header.map(DataValueCSV.headerKey)
        var col: [String: Int] = [:]
        for (i, k) in keys.enumerated() where col[k] == nil { col[k] = i }
        if col["legacycommunecode"] != nil { return mapping(table, col) }
        return generic(table, col)
    }

    private static func mapping(_ table: CSVTable, _ col: [String: Int]) -> Parsed {
        var p = Parsed(isOfficialMapping: true)
        let needed = ["legacycommunecode", "communecode", "kind", "legacyprovincecode", "provincecode"]
        let missing = needed.filter { col[$0] == nil }
        guard missing.isEmpty else {
            p.errors.append(.init(line: 1, column: nil, message: "thiếu cột \(missing.joined(separator: ", ")) của bảng ánh xạ đơn vị"))
            return p
        }
        let day = OfficialUnitList.reformDay
        // Each legacy commune once, with all its targets; each legacy province with its new ones.
        var communes: [(code: String, line: Int, kind: String, to: [String], defaultTo: String?)] = []
        var communeIndex: [String: Int] = [:]
        var provinces: [(code: String, line: Int, to: [String: Int])] = []
        var provinceIndex: [String: Int] = [:]
        for r in table.records {
            func field(_ k: String) -> String { col[k].flatMap { r[$0] }.map(VNText.clean) ?? "" }
            let legacy = field("legacycommunecode"), code = field("communecode"), kind = field("kind")
            let lp = field("legacyprovincecode"), np = field("provincecode")
            let isDefault = ["1", "true", "yes", "có"].contains(field("isdefault").lowercased())
            guard !legacy.isEmpty, !code.isEmpty, !lp.isEmpty, !np.isEmpty else {
                p.errors.append(.init(line: r.line, column: nil, message: "thiếu mã xã hoặc mã tỉnh"))
                continue
            }
            guard kind == "merged" || kind == "divided" else {
                p.errors.append(.init(line: r.line, column: "kind", message: "\"\(kind)\" không phải merged hay divided"))
                continue
            }
            if let i = communeIndex[legacy] {
                if communes[i].kind != kind || kind == "merged" {
                    p.errors.append(.init(line: r.line, column: "legacy_commune_code",
                                          message: "xã \(legacy) bị đóng hai lần (đã có ở dòng \(communes[i].line))"))
                    continue
                }
                communes[i].to.append(code)
                if isDefault { communes[i].defaultTo = code }
            } else {
                communeIndex[legacy] = communes.count
                communes.append((legacy, r.line, kind, [code], isDefault || kind == "merged" ? code : nil))
            }
            if let i = provinceIndex[lp] {
                provinces[i].to[np, default: 0] += 1
            } else {
                provinceIndex[lp] = provinces.count
                provinces.append((lp, r.line, [np: 1]))
            }
        }
        for c in communes {
            p.changes.append(UnitChange(line: c.line, date: day, kind: c.kind == "merged" ? .merge : .divide,
                                        fromCodes: [c.code], toCodes: c.to, defaultTo: c.defaultTo))
        }
        for pr in provinces {
            let targets = pr.to.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            p.changes.append(UnitChange(line: pr.line, date: day, kind: targets.count == 1 ? .merge : .divide,
                                        fromCodes: [pr.code], toCodes: targets, defaultTo: targets.first))
        }
        p.abolishesDistrictsOn = day
        return p
    }

    private static func generic(_ table: CSVTable, _ col: [String: Int]) -> Parsed {
        var p = Parsed()
        let missing = ["date", "change", "fromcodes"].filter { col[$0] == nil }
        guard missing.isEmpty else {
            p.errors.append(.init(line: 1, column: nil, message:
                "thiếu cột \(missing.joined(separator: ", ")): tệp cần các cột date, change, from_codes, to_codes, share (và name khi đổi tên), hoặc là bảng ánh xạ chính thức"))
            return p
        }
        for r in table.records {
            func field(_ k: String) -> String { col[k].flatMap { r[$0] }.map(VNText.clean) ?? "" }
            let before = p.errors.count
            func fail(_ column: String, _ m: String) { p.errors.append(.init(line: r.line, column: column, message: m)) }
            let date = VNDate.parse(field("date")) ?? CalendarDate(iso: field("date"))
            if date == nil { fail("date", "\"\(field("date"))\" không phải ngày (ví dụ 2025-07-01 hoặc 01/07/2025)") }
            let kind = UnitChangeKind(word: field("change"))
            if kind == nil { fail("change", "\"\(field("change"))\" không phải merge, divide, rename, move hay abolish") }
            let from = codes(field("fromcodes")), to = codes(field("tocodes"))
            var shares: [Double?] = []
            for s in codes(field("share")) {
                let percent = s.hasSuffix("%")
                guard let x = VNNumber.parse(s) else { fail("share", "\"\(s)\" không phải số"); continue }
                shares.append(percent ? x / 100 : x)
            }
            guard p.errors.count == before, let date, let kind else { continue }
            let name = field("name")
            p.changes.append(UnitChange(line: r.line, date: date, kind: kind, fromCodes: from, toCodes: to,
                                        shares: shares, name: name.isEmpty ? nil : name))
        }
        return p
    }

    /// Changes in the generic shape, as `parse` reads them back: codes joined by `;`, shares
    /// with a decimal comma (`0,6;0,4`), exactly as stored.
    public static func write(_ changes: [UnitChange]) -> String {
        func share(_ x: Double?) -> String {
            guard let x else { return "" }
            return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)".replacingOccurrences(of: ".", with: ",")
        }
        let header = ["date", "change", "from_codes", "to_codes", "share", "name"]
        let rows = changes.map { c in
            [c.date.iso, c.kind.rawValue, c.fromCodes.joined(separator: ";"), c.toCodes.joined(separator: ";"),
             c.shares.isEmpty ? "" : c.shares.map(share).joined(separator: ";"), c.name ?? ""]
        }
        return "\u{FEFF}" + CSVReader.write([header] + rows)
    }

    private static func codes(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { VNText.clean(String($0)) }.filter { !$0.isEmpty }
    }
}
