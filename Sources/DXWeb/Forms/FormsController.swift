import DXCore
import DXDocuments
import DXReports
import DXStore
import Foundation
import Vapor

/// Table forms (biểu mẫu): every signed-in account reads the forms and the consolidated tables
/// (a unit's account only the rows of its own units); coordinators and administrators design,
/// import and replace the forms of their own scope. A form belongs to the scope of the account
/// that created it; its page stays readable by everyone and shows the designer read-only
/// outside that scope.
struct FormsController: RouteCollection {
    /// Largest JSON accepted by the import box; a form of a hundred columns is far below it.
    static let maxImportBytes = 256 * 1024

    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .tableForms, use: list)
        routes.register(.GET, .newTableForm, use: newForm)
        routes.register(.POST, .newTableForm, use: create)
        routes.register(.POST, .importTableForm, use: importJSON)
        routes.register(.GET, .tableForm, use: show)
        routes.register(.POST, .tableForm, use: save)
        routes.register(.GET, .tableFormTable, use: table)
        routes.register(.GET, .tableFormXLSX, use: xlsx)
        routes.register(.GET, .tableFormCSV, use: csv)
    }

    func list(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        return html(TableFormsPage.render(.init(forms: try await req.store.tableForms(),
                                                canEdit: AccessPolicy.roleAllows(account.role, .setUp), csrf: req.csrf)))
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let blank = TableForm(code: "", title: "", columns: [])
        return html(TableFormPage.render(.init(saved: nil, values: FormDesignerForm.values(blank), columnRows: FormDesignerForm.spareColumns + 1,
                                               canEdit: true, csrf: req.csrf)))
    }

    func create(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        return try await submit(req, saved: nil)
    }

    /// Refuses unless the account may change the stored form `code` (its owner in scope).
    func authorizeChange(_ req: Request, code: String) async throws {
        guard let owner = try await req.store.tableFormOwner(code) else { return }
        try req.authorize(.setUp, owner: owner, tree: try await req.store.unitTree())
    }

    /// Whether the account may change the form `code`, for showing its designer.
    func mayChange(_ req: Request, _ account: Account, code: String) async throws -> Bool {
        guard AccessPolicy.roleAllows(account.role, .setUp) else { return false }
        guard let owner = try await req.store.tableFormOwner(code) else { return true }
        return AccessPolicy.allows(account, .setUp, owner: owner, in: try await req.store.unitTree())
    }

    /// `/forms/BM01` is the form's page and `/forms/BM01.json` its definition. A code may itself
    /// end in ".json" (codes allow dots), so a saved form of that exact code wins.
    func show(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let key = req.parameters.get("code") ?? ""
        if key.hasSuffix(".json"), try await req.store.tableForm(key) == nil {
            let form = try await load(req, String(key.dropLast(".json".count)))
            return Response(status: .ok, headers: [
                "Content-Type": "application/json; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"bieu-mau-\(form.code).json\"",
            ], body: .init(data: form.toJSON()))
        }
        let form = try await load(req, key)
        let flash: String? = switch req.query[String.self, at: "msg"] {
        case "saved": t("Đã lưu biểu mẫu.")
        case "imported": t("Đã nhập biểu mẫu từ tệp JSON.")
        default: nil
        }
        return html(TableFormPage.render(.init(
            saved: form, values: FormDesignerForm.values(form), columnRows: form.columns.count + FormDesignerForm.spareColumns,
            preview: form, canEdit: try await mayChange(req, account, code: form.code), flash: flash, csrf: req.csrf)))
    }

    func save(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let saved = try await load(req, req.parameters.get("code") ?? "")
        try await authorizeChange(req, code: saved.code)
        return try await submit(req, saved: saved)
    }

    /// Saves the designer's form, or shows it again: with more empty column rows when asked
    /// ("Thêm dòng cột", nothing saved), or with the problems (422) and what was typed.
    func submit(_ req: Request, saved: TableForm?) async throws -> Response {
        let f = try await FormData.read(req)
        let (form, problems) = FormDesignerForm.read(f, code: saved?.code)
        var issues = problems
        var rows = FormDesignerForm.columnRows(f)
        if f["action"] == "addColumns" {
            rows += FormDesignerForm.spareColumns
            // The preview follows the unsaved definition once it is valid.
            let preview = issues.isEmpty ? form : saved
            return html(TableFormPage.render(.init(saved: saved, values: f, columnRows: rows, preview: preview, canEdit: true, csrf: req.csrf)))
        }
        if issues.isEmpty {
            do {
                try await req.store.saveTableForm(form, creating: saved == nil, owner: try await ownScope(req), by: req.actor)
                return req.redirect(to: SiteRoute.tableForm(code: form.code).path(message: "saved"), redirectType: .normal)
            } catch let e as StoreError {
                issues = [.error(saved == nil ? "code" : "", e.description)]
            }
        }
        let r = html(TableFormPage.render(.init(saved: saved, values: f, columnRows: rows, issues: issues, preview: saved,
                                                canEdit: true, csrf: req.csrf)))
        r.status = .unprocessableEntity
        return r
    }

    /// Creates a form from an uploaded or pasted JSON file, or replaces the form of the same code when asked.
    /// Nothing is saved unless the whole definition is valid.
    func importJSON(req: Request) async throws -> Response {
        try req.authorize(.setUp)
        let f = try await FormData.read(req)
        let uploaded = try await MultipartUpload.file(req).map { String(decoding: $0.data, as: UTF8.self) }
        let text = nonEmpty(uploaded) ?? f["json"] ?? ""
        guard text.utf8.count <= Self.maxImportBytes else {
            throw Abort(.payloadTooLarge, reason: t("Nội dung JSON quá lớn: tối đa %@ KB.", Self.maxImportBytes / 1024))
        }
        let replace = f["replace"] != nil
        var problems: [String]
        do {
            let form = try TableForm.fromJSON(Data(text.utf8))
            let exists = try await req.store.tableForm(form.code) != nil
            if replace, exists { try await authorizeChange(req, code: form.code) }
            try await req.store.saveTableForm(form, creating: !(replace && exists), owner: try await ownScope(req), by: req.actor)
            return req.redirect(to: SiteRoute.tableForm(code: form.code).path(message: "imported"), redirectType: .normal)
        } catch let e as FormDefinitionError {
            problems = e.problems.map(\.description)
        } catch let e as StoreError {
            problems = [e.description]
            if case .conflict = e { problems.append(t("Đánh dấu “Thay thế biểu mẫu đã có cùng mã” để thay thế.")) }
        }
        let r = html(TableFormsPage.render(.init(forms: try await req.store.tableForms(), canEdit: true, importText: text,
                                                 importReplace: replace, importProblems: problems, csrf: req.csrf)))
        r.status = .unprocessableEntity
        return r
    }

    func table(req: Request) async throws -> Response {
        html(ConsolidatedTablePage.render(try await model(req)))
    }

    func xlsx(req: Request) async throws -> Response {
        let m = try await model(req)
        let sheet = ReportSpreadsheet.withNotes(FormTableOutput.worksheet(m.table, name: String(m.table.form.form.code.prefix(31))), m.reading)
        let data = try await req.application.threadPool.runIfActive { try XLSXWriter().write(Workbook(sheets: [sheet])) }
        return download(data, ReportDownload.Format.xlsx.contentType, name: fileName(m, "xlsx"))
    }

    func csv(req: Request) async throws -> Response {
        let m = try await model(req)
        return download(ConsolidatedTablePage.csv(m.table, reading: m.reading), ReportDownload.Format.csv.contentType, name: fileName(m, "csv"))
    }

    // MARK: - Support

    /// The unit a new form belongs to: the scope of the account creating it.
    func ownScope(_ req: Request) async throws -> String {
        AccessPolicy.scope(of: try req.requireAccount(), in: try await req.store.unitTree())
    }

    func load(_ req: Request, _ code: String) async throws -> TableForm {
        guard let form = try await req.store.tableForm(code) else { throw Abort(.notFound, reason: t("Không có biểu mẫu \"%@\".", code)) }
        return form
    }

    /// The consolidated table for `?period=` (default: the latest period with entries, else the
    /// current year), narrowed to the account's scope: a province-wide account sees every unit,
    /// a unit's account its own subtree, with totals over those rows only.
    func model(_ req: Request) async throws -> ConsolidatedTablePage.Model {
        let account = try req.requireAccount()
        let form = try await load(req, req.parameters.get("code") ?? "")
        let entered = try await req.store.formPeriods(form.code)
        let period: Period
        if let raw = nonEmpty(req.query["period"]) {
            guard let p = Period(identifier: raw) else {
                throw Abort(.badRequest, reason: t("Mã kỳ báo cáo \"%@\" không hợp lệ (ví dụ 2024, 2024S1).", raw))
            }
            period = p
        } else {
            period = entered.first ?? .year(CalendarDate.today().year)
        }
        let tree = try await req.store.unitTree()
        let scope = AccessPolicy.scope(of: account, in: tree)
        let now = Date()
        let table = try await req.store.consolidatedForm(form.code, period: period, within: scope)
        let thisYear = Period.year(CalendarDate.today().year)
        let periods = Set(entered + [period, thisYear]).sorted(by: >)
        return .init(table: table, period: period, periods: periods, partial: tree[scope]?.parentCode != nil, reading: DataReading(readAt: now))
    }

    func fileName(_ m: ConsolidatedTablePage.Model, _ ext: String) -> String {
        "bieu-mau-\(m.table.form.form.code)-\(m.period.identifier).\(ext)"
    }

    func download(_ data: Data, _ type: String, name: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name)\""], body: .init(data: data))
    }
}
