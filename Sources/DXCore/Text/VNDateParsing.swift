import Foundation

extension VNDate {
    /// Why a text is not a date, with a message in Vietnamese that can be shown as it is.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
        public enum Reason: Equatable, Sendable {
            case empty
            case badFormat
            case noSuchMonth(Int)
            case noSuchDay(day: Int, month: Int, year: Int)
        }

        public let input: String
        public let reason: Reason

        public var message: String {
            let head = "\"\(input)\" không phải là ngày hợp lệ"
            switch reason {
            case .empty:
                return "Chưa nhập ngày"
            case .badFormat:
                return head + ": hãy nhập theo dạng ngày/tháng/năm, ví dụ 27/06/2024"
            case .noSuchMonth(let month):
                return head + ": không có tháng \(month)"
            case .noSuchDay(_, let month, let year):
                let days = CalendarDate.daysIn(month: month, year: year)
                return head + ": tháng \(month) năm \(year) chỉ có \(days) ngày"
            }
        }

        public var description: String { message }
        public var errorDescription: String? { message }
    }

    /// Reads a date the way people type it; nil if it is not a real day. See `parseOrThrow(_:)`.
    public static func parse(_ text: String) -> CalendarDate? {
        try? parseOrThrow(text)
    }

    /// Reads `27/06/2024`, `27/6/2024`, `27-06-2024`, `27.06.2024` (day first, as in Vietnam),
    /// `2024-06-27` (year first, ISO), and the document form "ngày 05 tháng 7 năm 2024", with
    /// or without a place before it. Rejects two-digit years (`27/6/24`: the century would be a
    /// guess), mixed separators (`27/06-2024`) and days that do not exist (`31/04/2024`,
    /// `29/02/2023`).
    public static func parseOrThrow(_ text: String) throws -> CalendarDate {
        let trimmed = VNText.clean(text)
        guard !trimmed.isEmpty else { throw ParseError(input: text, reason: .empty) }
        guard trimmed.count <= 80,
              let (day, month, year) = numericParts(trimmed) ?? documentParts(trimmed) else {
            throw ParseError(input: text, reason: .badFormat)
        }
        guard year >= 1 else { throw ParseError(input: text, reason: .badFormat) }
        guard (1...12).contains(month) else {
            throw ParseError(input: text, reason: .noSuchMonth(month))
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw ParseError(input: text, reason: .noSuchDay(day: day, month: month, year: year))
        }
        return date
    }

    /// (day, month, year) of `d/m/yyyy` or `yyyy-mm-dd` with `/`, `-` or `.` used throughout.
    private static func numericParts(_ text: String) -> (Int, Int, Int)? {
        guard let separator = text.first(where: { "/-.".contains($0) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) {
            return (c, b, a)
        }
        if (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4 {
            return (a, b, c)
        }
        return nil
    }

    /// (day, month, year) of "…ngày 05 tháng 7 năm 2024", tone marks optional.
    private static func documentParts(_ text: String) -> (Int, Int, Int)? {
        let words = VNText.searchKey(text)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        guard let start = words.firstIndex(of: "ngay"), words.count - start == 6,
              words[start + 2] == "thang", words[start + 4] == "nam",
              words[start + 5].count == 4,
              let day = Int(words[start + 1]), let month = Int(words[start + 3]),
              let year = Int(words[start + 5]) else { return nil }
        return (day, month, year)
    }
}
