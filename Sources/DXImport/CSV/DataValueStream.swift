import DXCore
import Foundation

/// A values CSV read record by record (`CSVStream`) and checked row by row with the same
/// `DataValueCSV.Layout` as the buffered reader: the import of a file of any size. What the
/// buffered reader does for the whole file and this stream leaves to the import is the check
/// for the same indicator, unit and period twice, which the store does on resolved ids.
public struct DataValueStream {
    private var csv: CSVStream
    private let layout: DataValueCSV.Layout
    private let periods = DataValueCSV.PeriodMemo()

    /// The header's columns: warnings for ignored ones, errors when a required one is missing.
    public let headerWarnings: [String]

    /// Opens the file: nil with the header's errors when it cannot be imported at all.
    public static func open(path: String, defaultPlanCode: String?,
                            limits: CSVStream.Limits = CSVStream.Limits()) throws(CSVError) -> (stream: DataValueStream?, errors: [DataValueCSV.RowError], warnings: [String]) {
        let csv = try CSVStream(path: path, limits: limits)
        let (layout, errors, warnings) = DataValueCSV.Layout.make(header: csv.header, defaultPlanCode: defaultPlanCode)
        guard let layout else { return (nil, errors, warnings) }
        return (DataValueStream(csv: csv, layout: layout, headerWarnings: warnings), [], warnings)
    }

    /// The next record checked, with its line; nil at the end of the file.
    public mutating func next() throws(CSVError) -> (line: Int, outcome: DataValueCSV.RowOutcome)? {
        guard let record = try csv.next() else { return nil }
        return (record.line, layout.row(record, periods: periods))
    }
}
