import DXCore
import DXImport
import DXStore
import Foundation
import Vapor

/// DHIS2's `/api/dataValueSets`, so that a DHIS2 instance or a script can push and pull figures
/// (docs/import-export.md). Identifiers are dxtrack's codes (DHIS2's idScheme `CODE`); the
/// plan is `?plan=` or the file's `dataSet`.
struct DataValueSetsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.register(.GET, .apiDataValueSets, use: get)
        routes.register(.POST, .apiDataValueSets, body: .collect(maxSize: ByteCount(value: UploadLimits.maxBodyBytes)), use: post)
    }

    /// DHIS2's import summary, with Vietnamese descriptions. Counts are dxtrack values: a rate
    /// sent as numerator and denominator is one value.
    struct ImportSummary: Codable {
        struct Count: Codable { var imported, updated, ignored, deleted: Int }
        struct Conflict: Codable { var object, value: String }
        var responseType = "ImportSummary"
        var status: String
        var description: String
        var importCount: Count
        var conflicts: [Conflict]
    }

    static func refusal(_ status: HTTPStatus, _ description: String, conflicts: [(String, String)]) throws -> Response {
        try apiJSON(ImportSummary(status: "ERROR", description: description, importCount: .init(imported: 0, updated: 0, ignored: 0, deleted: 0),
                                  conflicts: conflicts.prefix(1_000).map { ImportSummary.Conflict(object: $0.0, value: $0.1) }),
                    status: status)
    }

    /// The object a message is about: its place ("dataValues[3]", "Dòng 12"), the text before
    /// the first colon.
    static func conflict(_ message: String) -> (String, String) {
        guard let colon = message.firstIndex(of: ":") else { return ("", message) }
        return (String(message[..<colon]), message[message.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    func post(req: Request) async throws -> Response {
        let account = try req.requireAPIAccount()
        guard AccessPolicy.roleAllows(account.role, .edit), !account.disabled else {
            return try Self.refusal(.forbidden, AccessPolicy.refusal(.edit), conflicts: [])
        }
        var dryRun = false
        if let raw: String = req.query["dryRun"] {
            guard ["true", "false"].contains(raw) else {
                return try Self.refusal(.badRequest, "Tham số dryRun chỉ nhận true hoặc false.", conflicts: [("dryRun", raw)])
            }
            dryRun = raw == "true"
        }
        let plan = nonEmpty(req.query["plan"])
        if let plan, plan.count > FieldLimit.code.maxCharacters {
            return try Self.refusal(.badRequest, "Mã kế hoạch quá dài.", conflicts: [("plan", FieldLimit.excerpt(plan))])
        }
        let data = req.body.data.map { Data($0.readableBytesView) } ?? Data()
        // The body is recognised by its shape; the content type only has to agree with it.
        guard let read = DHIS2Reader.read(data, name: "ADX", defaultPlan: plan) else {
            return try Self.refusal(.badRequest, "Nội dung phải là dataValueSets JSON (application/json) hoặc ADX XML (application/adx+xml).", conflicts: [])
        }
        if read.unreadable {
            return try Self.refusal(.badRequest, read.errors.first ?? "Nội dung không đọc được.", conflicts: read.errors.map(Self.conflict))
        }
        guard read.errors.isEmpty else {
            return try Self.refusal(.conflict, "Có \(VNNumber.format(Double(read.errors.count))) lỗi, không nhập gì.", conflicts: read.errors.map(Self.conflict))
        }
        let lengths = read.rows.flatMap { row in row.value.lengthProblems.map { read.located("Dòng \(row.line): \($0)") } }
        guard lengths.isEmpty else {
            return try Self.refusal(.conflict, "Có \(VNNumber.format(Double(lengths.count))) lỗi, không nhập gì.", conflicts: lengths.map(Self.conflict))
        }

        // Scope first: a unit outside the account's subtree is refused whatever else is wrong.
        let tree = try await req.store.unitTree()
        var outside: [(String, String)] = []
        var seenUnits = Set<String>()
        for row in read.rows where seenUnits.insert(row.value.unitCode).inserted {
            let unit = row.value.unitCode
            if tree[unit] != nil, !AccessPolicy.allows(account, .edit, unit: unit, in: tree) {
                outside.append(("orgUnit \(unit)", "Đơn vị \(unit) ngoài phạm vi của tài khoản: \(AccessPolicy.refusal(.edit))"))
            }
        }
        guard outside.isEmpty else {
            return try Self.refusal(.forbidden, AccessPolicy.refusal(.edit), conflicts: outside)
        }
        // A report already sent up changes only by reopening it, which only coordinators may do.
        var sent: [(String, String)] = []
        var statusByPlan: [String: DataStatus] = [:]
        for row in read.rows {
            let v = row.value
            if AccessPolicy.allows(account, .reopen, unit: v.unitCode, in: tree) { continue }
            if statusByPlan[v.planCode] == nil { statusByPlan[v.planCode] = try await req.store.dataStatus(plan: v.planCode) }
            if statusByPlan[v.planCode]!.isSent(planCode: v.planCode, unitCode: v.unitCode, periodID: v.periodID) {
                sent.append(Self.conflict(read.located("Dòng \(row.line): báo cáo của đơn vị \(v.unitCode) kỳ \(v.periodID) đã gửi lên; cần cơ quan thường trực mở lại trước khi sửa số liệu")))
            }
        }
        guard sent.isEmpty else {
            return try Self.refusal(.conflict, "Có \(VNNumber.format(Double(sent.count))) số liệu thuộc báo cáo đã gửi, không nhập gì.", conflicts: sent)
        }

        let outcome = try await req.store.importValues(read.rows, dryRun: dryRun)
        guard outcome.errors.isEmpty else {
            let total = outcome.errors.count + outcome.omittedErrors
            return try Self.refusal(.conflict, "Có \(VNNumber.format(Double(total))) lỗi, không nhập gì.",
                                    conflicts: outcome.errors.map { Self.conflict(read.located($0)) })
        }
        let n = { (x: Int) in VNNumber.format(Double(x)) }
        return try apiJSON(ImportSummary(
            status: "SUCCESS",
            description: (dryRun ? "Chạy thử, chưa ghi gì: " : "Đã nhập: ") + "\(n(outcome.created)) thêm mới, \(n(outcome.updated)) cập nhật, \(n(outcome.unchanged)) không đổi.",
            importCount: .init(imported: outcome.created, updated: outcome.updated, ignored: outcome.unchanged, deleted: 0),
            conflicts: read.warnings.map(Self.conflict).map { ImportSummary.Conflict(object: $0.0, value: $0.1) }))
    }

    /// Counted figures of a plan, for `orgUnit` (and its subtree with `children=true`) or every
    /// unit in the caller's scope; as ADX when the client accepts only XML.
    func get(req: Request) async throws -> Response {
        let account = try req.requireAPIAccount()
        guard let planKey = nonEmpty(req.query["plan"]) else {
            throw Abort(.badRequest, reason: "Thiếu tham số plan (mã hoặc slug của kế hoạch).")
        }
        guard let plan = try await req.store.plan(slugOrCode: planKey) else {
            throw Abort(.notFound, reason: "Không có kế hoạch \"\(FieldLimit.excerpt(planKey))\".")
        }
        var periodID: String?
        if let p = nonEmpty(req.query["period"]) {
            do { periodID = try Period.fromDHIS2(p).identifier } catch {
                throw Abort(.badRequest, reason: "Tham số period: \(error.message).")
            }
        }
        var children = false
        if let raw: String = req.query["children"] {
            guard ["true", "false"].contains(raw) else { throw Abort(.badRequest, reason: "Tham số children chỉ nhận true hoặc false.") }
            children = raw == "true"
        }
        let tree = try await req.store.unitTree()
        let units: Set<String>
        if let ou = nonEmpty(req.query["orgUnit"]) {
            guard tree[ou] != nil else { throw Abort(.notFound, reason: "Không có đơn vị mã \(FieldLimit.excerpt(ou)).") }
            guard AccessPolicy.allows(account, .read, unit: ou, in: tree) else { throw Abort(.forbidden, reason: AccessPolicy.refusal(.read)) }
            units = children ? Set(tree.subtree(of: ou).map(\.code)) : [ou]
        } else {
            units = Set(tree.subtree(of: AccessPolicy.scope(of: account, in: tree)).map(\.code))
        }
        // Periods DHIS2 has no type for (nine months, date ranges) are not part of the answer.
        let values = try await req.store.values(planCode: plan.code, periodID: periodID)
            .filter { units.contains($0.unitCode) && (Period(identifier: $0.periodID)?.isDHIS2 ?? false) }
            .sorted(by: DataValue.transferOrder)
        let accept = req.headers[.accept].joined(separator: ",").lowercased()
        let adx = accept.contains("adx+xml") || (accept.contains("application/xml") && !accept.contains("json"))
        let written = Result { () throws(DHIS2Writer.Refusal) -> Data in
            adx ? try DHIS2Writer.adx(values, planCode: plan.code) : try DHIS2Writer.json(values, planCode: plan.code)
        }
        switch written {
        case .failure(let e):
            throw Abort(.badRequest, reason: e.message)
        case .success(let data):
            return Response(status: .ok, headers: ["Content-Type": adx ? "application/adx+xml; charset=utf-8" : "application/json; charset=utf-8"],
                            body: .init(data: data))
        }
    }
}
