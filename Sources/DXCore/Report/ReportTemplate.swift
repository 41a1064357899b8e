/// A saved way of issuing the official report: which plans it evaluates and for which unit,
/// which appendices it carries, its header, signature and recipients. The period, the number
/// and the date change every time it is issued, so they are chosen then.
public struct ReportTemplate: Sendable, Hashable, Codable {
    /// Short URL-safe code ("bao-cao-6-thang").
    public var code: String
    public var name: String
    /// The indicator plan evaluated in section I.1 and Phụ lục I.
    public var planCode: String
    /// The task plan of section I.2 and its appendix, when it is another plan.
    public var tasksPlanCode: String?
    /// The unit reported on; the plan's province when nil.
    public var unitCode: String?
    public var settings: ReportSettings

    public init(code: String, name: String, planCode: String, tasksPlanCode: String? = nil, unitCode: String? = nil,
                settings: ReportSettings) {
        self.code = code
        self.name = name
        self.planCode = planCode
        self.tasksPlanCode = tasksPlanCode
        self.unitCode = unitCode
        self.settings = settings
    }

    /// The settings for one issue of the report: the template's, with that issue's number and date.
    public func settings(number: Int?, date: CalendarDate) -> ReportSettings {
        var s = settings
        s.number = number
        s.date = date
        return s
    }

    /// What must be corrected before the template can be saved, by form field.
    public func problems() -> [FieldIssue] {
        var out: [FieldIssue] = []
        if code.isEmpty || code.count > 60 || !code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            out.append(.error("code", "Mã mẫu báo cáo gồm 1–60 ký tự: chữ thường không dấu, số và dấu gạch ngang."))
        }
        if VNText.clean(name).isEmpty { out.append(.error("name", "Chưa nhập tên mẫu báo cáo.")) }
        if planCode.isEmpty { out.append(.error("plan", "Chưa chọn kế hoạch có các chỉ tiêu được đánh giá.")) }
        if tasksPlanCode == planCode { out.append(.error("tasksPlan", "Kế hoạch nhiệm vụ trùng kế hoạch chỉ tiêu: để trống nếu nhiệm vụ nằm trong cùng kế hoạch.")) }
        let s = settings
        if VNText.clean(s.issuingBody).isEmpty { out.append(.error("issuingBody", "Chưa nhập cơ quan ban hành báo cáo.")) }
        if VNText.clean(s.place).isEmpty { out.append(.error("place", "Chưa nhập địa danh (ví dụ Thái Bình).")) }
        if VNText.clean(s.symbol).isEmpty || s.symbol.contains("/") {
            out.append(.error("symbol", "Ký hiệu báo cáo nhập không kèm số và dấu “/”, ví dụ BC-BCĐ."))
        }
        if s.authority.count > 3 { out.append(.error("authority", "Thẩm quyền ký có tối đa 3 dòng (ví dụ TM. Ban Chỉ đạo / KT. Trưởng ban / Phó Trưởng ban).")) }
        if s.recipients.isEmpty { out.append(.error("recipients", "Chưa nhập nơi nhận.")) }
        if VNText.clean(s.archive).isEmpty { out.append(.error("archive", "Chưa nhập nơi lưu (ví dụ VT, CNTT).")) }
        out += lengthProblems.map(\.issue)
        return out
    }
}

extension ReportTemplate: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(name, "name", .name)
        c.check(planCode, "plan", .code)
        c.check(tasksPlanCode, "tasksPlan", .code)
        c.check(unitCode, "unit", .code)
        return c.problems + settings.lengthProblems
    }
}

extension ReportSettings: FieldLengthChecked {
    public var lengthProblems: [FieldLengthProblem] {
        var c = FieldLengthCheck()
        c.check(parentBody, "parentBody", .name)
        c.check(issuingBody, "issuingBody", .name)
        c.check(symbol, "symbol", .code)
        c.check(place, "place", .name)
        c.check(subject, "subject", .name)
        c.check(introduction, "introduction", .text)
        c.check(authority, "authority", .name)
        c.check(signerName, "signerName", .name)
        c.check(recipients, "recipients", .name)
        c.check(archive, "archive", .name)
        c.check(byUnitIndicator, "byUnitIndicator", .code)
        c.check(formAppendices ?? [], "formAppendices", .code)
        return c.problems
    }
}
