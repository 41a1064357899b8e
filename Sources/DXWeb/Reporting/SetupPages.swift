import DXCore
import DXStore
import Foundation

/// Set-up pages: search with the list of plans, and the edit forms of a plan, an indicator, a
/// task, a document and a unit. A plan's own page with its indicators and tasks is
/// `SetupPlanPage`. A refused save names its field: the field is marked invalid and points at
/// the message, and the message links back to the field.
enum SetupPages {
    static func search(query: String, hits: [SearchHit], plans: [PlanSummary]) -> String {
        Layout.page(title: t("Thiết lập")) {
            Node.h1(text: t("Thiết lập"))
            Node.p(.class("buttons")) {
                Node.a(.class("button primary"), .href(.setupNewPlan), text: t("Thêm kế hoạch"))
                Node.a(.class("button"), .href(.setupUnit(code: nil)), text: t("Thêm đơn vị"))
                Node.a(.class("button"), .href(.setupDocument(number: nil)), text: t("Thêm văn bản"))
            }
            Node.form(.method("get"), .action(.setup(query: nil)), .class("search"), .role("search")) {
                ViewParts.field(t("Tìm đơn vị, kế hoạch, chỉ tiêu, nhiệm vụ, văn bản (không cần dấu)"), Node.input(.name("q"), .id("q"), .value(query)))
                Node.button(.type("submit"), text: t("Tìm"))
            }
            if !query.isEmpty {
                Node.h2(text: t("Kết quả tìm “%@” (%@)", query, hits.count))
                if hits.isEmpty {
                    emptyState(t("Không tìm thấy mục nào."), next: t("Thử từ khác hoặc ít từ hơn: tên không cần dấu, hoặc mã (ví dụ 339, 1.3, 83/KH-BCĐ)."))
                } else {
                    Node.ul(.id("hits"), .class("hits")) { for h in hits { hit(h) } }
                }
            }
            Node.h2(text: t("Kế hoạch"))
            if plans.isEmpty {
                emptyState(t("Chưa có kế hoạch nào."), next: t("Bấm “Thêm kế hoạch” để nhập số ký hiệu, tên và các trụ cột; sau đó thêm chỉ tiêu và nhiệm vụ của kế hoạch."))
            } else {
                Node.table(.class("stacked"), .id("setup-plans")) {
                    Node.columnHeads([t("Kế hoạch"), t("Thời gian"), t("Chỉ tiêu"), t("Nhiệm vụ"), t("Cơ quan ban hành")])
                    Node.tbody { for p in plans { planRow(p) } }
                }
            }
        }
    }

    static func planRow(_ s: PlanSummary) -> Node {
        // A plan of indicators only, or of tasks only, has none of the other: said plainly.
        // A plan with neither is still to be filled in.
        let empty = s.indicatorCount == 0 && s.taskCount == 0
        return .tr {
            cell(t("Kế hoạch"), "title") {
                Node.link(.setupPlan(slug: s.plan.slug), "\(translated(s.plan.kind.labelVI)) \(s.plan.code)")
                Node.br()
                Node.span(.class("muted"), text: s.plan.title)
            }
            cell(t("Thời gian")) { years(s.plan) }
            cell(t("Chỉ tiêu"), "num") { count(s.indicatorCount, empty: empty) }
            cell(t("Nhiệm vụ"), "num") { count(s.taskCount, empty: empty) }
            cell(t("Cơ quan ban hành")) { s.issuerName }
        }
    }

    /// "2024–2025", or one year.
    static func years(_ p: Plan) -> String {
        p.horizonFrom == p.horizonTo ? String(p.horizonFrom) : "\(p.horizonFrom)–\(p.horizonTo)"
    }

    /// A count as a badge; none said in words instead of a bare 0: still to be entered in an
    /// empty plan, simply none in a plan that has the other kind.
    static func count(_ n: Int, empty: Bool) -> Node {
        if n > 0 { return .span(.class("badge"), text: VNNumber.padded(n)) }
        return empty ? .span(.class("badge ev-none"), text: t("Chưa có")) : .span(.class("muted"), text: t("Không có"))
    }

