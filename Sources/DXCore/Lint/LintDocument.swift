/// A report as the linter reads it: its paragraphs in reading order (table cells included, so
/// that every finding has a paragraph to point at) and its tables with their rows and columns.
public struct LintDocument: Sendable, Hashable {
    /// Every paragraph, 1-based in findings.
    public var paragraphs: [String]
    public var tables: [LintTable]

    public init(paragraphs: [String], tables: [LintTable] = []) {
        self.paragraphs = paragraphs
        self.tables = tables
    }
}

/// One table of the report. Columns are the grid's: a cell spanning several columns keeps its
/// text in the first and leaves the others empty, so a column means the same in every row.
public struct LintTable: Sendable, Hashable {
    /// 1-based, in reading order.
    public var number: Int
    /// The nearest paragraph before the table that names an appendix ("Phụ lục 01: …"), if any.
    public var caption: String?
    public var rows: [[LintCell]]

    public init(number: Int, caption: String?, rows: [[LintCell]]) {
        self.number = number
        self.caption = caption
        self.rows = rows
    }

    /// "Phụ lục 01: …" at the start of a paragraph: the caption of the table that follows.
    public static func isCaption(_ paragraph: String) -> Bool {
        paragraph.lintFind("phụ lục") == paragraph.startIndex
    }

    /// The appendix number of the caption: "Phụ lục 01" and "PHỤ LỤC 1" are both 1.
    public var appendix: Int? {
        guard let caption, let m = caption.lintMatches("ph[uụ]\\s+l[uụ]c\\s+(?:s[oố]\\s+)?(\\d{1,2})\\b").first else { return nil }
        return m.groups[0].flatMap { Int($0) }
    }
}

public struct LintCell: Sendable, Hashable {
    public var text: String
    /// The paragraph (1-based) where the cell's text begins.
    public var paragraph: Int

    public init(_ text: String, paragraph: Int) {
        self.text = text
        self.paragraph = paragraph
    }
}

extension LintDocument {
    /// A plain-text report. Lines are paragraphs. Tables as word processors save them to text:
    /// each cell on a line of its own that starts with a tab, a blank line after each row; a
    /// line without the tab right after a cell continues that cell (a line break inside it).
    public init(text: String) {
        var paragraphs: [String] = []
        var tables: [LintTable] = []
        var rows: [[LintCell]] = []
        var row: [LintCell] = []
        var lastCaption: String?
        var inTable = false
        var afterCell = false

        func endRow() {
            if !row.isEmpty { rows.append(row) }
            row = []
        }
        func endTable() {
            endRow()
            if rows.count >= 2 { tables.append(LintTable(number: tables.count + 1, caption: lastCaption, rows: rows)) }
            rows = []
            inTable = false
            lastCaption = nil
        }

        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = raw.replacingOccurrences(of: "\r", with: "")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("\t") {
                inTable = true
                afterCell = true
                if trimmed.isEmpty {
                    // An empty cell has no paragraph of its own: it points at the one before.
                    row.append(LintCell("", paragraph: max(paragraphs.count, 1)))
                } else {
                    paragraphs.append(trimmed)
                    row.append(LintCell(trimmed, paragraph: paragraphs.count))
                }
                continue
            }
            if trimmed.isEmpty {
                // A blank line inside a cell looks like the end of its row; a row with fewer
                // cells than the header row goes on.
                if inTable, rows.isEmpty || row.count >= rows[0].count { endRow() }
                afterCell = false
                continue
            }
            // The next appendix's caption, even right after a cell, begins a new part.
            if inTable, !LintTable.isCaption(trimmed), afterCell || (!rows.isEmpty && row.count < rows[0].count), !row.isEmpty {
                paragraphs.append(trimmed)
                row[row.count - 1].text += (row[row.count - 1].text.isEmpty ? "" : " ") + trimmed
                continue
            }
            if inTable { endTable() }
            afterCell = false
            paragraphs.append(trimmed)
            if LintTable.isCaption(trimmed) { lastCaption = trimmed }
        }
        if inTable { endTable() }
        self.init(paragraphs: paragraphs, tables: tables)
    }
}
