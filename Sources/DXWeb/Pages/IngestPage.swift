import DXCore
import DXImport
import DXStore
import Foundation
import Vapor

/// "Nhập phụ lục báo cáo cũ": a coordinator uploads an old report; the page shows how each
/// appendix table is read (its kind, each column's role, the counts, the names that match no
/// unit) and lets the roles be corrected before anything is written. Writing is one
/// transaction (`Store.load`), for a unit in the account's scope. The file travels back with
/// the confirmation and is read and checked again: nothing of the preview is trusted.
struct IngestController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .ingest, use: form)
        routes.register(.POST, .ingest, body: .collect(maxSize: ByteCount(value: UploadLimits.maxBodyBytes)), use: preview)
        // The confirmation carries the file as base64: a third more than the upload.
        routes.register(.POST, .ingestConfirm, body: .collect(maxSize: ByteCount(value: UploadLimits.maxBodyBytes * 3 / 2)), use: confirm)
    }

    struct Request1: Decodable {
        var plan: String?
        var period: String?
        var unit: String?
    }

    func form(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let account = try req.requireAccount()
        return html(IngestPage.render(.init(csrf: req.csrf, unit: account.unitCode ?? "")))
    }

    func preview(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        guard let upload = try await MultipartUpload.file(req) else {
            return refused(req, IngestPage.Model(csrf: req.csrf, error: t("Chưa chọn tệp báo cáo.")), .badRequest)
        }
        let fields = (try? req.content.decode(Request1.self)) ?? Request1()
        var model = IngestPage.Model(csrf: req.csrf, fileName: upload.name, fileData: upload.data.base64EncodedString(),
                                     plan: fields.plan?.trimmingCharacters(in: .whitespaces) ?? "",
                                     period: fields.period?.trimmingCharacters(in: .whitespaces) ?? "",
                                     unit: fields.unit?.trimmingCharacters(in: .whitespaces) ?? "")
        do {
            let document = try Self.document(name: upload.name, data: upload.data)
            var mappings = document.tables.map(AppendixMapping.init(guessing:))
            // Every table of a known kind, several task tables too; a per-unit table only when
            // the plan exists, since its columns are that plan's indicators.
            let planExists = !model.plan.isEmpty ? try await req.store.planContents(slugOrCode: model.plan) != nil : false
            model.chosen = Set(mappings.compactMap { m -> Int? in
                guard let kind = m.kind, kind != .units || planExists else { return nil }
                return m.table
            })
            mappings = mappings.filter { $0.kind != nil || !($0.roles.allSatisfy { $0 == nil }) }
            model.document = document
            model.mappings = mappings
            model.result = try await read(req, document, mappings.filter { model.chosen.contains($0.table) }, model)
        } catch let e as IngestRefusal {
            model.error = e.message
            return refused(req, model, .unprocessableEntity)
        }
        return html(IngestPage.render(model))
    }

    func confirm(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let form = try req.content.decode([String: String].self)
        var model = IngestPage.Model(csrf: req.csrf, fileName: form["file_name"] ?? "", fileData: form["file_data"] ?? "",
                                     plan: form["plan"] ?? "", period: form["period"] ?? "", unit: form["unit"] ?? "")
        guard let data = Data(base64Encoded: model.fileData), !data.isEmpty else {
            return refused(req, IngestPage.Model(csrf: req.csrf, error: t("Không thấy tệp báo cáo: tải lên lại.")), .badRequest)
        }
        do {
            let document = try Self.document(name: model.fileName, data: data)
            var mappings: [AppendixMapping] = []
            for table in document.tables {
                var m = AppendixMapping(guessing: table)
                let width = table.rows.map(\.count).max() ?? 0
                for c in 0..<width {
                    guard let raw = form["role-\(table.number)-\(c + 1)"] else { continue }
                    guard let role = ColumnRole(rawValue: raw) else { throw IngestRefusal(t("Bảng %@, cột %@: vai trò không hợp lệ.", table.number, c + 1)) }
                    while m.roles.count <= c { m.roles.append(nil) }
                    m.roles[c] = role == .ignored ? nil : role
                    // A value column's indicator, as confirmed or corrected; empty: by its header.
                    let code = (form["indicator-\(table.number)-\(c + 1)"] ?? "").trimmingCharacters(in: .whitespaces)
                    m.indicators[c] = role == .value && !code.isEmpty ? code : nil
                }
                m.kind = AppendixMapping.kind(of: m.roles)
                mappings.append(m)
            }
            model.document = document
            model.mappings = mappings
            model.chosen = Set(document.tables.map(\.number).filter { form["table-\($0)"] == "on" })
            let result = try await read(req, document, mappings.filter { model.chosen.contains($0.table) }, model)
            model.result = result
                        let summary = try await req.store.load(Dataset(documents: result.documents, plans: [result.plan], values: result.values,
                                                           taskReports: result.taskReports))
            model.written = summary.added.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { "\($0.key) +\($0.value)" }
            req.logger.info("ingest", metadata: ["plan": .string(result.plan.plan.code), "by": .string(req.actor.username)])
        } catch let e as IngestRefusal {
            model.error = e.message
            return refused(req, model, .unprocessableEntity)
        } catch let e as StoreError {
            model.error = String(describing: e)
            return refused(req, model, .unprocessableEntity)
        }
        return html(IngestPage.render(model))
    }

    struct IngestRefusal: Error { let message: String; init(_ m: String) { message = m } }

    static func document(name: String, data: Data) throws -> LintDocument {
        switch URL(fileURLWithPath: name).pathExtension.lowercased() {
        case "docx":
            do { return try DOCXText.document(data: data) } catch { throw IngestRefusal(t("Không đọc được tệp Word: %@", error.message)) }
        case "txt":
            guard let text = String(data: data, encoding: .utf8) else { throw IngestRefusal(t("Tệp văn bản phải mã hóa UTF-8.")) }
            return LintDocument(text: text)
        default:
            throw IngestRefusal(t("Chỉ đọc được tệp .docx hoặc .txt."))
        }
    }

    /// The reading of the chosen tables for the plan, period and unit asked, after the checks
    /// a write would make: a plan code, a valid period, a unit in the account's scope.
    func read(_ req: Request, _ document: LintDocument, _ mappings: [AppendixMapping], _ model: IngestPage.Model) async throws -> IngestResult {
        guard !model.plan.isEmpty else { throw IngestRefusal(t("Chưa nhập mã kế hoạch.")) }
        if !model.period.isEmpty, (try? Period.parse(model.period)) == nil { throw IngestRefusal(t("Kỳ không hợp lệ: %@", model.period)) }
        let tree = try await req.store.unitTree()
        guard tree[model.unit] != nil else { throw IngestRefusal(t("Không có đơn vị mã %@.", model.unit)) }
        try req.authorize(.setUp, owner: model.unit, tree: tree)
        guard !mappings.isEmpty else { throw IngestRefusal(t("Chưa chọn bảng nào đọc được thành chỉ tiêu, nhiệm vụ hay văn bản.")) }
        let existing = try await req.store.planContents(slugOrCode: model.plan)
        if let existing, existing.plan.issuerCode != model.unit { try req.authorize(.setUp, owner: existing.plan.issuerCode, tree: tree) }
        let year = (try? Period.parse(model.period))?.year ?? existing?.plan.horizonFrom ?? Calendar.current.component(.year, from: Date())
        let target = IngestTarget(planCode: existing?.plan.code ?? model.plan, unitCode: model.unit,
                                  periodID: model.period.isEmpty ? nil : model.period, year: year)
        let units = try await req.store.units()
        let result: IngestResult
        do {
            result = try AppendixIngest.read(document, mappings: mappings, into: target,
                                             existing: existing,
                                             units: units)
        } catch { throw IngestRefusal(error.description) }
        // A per-unit table writes other units' figures: each of them must be in the account's scope.
        for code in Set(result.values.map(\.unitCode)) where code != model.unit {
            try req.authorize(.setUp, owner: code, tree: tree)
        }
        return result
    }

    func refused(_ req: Request, _ model: IngestPage.Model, _ status: HTTPStatus) -> Response {
        let r = html(IngestPage.render(model))
        r.status = status
        return r
    }
}

