import DXCore
import Vapor

/// What changes each time a saved report is issued: the period it covers, its number and its
/// date (today when not given).
public struct ReportIssue: Hashable, Sendable {
    public var period: String
    public var number: Int?
    public var date: CalendarDate?

    public init(period: String, number: Int? = nil, date: CalendarDate? = nil) {
        self.period = period
        self.number = number
        self.date = date
    }

    /// From the query string, with a Vietnamese message per wrong field; the period falls back
    /// to `defaultPeriod` (the latest reported one).
    static func read(_ req: Request, defaultPeriod: String?) -> (issue: ReportIssue?, problems: [FieldIssue]) {
        var problems: [FieldIssue] = []
        let periodText = nonEmpty(req.query["period"]) ?? defaultPeriod
        var period: Period?
        if let periodText {
            period = Period(identifier: periodText)
            if period == nil { problems.append(.error("period", t("Mã kỳ báo cáo \"%@\" không hợp lệ (ví dụ 2024, 2024S1, 2024Q3, 2024N9).", periodText))) }
        } else {
            problems.append(.error("period", t("Chưa chọn kỳ báo cáo: kế hoạch chưa có số liệu kỳ nào.")))
        }
        var number: Int?
        if let raw = nonEmpty(req.query["number"]) {
            number = Int(raw)
            if number == nil || number! < 1 { problems.append(.error("number", t("Số báo cáo \"%@\" phải là số nguyên dương (để trống nếu chưa cấp số).", raw))) }
        }
        var date: CalendarDate?
        if let raw = nonEmpty(req.query["date"]) {
            date = CalendarDate(iso: raw) ?? VNDate.parse(raw)
            if date == nil { problems.append(.error("date", t("Ngày báo cáo \"%@\" không hợp lệ: nhập theo dạng ngày/tháng/năm.", raw))) }
        }
        guard problems.isEmpty, let period else { return (nil, problems) }
        return (ReportIssue(period: period.identifier, number: number, date: date), [])
    }
}
