import DXCore
import DXDocuments
import DXImport
import DXStore
import Foundation
import Vapor

/// The Excel round trip of a unit's report: the fill-in workbook, its upload with a preview of
/// changes and errors, and "Áp dụng", which writes the changes in one save.
struct ExcelRoundTripController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .unitReportWorkbook, use: template)
        routes.register(.GET, .roundWorkbook, use: roundTemplate)
        routes.register(.POST, .unitReportUpload,
                        body: .collect(maxSize: ByteCount(value: UploadLimits.maxBodyBytes)), use: upload)
        routes.register(.POST, .unitReportUploadApply, use: apply)
        routes.register(.POST, .roundUpload, body: .collect(maxSize: ByteCount(value: UploadLimits.maxBodyBytes)), use: roundUpload)
        routes.register(.POST, .roundUploadApply, use: roundApply)
    }

    func template(req: Request) async throws -> Response {
        let round = try await req.loadRound(req.parameters.get("round"))
        let unit = req.parameters.get("unit") ?? ""
        try req.authorize(.read, unit: unit, tree: try await req.store.unitTree())
        let report = try await req.loadReport(round, unit: unit)
        return try xlsx(RoundWorkbook.workbook([report], allUnits: false), name: "bao-cao-\(round.code)-\(unit).xlsx")
    }

    /// Every unit of the round in one workbook, for the standing agency.
    func roundTemplate(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        try req.authorize(.manageRounds, owner: round.ownerUnitCode, tree: tree)
        guard req.query[String.self, at: "units"] == "all" else {
            throw Abort(.badRequest, reason: t("Thêm tham số units=all để tải mẫu của tất cả đơn vị."))
        }
        var reports: [UnitReport] = []
        for e in try await req.store.completeness(round) where AccessPolicy.isInScope(account, unit: e.unitCode, in: tree) {
            if let r = try await req.store.unitReport(round, unitCode: e.unitCode) { reports.append(r) }
        }
        guard !reports.isEmpty else { throw Abort(.notFound, reason: t("Đợt báo cáo không có đơn vị nào trong phạm vi của bạn.")) }
        return try xlsx(RoundWorkbook.workbook(reports, allUnits: true), name: "bao-cao-\(round.code)-tat-ca-don-vi.xlsx")
    }

    private func xlsx(_ workbook: Workbook, name: String) throws -> Response {
        Response(status: .ok, headers: [
            "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Disposition": "attachment; filename=\"\(name)\"",
        ], body: .init(data: try XLSXWriter().write(workbook)))
    }

    /// The report, after the checks that allow changing it.
    private func editableReport(_ req: Request) async throws -> (ReportingRound, UnitReport) {
        let account = try req.requireAccount()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        let unit = req.parameters.get("unit") ?? ""
        try req.authorize(.edit, unit: unit, tree: tree)
        let report = try await req.loadReport(round, unit: unit)
        if let why = ReportRules.editRefusal(account, report, tree: tree, today: ReportRules.today) { throw Abort(.forbidden, reason: why) }
        return (round, report)
    }

    /// The file checked against the report, or the reason it cannot be read at all.
    private func check(_ data: Data, _ report: UnitReport) -> Result<RoundWorkbookUpload, XLSXError> {
        Result { () throws(XLSXError) in
            try RoundWorkbookReader.read(RoundWorkbookReader.open(data), reports: [report], allUnits: false)
        }
    }

    func upload(req: Request) async throws -> Response {
        let (round, report) = try await editableReport(req)
        guard let file = try await MultipartUpload.file(req) else {
            throw Abort(.badRequest, reason: t("Chưa chọn tệp Excel (.xlsx) để tải lên."))
        }
        var page = UploadPreviewPage.Model(round: round, report: report, fileName: file.name, csrf: req.csrf)
        switch check(file.data, report) {
        case .failure(let e):
            page.refusal = e.message
            return html(UploadPreviewPage.render(page), status: .unprocessableEntity)
        case .success(let result):
            page.result = result
            guard result.errors.isEmpty else { return html(UploadPreviewPage.render(page), status: .unprocessableEntity) }
            if !result.changes.isEmpty {
                page.uploadID = try UploadStash.put(file.data, UploadStash.Ticket(
                    username: req.actor.username, session: UploadStash.sessionHash(req.csrf), round: round.code,
                    unit: report.status.unit.code, versions: [report.status.unit.code: report.status.version], fileName: file.name, created: Date()))
            }
            return html(UploadPreviewPage.render(page))
        }
    }

    func apply(req: Request) async throws -> Response {
        let (round, report) = try await editableReport(req)
        let unit = report.status.unit.code
        let form = try await FormData.read(req)
        guard let id = form["upload"], let stashed = UploadStash.get(id, matching: {
            $0.username == req.actor.username && $0.session == UploadStash.sessionHash(req.csrf) && $0.round == round.code && $0.unit == unit
        }) else {
            throw Abort(.gone, reason: t("Không còn tệp đã tải lên (đã áp dụng, quá một giờ hoặc của phiên khác). Hãy tải tệp lên lại."))
        }
        let (ticket, data) = stashed
        var page = UploadPreviewPage.Model(round: round, report: report, fileName: ticket.fileName, csrf: req.csrf)
        // Checked again: the preview's result is not trusted from anywhere.
        guard case .success(let result) = check(data, report), result.errors.isEmpty else {
            page.result = try? check(data, report).get()
            return html(UploadPreviewPage.render(page), status: .unprocessableEntity)
        }
        let outcome: SaveOutcome
        do {
            outcome = try await req.store.saveReport(round, unitCode: unit, patch: result.units.first?.patch ?? ReportPatch(),
                                                     baseVersion: ticket.versions[unit] ?? report.status.version, by: req.actor)
        } catch let c as ReportConflict {
            page.result = result
            page.conflict = c
            return html(UploadPreviewPage.render(page), status: .conflict)
        } catch {
            throw httpError(error)
        }
        UploadStash.remove(id)
        let msg = outcome == .unchanged(version: outcome.version) ? "unchanged" : "saved"
        return req.redirect(to: SiteRoute.unitReport(round: round.code, unit: unit).path(message: msg), redirectType: .normal)
    }
}

