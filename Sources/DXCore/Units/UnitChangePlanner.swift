import Foundation

/// What a change file does to the stored versions, worked out before anything is written:
/// versions to close, versions to open, links from each closed version to its successors,
/// and every row's problem as "Dòng N: …". The store writes the plan only when `errors` is empty.
public struct UnitChangePlan: Sendable {
    /// New last day by version.
    public var closures: [UUID: CalendarDate] = [:]
    /// Versions to create, each after its parent.
    public var created: [UnitVersion] = []
    public var links: [UnitLink] = []
    public var errors: [String] = []
    /// Open units left under a closed parent that no row settles (a merged province's
    /// departments until a coordinator says which new department continues each).
    public var unsettled: [UnitVersion] = []
    public var rows = 0
    /// Versions this plan ends (their last day may have been set already by a dated list).
    public var ended = 0
}

/// Applies change rows in file order to an in-memory copy of the versions.
public struct UnitChangePlanner {
    private var versions: [UUID: UnitVersion]
    private var byCode: [String: [UUID]] = [:]
    private var children: [UUID: [UUID]] = [:]
    /// The successor that carries on each closed version (stored links, then this plan's).
    private var defaultSuccessor: [UUID: UUID]
    private var closedAt: [UUID: Int] = [:]
    private var targetedAt: [UUID: Int] = [:]
    public private(set) var plan = UnitChangePlan()

