import DXCore
import FluentKit
import Foundation

extension Store {
    /// Loads a data set in one transaction, creating or updating by natural keys (unit code,
    /// plan code, indicator and task code within a plan, document number, and
    /// indicator/task × unit × period for facts). Running it twice changes nothing.
    public func load(_ set: Dataset) async throws -> LoadSummary {
        let before = try await counts()
        try await db.transaction { tx in
            let s = Store(tx)
            try await s.upsertUnits(set.units)
            for d in set.documents { try await s.upsertDocument(d) }
            for p in set.plans { try await s.upsertPlan(p) }
            for v in set.values { try await s.upsertValue(v) }
            for r in set.taskReports { try await s.upsertTaskReport(r) }
            if !set.values.isEmpty { try await s.refreshRollups(RollupScope(planCodes: Array(Set(set.values.map(\.planCode))))) }
            for set in set.scoring {
                try await s.upsertScoringScheme(set.scheme)
                for i in set.inputs { try await s.upsertScoringInput(schemeCode: set.scheme.code, i, author: "demo") }
            }
        }
        return LoadSummary(before: before, after: try await counts())
    }

    /// Every way into the store applies the same field lengths (`FieldLimit`).
    func requireLengths(_ value: some FieldLengthChecked, _ context: @autoclosure () -> String) throws {
        if let p = value.lengthProblems.first { throw StoreError.invalid("\(context()): \(p)") }
    }

    /// The version `code` names on `day` (default today; a figure's period end).
    func requireUnitID(_ code: String, _ context: String, asOf day: CalendarDate? = nil) async throws -> UUID {
        guard let id = try await unitID(code: code, asOf: day) else {
            throw StoreError.invalid("\(context): không có đơn vị mã \(code)")
        }
        return id
    }

    func optionalUnitID(_ code: String?, _ context: String) async throws -> UUID? {
        guard let code else { return nil }
        return try await requireUnitID(code, context)
    }

    public func upsertDocument(_ d: OfficialDocument) async throws {
        try requireLengths(d, "Văn bản \(FieldLimit.excerpt(d.number))")
        let row = try await DocumentModel.query(on: db).filter(\.$number == d.number).first() ?? DocumentModel()
        row.number = d.number
        row.summary = VNText.nfc(d.summary)
        row.issued = d.issued?.iso
        row.issuer = VNText.nfc(d.issuer)
        row.$issuerUnit.id = try await optionalUnitID(d.issuerUnitCode, "Văn bản \(d.number)")
        row.signer = d.signer.map(VNText.nfc)
        row.searchKey = VNText.searchKey(d.number + " " + d.summary)
        try await row.save(on: db)
    }

    /// Creates or updates a plan with its pillars, indicators, targets and tasks, all or nothing.
    public func upsertPlan(_ contents: PlanContents) async throws {
        try await db.transaction { try await Store($0).writePlan(contents) }
    }

    func writePlan(_ contents: PlanContents) async throws {
        let p = contents.plan
        try requireLengths(contents, "Kế hoạch \(FieldLimit.excerpt(p.code))")
        let ctx = "Kế hoạch \(p.code)"
        guard !p.slug.isEmpty, p.slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw StoreError.invalid("\(ctx): định danh URL \"\(p.slug)\" chỉ được gồm chữ không dấu, số và dấu gạch ngang")
        }
        guard p.horizonFrom <= p.horizonTo else {
            throw StoreError.invalid("\(ctx): năm bắt đầu \(p.horizonFrom) sau năm kết thúc \(p.horizonTo)")
        }
        let row = try await PlanModel.query(on: db).filter(\.$code == p.code).first() ?? PlanModel()
        row.code = p.code
        row.slug = p.slug
        row.kind = p.kind.rawValue
        row.title = VNText.nfc(p.title)
        row.$issuer.id = try await requireUnitID(p.issuerCode, ctx)
        row.issued = p.issued?.iso
        row.horizonFrom = p.horizonFrom
        row.horizonTo = p.horizonTo
        row.parentCode = p.parentCode
        row.searchKey = VNText.searchKey(p.code + " " + p.title)
        try await row.save(on: db)
        let planID = try row.requireID()