extension ExcelRoundTripController {
    /// The reports of the round within the coordinator's scope, and the check of a workbook of
    /// every unit against them: a unit whose report may not be changed now (approved, closed)
    /// is an error when the file changes it.
    private func roundReports(_ req: Request) async throws -> (ReportingRound, [UnitReport], (Data) -> Result<RoundWorkbookUpload, XLSXError>) {
        let account = try req.requireAccount()
        let round = try await req.loadRound(req.parameters.get("round"))
        let tree = try await req.store.unitTree()
        try req.authorize(.manageRounds, owner: round.ownerUnitCode, tree: tree)
        var reports: [UnitReport] = []
        for e in try await req.store.completeness(round) where AccessPolicy.isInScope(account, unit: e.unitCode, in: tree) {
            if let r = try await req.store.unitReport(round, unitCode: e.unitCode) { reports.append(r) }
        }
        let today = ReportRules.today
        let check = { (data: Data) -> Result<RoundWorkbookUpload, XLSXError> in
            Result { () throws(XLSXError) in
                var result = try RoundWorkbookReader.read(RoundWorkbookReader.open(data), reports: reports, allUnits: true)
                for u in result.units where !u.patch.isEmpty {
                    if let why = ReportRules.editRefusal(account, u.report, tree: tree, today: today) {
                        result.issues.append(WorkbookIssue(unit: u.report.status.unit.code, message: t("Đơn vị %@: %@", u.report.status.unit.code, translated(why)), isError: true))
                    }
                }
                return result
            }
        }
        return (round, reports, check)
    }

    func roundUpload(req: Request) async throws -> Response {
        let (round, reports, check) = try await roundReports(req)
        guard let file = try await MultipartUpload.file(req) else {
            throw Abort(.badRequest, reason: t("Chưa chọn tệp Excel (.xlsx) để tải lên."))
        }
        var page = UploadPreviewPage.Model(round: round, report: nil, fileName: file.name, csrf: req.csrf)
        switch check(file.data) {
        case .failure(let e):
            page.refusal = e.message
            return html(UploadPreviewPage.render(page), status: .unprocessableEntity)
        case .success(let result):
            page.result = result
            guard result.errors.isEmpty else { return html(UploadPreviewPage.render(page), status: .unprocessableEntity) }
            if !result.changes.isEmpty {
                page.uploadID = try UploadStash.put(file.data, UploadStash.Ticket(
                    username: req.actor.username, session: UploadStash.sessionHash(req.csrf), round: round.code, unit: RoundWorkbook.allUnitsMarker,
                    versions: Dictionary(reports.map { ($0.status.unit.code, $0.status.version) }, uniquingKeysWith: { a, _ in a }),
                    fileName: file.name, created: Date()))
            }
            return html(UploadPreviewPage.render(page))
        }
    }

    /// Every unit's changes in one transaction: one conflict and no unit is changed.
    func roundApply(req: Request) async throws -> Response {
        let (round, _, check) = try await roundReports(req)
        let form = try await FormData.read(req)
        guard let id = form["upload"], let stashed = UploadStash.get(id, matching: {
            $0.username == req.actor.username && $0.session == UploadStash.sessionHash(req.csrf) && $0.round == round.code
                && $0.unit == RoundWorkbook.allUnitsMarker
        }) else {
            throw Abort(.gone, reason: t("Không còn tệp đã tải lên (đã áp dụng, quá một giờ hoặc của phiên khác). Hãy tải tệp lên lại."))
        }
        let (ticket, data) = stashed
        var page = UploadPreviewPage.Model(round: round, report: nil, fileName: ticket.fileName, csrf: req.csrf)
        guard case .success(let result) = check(data), result.errors.isEmpty else {
            page.result = try? check(data).get()
            return html(UploadPreviewPage.render(page), status: .unprocessableEntity)
        }
        let actor = req.actor
        let changed = result.units.filter { !$0.patch.isEmpty }
        do {
            try await req.db.transaction { tx in
                for u in changed {
                    let code = u.report.status.unit.code
                    _ = try await Store(tx).saveReport(round, unitCode: code, patch: u.patch,
                                                       baseVersion: ticket.versions[code] ?? u.report.status.version, by: actor)
                }
            }
        } catch let c as ReportConflict {
            page.result = result
            page.conflict = c
            return html(UploadPreviewPage.render(page), status: .conflict)
        } catch {
            throw httpError(error)
        }
        UploadStash.remove(id)
        return req.redirect(to: SiteRoute.round(round.code).path, redirectType: .normal)
    }
}

