import DXCore
import DXStore
import Foundation

/// Set-up pages: search, a plan with its indicators and tasks, and the edit forms.
enum SetupPages {
    static func search(query: String, hits: [SearchHit], plans: [PlanSummary]) -> String {
        var b = "<h1>\(t("Thiết lập"))</h1>"
        b += "<form method=\"get\" action=\"\(SiteRoute.setup(query: nil).path)\" class=\"row\"><label>\(t("Tìm đơn vị, kế hoạch, chỉ tiêu, nhiệm vụ, văn bản (không cần dấu)")) <input name=\"q\" id=\"q\" value=\"\(escape(query))\"></label><button type=\"submit\">\(t("Tìm"))</button></form>"
        if !query.isEmpty {
            b += "<h2>\(t("Kết quả tìm “%@” (%@)", escape(query), hits.count))</h2><ul id=\"hits\">"
            for h in hits {
                let label: String
                let link: String?
                switch h.kind {
                case .unit: label = t("Đơn vị"); link = SiteRoute.setupUnit(code: h.code).path
                case .plan: label = t("Kế hoạch"); link = h.planSlug.map { SiteRoute.setupPlan(slug: $0).path }
                case .indicator: label = t("Chỉ tiêu"); link = h.planSlug.map { SiteRoute.setupIndicator(plan: $0, code: h.code).path }
                case .task: label = t("Nhiệm vụ"); link = h.planSlug.map { SiteRoute.setupTask(plan: $0, code: h.code).path }
                case .document: label = t("Văn bản"); link = SiteRoute.setupDocument(number: h.code).path
                }
                let text = "\(label) \(h.code): \(h.title)" + (h.archived ? " (\(t("đã lưu trữ")))" : "")
                b += "<li>" + (link.map { "<a href=\"\($0)\">\(escape(text))</a>" } ?? escape(text)) + "</li>"
            }
            b += "</ul>"
        }
        b += "<h2>\(t("Kế hoạch"))</h2><p><a class=\"button\" href=\"\(SiteRoute.setupNewPlan.path)\">\(t("Thêm kế hoạch"))</a></p><ul>" + plans.map { "<li><a href=\"\(SiteRoute.setupPlan(slug: $0.plan.slug).path)\">\(escape($0.plan.code))</a> – \(escape($0.plan.title))</li>" }.joined() + "</ul>"
        b += "<p><a class=\"button\" href=\"\(SiteRoute.setupUnit(code: nil).path)\">\(t("Thêm đơn vị"))</a> <a class=\"button\" href=\"\(SiteRoute.setupDocument(number: nil).path)\">\(t("Thêm văn bản"))</a></p>"
        return Layout.page(title: t("Thiết lập"), body: b)
    }

    static func plan(_ c: PlanContents, archived: (indicators: [String], tasks: [String]), csrf: String, error: String?, flash: String?) -> String {
        let p = c.plan
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">\(t("Thiết lập"))</a></p><h1>\(escape(p.kind.label)) \(escape(p.code))</h1>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<p class=\"err\" role=\"alert\">\(escape(e))</p>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupPlan(slug: p.slug).path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += "<label>\(t("Tên kế hoạch")) <textarea name=\"title\" rows=\"2\">\(escape(p.title))</textarea></label>"
        b += "<div class=\"row\"><label>\(t("Từ năm")) <input name=\"from\" value=\"\(p.horizonFrom)\"></label><label>\(t("Đến năm")) <input name=\"to\" value=\"\(p.horizonTo)\"></label></div>"
        b += "<label>\(t("Trụ cột (mỗi dòng: mã | tên)")) <textarea name=\"pillars\" rows=\"\(max(3, p.pillars.count + 1))\">\(escape(p.pillars.map { "\($0.code) | \($0.name)" }.joined(separator: "\n")))</textarea></label>"
        b += "<button type=\"submit\">\(t("Lưu"))</button></form>"
        b += "<h2>\(t("Chỉ tiêu")) (\(c.indicators.count))</h2><p><a class=\"button\" href=\"\(SiteRoute.setupIndicator(plan: p.slug, code: nil).path)\">\(t("Thêm chỉ tiêu"))</a></p><ul>"
        for i in c.indicators { b += "<li><a href=\"\(SiteRoute.setupIndicator(plan: p.slug, code: i.code).path)\">\(escape(i.code)). \(escape(i.name))</a></li>" }
        b += "</ul>"
        if !archived.indicators.isEmpty { b += "<p class=\"muted\">\(t("Đã lưu trữ:")) " + archived.indicators.map { "<a href=\"\(SiteRoute.setupIndicator(plan: p.slug, code: $0).path)\">\(escape($0))</a>" }.joined(separator: ", ") + "</p>" }
        b += "<h2>\(t("Nhiệm vụ")) (\(c.tasks.count))</h2><p><a class=\"button\" href=\"\(SiteRoute.setupTask(plan: p.slug, code: nil).path)\">\(t("Thêm nhiệm vụ"))</a></p><ul>"
        for task in c.tasks { b += "<li><a href=\"\(SiteRoute.setupTask(plan: p.slug, code: task.code).path)\">\(escape(task.code)). \(escape(task.title))</a></li>" }
        b += "</ul>"
        if !archived.tasks.isEmpty { b += "<p class=\"muted\">\(t("Đã lưu trữ:")) " + archived.tasks.map { "<a href=\"\(SiteRoute.setupTask(plan: p.slug, code: $0).path)\">\(escape($0))</a>" }.joined(separator: ", ") + "</p>" }
        return Layout.page(title: "\(t("Thiết lập")) \(p.code)", body: b)
    }

