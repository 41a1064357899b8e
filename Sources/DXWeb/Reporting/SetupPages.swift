import DXCore
import DXStore
import Foundation

/// Set-up pages: search, a plan with its indicators and tasks, and the edit forms.
enum SetupPages {
    static func search(query: String, hits: [SearchHit], plans: [PlanSummary]) -> String {
        Layout.page(title: t("Thiết lập")) {
            Node.h1(text: t("Thiết lập"))
            Node.form(.method("get"), .action(.setup(query: nil)), .class("row")) {
                ViewParts.field(t("Tìm đơn vị, kế hoạch, chỉ tiêu, nhiệm vụ, văn bản (không cần dấu)"), Node.input(.name("q"), .id("q"), .value(query)))
                Node.button(.type("submit"), text: t("Tìm"))
            }
            if !query.isEmpty {
                Node.h2(text: t("Kết quả tìm “%@” (%@)", query, hits.count))
                Node.ul(.id("hits")) { for h in hits { hit(h) } }
            }
            Node.h2(text: t("Kế hoạch"))
            Node.p { Node.a(.class("button"), .href(.setupNewPlan), text: t("Thêm kế hoạch")) }
            Node.ul {
                for p in plans { Node.li { Node.link(.setupPlan(slug: p.plan.slug), p.plan.code); " – " + p.plan.title } }
            }
            Node.p {
                Node.a(.class("button"), .href(.setupUnit(code: nil)), text: t("Thêm đơn vị"))
                " "
                Node.a(.class("button"), .href(.setupDocument(number: nil)), text: t("Thêm văn bản"))
            }
        }
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

    static func plan(_ c: PlanContents, archived: (indicators: [String], tasks: [String]), csrf: String, error: String?, flash: String?) -> String {
        let p = c.plan
        return Layout.page(title: "\(t("Thiết lập")) \(p.code)") {
            crumbs()
            Node.h1(text: "\(p.kind.label) \(p.code)")
            ViewParts.flash(flash)
            ViewParts.alert(error)
            Node.form(.method("post"), .action(.setupPlan(slug: p.slug)), .class("stack")) {
                csrfField(csrf)
                area(t("Tên kế hoạch"), "title", rows: 2, p.title)
                Node.div(.class("row")) {
                    text(t("Từ năm"), "from", String(p.horizonFrom))
                    text(t("Đến năm"), "to", String(p.horizonTo))
                }
                area(t("Trụ cột (mỗi dòng: mã | tên)"), "pillars", rows: max(3, p.pillars.count + 1),
                     p.pillars.map { "\($0.code) | \($0.name)" }.joined(separator: "\n"))
                Node.button(.type("submit"), text: t("Lưu"))
            }
            Node.h2(text: "\(t("Chỉ tiêu")) (\(c.indicators.count))")
            Node.p { Node.a(.class("button"), .href(.setupIndicator(plan: p.slug, code: nil)), text: t("Thêm chỉ tiêu")) }
            Node.ul { for i in c.indicators { Node.li { Node.link(.setupIndicator(plan: p.slug, code: i.code), "\(i.code). \(i.name)") } } }
            archivedLinks(archived.indicators.map { (SiteRoute.setupIndicator(plan: p.slug, code: $0), $0) })
            Node.h2(text: "\(t("Nhiệm vụ")) (\(c.tasks.count))")
            Node.p { Node.a(.class("button"), .href(.setupTask(plan: p.slug, code: nil)), text: t("Thêm nhiệm vụ")) }
            Node.ul { for task in c.tasks { Node.li { Node.link(.setupTask(plan: p.slug, code: task.code), "\(task.code). \(task.title)") } } }
            archivedLinks(archived.tasks.map { (SiteRoute.setupTask(plan: p.slug, code: $0), $0) })
        }
    }

    static func archivedLinks(_ links: [(SiteRoute, String)]) -> Node {
        guard !links.isEmpty else { return .empty }
        return .p(.class("muted")) {
            t("Đã lưu trữ:") + " "
            Node.joined(links.map { Node.link($0.0, $0.1) }, separator: ", ")
        }
    }

    static func options<T>(_ all: [T], selected: String?, value: (T) -> String, label: (T) -> String, blank: String? = nil) -> Node {
        ViewParts.options(all, selected: selected, value: value, label: label, blank: blank)
    }

    /// `<label>Label <input name value></label>`.
    static func text(_ label: String, _ name: String, _ value: String, required: Bool = false) -> Node {
        ViewParts.field(label, Node.input(.name(name), .flag("required", required), .value(value)))
    }

    static func area(_ label: String, _ name: String, rows: Int, _ value: String, required: Bool = false) -> Node {
        ViewParts.field(label, ViewParts.textarea(.name(name), Attribute("rows", String(rows)), .flag("required", required), text: value))
    }

    static func select(_ label: String, _ name: String, _ options: Node) -> Node {
        ViewParts.field(label, Node.select(.name(name)) { options })
    }

    static func unitLabel(_ u: OrgUnit) -> String { "\(u.displayName) (\(u.code))" }

    static func newPlan(units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String = "") -> String { form?[n] ?? d }
        return Layout.page(title: t("Thêm kế hoạch")) {
            crumbs()
            Node.h1(text: t("Thêm kế hoạch"))
            ViewParts.errorBox(error)
            Node.form(.method("post"), .action(.setupNewPlan), .class("stack")) {
                csrfField(csrf)
                text(t("Số ký hiệu (ví dụ 83/KH-BCĐ)"), "code", v("code"), required: true)
                select(t("Loại"), "kind", options(PlanKind.allCases, selected: form?["kind"] ?? "plan", value: \.rawValue, label: \.label))
                area(t("Tên"), "title", rows: 2, v("title"), required: true)
                select(t("Cơ quan ban hành"), "issuer", options(units, selected: form?["issuer"], value: \.code, label: unitLabel))
                text(t("Ngày ban hành"), "issued", v("issued"))
                Node.div(.class("row")) {
                    text(t("Từ năm"), "from", v("from"))
                    text(t("Đến năm"), "to", v("to"))
                }
                area(t("Trụ cột (mỗi dòng: mã | tên)"), "pillars", rows: 4, v("pillars", "1 | Chính quyền số\n2 | Kinh tế số\n3 | Xã hội số"))
                Node.button(.type("submit"), .class("primary"), text: t("Tạo kế hoạch"))
            }
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
        .h1(text: (isNew ? new : "\(kind) \(code ?? "")") + (archived ? " (\(t("đã lưu trữ")))" : ""))
    }

    /// A new item's code, typed; an existing item's code, kept.
    static func codeField(isNew: Bool, _ label: String, name: String, typed: String, stored: String) -> Node {
        isNew ? text(label, name, typed, required: true) : .hidden(name, stored)
    }

    static func indicator(plan: Plan, _ i: Indicator?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { form?[n] ?? d }
        let route = SiteRoute.setupIndicator(plan: plan.slug, code: isNew ? nil : i?.code ?? "")
        return Layout.page(title: t("Chỉ tiêu")) {
            crumbs(plan)
            itemHeading(isNew: isNew, new: t("Thêm chỉ tiêu"), kind: t("Chỉ tiêu"), code: i?.code, archived: archived)
            ViewParts.errorBox(error)
            Node.form(.method("post"), .action(route), .class("stack")) {
                csrfField(csrf)
                codeField(isNew: isNew, t("Mã (ví dụ 1.3)"), name: "code", typed: v("code", ""), stored: i?.code ?? "")
                area(t("Tên chỉ tiêu"), "name", rows: 3, v("name", i?.name ?? ""), required: true)
                select(t("Trụ cột"), "pillar", options(plan.pillars, selected: form?["pillar"] ?? i?.pillarCode, value: \.code,
                                                       label: { "\($0.code). \($0.name)" }, blank: t("— Không —")))
                select(t("Cách đo"), "measure", options(MeasureKind.allCases, selected: form?["measure"] ?? i?.measure.rawValue, value: \.rawValue,
                                                        label: { translated($0.labelVI) }))
                text(t("Tử số là"), "numeratorDefinition", v("numeratorDefinition", i?.numeratorDefinition ?? ""))
                text(t("Mẫu số là"), "denominatorDefinition", v("denominatorDefinition", i?.denominatorDefinition ?? ""))
                text(t("Đơn vị tính"), "unitOfMeasure", v("unitOfMeasure", i?.unitOfMeasure ?? ""))
                indicatorRules(i, units: units, form: form)
                Node.fieldset {
                    Node.legend(text: t("Mục tiêu theo năm và cấp"))
                    targets(i?.targets ?? [], form: form)
                    Node.p(.class("hint"), text: t("Để trống năm để bỏ một dòng mục tiêu."))
                }
                Node.button(.type("submit"), .class("primary"), text: t("Lưu chỉ tiêu"))
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

    /// The targets by year and level, with two empty lines to add more.
    static func targets(_ targets: [Target], form: FormData?) -> Node {
        wideTable {
            Node.table {
                Node.columnHeads([t("Năm"), t("Cấp"), t("So sánh"), t("Giá trị"), t("Cận trên"), t("Diễn giải")], scoped: false)
                Node.tbody { for n in 0..<(targets.count + 2) { targetRow(n, n < targets.count ? targets[n] : nil, form: form) } }
            }
        }
    }

    static func targetRow(_ n: Int, _ target: Target?, form: FormData?) -> Node {
        func tv(_ f: String, _ d: String) -> String { form?["t\(n).\(f)"] ?? d }
        return .tr {
            Node.td { Node.input(.name("t\(n).year"), Attribute("inputmode", "numeric"), .value(tv("year", target.map { String($0.year) } ?? ""))) }
            Node.td {
                Node.select(.name("t\(n).level")) {
                    options(AdminLevel.allCases, selected: form?["t\(n).level"] ?? target?.level.rawValue, value: \.rawValue, label: { translated($0.labelVI) })
                }
            }
            Node.td {
                Node.select(.name("t\(n).comparator")) {
                    options(Comparator.allCases, selected: form?["t\(n).comparator"] ?? target?.comparator.rawValue, value: \.rawValue,
                            label: { "\($0.symbol) (\($0.rawValue))" })
                }
            }
            Node.td { Node.input(.name("t\(n).value"), Attribute("inputmode", "decimal"), .value(tv("value", ReportForm.number(target?.value)))) }
            Node.td { Node.input(.name("t\(n).upper"), Attribute("inputmode", "decimal"), .value(tv("upper", ReportForm.number(target?.upper)))) }
            Node.td { Node.input(.name("t\(n).text"), .value(tv("text", target?.text ?? ""))) }
        }
    }

    static func task(plan: Plan, _ task: PlanTask?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { form?[n] ?? d }
        let route = SiteRoute.setupTask(plan: plan.slug, code: isNew ? nil : task?.code ?? "")
        return Layout.page(title: t("Nhiệm vụ")) {
            crumbs(plan)
            itemHeading(isNew: isNew, new: t("Thêm nhiệm vụ"), kind: t("Nhiệm vụ"), code: task?.code, archived: archived)
            ViewParts.errorBox(error)
            Node.form(.method("post"), .action(route), .class("stack")) {
                csrfField(csrf)
                codeField(isNew: isNew, t("Mã (STT, ví dụ 2.7)"), name: "code", typed: v("code", ""), stored: task?.code ?? "")
                area(t("Tên nhiệm vụ"), "title", rows: 3, v("title", task?.title ?? ""), required: true)
                area(t("Các nội dung con (mỗi dòng một nội dung)"), "subItems", rows: 3, v("subItems", task?.subItems.joined(separator: "\n") ?? ""))
                select(t("Trụ cột"), "pillar", options(plan.pillars, selected: form?["pillar"] ?? task?.pillarCode, value: \.code,
                                                       label: { "\($0.code). \($0.name)" }, blank: t("— Không —")))
                select(t("Cơ quan chủ trì"), "lead", options(units, selected: form?["lead"] ?? task?.leadUnitCode, value: \.code, label: unitLabel,
                                                             blank: t("— Không là một đơn vị —")))
                taskTexts(task, v)
                Node.button(.type("submit"), .class("primary"), text: t("Lưu nhiệm vụ"))
            }
            if !isNew { archiveForm(.setupTaskArchive(plan: plan.slug, code: task?.code ?? ""), archived: archived, csrf: csrf) }
        }
    }

    /// A task's units, deadline and evidence, as codes and as the document words them.
    static func taskTexts(_ task: PlanTask?, _ v: (String, String) -> String) -> Node {
        .group {
            text(t("Cơ quan chủ trì (như văn bản ghi)"), "leadText", v("leadText", task?.leadText ?? ""))
            text(t("Mã các cơ quan phối hợp (cách nhau bởi dấu phẩy)"), "cooperating", v("cooperating", task?.cooperatingUnitCodes.joined(separator: ", ") ?? ""))
            text(t("Cơ quan phối hợp (như văn bản ghi)"), "cooperatingText", v("cooperatingText", task?.cooperatingText ?? ""))
            text(t("Thời hạn (2024-06-30, 2024-06, 2024Q2, 2024, ongoing, quarterly)"), "deadline", v("deadline", task?.deadline?.code ?? ""))
            text(t("Thời hạn (như văn bản ghi)"), "deadlineText", v("deadlineText", task?.deadlineText ?? ""))
            text(t("Văn bản minh chứng (số ký hiệu, cách nhau bởi dấu phẩy)"), "evidence", v("evidence", task?.evidence.joined(separator: ", ") ?? ""))
        }
    }

    static func document(_ d: OfficialDocument?, units: [OrgUnit], form: FormData?, error: String?, flash: String?, csrf: String) -> String {
        func v(_ n: String, _ dflt: String) -> String { form?[n] ?? dflt }
        return Layout.page(title: t("Văn bản")) {
            crumbs()
            Node.h1(text: d.map { "\(t("Văn bản")) \($0.number)" } ?? t("Thêm văn bản"))
            ViewParts.flash(flash)
            ViewParts.errorBox(error)
            Node.form(.method("post"), .action(.setupDocument(number: nil)), .class("stack")) {
                csrfField(csrf)
                codeField(isNew: d == nil, t("Số ký hiệu (ví dụ 805/QĐ-UBND)"), name: "number", typed: v("number", ""), stored: d?.number ?? "")
                area(t("Trích yếu"), "summary", rows: 3, v("summary", d?.summary ?? ""), required: true)
                text(t("Ngày ban hành"), "issued", v("issued", d?.issued.map { VNDate.numeric($0) } ?? ""))
                text(t("Cơ quan ban hành"), "issuer", v("issuer", d?.issuer ?? ""), required: true)
                select(t("Đơn vị ban hành trong hệ thống"), "issuerUnit", options(units, selected: form?["issuerUnit"] ?? d?.issuerUnitCode, value: \.code,
                                                                                  label: unitLabel, blank: t("— Không —")))
                text(t("Lãnh đạo ký"), "signer", v("signer", d?.signer ?? ""))
                Node.button(.type("submit"), .class("primary"), text: t("Lưu văn bản"))
            }
        }
    }

    /// - Parameter heading: the unit's report heading form, rendered below the unit's own form.
    static func unit(_ u: OrgUnit?, isNew: Bool, units: [OrgUnit], form: FormData?, error: String?, flash: String?, csrf: String,
                     heading: Node = .empty) -> String {
        func v(_ n: String, _ d: String) -> String { form?[n] ?? d }
        return Layout.page(title: t("Đơn vị")) {
            crumbs()
            Node.h1(text: isNew ? t("Thêm đơn vị") : u?.name ?? "")
            ViewParts.flash(flash)
            ViewParts.errorBox(error)
            Node.form(.method("post"), .action(.setupUnit(code: isNew ? nil : u?.code ?? "")), .class("stack")) {
                csrfField(csrf)
                codeField(isNew: isNew, t("Mã đơn vị"), name: "code", typed: v("code", ""), stored: u?.code ?? "")
                text(t("Tên"), "name", v("name", u?.name ?? ""), required: true)
                select(t("Loại"), "kind", options(UnitKind.allCases, selected: form?["kind"] ?? u?.kind.rawValue, value: \.rawValue, label: { translated($0.labelVI) }))
                select(t("Đơn vị cấp trên"), "parent", options(units.filter { $0.code != u?.code }, selected: form?["parent"] ?? u?.parentCode, value: \.code,
                                                               label: unitLabel, blank: t("— Không (cấp cao nhất) —")))
                Node.div(.class("row")) {
                    text(t("Hiệu lực từ"), "validFrom", v("validFrom", u?.validFrom.map { VNDate.numeric($0) } ?? ""))
                    text(t("Đến hết ngày"), "validTo", v("validTo", u?.validTo.map { VNDate.numeric($0) } ?? ""))
                }
                text(t("Mã đơn vị kế thừa (khi sáp nhập)"), "successor", v("successor", u?.successorCode ?? ""))
                Node.p(.class("hint"), text: t("Đơn vị không bao giờ bị xóa: khi sáp nhập, ghi ngày hết hiệu lực và đơn vị kế thừa."))
                Node.button(.type("submit"), .class("primary"), text: t("Lưu đơn vị"))
            }
            heading
        }
    }
}