    /// `versions`: every stored version; `defaultSuccessors`: stored links that carry work on,
    /// so a version that has one was already replaced.
    public init(versions: [UnitVersion], defaultSuccessors: [UUID: UUID]) {
        self.versions = Dictionary(versions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        defaultSuccessor = defaultSuccessors
        for v in versions {
            byCode[v.code, default: []].append(v.id)
            if let p = v.parentID { children[p, default: []].append(v.id) }
        }
    }

    public static func plan(_ changes: [UnitChange], versions: [UnitVersion], defaultSuccessors: [UUID: UUID],
                            abolishingAll kind: UnitKind? = nil, on day: CalendarDate? = nil) -> UnitChangePlan {
        var p = UnitChangePlanner(versions: versions, defaultSuccessors: defaultSuccessors)
        for c in changes { p.apply(c) }
        if let kind, let day { p.abolishAll(kind, on: day) }
        p.findUnsettled(changes.map(\.date) + (day.map { [$0] } ?? []))
        return p.plan
    }

    // MARK: rows

    public mutating func apply(_ c: UnitChange) {
        plan.rows += 1
        let before = plan.errors.count
        func fail(_ m: String) { plan.errors.append("Dòng \(c.line): \(m)") }
        guard !c.fromCodes.isEmpty else { return fail("chưa có đơn vị bị \(c.kind.labelVI) (from_codes)") }
        // A code may be both a predecessor and a successor (the day before and the day of the
        // change it names two units, or one going on as a new version); twice on one side, never.
        if let dup = duplicate(c.fromCodes) ?? duplicate(c.toCodes) {
            return fail("mã \(dup) được ghi hai lần trong cùng một dòng")
        }
        let froms = c.fromCodes.compactMap { predecessor($0, c) }
        guard froms.count == c.fromCodes.count else { return }
        switch c.kind {
        case .merge:
            guard c.toCodes.count == 1 else { return fail("sáp nhập cần đúng một đơn vị kế thừa (to_codes)") }
            if !c.shares.isEmpty, c.shares.contains(where: { $0 != nil && $0 != 1 }) {
                return fail("sáp nhập chuyển toàn bộ đơn vị: tỷ lệ (share) phải để trống hoặc bằng 1")
            }
            let code = c.toCodes[0]
            let target: UnitVersion
            if let into = froms.first(where: { $0.code == code }), [nil, into.id].contains(validVersion(code, on: c.date)?.id) {
                // Merged into one of its own units: that unit goes on as a new version.
                guard let t = open(copying: into, code: code, name: c.name ?? into.name, parentID: parentOn(into, c.date), c) else { return }
                target = t
            } else {
                guard let t = successor(code, c) else { return }
                target = t
            }
            guard plan.errors.count == before else { return }
            for f in froms where f.id != target.id { close(f, c, [(target, 1, true)]) }
        case .divide:
            guard c.fromCodes.count == 1 else { return fail("chia tách chỉ một đơn vị mỗi dòng (from_codes)") }
            guard !c.toCodes.isEmpty else { return fail("chia tách cần các đơn vị nhận (to_codes)") }
            let shares = c.shares.isEmpty ? Array(repeating: nil, count: c.toCodes.count) : c.shares
            guard shares.count == c.toCodes.count else {
                return fail("có \(c.toCodes.count) đơn vị nhận nhưng \(c.shares.count) tỷ lệ (share)")
            }
            let given = shares.compactMap { $0 }
            if given.contains(where: { !($0 > 0 && $0 <= 1) }) { return fail("tỷ lệ (share) phải lớn hơn 0 và không quá 1") }
            if !given.isEmpty, given.count != shares.count { return fail("ghi tỷ lệ cho mọi đơn vị nhận hoặc để trống tất cả") }
            if !given.isEmpty, abs(given.reduce(0, +) - 1) > 0.001 {
                return fail("tổng các tỷ lệ (share) là \(VNNumber.format(given.reduce(0, +), fractionDigits: 3)), phải bằng 1")
            }
            if let d = c.defaultTo, !c.toCodes.contains(d) { return fail("đơn vị kế thừa mặc định \(d) không nằm trong to_codes") }
            let targets = c.toCodes.compactMap { successor($0, c) }
            guard targets.count == c.toCodes.count, plan.errors.count == before else { return }
            let main = c.defaultTo ?? c.toCodes[0]
            close(froms[0], c, zip(targets, shares).map { ($0, $1, $0.code == main) })
        case .rename:
            guard c.fromCodes.count == 1, c.toCodes.count <= 1 else { return fail("đổi tên một đơn vị mỗi dòng, to_codes là mã mới nếu có") }
            let old = froms[0]
            let code = c.toCodes.first ?? old.code
            let name = c.name.map(VNText.clean) ?? old.name
            guard code != old.code || name != old.name else { return fail("đổi tên cần tên mới (cột name) hoặc mã mới (to_codes)") }
            guard let t = open(copying: old, code: code, name: name, parentID: parentOn(old, c.date), c) else { return }
            close(old, c, [(t, 1, true)])
        case .move:
            guard c.toCodes.count == 1 else { return fail("chuyển cần đúng một đơn vị cấp trên mới (to_codes)") }
            guard let parent = successor(c.toCodes[0], c) else { return }
            for f in froms {
                if parent.code == f.code || ancestors(of: parent.id).contains(where: { $0.code == f.code }) {
                    return fail("vòng lặp: chuyển \(f.code) vào \(parent.code), đơn vị nằm trong chính nó")
                }
            }
            for f in froms {
                guard let t = open(copying: f, code: f.code, name: f.name, parentID: parent.id, c) else { return }
                close(f, c, [(t, 1, true)])
            }
        case .abolish:
            guard c.toCodes.count <= 1 else { return fail("giải thể: to_codes là đơn vị nhận những gì còn lại, nhiều nhất một") }
            let receiver = c.toCodes.first.flatMap { successor($0, c) }
            if !c.toCodes.isEmpty, receiver == nil { return }
            for f in froms {
                close(f, c, [])
                if let r = receiver ?? parentOn(f, c.date).flatMap({ versions[$0] }) {
                    moveOpenChildren(of: f, to: r.id, c)
                }
            }
        }
    }

    /// Every unit of a kind valid the day before `day` ends; what it still holds goes to its
    /// parent's successor (the 2025 reform's districts).
    public mutating func abolishAll(_ kind: UnitKind, on day: CalendarDate) {
        let last = day.adding(days: -1)
        let targets = versions.values.filter { $0.kind == kind && $0.isValid(on: last) && closedAt[$0.id] == nil }
            .sorted { $0.code < $1.code }
        let c = UnitChange(line: 1, date: day, kind: .abolish, fromCodes: [], toCodes: [])
        for v in targets {
            guard defaultSuccessor[v.id] == nil else { continue }
            close(v, c, [])
            if let r = parentOn(v, day) { moveOpenChildren(of: v, to: r, c) }
        }
    }

    // MARK: lookups

    private func duplicate(_ codes: [String]) -> String? {
        var seen: Set<String> = []
        return codes.first { !seen.insert($0).inserted }
    }

    private func date(_ d: CalendarDate) -> String { "\(d.day)/\(d.month)/\(d.year)" }

    /// The version a code names the day before the change; it must not be closed already.
    private mutating func predecessor(_ code: String, _ c: UnitChange) -> UnitVersion? {
        let last = c.date.adding(days: -1)
        let all = (byCode[code] ?? []).compactMap { versions[$0] }
        guard !all.isEmpty else {
            plan.errors.append("Dòng \(c.line): không có đơn vị mã \(code)")
            return nil
        }
        guard let v = all.first(where: { $0.isValid(on: last) }) else {
            if let ended = all.compactMap(\.validTo).filter({ $0 < last }).max() {
                plan.errors.append("Dòng \(c.line): đơn vị \(code) đã đóng từ ngày \(date(ended)), không thể đóng lần nữa")
            } else {
                plan.errors.append("Dòng \(c.line): đơn vị \(code) chưa có hiệu lực ngày \(date(last))")
            }
            return nil
        }
        if let line = closedAt[v.id] {
            plan.errors.append("Dòng \(c.line): đơn vị \(code) bị đóng hai lần (đã đóng ở dòng \(line))")
            return nil
        }
        if defaultSuccessor[v.id] != nil {
            plan.errors.append("Dòng \(c.line): đơn vị \(code) đã được thay thế từ trước, không thể đóng lần nữa")
            return nil
        }
        return v
    }

    /// The version a code names on the change's day: a successor or a new parent.
    private mutating func successor(_ code: String, _ c: UnitChange) -> UnitVersion? {
        let all = (byCode[code] ?? []).compactMap { versions[$0] }
        if let v = all.first(where: { $0.isValid(on: c.date) }) {
            targetedAt[v.id] = targetedAt[v.id] ?? c.line
            return v
        }
        if let closed = all.first(where: { closedAt[$0.id] != nil && $0.validTo == c.date.adding(days: -1) }),
           let line = closedAt[closed.id] {
            plan.errors.append("Dòng \(c.line): vòng lặp: \(code) đã bị đóng ở dòng \(line) nên không thể là đơn vị kế thừa")
        } else if all.isEmpty {
            plan.errors.append("Dòng \(c.line): không có đơn vị mã \(code)")
        } else {
            plan.errors.append("Dòng \(c.line): đơn vị \(code) không có hiệu lực ngày \(date(c.date))")
        }
        return nil
    }

    private func validVersion(_ code: String, on day: CalendarDate) -> UnitVersion? {
        (byCode[code] ?? []).lazy.compactMap { versions[$0] }.first { $0.isValid(on: day) }
    }

    private func ancestors(of id: UUID) -> [UnitVersion] {
        var result: [UnitVersion] = []
        var seen: Set<UUID> = [id]
        var cur = versions[id]?.parentID
        while let p = cur, seen.insert(p).inserted, let v = versions[p] {
            result.append(v)
            cur = v.parentID
        }
        return result
    }

    /// The version that holds a unit's parent's place on `day`: the parent itself while it is
    /// valid, else whoever carries it on.
    private func parentOn(_ v: UnitVersion, _ day: CalendarDate) -> UUID? {
        guard var cur = v.parentID else { return nil }
        var seen: Set<UUID> = []
        while seen.insert(cur).inserted, let p = versions[cur] {
            if p.isValid(on: day) { return cur }
            guard let next = defaultSuccessor[cur] else { return nil }
            cur = next
        }
        return nil
    }

    // MARK: writes to the plan

    private mutating func open(copying old: UnitVersion, code: String, name: String, parentID: UUID?, _ c: UnitChange) -> UnitVersion? {
        let clash = (byCode[code] ?? []).compactMap { versions[$0] }
            .first { $0.id != old.id && $0.overlaps(from: c.date, to: nil) }
        if let clash {
            plan.errors.append("Dòng \(c.line): mã \(code) đã dùng cho \(clash.name) từ ngày \(clash.validFrom.map(date) ?? "trước đó")")
            return nil
        }
        let v = UnitVersion(code: code, name: name, kind: old.kind, parentID: parentID, validFrom: c.date, validTo: nil)
        versions[v.id] = v
        byCode[code, default: []].append(v.id)
        if let p = parentID { children[p, default: []].append(v.id) }
        plan.created.append(v)
        targetedAt[v.id] = c.line
        return v
    }

    private mutating func close(_ v: UnitVersion, _ c: UnitChange, _ to: [(UnitVersion, Double?, Bool)]) {
        let last = c.date.adding(days: -1)
        closedAt[v.id] = c.line
        plan.ended += 1
        if v.validTo.map({ $0 > last }) ?? true {
            plan.closures[v.id] = last
            versions[v.id]?.validTo = last
        }
        for (t, share, isDefault) in to {
            plan.links.append(UnitLink(predecessorID: v.id, successorID: t.id, kind: c.kind, date: c.date,
                                       share: share, isDefault: isDefault))
            if isDefault { defaultSuccessor[v.id] = t.id }
        }
        // A successor of an earlier row that itself goes on as another version the same day:
        // the earlier links go to where it goes (a division's target renamed, say).
        if targetedAt[v.id] != nil, let t = to.first(where: { $0.2 })?.0 {
            for i in plan.links.indices where plan.links[i].successorID == v.id { plan.links[i].successorID = t.id }
            targetedAt[t.id] = targetedAt[t.id] ?? targetedAt[v.id]
        }
        // A renamed or moved unit's open children follow it: one parent per version.
        if let t = to.first(where: { $0.2 })?.0, [.rename, .move].contains(c.kind) || (c.kind == .merge && t.code == v.code) {
            moveOpenChildren(of: v, to: t.id, c)
        }
    }

    /// The children still open on the change's day get a new version under `parent`, and so,
    /// below them, do theirs.
    private mutating func moveOpenChildren(of v: UnitVersion, to parent: UUID, _ c: UnitChange) {
        for id in children[v.id] ?? [] {
            guard let child = versions[id], child.isValid(on: c.date), closedAt[id] == nil else { continue }
            if child.validFrom == c.date, let i = plan.created.firstIndex(where: { $0.id == id }) {
                // Made by this plan the same day: not stored yet, so it simply gets the new parent.
                plan.created[i].parentID = parent
                versions[id]?.parentID = parent
                children[parent, default: []].append(id)
                continue
            }
            let move = UnitChange(line: c.line, date: c.date, kind: .move, fromCodes: [child.code], toCodes: [])
            guard let t = open(copying: child, code: child.code, name: child.name, parentID: parent, move) else { continue }
            targetedAt[t.id] = nil
            close(child, move, [(t, 1, true)])
            moveOpenChildren(of: child, to: t.id, move)
        }
    }

    private mutating func findUnsettled(_ days: [CalendarDate]) {
        for day in Set(days) {
            let last = day.adding(days: -1)
            for (id, _) in closedAt {
                guard let v = versions[id], v.validTo == last else { continue }
                for cid in children[id] ?? [] {
                    if let child = versions[cid], child.isValid(on: day), closedAt[cid] == nil { plan.unsettled.append(child) }
                }
            }
        }
        plan.unsettled.sort { $0.code < $1.code }
    }
}
