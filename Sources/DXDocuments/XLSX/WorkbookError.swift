import Foundation

/// A workbook Excel would refuse or repair. Messages are in Vietnamese; rows and columns are
/// given as Excel shows them (row 1, column A).
public enum WorkbookError: Error, LocalizedError, Equatable {
    case noSheets
    case emptySheetName(sheet: Int)
    case sheetNameTooLong(name: String, length: Int)
    case forbiddenCharacterInSheetName(name: String, character: Character)
    case sheetNameStartsOrEndsWithApostrophe(name: String)
    case reservedSheetName(name: String)
    case duplicateSheetName(name: String)
    case invalidRange(sheet: String, range: String)
    case overlappingMerges(sheet: String, first: String, second: String)
    case tooManyRows(sheet: String, rows: Int)
    case tooManyColumns(sheet: String, row: Int, columns: Int)
    case nonFiniteNumber(sheet: String, cell: String)
    case invalidDate(sheet: String, cell: String)
    case emptyValidationList(sheet: String, range: String)
    case invalidValidationOption(sheet: String, option: String)
    case validationListTooLong(sheet: String, range: String, length: Int)
    case headerRowCountOutOfRange(sheet: String, headerRows: Int)

    public var errorDescription: String? {
        switch self {
        case .noSheets:
            return "Sổ tính phải có ít nhất một trang tính."
        case .emptySheetName(let sheet):
            return "Trang tính thứ \(sheet) chưa có tên."
        case .sheetNameTooLong(let name, let length):
            return "Tên trang tính “\(name)” dài \(length) ký tự; Excel chỉ cho phép tối đa 31 ký tự."
        case .forbiddenCharacterInSheetName(let name, let character):
            return "Tên trang tính “\(name)” chứa ký tự “\(character)” không được phép; tên không được có các ký tự [ ] : * ? / \\."
        case .sheetNameStartsOrEndsWithApostrophe(let name):
            return "Tên trang tính “\(name)” không được bắt đầu hoặc kết thúc bằng dấu nháy đơn (')."
        case .reservedSheetName(let name):
            return "Tên trang tính “\(name)” là tên Excel dành riêng; hãy chọn tên khác."
        case .duplicateSheetName(let name):
            return "Tên trang tính “\(name)” bị trùng (Excel không phân biệt chữ hoa, chữ thường)."
        case .invalidRange(let sheet, let range):
            return "Trang tính “\(sheet)”: vùng ô \(range) không hợp lệ."
        case .overlappingMerges(let sheet, let first, let second):
            return "Trang tính “\(sheet)”: vùng gộp ô \(first) chồng lên vùng \(second)."
        case .tooManyRows(let sheet, let rows):
            return "Trang tính “\(sheet)” có \(rows) dòng, vượt quá giới hạn 1.048.576 dòng của Excel."
        case .tooManyColumns(let sheet, let row, let columns):
            return "Trang tính “\(sheet)”, dòng \(row): \(columns) cột, vượt quá giới hạn 16.384 cột của Excel."
        case .nonFiniteNumber(let sheet, let cell):
            return "Trang tính “\(sheet)”, ô \(cell): giá trị không phải là số hữu hạn."
        case .invalidDate(let sheet, let cell):
            return "Trang tính “\(sheet)”, ô \(cell): ngày không hợp lệ hoặc trước năm 1900."
        case .emptyValidationList(let sheet, let range):
            return "Trang tính “\(sheet)”: danh sách chọn cho vùng \(range) không có giá trị nào."
        case .invalidValidationOption(let sheet, let option):
            return "Trang tính “\(sheet)”: giá trị “\(option)” của danh sách chọn không được chứa dấu phẩy hoặc dấu ngoặc kép."
        case .validationListTooLong(let sheet, let range, let length):
            return "Trang tính “\(sheet)”: danh sách chọn cho vùng \(range) dài \(length) ký tự, vượt quá 255 ký tự Excel cho phép."
        case .headerRowCountOutOfRange(let sheet, let headerRows):
            return "Trang tính “\(sheet)”: số dòng tiêu đề (\(headerRows)) không hợp lệ."
        }
    }
}
