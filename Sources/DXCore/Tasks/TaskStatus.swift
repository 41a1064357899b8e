import Foundation

/// The status words of the appendices (domain.md §5).
public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    case done
    case deployed
    case inProgress
    case notStarted
    case notCompleted
    case notDone
    case other

    public var labelVI: String {
        switch self {
        case .done: "Hoàn thành"
        case .deployed: "Đã triển khai"
        case .inProgress: "Đang triển khai"
        case .notStarted: "Chưa triển khai"
        case .notCompleted: "Chưa hoàn thành"
        case .notDone: "Chưa thực hiện"
        case .other: "Khác"
        }
    }

    public var labelEN: String {
        switch self {
        case .done: "Done"
        case .deployed: "Deployed"
        case .inProgress: "In progress"
        case .notStarted: "Not started"
        case .notCompleted: "Not completed"
        case .notDone: "Not done"
        case .other: "Other"
        }
    }

    /// Summary lines group "đã và đang triển khai" together.
    public var isUnderway: Bool { self == .deployed || self == .inProgress }

    /// Reads the status words as the documents write them ("Hoàn thành 25%" has a percentage
    /// that is returned separately).
    public static func parse(_ text: String) -> (status: TaskStatus, percent: Double?) {
        let key = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        let words: [(String, TaskStatus)] = [
            ("chưa triển khai", .notStarted), ("chưa hoàn thành", .notCompleted),
            ("chưa thực hiện", .notDone), ("đã triển khai", .deployed),
            ("đang triển khai", .inProgress), ("đang thực hiện", .inProgress),
            ("hoàn thành", .done),
        ]
        for (w, s) in words where key.hasPrefix(w) {
            let rest = key.dropFirst(w.count).trimmingCharacters(in: .whitespaces)
            if rest.hasSuffix("%"), let p = Double(rest.dropLast().replacingOccurrences(of: ",", with: ".")
                .trimmingCharacters(in: .whitespaces)) {
                return (p >= 100 || s != .done ? s : .inProgress, p)
            }
            return (s, nil)
        }
        return (.other, nil)
    }
}
