import DXCore
import DXStore
import Foundation

/// Set-up pages: search, a plan with its indicators and tasks, and the edit forms.
enum SetupPages {
    static func search(query: String, hits: [SearchHit], plans: [PlanSummary]) -> String {
        var b = "<h1>Thiết lập</h1>"
        b += "<form method=\"get\" action=\"\(SiteRoute.setup(query: nil).path)\" class=\"row\"><label>Tìm đơn vị, kế hoạch, chỉ tiêu, nhiệm vụ, văn bản (không cần dấu) <input name=\"q\" id=\"q\" value=\"\(escape(query))\"></label><button type=\"submit\">Tìm</button></form>"
        if !query.isEmpty {
            b += "<h2>Kết quả tìm “\(escape(query))” (\(hits.count))</h2><ul id=\"hits\">"
            for h in hits {
                let label: String
                let link: String?
                switch h.kind {
                case .unit: label = "Đơn vị"; link = SiteRoute.setupUnit(code: h.code).path
                case .plan: label = "Kế hoạch"; link = h.planSlug.map { SiteRoute.setupPlan(slug: $0).path }
                case .indicator: label = "Chỉ tiêu"; link = h.planSlug.map { SiteRoute.setupIndicator(plan: $0, code: h.code).path }
                case .task: label = "Nhiệm vụ"; link = h.planSlug.map { SiteRoute.setupTask(plan: $0, code: h.code).path }
                case .document: label = "Văn bản"; link = SiteRoute.setupDocument(number: h.code).path
                }
                let text = "\(label) \(h.code): \(h.title)" + (h.archived ? " (đã lưu trữ)" : "")
                b += "<li>" + (link.map { "<a href=\"\($0)\">\(escape(text))</a>" } ?? escape(text)) + "</li>"
            }
            b += "</ul>"
        }
        b += "<h2>Kế hoạch</h2><p><a class=\"button\" href=\"\(SiteRoute.setupNewPlan.path)\">Thêm kế hoạch</a></p><ul>" + plans.map { "<li><a href=\"\(SiteRoute.setupPlan(slug: $0.plan.slug).path)\">\(escape($0.plan.code))</a> – \(escape($0.plan.title))</li>" }.joined() + "</ul>"
        b += "<p><a class=\"button\" href=\"\(SiteRoute.setupUnit(code: nil).path)\">Thêm đơn vị</a> <a class=\"button\" href=\"\(SiteRoute.setupDocument(number: nil).path)\">Thêm văn bản</a></p>"
        return Layout.page(title: "Thiết lập", body: b)
    }

    static func plan(_ c: PlanContents, archived: (indicators: [String], tasks: [String]), csrf: String, error: String?, flash: String?) -> String {
        let p = c.plan
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">Thiết lập</a></p><h1>\(escape(p.kind.labelVI)) \(escape(p.code))</h1>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<p class=\"err\" role=\"alert\">\(escape(e))</p>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupPlan(slug: p.slug).path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += "<label>Tên kế hoạch <textarea name=\"title\" rows=\"2\">\(escape(p.title))</textarea></label>"
        b += "<div class=\"row\"><label>Từ năm <input name=\"from\" value=\"\(p.horizonFrom)\"></label><label>Đến năm <input name=\"to\" value=\"\(p.horizonTo)\"></label></div>"
        b += "<label>Trụ cột (mỗi dòng: mã | tên) <textarea name=\"pillars\" rows=\"\(max(3, p.pillars.count + 1))\">\(escape(p.pillars.map { "\($0.code) | \($0.name)" }.joined(separator: "\n")))</textarea></label>"
        b += "<button type=\"submit\">Lưu</button></form>"
        b += "<h2>Chỉ tiêu (\(c.indicators.count))</h2><p><a class=\"button\" href=\"\(SiteRoute.setupIndicator(plan: p.slug, code: nil).path)\">Thêm chỉ tiêu</a></p><ul>"
        for i in c.indicators { b += "<li><a href=\"\(SiteRoute.setupIndicator(plan: p.slug, code: i.code).path)\">\(escape(i.code)). \(escape(i.name))</a></li>" }
        b += "</ul>"
        if !archived.indicators.isEmpty { b += "<p class=\"muted\">Đã lưu trữ: " + archived.indicators.map { "<a href=\"\(SiteRoute.setupIndicator(plan: p.slug, code: $0).path)\">\(escape($0))</a>" }.joined(separator: ", ") + "</p>" }
        b += "<h2>Nhiệm vụ (\(c.tasks.count))</h2><p><a class=\"button\" href=\"\(SiteRoute.setupTask(plan: p.slug, code: nil).path)\">Thêm nhiệm vụ</a></p><ul>"
        for t in c.tasks { b += "<li><a href=\"\(SiteRoute.setupTask(plan: p.slug, code: t.code).path)\">\(escape(t.code)). \(escape(t.title))</a></li>" }
        b += "</ul>"
        if !archived.tasks.isEmpty { b += "<p class=\"muted\">Đã lưu trữ: " + archived.tasks.map { "<a href=\"\(SiteRoute.setupTask(plan: p.slug, code: $0).path)\">\(escape($0))</a>" }.joined(separator: ", ") + "</p>" }
        return Layout.page(title: "Thiết lập \(p.code)", body: b)
    }

