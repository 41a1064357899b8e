import DXCore

/// The traffic light of an evaluation. The word is always written, and each class has its own
/// mark, so the light reads without colour (grey-scale print, colour-blind readers).
enum EvaluationBadge {
    static func html(_ e: IndicatorEvaluation) -> String {
        let (cls, mark) = style(e.evaluationClass)
        var s = "<span class=\"badge \(cls)\">\(mark) \(escape(Language.current == .en ? e.outcome.labelEN : e.labelVI))</span>"
        if e.contradictsJudgement, let j = e.judgement {
            s += " <span class=\"muted\" title=\"\(t("Đánh giá ghi trong báo cáo khác với kết quả tính từ số liệu"))\">(\(t("báo cáo ghi:")) \(escape(translated(j.labelVI))))</span>"
        }
        return s
    }

    static func style(_ c: EvaluationClass) -> (cssClass: String, mark: String) {
        switch c {
        case .met: ("ev-met", "●")
        case .partlyMetFrom50, .partlyMetUnstated: ("ev-partly", "◐")
        case .partlyMetBelow50: ("ev-below", "◔")
        case .notMet: ("ev-not", "○")
        case .notEvaluable: ("ev-none", "–")
        }
    }
}
