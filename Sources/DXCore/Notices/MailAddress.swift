/// The plain addresses notices go to ("ten@don-vi.gov.vn"): ASCII, one "@", a dotted domain,
/// no spaces, brackets or line breaks, so an address can never add a header or a command.
public enum MailAddress {
    public static func isValid(_ s: String) -> Bool {
        guard s.count <= 254, s.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>()[]\\,;:\"".contains($0) && $0.asciiValue! >= 33 }) else {
            return false
        }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}
