import Foundation

/// The end of an official document: "Nơi nhận:" and its list at the left, the signer's
/// authority, space to sign and the name at the right, side by side in a borderless table.
public struct SignatureBlock: Sendable, Hashable {
    /// Recipients without the leading dash or trailing semicolon ("Văn phòng UBND tỉnh").
    public var recipients: [String]
    /// What follows "Lưu:" ("VT, CNTT").
    public var archive: String
    /// Authority lines in capitals: ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"].
    public var authority: [String]
    public var signerName: String
    /// Empty lines left for the signature and seal.
    public var signatureSpaceLines: Int
    public var width: Length

    public init(recipients: [String], archive: String, authority: [String], signerName: String,
                signatureSpaceLines: Int = 4, width: Length = Decree30.portraitTextWidth) {
        self.recipients = recipients
        self.archive = archive
        self.authority = authority
        self.signerName = signerName
        self.signatureSpaceLines = signatureSpaceLines
        self.width = width
    }

    /// The recipient lines as printed: "- Văn phòng UBND tỉnh;" ... "- Lưu: VT, CNTT.".
    public var recipientLines: [String] {
        var lines = recipients.map { recipient -> String in
            var text = recipient.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("-") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
            while text.hasSuffix(";") || text.hasSuffix(".") || text.hasSuffix(",") { text.removeLast() }
            return "- \(text);"
        }
        var archive = self.archive.trimmingCharacters(in: .whitespaces)
        if !archive.hasSuffix(".") { archive += "." }
        lines.append("- Lưu: \(archive)")
        return lines
    }

    public var block: Block { .table(table) }

    public var table: Table {
        let left = width * 0.45
        let right = width - left
        var recipientsCell: [Paragraph] = [
            Paragraph([.text(TextRun("Nơi nhận:", bold: true, italic: true, pointSize: Decree30.recipientsHeadingPointSize))],
                      alignment: .left, spaceBefore: 12, markPointSize: Decree30.recipientsHeadingPointSize),
        ]
        for line in recipientLines {
            recipientsCell.append(Paragraph([.text(TextRun(line, pointSize: Decree30.recipientsPointSize))],
                                            alignment: .left, markPointSize: Decree30.recipientsPointSize))
        }
        let size = Decree30.bodyPointSize
        var signatureCell: [Paragraph] = []
        for (index, line) in authority.enumerated() {
            signatureCell.append(Paragraph([.text(TextRun(line.vietnameseUppercased, bold: true, pointSize: size))],
                                           alignment: .center, spaceBefore: index == 0 ? 12 : 0,
                                           keepWithNext: true, markPointSize: size))
        }
        for _ in 0..<max(signatureSpaceLines, 0) {
            signatureCell.append(Paragraph([], alignment: .center, keepWithNext: true, markPointSize: size))
        }
        signatureCell.append(Paragraph([.text(TextRun(signerName, bold: true, pointSize: size))],
                                       alignment: .center, markPointSize: size))
        return Table(
            columnWidths: [left, right],
            rows: [TableRow([TableCell(paragraphs: recipientsCell), TableCell(paragraphs: signatureCell)], cantSplit: true)],
            borders: .none,
            alignment: .center,
            cellPadding: .mm(1)
        )
    }
}