    static func hit(_ h: SearchHit) -> Node {
        let label: String
        let link: SiteRoute?
        switch h.kind {
        case .unit: label = t("Đơn vị"); link = .setupUnit(code: h.code)
        case .plan: label = t("Kế hoạch"); link = h.planSlug.map { .setupPlan(slug: $0) }
        case .indicator: label = t("Chỉ tiêu"); link = h.planSlug.map { .setupIndicator(plan: $0, code: h.code) }
        case .task: label = t("Nhiệm vụ"); link = h.planSlug.map { .setupTask(plan: $0, code: h.code) }
        case .document: label = t("Văn bản"); link = .setupDocument(number: h.code)
        }
        let text = "\(label) \(h.code): \(h.title)" + (h.archived ? " (\(t("đã lưu trữ")))" : "")
        return .li { if let link { Node.link(link, text) } else { text } }
    }

    static func crumbs(_ plan: Plan? = nil) -> Node {
        var links: [(href: String, text: String)] = [(SiteRoute.setup(query: nil).path, t("Thiết lập"))]
        if let plan { links.append((SiteRoute.setupPlan(slug: plan.slug).path, plan.code)) }
        return ViewParts.crumbs(links)
    }

    // MARK: - Fields

    /// The id of a refused save's message, which its field points at.
    static let errorID = "form-error"

    /// The refusal, with a link to the field it is about.
    static func errorBox(_ error: FieldIssue?) -> Node {
        guard let error else { return .empty }
        return .div(.class("box errbox"), .id(errorID), Attribute("role", "alert")) {
            Node.p(text: error.message)
            if !error.path.isEmpty { Node.p { Node.a(.href("#" + error.path), text: t("Sửa ô này")) } }
        }
    }

    /// The field's id, and when the refusal is about it, marked invalid and pointing at the message.
    static func marks(_ name: String, _ error: FieldIssue?) -> [Attribute] {
        [.id(name)] + (error?.path == name ? [.aria("invalid", "true"), .aria("describedby", errorID)] : [])
    }

    static func options<T>(_ all: [T], selected: String?, value: (T) -> String, label: (T) -> String, blank: String? = nil) -> Node {
        ViewParts.options(all, selected: selected, value: value, label: label, blank: blank)
    }

    /// `<label>Label <input name value></label>`; `numeric` brings up the phone's number pad.
    static func text(_ label: String, _ name: String, _ value: String, required: Bool = false, numeric: Bool = false,
                     hint: String? = nil, error: FieldIssue? = nil) -> Node {
        var attributes: [Attribute] = [.name(name), .value(value)] + marks(name, error)
        if required { attributes.append(.flag("required")) }
        if numeric { attributes.append(Attribute("inputmode", "numeric")) }
        if let hint { attributes.append(Attribute("placeholder", hint)) }
        return ViewParts.field(label, .void("input", attributes))
    }

    static func area(_ label: String, _ name: String, rows: Int, _ value: String, required: Bool = false, error: FieldIssue? = nil) -> Node {
        var attributes: [Attribute] = [.name(name), Attribute("rows", String(rows))] + marks(name, error)
        if required { attributes.append(.flag("required")) }
        return ViewParts.field(label, .element("textarea", attributes, [.text(value)]))
    }

    static func select(_ label: String, _ name: String, _ options: Node, error: FieldIssue? = nil) -> Node {
        ViewParts.field(label, .element("select", [.name(name)] + marks(name, error), [options]))
    }

    static func unitLabel(_ u: OrgUnit) -> String { "\(u.displayName) (\(u.code))" }

    /// How dates are typed, shown in the empty date fields.
    static var dateHint: String { t("ngày/tháng/năm") }

    // MARK: - Forms

    static func newPlan(units: [OrgUnit], form: FormData?, error: FieldIssue?, csrf: String) -> String {
        func v(_ n: String, _ d: String = "") -> String { form?[n] ?? d }
        return Layout.page(title: t("Thêm kế hoạch")) {
            crumbs()
            Node.h1(text: t("Thêm kế hoạch"))
            errorBox(error)
            Node.form(.method("post"), .action(.setupNewPlan), .class("stack")) {
                csrfField(csrf)
                text(t("Số ký hiệu (ví dụ 83/KH-BCĐ)"), "code", v("code"), required: true, error: error)
                select(t("Loại"), "kind", options(PlanKind.allCases, selected: form?["kind"] ?? "plan", value: \.rawValue, label: { translated($0.labelVI) }))
                area(t("Tên"), "title", rows: 2, v("title"), required: true, error: error)
                select(t("Cơ quan ban hành"), "issuer", options(units, selected: form?["issuer"], value: \.code, label: unitLabel), error: error)
                text(t("Ngày ban hành"), "issued", v("issued"), hint: dateHint, error: error)
                yearFields(from: v("from"), to: v("to"), error: error)
                area(t("Trụ cột (mỗi dòng: mã | tên)"), "pillars", rows: 4, v("pillars", "1 | Chính quyền số\n2 | Kinh tế số\n3 | Xã hội số"), error: error)
                Node.button(.type("submit"), .class("primary"), text: t("Tạo kế hoạch"))
            }
        }
    }

