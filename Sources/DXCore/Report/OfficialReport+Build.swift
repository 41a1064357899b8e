import Foundation
extension OfficialReport {
    /// Builds the report of a period from the evaluation of an indicator plan and, optionally,
    /// of a task plan (the standing agency's activity plan).
    /// - Parameters:
    ///   - documents: documents to list in the documents appendix; those issued within the
    ///     period are kept.
    ///   - byUnit: the chosen indicator's results for each unit below the report's unit.
    ///   - narratives: what units wrote in their reports, attributed to them in section II–IV.
    ///   - forms: consolidated table forms of the period, each an appendix cited in section I.
    ///   - taskPlans: further task plans after `tasks`, each a section I.n and an appendix, with
    ///     the task count the plan document states (`ReportTaskPlan.statedTotal`).
    ///   - figures: resolves the references of the settings' narrative blocks (section II).
    public static func build(settings: ReportSettings, indicators: PlanEvaluation, tasks: PlanEvaluation? = nil,
                             taskPlans: [(evaluation: PlanEvaluation, statedTotal: Int?)] = [],
                             documents: [OfficialDocument] = [], byUnit: [(unit: OrgUnit, result: IndicatorResult)] = [],
                             narratives: [ReportNarrative] = [], forms: [FormTable] = [], figures: FigureResolver? = nil) -> OfficialReport {
        let first: [(evaluation: PlanEvaluation, statedTotal: Int?)] = tasks.map { [(evaluation: $0, statedTotal: nil)] } ?? []
        let taskPlans = first + taskPlans
        // A paragraph the coordinator emptied is left out of the report.
        let narratives = narratives.filter { !VNText.clean($0.text).isEmpty }
        var s = settings
        let period = indicators.period
        let place = VNText.clean(indicators.unit.name)
        if s.subject.isEmpty {
            s.subject = "Kết quả chuyển đổi số \(period.labelVI.lowercased()) \(place.lowercasedFirst)"
        }
        if s.introduction.isEmpty {
            s.introduction = "Thực hiện \(VNText.clean(indicators.plan.title))"
                + taskPlans.map { ", \(VNText.clean($0.evaluation.plan.title))" }.joined()
                + ". Trên cơ sở tổng hợp báo cáo, số liệu của các ngành, địa phương, \(VNText.clean(s.issuingBody).lowercasedFirstIfAllCaps) báo cáo kết quả \(period.labelVI.lowercased()) như sau:"
        }

        // Appendix numbers follow what is included.
        var appendices: [ReportAppendix] = []
        func next() -> Int { appendices.count + 1 }
        let citation = "Báo cáo số \(s.numberText)"

        let indicatorAppendix = next()
        appendices.append(indicatorTable(indicators, number: indicatorAppendix))
        var taskAppendices: [Int?] = []
        for (t, _) in taskPlans {
            if s.includeTasks, !t.tasks.lines.isEmpty {
                taskAppendices.append(next())
                appendices.append(taskTable(t, number: next()))
            } else {
                taskAppendices.append(nil)
            }
        }
        var docsAppendix: Int?
        let issued = documents.filter { d in d.issued.map { period.start <= $0 && $0 <= period.end } ?? false }
            .sorted { ($0.issued!, $0.number) < ($1.issued!, $1.number) }
        if s.includeDocuments, !issued.isEmpty {
            docsAppendix = next()
            appendices.append(documentTable(issued, number: docsAppendix!))
        }
        if let code = s.byUnitIndicator, let r = indicators.indicator(code), !byUnit.isEmpty {
            appendices.append(unitTable(r, byUnit, unit: indicators.unit, number: next()))
        }
        var formAppendices: [(title: String, number: Int)] = []
        for table in forms {
            let a = formTable(table, number: next())
            formAppendices.append((a.title, a.number))
            appendices.append(a)
        }
        _ = citation

        // I. Results against the plan's targets and tasks.
        let summary = indicators.summary
        var partI = [ReportItem(
            number: "1", title: "Kết quả thực hiện các chỉ tiêu theo \(VNText.clean(indicators.plan.title))",
            paragraphs: [ReportParagraph(summary.headlineVI(planName: indicators.plan.title))]
                + summary.linesVI().map { ReportParagraph("- " + $0) }
                + [ReportParagraph("(Chi tiết tại Phụ lục \(VNText.roman(indicatorAppendix)) kèm theo).", italic: true)])]
        for ((t, stated), taskAppendix) in zip(taskPlans, taskAppendices) where !t.tasks.lines.isEmpty {
            var paragraphs: [ReportParagraph]
            var title = "Kết quả thực hiện nhiệm vụ theo \(VNText.clean(t.plan.title))"
            if t.period == period {
                // A plan of the report's period: its tasks and those of the period ("49 nhiệm vụ
                // (6 tháng đầu năm 31 nhiệm vụ)"), then progress.
                let planned = stated.flatMap { $0 > t.tasks.lines.count ? $0 : nil }
                paragraphs = [ReportParagraph(t.tasks.progressHeadlineVI(planName: t.plan.title, plannedTotal: planned))]
                paragraphs += t.tasks.progressLinesVI().map { ReportParagraph("- " + $0) }
            } else {
                // A plan of an earlier year, reported as a whole (seed 000, I.3).
                title += " (\(t.period.labelVI))"
                paragraphs = [ReportParagraph(t.tasks.overviewVI(planName: t.plan.title, pillars: t.plan.pillars))]
            }
            paragraphs += t.tasks.pillarLinesVI(t.plan.pillars).map { ReportParagraph("- " + $0) }
            if let n = taskAppendix { paragraphs.append(ReportParagraph("(Chi tiết tại Phụ lục \(VNText.roman(n)) kèm theo).", italic: true)) }
            partI.append(ReportItem(number: String(partI.count + 1), title: title, paragraphs: paragraphs))
        }
        if !forms.isEmpty {
            let lines = zip(forms, formAppendices).map { table, a in
                let reported = table.rows.filter(table.hasReported).count
                return ReportParagraph("- \(VNText.clean(a.title)): \(VNNumber.padded(reported))/\(VNNumber.padded(table.rows.count)) \(table.form.form.rowHeader.lowercased()) có số liệu (Chi tiết tại Phụ lục \(VNText.roman(a.number)) kèm theo).")
            }
            partI.append(ReportItem(number: String(partI.count + 1), title: "Số liệu tổng hợp theo biểu mẫu", paragraphs: lines))
        }

        // II. The coordinator's blocks with their figures filled in, or else results by pillar:
        // the figures, then what units wrote.
        var partII: [ReportItem] = []
        let blocks = (s.narrativeBlocks ?? []).filter { !VNText.clean($0.heading).isEmpty || !VNText.clean($0.text).isEmpty }
        for (i, block) in blocks.enumerated() {
            let lines = block.text.split(whereSeparator: \.isNewline).map { figures?.render(String($0)) ?? String($0) }
                .map { VNText.clean($0) }.filter { !$0.isEmpty }
            partII.append(ReportItem(number: String(i + 1), title: VNText.clean(block.heading).isEmpty ? nil : VNText.clean(block.heading),
                                     paragraphs: lines.map { ReportParagraph($0) }))
        }
        if !blocks.isEmpty {
            let results = narratives.filter { isResults($0.section) }
            if !results.isEmpty {
                partII.append(ReportItem(number: String(partII.count + 1), title: "Kết quả do các đơn vị báo cáo",
                                         paragraphs: results.map { ReportParagraph("- \($0.unitName): \(VNText.clean($0.text))") }))
            }
        }
        for (i, group) in (blocks.isEmpty ? indicators.indicatorsByPillar : []).enumerated() {
            var paragraphs = group.results.map { r -> ReportParagraph in
                var line = "- \(SummaryText.inline(r.indicator.name)): \(r.valueLabelVI)"
                if let parts = r.partsLabelVI { line += " (\(parts))" }
                line += "; \(r.evaluation.labelVI.lowercasedFirst)"
                if let c = r.samePeriodLastYear { line += "; \(c.sentenceVI(.samePeriodLastYear))" }
                return ReportParagraph(line + ".")
            }
            if i == indicators.indicatorsByPillar.count - 1 {
                paragraphs += narratives.filter { isResults($0.section) }.map { ReportParagraph("- \($0.unitName): \(VNText.clean($0.text))") }
            }
            partII.append(ReportItem(number: String(i + 1), title: group.pillar?.name ?? "Các chỉ tiêu khác", paragraphs: paragraphs))
        }
        if let n = docsAppendix {
            partII.append(ReportItem(number: String(partII.count + 1), title: "Văn bản chỉ đạo, điều hành",
                                     paragraphs: [ReportParagraph("Trong kỳ đã ban hành \(VNNumber.padded(issued.count)) văn bản về chuyển đổi số."),
                                                  ReportParagraph("(Có danh mục văn bản tại Phụ lục \(VNText.roman(n)) kèm theo).", italic: true)]))
        }

        // III. Assessment: what the figures say, then what units reported.
        var strengths = [ReportParagraph("- Hoàn thành \(VNNumber.fraction(summary.count(.met), summary.total, width: 2)) chỉ tiêu (\(VNNumber.percent(summary.count(.met), of: summary.total))).")]
        for (t, _) in taskPlans {
            let whose = t.period == period ? (taskPlans.count > 1 ? " của \(t.plan.code) trong kỳ" : " trong kỳ") : " của \(t.plan.code) (\(t.period.labelVI))"
            strengths.append(ReportParagraph("- Hoàn thành \(VNNumber.fraction(t.tasks.count(.done), t.tasks.inScope.count, width: 2)) nhiệm vụ\(whose)."))
        }
        var limits: [ReportParagraph] = []
        let lagging = summary.evaluations.filter { [.partlyMetBelow50, .notMet].contains($0.evaluationClass) }
        for e in lagging { limits.append(ReportParagraph("- Chỉ tiêu \(e.indicatorCode) (\(SummaryText.inline(e.indicatorName))): \(e.labelVI.lowercasedFirst).")) }
        let unevaluated = summary.evaluations(.notEvaluable).filter { $0.outcome != .notEvaluable(.noEvents) }
        if !unevaluated.isEmpty {
            limits.append(ReportParagraph("- \(VNNumber.padded(unevaluated.count)) chỉ tiêu chưa có số liệu để đánh giá (\(unevaluated.map(\.indicatorCode).joined(separator: ", ")))."))
        }
        for (t, _) in taskPlans where !t.tasks.overdue.isEmpty {
            // Task codes repeat across plans ("1.1"): with several plans each line names its plan.
            let whose = taskPlans.count > 1 ? " của \(t.plan.code)" : ""
            limits.append(ReportParagraph("- \(VNNumber.padded(t.tasks.overdue.count)) nhiệm vụ\(whose) quá hạn chưa hoàn thành (\(t.tasks.overdue.map(\.task.code).joined(separator: ", ")))."))
        }
        limits += narratives.filter { isLimits($0.section) }.map { ReportParagraph("- \($0.unitName): \(VNText.clean($0.text))") }
        if limits.isEmpty { limits = [ReportParagraph("- Không có.")] }

        // IV. Next tasks: what is not done yet, then what units propose.
        var next: [ReportParagraph] = []
        let open = summary.evaluations.filter { $0.evaluationClass != .met }
        if !open.isEmpty {
            next.append(ReportParagraph("- Tập trung hoàn thành các chỉ tiêu chưa đạt: \(open.map(\.indicatorCode).joined(separator: ", "))."))
        }
        for (t, _) in taskPlans {
            let remaining = t.tasks.inScope.filter { !$0.isDone }
            if !remaining.isEmpty {
                next.append(ReportParagraph("- Tiếp tục triển khai \(VNNumber.padded(remaining.count)) nhiệm vụ chưa hoàn thành của \(VNText.clean(t.plan.title))."))
            }
        }
        next += narratives.filter { isProposals($0.section) }.map { ReportParagraph("- \($0.unitName): \(VNText.clean($0.text))") }
        if next.isEmpty { next = [ReportParagraph("- Duy trì kết quả đã đạt được.")] }

        let sections = [
            ReportSection(number: "I", title: "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM \(period.start.year)", items: partI),
            ReportSection(number: "II", title: "KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ \(period.labelVI.uppercased())", items: partII),
            ReportSection(number: "III", title: "ĐÁNH GIÁ CHUNG", items: [
                ReportItem(number: "1", title: "Kết quả đạt được", paragraphs: strengths),
                ReportItem(number: "2", title: "Tồn tại, hạn chế", paragraphs: limits)]),
            ReportSection(number: "IV", title: "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", items: [ReportItem(number: nil, title: nil, paragraphs: next)]),
        ]
        let closing = "Trên đây là báo cáo kết quả chuyển đổi số \(period.labelVI.lowercased()) \(place.lowercasedFirst), \(VNText.clean(s.issuingBody).lowercasedFirstIfAllCaps) trân trọng báo cáo./."
        return OfficialReport(settings: s, sections: sections, closing: closing, appendices: appendices, reading: indicators.reading)
    }

