import DXCore
import FluentKit
import Foundation
import SQLKit

/// The boundary between the database and the domain: Fluent models stay inside,
/// plain `DXCore` values come out.
public struct Store: Sendable {
    public let db: any Database
    /// The server's copy of the unit table, or nil to read it every time (the command line).
    let unitCache: UnitRowsCache?
    /// The server's copy of the plans it read, or nil to read them every time.
    let planCache: PlanContentsCache?
    /// The tokens a request that writes nothing has read, or nil to read them before each use.
    let snapshot: ReadSnapshotTokens?

    public init(_ db: any Database, unitCache: UnitRowsCache? = nil, planCache: PlanContentsCache? = nil,
                snapshot: ReadSnapshotTokens? = nil) {
        self.db = db
        self.unitCache = unitCache
        self.planCache = planCache
        self.snapshot = snapshot
    }

    var sql: any SQLDatabase {
        get throws {
            guard let s = db as? any SQLDatabase else { throw StoreError.invalid("Cơ sở dữ liệu không hỗ trợ SQL") }
            return s
        }
    }

    /// Fails with one clear sentence when the database cannot be reached; turns on WAL for SQLite.
    public func checkConnection(_ url: DatabaseURL) async throws {
        do {
            switch url {
            case .sqlite:
                try await sql.raw("PRAGMA journal_mode=WAL").run()
            case .postgres:
                try await sql.raw("SELECT 1").run()
            }
        } catch {
            throw StoreError.unreachable(url.description, reason: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        let text = String(reflecting: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "máy chủ từ chối kết nối" }
        if text.contains("password authentication failed") || text.contains("28P01") { return "sai tên đăng nhập hoặc mật khẩu" }
        if text.contains("3D000") || text.contains("does not exist") { return "cơ sở dữ liệu không tồn tại" }
        if text.contains("unable to open") || text.contains("SQLITE_CANTOPEN") { return "không mở được tệp" }
        if text.contains("timeout") || text.contains("Timeout") { return "hết thời gian chờ" }
        return String(describing: error)
    }

    /// Row counts of every table, to show what a load changed.
    public func counts() async throws -> [String: Int] {
        var result: [String: Int] = [:]
        result["units"] = try await UnitModel.query(on: db).count()
        result["plans"] = try await PlanModel.query(on: db).count()
        result["pillars"] = try await PillarModel.query(on: db).count()
        result["indicators"] = try await IndicatorModel.query(on: db).count()
        result["targets"] = try await TargetModel.query(on: db).count()
        result["tasks"] = try await TaskModel.query(on: db).count()
        result["documents"] = try await DocumentModel.query(on: db).count()
        result["dataValues"] = try await DataValueModel.query(on: db).count()
        result["taskReports"] = try await TaskReportModel.query(on: db).count()
        result["users"] = try await UserModel.query(on: db).count()
        result["scoringSchemes"] = try await ScoringSchemeModel.query(on: db).count()
        result["scoringInputs"] = try await ScoringInputModel.query(on: db).count()
        result["rounds"] = try await RoundModel.query(on: db).count()
        return result
    }
}

enum JSONList {
    static func encode(_ list: [String]) -> String {
        let data = (try? JSONEncoder().encode(list)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
