/// The language an account reads the web interface in. Vietnamese is the source text of every
/// page and the default; English is a translation of the interface only, never of the data or
/// of the official report.
public enum Language: String, Sendable, Codable, CaseIterable {
    case vi
    case en

    /// The name of the language in itself, as the language selector shows it.
    public var nativeName: String {
        switch self {
        case .vi: "Tiếng Việt"
        case .en: "English"
        }
    }
}
