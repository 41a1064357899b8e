import DXCore
import DXStore
import Foundation
import Vapor

/// Set-up in the web app (coordinators and administrators): plans, indicators with targets,
/// tasks and units, with the import's checks; archive, never delete.
///
/// Everything here is changed only within the account's scope: a plan (its indicators and
/// tasks) belongs to its issuing unit, a document to its issuing unit, a unit of the list to
/// itself and its parent. The edit pages of what lies outside refuse (403) rather than show a
/// form that could not be saved.
struct SetupController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .setup, use: search)
        routes.register(.GET, .setupNewPlan, use: newPlan)
        routes.register(.POST, .setupNewPlan, use: createPlan)
        routes.register(.GET, .setupPlan, use: plan)
        routes.register(.POST, .setupPlan, use: savePlan)
        routes.register(.GET, .setupIndicator, use: indicator)
        routes.register(.POST, .setupIndicator, use: saveIndicator)
        routes.register(.POST, .setupIndicatorArchive, use: archiveIndicator)
        routes.register(.GET, .setupTask, use: task)
        routes.register(.POST, .setupTask, use: saveTask)
        routes.register(.POST, .setupTaskArchive, use: archiveTask)
        routes.register(.GET, .setupUnit, use: unit)
        routes.register(.POST, .setupUnit, use: saveUnit)
        routes.register(.POST, .setupUnitHeading, use: saveUnitHeading)
        // Document numbers contain "/", so the number travels in the query or the form.
        routes.register(.GET, .setupDocument, use: document)
        routes.register(.POST, .setupDocument, use: saveDocument)
    }

    func document(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let number = req.query[String.self, at: "number"] ?? ""
        let doc = number.isEmpty ? nil : try await req.store.documents().first { $0.number == number }
        if !number.isEmpty, doc == nil { throw Abort(.notFound, reason: t("Không có văn bản %@.", number)) }
        if let doc { try req.authorize(.setUp, owner: doc.issuerUnitCode, tree: try await req.store.unitTree()) }
        let flash = req.query[String.self, at: "msg"] == "saved" ? t("Đã lưu.") : nil
        return html(SetupPages.document(doc, units: try await req.store.units(), form: nil, error: nil, flash: flash, csrf: req.csrf))
    }

    func saveDocument(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let f = try await FormData.read(req)
        func opt(_ k: String) -> String? { f[k].map(VNText.clean).flatMap { $0.isEmpty ? nil : $0 } }
        let number = (f["number"] ?? "").trimmingCharacters(in: .whitespaces)
        var error: FieldIssue?
        var issued: CalendarDate?
        if let raw = opt("issued") {
            issued = CalendarDate(iso: raw) ?? VNDate.parse(raw)
            if issued == nil { error = .error("issued", t("Ngày ban hành \"%@\" không hợp lệ: nhập theo dạng ngày/tháng/năm.", raw)) }
        }
        let existing = try await req.store.documents().first { $0.number == number }
        // Both the stored issuer and the new one: nobody hands a document to, or takes one from, another unit.
        let tree = try await req.store.unitTree()
        if let existing { try req.authorize(.setUp, owner: existing.issuerUnitCode, tree: tree) }
        try req.authorize(.setUp, owner: opt("issuerUnit"), tree: tree)
        if error == nil {
            do {
                try await req.store.saveDocument(OfficialDocument(number: number, summary: VNText.clean(f["summary"] ?? ""), issued: issued,
                                                                  issuer: VNText.clean(f["issuer"] ?? ""), issuerUnitCode: opt("issuerUnit"),
                                                                  signer: opt("signer")), by: req.actor)
                return req.redirect(to: SiteRoute.setupDocument(number: number).path(message: "saved"), redirectType: .normal)
            } catch let e as StoreError { error = .error("", e.description) }
        }
        let r = html(SetupPages.document(existing, units: try await req.store.units(), form: f, error: error, flash: nil, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }

    func search(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let q = req.query[String.self, at: "q"] ?? ""
        return html(SetupPages.search(query: q, hits: try await req.store.search(q), plans: try await req.store.planSummaries()))
    }

    func contents(_ req: Request) async throws -> PlanContents {
        let key = req.parameters.get("plan") ?? ""
        guard let c = try await req.store.planContents(slugOrCode: key) else { throw Abort(.notFound, reason: t("Không có kế hoạch \"%@\".", key)) }
        return c
    }

    /// The plan of the path, after checking that the account may change it: a plan, its
    /// indicators and its tasks belong to the unit that issued it.
    func ownContents(_ req: Request) async throws -> PlanContents {
        try req.authorize(.setUp)
        let c = try await contents(req)
        try req.authorize(.setUp, owner: nonEmpty(c.plan.issuerCode), tree: try await req.store.unitTree())
        return c
    }

    func plan(req: Request) async throws -> Response {
        let c = try await ownContents(req)
        let flash = req.query[String.self, at: "msg"] == "saved" ? t("Đã lưu.") : nil
        return html(try await planPage(req, c, error: nil, flash: flash))
    }

    func planPage(_ req: Request, _ c: PlanContents, error: FieldIssue?, flash: String?) async throws -> String {
        let rounds = try await req.store.rounds().filter { $0.planCodes.contains(c.plan.code) }
        let names = Dictionary(try await req.store.units().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return SetupPlanPage.render(.init(contents: c, archived: try await req.store.archivedItems(planKey: c.plan.code), rounds: rounds,
                                          unitNames: names, csrf: req.csrf, error: error, flash: flash))
    }

    /// "1 | Chính quyền số" lines; nil with a message when a line has no name.
    static func readPillars(_ text: String) -> ([Pillar], FieldIssue?) {
        var out: [Pillar] = []
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: "|", maxSplits: 1).map { VNText.clean(String($0)) }
            guard !(parts.first ?? "").isEmpty else { continue }
            guard parts.count == 2, !parts[1].isEmpty else { return ([], .error("pillars", t("Trụ cột dòng %@: ghi theo dạng “mã | tên”.", n + 1))) }
            out.append(Pillar(code: parts[0], name: parts[1]))
        }
        return (out, nil)
    }

    func newPlan(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        return html(SetupPages.newPlan(units: try await issuers(req), form: nil, error: nil, csrf: req.csrf))
    }

    /// The units a new plan may be issued by: those in the account's scope.
    func issuers(_ req: Request) async throws -> [OrgUnit] {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        return try await req.store.units().filter { AccessPolicy.isInScope(account, unit: $0.code, in: tree) }
    }

    func createPlan(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let f = try await FormData.read(req)
        try req.authorize(.setUp, owner: nonEmpty(f["issuer"]), tree: try await req.store.unitTree())
        let code = VNText.clean(f["code"] ?? "")
        let (pillars, pillarError) = Self.readPillars(f["pillars"] ?? "")
        var error = pillarError
        let from = Int((f["from"] ?? "").trimmingCharacters(in: .whitespaces)), to = Int((f["to"] ?? "").trimmingCharacters(in: .whitespaces))
        if from == nil || to == nil { error = error ?? .error(from == nil ? "from" : "to", t("Năm bắt đầu và năm kết thúc phải là số nguyên.")) }
        var issued: CalendarDate?
        if let raw = f["issued"], !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            issued = CalendarDate(iso: raw) ?? VNDate.parse(raw)
            if issued == nil { error = error ?? .error("issued", t("Ngày ban hành \"%@\" không hợp lệ: nhập theo dạng ngày/tháng/năm.", raw)) }
        }
        if try await req.store.plan(slugOrCode: code) != nil { error = error ?? .error("code", t("Đã có kế hoạch số %@.", code)) }
        if error == nil, let from, let to {
            let slug = VNText.slug(code) + "-\(from)"
            let p = Plan(code: code, slug: slug, kind: PlanKind(rawValue: f["kind"] ?? "") ?? .plan, title: VNText.clean(f["title"] ?? ""),
                         issuerCode: f["issuer"] ?? "", issued: issued, horizonFrom: from, horizonTo: to, pillars: pillars)
            do {
                try await req.store.savePlanHeader(p, by: req.actor)
                return req.redirect(to: SiteRoute.setupPlan(slug: slug).path(message: "saved"), redirectType: .normal)
            } catch let e as StoreError { error = .error("", e.description) }
        }
        let r = html(SetupPages.newPlan(units: try await issuers(req), form: f, error: error, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }

    func savePlan(req: Request) async throws -> Response {
        let c = try await ownContents(req)
        let f = try await FormData.read(req)
        var p = c.plan
        p.title = VNText.clean(f["title"] ?? "")
        let (pillars, pillarError) = Self.readPillars(f["pillars"] ?? "")
        var error = pillarError
        if f["pillars"] != nil { p.pillars = pillars }
        if let from = f["from"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), let to = f["to"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            p.horizonFrom = from
            p.horizonTo = to
        } else {
            error = error ?? .error(f["from"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } == nil ? "from" : "to",
                                    t("Năm bắt đầu và năm kết thúc phải là số nguyên."))
        }
        if p.title.isEmpty { error = .error("title", t("Chưa nhập tên kế hoạch.")) }
        if error == nil {
            do {
                try await req.store.savePlanHeader(p, by: req.actor)
                return req.redirect(to: SiteRoute.setupPlan(slug: p.slug).path(message: "saved"), redirectType: .normal)
            } catch let e as StoreError { error = .error("", e.description) }
        }
        let r = html(try await planPage(req, c, error: error, flash: nil))
        r.status = .unprocessableEntity
        return r
    }

    func indicator(req: Request) async throws -> Response {
        let c = try await ownContents(req)
        let code = req.parameters.get("code") ?? ""
        let units = try await req.store.units()
        if code == "moi" {
            return html(SetupPages.indicator(plan: c.plan, nil, isNew: true, archived: false, units: units, form: nil, error: nil, csrf: req.csrf))
        }
        guard let found = try await req.store.indicator(planKey: c.plan.code, code: code) else {
            throw Abort(.notFound, reason: t("Kế hoạch %@ không có chỉ tiêu %@.", c.plan.code, code))
        }
        return html(SetupPages.indicator(plan: c.plan, found.indicator, isNew: false, archived: found.archived, units: units, form: nil, error: nil, csrf: req.csrf))
    }

    /// Reads the indicator form; the first problem found is the message.
    static func readIndicator(_ f: FormData) -> (Indicator?, FieldIssue?) {
        let code = (f["code"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let measure = MeasureKind(rawValue: f["measure"] ?? "") else { return (nil, .error("measure", t("Cách đo không hợp lệ."))) }
        var targets: [Target] = []
        var n = 0
        while f["t\(n).year"] != nil {
            defer { n += 1 }
            let yearText = (f["t\(n).year"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !yearText.isEmpty else { continue }
            guard let year = Int(yearText), (1900...2100).contains(year) else { return (nil, .error("t\(n).year", t("Mục tiêu dòng %@: năm \"%@\" không hợp lệ.", n + 1, yearText))) }
            var value: Double?, upper: Double?
            for (name, slot) in [("value", 0), ("upper", 1)] {
                let raw = (f["t\(n).\(name)"] ?? "").trimmingCharacters(in: .whitespaces)
                guard !raw.isEmpty else { continue }
                guard let x = VNNumber.parse(raw) else { return (nil, .error("t\(n).\(name)", t("Mục tiêu năm %@: \"%@\" không phải là số hợp lệ.", year, raw))) }
                if slot == 0 { value = x } else { upper = x }
            }
            targets.append(Target(year: year, level: AdminLevel(rawValue: f["t\(n).level"] ?? "") ?? .any,
                                  comparator: Comparator(rawValue: f["t\(n).comparator"] ?? "") ?? .ge, value: value, upper: upper,
                                  text: VNText.clean(f["t\(n).text"] ?? "")))
        }
        func opt(_ k: String) -> String? { f[k].map(VNText.clean).flatMap { $0.isEmpty ? nil : $0 } }
        return (Indicator(
            code: code, name: VNText.clean(f["name"] ?? ""), pillarCode: opt("pillar"), measure: measure,
            numeratorDefinition: opt("numeratorDefinition"), denominatorDefinition: opt("denominatorDefinition"),
            unitOfMeasure: opt("unitOfMeasure"), aggregation: UnitAggregation(rawValue: f["aggregation"] ?? "") ?? .sum,
            temporal: TemporalAggregation(rawValue: f["temporal"] ?? "") ?? .stock,
            direction: Direction(rawValue: f["direction"] ?? "") ?? .higherIsBetter, responsibleUnitCode: opt("responsible"),
            allowsOverHundred: f["allowsOverHundred"] != nil, allowsZeroDenominator: f["allowsZeroDenominator"] != nil,
            targets: targets), nil)
    }

    func saveIndicator(req: Request) async throws -> Response {
        let c = try await ownContents(req)
        let isNew = req.parameters.get("code") == "moi"
        let f = try await FormData.read(req)
        let (ind, parseError) = Self.readIndicator(f)
        var error = parseError
        if let i = ind, error == nil {
            if isNew, try await req.store.indicator(planKey: c.plan.code, code: i.code) != nil {
                error = .error("code", t("Kế hoạch đã có chỉ tiêu mã %@.", i.code))
            } else {
                do {
                    try await req.store.saveIndicator(planKey: c.plan.code, i, by: req.actor)
                    return req.redirect(to: SiteRoute.setupPlan(slug: c.plan.slug).path(message: "saved"), redirectType: .normal)
                } catch let e as StoreError { error = .error("", e.description) }
            }
        }
        let r = html(SetupPages.indicator(plan: c.plan, nil, isNew: isNew, archived: false, units: try await req.store.units(), form: f, error: error, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }

    func archive(_ req: Request, _ kind: Store.Archivable) async throws -> Response {
        let c = try await ownContents(req)
        let archived = try await FormData.read(req)["archived"] == "true"
        do {
            try await req.store.setArchived(kind, planKey: c.plan.code, code: req.parameters.get("code"), archived: archived, by: req.actor)
        } catch { throw httpError(error) }
        return req.redirect(to: SiteRoute.setupPlan(slug: c.plan.slug).path(message: "saved"), redirectType: .normal)
    }

    func archiveIndicator(req: Request) async throws -> Response { try await archive(req, .indicator) }
    func archiveTask(req: Request) async throws -> Response { try await archive(req, .task) }

    func task(req: Request) async throws -> Response {
        let c = try await ownContents(req)
        let code = req.parameters.get("code") ?? ""
        let units = try await req.store.units()
        if code == "moi" {
            return html(SetupPages.task(plan: c.plan, nil, isNew: true, archived: false, units: units, form: nil, error: nil, csrf: req.csrf))
        }
        guard let found = try await req.store.task(planKey: c.plan.code, code: code) else {
            throw Abort(.notFound, reason: t("Kế hoạch %@ không có nhiệm vụ %@.", c.plan.code, code))
        }
        return html(SetupPages.task(plan: c.plan, found.task, isNew: false, archived: found.archived, units: units, form: nil, error: nil, csrf: req.csrf))
    }

    func saveTask(req: Request) async throws -> Response {
        let c = try await ownContents(req)
        let isNew = req.parameters.get("code") == "moi"
        let f = try await FormData.read(req)
        func list(_ k: String) -> [String] { (f[k] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        func opt(_ k: String) -> String? { f[k].map(VNText.clean).flatMap { $0.isEmpty ? nil : $0 } }
        var error: FieldIssue?
        var deadline: Deadline?
        if let d = opt("deadline") {
            deadline = Deadline(code: d)
            if deadline == nil { error = .error("deadline", t("Thời hạn \"%@\" không hợp lệ: dùng 2024-06-30, 2024-06, 2024Q2, 2024, ongoing hoặc quarterly.", d)) }
        }
        let code = (f["code"] ?? "").trimmingCharacters(in: .whitespaces)
        let task = PlanTask(code: code, title: VNText.clean(f["title"] ?? ""),
                         subItems: (f["subItems"] ?? "").split(whereSeparator: \.isNewline).map { VNText.clean(String($0)) }.filter { !$0.isEmpty },
                         pillarCode: opt("pillar"), leadUnitCode: opt("lead"), leadText: VNText.clean(f["leadText"] ?? ""),
                         cooperatingUnitCodes: list("cooperating"), cooperatingText: VNText.clean(f["cooperatingText"] ?? ""),
                         deadline: deadline, deadlineText: opt("deadlineText"), evidence: list("evidence"))
        if error == nil {
            if isNew, try await req.store.task(planKey: c.plan.code, code: code) != nil {
                error = .error("code", t("Kế hoạch đã có nhiệm vụ mã %@.", code))
            } else {
                do {
                    try await req.store.saveTask(planKey: c.plan.code, task, by: req.actor)
                    return req.redirect(to: SiteRoute.setupPlan(slug: c.plan.slug).path(message: "saved"), redirectType: .normal)
                } catch let e as StoreError { error = .error("", e.description) }
            }
        }
        let r = html(SetupPages.task(plan: c.plan, nil, isNew: isNew, archived: false, units: try await req.store.units(), form: f, error: error, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }

    func unit(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let code = req.parameters.get("code") ?? ""
        let units = try await req.store.units()
        let flash = req.query[String.self, at: "msg"] == "saved" ? t("Đã lưu.") : nil
        if code == "moi" { return html(SetupPages.unit(nil, isNew: true, units: units, form: nil, error: nil, flash: nil, csrf: req.csrf)) }
        guard let u = units.first(where: { $0.code == code }) else { throw Abort(.notFound, reason: t("Không có đơn vị mã %@.", code)) }
        try await authorizeUnitChange(req, stored: u, parentCode: u.parentCode, successorCode: nil)
        let heading = try await headingForm(req, u, values: UnitHeadingForm.values(try await req.store.unitReportHeading(code)), issues: [])
        return html(SetupPages.unit(u, isNew: false, units: units, form: nil, error: nil, flash: flash, csrf: req.csrf, heading: heading))
    }

    func headingForm(_ req: Request, _ u: OrgUnit, values: [String: String], issues: [FieldIssue]) async throws -> Node {
        let tree = try await req.store.unitTree()
        return UnitHeadingForm.render(unit: u, values: values, derived: .issued(by: u, in: tree, date: .today()), issues: issues, csrf: req.csrf)
    }

    /// Saves the heading and signer of the reports the unit issues (`UnitReportHeading`).
    func saveUnitHeading(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let code = req.parameters.get("code") ?? ""
        let units = try await req.store.units()
        guard let u = units.first(where: { $0.code == code }) else { throw Abort(.notFound, reason: t("Không có đơn vị mã %@.", code)) }
        try await authorizeUnitChange(req, stored: u, parentCode: u.parentCode, successorCode: nil)
        let f = try await FormData.read(req)
        let heading = UnitHeadingForm.read(f)
        var issues = heading.problems()
        if issues.isEmpty {
            do {
                try await req.store.saveUnitReportHeading(heading, for: code, by: req.actor)
                return req.redirect(to: SiteRoute.setupUnit(code: code).path(message: "saved") + "#heading", redirectType: .normal)
            } catch let e as StoreError { issues = [.error("", e.description)] }
        }
        let values = Dictionary(f.pairs, uniquingKeysWith: { _, last in last })
        let form = try await headingForm(req, u, values: values, issues: issues)
        let r = html(SetupPages.unit(u, isNew: false, units: units, form: nil, error: nil, flash: nil, csrf: req.csrf, heading: form))
        r.status = .unprocessableEntity
        return r
    }

    func saveUnit(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let isNew = req.parameters.get("code") == "moi"
        let f = try await FormData.read(req)
        let units = try await req.store.units()
        let code = (f["code"] ?? "").trimmingCharacters(in: .whitespaces)
        func opt(_ k: String) -> String? { f[k].map(VNText.clean).flatMap { $0.isEmpty ? nil : $0 } }
        var error: FieldIssue?
        func date(_ k: String, _ label: String) -> CalendarDate? {
            guard let raw = opt(k) else { return nil }
            if let d = CalendarDate(iso: raw) ?? VNDate.parse(raw) { return d }
            error = .error(k, t("%@ \"%@\" không phải là ngày hợp lệ: nhập theo dạng ngày/tháng/năm.", label, raw))
            return nil
        }
        let u = OrgUnit(code: code, name: VNText.clean(f["name"] ?? ""), kind: UnitKind(rawValue: f["kind"] ?? "") ?? .other,
                        parentCode: opt("parent"), validFrom: date("validFrom", t("Ngày hiệu lực")), validTo: date("validTo", t("Ngày hết hiệu lực")),
                        successorCode: opt("successor"))
        // The unit of the path too: its form cannot be used to save some other unit.
        if !isNew, let path = req.parameters.get("code"), path != code, let stored = units.first(where: { $0.code == path }) {
            try await authorizeUnitChange(req, stored: stored, parentCode: stored.parentCode, successorCode: nil)
        }
        try await authorizeUnitChange(req, stored: units.first { $0.code == code }, parentCode: u.parentCode, successorCode: u.successorCode)
        if code.isEmpty || code.count > 20 { error = .error("code", t("Mã đơn vị phải có từ 1 đến 20 ký tự.")) }
        if isNew, units.contains(where: { $0.code == code }) { error = .error("code", t("Đã có đơn vị mã %@.", code)) }
        if error == nil {
            do {
                try await req.store.saveUnit(u, by: req.actor)
                return req.redirect(to: SiteRoute.setupUnit(code: code).path(message: "saved"), redirectType: .normal)
            } catch let e as StoreError { error = .error("", e.description) }
        }
        let r = html(SetupPages.unit(isNew ? nil : units.first { $0.code == code }, isNew: isNew, units: units, form: f, error: error, flash: nil, csrf: req.csrf))
        r.status = .unprocessableEntity
        return r
    }

    /// Refuses (403) a change to the unit list that reaches outside the account's scope
    /// (`AccessPolicy.allowsUnitChange`).
    func authorizeUnitChange(_ req: Request, stored: OrgUnit?, parentCode: String?, successorCode: String?) async throws {
        let account = try req.requireAccount()
        let tree = try await req.store.unitTree()
        guard AccessPolicy.allowsUnitChange(account, stored: stored, parentCode: parentCode, successorCode: successorCode, in: tree) else {
            throw Abort(.forbidden, reason: AccessPolicy.scopeRefusal)
        }
    }
}
