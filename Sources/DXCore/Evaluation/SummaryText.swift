/// Pieces shared by the summary sentences.
enum SummaryText {
    /// Counts in summary lines are padded to two digits: "09/16", "05 nhiệm vụ".
    static func count(_ n: Int) -> String { VNNumber.padded(n) }

    /// "09/16".
    static func fraction(_ part: Int, _ whole: Int) -> String { VNNumber.fraction(part, whole, width: 2) }

    /// A title as it goes inside a sentence: trimmed, without the final punctuation that would
    /// double up with the sentence's own ("...dịch vụ công trực tuyến.;").
    static func inline(_ title: String) -> String {
        var t = VNText.clean(title)
        while let last = t.last, ".;:,".contains(last) { t.removeLast() }
        return t
    }

    /// The items named after a count, as the seeds write them: up to `maxTitled` items with code
    /// and title "(2.7. Tham mưu ...; 2.8. Tham mưu ...)", more items by code only
    /// "(4.2, 4.6, 4.7, 4.9)". The seed switches at four items, hence the default of three.
    static func itemList(_ items: [(code: String, title: String)], maxTitled: Int) -> String {
        guard !items.isEmpty else { return "" }
        if items.count > maxTitled {
            return "(" + items.map(\.code).joined(separator: ", ") + ")"
        }
        return "(" + items.map { "\($0.code). \(inline($0.title))" }.joined(separator: "; ") + ")"
    }

    /// The short name of a period inside "(6 tháng đầu năm 31 nhiệm vụ)": the label without its
    /// year, which the sentence already gives; whole years and date ranges keep theirs.
    static func periodWithinYear(_ p: Period) -> String {
        let label = p.labelVI
        switch p.type {
        case .halfYear, .nineMonths:
            return String(label.dropLast(" \(p.start.year)".count))
        case .quarter, .month:
            return String(label.dropLast("/\(p.start.year)".count))
        case .year, .custom:
            return label
        }
    }
}
