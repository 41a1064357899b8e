extension Target {
    /// The target in short form: "≥ 80%", "6–8% GRDP", "nhóm 15 dẫn đầu", with the level
    /// when it is not for every level.
    public func shortLabelVI(unit: String?) -> String {
        let u = unit.map { $0 == "%" || $0.hasPrefix("%") ? $0 : " " + $0 } ?? ""
        func n(_ x: Double?) -> String { x.map { VNNumber.format($0, fractionDigits: 2) } ?? "?" }
        let core: String
        switch comparator {
        case .ge: core = "≥ \(n(value))\(u)"
        case .gt: core = "> \(n(value))\(u)"
        case .le: core = "≤ \(n(value))\(u)"
        case .lt: core = "< \(n(value))\(u)"
        case .eq: core = "\(n(value))\(u)"
        case .range: core = "\(n(value))–\(n(upper))\(u)"
        case .rankAtMost: core = "nhóm \(n(value)) dẫn đầu"
        case .judgement: core = "Đánh giá định tính"
        }
        return level == .any ? core : "\(core) (\(level.labelVI.lowercased()))"
    }
}

extension DataValue {
    /// The result in short form: "60/90 (66,67%)", "0/0 (—)", "99,1%", "1.240", or the text as written.
    public func shortLabelVI(measure: MeasureKind, unit: String?) -> String {
        if let n = numerator, let d = denominator {
            // 0/0 has no rate: "0/0 (—)", never "(0%)".
            let rate = " (" + (effectiveValue.map { VNNumber.percent($0) } ?? ZeroDenominatorRule.noRate) + ")"
            return VNNumber.fraction(n, d) + rate
        }
        if let v = value {
            if measure == .rate || unit == "%" { return VNNumber.percent(v) }
            let u = unit.map { $0.hasPrefix("%") ? $0 : " " + $0 } ?? ""
            return VNNumber.format(v, fractionDigits: 2) + u
        }
        if let j = judgement, (text ?? "").isEmpty { return j.labelVI }
        return text ?? ""
    }
}
