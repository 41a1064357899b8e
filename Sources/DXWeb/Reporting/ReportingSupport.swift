import DXCore
import DXStore
import Foundation
import Vapor

/// What pages and the API share: finding a round and a report, and what the caller may do.
extension Request {
    func loadRound(_ key: String?) async throws -> ReportingRound {
        guard let key, let r = try await store.round(key) else {
            throw Abort(.notFound, reason: t("Không có đợt báo cáo \"%@\".", key ?? ""))
        }
        return r
    }

    func loadReport(_ round: ReportingRound, unit: String?) async throws -> UnitReport {
        guard let unit, let r = try await store.unitReport(round, unitCode: unit) else {
            throw Abort(.notFound, reason: t("Đơn vị \"%@\" không phải báo cáo trong đợt này.", unit ?? ""))
        }
        return r
    }
}

enum ReportRules {
    /// Why `account` may not change this report now, or nil.
    static func editRefusal(_ account: Account, _ report: UnitReport, tree: UnitTree, today: CalendarDate) -> String? {
        guard AccessPolicy.allows(account, .edit, unit: report.status.unit.code, in: tree) else { return AccessPolicy.refusal(.edit) }
        if report.round.closed { return t("Đợt báo cáo đã đóng: không sửa được nữa.") }
        return Workflow.editRefusal(role: account.role, state: report.status.state,
                                    locked: report.round.isLocked(on: today), lockDate: report.round.lockDate)
    }

    /// The workflow actions the account may take on the report in its current state.
    static func actions(_ account: Account, _ report: UnitReport, tree: UnitTree, today: CalendarDate) -> [WorkflowAction] {
        WorkflowAction.allCases.filter { a in
            guard refusal(a, account, report, tree: tree, today: today) == nil else { return false }
            return true
        }
    }

    /// Why the action is refused (status and message), or nil when it is allowed.
    static func refusal(_ a: WorkflowAction, _ account: Account, _ report: UnitReport, tree: UnitTree,
                        today: CalendarDate) -> (HTTPStatus, String)? {
        let unit = report.status.unit.code
        guard AccessPolicy.allows(account, a.permission, unit: unit, in: tree) else { return (.forbidden, AccessPolicy.refusal(a.permission)) }
        if report.round.closed { return (.conflict, t("Đợt báo cáo đã đóng.")) }
        do { _ = try Workflow.next(report.status.state, a, unitApproval: report.round.unitApproval) } catch { return (.conflict, error.description) }
        // With unit approval, the head of the unit sends the report up; the final approval is
        // the standing agency's.
        if a == .approve, account.role == .approver, report.round.unitApproval, report.status.state == .submitted {
            return (.forbidden, t("Phê duyệt cuối cùng thuộc cơ quan thường trực."))
        }
        if a == .submit, let why = editRefusal(account, report, tree: tree, today: today) { return (.forbidden, why) }
        return nil
    }

    static var today: CalendarDate { CalendarDate.today() }
}

/// Maps store errors to HTTP statuses with their Vietnamese sentence.
func httpError(_ error: any Error) -> any Error {
    switch error {
    case let e as StoreError:
        switch e {
        case .notFound: return Abort(.notFound, reason: e.description)
        case .invalid: return Abort(.unprocessableEntity, reason: e.description)
        case .conflict: return Abort(.conflict, reason: e.description)
        default: return error
        }
    case let e as Workflow.Illegal: return Abort(.conflict, reason: e.description)
    default: return error
    }
}