    static func options<T>(_ all: [T], selected: String?, value: (T) -> String, label: (T) -> String, blank: String? = nil) -> String {
        (blank.map { "<option value=\"\">\(escape($0))</option>" } ?? "")
            + all.map { "<option value=\"\(escape(value($0)))\"\(value($0) == selected ? " selected" : "")>\(escape(label($0)))</option>" }.joined()
    }

    static func newPlan(units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String = "") -> String { escape(form?[n] ?? d) }
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">\(t("Thiết lập"))</a></p><h1>\(t("Thêm kế hoạch"))</h1>"
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupNewPlan.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += "<label>\(t("Số ký hiệu (ví dụ 83/KH-BCĐ)")) <input name=\"code\" required value=\"\(v("code"))\"></label>"
        b += "<label>\(t("Loại")) <select name=\"kind\">" + options(PlanKind.allCases, selected: form?["kind"] ?? "plan", value: \.rawValue, label: \.label) + "</select></label>"
        b += "<label>\(t("Tên")) <textarea name=\"title\" rows=\"2\" required>\(v("title"))</textarea></label>"
        b += "<label>\(t("Cơ quan ban hành")) <select name=\"issuer\">" + options(units, selected: form?["issuer"], value: \.code, label: { "\($0.displayName) (\($0.code))" }) + "</select></label>"
        b += "<label>\(t("Ngày ban hành")) <input name=\"issued\" value=\"\(v("issued"))\"></label>"
        b += "<div class=\"row\"><label>\(t("Từ năm")) <input name=\"from\" value=\"\(v("from"))\"></label><label>\(t("Đến năm")) <input name=\"to\" value=\"\(v("to"))\"></label></div>"
        b += "<label>\(t("Trụ cột (mỗi dòng: mã | tên)")) <textarea name=\"pillars\" rows=\"4\">\(v("pillars", "1 | Chính quyền số\n2 | Kinh tế số\n3 | Xã hội số"))</textarea></label>"
        b += "<button type=\"submit\" class=\"primary\">\(t("Tạo kế hoạch"))</button></form>"
        return Layout.page(title: t("Thêm kế hoạch"), body: b)
    }

    static func archiveForm(_ action: String, archived: Bool, csrf: String) -> String {
        "<form method=\"post\" action=\"\(action)\" class=\"inline\">\(CSRFMiddleware.field(csrf))<input type=\"hidden\" name=\"archived\" value=\"\(archived ? "false" : "true")\"><button type=\"submit\">\(archived ? t("Khôi phục") : t("Lưu trữ (không xóa)"))</button></form>"
    }

    static func indicator(plan: Plan, _ i: Indicator?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { escape(form?[n] ?? d) }
        let route = SiteRoute.setupIndicator(plan: plan.slug, code: isNew ? nil : i?.code ?? "")
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">\(t("Thiết lập"))</a> › <a href=\"\(SiteRoute.setupPlan(slug: plan.slug).path)\">\(escape(plan.code))</a></p>"
        b += "<h1>\(isNew ? t("Thêm chỉ tiêu") : "\(t("Chỉ tiêu")) \(escape(i?.code ?? ""))")\(archived ? " (\(t("đã lưu trữ")))" : "")</h1>"
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(route.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += isNew ? "<label>\(t("Mã (ví dụ 1.3)")) <input name=\"code\" required value=\"\(v("code", ""))\"></label>" : "<input type=\"hidden\" name=\"code\" value=\"\(escape(i?.code ?? ""))\">"
        b += "<label>\(t("Tên chỉ tiêu")) <textarea name=\"name\" rows=\"3\" required>\(v("name", i?.name ?? ""))</textarea></label>"
        b += "<label>\(t("Trụ cột")) <select name=\"pillar\">" + options(plan.pillars, selected: form?["pillar"] ?? i?.pillarCode, value: \.code, label: { "\($0.code). \($0.name)" }, blank: t("— Không —")) + "</select></label>"
        b += "<label>\(t("Cách đo")) <select name=\"measure\">" + options(MeasureKind.allCases, selected: form?["measure"] ?? i?.measure.rawValue, value: \.rawValue, label: { translated($0.labelVI) }) + "</select></label>"
        b += "<label>\(t("Tử số là")) <input name=\"numeratorDefinition\" value=\"\(v("numeratorDefinition", i?.numeratorDefinition ?? ""))\"></label>"
        b += "<label>\(t("Mẫu số là")) <input name=\"denominatorDefinition\" value=\"\(v("denominatorDefinition", i?.denominatorDefinition ?? ""))\"></label>"
        b += "<label>\(t("Đơn vị tính")) <input name=\"unitOfMeasure\" value=\"\(v("unitOfMeasure", i?.unitOfMeasure ?? ""))\"></label>"
        b += "<label>\(t("Cộng dồn giữa các đơn vị")) <select name=\"aggregation\">" + options(UnitAggregation.allCases, selected: form?["aggregation"] ?? i?.aggregation.rawValue, value: \.rawValue, label: { $0 == .sum ? t("Cộng (tỷ lệ: cộng tử số, mẫu số)") : t("Không cộng, liệt kê") }) + "</select></label>"
        b += "<label>\(t("Theo thời gian")) <select name=\"temporal\">" + options(TemporalAggregation.allCases, selected: form?["temporal"] ?? i?.temporal.rawValue, value: \.rawValue, label: { $0 == .flow ? t("Lũy kế (cộng các kỳ)") : t("Thời điểm (lấy kỳ gần nhất)") }) + "</select></label>"
        b += "<label>\(t("Chiều tốt")) <select name=\"direction\">" + options(Direction.allCases, selected: form?["direction"] ?? i?.direction.rawValue, value: \.rawValue, label: { $0 == .higherIsBetter ? t("Càng cao càng tốt") : t("Càng thấp càng tốt") }) + "</select></label>"
        b += "<label>\(t("Đơn vị chủ trì")) <select name=\"responsible\">" + options(units, selected: form?["responsible"] ?? i?.responsibleUnitCode, value: \.code, label: { "\($0.displayName) (\($0.code))" }, blank: t("— Không —")) + "</select></label>"
        let over = form.map { $0["allowsOverHundred"] != nil } ?? (i?.allowsOverHundred ?? false)
        b += "<label class=\"check\"><input type=\"checkbox\" name=\"allowsOverHundred\" value=\"1\"\(over ? " checked" : "")> \(t("Cho phép tỷ lệ vượt 100%"))</label>"
        let zero = form.map { $0["allowsZeroDenominator"] != nil } ?? (i?.allowsZeroDenominator ?? false)
        b += "<label class=\"check\"><input type=\"checkbox\" name=\"allowsZeroDenominator\" value=\"1\"\(zero ? " checked" : "")> \(t("Cho phép 0/0 (kỳ không phát sinh hồ sơ)"))</label>"
        b += "<fieldset><legend>\(t("Mục tiêu theo năm và cấp"))</legend><div class=\"wide\"><table><thead><tr><th>\(t("Năm"))</th><th>\(t("Cấp"))</th><th>\(t("So sánh"))</th><th>\(t("Giá trị"))</th><th>\(t("Cận trên"))</th><th>\(t("Diễn giải"))</th></tr></thead><tbody>"
        let targets = i?.targets ?? []
        for n in 0..<(targets.count + 2) {
            let target = n < targets.count ? targets[n] : nil
            func tv(_ f: String, _ d: String) -> String { v("t\(n).\(f)", d) }
            b += "<tr><td><input name=\"t\(n).year\" inputmode=\"numeric\" value=\"\(tv("year", target.map { String($0.year) } ?? ""))\"></td>"
            b += "<td><select name=\"t\(n).level\">" + options(AdminLevel.allCases, selected: form?["t\(n).level"] ?? target?.level.rawValue, value: \.rawValue, label: { translated($0.labelVI) }) + "</select></td>"
            b += "<td><select name=\"t\(n).comparator\">" + options(Comparator.allCases, selected: form?["t\(n).comparator"] ?? target?.comparator.rawValue, value: \.rawValue, label: { "\($0.symbol) (\($0.rawValue))" }) + "</select></td>"
            b += "<td><input name=\"t\(n).value\" inputmode=\"decimal\" value=\"\(tv("value", ReportForm.number(target?.value)))\"></td>"
            b += "<td><input name=\"t\(n).upper\" inputmode=\"decimal\" value=\"\(tv("upper", ReportForm.number(target?.upper)))\"></td>"
            b += "<td><input name=\"t\(n).text\" value=\"\(tv("text", target?.text ?? ""))\"></td></tr>"
        }
        b += "</tbody></table></div><p class=\"hint\">\(t("Để trống năm để bỏ một dòng mục tiêu."))</p></fieldset>"
        b += "<button type=\"submit\" class=\"primary\">\(t("Lưu chỉ tiêu"))</button></form>"
        if !isNew { b += archiveForm(SiteRoute.setupIndicatorArchive(plan: plan.slug, code: i?.code ?? "").path, archived: archived, csrf: csrf) }
        return Layout.page(title: t("Chỉ tiêu"), body: b)
    }

    static func task(plan: Plan, _ task: PlanTask?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { escape(form?[n] ?? d) }
        let route = SiteRoute.setupTask(plan: plan.slug, code: isNew ? nil : task?.code ?? "")
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">\(t("Thiết lập"))</a> › <a href=\"\(SiteRoute.setupPlan(slug: plan.slug).path)\">\(escape(plan.code))</a></p>"
        b += "<h1>\(isNew ? t("Thêm nhiệm vụ") : "\(t("Nhiệm vụ")) \(escape(task?.code ?? ""))")\(archived ? " (\(t("đã lưu trữ")))" : "")</h1>"
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(route.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += isNew ? "<label>\(t("Mã (STT, ví dụ 2.7)")) <input name=\"code\" required value=\"\(v("code", ""))\"></label>" : "<input type=\"hidden\" name=\"code\" value=\"\(escape(task?.code ?? ""))\">"
        b += "<label>\(t("Tên nhiệm vụ")) <textarea name=\"title\" rows=\"3\" required>\(v("title", task?.title ?? ""))</textarea></label>"
        b += "<label>\(t("Các nội dung con (mỗi dòng một nội dung)")) <textarea name=\"subItems\" rows=\"3\">\(v("subItems", task?.subItems.joined(separator: "\n") ?? ""))</textarea></label>"
        b += "<label>\(t("Trụ cột")) <select name=\"pillar\">" + options(plan.pillars, selected: form?["pillar"] ?? task?.pillarCode, value: \.code, label: { "\($0.code). \($0.name)" }, blank: t("— Không —")) + "</select></label>"
        b += "<label>\(t("Cơ quan chủ trì")) <select name=\"lead\">" + options(units, selected: form?["lead"] ?? task?.leadUnitCode, value: \.code, label: { "\($0.displayName) (\($0.code))" }, blank: t("— Không là một đơn vị —")) + "</select></label>"
        b += "<label>\(t("Cơ quan chủ trì (như văn bản ghi)")) <input name=\"leadText\" value=\"\(v("leadText", task?.leadText ?? ""))\"></label>"
        b += "<label>\(t("Mã các cơ quan phối hợp (cách nhau bởi dấu phẩy)")) <input name=\"cooperating\" value=\"\(v("cooperating", task?.cooperatingUnitCodes.joined(separator: ", ") ?? ""))\"></label>"
        b += "<label>\(t("Cơ quan phối hợp (như văn bản ghi)")) <input name=\"cooperatingText\" value=\"\(v("cooperatingText", task?.cooperatingText ?? ""))\"></label>"
        b += "<label>\(t("Thời hạn (2024-06-30, 2024-06, 2024Q2, 2024, ongoing, quarterly)")) <input name=\"deadline\" value=\"\(v("deadline", task?.deadline?.code ?? ""))\"></label>"
        b += "<label>\(t("Thời hạn (như văn bản ghi)")) <input name=\"deadlineText\" value=\"\(v("deadlineText", task?.deadlineText ?? ""))\"></label>"
        b += "<label>\(t("Văn bản minh chứng (số ký hiệu, cách nhau bởi dấu phẩy)")) <input name=\"evidence\" value=\"\(v("evidence", task?.evidence.joined(separator: ", ") ?? ""))\"></label>"
        b += "<button type=\"submit\" class=\"primary\">\(t("Lưu nhiệm vụ"))</button></form>"
        if !isNew { b += archiveForm(SiteRoute.setupTaskArchive(plan: plan.slug, code: task?.code ?? "").path, archived: archived, csrf: csrf) }
        return Layout.page(title: t("Nhiệm vụ"), body: b)
    }

    static func document(_ d: OfficialDocument?, units: [OrgUnit], form: FormData?, error: String?, flash: String?, csrf: String) -> String {
        func v(_ n: String, _ dflt: String) -> String { escape(form?[n] ?? dflt) }
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">\(t("Thiết lập"))</a></p><h1>\(d == nil ? t("Thêm văn bản") : "\(t("Văn bản")) \(escape(d!.number))")</h1>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupDocument(number: nil).path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += d == nil ? "<label>\(t("Số ký hiệu (ví dụ 805/QĐ-UBND)")) <input name=\"number\" required value=\"\(v("number", ""))\"></label>" : "<input type=\"hidden\" name=\"number\" value=\"\(escape(d!.number))\">"
        b += "<label>\(t("Trích yếu")) <textarea name=\"summary\" rows=\"3\" required>\(v("summary", d?.summary ?? ""))</textarea></label>"
        b += "<label>\(t("Ngày ban hành")) <input name=\"issued\" value=\"\(v("issued", d?.issued.map { VNDate.numeric($0) } ?? ""))\"></label>"
        b += "<label>\(t("Cơ quan ban hành")) <input name=\"issuer\" required value=\"\(v("issuer", d?.issuer ?? ""))\"></label>"
        b += "<label>\(t("Đơn vị ban hành trong hệ thống")) <select name=\"issuerUnit\">" + options(units, selected: form?["issuerUnit"] ?? d?.issuerUnitCode, value: \.code, label: { "\($0.displayName) (\($0.code))" }, blank: t("— Không —")) + "</select></label>"
        b += "<label>\(t("Lãnh đạo ký")) <input name=\"signer\" value=\"\(v("signer", d?.signer ?? ""))\"></label>"
        b += "<button type=\"submit\" class=\"primary\">\(t("Lưu văn bản"))</button></form>"
        return Layout.page(title: t("Văn bản"), body: b)
    }

    /// - Parameter heading: the unit's report heading form, rendered below the unit's own form.
    static func unit(_ u: OrgUnit?, isNew: Bool, units: [OrgUnit], form: FormData?, error: String?, flash: String?, csrf: String,
                     heading: String = "") -> String {
        func v(_ n: String, _ d: String) -> String { escape(form?[n] ?? d) }
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">\(t("Thiết lập"))</a></p><h1>\(isNew ? t("Thêm đơn vị") : escape(u?.name ?? ""))</h1>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupUnit(code: isNew ? nil : u?.code ?? "").path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += isNew ? "<label>\(t("Mã đơn vị")) <input name=\"code\" required value=\"\(v("code", ""))\"></label>" : "<input type=\"hidden\" name=\"code\" value=\"\(escape(u?.code ?? ""))\">"
        b += "<label>\(t("Tên")) <input name=\"name\" required value=\"\(v("name", u?.name ?? ""))\"></label>"
        b += "<label>\(t("Loại")) <select name=\"kind\">" + options(UnitKind.allCases, selected: form?["kind"] ?? u?.kind.rawValue, value: \.rawValue, label: { translated($0.labelVI) }) + "</select></label>"
        b += "<label>\(t("Đơn vị cấp trên")) <select name=\"parent\">" + options(units.filter { $0.code != u?.code }, selected: form?["parent"] ?? u?.parentCode, value: \.code, label: { "\($0.displayName) (\($0.code))" }, blank: t("— Không (cấp cao nhất) —")) + "</select></label>"
        b += "<div class=\"row\"><label>\(t("Hiệu lực từ")) <input name=\"validFrom\" value=\"\(v("validFrom", u?.validFrom.map { VNDate.numeric($0) } ?? ""))\"></label>"
        b += "<label>\(t("Đến hết ngày")) <input name=\"validTo\" value=\"\(v("validTo", u?.validTo.map { VNDate.numeric($0) } ?? ""))\"></label></div>"
        b += "<label>\(t("Mã đơn vị kế thừa (khi sáp nhập)")) <input name=\"successor\" value=\"\(v("successor", u?.successorCode ?? ""))\"></label>"
        b += "<p class=\"hint\">\(t("Đơn vị không bao giờ bị xóa: khi sáp nhập, ghi ngày hết hiệu lực và đơn vị kế thừa."))</p>"
        b += "<button type=\"submit\" class=\"primary\">\(t("Lưu đơn vị"))</button></form>"
        b += heading
        return Layout.page(title: t("Đơn vị"), body: b)
    }
}
