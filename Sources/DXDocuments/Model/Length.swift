/// A length on the page. Stored in twentieths of a point (twips), Word's own unit, so that
/// values survive a round trip through the writer exactly.
public struct Length: Sendable, Hashable, Comparable {
    public var twips: Int

    public init(twips: Int) { self.twips = twips }

    public static func mm(_ millimetres: Double) -> Length {
        Length(twips: Int((millimetres * 1440 / 25.4).rounded()))
    }

    public static func cm(_ centimetres: Double) -> Length { .mm(centimetres * 10) }

    public static func pt(_ points: Double) -> Length { Length(twips: Int((points * 20).rounded())) }

    public static let zero = Length(twips: 0)

    public var millimetres: Double { Double(twips) * 25.4 / 1440 }
    public var points: Double { Double(twips) / 20 }

    public static func < (lhs: Length, rhs: Length) -> Bool { lhs.twips < rhs.twips }
    public static func + (lhs: Length, rhs: Length) -> Length { Length(twips: lhs.twips + rhs.twips) }
    public static func - (lhs: Length, rhs: Length) -> Length { Length(twips: lhs.twips - rhs.twips) }
    public static func * (lhs: Length, factor: Double) -> Length {
        Length(twips: Int((Double(lhs.twips) * factor).rounded()))
    }
}
