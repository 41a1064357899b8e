import DXCore
import Foundation

/// Why a spreadsheet was refused or a cell could not be read, with a Vietnamese message that
/// names the sheet and cell: "Trang tính 'Chỉ tiêu', ô C5: ...".
public struct XLSXError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public enum Reason: Hashable, Sendable {
        // The file as a whole.
        case emptyFile
        case fileTooLarge(limit: Int)
        case notAZip
        case legacyExcel
        case unreadable(String)
        case tooManyEntries(limit: Int)
        case duplicateEntry(String)
        case entryTooLarge(part: String, limit: Int)
        case totalTooLarge(limit: Int)
        case suspiciousCompression(part: String, ratio: Int)
        case corruptEntry(part: String)
        case missingPart(String)
        // XML parts.
        case doctype(part: String)
        case unsupportedEncoding(part: String)
        case malformedXML(part: String, line: Int, detail: String)
        case textTooLong(part: String, limit: Int)
        // Sheets.
        case missingSheet(name: String, available: [String])
        case noSheets
        case tooManyRows(limit: Int)
        case tooManyColumns
        case tooManyCells(limit: Int)
        case invalidCellReference(String)
        case sharedStringOutOfRange(index: String, count: Int)
        case styleOutOfRange(index: Int, count: Int)
        case invalidStoredNumber(String)
        case invalidDateSerial(String)
        // Reading cells as a type.
        case notANumber(String)
        case notADate(String)
        case cellError(String)
    }

    public let reason: Reason
    public let sheet: String?
    /// A1-style reference of the cell concerned.
    public let cell: String?

    public init(_ reason: Reason, sheet: String? = nil, cell: String? = nil) {
        self.reason = reason
        self.sheet = sheet
        self.cell = cell
    }

    func at(sheet: String?, cell: String? = nil) -> XLSXError {
        XLSXError(reason, sheet: self.sheet ?? sheet, cell: self.cell ?? cell)
    }

    /// Where: "Trang tính 'Chỉ tiêu', ô C5: " (or only the sheet, or nothing).
    public var location: String {
        switch (sheet, cell) {
        case let (s?, c?): "Trang tính '\(s)', ô \(c): "
        case let (s?, nil): "Trang tính '\(s)': "
        case let (nil, c?): "Ô \(c): "
        case (nil, nil): ""
        }
    }

    public var detail: String {
        func n(_ x: Int) -> String { VNNumber.format(x) }
        switch reason {
        case .emptyFile: return "Tệp rỗng"
        case .fileTooLarge(let l): return "Tệp quá lớn (tối đa \(n(l / 1_048_576)) MB)"
        case .notAZip:
            return "Tệp không phải là tệp Excel .xlsx (không phải tệp nén ZIP của Office Open XML)"
        case .legacyExcel:
            return "Tệp là định dạng Excel 97-2003 (.xls), không được hỗ trợ; hãy mở bằng Excel và lưu lại dưới dạng .xlsx"
        case .unreadable(let d): return "Không đọc được tệp nén: \(d)"
        case .tooManyEntries(let l): return "Tệp chứa quá nhiều thành phần (tối đa \(n(l)))"
        case .duplicateEntry(let p): return "Tệp chứa hai thành phần cùng tên '\(p)' — tệp hỏng hoặc bị chỉnh sửa bất thường"
        case .entryTooLarge(let p, let l):
            return "Thành phần '\(p)' quá lớn khi giải nén (tối đa \(n(l / 1_048_576)) MB)"
        case .totalTooLarge(let l): return "Tổng dung lượng giải nén quá lớn (tối đa \(n(l / 1_048_576)) MB)"
        case .suspiciousCompression(let p, let r):
            return "Thành phần '\(p)' có tỷ lệ nén bất thường (trên \(n(r)) lần) — có thể là tệp độc hại (zip bomb), không xử lý"
        case .corruptEntry(let p): return "Thành phần '\(p)' bị hỏng, không giải nén được"
        case .missingPart(let p): return "Tệp thiếu thành phần bắt buộc '\(p)' — không phải tệp Excel hợp lệ"
        case .doctype(let p):
            return "Thành phần '\(p)' chứa khai báo DOCTYPE/ENTITY, không được phép trong tệp Excel — có thể là tệp độc hại, không xử lý"
        case .unsupportedEncoding(let p): return "Thành phần '\(p)' dùng bảng mã không được hỗ trợ (chỉ nhận UTF-8)"
        case .malformedXML(let p, let line, let d): return "Thành phần '\(p)' có lỗi cấu trúc XML ở dòng \(line): \(d)"
        case .textTooLong(let p, let l): return "Thành phần '\(p)' có nội dung văn bản quá dài (tối đa \(n(l)) ký tự một ô)"
        case .missingSheet(let name, let available):
            let list = available.map { "'\($0)'" }.joined(separator: ", ")
            return "Không tìm thấy trang tính '\(name)'. Các trang tính có trong tệp: \(list.isEmpty ? "(không có)" : list)"
        case .noSheets: return "Tệp không có trang tính nào"
        case .tooManyRows(let l): return "Có hơn \(n(l)) dòng, vượt quá giới hạn cho phép; hãy chia nhỏ tệp"
        case .tooManyColumns: return "Vượt quá số cột tối đa của Excel (XFD)"
        case .tooManyCells(let l): return "Có hơn \(n(l)) ô dữ liệu, vượt quá giới hạn cho phép"
        case .invalidCellReference(let r): return "Địa chỉ ô '\(r)' không hợp lệ"
        case .sharedStringOutOfRange(let i, let c):
            return "Tham chiếu chuỗi dùng chung số \(i) không tồn tại (tệp có \(n(c)) chuỗi)"
        case .styleOutOfRange(let i, let c): return "Định dạng số \(i) không tồn tại (tệp có \(n(c)) định dạng)"
        case .invalidStoredNumber(let v): return "Giá trị số lưu trong tệp không hợp lệ: \"\(v)\""
        case .invalidDateSerial(let v): return "Giá trị ngày không hợp lệ: \(v)"
        case .notANumber(let t): return "\"\(t)\" không phải là số"
        case .notADate(let t): return "\"\(t)\" không phải là ngày (dùng dạng ngày/tháng/năm, ví dụ 05/07/2024)"
        case .cellError(let code): return "Ô chứa lỗi công thức \(code)"
        }
    }

    public var message: String { location + detail }
    public var description: String { message }
    public var errorDescription: String? { message }
}
