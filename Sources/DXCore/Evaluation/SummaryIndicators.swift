/// The count of a plan's indicators by result, and the summary lines of a report's section I.1:
///
///     Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 16 mục tiêu
///     - Số mục tiêu hoàn thành: 09/16 chỉ tiêu đạt 56,25%.
///     - Số mục tiêu hoàn thành từ 50%: 05/16 chỉ tiêu đạt 31,25%.
///     - Số mục tiêu hoàn thành dưới 50%: 01 chỉ tiêu 30% hoạt động kiểm tra ...
///
/// The three lines of the seed are always written. Lines for the other classes follow when they
/// are not empty, so that the lines always add up to the total — the seed's own lines add up to
/// 15 of 16 because its one "Chưa đạt" indicator is counted nowhere.
public struct IndicatorSummary: Hashable, Sendable {
    /// In the plan's order.
    public var evaluations: [IndicatorEvaluation]

    public init(_ evaluations: [IndicatorEvaluation]) {
        self.evaluations = evaluations
    }

    public var total: Int { evaluations.count }

    public func count(_ c: EvaluationClass) -> Int { evaluations.count(where: { $0.evaluationClass == c }) }

    public func evaluations(_ c: EvaluationClass) -> [IndicatorEvaluation] {
        evaluations.filter { $0.evaluationClass == c }
    }

    /// The counts by class, for JSON and dashboards. They add up to `total`.
    public var counts: Counts {
        Counts(total: total, met: count(.met), partlyMetFrom50: count(.partlyMetFrom50),
               below50: count(.partlyMetBelow50), partlyMetUnstated: count(.partlyMetUnstated),
               notMet: count(.notMet), notEvaluable: count(.notEvaluable))
    }

    /// The evaluations grouped by the plan's top-level pillars, in the pillars' order, for
    /// "progress by pillar"; indicators without a known pillar come last under `pillar == nil`.
    /// Empty groups are left out.
    public func byPillar(_ pillars: [Pillar]) -> [IndicatorPillarGroup] {
        let tops = pillars.filter { $0.parentCode == nil }
        var groups = tops.map { IndicatorPillarGroup(pillar: $0, summary: IndicatorSummary([])) }
        var others: [IndicatorEvaluation] = []
        for e in evaluations {
            if let code = e.pillarCode, let i = tops.firstIndex(where: { HierarchicalCode.isWithin(code, $0.code) }) {
                groups[i].summary.evaluations.append(e)
            } else {
                others.append(e)
            }
        }
        if !others.isEmpty { groups.append(IndicatorPillarGroup(pillar: nil, summary: IndicatorSummary(others))) }
        return groups.filter { $0.summary.total > 0 }
    }

    /// Indicators whose recorded judgement disagrees with their number.
    public var contradictions: [IndicatorEvaluation] { evaluations.filter(\.contradictsJudgement) }

    /// "Kế hoạch chuyển đổi số tỉnh Thái Bình năm 2024 đặt ra 16 mục tiêu" — the seed ends it
    /// without a full stop, as a lead-in to the list.
    public func headlineVI(planName: String) -> String {
        "\(VNText.clean(planName)) đặt ra \(SummaryText.count(total)) mục tiêu"
    }

    /// The list lines, without their leading dash.
    public func linesVI(maxTitled: Int = 3) -> [String] {
        var lines = [
            "Số mục tiêu hoàn thành: \(share(.met)).",
            "Số mục tiêu hoàn thành từ 50%: \(share(.partlyMetFrom50)).",
            "Số mục tiêu hoàn thành dưới 50%: \(named(.partlyMetBelow50, maxTitled: maxTitled))",
        ]
        let extra: [(EvaluationClass, String)] = [
            (.partlyMetUnstated, "Số mục tiêu hoàn thành một phần, chưa xác định tỷ lệ"),
            (.notMet, "Số mục tiêu chưa đạt"),
            (.notEvaluable, "Số mục tiêu chưa đánh giá"),
        ]
        for (c, lead) in extra where count(c) > 0 {
            lines.append("\(lead): \(named(c, maxTitled: maxTitled))")
        }
        return lines
    }

    /// Headline and lines as a block of text, one "- " line each.
    public func textVI(planName: String, maxTitled: Int = 3) -> String {
        ([headlineVI(planName: planName)] + linesVI(maxTitled: maxTitled).map { "- " + $0 })
            .joined(separator: "\n")
    }

    /// "09/16 chỉ tiêu đạt 56,25%".
    private func share(_ c: EvaluationClass) -> String {
        let n = count(c)
        return "\(SummaryText.fraction(n, total)) chỉ tiêu đạt \(VNNumber.percent(n, of: total))"
    }

    /// "01 chỉ tiêu 30% hoạt động kiểm tra ..." for one, "02 chỉ tiêu (8. ...; 11. ...)" for
    /// several, "không có." for none.
    private func named(_ c: EvaluationClass, maxTitled: Int) -> String {
        let items = evaluations(c)
        switch items.count {
        case 0: return "không có."
        case 1: return "01 chỉ tiêu \(SummaryText.inline(items[0].indicatorName))."
        default:
            let list = SummaryText.itemList(items.map { ($0.indicatorCode, $0.indicatorName) }, maxTitled: maxTitled)
            return "\(SummaryText.count(items.count)) chỉ tiêu \(list)."
        }
    }
}

extension IndicatorSummary {
    /// How many indicators fell in each class; the JSON of `dxtrack evaluate`'s `summary`.
    public struct Counts: Hashable, Sendable, Codable {
        public var total: Int
        /// "Hoàn thành" / "Đạt".
        public var met: Int
        /// Partly met, 50% of the target or more: "hoàn thành từ 50%".
        public var partlyMetFrom50: Int
        /// Partly met, below 50% of the target: "hoàn thành dưới 50%".
        public var below50: Int
        /// Partly met by a judgement that states no share.
        public var partlyMetUnstated: Int
        /// "Chưa đạt".
        public var notMet: Int
        /// "Chưa đánh giá": no data, no target or no judgement.
        public var notEvaluable: Int

        public init(total: Int, met: Int, partlyMetFrom50: Int, below50: Int, partlyMetUnstated: Int,
                    notMet: Int, notEvaluable: Int) {
            self.total = total
            self.met = met
            self.partlyMetFrom50 = partlyMetFrom50
            self.below50 = below50
            self.partlyMetUnstated = partlyMetUnstated
            self.notMet = notMet
            self.notEvaluable = notEvaluable
        }
    }
}

/// The indicators of one pillar, with their own counts ("Chính quyền số: 06/08 hoàn thành").
public struct IndicatorPillarGroup: Hashable, Sendable {
    /// `nil` for indicators without a known pillar.
    public var pillar: Pillar?
    public var summary: IndicatorSummary
}
