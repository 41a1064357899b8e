/// One cell of a table header, positioned on a grid as HTML, XLSX merges and DOCX
/// (`gridSpan` / `vMerge`) all need it.
public struct FormHeaderCell: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        /// The "STT" column.
        case rowNumber
        /// The row-label column ("Đơn vị").
        case rowLabel
        /// A group title above several columns.
        case group
        /// The title of a column.
        case column(String)
        /// The "(1)", "(3) = (1)+(2)" line.
        case columnNumber(String)
    }

    public var text: String
    public var role: Role
    /// 0-based position on the grid: row within the header, column within the table (the STT
    /// and label columns come first).
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
}

/// The header of a form as rows of cells with spans. `rows[i]` lists the cells that start on
/// header row `i`, left to right; cells covered by a span from above are not repeated.
public struct FormHeaderLayout: Hashable, Sendable {
    public var rows: [[FormHeaderCell]]
    /// Number of grid columns (STT and label included).
    public var columnCount: Int
    /// Grid column of each form column.
    public var gridColumn: [String: Int]

    public var rowCount: Int { rows.count }
    public var cells: [FormHeaderCell] { rows.flatMap { $0 } }
}

extension TableForm {
    /// Lays out the header: group titles over their columns (colspan), column titles spanning
    /// down to the last title row (rowspan) when they sit under fewer groups than the deepest
    /// column, the STT and label columns spanning every title row, and — with
    /// `showColumnNumbers` — a last row numbering the columns ("A", "B", "(1)", "(3) = (1)+(2)"
    /// as the forms of Vietnamese reports do; STT and label get "A" and "B").
    ///
    /// Assumes a valid definition (groups cover adjacent columns); a group that is not
    /// contiguous is simply drawn once per run.
    public func headerLayout() -> FormHeaderLayout {
        let stub = (numbered ? 1 : 0) + 1
        let depth = (columns.map(\.group.count).max() ?? 0) + 1  // title rows
        var rows: [[FormHeaderCell]] = Array(repeating: [], count: depth + (showColumnNumbers ? 1 : 0))
        var grid: [String: Int] = [:]

        var g = 0
        if numbered {
            rows[0].append(FormHeaderCell(text: "STT", role: .rowNumber, row: 0, column: g, rowSpan: depth, columnSpan: 1))
            g += 1
        }
        rows[0].append(FormHeaderCell(text: rowHeader, role: .rowLabel, row: 0, column: g, rowSpan: depth, columnSpan: 1))

        for (i, c) in columns.enumerated() { grid[c.key] = stub + i }

        for level in 0..<depth {
            var i = 0
            while i < columns.count {
                let c = columns[i]
                if level < c.group.count {
                    // A group cell: the run of columns sharing this path down to `level`.
                    let path = Array(c.group[0...level])
                    var j = i + 1
                    while j < columns.count, columns[j].group.count > level, Array(columns[j].group[0...level]) == path {
                        j += 1
                    }
                    rows[level].append(FormHeaderCell(text: c.group[level], role: .group, row: level,
                                                      column: stub + i, rowSpan: 1, columnSpan: j - i))
                    i = j
                } else {
                    if level == c.group.count {
                        var title = c.title
                        if let u = c.unitOfMeasure, !u.isEmpty { title += " (\(u))" }
                        rows[level].append(FormHeaderCell(text: title, role: .column(c.key), row: level,
                                                          column: stub + i, rowSpan: depth - level, columnSpan: 1))
                    }
                    i += 1
                }
            }
        }
        if showColumnNumbers {
            var line: [FormHeaderCell] = []
            var gcol = 0
            if numbered {
                line.append(FormHeaderCell(text: "A", role: .columnNumber(""), row: depth, column: gcol, rowSpan: 1, columnSpan: 1))
                gcol += 1
            }
            line.append(FormHeaderCell(text: numbered ? "B" : "A", role: .columnNumber(""), row: depth, column: gcol, rowSpan: 1, columnSpan: 1))
            for (i, c) in columns.enumerated() {
                line.append(FormHeaderCell(text: c.numberLabel, role: .columnNumber(c.key), row: depth,
                                           column: stub + i, rowSpan: 1, columnSpan: 1))
            }
            rows[depth] = line
        }
        return FormHeaderLayout(rows: rows, columnCount: stub + columns.count, gridColumn: grid)
    }
}
