extension ScoringScheme {
    /// A mistake in a scheme, worded for the person who edits the JSON.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case duplicateLevel(AdminLevel)
        case duplicateCode(level: AdminLevel, code: String)
        case pointsDoNotAddUp(level: AdminLevel, index: String, criteria: Double, maximum: Double)
        case badRule(level: AdminLevel, criterion: String)
        case negativePoints(level: AdminLevel, code: String)

        public var description: String {
            func n(_ x: Double) -> String { VNNumber.format(x, fractionDigits: 2) }
            switch self {
            case .duplicateLevel(let l):
                return "Bộ chỉ số có hai phần cho cùng một cấp: \(l.labelVI)"
            case .duplicateCode(let l, let c):
                return "Mã \(c) bị trùng trong phần \(l.labelVI)"
            case .pointsDoNotAddUp(let l, let i, let c, let m):
                return "Chỉ số \(i) (\(l.labelVI)): tổng điểm các tiêu chí \(n(c)) khác điểm tối đa \(n(m))"
            case .badRule(let l, let c):
                return "Tiêu chí \(c) (\(l.labelVI)): cách tính điểm không hợp lệ (ngưỡng thiếu cận hoặc cận dưới lớn hơn cận trên, tỷ lệ điểm ngoài 0–1, hoặc mức đạt tối đa không dương)"
            case .negativePoints(let l, let c):
                return "Mã \(c) (\(l.labelVI)): điểm âm"
            }
        }
    }

    /// Every problem found, in document order; empty for a sound scheme.
    public func problems() -> [Problem] {
        var result: [Problem] = []
        var levels: Set<AdminLevel> = []
        for part in parts {
            if !levels.insert(part.level).inserted { result.append(.duplicateLevel(part.level)) }
            var codes: Set<String> = []
            for index in part.indices {
                if !codes.insert(index.code).inserted { result.append(.duplicateCode(level: part.level, code: index.code)) }
                if index.maximum < 0 { result.append(.negativePoints(level: part.level, code: index.code)) }
                for c in index.criteria {
                    if !codes.insert(c.code).inserted { result.append(.duplicateCode(level: part.level, code: c.code)) }
                    if c.points < 0 { result.append(.negativePoints(level: part.level, code: c.code)) }
                    if !c.rule.isSound { result.append(.badRule(level: part.level, criterion: c.code)) }
                }
                let sum = index.criteria.reduce(0) { $0 + $1.points }
                if !index.criteria.isEmpty, abs(sum - index.maximum) > 1e-9 {
                    result.append(.pointsDoNotAddUp(level: part.level, index: index.code, criteria: sum, maximum: index.maximum))
                }
            }
        }
        return result
    }
}

extension ScoringRule {
    var isSound: Bool {
        switch self {
        case .ratio(let full): full > 0
        case .yesNo, .fullHalfZero: true
        case .thresholds(let steps):
            !steps.isEmpty && steps.allSatisfy { step in
                (step.atLeast != nil || step.atMost != nil) && (0...1).contains(step.share)
                    && (step.atLeast.flatMap { lo in step.atMost.map { lo <= $0 } } ?? true)
            }
        }
    }
}