    /// The plan's first and last year, side by side on a wide screen, with the number pad.
    static func yearFields(from: String, to: String, error: FieldIssue?) -> Node {
        .div(.class("row")) {
            text(t("Từ năm"), "from", from, required: true, numeric: true, error: error)
            text(t("Đến năm"), "to", to, required: true, numeric: true, error: error)
        }
    }

    static func archiveForm(_ action: SiteRoute, archived: Bool, csrf: String) -> Node {
        .form(.method("post"), .action(action), .class("inline")) {
            csrfField(csrf)
            Node.hidden("archived", archived ? "false" : "true")
            Node.button(.type("submit"), text: archived ? t("Khôi phục") : t("Lưu trữ (không xóa)"))
        }
    }

    /// The title of an item's page: new, or its code, and whether it is archived.
    static func itemHeading(isNew: Bool, new: String, kind: String, code: String?, archived: Bool) -> Node {
        .h1 {
            isNew ? new : "\(kind) \(code ?? "")"
            if archived { " "; Node.span(.class("badge ev-none"), text: t("đã lưu trữ")) }
        }
    }

    /// A new item's code, typed; an existing item's code, kept.
    static func codeField(isNew: Bool, _ label: String, name: String, typed: String, stored: String, error: FieldIssue?) -> Node {
        isNew ? text(label, name, typed, required: true, error: error) : .hidden(name, stored)
    }

    static func indicator(plan: Plan, _ i: Indicator?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: FieldIssue?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { form?[n] ?? d }
        let route = SiteRoute.setupIndicator(plan: plan.slug, code: isNew ? nil : i?.code ?? "")
        return Layout.page(title: t("Chỉ tiêu")) {
            crumbs(plan)
            itemHeading(isNew: isNew, new: t("Thêm chỉ tiêu"), kind: t("Chỉ tiêu"), code: i?.code, archived: archived)
            if let i, !isNew { Node.p(.class("lead"), text: i.name) }
            errorBox(error)
            Node.form(.method("post"), .action(route), .class("stack")) {
                csrfField(csrf)
                Node.fieldset {
                    Node.legend(text: t("Chỉ tiêu"))
                    codeField(isNew: isNew, t("Mã (ví dụ 1.3)"), name: "code", typed: v("code", ""), stored: i?.code ?? "", error: error)
                    area(t("Tên chỉ tiêu"), "name", rows: 3, v("name", i?.name ?? ""), required: true, error: error)
                    select(t("Trụ cột"), "pillar", options(plan.pillars, selected: form?["pillar"] ?? i?.pillarCode, value: \.code,
                                                           label: { "\($0.code). \($0.name)" }, blank: t("— Không —")), error: error)
                    select(t("Cách đo"), "measure", options(MeasureKind.allCases, selected: form?["measure"] ?? i?.measure.rawValue, value: \.rawValue,
                                                            label: { translated($0.labelVI) }), error: error)
                    text(t("Đơn vị tính"), "unitOfMeasure", v("unitOfMeasure", i?.unitOfMeasure ?? ""), error: error)
                    text(t("Tử số là"), "numeratorDefinition", v("numeratorDefinition", i?.numeratorDefinition ?? ""), error: error)
                    text(t("Mẫu số là"), "denominatorDefinition", v("denominatorDefinition", i?.denominatorDefinition ?? ""), error: error)
                }
                Node.fieldset {
                    Node.legend(text: t("Mục tiêu theo năm và cấp"))
                    targets(i?.targets ?? [], form: form, error: error)
                    Node.p(.class("hint"), text: t("Để trống năm để bỏ một dòng mục tiêu."))
                }
                Node.fieldset {
                    Node.legend(text: t("Cộng dồn và đơn vị chủ trì"))
                    indicatorRules(i, units: units, form: form)
                }
                Node.div(.class("actions")) { Node.button(.type("submit"), .class("primary"), text: t("Lưu chỉ tiêu")) }
            }
            if !isNew { archiveForm(.setupIndicatorArchive(plan: plan.slug, code: i?.code ?? ""), archived: archived, csrf: csrf) }
        }
    }

