/// A date written the way state documents write it.
public struct OfficialDate: Sendable, Hashable {
    public var day: Int
    public var month: Int
    public var year: Int

    public init(day: Int, month: Int, year: Int) {
        self.day = day
        self.month = month
        self.year = year
    }

    /// "ngày 05 tháng 7 năm 2024": days below 10 and the months 1 and 2 take a leading zero
    /// (NĐ 30/2020), so that "tháng 1" cannot later be extended to "tháng 11" by hand.
    public var longForm: String {
        "ngày \(Self.twoDigits(day)) tháng \(month <= 2 ? Self.twoDigits(month) : String(month)) năm \(year)"
    }

    /// "05/7/2024", with the same padding rule, for citations inside the text.
    public var shortForm: String {
        "\(Self.twoDigits(day))/\(month <= 2 ? Self.twoDigits(month) : String(month))/\(year)"
    }

    /// "Thái Bình, ngày 05 tháng 7 năm 2024".
    public func placeAndDate(_ place: String) -> String { "\(place), \(longForm)" }

    static func twoDigits(_ value: Int) -> String { value < 10 && value >= 0 ? "0\(value)" : String(value) }
}

/// The number and symbol of a document: "Số: 83/BC-BCĐ".
public struct DocumentNumber: Sendable, Hashable {
    /// nil for a draft not yet numbered by the records office: the number is left blank.
    public var number: Int?
    /// Kind and issuer abbreviations, "BC-BCĐ".
    public var symbol: String

    public init(_ number: Int?, symbol: String) {
        self.number = number
        self.symbol = symbol
    }

    /// "83/BC-BCĐ"; numbers below 10 are zero-padded ("05/BC-BCĐ"); a draft reads "     /BC-BCĐ".
    public var reference: String {
        guard let number else { return "\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/\(symbol)" }
        return "\(OfficialDate.twoDigits(number))/\(symbol)"
    }

    /// "Số: 83/BC-BCĐ".
    public var line: String { "Số: \(reference)" }
}

/// How an appendix names the document it belongs to.
public struct DocumentCitation: Sendable, Hashable {
    /// "Báo cáo", "Kế hoạch", "Quyết định".
    public var kind: String
    public var number: DocumentNumber
    public var date: OfficialDate?
    /// "Ban Chỉ đạo về chuyển đổi số tỉnh Thái Bình".
    public var issuer: String

    public init(kind: String, number: DocumentNumber, date: OfficialDate?, issuer: String) {
        self.kind = kind
        self.number = number
        self.date = date
        self.issuer = issuer
    }

    /// "(Kèm theo Báo cáo số 83/BC-BCĐ ngày 05 tháng 7 năm 2024 của Ban Chỉ đạo ...)"; an
    /// undated draft keeps the dots the records office fills in.
    public var attachmentNote: String {
        let date = self.date?.longForm ?? "ngày     tháng     năm"
        return "(Kèm theo \(kind) số \(number.reference) \(date) của \(issuer))"
    }
}

enum RomanNumeral {
    static func string(_ value: Int) -> String {
        guard value > 0 && value < 4000 else { return String(value) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var out = ""
        for (amount, letters) in table {
            while rest >= amount {
                out += letters
                rest -= amount
            }
        }
        return out
    }
}