    static func isResults(_ section: String) -> Bool { VNText.searchKey(section).contains("ket qua") }
    static func isLimits(_ section: String) -> Bool {
        let k = VNText.searchKey(section)
        return k.contains("han che") || k.contains("ton tai") || k.contains("vuong mac")
    }
    static func isProposals(_ section: String) -> Bool {
        let k = VNText.searchKey(section)
        return k.contains("de xuat") || k.contains("kien nghi") || k.contains("phuong huong")
    }

    // MARK: Appendices

    static func indicatorTable(_ e: PlanEvaluation, number: Int) -> ReportAppendix {
        let columns = [
            ReportColumn(title: "STT", kind: .text, width: 0.06), ReportColumn(title: "Chỉ tiêu", kind: .text, width: 0.27),
            ReportColumn(title: "Mục tiêu", kind: .text, width: 0.12), ReportColumn(title: "Kết quả", kind: .percent, width: 0.12),
            ReportColumn(title: "Số liệu tuyệt đối", kind: .text, width: 0.13), ReportColumn(title: "Đánh giá", kind: .text, width: 0.14),
            ReportColumn(title: "Ghi chú", kind: .text, width: 0.16),
        ]
        var rows: [ReportRow] = []
        for (i, g) in e.indicatorsByPillar.enumerated() {
            rows.append(ReportRow(kind: .group, cells: [.text(VNText.roman(i + 1)), .text(g.pillar?.name ?? "Các chỉ tiêu khác")]))
            for r in g.results {
                let value: ReportCell = r.aggregate.value.map { v in
                    if r.indicator.measure == .rate { return .percent(v) }
                    guard let unit = r.indicator.unitOfMeasure.map(VNText.clean), !unit.isEmpty else { return .number(v) }
                    return .measured(v, unit)
                } ?? .text(r.valueLabelVI)
                // The unit's own words are labelled as such: beside the computed judgement
                // ("Đạt 33,33% mục tiêu") an unlabelled "Đạt 30% mục tiêu" read as a contradiction.
                let unitNote = r.reported?.comment.map(VNText.clean).flatMap { $0.isEmpty ? nil : "Đơn vị ghi: \($0)" }
                let note = [unitNote, r.aggregate.source == .aggregated ? r.aggregate.coverage.labelVI : nil]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
                rows.append(ReportRow(kind: .item, cells: [
                    .text(r.indicator.code), .text(VNText.clean(r.indicator.name)),
                    .text(r.evaluation.target.map { $0.shortLabelVI(unit: r.indicator.unitOfMeasure) } ?? ""),
                    r.indicator.measure == .qualitative ? .text(VNText.clean(r.aggregate.text ?? "")) : value,
                    r.partsLabelVI.map(ReportCell.text) ?? .empty, .text(r.evaluation.labelVI), note.isEmpty ? .empty : .text(note),
                ]))
            }
        }
        return ReportAppendix(kind: .indicators, number: number,
                              title: "Kết quả thực hiện các chỉ tiêu theo \(VNText.clean(e.plan.title)) (\(e.period.labelVI.lowercased()))",
                              landscape: true, table: ReportTable(columns: columns, rows: rows))
    }

