/// The header block of NĐ 30/2020: issuing body and document number at the left, national
/// name, motto and place/date at the right, in a borderless two-column table. "Số" and the
/// date share the second row so that they sit on one line as the decree shows them.
public struct OfficialHeader: Sendable, Hashable {
    /// The body above the issuer ("UBND TỈNH THÁI BÌNH"); printed in capitals, not bold.
    public var parentBody: String?
    /// The issuer ("BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ"); printed in bold capitals.
    public var issuingBody: String
    public var number: DocumentNumber
    public var place: String
    public var date: OfficialDate
    /// The "V/v ..." line of a letter (công văn); reports have none.
    public var excerpt: String?
    /// Width the table spans; the text width of the section it goes in.
    public var width: Length
    /// Share of `width` given to the issuer's column.
    public var leftShare: Double

    public init(parentBody: String?, issuingBody: String, number: DocumentNumber, place: String,
                date: OfficialDate, excerpt: String? = nil,
                width: Length = Decree30.portraitTextWidth, leftShare: Double = 0.4) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.number = number
        self.place = place
        self.date = date
        self.excerpt = excerpt
        self.width = width
        self.leftShare = leftShare
    }

    public static let nationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public static let motto = "Độc lập - Tự do - Hạnh phúc"

    public var placeAndDate: String { date.placeAndDate(place) }

    public var block: Block { .table(table) }

    public var table: Table {
        let left = width * leftShare
        let right = width - left
        let padding = Length.mm(1)
        let leftInner = left - padding - padding
        let rightInner = right - padding - padding
        let size = Decree30.headerPointSize

        var issuer: [Paragraph] = []
        if let parentBody {
            issuer.append(centred(parentBody.vietnameseUppercased, bold: false, size: size))
        }
        let issuingLine = issuingBody.vietnameseUppercased
        issuer.append(centred(issuingLine, bold: true, size: size))
        // The decree asks for a rule a third to a half as long as the issuer's line.
        let issuerWidth = min(TextWidthEstimate.width(of: issuingLine, pointSize: size, bold: true), leftInner)
        issuer.append(.rule(width: max(issuerWidth * 0.4, .mm(15)), containerWidth: leftInner))

        var republic: [Paragraph] = [
            centred(Self.nationalName, bold: true, size: Decree30.nationalNamePointSize),
            centred(Self.motto, bold: true, size: Decree30.mottoPointSize),
        ]
        // The rule under the motto is as long as the motto itself.
        let mottoWidth = TextWidthEstimate.width(of: Self.motto, pointSize: Decree30.mottoPointSize, bold: true)
        republic.append(.rule(width: min(mottoWidth, rightInner), containerWidth: rightInner))

        var numberCell = [centred(number.line, bold: false, size: size, spaceBefore: 6)]
        if let excerpt {
            numberCell.append(centred(excerpt, bold: false, size: Decree30.recipientsHeadingPointSize))
        }
        var dateLine = centred(placeAndDate, bold: false, size: size, spaceBefore: 6)
        dateLine.content = [.text(TextRun(placeAndDate, italic: true, pointSize: size))]

        return Table(
            columnWidths: [left, right],
            rows: [
                TableRow([TableCell(paragraphs: issuer), TableCell(paragraphs: republic)]),
                TableRow([TableCell(paragraphs: numberCell), TableCell(paragraphs: [dateLine])]),
            ],
            borders: .none,
            alignment: .center,
            textPointSize: size,
            cellPadding: padding
        )
    }

    private func centred(_ text: String, bold: Bool, size: Double, spaceBefore: Double = 0) -> Paragraph {
        Paragraph([.text(TextRun(text, bold: bold, pointSize: size))], alignment: .center,
                  spaceBefore: spaceBefore, markPointSize: size)
    }
}
