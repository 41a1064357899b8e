/// A saved way of issuing the official report: which plans it evaluates and for which unit,
/// which appendices it carries, its header, signature and recipients. The period, the number
/// and the date change every time it is issued, so they are chosen then.
public struct ReportTemplate: Sendable, Hashable {
    /// Short URL-safe code ("bao-cao-6-thang").
    public var code: String
    public var name: String
    /// The indicator plan evaluated in section I.1 and Phụ lục I.
    public var planCode: String
    /// The task plans of sections I.2, I.3, … and their appendices, in this order.
    public var taskPlans: [ReportTaskPlan]
    /// The unit reported on; the plan's province when nil.
    public var unitCode: String?
    /// The template's settings; its task plans are `taskPlans` (the settings' copy is only how
    /// they are stored, see `Store.saveReportTemplate`).
    public var settings: ReportSettings

    /// - Parameters:
    ///   - tasksPlanCode: one task plan, as templates had before several were possible.
    ///   - taskPlans: the task plans in order; else those stored in the settings; else
    ///     `tasksPlanCode`.
    public init(code: String, name: String, planCode: String, tasksPlanCode: String? = nil, taskPlans: [ReportTaskPlan]? = nil,
                unitCode: String? = nil, settings: ReportSettings) {
        self.code = code
        self.name = name
        self.planCode = planCode
        self.taskPlans = taskPlans ?? settings.taskPlans ?? tasksPlanCode.map { [ReportTaskPlan(code: $0)] } ?? []
        self.unitCode = unitCode
        var s = settings
        s.taskPlans = nil
        self.settings = s
    }

    /// The first task plan: what templates saved before several were possible held, and what
    /// the `tasks_plan_code` column keeps.
    public var tasksPlanCode: String? {
        get { taskPlans.first?.code }
        set {
            if let newValue { taskPlans = [ReportTaskPlan(code: newValue)] + taskPlans.dropFirst() } else { taskPlans = [] }
        }
    }

    /// The settings as stored: with the ordered task plans in them.
    public var storedSettings: ReportSettings {
        var s = settings
        s.taskPlans = taskPlans.isEmpty ? nil : taskPlans
        return s
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
        if taskPlans.contains(where: { $0.code == planCode }) { out.append(.error("tasksPlan", "Kế hoạch nhiệm vụ trùng kế hoạch chỉ tiêu: để trống nếu nhiệm vụ nằm trong cùng kế hoạch.")) }
        let codes = taskPlans.map(\.code)
        if let twice = codes.first(where: { c in codes.count(where: { $0 == c }) > 1 }) {
            out.append(.error("tasksPlan", "Kế hoạch nhiệm vụ \(twice) được chọn hai lần."))
        }
        if let bad = taskPlans.first(where: { ($0.statedTotal ?? 1) < 1 }) {
            out.append(.error("tasksPlan", "Số nhiệm vụ kế hoạch \(bad.code) đặt ra phải là số nguyên dương."))
        }
        out += NarrativeBlock.problems(settings.narrativeBlocks ?? [])
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
        c.check(taskPlans.map(\.code), "tasksPlan", .code)
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
        for b in narrativeBlocks ?? [] {
            c.check(b.heading, "sectionII", .name)
            c.check(b.text, "sectionII", .text)
        }
        return c.problems
    }
}

/// Written with both the first task plan (`tasksPlanCode`, what readers of the old shape look
/// for) and the ordered list; read from either.
extension ReportTemplate: Codable {
    enum CodingKeys: String, CodingKey { case code, name, planCode, tasksPlanCode, taskPlans, unitCode, settings }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code), name: try c.decode(String.self, forKey: .name),
                  planCode: try c.decode(String.self, forKey: .planCode),
                  tasksPlanCode: try c.decodeIfPresent(String.self, forKey: .tasksPlanCode),
                  taskPlans: try c.decodeIfPresent([ReportTaskPlan].self, forKey: .taskPlans),
                  unitCode: try c.decodeIfPresent(String.self, forKey: .unitCode),
                  settings: try c.decode(ReportSettings.self, forKey: .settings))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(planCode, forKey: .planCode)
        try c.encodeIfPresent(tasksPlanCode, forKey: .tasksPlanCode)
        try c.encode(taskPlans, forKey: .taskPlans)
        try c.encodeIfPresent(unitCode, forKey: .unitCode)
        try c.encode(settings, forKey: .settings)
    }
}
