import Foundation

/// A rough width of a line of Times New Roman text, used only to size the decorative rules
/// that the decree ties to a line's length (the real width depends on the reader's font).
enum TextWidthEstimate {
    static func width(of text: String, pointSize: Double, bold: Bool) -> Length {
        var ems = 0.0
        for character in text {
            if character == " " {
                ems += 0.25
            } else if character == "-" || character == "." || character == "," || character == ":" {
                ems += 0.33
            } else if character.isUppercase {
                ems += bold ? 0.72 : 0.68
            } else if character.isNumber {
                ems += 0.5
            } else {
                ems += bold ? 0.5 : 0.46
            }
        }
        return .pt(ems * pointSize)
    }
}

extension String {
    /// Capitals as Vietnamese writes them ("đ" → "Đ"), kept in NFC.
    var vietnameseUppercased: String {
        uppercased().precomposedStringWithCanonicalMapping
    }
}
