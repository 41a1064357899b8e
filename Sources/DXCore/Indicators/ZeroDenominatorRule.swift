/// The one rule for a zero denominator, applied by every way figures come in (the web form, the
/// API, the Excel upload and the command line's import), so that a file one of them wrote is
/// never refused by another. Each caller names where (field, cell, row); the sentence is this.
public enum ZeroDenominatorRule {
    /// How every output writes the rate of 0/0: neither 0% nor 100%.
    public static let noRate = VNNumber.placeholder
    /// n/0 with n > 0 is never a rate, whatever the indicator allows.
    public static let numeratorOverZero = "Mẫu số phải lớn hơn 0 khi tử số lớn hơn 0."
    /// 0/0 for an indicator that does not allow it.
    public static let zeroOverZeroNotAllowed = "Mẫu số phải lớn hơn 0: chỉ tiêu này không cho phép 0/0. Nếu kỳ này không phát sinh, để trống tử số, mẫu số và ghi lý do vào ô Ghi chú."
}

extension Indicator {
    /// Why these parts cannot be stored for this indicator, as far as a zero denominator goes;
    /// nil when they can (no zero denominator, or 0/0 where `allowsZeroDenominator`).
    /// Negative parts and a missing half are other rules (`EntryValidation.check`).
    public func zeroDenominatorProblem(numerator: Double?, denominator: Double?) -> String? {
        guard let d = denominator, d == 0, let n = numerator else { return nil }
        if n > 0 { return ZeroDenominatorRule.numeratorOverZero }
        if n == 0, !allowsZeroDenominator { return ZeroDenominatorRule.zeroOverZeroNotAllowed }
        return nil
    }
}
