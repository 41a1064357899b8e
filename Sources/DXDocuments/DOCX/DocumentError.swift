import Foundation

/// A document model the writer cannot turn into a file Word and LibreOffice open as intended.
/// Messages are in Vietnamese for the people who will read them; positions count from 1.
public enum DocumentError: Error, LocalizedError, Equatable {
    case noSections
    case noRoomForText(section: Int)
    case tableWithoutColumns(table: Int)
    case tableWithoutRows(table: Int)
    case nonPositiveColumnWidth(table: Int, column: Int)
    case headerRowCountOutOfRange(table: Int, headerRows: Int, rows: Int)
    case invalidColumnSpan(table: Int, row: Int, cell: Int)
    case rowWidthMismatch(table: Int, row: Int, columns: Int, covered: Int)
    case orphanVerticalMerge(table: Int, row: Int, cell: Int)
    case footnoteInsideFootnote

    public var errorDescription: String? {
        switch self {
        case .noSections:
            return "Văn bản không có phần (section) nào để ghi."
        case .noRoomForText(let section):
            return "Phần thứ \(section): lề trang lớn hơn khổ giấy, không còn chỗ cho nội dung."
        case .tableWithoutColumns(let table):
            return "Bảng thứ \(table) không khai báo cột nào."
        case .tableWithoutRows(let table):
            return "Bảng thứ \(table) không có dòng nào; Word không mở được bảng rỗng."
        case .nonPositiveColumnWidth(let table, let column):
            return "Bảng thứ \(table), cột \(column): độ rộng cột phải lớn hơn 0."
        case .headerRowCountOutOfRange(let table, let headerRows, let rows):
            return "Bảng thứ \(table): khai báo \(headerRows) dòng tiêu đề lặp lại nhưng bảng chỉ có \(rows) dòng."
        case .invalidColumnSpan(let table, let row, let cell):
            return "Bảng thứ \(table), dòng \(row), ô \(cell): số cột gộp phải từ 1 trở lên."
        case .rowWidthMismatch(let table, let row, let columns, let covered):
            return "Bảng thứ \(table), dòng \(row): các ô phủ \(covered) cột trong khi bảng có \(columns) cột."
        case .orphanVerticalMerge(let table, let row, let cell):
            return "Bảng thứ \(table), dòng \(row), ô \(cell): ô được gộp dọc nhưng phía trên không có ô bắt đầu gộp cùng vị trí."
        case .footnoteInsideFootnote:
            return "Chú thích cuối trang không được chứa chú thích khác."
        }
    }
}
