/// An official document (văn bản): cited as evidence and listed in report appendices.
public struct OfficialDocument: Hashable, Sendable, Codable {
    /// Số ký hiệu: "805/QĐ-UBND".
    public var number: String
    /// Trích yếu.
    public var summary: String
    public var issued: CalendarDate?
    /// Cơ quan ban hành as written.
    public var issuer: String
    public var issuerUnitCode: String?
    /// Lãnh đạo ký as written: "PCT: Phạm Văn Nghiêm".
    public var signer: String?

    public init(
        number: String, summary: String, issued: CalendarDate? = nil, issuer: String,
        issuerUnitCode: String? = nil, signer: String? = nil
    ) {
        self.number = number
        self.summary = summary
        self.issued = issued
        self.issuer = issuer
        self.issuerUnitCode = issuerUnitCode
        self.signer = signer
    }

    /// The kind of document from its code: "QĐ" in "805/QĐ-UBND" is a decision.
    public var typeCode: String? {
        let afterSlash = number.split(separator: "/").dropFirst().first { $0.contains("-") || $0.allSatisfy(\.isLetter) }
        return afterSlash.map { String($0.split(separator: "-").first ?? $0) }
    }
}