    /// "Hoàn thành. Đã ban hành …", but not "Hoàn thành. Hoàn thành": a result that only
    /// repeats the status, or already begins with it, is not written twice.
    static func taskResult(status: String, result: String?) -> String {
        let text = VNText.clean(result ?? "")
        let folded = { (s: String) in VNText.searchKey(s).trimmingCharacters(in: CharacterSet(charactersIn: " .;:")) }
        if text.isEmpty { return status }
        if status.isEmpty || folded(text).hasPrefix(folded(status)) { return text }
        return status + ". " + text
    }

    static func taskTable(_ e: PlanEvaluation, number: Int) -> ReportAppendix {
        let columns = [
            ReportColumn(title: "STT", kind: .text, width: 0.05), ReportColumn(title: "Nhiệm vụ", kind: .text, width: 0.31),
            ReportColumn(title: "Cơ quan chủ trì", kind: .text, width: 0.14), ReportColumn(title: "Cơ quan phối hợp", kind: .text, width: 0.16),
            ReportColumn(title: "Thời gian hoàn thành", kind: .text, width: 0.10), ReportColumn(title: "Kết quả", kind: .text, width: 0.12),
            ReportColumn(title: "Ghi chú", kind: .text, width: 0.12),
        ]
        var rows: [ReportRow] = []
        let groups = e.tasks.byPillar(e.plan.pillars)
        for (i, g) in groups.enumerated() {
            rows.append(ReportRow(kind: .group, cells: [.text(VNText.roman(i + 1)), .text(g.pillar?.name ?? "Nhiệm vụ khác")]))
            for line in g.lines {
                let t = line.task
                let result = line.report.map { Self.taskResult(status: $0.statusLabel, result: $0.result) } ?? "Chưa có báo cáo"
                var note = line.report?.note.map(VNText.clean) ?? ""
                if line.isOverdue { note = (note.isEmpty ? "" : note + "; ") + "Quá hạn" }
                rows.append(ReportRow(kind: .item, cells: [
                    .text(t.code), .text(VNText.clean(t.title)), .text(VNText.clean(t.leadText)),
                    .text(VNText.clean(t.cooperatingText)), .text(t.deadlineLabel), .text(result), note.isEmpty ? .empty : .text(note),
                ]))
            }
        }
        return ReportAppendix(kind: .tasks, number: number,
                              title: "Kết quả thực hiện nhiệm vụ theo \(VNText.clean(e.plan.title)) (\(e.period.labelVI.lowercased()))",
                              landscape: true, table: ReportTable(columns: columns, rows: rows))
    }