enum IngestPage {
    struct Model {
        var csrf: String
        var fileName = ""
        var fileData = ""
        var plan = ""
        var period = ""
        var unit = ""
        var error: String?
        var document: LintDocument?
        var mappings: [AppendixMapping] = []
        var chosen: Set<Int> = []
        var result: IngestResult?
        /// Set once written: what the transaction added.
        var written: [String]?

        init(csrf: String, error: String? = nil, unit: String = "") {
            self.csrf = csrf
            self.error = error
            self.unit = unit
        }

        init(csrf: String, fileName: String, fileData: String, plan: String, period: String, unit: String) {
            self.csrf = csrf
            self.fileName = fileName
            self.fileData = fileData
            self.plan = plan
            self.period = period
            self.unit = unit
        }
    }

    static func render(_ m: Model) -> String {
        var b = "<h1>\(t("Nhập phụ lục báo cáo cũ"))</h1>"
        b += "<p>\(t("Tải lên một báo cáo (.docx hoặc .txt): các bảng phụ lục — chỉ tiêu, nhiệm vụ, danh mục văn bản, bảng theo đơn vị — được đọc theo tiêu đề cột. Xem lại cách đọc, sửa vai trò từng cột và chỉ tiêu của từng cột giá trị, rồi ghi vào kế hoạch trong một lần."))</p>"
        if let e = m.error { b += "<div class=\"box errbox\" role=\"alert\">\(escape(e))</div>" }
        if let written = m.written {
            b += "<div class=\"box okbox\" role=\"status\">\(t("Đã ghi trong một giao dịch: %@", written.isEmpty ? t("không thêm dòng mới, các dòng đã có được cập nhật.") : written.joined(separator: ", ")))"
            if let plan = m.result?.plan.plan { b += " · <a href=\"\(SiteRoute.setupPlan(slug: plan.slug).path)\">\(escape(plan.code))</a>" }
            b += "</div>"
            // What was written without a unit of its own, to be added or corrected by hand.
            if let r = m.result, !r.unmatched.isEmpty {
                b += "<h3>\(t("Tên không khớp đơn vị nào (%@), giữ nguyên chữ trong nhiệm vụ", r.unmatched.count))</h3><ul>"
                b += r.unmatched.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            }
        }
        b += "<form method=\"post\" action=\"\(SiteRoute.ingest.path)\" enctype=\"multipart/form-data\" class=\"stack\">\(CSRFMiddleware.field(m.csrf))"
        b += "<label>\(t("Tệp báo cáo")) <input type=\"file\" name=\"file\" accept=\".docx,.txt\" required></label>"
        b += fields(m)
        b += "<button type=\"submit\">\(t("Xem cách đọc"))</button></form>"
        guard let document = m.document, !m.mappings.isEmpty, m.written == nil else { return Layout.page(title: t("Nhập phụ lục báo cáo cũ"), body: b) }

        b += "<h2>\(escape(m.fileName))</h2>"
        b += "<form method=\"post\" action=\"\(SiteRoute.ingestConfirm.path)\" class=\"stack\">\(CSRFMiddleware.field(m.csrf))"
        b += "<input type=\"hidden\" name=\"file_name\" value=\"\(escape(m.fileName))\"><input type=\"hidden\" name=\"file_data\" value=\"\(escape(m.fileData))\">"
        for key in ["plan", "period", "unit"] {
            let v = key == "plan" ? m.plan : key == "period" ? m.period : m.unit
            b += "<input type=\"hidden\" name=\"\(key)\" value=\"\(escape(v))\">"
        }
        for mapping in m.mappings {
            guard let table = document.tables.first(where: { $0.number == mapping.table }) else { continue }
            let headers = table.rows.first?.map(\.text) ?? []
            let caption = table.caption.map { " — " + $0 } ?? ""
            b += "<fieldset><legend><label><input type=\"checkbox\" name=\"table-\(table.number)\"\(m.chosen.contains(table.number) ? " checked" : "")> "
            b += "\(t("Bảng %@", table.number))\(escape(String(caption.prefix(90)))): \(escape(mapping.kind.map { t($0.labelVI) } ?? t("không rõ loại"))), \(t("%@ dòng", table.rows.count - 1))</label></legend>"
            let read = m.result?.mappings.first { $0.table == mapping.table }
            b += "<div class=\"table-scroll\"><table><thead><tr><th>\(t("Cột"))</th><th>\(t("Tiêu đề"))</th><th>\(t("Vai trò"))</th><th>\(t("Dòng đầu"))</th></tr></thead><tbody>"
            let width = max(headers.count, mapping.roles.count)
            let sample = table.rows.dropFirst().first { $0.contains { !$0.text.isEmpty } }?.map(\.text) ?? []
            for c in 0..<width {
                let role = c < mapping.roles.count ? mapping.roles[c] : nil
                b += "<tr><td>\(c + 1)</td><td>\(escape(c < headers.count ? headers[c] : ""))</td><td><select name=\"role-\(table.number)-\(c + 1)\" aria-label=\"\(t("Vai trò cột %@", c + 1))\">"
                for option in ColumnRole.allCases {
                    let selected = (role ?? .ignored) == option ? " selected" : ""
                    b += "<option value=\"\(option.rawValue)\"\(selected)>\(escape(t(option.labelVI)))</option>"
                }
                b += "</select>"
                if role == .value {
                    // The indicator this column holds: as read from its header, to confirm or correct.
                    let code = read?.indicators[c] ?? mapping.indicators[c] ?? ""
                    let name = m.result?.plan.indicators.first { $0.code == code }?.name
                    b += " <label>\(t("Mã chỉ tiêu")) <input name=\"indicator-\(table.number)-\(c + 1)\" value=\"\(escape(code))\" size=\"8\" maxlength=\"50\"></label>"
                    if let name { b += " <small>\(escape(String(name.prefix(80))))</small>" }
                }
                b += "</td><td>\(escape(String((c < sample.count ? sample[c] : "").prefix(80))))</td></tr>"
            }
            b += "</tbody></table></div></fieldset>"
        }
        if let r = m.result {
            b += "<h2>\(t("Sẽ ghi"))</h2><ul>"
            b += "<li>\(t("Kế hoạch %@ — %@: %@ chỉ tiêu, %@ nhiệm vụ, %@ nhóm", r.plan.plan.code, r.plan.plan.title, r.plan.indicators.count, r.plan.tasks.count, r.plan.plan.pillars.count))</li>"
            b += "<li>\(t("Kết quả kỳ %@ của đơn vị %@: %@ số liệu chỉ tiêu, %@ báo cáo nhiệm vụ", m.period.isEmpty ? "—" : m.period, m.unit, r.values.count, r.taskReports.count))</li>"
            b += "<li>\(t("%@ văn bản", r.documents.count))</li></ul>"
            if r.unmatched.isEmpty {
                b += "<p class=\"ok\">\(t("Mọi tên đơn vị đều khớp."))</p>"
            } else {
                b += "<h3>\(t("Tên không khớp đơn vị nào (%@), giữ nguyên chữ trong nhiệm vụ", r.unmatched.count))</h3><ul>"
                b += r.unmatched.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            }
        }
        b += "<button type=\"submit\" class=\"primary\">\(t("Ghi vào kế hoạch"))</button></form>"
        return Layout.page(title: t("Nhập phụ lục báo cáo cũ"), body: b)
    }

    static func fields(_ m: Model) -> String {
        "<label>\(t("Mã kế hoạch (tạo mới nếu chưa có)")) <input name=\"plan\" value=\"\(escape(m.plan))\" required maxlength=\"50\"></label>"
            + "<label>\(t("Kỳ của kết quả (ví dụ 2024S1; để trống nếu chỉ nhập chỉ tiêu, nhiệm vụ)")) <input name=\"period\" value=\"\(escape(m.period))\" maxlength=\"20\"></label>"
            + "<label>\(t("Mã đơn vị báo cáo")) <input name=\"unit\" value=\"\(escape(m.unit))\" required maxlength=\"50\"></label>"
    }
}