    /// How an indicator adds up and which way is better, who answers for it, and what its rates allow.
    static func indicatorRules(_ i: Indicator?, units: [OrgUnit], form: FormData?) -> Node {
        let over = form.map { $0["allowsOverHundred"] != nil } ?? (i?.allowsOverHundred ?? false)
        let zero = form.map { $0["allowsZeroDenominator"] != nil } ?? (i?.allowsZeroDenominator ?? false)
        return .group {
            select(t("Cộng dồn giữa các đơn vị"), "aggregation", options(UnitAggregation.allCases, selected: form?["aggregation"] ?? i?.aggregation.rawValue,
                value: \.rawValue, label: { $0 == .sum ? t("Cộng (tỷ lệ: cộng tử số, mẫu số)") : t("Không cộng, liệt kê") }))
            select(t("Theo thời gian"), "temporal", options(TemporalAggregation.allCases, selected: form?["temporal"] ?? i?.temporal.rawValue,
                value: \.rawValue, label: { $0 == .flow ? t("Lũy kế (cộng các kỳ)") : t("Thời điểm (lấy kỳ gần nhất)") }))
            select(t("Chiều tốt"), "direction", options(Direction.allCases, selected: form?["direction"] ?? i?.direction.rawValue,
                value: \.rawValue, label: { $0 == .higherIsBetter ? t("Càng cao càng tốt") : t("Càng thấp càng tốt") }))
            select(t("Đơn vị chủ trì"), "responsible", options(units, selected: form?["responsible"] ?? i?.responsibleUnitCode,
                value: \.code, label: unitLabel, blank: t("— Không —")))
            ViewParts.check("allowsOverHundred", value: "1", checked: over, label: t("Cho phép tỷ lệ vượt 100%"))
            ViewParts.check("allowsZeroDenominator", value: "1", checked: zero, label: t("Cho phép 0/0 (kỳ không phát sinh hồ sơ)"))
        }
    }

    /// The targets by year and level, with two empty lines to add more: a table on a wide
    /// screen, a card a line on a phone, every control named by its column and line.
    static func targets(_ targets: [Target], form: FormData?, error: FieldIssue?) -> Node {
        .table(.class("stacked targets"), .id("targets")) {
            Node.columnHeads([t("Năm"), t("Cấp"), t("So sánh"), t("Giá trị"), t("Cận trên"), t("Diễn giải")])
            Node.tbody { for n in 0..<(targets.count + 2) { targetRow(n, n < targets.count ? targets[n] : nil, form: form, error: error) } }
        }
    }

    static func targetRow(_ n: Int, _ target: Target?, form: FormData?, error: FieldIssue?) -> Node {
        func tv(_ f: String, _ d: String) -> String { form?["t\(n).\(f)"] ?? d }
        func control(_ column: String, _ f: String, _ extra: [Attribute], value: String) -> Node {
            cell(column) {
                Node.void("input", [.name("t\(n).\(f)"), .value(value), .aria("label", t("%@, dòng %@", column, n + 1))]
                          + extra + marks("t\(n).\(f)", error))
            }
        }
        func choice(_ column: String, _ f: String, _ options: Node) -> Node {
            cell(column) { Node.element("select", [.name("t\(n).\(f)"), .aria("label", t("%@, dòng %@", column, n + 1))], [options]) }
        }
        return .tr {
            control(t("Năm"), "year", [Attribute("inputmode", "numeric")], value: tv("year", target.map { String($0.year) } ?? ""))
            choice(t("Cấp"), "level", options(AdminLevel.allCases, selected: form?["t\(n).level"] ?? target?.level.rawValue, value: \.rawValue,
                                              label: { translated($0.labelVI) }))
            choice(t("So sánh"), "comparator", options(Comparator.allCases, selected: form?["t\(n).comparator"] ?? target?.comparator.rawValue,
                                                       value: \.rawValue, label: { "\($0.symbol) (\($0.rawValue))" }))
            control(t("Giá trị"), "value", [Attribute("inputmode", "decimal")], value: tv("value", ReportForm.number(target?.value)))
            control(t("Cận trên"), "upper", [Attribute("inputmode", "decimal")], value: tv("upper", ReportForm.number(target?.upper)))
            control(t("Diễn giải"), "text", [], value: tv("text", target?.text ?? ""))
        }
    }

