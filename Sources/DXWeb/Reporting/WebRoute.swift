import Foundation

/// The paths of login, reporting and administration pages, used both to register routes and to
/// build links (kept apart from `SiteRoute` so the two areas grow without touching each other).
enum WebRoute: Hashable, Sendable {
    case login(next: String?)
    case logout
    case rounds
    case newRound
    case round(String)
    case roundCSV(String)
    case roundClose(String)
    case report(round: String, unit: String)
    case reportAction(round: String, unit: String, action: String)
    case audit(round: String?, unit: String?, subject: String?)
    case accounts
    case accountAction(username: String, action: String)

    var path: String {
        let c = SiteRoute.component
        switch self {
        case .login(let next):
            guard let n = next, n.hasPrefix("/"), !n.hasPrefix("//") else { return "/login" }
            return "/login?next=" + c(n)
        case .logout: return "/logout"
        case .rounds: return "/rounds"
        case .newRound: return "/rounds/new"
        case .round(let r): return "/rounds/\(c(r))"
        case .roundCSV(let r): return "/rounds/\(c(r))/completeness.csv"
        case .roundClose(let r): return "/rounds/\(c(r))/close"
        case .report(let r, let u): return "/rounds/\(c(r))/units/\(c(u))"
        case .reportAction(let r, let u, let a): return "/rounds/\(c(r))/units/\(c(u))/\(a)"
        case .audit(let r, let u, let s):
            let q = [("round", r), ("unit", u), ("subject", s)].compactMap { k, v in v.map { "\(k)=\(c($0))" } }
            return "/audit" + (q.isEmpty ? "" : "?" + q.joined(separator: "&"))
        case .accounts: return "/admin/accounts"
        case .accountAction(let u, let a): return "/admin/accounts/\(c(u))/\(a)"
        }
    }
}
