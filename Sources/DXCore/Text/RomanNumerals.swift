extension VNText {
    private static let romanSteps: [(value: Int, symbol: String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// Section ("I.", "IV.") and quarter ("Quý II/2024") numbering: `roman(4)` → "IV".
    /// Documents need 1–39 at most; 1–3999 work. Numbers Roman numerals cannot write (0,
    /// negatives, 4000 and above) come back in digits, so a heading is never left empty.
    public static func roman(_ n: Int) -> String {
        guard (1...3999).contains(n) else { return String(n) }
        var rest = n
        var out = ""
        for step in romanSteps {
            while rest >= step.value {
                out += step.symbol
                rest -= step.value
            }
        }
        return out
    }

    /// The value of a Roman numeral as written in headings ("Phụ lục II", "Quý IV"),
    /// case-insensitive; nil unless it is the standard spelling (`IIII`, `IC`, `VX` are not).
    public static func romanValue(_ text: String) -> Int? {
        let upper = text.uppercased()
        guard !upper.isEmpty, upper.count <= 15 else { return nil }
        var rest = Substring(upper)
        var total = 0
        for step in romanSteps {
            while rest.hasPrefix(step.symbol) {
                total += step.value
                rest = rest.dropFirst(step.symbol.count)
            }
        }
        // Greedy reading accepts some non-standard spellings; writing back tells them apart.
        guard rest.isEmpty, roman(total) == upper else { return nil }
        return total
    }
}
