import Foundation

/// Every page and API path, used both to register routes and to build links.
public enum SiteRoute: Hashable, Sendable {
    case home
    case plan(slug: String)
    case dashboard(slug: String, period: String?, unit: String?)
    case indicator(slug: String, code: String, period: String?, unit: String?)
    case report(slug: String, format: String, period: String, tasksPlan: String?)
    case rankings
    case ranking(scheme: String)
    case rankingUnit(scheme: String, unit: String)
    case units
    case health
    case stylesheet
    case apiPlans
    case apiPlanIndicators(slug: String)
    case apiPlanTasks(slug: String)
    case apiUnits
    case apiPeriod(id: String)
    case apiEvaluation(slug: String, period: String, unit: String?)
    case apiRanking(scheme: String)
    case reportTemplates
    case newReportTemplate(plan: String?)
    case reportTemplate(code: String, issue: ReportIssue?)
    case reportTemplateFile(code: String, format: String, issue: ReportIssue)
    case reportNarratives(code: String, period: String)

    public var path: String {
        switch self {
        case .home: "/"
        case .plan(let slug): "/plans/\(Self.component(slug))"
        case .dashboard(let slug, let period, let unit):
            "/plans/\(Self.component(slug))/dashboard" + Self.query(["period": period, "unit": unit])
        case .indicator(let slug, let code, let period, let unit):
            "/plans/\(Self.component(slug))/indicators/\(Self.component(code))" + Self.query(["period": period, "unit": unit])
        case .report(let slug, let format, let period, let tasksPlan):
            "/plans/\(Self.component(slug))/report.\(format)" + Self.query(["period": period, "tasks": tasksPlan])
        case .rankings: "/rankings"
        case .ranking(let scheme): "/rankings/\(Self.component(scheme))"
        case .rankingUnit(let scheme, let unit): "/rankings/\(Self.component(scheme))/units/\(Self.component(unit))"
        case .units: "/units"
        case .health: "/healthz"
        case .stylesheet: "/static/style.css"
        case .apiPlans: "/api/v1/plans"
        case .apiPlanIndicators(let slug): "/api/v1/plans/\(Self.component(slug))/indicators"
        case .apiPlanTasks(let slug): "/api/v1/plans/\(Self.component(slug))/tasks"
        case .apiUnits: "/api/v1/units"
        case .apiPeriod(let id): "/api/v1/periods/\(Self.component(id))"
        case .apiEvaluation(let slug, let period, let unit):
            "/api/v1/plans/\(Self.component(slug))/evaluation" + Self.query(["period": period, "unit": unit])
        case .apiRanking(let scheme): "/api/v1/rankings/\(Self.component(scheme))"
        case .reportTemplates: "/reports"
        case .newReportTemplate(let plan): "/reports/new" + Self.query(["plan": plan])
        case .reportTemplate(let code, let issue): "/reports/\(Self.component(code))" + (issue.map(Self.query) ?? "")
        case .reportTemplateFile(let code, let format, let issue): "/reports/\(Self.component(code))/report.\(format)" + Self.query(issue)
        case .reportNarratives(let code, let period): "/reports/\(Self.component(code))/narratives" + Self.query(["period": period])
        }
    }

    /// "?period=2024S1&unit=34", in a fixed order; empty when every value is nil.
    static func query(_ items: KeyValuePairs<String, String?>) -> String {
        let parts = items.compactMap { k, v in v.map { "\(k)=\(component($0))" } }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    static func query(_ issue: ReportIssue) -> String {
        query(["period": issue.period, "number": issue.number.map(String.init), "date": issue.date?.iso])
    }

    static func component(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}
