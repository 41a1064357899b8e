import Foundation

/// Where the appendices of an old report go: which plan, which unit reported them, for which
/// period.
public struct IngestTarget: Sendable, Hashable {
    public var planCode: String
    /// The plan's title when it is created; by default the appendix's caption.
    public var planTitle: String?
    /// The unit whose report it is (the plan's issuer when the plan is created).
    public var unitCode: String
    /// The period its results are for; nil reads the plan's structure only.
    public var periodID: String?
    public var year: Int

    public init(planCode: String, planTitle: String? = nil, unitCode: String, periodID: String?, year: Int) {
        self.planCode = planCode
        self.planTitle = planTitle
        self.unitCode = unitCode
        self.periodID = periodID
        self.year = year
    }
}

/// What reading the appendices gave: the items to write, and what could not be matched.
public struct IngestResult: Sendable {
    /// The plan with its indicators and tasks, those of the appendices merged into what it held.
    public var plan: PlanContents
    public var values: [DataValue] = []
    public var taskReports: [TaskReport] = []
    public var documents: [OfficialDocument] = []
    /// "Phụ lục 03, dòng 12: “Sở Tài chính tỉnh X” không khớp đơn vị nào": kept, as text, on
    /// the item; listed so that a person can add the unit or correct the name.
    public var unmatched: [String] = []
    /// Tables read, with the mapping used.
    public var mappings: [AppendixMapping] = []
}

