/// What a unit fixes about the reports it issues, over what its place in the tree gives
/// (`ReportSettings.issued(by:in:date:)`): a committee whose name is not its unit's, a symbol
/// the office uses ("BC-VHTT"), the person who signs. Every field left nil keeps the derived one,
/// so a unit that sets nothing still gets its own correct heading.
public struct UnitReportHeading: Sendable, Hashable, Codable {
    /// "UBND TỈNH THÁI BÌNH" above a department's name.
    public var parentBody: String?
    public var issuingBody: String?
    /// Without number and "/": "BC-UBND".
    public var symbol: String?
    /// The dateline's place: "Hưng Hà".
    public var place: String?
    /// The lines above the signature, the signer's title last: ["TM. Ủy ban nhân dân", "Chủ tịch"].
    public var authority: [String]?
    public var signerName: String?
    public var recipients: [String]?
    public var archive: String?

    public init(parentBody: String? = nil, issuingBody: String? = nil, symbol: String? = nil, place: String? = nil,
                authority: [String]? = nil, signerName: String? = nil, recipients: [String]? = nil, archive: String? = nil) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.symbol = symbol
        self.place = place
        self.authority = authority
        self.signerName = signerName
        self.recipients = recipients
        self.archive = archive
    }

    /// Blank text and empty lists mean "not set", so a form posted with empty fields stores nothing.
    public var normalized: UnitReportHeading {
        func text(_ s: String?) -> String? { s.map(VNText.clean).flatMap { $0.isEmpty ? nil : $0 } }
        func lines(_ l: [String]?) -> [String]? {
            let kept = (l ?? []).map(VNText.clean).filter { !$0.isEmpty }
            return kept.isEmpty ? nil : kept
        }
        return UnitReportHeading(parentBody: text(parentBody), issuingBody: text(issuingBody), symbol: text(symbol),
                                 place: text(place), authority: lines(authority), signerName: text(signerName),
                                 recipients: lines(recipients), archive: text(archive))
    }

    public var isEmpty: Bool { self == UnitReportHeading() }

    /// The settings with this heading's choices laid over them.
    public func applied(to settings: ReportSettings) -> ReportSettings {
        var s = settings
        if let parentBody { s.parentBody = parentBody }
        if let issuingBody { s.issuingBody = issuingBody }
        if let symbol { s.symbol = symbol }
        if let place { s.place = place }
        if let authority { s.authority = authority }
        if let signerName { s.signerName = signerName }
        if let recipients { s.recipients = recipients }
        if let archive { s.archive = archive }
        return s
    }

    /// What must be corrected before the heading is saved, by form field.
    public func problems() -> [FieldIssue] {
        var out: [FieldIssue] = []
        if let s = symbol, s.contains("/") || s.contains(where: \.isWhitespace) {
            out.append(.error("symbol", "Ký hiệu báo cáo nhập không kèm số và dấu “/”, ví dụ BC-UBND."))
        }
        if let a = authority, a.count > 3 {
            out.append(.error("authority", "Thẩm quyền ký có tối đa 3 dòng (ví dụ TM. Ủy ban nhân dân / KT. Chủ tịch / Phó Chủ tịch)."))
        }
        var c = FieldLengthCheck()
        c.check(parentBody, "parentBody", .name)
        c.check(issuingBody, "issuingBody", .name)
        c.check(symbol, "symbol", .code)
        c.check(place, "place", .name)
        c.check(authority ?? [], "authority", .name)
        c.check(signerName, "signerName", .name)
        c.check(recipients ?? [], "recipients", .name)
        c.check(archive, "archive", .name)
        out += c.problems.map(\.issue)
        return out
    }
}

extension ReportSettings {
    /// The settings of a report the unit issues: its derived heading with the unit's own choices.
    public static func issued(by unit: OrgUnit, in tree: UnitTree, date: CalendarDate,
                              heading: UnitReportHeading?) -> ReportSettings {
        let derived = issued(by: unit, in: tree, date: date)
        return heading?.applied(to: derived) ?? derived
    }
}
