/// Ranks that share ties ("standard competition ranking"): 0,9 0,8 0,8 0,7 → 1, 2, 2, 4.
public enum Ranking {
    /// Ranks for `scores`, higher is better, in the order given. Scores are compared as they are
    /// published, rounded to `fractionDigits`, so two units shown with the same figure never
    /// get different ranks because of a digit nobody sees.
    public static func competition(_ scores: [Double], fractionDigits: Int = 4, higherIsBetter: Bool = true) -> [Int] {
        var scale = 1.0
        for _ in 0..<max(0, fractionDigits) { scale *= 10 }
        let shown = scores.map { ($0 * scale).rounded(.toNearestOrAwayFromZero) }
        return shown.map { s in
            1 + shown.count(where: { higherIsBetter ? $0 > s : $0 < s })
        }
    }
}
