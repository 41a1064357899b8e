import DXCore

extension Store {
    /// The zero-denominator rule of the web form, the API and the Excel upload, applied to a
    /// value that comes in by `dxtrack import` or a data set: 0/0 only where the indicator
    /// allows it, n/0 never. Kept apart from `upsertValue` so the rule has one home.
    func requireZeroDenominatorRule(_ v: DataValue, _ indicator: IndicatorModel, _ context: String) throws {
        let rule = Indicator(code: indicator.code, name: indicator.name,
                             measure: MeasureKind(rawValue: indicator.measure) ?? .count,
                             allowsZeroDenominator: indicator.allowsZeroDenominator)
        if let problem = rule.zeroDenominatorProblem(numerator: v.numerator, denominator: v.denominator) {
            throw StoreError.invalid("\(context): \(problem)")
        }
    }
}