    static func task(plan: Plan, _ task: PlanTask?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: FieldIssue?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { form?[n] ?? d }
        let route = SiteRoute.setupTask(plan: plan.slug, code: isNew ? nil : task?.code ?? "")
        return Layout.page(title: t("Nhiệm vụ")) {
            crumbs(plan)
            itemHeading(isNew: isNew, new: t("Thêm nhiệm vụ"), kind: t("Nhiệm vụ"), code: task?.code, archived: archived)
            if let task, !isNew { Node.p(.class("lead"), text: task.title) }
            errorBox(error)
            Node.form(.method("post"), .action(route), .class("stack")) {
                csrfField(csrf)
                codeField(isNew: isNew, t("Mã (STT, ví dụ 2.7)"), name: "code", typed: v("code", ""), stored: task?.code ?? "", error: error)
                area(t("Tên nhiệm vụ"), "title", rows: 3, v("title", task?.title ?? ""), required: true, error: error)
                area(t("Các nội dung con (mỗi dòng một nội dung)"), "subItems", rows: 3, v("subItems", task?.subItems.joined(separator: "\n") ?? ""), error: error)
                select(t("Trụ cột"), "pillar", options(plan.pillars, selected: form?["pillar"] ?? task?.pillarCode, value: \.code,
                                                       label: { "\($0.code). \($0.name)" }, blank: t("— Không —")), error: error)
                select(t("Cơ quan chủ trì"), "lead", options(units, selected: form?["lead"] ?? task?.leadUnitCode, value: \.code, label: unitLabel,
                                                             blank: t("— Không là một đơn vị —")), error: error)
                taskTexts(task, v, error: error)
                Node.div(.class("actions")) { Node.button(.type("submit"), .class("primary"), text: t("Lưu nhiệm vụ")) }
            }
            if !isNew { archiveForm(.setupTaskArchive(plan: plan.slug, code: task?.code ?? ""), archived: archived, csrf: csrf) }
        }
    }

    /// A task's units, deadline and evidence, as codes and as the document words them.
    static func taskTexts(_ task: PlanTask?, _ v: (String, String) -> String, error: FieldIssue?) -> Node {
        .group {
            text(t("Cơ quan chủ trì (như văn bản ghi)"), "leadText", v("leadText", task?.leadText ?? ""), error: error)
            text(t("Mã các cơ quan phối hợp (cách nhau bởi dấu phẩy)"), "cooperating", v("cooperating", task?.cooperatingUnitCodes.joined(separator: ", ") ?? ""), error: error)
            text(t("Cơ quan phối hợp (như văn bản ghi)"), "cooperatingText", v("cooperatingText", task?.cooperatingText ?? ""), error: error)
            text(t("Thời hạn (2024-06-30, 2024-06, 2024Q2, 2024, ongoing, quarterly)"), "deadline", v("deadline", task?.deadline?.code ?? ""), error: error)
            text(t("Thời hạn (như văn bản ghi)"), "deadlineText", v("deadlineText", task?.deadlineText ?? ""), error: error)
            text(t("Văn bản minh chứng (số ký hiệu, cách nhau bởi dấu phẩy)"), "evidence", v("evidence", task?.evidence.joined(separator: ", ") ?? ""), error: error)
        }
    }

