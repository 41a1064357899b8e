import Foundation

extension Period {
    /// Why a period could not be made; the message is for the person who typed it.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
        /// Any text that is not an identifier, including a reversed custom range.
        case invalidIdentifier(String)
        case endBeforeStart(from: CalendarDate, to: CalendarDate)
        case outOfRange(from: CalendarDate, to: CalendarDate)

        public var message: String {
            switch self {
            case .invalidIdentifier(let text):
                "Mã kỳ báo cáo không hợp lệ: \"\(text)\". "
                    + "Dạng đúng: 2024, 2024S1, 2024Q3, 202403, 2024N9 hoặc 2024-01-01_2024-11-30."
            case .endBeforeStart(let from, let to):
                "Kỳ báo cáo không hợp lệ: ngày bắt đầu \(Period.ddMMyyyy(from)) "
                    + "sau ngày kết thúc \(Period.ddMMyyyy(to))."
            case .outOfRange(let from, let to):
                "Kỳ báo cáo từ \(Period.ddMMyyyy(from)) đến \(Period.ddMMyyyy(to)) nằm ngoài "
                    + "các năm \(Period.supportedYears.lowerBound)–\(Period.supportedYears.upperBound)."
            }
        }

        public var description: String { message }
        public var errorDescription: String? { message }
    }
}