/// Multipart bodies (file uploads): collected up to the upload limit and refused beyond it with
/// a Vietnamese 413. Their text fields are what `FormData.read` gives, so the CSRF middleware
/// checks the `_csrf` field of an upload as it does for any form.
enum MultipartUpload {
    static func isMultipart(_ req: Request) -> Bool {
        req.headers.contentType.map { $0.type == "multipart" && $0.subType == "form-data" } ?? false
    }

    static func collect(_ req: Request) async throws -> ByteBuffer {
        let tooLarge = Abort(.payloadTooLarge, reason: t("Tệp tải lên quá lớn (tối đa %@ MB).", UploadLimits.maxFileBytes / 1_048_576))
        if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > UploadLimits.maxBodyBytes { throw tooLarge }
        let body: ByteBuffer?
        do {
            body = try await req.body.collect(max: UploadLimits.maxBodyBytes).get()
        } catch let e as any AbortError where e.status == .payloadTooLarge {
            throw tooLarge
        }
        // An already collected body (tests, proxies) skips the limit of `collect`.
        guard (body?.readableBytes ?? 0) <= UploadLimits.maxBodyBytes else { throw tooLarge }
        return body ?? ByteBuffer()
    }

    /// The text fields of the upload forms; the file itself is read with `file(_:)`.
    private struct Fields: Decodable {
        var _csrf: String?
        var upload: String?
        var json: String?
        var replace: String?
    }

    static func fields(_ req: Request) async throws -> FormData {
        _ = try await collect(req)
        let f = try? req.content.decode(Fields.self)
        return FormData(pairs: [("_csrf", f?._csrf), ("upload", f?.upload), ("json", f?.json), ("replace", f?.replace)]
            .compactMap { k, v in v.map { (k, $0) } })
    }

    private struct Upload: Decodable {
        var file: File?
    }

    /// The uploaded file (field `file`), nil when none was chosen.
    static func file(_ req: Request) async throws -> (name: String, data: Data)? {
        guard isMultipart(req) else { return nil }
        _ = try await collect(req)
        guard let file = try? req.content.decode(Upload.self).file, file.data.readableBytes > 0 else { return nil }
        return (file.filename, Data(file.data.readableBytesView))
    }
}

/// Keeps an uploaded file between its preview and "Áp dụng" without trusting the client.
///
/// The file itself is kept — not the parsed changes — in a private temporary folder under a
/// random id: on apply it is read and checked again against the report and saved with the
/// version the preview was made on, so a report changed meanwhile gives the usual conflict.
/// The ticket binds the id to the account, the session (a hash of its CSRF token), the round,
/// the unit and that version; the client sends only the id. Files are removed once applied or
/// after an hour. One server is assumed: several behind a balancer would need a shared table.
enum UploadStash {
    struct Ticket: Codable {
        var username: String
        var session: String
        var round: String
        var unit: String
        /// The version of each report when the file was checked.
        var versions: [String: Int]
        var fileName: String
        var created: Date
    }

    static let lifetime: TimeInterval = 3600

    static var directory: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-uploads", isDirectory: true)
    }

    static func sessionHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func put(_ data: Data, _ ticket: Ticket) throws -> String {
        purge()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let id = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try data.write(to: directory.appendingPathComponent(id + ".xlsx"), options: .atomic)
        try JSONEncoder().encode(ticket).write(to: directory.appendingPathComponent(id + ".json"), options: .atomic)
        return id
    }

    static func get(_ id: String, matching accept: (Ticket) -> Bool) -> (Ticket, Data)? {
        // Only ids this code made: 32 hexadecimal digits, so no path can be smuggled in.
        guard id.count == 32, id.allSatisfy(\.isHexDigit),
              let json = try? Data(contentsOf: directory.appendingPathComponent(id + ".json")),
              let ticket = try? JSONDecoder().decode(Ticket.self, from: json),
              Date().timeIntervalSince(ticket.created) < lifetime, accept(ticket),
              let data = try? Data(contentsOf: directory.appendingPathComponent(id + ".xlsx")) else { return nil }
        return (ticket, data)
    }

    static func remove(_ id: String) {
        guard id.count == 32, id.allSatisfy(\.isHexDigit) else { return }
        for ext in ["xlsx", "json"] { try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(id).\(ext)")) }
    }

    private static func purge() {
        let fm = FileManager.default
        guard let files = try? fm.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey]) else { return }
        for f in files {
            let date = (try? f.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast
            if Date().timeIntervalSince(date) > lifetime { try? fm.removeItem(at: f) }
        }
    }
}

func html(_ body: String, status: HTTPStatus) -> Response {
    let r = html(body)
    r.status = status
    return r
}