    static func document(_ d: OfficialDocument?, units: [OrgUnit], form: FormData?, error: FieldIssue?, flash: String?, csrf: String) -> String {
        func v(_ n: String, _ dflt: String) -> String { form?[n] ?? dflt }
        return Layout.page(title: t("Văn bản")) {
            crumbs()
            Node.h1(text: d.map { "\(t("Văn bản")) \($0.number)" } ?? t("Thêm văn bản"))
            ViewParts.flash(flash)
            errorBox(error)
            Node.form(.method("post"), .action(.setupDocument(number: nil)), .class("stack")) {
                csrfField(csrf)
                codeField(isNew: d == nil, t("Số ký hiệu (ví dụ 805/QĐ-UBND)"), name: "number", typed: v("number", ""), stored: d?.number ?? "", error: error)
                area(t("Trích yếu"), "summary", rows: 3, v("summary", d?.summary ?? ""), required: true, error: error)
                text(t("Ngày ban hành"), "issued", v("issued", d?.issued.map { VNDate.numeric($0) } ?? ""), hint: dateHint, error: error)
                text(t("Cơ quan ban hành"), "issuer", v("issuer", d?.issuer ?? ""), required: true, error: error)
                select(t("Đơn vị ban hành trong hệ thống"), "issuerUnit", options(units, selected: form?["issuerUnit"] ?? d?.issuerUnitCode, value: \.code,
                                                                                  label: unitLabel, blank: t("— Không —")), error: error)
                text(t("Lãnh đạo ký"), "signer", v("signer", d?.signer ?? ""), error: error)
                Node.button(.type("submit"), .class("primary"), text: t("Lưu văn bản"))
            }
        }
    }

    /// - Parameter heading: the unit's report heading form, rendered below the unit's own form.
    static func unit(_ u: OrgUnit?, isNew: Bool, units: [OrgUnit], form: FormData?, error: FieldIssue?, flash: String?, csrf: String,
                     heading: Node = .empty) -> String {
        func v(_ n: String, _ d: String) -> String { form?[n] ?? d }
        return Layout.page(title: t("Đơn vị")) {
            crumbs()
            Node.h1(text: isNew ? t("Thêm đơn vị") : u?.name ?? "")
            if let u, !isNew { unitFacts(u, units) }
            ViewParts.flash(flash)
            errorBox(error)
            Node.form(.method("post"), .action(.setupUnit(code: isNew ? nil : u?.code ?? "")), .class("stack")) {
                csrfField(csrf)
                codeField(isNew: isNew, t("Mã đơn vị"), name: "code", typed: v("code", ""), stored: u?.code ?? "", error: error)
                text(t("Tên"), "name", v("name", u?.name ?? ""), required: true, error: error)
                select(t("Loại"), "kind", options(UnitKind.allCases, selected: form?["kind"] ?? u?.kind.rawValue, value: \.rawValue, label: { translated($0.labelVI) }))
                select(t("Đơn vị cấp trên"), "parent", options(units.filter { $0.code != u?.code }, selected: form?["parent"] ?? u?.parentCode, value: \.code,
                                                               label: unitLabel, blank: t("— Không (cấp cao nhất) —")), error: error)
                Node.div(.class("row")) {
                    text(t("Hiệu lực từ"), "validFrom", v("validFrom", u?.validFrom.map { VNDate.numeric($0) } ?? ""), hint: dateHint, error: error)
                    text(t("Đến hết ngày"), "validTo", v("validTo", u?.validTo.map { VNDate.numeric($0) } ?? ""), hint: dateHint, error: error)
                }
                text(t("Mã đơn vị kế thừa (khi sáp nhập)"), "successor", v("successor", u?.successorCode ?? ""), error: error)
                Node.p(.class("hint"), text: t("Đơn vị không bao giờ bị xóa: khi sáp nhập, ghi ngày hết hiệu lực và đơn vị kế thừa."))
                Node.button(.type("submit"), .class("primary"), text: t("Lưu đơn vị"))
            }
            heading
        }
    }

    /// What the unit is, at a glance: code, kind, parent and whether it is in force.
    static func unitFacts(_ u: OrgUnit, _ units: [OrgUnit]) -> Node {
        let parent = u.parentCode.flatMap { code in units.first { $0.code == code } }
        return .p(.class("meta"), .id("unit-facts")) {
            t("Mã") + " " + u.code + " · " + translated(u.kind.labelVI)
            if let parent { " · " + t("thuộc") + " "; Node.link(.setupUnit(code: parent.code), parent.name) }
            " "
            if let to = u.validTo, to < CalendarDate.today() {
                Node.span(.class("badge ev-none"), text: t("Hết hiệu lực sau %@", VNDate.numeric(to)))
            } else {
                Node.span(.class("badge ev-met"), text: t("Đang hiệu lực"))
            }
        }
    }
}