    static func documentTable(_ documents: [OfficialDocument], number: Int) -> ReportAppendix {
        let columns = [
            ReportColumn(title: "STT", kind: .text, width: 0.06), ReportColumn(title: "Số ký hiệu", kind: .text, width: 0.14),
            ReportColumn(title: "Trích yếu", kind: .text, width: 0.40), ReportColumn(title: "Ngày ban hành", kind: .text, width: 0.12),
            ReportColumn(title: "Cơ quan ban hành", kind: .text, width: 0.14), ReportColumn(title: "Lãnh đạo ký", kind: .text, width: 0.14),
        ]
        let rows = documents.enumerated().map { i, d in
            ReportRow(kind: .item, cells: [.text(String(i + 1)), .text(d.number), .text(VNText.clean(d.summary)),
                                           .text(d.issued.map { VNDate.numeric($0) } ?? ""), .text(VNText.clean(d.issuer)),
                                           d.signer.map { .text(VNText.clean($0)) } ?? .empty])
        }
        return ReportAppendix(kind: .documents, number: number, title: "Danh mục văn bản về chuyển đổi số đã ban hành",
                              landscape: true, table: ReportTable(columns: columns, rows: rows))
    }

    /// A consolidated table form: its own header, rows and totals row, as the form defines them.
    static func formTable(_ table: FormTable, number: Int) -> ReportAppendix {
        let form = table.form.form
        let stub = form.numbered ? [ReportColumn(title: "STT", kind: .text, width: 0.06)] : []
        let label = ReportColumn(title: form.rowHeader, kind: .text, width: form.numbered ? 0.22 : 0.28)
        let share = 0.72 / Double(max(form.columns.count, 1))
        let columns = stub + [label] + form.columns.map { ReportColumn(title: $0.title, kind: $0.kind.isNumeric ? .number : .text, width: share) }
        let lines = table.displayRows()
        let rows = lines.enumerated().map { i, line in
            ReportRow(kind: table.totals != nil && i == lines.count - 1 ? .total : .item, cells: line.map { $0.isEmpty ? .empty : .text($0) })
        }
        return ReportAppendix(kind: .form, number: number, title: "\(VNText.clean(form.title)) (biểu \(form.code))",
                              landscape: form.columns.count > 5, table: ReportTable(columns: columns, rows: rows), form: table)
    }

