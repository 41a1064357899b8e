import DXCore

/// Interface text in the reader's language. Vietnamese is the source text: every page is
/// written in Vietnamese and passes its fixed wording through `t`, which returns the English
/// entry of `EnglishCatalogue` when the page is being rendered in English. Data (unit, plan and
/// indicator names) and the official report are never translated.
extension Language {
    /// The language of the response being rendered, set per request by `LanguageMiddleware`
    /// (a task local, so views need no parameter for it).
    @TaskLocal static var current: Language = .vi
}

/// A fixed piece of interface text. Always call it with a string literal: a test reads these
/// literals from the sources and checks that each has an English entry.
func t(_ vi: String) -> String {
    guard Language.current == .en else { return vi }
    return EnglishCatalogue.entries[vi] ?? vi
}

/// A sentence with values. In the Vietnamese text the values stand at `%@`, in order; an English
/// entry may use `%@` in order too, or `%1$@`, `%2$@` where its word order differs.
func t(_ vi: String, _ values: any CustomStringConvertible...) -> String {
    fill(t(vi), values.map(\.description))
}

/// Text that is not a literal of this module but is one of a fixed set of sentences (the
/// refusals of `AccessPolicy`, vocabulary labels of DXCore): translated when the catalogue has
/// it, otherwise shown as it is.
func translated(_ vi: String) -> String {
    guard Language.current == .en else { return vi }
    return EnglishCatalogue.entries[vi] ?? vi
}

/// Puts the values in place of `%@` (in order) and `%N$@` (the N-th value).
func fill(_ template: String, _ values: [String]) -> String {
    var out = ""
    var next = 0
    var rest = Substring(template)
    while let i = rest.firstIndex(of: "%") {
        out += rest[..<i]
        let after = rest[rest.index(after: i)...]
        if after.hasPrefix("@") {
            out += next < values.count ? values[next] : ""
            next += 1
            rest = after.dropFirst()
        } else if let dollar = after.firstIndex(of: "$"), let n = Int(after[..<dollar]), after[after.index(after: dollar)...].hasPrefix("@") {
            out += n >= 1 && n <= values.count ? values[n - 1] : ""
            rest = after[after.index(dollar, offsetBy: 2)...]
        } else {
            out += "%"
            rest = after
        }
    }
    return out + rest
}

extension Period {
    /// The period's name in the language of the page ("6 tháng đầu năm 2024", "First half of 2024").
    var label: String { Language.current == .en ? labelEN : labelVI }
}

extension Period {
    /// The heading of a round's period ("Năm 2024"; in English the period's name).
    var heading: String { Language.current == .en ? labelEN : headingVI }
}

extension DataWindow {
    /// "từ 01/01/2024 đến 30/11/2024", "from 01/01/2024 to 30/11/2024".
    var label: String { t("từ %@ đến %@", VNDate.numeric(from), VNDate.numeric(to)) }
}

extension Coverage {
    var label: String { Language.current == .en ? labelEN : labelVI }
}

extension AggregatedValue {
    /// "Số liệu của tỉnh", "3/38 đơn vị trực thuộc đã báo cáo" in the reader's language.
    func provenance(kind: UnitKind) -> [String] {
        Language.current == .en ? provenanceEN(kind: kind) : provenanceVI(kind: kind)
    }
}

extension PlanKind {
    /// The kind of a plan document. Not through the catalogue: "Kế hoạch" is also the menu
    /// entry, whose English is the plural "Plans".
    var label: String {
        guard Language.current == .en else { return labelVI }
        switch self {
        case .resolution: return "Resolution"
        case .scheme: return "Scheme"
        case .plan: return "Plan"
        }
    }
}
