import Foundation

/// Periods as DHIS2 writes them: its identifiers (`2024`, `2024S1`, `2024Q1`, `202401`) in
/// dataValueSets, and ISO 8601 start/duration (`2024-01-01/P3M`) in ADX. dxtrack's own
/// identifiers are DHIS2's where DHIS2 has the type; the nine-month cumulative period and
/// custom date ranges have no DHIS2 type, so they are refused both ways rather than sent as
/// something a DHIS2 instance would misread.
extension Period {
    /// Why a period cannot travel to or from DHIS2.
    public struct DHIS2Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The refusal for a period DHIS2 has no type for.
    public static func notInDHIS2(_ p: Period) -> DHIS2Problem {
        switch p.type {
        case .nineMonths:
            DHIS2Problem(message: "kỳ \(p.labelVI) (\(p.identifier)) là kỳ cộng dồn 9 tháng, DHIS2 không có loại kỳ này: hãy trao đổi số liệu theo quý, 6 tháng hoặc năm")
        default:
            DHIS2Problem(message: "kỳ \(p.labelVI) (\(p.identifier)) là một khoảng ngày tự chọn, DHIS2 không có loại kỳ này: hãy trao đổi số liệu theo tháng, quý, 6 tháng hoặc năm")
        }
    }

    /// Whether DHIS2 has this period's type.
    public var isDHIS2: Bool { type.perYear != nil }

    /// The DHIS2 identifier (the same as `identifier` for the types DHIS2 has).
    public func dhis2Identifier() throws(DHIS2Problem) -> String {
        guard isDHIS2 else { throw Self.notInDHIS2(self) }
        return identifier
    }

    /// A DHIS2 period identifier read: only DHIS2's own forms of the types dxtrack has.
    public static func fromDHIS2(_ text: String) throws(DHIS2Problem) -> Period {
        let p: Period
        do { p = try parse(text) } catch {
            throw DHIS2Problem(message: "mã kỳ \"\(FieldLimit.excerpt(text))\" không phải kỳ DHIS2 mà dxtrack dùng (2024, 2024S1, 2024Q1, 202401)")
        }
        guard p.isDHIS2 else { throw notInDHIS2(p) }
        return p
    }

    /// ADX's period: the first day and the length, `2024-01-01/P3M`.
    public func adxPeriod() throws(DHIS2Problem) -> String {
        guard isDHIS2, let n = type.perYear else { throw Self.notInDHIS2(self) }
        let length = n == 1 ? "P1Y" : "P\(12 / n)M"
        return "\(start.iso)/\(length)"
    }

    /// An ADX period read: a start date and an ISO 8601 duration in years, months, weeks or
    /// days; the days it covers must be one of DHIS2's calendar periods dxtrack has.
    public static func fromADX(_ text: String) throws(DHIS2Problem) -> Period {
        let bad = DHIS2Problem(message: "kỳ ADX \"\(FieldLimit.excerpt(text))\" không hợp lệ (dạng ngày-bắt-đầu/độ-dài, ví dụ 2024-01-01/P3M)")
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 10, let start = CalendarDate(iso: String(parts[0])),
              supportedYears.contains(start.year) else { throw bad }
        let d = Array(parts[1].utf8)
        guard d.count >= 3, d.first == UInt8(ascii: "P"), let unit = d.last,
              d.dropFirst().dropLast().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              d.count <= 6, let n = Int(String(decoding: d.dropFirst().dropLast(), as: UTF8.self)), n > 0 else { throw bad }
        let endExclusive: CalendarDate
        switch unit {
        case UInt8(ascii: "Y"), UInt8(ascii: "M"):
            let months = unit == UInt8(ascii: "Y") ? n * 12 : n
            guard start.day == 1 else { throw bad }
            let total = start.year * 12 + (start.month - 1) + months
            guard supportedYears.contains(total / 12) else { throw bad }
            endExclusive = CalendarDate(total / 12, total % 12 + 1, 1)
        case UInt8(ascii: "D"), UInt8(ascii: "W"):
            let days = unit == UInt8(ascii: "W") ? n * 7 : n
            endExclusive = start.adding(days: days)
        default:
            throw bad
        }
        let p = named(from: start, to: endExclusive.adding(days: -1))
        guard p.isDHIS2 else { throw notInDHIS2(p) }
        return p
    }
}