    /// One indicator by unit, with a total row that is the ratio of the sums, never a mean of rates.
    static func unitTable(_ total: IndicatorResult, _ units: [(unit: OrgUnit, result: IndicatorResult)], unit: OrgUnit,
                          number: Int) -> ReportAppendix {
        let columns = [
            ReportColumn(title: "STT", kind: .text, width: 0.07), ReportColumn(title: "Đơn vị", kind: .text, width: 0.38),
            ReportColumn(title: "Tử số", kind: .number, width: 0.15), ReportColumn(title: "Mẫu số", kind: .number, width: 0.15),
            ReportColumn(title: "Tỷ lệ", kind: .percent, width: 0.12), ReportColumn(title: "Đánh giá", kind: .text, width: 0.13),
        ]
        func cells(_ r: IndicatorResult) -> [ReportCell] {
            [r.aggregate.numerator.map(ReportCell.number) ?? .empty, r.aggregate.denominator.map(ReportCell.number) ?? .empty,
             r.aggregate.value.map(ReportCell.percent) ?? .text(r.aggregate.isZeroOverZero ? ZeroDenominatorRule.noRate : ValueSource.missing.labelVI),
             .text(r.evaluation.labelVI)]
        }
        var rows = units.enumerated().map { i, u in
            ReportRow(kind: .item, cells: [.text(String(i + 1)), .text(u.unit.name)] + cells(u.result))
        }
        // The total of the rows shown: their numerators over their denominators.
        let parts = units.compactMap { u in u.result.aggregate.numerator.flatMap { n in u.result.aggregate.denominator.map { (n, $0) } } }
        let n = parts.reduce(0) { $0 + $1.0 }, d = parts.reduce(0) { $0 + $1.1 }
        let rate = d > 0 ? n * 100 / d : nil
        let evaluation = IndicatorEvaluation(indicator: total.indicator, value: rate, judgement: nil,
                                             year: total.aggregate.period.year, level: unit.kind.level)
        rows.append(ReportRow(kind: .total, cells: [
            .empty, .text("Tổng cộng (\(VNText.clean(unit.name)))"),
            parts.isEmpty ? .empty : .number(n), parts.isEmpty ? .empty : .number(d),
            // Rows of 0/0 only add up to 0/0: no rate, "—", not "Chưa có số liệu".
            rate.map(ReportCell.percent) ?? .text(parts.isEmpty ? ValueSource.missing.labelVI : ZeroDenominatorRule.noRate), .text(evaluation.labelVI),
        ]))
        return ReportAppendix(kind: .byUnit, number: number,
                              title: "\(VNText.clean(total.indicator.name)) theo đơn vị", landscape: false,
                              table: ReportTable(columns: columns, rows: rows))
    }
}

extension String {
    /// "Hoàn thành" → "hoàn thành" inside a sentence; names stay as they are when the whole
    /// text is not a sentence start.
    var lowercasedFirst: String {
        guard let f = first else { return self }
        return f.lowercased() + dropFirst()
    }

    /// "BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ" → "Ban chỉ đạo về chuyển đổi số" inside a sentence.
    var lowercasedFirstIfAllCaps: String {
        guard self == uppercased(), let f = first else { return self }
        return String(f) + dropFirst().lowercased()
    }
}