    static func options<T>(_ all: [T], selected: String?, value: (T) -> String, label: (T) -> String, blank: String? = nil) -> String {
        (blank.map { "<option value=\"\">\(escape($0))</option>" } ?? "")
            + all.map { "<option value=\"\(escape(value($0)))\"\(value($0) == selected ? " selected" : "")>\(escape(label($0)))</option>" }.joined()
    }

    static func newPlan(units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String = "") -> String { escape(form?[n] ?? d) }
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">Thiết lập</a></p><h1>Thêm kế hoạch</h1>"
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupNewPlan.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += "<label>Số ký hiệu (ví dụ 83/KH-BCĐ) <input name=\"code\" required value=\"\(v("code"))\"></label>"
        b += "<label>Loại <select name=\"kind\">" + options(PlanKind.allCases, selected: form?["kind"] ?? "plan", value: \.rawValue, label: \.labelVI) + "</select></label>"
        b += "<label>Tên <textarea name=\"title\" rows=\"2\" required>\(v("title"))</textarea></label>"
        b += "<label>Cơ quan ban hành <select name=\"issuer\">" + options(units, selected: form?["issuer"], value: \.code, label: { "\($0.name) (\($0.code))" }) + "</select></label>"
        b += "<label>Ngày ban hành <input name=\"issued\" value=\"\(v("issued"))\"></label>"
        b += "<div class=\"row\"><label>Từ năm <input name=\"from\" value=\"\(v("from"))\"></label><label>Đến năm <input name=\"to\" value=\"\(v("to"))\"></label></div>"
        b += "<label>Trụ cột (mỗi dòng: mã | tên) <textarea name=\"pillars\" rows=\"4\">\(v("pillars", "1 | Chính quyền số\n2 | Kinh tế số\n3 | Xã hội số"))</textarea></label>"
        b += "<button type=\"submit\" class=\"primary\">Tạo kế hoạch</button></form>"
        return Layout.page(title: "Thêm kế hoạch", body: b)
    }

    static func archiveForm(_ action: String, archived: Bool, csrf: String) -> String {
        "<form method=\"post\" action=\"\(action)\" class=\"inline\">\(CSRFMiddleware.field(csrf))<input type=\"hidden\" name=\"archived\" value=\"\(archived ? "false" : "true")\"><button type=\"submit\">\(archived ? "Khôi phục" : "Lưu trữ (không xóa)")</button></form>"
    }

    static func indicator(plan: Plan, _ i: Indicator?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { escape(form?[n] ?? d) }
        let route = SiteRoute.setupIndicator(plan: plan.slug, code: isNew ? nil : i?.code ?? "")
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">Thiết lập</a> › <a href=\"\(SiteRoute.setupPlan(slug: plan.slug).path)\">\(escape(plan.code))</a></p>"
        b += "<h1>\(isNew ? "Thêm chỉ tiêu" : "Chỉ tiêu \(escape(i?.code ?? ""))")\(archived ? " (đã lưu trữ)" : "")</h1>"
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(route.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += isNew ? "<label>Mã (ví dụ 1.3) <input name=\"code\" required value=\"\(v("code", ""))\"></label>" : "<input type=\"hidden\" name=\"code\" value=\"\(escape(i?.code ?? ""))\">"
        b += "<label>Tên chỉ tiêu <textarea name=\"name\" rows=\"3\" required>\(v("name", i?.name ?? ""))</textarea></label>"
        b += "<label>Trụ cột <select name=\"pillar\">" + options(plan.pillars, selected: form?["pillar"] ?? i?.pillarCode, value: \.code, label: { "\($0.code). \($0.name)" }, blank: "— Không —") + "</select></label>"
        b += "<label>Cách đo <select name=\"measure\">" + options(MeasureKind.allCases, selected: form?["measure"] ?? i?.measure.rawValue, value: \.rawValue, label: \.labelVI) + "</select></label>"
        b += "<label>Tử số là <input name=\"numeratorDefinition\" value=\"\(v("numeratorDefinition", i?.numeratorDefinition ?? ""))\"></label>"
        b += "<label>Mẫu số là <input name=\"denominatorDefinition\" value=\"\(v("denominatorDefinition", i?.denominatorDefinition ?? ""))\"></label>"
        b += "<label>Đơn vị tính <input name=\"unitOfMeasure\" value=\"\(v("unitOfMeasure", i?.unitOfMeasure ?? ""))\"></label>"
        b += "<label>Cộng dồn giữa các đơn vị <select name=\"aggregation\">" + options(UnitAggregation.allCases, selected: form?["aggregation"] ?? i?.aggregation.rawValue, value: \.rawValue, label: { $0 == .sum ? "Cộng (tỷ lệ: cộng tử số, mẫu số)" : "Không cộng, liệt kê" }) + "</select></label>"
        b += "<label>Theo thời gian <select name=\"temporal\">" + options(TemporalAggregation.allCases, selected: form?["temporal"] ?? i?.temporal.rawValue, value: \.rawValue, label: { $0 == .flow ? "Lũy kế (cộng các kỳ)" : "Thời điểm (lấy kỳ gần nhất)" }) + "</select></label>"
        b += "<label>Chiều tốt <select name=\"direction\">" + options(Direction.allCases, selected: form?["direction"] ?? i?.direction.rawValue, value: \.rawValue, label: { $0 == .higherIsBetter ? "Càng cao càng tốt" : "Càng thấp càng tốt" }) + "</select></label>"
        b += "<label>Đơn vị chủ trì <select name=\"responsible\">" + options(units, selected: form?["responsible"] ?? i?.responsibleUnitCode, value: \.code, label: { "\($0.name) (\($0.code))" }, blank: "— Không —") + "</select></label>"
        let over = form.map { $0["allowsOverHundred"] != nil } ?? (i?.allowsOverHundred ?? false)
        b += "<label class=\"check\"><input type=\"checkbox\" name=\"allowsOverHundred\" value=\"1\"\(over ? " checked" : "")> Cho phép tỷ lệ vượt 100%</label>"
        b += "<fieldset><legend>Mục tiêu theo năm và cấp</legend><div class=\"wide\"><table><thead><tr><th>Năm</th><th>Cấp</th><th>So sánh</th><th>Giá trị</th><th>Cận trên</th><th>Diễn giải</th></tr></thead><tbody>"
        let targets = i?.targets ?? []
        for n in 0..<(targets.count + 2) {
            let t = n < targets.count ? targets[n] : nil
            func tv(_ f: String, _ d: String) -> String { v("t\(n).\(f)", d) }
            b += "<tr><td><input name=\"t\(n).year\" inputmode=\"numeric\" value=\"\(tv("year", t.map { String($0.year) } ?? ""))\"></td>"
            b += "<td><select name=\"t\(n).level\">" + options(AdminLevel.allCases, selected: form?["t\(n).level"] ?? t?.level.rawValue, value: \.rawValue, label: \.labelVI) + "</select></td>"
            b += "<td><select name=\"t\(n).comparator\">" + options(Comparator.allCases, selected: form?["t\(n).comparator"] ?? t?.comparator.rawValue, value: \.rawValue, label: { "\($0.symbol) (\($0.rawValue))" }) + "</select></td>"
            b += "<td><input name=\"t\(n).value\" inputmode=\"decimal\" value=\"\(tv("value", ReportForm.number(t?.value)))\"></td>"
            b += "<td><input name=\"t\(n).upper\" inputmode=\"decimal\" value=\"\(tv("upper", ReportForm.number(t?.upper)))\"></td>"
            b += "<td><input name=\"t\(n).text\" value=\"\(tv("text", t?.text ?? ""))\"></td></tr>"
        }
        b += "</tbody></table></div><p class=\"hint\">Để trống năm để bỏ một dòng mục tiêu.</p></fieldset>"
        b += "<button type=\"submit\" class=\"primary\">Lưu chỉ tiêu</button></form>"
        if !isNew { b += archiveForm(SiteRoute.setupIndicatorArchive(plan: plan.slug, code: i?.code ?? "").path, archived: archived, csrf: csrf) }
        return Layout.page(title: "Chỉ tiêu", body: b)
    }

    static func task(plan: Plan, _ t: PlanTask?, isNew: Bool, archived: Bool, units: [OrgUnit], form: FormData?, error: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { escape(form?[n] ?? d) }
        let route = SiteRoute.setupTask(plan: plan.slug, code: isNew ? nil : t?.code ?? "")
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">Thiết lập</a> › <a href=\"\(SiteRoute.setupPlan(slug: plan.slug).path)\">\(escape(plan.code))</a></p>"
        b += "<h1>\(isNew ? "Thêm nhiệm vụ" : "Nhiệm vụ \(escape(t?.code ?? ""))")\(archived ? " (đã lưu trữ)" : "")</h1>"
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(route.path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += isNew ? "<label>Mã (STT, ví dụ 2.7) <input name=\"code\" required value=\"\(v("code", ""))\"></label>" : "<input type=\"hidden\" name=\"code\" value=\"\(escape(t?.code ?? ""))\">"
        b += "<label>Tên nhiệm vụ <textarea name=\"title\" rows=\"3\" required>\(v("title", t?.title ?? ""))</textarea></label>"
        b += "<label>Các nội dung con (mỗi dòng một nội dung) <textarea name=\"subItems\" rows=\"3\">\(v("subItems", t?.subItems.joined(separator: "\n") ?? ""))</textarea></label>"
        b += "<label>Trụ cột <select name=\"pillar\">" + options(plan.pillars, selected: form?["pillar"] ?? t?.pillarCode, value: \.code, label: { "\($0.code). \($0.name)" }, blank: "— Không —") + "</select></label>"
        b += "<label>Cơ quan chủ trì <select name=\"lead\">" + options(units, selected: form?["lead"] ?? t?.leadUnitCode, value: \.code, label: { "\($0.name) (\($0.code))" }, blank: "— Không là một đơn vị —") + "</select></label>"
        b += "<label>Cơ quan chủ trì (như văn bản ghi) <input name=\"leadText\" value=\"\(v("leadText", t?.leadText ?? ""))\"></label>"
        b += "<label>Mã các cơ quan phối hợp (cách nhau bởi dấu phẩy) <input name=\"cooperating\" value=\"\(v("cooperating", t?.cooperatingUnitCodes.joined(separator: ", ") ?? ""))\"></label>"
        b += "<label>Cơ quan phối hợp (như văn bản ghi) <input name=\"cooperatingText\" value=\"\(v("cooperatingText", t?.cooperatingText ?? ""))\"></label>"
        b += "<label>Thời hạn (2024-06-30, 2024-06, 2024Q2, 2024, ongoing, quarterly) <input name=\"deadline\" value=\"\(v("deadline", t?.deadline?.code ?? ""))\"></label>"
        b += "<label>Thời hạn (như văn bản ghi) <input name=\"deadlineText\" value=\"\(v("deadlineText", t?.deadlineText ?? ""))\"></label>"
        b += "<label>Văn bản minh chứng (số ký hiệu, cách nhau bởi dấu phẩy) <input name=\"evidence\" value=\"\(v("evidence", t?.evidence.joined(separator: ", ") ?? ""))\"></label>"
        b += "<button type=\"submit\" class=\"primary\">Lưu nhiệm vụ</button></form>"
        if !isNew { b += archiveForm(SiteRoute.setupTaskArchive(plan: plan.slug, code: t?.code ?? "").path, archived: archived, csrf: csrf) }
        return Layout.page(title: "Nhiệm vụ", body: b)
    }

    static func document(_ d: OfficialDocument?, units: [OrgUnit], form: FormData?, error: String?, flash: String?, csrf: String) -> String {
        func v(_ n: String, _ dflt: String) -> String { escape(form?[n] ?? dflt) }
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">Thiết lập</a></p><h1>\(d == nil ? "Thêm văn bản" : "Văn bản \(escape(d!.number))")</h1>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupDocument(number: nil).path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += d == nil ? "<label>Số ký hiệu (ví dụ 805/QĐ-UBND) <input name=\"number\" required value=\"\(v("number", ""))\"></label>" : "<input type=\"hidden\" name=\"number\" value=\"\(escape(d!.number))\">"
        b += "<label>Trích yếu <textarea name=\"summary\" rows=\"3\" required>\(v("summary", d?.summary ?? ""))</textarea></label>"
        b += "<label>Ngày ban hành <input name=\"issued\" value=\"\(v("issued", d?.issued.map { VNDate.numeric($0) } ?? ""))\"></label>"
        b += "<label>Cơ quan ban hành <input name=\"issuer\" required value=\"\(v("issuer", d?.issuer ?? ""))\"></label>"
        b += "<label>Đơn vị ban hành trong hệ thống <select name=\"issuerUnit\">" + options(units, selected: form?["issuerUnit"] ?? d?.issuerUnitCode, value: \.code, label: { "\($0.name) (\($0.code))" }, blank: "— Không —") + "</select></label>"
        b += "<label>Lãnh đạo ký <input name=\"signer\" value=\"\(v("signer", d?.signer ?? ""))\"></label>"
        b += "<button type=\"submit\" class=\"primary\">Lưu văn bản</button></form>"
        return Layout.page(title: "Văn bản", body: b)
    }

    static func unit(_ u: OrgUnit?, isNew: Bool, units: [OrgUnit], form: FormData?, error: String?, flash: String?, csrf: String) -> String {
        func v(_ n: String, _ d: String) -> String { escape(form?[n] ?? d) }
        var b = "<p class=\"crumbs\"><a href=\"\(SiteRoute.setup(query: nil).path)\">Thiết lập</a></p><h1>\(isNew ? "Thêm đơn vị" : escape(u?.name ?? ""))</h1>"
        if let f = flash { b += "<p class=\"ok\" role=\"status\">\(escape(f))</p>" }
        if let e = error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        b += "<form method=\"post\" action=\"\(SiteRoute.setupUnit(code: isNew ? nil : u?.code ?? "").path)\" class=\"stack\">\(CSRFMiddleware.field(csrf))"
        b += isNew ? "<label>Mã đơn vị <input name=\"code\" required value=\"\(v("code", ""))\"></label>" : "<input type=\"hidden\" name=\"code\" value=\"\(escape(u?.code ?? ""))\">"
        b += "<label>Tên <input name=\"name\" required value=\"\(v("name", u?.name ?? ""))\"></label>"
        b += "<label>Loại <select name=\"kind\">" + options(UnitKind.allCases, selected: form?["kind"] ?? u?.kind.rawValue, value: \.rawValue, label: \.labelVI) + "</select></label>"
        b += "<label>Đơn vị cấp trên <select name=\"parent\">" + options(units.filter { $0.code != u?.code }, selected: form?["parent"] ?? u?.parentCode, value: \.code, label: { "\($0.name) (\($0.code))" }, blank: "— Không (cấp cao nhất) —") + "</select></label>"
        b += "<div class=\"row\"><label>Hiệu lực từ <input name=\"validFrom\" value=\"\(v("validFrom", u?.validFrom.map { VNDate.numeric($0) } ?? ""))\"></label>"
        b += "<label>Đến hết ngày <input name=\"validTo\" value=\"\(v("validTo", u?.validTo.map { VNDate.numeric($0) } ?? ""))\"></label></div>"
        b += "<label>Mã đơn vị kế thừa (khi sáp nhập) <input name=\"successor\" value=\"\(v("successor", u?.successorCode ?? ""))\"></label>"
        b += "<p class=\"hint\">Đơn vị không bao giờ bị xóa: khi sáp nhập, ghi ngày hết hiệu lực và đơn vị kế thừa.</p>"
        b += "<button type=\"submit\" class=\"primary\">Lưu đơn vị</button></form>"
        return Layout.page(title: "Đơn vị", body: b)
    }
}
