import DXCore
import DXStore
import Vapor

/// The coordinator's preview of figures that do not count yet ("kể cả số liệu chưa gửi") and
/// the lines every page with figures shows about how they were read.
enum DataPreview {
    /// `?drafts=1` on pages and report downloads.
    static let parameter = "drafts"

    static func asked(_ req: Request, name: String = parameter) -> Bool {
        guard let v: String = req.query[name] else { return false }
        return ["1", "true", "yes", "on"].contains(v.lowercased())
    }

    /// Whether the signed-in account may preview the unit's unsubmitted figures.
    static func allowed(_ req: Request, unit: String, tree: UnitTree) -> Bool {
        guard let account = req.account else { return false }
        return AccessPolicy.mayPreviewUnsubmitted(account, unit: unit, in: tree)
    }

    /// The unit a plan's page or report is about: `?unit=` or the plan's default.
    static func unit(_ req: Request, plan key: String) async throws -> (unit: String, tree: UnitTree)? {
        guard let plan = try await req.store.plan(slugOrCode: key) else { return nil }
        let tree = try await req.store.unitTree()
        return (nonEmpty(req.query["unit"]) ?? PlanEvaluation.defaultUnit(for: plan, in: tree), tree)
    }

    /// For pages and downloads: a preview asked by someone who may not have it quietly gives
    /// the counted figures, which that person may read anyway (the API refuses instead).
    static func granted(_ req: Request, plan key: String) async throws -> (asked: Bool, allowed: Bool) {
        guard let scope = try await unit(req, plan: key) else { return (false, false) }
        let allowed = allowed(req, unit: scope.unit, tree: scope.tree)
        return (asked(req) && allowed, allowed)
    }

    /// `path` with the preview asked for.
    static func previewing(_ path: String) -> String {
        path + (path.contains("?") ? "&" : "?") + "\(parameter)=1"
    }

    /// The banner of a page that includes unsubmitted figures, and when the figures were read.
    static func banner(_ reading: DataReading?) -> Node {
        guard let reading else { return .empty }
        return .group {
            if reading.includesUnsubmitted {
                Node.p(.class("warn"), .id("unsubmitted-banner")) {
                    Node.strong(text: t("Bao gồm số liệu chưa gửi, chưa được duyệt — không dùng làm số liệu chính thức."))
                }
            }
            Node.p(.class("hint"), .id("data-read-at"), text: readLine(reading))
        }
    }

    /// "Số liệu tính đến 14 giờ 05 ngày 20/12/2024" (DXCore's line), or its English version.
    static func readLine(_ reading: DataReading) -> String {
        guard Language.current == .en else { return reading.lineVI }
        let v = DataReading.vietnamTime(reading.readAt)
        return t("Số liệu tính đến %@ giờ %@ ngày %@", v.hour, v.minute < 10 ? "0\(v.minute)" : "\(v.minute)", VNDate.numeric(v.date))
    }
}
