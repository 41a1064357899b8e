import DXCore

/// Columns of a CSV shape: their canonical names, header aliases (as `DataValueCSV.headerKey`
/// folds them: no case, tone marks, spaces or `_`) and which are required. Reading a record
/// goes through it, so every shape reports errors the same way: line, column as written, message.
struct CSVColumns {
    struct Column {
        let name: String
        let aliases: [String]
        let required: Bool
    }

    let columns: [Column]
    private(set) var index: [String: Int] = [:]
    private(set) var header: [String] = []

    init(_ columns: [Column]) { self.columns = columns }

    /// Matches the header; errors for duplicated and missing required columns, warnings for
    /// columns no one reads.
    mutating func match(_ table: CSVTable, errors: inout [DataValueCSV.RowError], warnings: inout [String]) {
        header = table.header
        for (i, h) in table.header.enumerated() {
            let key = DataValueCSV.headerKey(h)
            guard let c = columns.first(where: { $0.aliases.contains(key) || DataValueCSV.headerKey($0.name) == key }) else {
                warnings.append("Bỏ qua cột không dùng '\(h)'")
                continue
            }
            if index[c.name] != nil { errors.append(.init(line: 1, column: h, message: "cột \(c.name) xuất hiện hai lần")) }
            index[c.name] = i
        }
        for c in columns where c.required && index[c.name] == nil {
            errors.append(.init(line: 1, column: nil, message: "thiếu cột '\(c.name)'"))
        }
    }

    /// The cleaned text of a column in a record; nil when absent or empty.
    func field(_ record: CSVRecord, _ name: String) -> String? {
        guard let i = index[name], let f = record[i] else { return nil }
        let t = VNText.clean(f)
        return t.isEmpty ? nil : t
    }

    /// The text of a column as written, line breaks kept.
    func raw(_ record: CSVRecord, _ name: String) -> String? {
        guard let i = index[name] else { return nil }
        return record[i]
    }

    /// Text of several lines: each line cleaned, empty lines dropped; nil when nothing is left.
    func lines(_ record: CSVRecord, _ name: String) -> String? {
        let lines = (raw(record, name) ?? "").split(whereSeparator: \.isNewline).map { VNText.clean(String($0)) }.filter { !$0.isEmpty }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    func error(_ record: CSVRecord, _ name: String?, _ message: String) -> DataValueCSV.RowError {
        .init(line: record.line, column: name.flatMap { index[$0] }.map { header[$0] } ?? name, message: message)
    }
}
