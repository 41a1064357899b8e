import Foundation

/// Errors the store reports to people, worded in Vietnamese.
public enum StoreError: Error, CustomStringConvertible, LocalizedError, Equatable {
    case cannotCreateFolder(String, reason: String)
    case unreachable(String, reason: String)
    case notFound(String)
    case invalid(String)
    case conflict(String)

    public var description: String {
        switch self {
        case .cannotCreateFolder(let p, let r): "Không tạo được thư mục dữ liệu \(p): \(r)"
        case .unreachable(let d, let r): "Không kết nối được cơ sở dữ liệu \(d): \(r)"
        case .notFound(let what): "Không tìm thấy \(what)"
        case .invalid(let msg): msg
        case .conflict(let msg): msg
        }
    }

    public var errorDescription: String? { description }
}