        let existingPillars = try await PillarModel.query(on: db).filter(\.$plan.$id == planID).all()
        for (i, pillar) in p.pillars.enumerated() {
            let pr = existingPillars.first { $0.code == pillar.code } ?? PillarModel()
            pr.$plan.id = planID
            pr.code = pillar.code
            pr.name = VNText.nfc(pillar.name)
            pr.position = i
            try await pr.save(on: db)
        }
        let pillarCodes = Set(p.pillars.map(\.code))
        for (i, ind) in contents.indicators.enumerated() {
            if let pc = ind.pillarCode, !pillarCodes.contains(pc) {
                throw StoreError.invalid("\(ctx), chỉ tiêu \(ind.code): không có trụ cột mã \(pc)")
            }
            try await upsertIndicator(ind, planID: planID, position: i, context: ctx)
        }
        for (i, task) in contents.tasks.enumerated() {
            if let pc = task.pillarCode, !pillarCodes.contains(pc) {
                throw StoreError.invalid("\(ctx), nhiệm vụ \(task.code): không có trụ cột mã \(pc)")
            }
            try await upsertTask(task, planID: planID, position: i, context: ctx)
        }
    }

    func upsertIndicator(_ ind: Indicator, planID: UUID, position: Int, context: String) async throws {
        try requireLengths(ind, "\(context), chỉ tiêu \(FieldLimit.excerpt(ind.code))")
        let ctx = "\(context), chỉ tiêu \(ind.code)"
        let row = try await IndicatorModel.query(on: db).filter(\.$plan.$id == planID).filter(\.$code == ind.code).first() ?? IndicatorModel()
        row.$plan.id = planID
        row.code = ind.code
        row.name = VNText.nfc(ind.name)
        row.pillarCode = ind.pillarCode
        row.measure = ind.measure.rawValue
        row.numeratorDefinition = ind.numeratorDefinition.map(VNText.nfc)
        row.denominatorDefinition = ind.denominatorDefinition.map(VNText.nfc)
        row.unitOfMeasure = ind.unitOfMeasure
        row.aggregation = ind.aggregation.rawValue
        row.temporal = ind.temporal.rawValue
        row.direction = ind.direction.rawValue
        row.$responsibleUnit.id = try await optionalUnitID(ind.responsibleUnitCode, ctx)
        row.allowsOverHundred = ind.allowsOverHundred
        row.allowsZeroDenominator = ind.allowsZeroDenominator
        row.position = position
        row.searchKey = VNText.searchKey(ind.code + " " + ind.name)
        try await row.save(on: db)
        let id = try row.requireID()
        var seen: Set<String> = []
        for t in ind.targets {
            do { try t.validate() } catch { throw StoreError.invalid("\(ctx): \(error)") }
            guard seen.insert("\(t.year)/\(t.level.rawValue)").inserted else {
                throw StoreError.invalid("\(ctx): mục tiêu năm \(t.year) cho \(t.level.labelVI.lowercased()) bị nhập hai lần")
            }
            let tr = try await TargetModel.query(on: db).filter(\.$indicator.$id == id)
                .filter(\.$year == t.year).filter(\.$level == t.level.rawValue).first() ?? TargetModel()
            tr.$indicator.id = id
            tr.year = t.year
            tr.level = t.level.rawValue
            tr.comparator = t.comparator.rawValue
            tr.value = t.value
            tr.upper = t.upper
            tr.text = VNText.nfc(t.text)
            try await tr.save(on: db)
        }
    }

    func upsertTask(_ task: PlanTask, planID: UUID, position: Int, context: String) async throws {
        try requireLengths(task, "\(context), nhiệm vụ \(FieldLimit.excerpt(task.code))")
        let ctx = "\(context), nhiệm vụ \(task.code)"
        let row = try await TaskModel.query(on: db).filter(\.$plan.$id == planID).filter(\.$code == task.code).first() ?? TaskModel()
        row.$plan.id = planID
        row.code = task.code
        row.title = VNText.nfc(task.title)
        row.subItems = JSONList.encode(task.subItems.map(VNText.nfc))
        row.pillarCode = task.pillarCode
        row.$leadUnit.id = try await optionalUnitID(task.leadUnitCode, ctx)
        row.leadText = VNText.nfc(task.leadText)
        row.cooperatingText = VNText.nfc(task.cooperatingText)
        row.deadline = task.deadline?.code
        row.deadlineText = task.deadlineText.map(VNText.nfc)
        row.evidence = JSONList.encode(task.evidence)
        row.position = position
        row.searchKey = VNText.searchKey(task.code + " " + task.title)
        try await row.save(on: db)
        let id = try row.requireID()
        try await TaskCooperatorModel.query(on: db).filter(\.$task.$id == id).delete()
        for code in Set(task.cooperatingUnitCodes) {
            let c = TaskCooperatorModel()
            c.$task.id = id
            c.$unit.id = try await requireUnitID(code, ctx)
            try await c.create(on: db)
        }
    }

    func indicatorID(plan: String, code: String, context: String) async throws -> IndicatorModel {
        guard let p = try await PlanModel.query(on: db).filter(\.$code == plan).first() else {
            throw StoreError.invalid("\(context): không có kế hoạch \(plan)")
        }
        guard let row = try await IndicatorModel.query(on: db).filter(\.$plan.$id == p.requireID()).filter(\.$code == code).first() else {
            throw StoreError.invalid("\(context): kế hoạch \(plan) không có chỉ tiêu \(code)")
        }
        return row
    }

    @discardableResult
    public func upsertValue(_ v: DataValue) async throws -> ImportChange {
        try requireLengths(v, "Số liệu \(FieldLimit.excerpt(v.indicatorCode)) / \(FieldLimit.excerpt(v.unitCode))")
        let ctx = "Số liệu \(v.planCode) / \(v.indicatorCode) / \(v.unitCode) / \(v.periodID)"
        guard (try? Period.parse(v.periodID)) != nil else {
            throw StoreError.invalid("\(ctx): mã kỳ báo cáo không hợp lệ")
        }
        let ind = try await indicatorID(plan: v.planCode, code: v.indicatorCode, context: ctx)
        let indID = try ind.requireID()
        if let problem = Self.ratePartsProblem(numerator: v.numerator, denominator: v.denominator,
                                               isRate: ind.measure == MeasureKind.rate.rawValue, allowsOverHundred: ind.allowsOverHundred,
                                               allowsZeroDenominator: ind.allowsZeroDenominator) {
            throw StoreError.invalid("\(ctx): \(problem)")
        }
        let unitID = try await requireUnitID(v.unitCode, ctx, asOf: Period(identifier: v.periodID)?.end)
        let row = try await DataValueModel.query(on: db).filter(\.$indicator.$id == indID)
            .filter(\.$unit.$id == unitID).filter(\.$period == v.periodID).first() ?? DataValueModel()
        let change: ImportChange = row.id == nil ? .created : row.domainFields == v.domainFields ? .unchanged : .updated
        guard change != .unchanged else { return change }
        row.$indicator.id = indID
        row.$unit.id = unitID
        row.period = v.periodID
        row.numerator = v.numerator
        row.denominator = v.denominator
        row.value = v.value
        row.text = v.text.map(VNText.nfc)
        row.judgement = v.judgement?.rawValue
        row.comment = v.comment.map(VNText.nfc)
        row.author = v.author
        row.updatedAt = v.updatedAt ?? Date()
        try await row.save(on: db)
        return change
    }

    public func upsertTaskReport(_ r: TaskReport) async throws {
        let ctx = "Báo cáo nhiệm vụ \(r.planCode) / \(r.taskCode) / \(r.unitCode) / \(r.periodID)"
        guard (try? Period.parse(r.periodID)) != nil else {
            throw StoreError.invalid("\(ctx): mã kỳ báo cáo không hợp lệ")
        }
        if let p = r.percent, !(0...100).contains(p) {
            throw StoreError.invalid("\(ctx): tỷ lệ hoàn thành phải từ 0 đến 100")
        }
        guard let plan = try await PlanModel.query(on: db).filter(\.$code == r.planCode).first() else {
            throw StoreError.invalid("\(ctx): không có kế hoạch \(r.planCode)")
        }
        guard let task = try await TaskModel.query(on: db).filter(\.$plan.$id == plan.requireID()).filter(\.$code == r.taskCode).first() else {
            throw StoreError.invalid("\(ctx): kế hoạch không có nhiệm vụ \(r.taskCode)")
        }
        let taskID = try task.requireID()
        let unitID = try await requireUnitID(r.unitCode, ctx, asOf: Period(identifier: r.periodID)?.end)
        let row = try await TaskReportModel.query(on: db).filter(\.$task.$id == taskID)
            .filter(\.$unit.$id == unitID).filter(\.$period == r.periodID).first() ?? TaskReportModel()
        if row.id != nil, row.status == r.status.rawValue, row.percent == r.percent,
           row.result == r.result.map(VNText.nfc), row.note == r.note.map(VNText.nfc) { return }
        row.$task.id = taskID
        row.$unit.id = unitID
        row.period = r.periodID
        row.status = r.status.rawValue
        row.percent = r.percent
        row.result = r.result.map(VNText.nfc)
        row.note = r.note.map(VNText.nfc)
        row.author = r.author
        row.updatedAt = r.updatedAt ?? Date()
        try await row.save(on: db)
    }
}

private struct ValueFields: Equatable {
    var numerator, denominator, value: Double?
    var text, judgement, comment: String?
}

extension DataValueModel {
    fileprivate var domainFields: ValueFields {
        ValueFields(numerator: numerator, denominator: denominator, value: value, text: text, judgement: judgement, comment: comment)
    }
}

extension DataValue {
    fileprivate var domainFields: ValueFields {
        ValueFields(numerator: numerator, denominator: denominator, value: value, text: text.map(VNText.nfc),
                    judgement: judgement?.rawValue, comment: comment.map(VNText.nfc))
    }
}
