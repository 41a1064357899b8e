/// Numbers as Vietnamese documents write them: thousands dot, decimal comma, `56,25%` without a
/// space (domain §11), and the English equivalents for the second interface language.
///
/// Written by hand rather than with `NumberFormatter`: a formatter is not `Sendable`, and the
/// rounding rule must be half away from zero on the decimal the reader sees.
public enum VNNumber {
    /// Shown instead of NaN or an infinity, which only arise from missing or broken data.
    public static let placeholder = "—"

    /// `1445521` → `1.445.521` (en: `1,445,521`).
    public static func format(_ n: Int, locale: DisplayLocale = .vi) -> String {
        DecimalDigits(n).text(fractionDigits: 0, trimZeros: true,
                              grouping: locale.groupingSeparator, decimal: locale.decimalSeparator)
    }

    /// `56.245` → `56,25`; `1445521.5` → `1.445.521,5`.
    ///
    /// Rounds half away from zero to `fractionDigits` digits; with `trimZeros` the trailing zeros
    /// of the fraction are dropped (`80.60` → `80,6`, `3.00` → `3`), without it they are kept.
    public static func format(_ x: Double, fractionDigits: Int = 2, trimZeros: Bool = true,
                              locale: DisplayLocale = .vi) -> String {
        guard let decimal = DecimalDigits(x) else { return placeholder }
        return render(decimal, fractionDigits: fractionDigits, trimZeros: trimZeros, locale: locale)
    }

    /// A percent value (56.25, not 0.5625) as `56,25%`: the sign follows without a space.
    public static func percent(_ value: Double, fractionDigits: Int = 2, trimZeros: Bool = true,
                               locale: DisplayLocale = .vi) -> String {
        let number = format(value, fractionDigits: fractionDigits, trimZeros: trimZeros, locale: locale)
        return number == placeholder ? placeholder : number + "%"
    }

    /// `part` as a percentage of `whole`: `percent(6, of: 79)` → `7,59%`. Computed exactly on
    /// integers so that the check of a stated percentage against its counts cannot be thrown off
    /// by floating point. A zero `whole` gives the placeholder.
    public static func percent(_ part: Int, of whole: Int, fractionDigits: Int = 2,
                               trimZeros: Bool = true, locale: DisplayLocale = .vi) -> String {
        guard whole != 0 else { return placeholder }
        let digits = max(0, fractionDigits)
        guard let value = exactQuotient(part, times100PowerOfTen: digits + 2, over: whole) else {
            return percent(Double(part) / Double(whole) * 100, fractionDigits: digits,
                           trimZeros: trimZeros, locale: locale)
        }
        var decimal = DecimalDigits(value)
        decimal.exponent = -digits
        return render(decimal, fractionDigits: digits, trimZeros: trimZeros, locale: locale) + "%"
    }

    /// `1013, 1013` → `1.013/1.013`: "done of planned" as the summaries write it.
    /// With `width: 2` the counts are zero-padded as in "09/16".
    public static func fraction(_ part: Int, _ whole: Int, width: Int = 1,
                                locale: DisplayLocale = .vi) -> String {
        padded(part, width: width, locale: locale) + "/" + padded(whole, width: width, locale: locale)
    }

    /// Two measured quantities, each with up to `fractionDigits` digits: `12,5/40`.
    public static func fraction(_ part: Double, _ whole: Double, fractionDigits: Int = 2,
                                locale: DisplayLocale = .vi) -> String {
        format(part, fractionDigits: fractionDigits, locale: locale) + "/"
            + format(whole, fractionDigits: fractionDigits, locale: locale)
    }

    /// Counts in summary lines are padded to two digits ("05 nhiệm vụ"); wider numbers are left
    /// as they are (`100`), and thousands are still grouped (`1.013`).
    public static func padded(_ n: Int, width: Int = 2, locale: DisplayLocale = .vi) -> String {
        var magnitude = DecimalDigits(n)
        magnitude.negative = false
        let sign = n < 0 ? "-" : ""
        if magnitude.digits.count < width {
            return sign + String(repeating: "0", count: width - magnitude.digits.count)
                + magnitude.digits.map(String.init).joined()
        }
        return sign + magnitude.text(fractionDigits: 0, trimZeros: true,
                                     grouping: locale.groupingSeparator, decimal: locale.decimalSeparator)
    }

    /// Index values in [0, 1] such as the DTI are published with four fixed digits: `0,8002`.
    public static func index(_ x: Double, locale: DisplayLocale = .vi) -> String {
        format(x, fractionDigits: 4, trimZeros: false, locale: locale)
    }

    private static func render(_ decimal: DecimalDigits, fractionDigits: Int, trimZeros: Bool,
                               locale: DisplayLocale) -> String {
        let digits = max(0, fractionDigits)
        return decimal.rounded(fractionDigits: digits).text(
            fractionDigits: digits, trimZeros: trimZeros,
            grouping: locale.groupingSeparator, decimal: locale.decimalSeparator)
    }

    /// part × 10^power / whole rounded half away from zero, or nil on overflow.
    private static func exactQuotient(_ part: Int, times100PowerOfTen power: Int, over whole: Int) -> Int? {
        var scale = 1
        for _ in 0..<power {
            let (next, overflow) = scale.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            scale = next
        }
        let (numerator, overflow) = part.multipliedReportingOverflow(by: scale)
        guard !overflow, whole != Int.min else { return nil }
        let q = numerator / whole
        let r = numerator % whole
        // |r| ≥ |whole| / 2, compared without overflow: |r| ≥ |whole| - |r|.
        guard r.magnitude >= whole.magnitude - r.magnitude, r != 0 else { return q }
        return (numerator < 0) != (whole < 0) ? q - 1 : q + 1
    }
}
