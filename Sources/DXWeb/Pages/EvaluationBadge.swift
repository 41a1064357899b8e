import DXCore

/// The traffic light of an evaluation. The word is always written, and each class has its own
/// mark, so the light reads without colour (grey-scale print, colour-blind readers).
enum EvaluationBadge {
    static func node(_ e: IndicatorEvaluation) -> Node {
        let (cls, mark) = style(e.evaluationClass)
        return .group {
            Node.span(.class("badge \(cls)"), text: "\(mark) \(Language.current == .en ? e.outcome.labelEN : e.labelVI)")
            if e.contradictsJudgement, let j = e.judgement {
                " "
                Node.span(.class("muted"), .title(t("Đánh giá ghi trong báo cáo khác với kết quả tính từ số liệu")),
                          text: "(\(t("báo cáo ghi:")) \(translated(j.labelVI)))")
            }
        }
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
