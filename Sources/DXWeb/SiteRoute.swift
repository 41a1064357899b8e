import Foundation

/// Every page and API path, used both to register routes and to build links.
public enum SiteRoute: Hashable, Sendable {
    case home
    case plan(slug: String)
    case units
    case health
    case stylesheet
    case apiPlans
    case apiPlanIndicators(slug: String)
    case apiPlanTasks(slug: String)
    case apiUnits
    case apiPeriod(id: String)

    public var path: String {
        switch self {
        case .home: "/"
        case .plan(let slug): "/plans/\(Self.component(slug))"
        case .units: "/units"
        case .health: "/healthz"
        case .stylesheet: "/static/style.css"
        case .apiPlans: "/api/v1/plans"
        case .apiPlanIndicators(let slug): "/api/v1/plans/\(Self.component(slug))/indicators"
        case .apiPlanTasks(let slug): "/api/v1/plans/\(Self.component(slug))/tasks"
        case .apiUnits: "/api/v1/units"
        case .apiPeriod(let id): "/api/v1/periods/\(Self.component(id))"
        }
    }

    static func component(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}
