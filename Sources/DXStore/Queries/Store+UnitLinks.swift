import DXCore
import FluentKit
import Foundation

/// The links between unit versions as rows of a change file (`date, change, from_codes,
/// to_codes, share, name`), so that `dxtrack export unit-links` and `import unit-links` carry a
/// database's history beside `export units`, which carries the versions themselves. A row's
/// predecessors are the versions of its codes that end the day before `date`; its successors
/// the versions valid on `date` (of `to_codes`; of the unit itself for a move, whose `to_codes`
/// is the new parent, as in `import unit-changes`).
extension Store {
    /// One row per closed version and kind of change, its default successor first.
    public func unitLinkChanges() async throws -> [UnitChange] {
        let rows = try await UnitModel.query(on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r) } })
        let links = try await UnitLinkModel.query(on: db).all()
        struct Key: Hashable { var predecessor: UUID, kind: String, effective: String }
        let groups = Dictionary(grouping: links) { Key(predecessor: $0.$predecessor.id, kind: $0.kind, effective: $0.effective) }
        var out: [UnitChange] = []
        for (key, group) in groups {
            guard let from = byID[key.predecessor], let kind = UnitChangeKind(rawValue: key.kind),
                  let date = CalendarDate(iso: key.effective) else { continue }
            let ordered = group.compactMap { l in byID[l.$successor.id].map { (link: l, unit: $0) } }
                .sorted { ($0.link.isDefault ? 0 : 1, $0.unit.code) < ($1.link.isDefault ? 0 : 1, $1.unit.code) }
            guard let first = ordered.first else { continue }
            var c = UnitChange(line: 0, date: date, kind: kind, fromCodes: [from.code], toCodes: ordered.map(\.unit.code))
            switch kind {
            case .divide:
                if ordered.contains(where: { $0.link.share != nil }) { c.shares = ordered.map(\.link.share) }
                c.defaultTo = ordered.first { $0.link.isDefault }?.unit.code
            case .rename:
                if first.unit.name != from.name { c.name = first.unit.name }
            case .move:
                c.toCodes = first.unit.$parent.id.flatMap { byID[$0]?.code }.map { [$0] } ?? []
            case .merge, .abolish:
                break
            }
            out.append(c)
        }
        return out.sorted { ($0.date.iso, $0.fromCodes.joined(separator: ";"), $0.kind.rawValue) < ($1.date.iso, $1.fromCodes.joined(separator: ";"), $1.kind.rawValue) }
    }

    /// Links between versions that exist already (`import units` of a file with validity
    /// first): each row's links created, or updated when their share or default differ; every
    /// row checked, nothing written when one fails or on a dry run. Unlike `applyUnitChanges`
    /// it neither closes nor opens versions, so importing the same file again changes nothing.
    public func importUnitLinks(_ changes: [UnitChange], dryRun: Bool) async throws -> ImportOutcome {
        try await transfer(dryRun: dryRun) { s in try await s.writeUnitLinks(changes) }
    }

    private func writeUnitLinks(_ changes: [UnitChange]) async throws -> ImportOutcome {
        let rows = try await UnitModel.query(on: db).all()
        var byCode: [String: [UnitModel]] = [:]
        for r in rows { byCode[r.code, default: []].append(r) }
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r) } })
        var stored: [UUID: [UUID: UnitLinkModel]] = [:]
        for l in try await UnitLinkModel.query(on: db).all() { stored[l.$predecessor.id, default: [:]][l.$successor.id] = l }
        var o = ImportOutcome()
        var created: [UnitLinkModel] = [], updated: [UnitLinkModel] = []
        var seen: [String: Int] = [:]
        let batch = UUID()
        for c in changes {
            let before = o.errors.count
            func fail(_ m: String) { o.errors.append("Dòng \(c.line): \(m)") }
            let last = c.date.adding(days: -1)
            func version(_ code: String, _ test: (UnitModel) -> Bool, _ missing: String) -> UnitModel? {
                guard let all = byCode[code] else { fail("không có đơn vị mã \(code)"); return nil }
                guard let v = all.first(where: test) else { fail("đơn vị \(code) \(missing)"); return nil }
                return v
            }
            guard !c.fromCodes.isEmpty else { fail("chưa có đơn vị tiền thân (from_codes)"); continue }
            let froms = c.fromCodes.compactMap { code in
                version(code, { $0.to == last }, "không có phiên bản kết thúc hiệu lực ngày \(last.day)/\(last.month)/\(last.year) (nhập đơn vị có ngày hiệu lực trước)")
            }
            let validOnDay = { (r: UnitModel) in r.version.isValid(on: c.date) }
            let missingOnDay = "không có hiệu lực ngày \(c.date.day)/\(c.date.month)/\(c.date.year)"
            var targets: [[UnitModel]] = []
            switch c.kind {
            case .merge, .divide:
                if c.toCodes.isEmpty { fail("chưa có đơn vị kế thừa (to_codes)") }
                if c.kind == .merge, c.toCodes.count > 1 { fail("sáp nhập cần đúng một đơn vị kế thừa (to_codes)") }
                let to = c.toCodes.compactMap { version($0, validOnDay, missingOnDay) }
                targets = froms.map { _ in to }
            case .rename:
                targets = c.fromCodes.map { from in [version(c.toCodes.first ?? from, validOnDay, missingOnDay)].compactMap { $0 } }
            case .move:
                targets = c.fromCodes.map { from in
                    guard let v = version(from, validOnDay, missingOnDay) else { return [] }
                    let parent = v.$parent.id.flatMap { byID[$0]?.code }
                    if let p = c.toCodes.first, parent != p { fail("đơn vị \(from) từ ngày \(c.date.day)/\(c.date.month)/\(c.date.year) không thuộc \(p)") }
                    return [v]
                }
            case .abolish:
                targets = froms.map { _ in [] }
            }
            var shares: [Double?] = c.toCodes.map { _ in c.kind == .divide ? nil : 1 }
            if c.kind == .divide, !c.shares.isEmpty {
                if c.shares.count != c.toCodes.count {
                    fail("có \(c.toCodes.count) đơn vị nhận nhưng \(c.shares.count) tỷ lệ (share)")
                } else if c.shares.contains(where: { $0.map { !($0 > 0 && $0 <= 1) } ?? false }) {
                    fail("tỷ lệ (share) phải lớn hơn 0 và không quá 1")
                } else if !c.shares.contains(nil), abs(c.shares.compactMap { $0 }.reduce(0, +) - 1) > 0.001 {
                    fail("tổng các tỷ lệ (share) là \(VNNumber.format(c.shares.compactMap { $0 }.reduce(0, +), fractionDigits: 3)), phải bằng 1")
                } else {
                    shares = c.shares
                }
            }
            if let d = c.defaultTo, !c.toCodes.contains(d) { fail("đơn vị kế thừa mặc định \(d) không nằm trong to_codes") }
            guard o.errors.count == before else { continue }
            let main = c.defaultTo ?? c.toCodes.first
            for (from, tos) in zip(froms, targets) {
                for (i, to) in tos.enumerated() {
                    guard let pid = from.id, let sid = to.id, pid != sid else { continue }
                    let pair = "\(pid) \(sid)"
                    if let line = seen[pair] {
                        fail("liên kết \(from.code) → \(to.code) đã có ở dòng \(line)")
                        continue
                    }
                    seen[pair] = c.line
                    let isDefault = [.merge, .divide].contains(c.kind) ? to.code == main : true
                    let share = [.merge, .divide].contains(c.kind) ? shares[i] : 1
                    if let other = stored[pid]?.values.first(where: { $0.isDefault && $0.$successor.id != sid }), isDefault {
                        fail("đơn vị \(from.code) đã có đơn vị kế thừa mặc định \(byID[other.$successor.id]?.code ?? "?")")
                        continue
                    }
                    if let l = stored[pid]?[sid] {
                        if l.kind == c.kind.rawValue, l.effective == c.date.iso, l.share == share, l.isDefault == isDefault {
                            o.unchanged += 1
                        } else {
                            l.kind = c.kind.rawValue
                            l.effective = c.date.iso
                            l.share = share
                            l.isDefault = isDefault
                            updated.append(l)
                            o.updated += 1
                        }
                        continue
                    }
                    let m = UnitLinkModel()
                    m.$predecessor.id = pid
                    m.$successor.id = sid
                    m.kind = c.kind.rawValue
                    m.effective = c.date.iso
                    m.share = share
                    m.isDefault = isDefault
                    m.batchID = batch
                    created.append(m)
                    stored[pid, default: [:]][sid] = m
                    o.created += 1
                }
            }
        }
        guard o.errors.isEmpty else { return o }
        for chunk in stride(from: 0, to: created.count, by: 500) {
            try await Array(created[chunk..<min(chunk + 500, created.count)]).create(on: db)
        }
        for l in updated { try await l.update(on: db) }
        return o
    }
}