/// Reads the appendix tables of a report into a plan's indicators and tasks, their reported
/// results for one unit and period, and the documents listed. Pure: the document, the units
/// and the mappings in; values out, for the store to write in one transaction.
public enum AppendixIngest {
    public static func read(_ document: LintDocument, mappings: [AppendixMapping], into target: IngestTarget,
                            existing: PlanContents?, units: [OrgUnit]) throws(IngestError) -> IngestResult {
        let matcher = UnitNameMatcher(units: units)
        var plan = existing ?? PlanContents(plan: Plan(
            code: target.planCode, slug: VNText.slug(target.planCode), kind: .plan,
            title: target.planTitle ?? Self.title(of: document, mappings) ?? target.planCode, issuerCode: target.unitCode,
            horizonFrom: target.year, horizonTo: target.year))
        var result = IngestResult(plan: plan)
        let tables = Dictionary(document.tables.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        // Several task tables for one plan all go into it; their numbers ("1.1" in each) are
        // told apart by the table's own ("PL03-1.1"), the same on every reading.
        let taskTables = mappings.filter { $0.kind == .tasks }.map(\.table)
        // Per-unit tables last: their columns name indicators the other tables may bring.
        let ordered = mappings.filter { $0.kind != .units } + mappings.filter { $0.kind == .units }
        for var mapping in ordered {
            guard let table = tables[mapping.table] else { throw IngestError("Báo cáo không có bảng \(mapping.table).") }
            switch mapping.kind {
            case .indicators: try indicators(table, mapping, target, &plan, &result)
            case .tasks: try tasks(table, mapping, target, matcher, prefix: taskTables.count > 1 ? prefix(table) : "", &plan, &result)
            case .documents: documents(table, mapping, target, matcher, &result)
            case .units: mapping.indicators = try perUnit(table, mapping, target, matcher, isNew: existing == nil, &plan, &result)
            case nil: continue
            }
            result.mappings.append(mapping)
        }
        result.mappings.sort { $0.table < $1.table }
        result.plan = plan
        return result
    }

    /// "PL03-": the appendix a task comes from, when a plan takes tasks from several.
    static func prefix(_ table: LintTable) -> String {
        table.appendix.map { "PL\($0 < 10 ? "0" : "")\($0)-" } ?? "B\(table.number)-"
    }

    static func name(_ table: LintTable?) -> String {
        guard let table else { return "?" }
        return table.appendix.map { "Phụ lục \($0 < 10 ? "0" : "")\($0)" } ?? "bảng \(table.number)"
    }

    /// "Phụ lục 01: Kết quả thực hiện các chỉ tiêu theo Kế hoạch …" → "Kế hoạch …".
    static func title(of document: LintDocument, _ mappings: [AppendixMapping]) -> String? {
        for m in mappings where m.kind != .documents {
            guard let caption = document.tables.first(where: { $0.number == m.table })?.caption else { continue }
            if let r = caption.lintFind("theo ") { return String(caption[r...].dropFirst(5)).trimmingCharacters(in: .whitespaces) }
            if let colon = caption.firstIndex(of: ":") { return String(caption[caption.index(after: colon)...]).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// Rows as items: a group row ("Kinh tế số", or "1 | Nhận thức số" above "1.1") starts a
    /// pillar; a numbered row is an item; an unnumbered row under an item is one of its parts.
    static func items(_ table: LintTable, _ mapping: AppendixMapping, main: ColumnRole)
        -> (pillars: [Pillar], rows: [(row: Int, code: String, pillar: String?, cells: [String])]) {
        let view = LintTableView(table)
        let number = mapping.column(.number)
        let mainColumn = mapping.column(main)
        var pillars: [Pillar] = []
        var rows: [(row: Int, code: String, pillar: String?, cells: [String])] = []
        // "1.1" heading two unnumbered rows: they are "1.1.1" and "1.1.2"; a group "7" with one
        // unnumbered row under it: "7.1" — numbers of their own that no numbered row takes.
        let itemStt = Dictionary(view.items.map { ($0.index, $0.stt) }, uniquingKeysWith: { a, _ in a })
        let numbered = Set(view.body.compactMap { view.stt($0.cells) })
        var taken = Set<String>()
        var lastCode: String?
        for r in view.body {
            let cells = r.cells.map { $0.text.trimmingCharacters(in: .whitespaces) }
            let code = number.flatMap { $0 < cells.count ? cells[$0].trimmingCharacters(in: CharacterSet(charactersIn: ". ")) : nil } ?? ""
            let filled = cells.indices.filter { $0 != number && !cells[$0].isEmpty }
            if let stt = itemStt[r.index] {
                var itemCode = code
                if code.isEmpty || stt.hasSuffix(".·") {
                    let parent = stt.hasSuffix(".·") ? String(stt.dropLast(2)) : lastCode
                    var n = 1
                    func candidate(_ n: Int) -> String { (parent.map { $0 + "." } ?? "") + "\(n)" }
                    while taken.contains(candidate(n)) || numbered.contains(candidate(n)) { n += 1 }
                    itemCode = candidate(n)
                } else {
                    lastCode = code
                }
                taken.insert(itemCode)
                rows.append((r.index, itemCode, pillars.last?.code, cells))
            } else if filled.count == 1, let only = filled.first, only == mainColumn || number == nil || only == 1 {
                // A group row: its number, or the next pillar's.
                let pillarCode = code.isEmpty ? "\(pillars.count + 1)" : code
                pillars.append(Pillar(code: pillarCode, name: cells[only]))
                lastCode = code.isEmpty ? nil : code
            }
        }
        return (pillars, rows)
    }

    static func indicators(_ table: LintTable, _ m: AppendixMapping, _ target: IngestTarget,
                           _ plan: inout PlanContents, _ result: inout IngestResult) throws(IngestError) {
        guard let targetColumn = m.column(.target) else { throw IngestError("\(name(table)): chưa chọn cột mục tiêu.") }
        let (pillars, read) = items(table, m, main: .target)
        let renamed = mergePillars(pillars, into: &plan)
        for var row in read {
            row.pillar = row.pillar.map { renamed[$0] ?? $0 }
            let targetText = cell(row.cells, targetColumn)
            let resultText = m.column(.result).map { cell(row.cells, $0) } ?? ""
            let judgementText = m.column(.judgement).map { cell(row.cells, $0) } ?? ""
            let note = m.column(.note).map { cell(row.cells, $0) }.flatMap { $0.isEmpty ? nil : $0 }
            let targetPercents = ReportLinter.percentages(targetText)
            let fraction = resultText.lintMatches("(?<![\\d.,/])(\(LintNumbers.count))\\s*/\\s*(\(LintNumbers.count))(?![\\d/])").first
            let resultPercents = ReportLinter.percentages(resultText)
            // One figure each side: a rate (with its fraction when the result gives one) or a
            // percentage; several figures in a cell stay words, judged by the report.
            let numeric = targetPercents.count == 1 && resultPercents.count <= 1
            let lowerIsBetter = ["duoi", "khong qua", "toi da", "giam"].contains { LintText.fold(targetText).contains($0) }
            let code = row.code
            var indicator = Indicator(
                code: code, name: String(targetText.prefix(FieldLimit.name.maxCharacters)), pillarCode: row.pillar,
                measure: numeric ? (fraction != nil ? .rate : .amount) : .qualitative,
                unitOfMeasure: numeric && fraction == nil ? "%" : nil,
                direction: lowerIsBetter ? .lowerIsBetter : .higherIsBetter,
                targets: [numeric
                    ? Target(year: target.year, comparator: lowerIsBetter ? .le : .ge, value: targetPercents[0].value, text: targetText)
                    : Target(year: target.year, comparator: .judgement, text: targetText)])
            if let existing = plan.indicators.firstIndex(where: { $0.code == code }) {
                indicator.targets = plan.indicators[existing].targets.filter { $0.year != target.year } + indicator.targets
                plan.indicators[existing] = indicator
            } else {
                plan.indicators.append(indicator)
            }
            guard let period = target.periodID, !(resultText.isEmpty && judgementText.isEmpty) else { continue }
            var value = DataValue(planCode: plan.plan.code, indicatorCode: code, unitCode: target.unitCode, periodID: period,
                                  text: resultText.isEmpty ? nil : resultText, judgement: judgement(judgementText), comment: note ?? (judgementText.isEmpty ? nil : judgementText))
            if numeric, let f = fraction, let a = f.groups[0].flatMap(LintNumbers.integer), let b = f.groups[1].flatMap(LintNumbers.integer) {
                value.numerator = Double(a)
                value.denominator = Double(b)
            } else if numeric, let p = resultPercents.first {
                value.value = p.value
            }
            result.values.append(value)
        }
    }

    static func tasks(_ table: LintTable, _ m: AppendixMapping, _ target: IngestTarget, _ matcher: UnitNameMatcher, prefix: String,
                      _ plan: inout PlanContents, _ result: inout IngestResult) throws(IngestError) {
        guard let taskColumn = m.column(.task) else { throw IngestError("\(name(table)): chưa chọn cột nhiệm vụ.") }
        let (pillars, read) = items(table, m, main: .task)
        let renamed = mergePillars(pillars, into: &plan)
        for var row in read {
            row.pillar = row.pillar.map { renamed[$0] ?? $0 }
            let place = "\(name(table)), dòng \(row.row + 1)"
            let leadText = m.column(.lead).map { cell(row.cells, $0) } ?? ""
            let coopText = m.column(.cooperating).map { cell(row.cells, $0) } ?? ""
            let lead = match(leadText, matcher, place, &result.unmatched).first
            let cooperating = match(coopText, matcher, place, &result.unmatched)
            let deadlineText = m.column(.deadline).map { cell(row.cells, $0) } ?? ""
            let task = PlanTask(
                code: prefix + row.code, title: String(cell(row.cells, taskColumn).prefix(FieldLimit.name.maxCharacters)), pillarCode: row.pillar,
                leadUnitCode: lead, leadText: leadText, cooperatingUnitCodes: cooperating, cooperatingText: coopText,
                deadline: Deadline(text: deadlineText), deadlineText: deadlineText.isEmpty ? nil : deadlineText)
            if let i = plan.tasks.firstIndex(where: { $0.code == task.code }) { plan.tasks[i] = task } else { plan.tasks.append(task) }
            let statusText = m.column(.result).map { cell(row.cells, $0) } ?? ""
            let note = m.column(.note).map { cell(row.cells, $0) } ?? ""
            guard let period = target.periodID, !(statusText.isEmpty && note.isEmpty) else { continue }
            // An empty result column with "Chưa triển khai" in the note: the note says it.
            var (status, percent) = TaskStatus.parse(statusText)
            if statusText.isEmpty, case let fromNote = TaskStatus.parse(note), fromNote.status != .other { (status, percent) = fromNote }
            result.taskReports.append(TaskReport(
                planCode: plan.plan.code, taskCode: task.code, unitCode: target.unitCode, periodID: period, status: status,
                percent: percent, result: status == .other && !statusText.isEmpty ? statusText : (note.isEmpty ? nil : note),
                note: status == .other && !statusText.isEmpty && !note.isEmpty ? note : nil))
        }
    }

    static func documents(_ table: LintTable, _ m: AppendixMapping, _ target: IngestTarget, _ matcher: UnitNameMatcher,
                          _ result: inout IngestResult) {
        guard let numberColumn = m.column(.documentNumber) else { return }
        for r in table.rows.dropFirst() {
            let cells = r.map { $0.text.trimmingCharacters(in: .whitespaces) }
            let number = cell(cells, numberColumn)
            guard !number.isEmpty, number.contains("/") else { continue }
            let issuer = m.column(.issuer).map { cell(cells, $0) } ?? ""
            let issued = m.column(.issued).flatMap { c -> CalendarDate? in
                guard let x = cell(cells, c).lintMatches("(\\d{1,2})/(\\d{1,2})/(\\d{4})").first else { return nil }
                return CalendarDate(year: Int(x.groups[2]!)!, month: Int(x.groups[1]!)!, day: Int(x.groups[0]!)!)
            }
            result.documents.append(OfficialDocument(
                number: number, summary: m.column(.summary).map { cell(cells, $0) } ?? "", issued: issued, issuer: issuer,
                issuerUnitCode: matcher.unit(named: issuer)?.code, signer: m.column(.signer).map { cell(cells, $0) }.flatMap { $0.isEmpty ? nil : $0 }))
        }
    }

    /// The units a cell names; those that name no one unit, and are not "các sở, ban, ngành",
    /// are listed as unmatched.
    static func match(_ text: String, _ matcher: UnitNameMatcher, _ place: String, _ unmatched: inout [String]) -> [String] {
        var codes: [String] = []
        for name in UnitNameMatcher.names(in: text) {
            if let u = matcher.unit(named: name) {
                if !codes.contains(u.code) { codes.append(u.code) }
            } else if !UnitNameMatcher.isCollective(name) {
                unmatched.append("\(place): “\(name)” không khớp đơn vị nào")
            }
        }
        return codes
    }

    static func judgement(_ text: String) -> Judgement? {
        switch LintText.status(text) {
        case .done: .met
        case .notDone: .notMet
        case .other: LintText.fold(text).hasPrefix("dat ") ? .partlyMet : nil
        case nil: nil
        }
    }

    /// Adds a table's groups to the plan's pillars: a group the plan already has (by name) keeps
    /// its code; a code another group holds gives way to the next free one. Returns the codes
    /// that changed, for the table's items.
    static func mergePillars(_ pillars: [Pillar], into plan: inout PlanContents) -> [String: String] {
        var renamed: [String: String] = [:]
        for p in pillars {
            if let same = plan.plan.pillars.first(where: { LintText.fold($0.name) == LintText.fold(p.name) }) {
                if same.code != p.code { renamed[p.code] = same.code }
                continue
            }
            var code = p.code
            if plan.plan.pillars.contains(where: { $0.code == code }) {
                let top = plan.plan.pillars.compactMap { Int($0.code) }.max() ?? 0
                code = "\(top + 1)"
                renamed[p.code] = code
            }
            plan.plan.pillars.append(Pillar(code: code, name: p.name))
        }
        return renamed
    }

    static func cell(_ cells: [String], _ column: Int) -> String { column < cells.count ? cells[column] : "" }
}
