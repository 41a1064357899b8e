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
        return html(IngestPage.render(.init(csrf: req.csrf, unit: account.unitCode)))
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
        Layout.page(title: t("Nhập phụ lục báo cáo cũ")) {
            Node.h1(text: t("Nhập phụ lục báo cáo cũ"))
            Node.p(text: t("Tải lên một báo cáo (.docx hoặc .txt): các bảng phụ lục — chỉ tiêu, nhiệm vụ, danh mục văn bản, bảng theo đơn vị — được đọc theo tiêu đề cột. Xem lại cách đọc, sửa vai trò từng cột và chỉ tiêu của từng cột giá trị, rồi ghi vào kế hoạch trong một lần."))
            if let e = m.error { Node.div(.class("box errbox"), .role("alert")) { e } }
            if let written = m.written { writtenBox(m, written) }
            Node.form(.method("post"), .action(.ingest), Attribute("enctype", "multipart/form-data"), .class("stack")) {
                csrfField(m.csrf)
                Node.label {
                    t("Tệp báo cáo")
                    " "
                    Node.input(.type("file"), .name("file"), Attribute("accept", ".docx,.txt"), .flag("required"))
                }
                fields(m)
                Node.button(.type("submit"), text: t("Xem cách đọc"))
            }
            if let document = m.document, !m.mappings.isEmpty, m.written == nil { confirmation(m, document) }
        }
    }

    /// What the transaction wrote, and the names that matched no unit.
    static func writtenBox(_ m: Model, _ written: [String]) -> Node {
        .group {
            Node.div(.class("box okbox"), .role("status")) {
                t("Đã ghi trong một giao dịch: %@", written.isEmpty ? t("không thêm dòng mới, các dòng đã có được cập nhật.") : written.joined(separator: ", "))
                if let plan = m.result?.plan.plan { " · "; Node.link(.setupPlan(slug: plan.slug), plan.code) }
            }
            // What was written without a unit of its own, to be added or corrected by hand.
            if let r = m.result, !r.unmatched.isEmpty { unmatched(r.unmatched) }
        }
    }

    static func unmatched(_ names: [String]) -> Node {
        .group {
            Node.h3(text: t("Tên không khớp đơn vị nào (%@), giữ nguyên chữ trong nhiệm vụ", names.count))
            Node.ul { names.map { Node.li(text: $0) } }
        }
    }

    /// The reading of every table, with each column's role to correct, and what would be written.
    static func confirmation(_ m: Model, _ document: LintDocument) -> Node {
        .group {
            Node.h2(text: m.fileName)
            Node.form(.method("post"), .action(.ingestConfirm), .class("stack")) {
                csrfField(m.csrf)
                Node.hidden("file_name", m.fileName)
                Node.hidden("file_data", m.fileData)
                Node.hidden("plan", m.plan)
                Node.hidden("period", m.period)
                Node.hidden("unit", m.unit)
                for mapping in m.mappings {
                    if let table = document.tables.first(where: { $0.number == mapping.table }) { tableFieldset(m, table, mapping) }
                }
                if let r = m.result { summary(m, r) }
                Node.button(.type("submit"), .class("primary"), text: t("Ghi vào kế hoạch"))
            }
        }
    }

    static func tableFieldset(_ m: Model, _ table: LintTable, _ mapping: AppendixMapping) -> Node {
        let headers = table.rows.first?.map(\.text) ?? []
        let caption = table.caption.map { " — " + $0 } ?? ""
        let read = m.result?.mappings.first { $0.table == mapping.table }
        let width = max(headers.count, mapping.roles.count)
        let sample = table.rows.dropFirst().first { $0.contains { !$0.text.isEmpty } }?.map(\.text) ?? []
        return .fieldset {
            Node.legend {
                Node.label {
                    Node.input(.type("checkbox"), .name("table-\(table.number)"), .flag("checked", m.chosen.contains(table.number)))
                    " \(t("Bảng %@", table.number))\(String(caption.prefix(90))): "
                    "\(mapping.kind.map { t($0.labelVI) } ?? t("không rõ loại")), \(t("%@ dòng", table.rows.count - 1))"
                }
            }
            Node.div(.class("table-scroll")) {
                Node.table {
                    Node.columnHeads([t("Cột"), t("Tiêu đề"), t("Vai trò"), t("Dòng đầu")], scoped: false)
                    Node.tbody {
                        for c in 0..<width {
                            columnRow(m, table, mapping, read: read, column: c,
                                      header: c < headers.count ? headers[c] : "", sample: c < sample.count ? sample[c] : "")
                        }
                    }
                }
            }
        }
    }

    static func columnRow(_ m: Model, _ table: LintTable, _ mapping: AppendixMapping, read: AppendixMapping?, column c: Int,
                          header: String, sample: String) -> Node {
        let role = c < mapping.roles.count ? mapping.roles[c] : nil
        return .tr {
            Node.td(text: "\(c + 1)")
            Node.td(text: header)
            Node.td {
                Node.select(.name("role-\(table.number)-\(c + 1)"), .aria("label", t("Vai trò cột %@", c + 1))) {
                    ColumnRole.allCases.map { option in
                        Node.option(.value(option.rawValue), .flag("selected", (role ?? .ignored) == option), text: t(option.labelVI))
                    }
                }
                if role == .value {
                    // The indicator this column holds: as read from its header, to confirm or correct.
                    let code = read?.indicators[c] ?? mapping.indicators[c] ?? ""
                    " "
                    Node.label {
                        t("Mã chỉ tiêu")
                        " "
                        Node.input(.name("indicator-\(table.number)-\(c + 1)"), .value(code), .attr("size", 8), .attr("maxlength", 50))
                    }
                    if let name = m.result?.plan.indicators.first(where: { $0.code == code })?.name {
                        " "
                        Node.small(text: String(name.prefix(80)))
                    }
                }
            }
            Node.td(text: String(sample.prefix(80)))
        }
    }

    static func summary(_ m: Model, _ r: IngestResult) -> Node {
        .group {
            Node.h2(text: t("Sẽ ghi"))
            Node.ul {
                Node.li(text: t("Kế hoạch %@ — %@: %@ chỉ tiêu, %@ nhiệm vụ, %@ nhóm", r.plan.plan.code, r.plan.plan.title,
                                r.plan.indicators.count, r.plan.tasks.count, r.plan.plan.pillars.count))
                Node.li(text: t("Kết quả kỳ %@ của đơn vị %@: %@ số liệu chỉ tiêu, %@ báo cáo nhiệm vụ",
                                m.period.isEmpty ? "—" : m.period, m.unit, r.values.count, r.taskReports.count))
                Node.li(text: t("%@ văn bản", r.documents.count))
            }
            if r.unmatched.isEmpty {
                Node.p(.class("ok"), text: t("Mọi tên đơn vị đều khớp."))
            } else {
                unmatched(r.unmatched)
            }
        }
    }

    static func fields(_ m: Model) -> Node {
        .group {
            Node.label {
                t("Mã kế hoạch (tạo mới nếu chưa có)")
                " "
                Node.input(.name("plan"), .value(m.plan), .flag("required"), .attr("maxlength", 50))
            }
            Node.label {
                t("Kỳ của kết quả (ví dụ 2024S1; để trống nếu chỉ nhập chỉ tiêu, nhiệm vụ)")
                " "
                Node.input(.name("period"), .value(m.period), .attr("maxlength", 20))
            }
            Node.label {
                t("Mã đơn vị báo cáo")
                " "
                Node.input(.name("unit"), .value(m.unit), .flag("required"), .attr("maxlength", 50))
            }
        }
    }
}
