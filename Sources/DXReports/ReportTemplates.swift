import DXCore
import Foundation

/// Report settings to start from.
public enum ReportTemplates {
    /// The standing agency's half-year report as in the seed (`000_*.txt`): issued by the
    /// provincial steering committee, signed by its head. The date is today; the number is
    /// left for the clerk.
    public static var standard: ReportSettings {
        ReportSettings(
            parentBody: "UBND tỉnh Thái Bình", issuingBody: "Ban Chỉ đạo về chuyển đổi số", symbol: "BC-BCĐ",
            place: "Thái Bình", date: today, authority: ["TM. Ban Chỉ đạo", "Trưởng ban"], signerName: "",
            recipients: ["Bộ Thông tin và Truyền thông (để b/c)", "Thường trực Tỉnh ủy (để b/c)",
                         "Chủ tịch, các PCT UBND tỉnh", "Các thành viên Ban Chỉ đạo", "Các sở, ban, ngành",
                         "UBND các huyện, thành phố"],
            archive: "VT, CNTT")
    }

    static var today: CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, from: Date())
        return CalendarDate(c.year!, c.month!, c.day!)
    }
}
