/// The two languages of the interface. Vietnamese is the language of the documents; English is
/// offered to readers who do not read Vietnamese, so it follows English number conventions.
public enum DisplayLocale: String, Sendable, Hashable, CaseIterable, Codable {
    case vi
    case en

    var decimalSeparator: Character { self == .vi ? "," : "." }
    var groupingSeparator: Character { self == .vi ? "." : "," }
}
