import Foundation

/// Identifiers follow DHIS2 where DHIS2 has the period type, so that data can be exchanged:
///
/// | type | identifier |
/// |---|---|
/// | year | `2024` |
/// | half-year | `2024S1`, `2024S2` |
/// | quarter | `2024Q1` … `2024Q4` |
/// | month | `202403` |
/// | nine months | `2024N9` — not a DHIS2 type; DHIS2 has no cumulative 9-month period |
/// | custom | `2024-01-01_2024-11-30` (ISO dates, both included) |
///
/// Parsing is strict (upper-case letters, ASCII digits, no spaces, no two-digit years) because
/// identifiers are keys: two spellings of one period would split its data.
extension Period {
    public var identifier: String {
        let y = CalendarDate.padded(start.year, 4)
        return switch type {
        case .year: y
        case .halfYear: "\(y)S\(number!)"
        case .quarter: "\(y)Q\(number!)"
        case .month: y + CalendarDate.padded(start.month, 2)
        case .nineMonths: "\(y)N9"
        case .custom: "\(start.iso)_\(end.iso)"
        }
    }

    public init?(identifier: String) {
        guard let p = Period.read(identifier) else { return nil }
        self = p
    }

    /// `Period(identifier:)` for text typed by people: the error says what the forms are.
    public static func parse(_ text: String) throws(Problem) -> Period {
        guard let p = read(text) else { throw .invalidIdentifier(text) }
        return p
    }

    private static func read(_ text: String) -> Period? {
        let b = Array(text.utf8)
        switch b.count {
        case 4:
            guard let y = year(b[0..<4]) else { return nil }
            return calendar(.year, year: y)
        case 6:
            guard let y = year(b[0..<4]) else { return nil }
            switch (b[4], b[5]) {
            case (UInt8(ascii: "S"), UInt8(ascii: "1")...UInt8(ascii: "2")):
                return calendar(.halfYear, year: y, number: Int(b[5] - UInt8(ascii: "0")))
            case (UInt8(ascii: "Q"), UInt8(ascii: "1")...UInt8(ascii: "4")):
                return calendar(.quarter, year: y, number: Int(b[5] - UInt8(ascii: "0")))
            case (UInt8(ascii: "N"), UInt8(ascii: "9")):
                return calendar(.nineMonths, year: y)
            default:
                guard let m = digits(b[4..<6]), (1...12).contains(m) else { return nil }
                return calendar(.month, year: y, number: m)
            }
        case 21:
            guard b[10] == UInt8(ascii: "_"), let from = isoDate(b[0..<10]), let to = isoDate(b[11..<21])
            else { return nil }
            return try? custom(from: from, to: to)
        default:
            return nil
        }
    }

    /// `Int(_:)` would accept `+024`, so digits are checked one by one.
    private static func digits(_ b: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for c in b {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { return nil }
            n = n * 10 + Int(c - UInt8(ascii: "0"))
        }
        return b.isEmpty ? nil : n
    }

    private static func year(_ b: ArraySlice<UInt8>) -> Int? {
        guard let y = digits(b), supportedYears.contains(y) else { return nil }
        return y
    }

    /// `CalendarDate(iso:)` also goes through `Int(_:)`, so the shape is checked here first.
    private static func isoDate(_ b: ArraySlice<UInt8>) -> CalendarDate? {
        let i = b.startIndex
        guard b[i + 4] == UInt8(ascii: "-"), b[i + 7] == UInt8(ascii: "-"),
              let y = digits(b[i..<i + 4]), let m = digits(b[i + 5..<i + 7]), let d = digits(b[i + 8..<i + 10])
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

extension Period: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        do {
            self = try Period.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(identifier)
    }
}

extension Period: CustomStringConvertible {
    /// The identifier, so that logs and interpolations show the stored key.
    public var description: String { identifier }
}
