import Foundation

/// Every page and API path, used both to register routes and to build links, so that a path is
/// spelled in one place only: `pattern` (SiteRoutePattern.swift) is what the app registers, and
/// `SiteRoute(method:path:)` reads a path back into its case.
public enum SiteRoute: Hashable, Sendable {
    // Public pages and evaluations.
    case home
    case plan(slug: String)
    case dashboard(slug: String, period: String?, unit: String?)
    case indicator(slug: String, code: String, period: String?, unit: String?)
    case report(slug: String, format: String, period: String, tasksPlan: String?)
    case rankings
    case ranking(scheme: String)
    case rankingUnit(scheme: String, unit: String)
    case units
    /// Which closed unit's successor takes over: the page and its form (GET, POST).
    case unitSuccessors
    case unitSuccessorAccounts

    // Operations and static files.
    case health
    case ready
    case metrics
    case stylesheet
    case pickerScript
    case openAPI

    // Login and the signed-in user's own settings.
    case login(next: String?)
    case logout
    case accountLanguage
    case accountNotices

    // Reporting rounds.
    case rounds
    case newRound
    case round(String)
    case roundCSV(String)
    case roundClose(String)
    case unitReport(round: String, unit: String)
    case unitReportAction(round: String, unit: String, action: String)
    case unitReportWorkbook(round: String, unit: String)
    case unitReportUpload(round: String, unit: String)
    case unitReportUploadApply(round: String, unit: String)
    case roundWorkbook(String)
    case roundUpload(String)
    case roundUploadApply(String)
    case audit(round: String?, unit: String?, subject: String?)

    // Administration of accounts.
    case accounts
    case accountAction(username: String, action: String)

    // Set-up of plans, indicators, tasks, units and documents. A nil code is the "new" form.
    case setup(query: String?)
    case setupNewPlan
    case setupPlan(slug: String)
    case setupIndicator(plan: String, code: String?)
    case setupIndicatorArchive(plan: String, code: String)
    case setupTask(plan: String, code: String?)
    case setupTaskArchive(plan: String, code: String)
    case setupUnit(code: String?)
    case setupUnitHeading(code: String)
    case lint
    case ingest
    case ingestConfirm
    case setupDocument(number: String?)

    // Table forms.
    case tableForms
    case newTableForm
    case importTableForm
    case tableForm(code: String)
    case tableFormJSON(code: String)
    /// The consolidated table: the page (`format` nil), `xlsx` or `csv`.
    case tableFormTable(code: String, format: String?, period: String?)

    // JSON API.
    case apiPlans
    case apiPlanIndicators(slug: String)
    case apiPlanTasks(slug: String)
    case apiUnits
    case apiPeriod(id: String)
    case apiEvaluation(slug: String, period: String, unit: String?)
    case apiRanking(scheme: String)
    /// DHIS2's data value sets: GET with `plan`, `period`, `orgUnit`; POST a JSON or ADX body.
    case apiDataValueSets(plan: String?, period: String?, orgUnit: String?)
    case apiMe
    case apiRounds
    /// A unit's report: GET reads it, PATCH changes values.
    case apiUnitReport(round: String, unit: String)
    case apiUnitReportAction(round: String, unit: String, action: String)
    case apiRoundCompleteness(String)
    case apiAudit(round: String?, unit: String?, subject: String?)

    // Report templates.
    case reportTemplates
    case newReportTemplate(plan: String?)
    case reportTemplate(code: String, issue: ReportIssue?)
    case reportTemplateFile(code: String, format: String, issue: ReportIssue)
    case reportNarratives(code: String, period: String)

    /// The path segment of the set-up forms that create a new item.
    static let newItem = "moi"

    public var path: String {
        let c = Self.component
        switch self {
        case .home: return "/"
        case .plan(let slug): return "/plans/\(c(slug))"
        case .dashboard(let slug, let period, let unit):
            return "/plans/\(c(slug))/dashboard" + Self.query(["period": period, "unit": unit])
        case .indicator(let slug, let code, let period, let unit):
            return "/plans/\(c(slug))/indicators/\(c(code))" + Self.query(["period": period, "unit": unit])
        case .report(let slug, let format, let period, let tasksPlan):
            return "/plans/\(c(slug))/report.\(c(format))" + Self.query(["period": period, "tasks": tasksPlan])
        case .rankings: return "/rankings"
        case .ranking(let scheme): return "/rankings/\(c(scheme))"
        case .rankingUnit(let scheme, let unit): return "/rankings/\(c(scheme))/units/\(c(unit))"
        case .units: return "/units"
        case .unitSuccessors: return "/units/successors"
        case .unitSuccessorAccounts: return "/units/successors/accounts"
        case .health: return "/healthz"
        case .ready: return "/readyz"
        case .metrics: return "/metrics"
        case .stylesheet: return "/static/style.css"
        case .pickerScript: return "/static/picker.js"
        case .openAPI: return "/api/v1/openapi.json"

        case .login(let next):
            // Only a path of this site: "//host" would send the browser elsewhere after login.
            guard let n = next, n.hasPrefix("/"), !n.hasPrefix("//") else { return "/login" }
            return "/login?next=" + c(n)
        case .logout: return "/logout"
        case .accountLanguage: return "/account/language"
        case .accountNotices: return "/account/notices"

        case .rounds: return "/rounds"
        case .newRound: return "/rounds/new"
        case .round(let r): return "/rounds/\(c(r))"
        case .roundCSV(let r): return "/rounds/\(c(r))/completeness.csv"
        case .roundClose(let r): return "/rounds/\(c(r))/close"
        case .unitReport(let r, let u): return "/rounds/\(c(r))/units/\(c(u))"
        case .unitReportAction(let r, let u, let a): return "/rounds/\(c(r))/units/\(c(u))/\(c(a))"
        case .unitReportWorkbook(let r, let u): return "/rounds/\(c(r))/units/\(c(u))/report.xlsx"
        case .unitReportUpload(let r, let u): return "/rounds/\(c(r))/units/\(c(u))/upload"
        case .unitReportUploadApply(let r, let u): return "/rounds/\(c(r))/units/\(c(u))/upload/apply"
        case .roundWorkbook(let r): return "/rounds/\(c(r))/report.xlsx?units=all"
        case .roundUpload(let r): return "/rounds/\(c(r))/upload"
        case .roundUploadApply(let r): return "/rounds/\(c(r))/upload/apply"
        case .audit(let r, let u, let s): return "/audit" + Self.query(["round": r, "unit": u, "subject": s])

        case .accounts: return "/admin/accounts"
        case .accountAction(let u, let a): return "/admin/accounts/\(c(u))/\(c(a))"

        case .setup(let q): return "/setup" + Self.query(["q": q])
        case .setupNewPlan: return "/setup/new-plan"
        case .setupPlan(let slug): return "/setup/plans/\(c(slug))"
        case .setupIndicator(let plan, let code): return "/setup/plans/\(c(plan))/indicators/\(c(code ?? Self.newItem))"
        case .setupIndicatorArchive(let plan, let code): return Self.setupIndicator(plan: plan, code: code).path + "/archive"
        case .setupTask(let plan, let code): return "/setup/plans/\(c(plan))/tasks/\(c(code ?? Self.newItem))"
        case .setupTaskArchive(let plan, let code): return Self.setupTask(plan: plan, code: code).path + "/archive"
        case .setupUnit(let code): return "/setup/units/\(c(code ?? Self.newItem))"
        case .setupUnitHeading(let code): return "/setup/units/\(c(code))/heading"
        case .lint: return "/lint"
        case .ingest: return "/ingest"
        case .ingestConfirm: return "/ingest/confirm"
        // Document numbers contain "/", so the number travels in the query.
        case .setupDocument(let number): return "/setup/documents" + Self.query(["number": number])

        case .tableForms: return "/forms"
        case .newTableForm: return "/forms/new"
        case .importTableForm: return "/forms/import"
        case .tableForm(let code): return "/forms/\(c(code))"
        case .tableFormJSON(let code): return "/forms/\(c(code)).json"
        case .tableFormTable(let code, let format, let period):
            return "/forms/\(c(code))/table" + (format.map { ".\(c($0))" } ?? "") + Self.query(["period": period])

        case .apiPlans: return "/api/v1/plans"
        case .apiPlanIndicators(let slug): return "/api/v1/plans/\(c(slug))/indicators"
        case .apiPlanTasks(let slug): return "/api/v1/plans/\(c(slug))/tasks"
        case .apiUnits: return "/api/v1/units"
        case .apiPeriod(let id): return "/api/v1/periods/\(c(id))"
        case .apiEvaluation(let slug, let period, let unit):
            return "/api/v1/plans/\(c(slug))/evaluation" + Self.query(["period": period, "unit": unit])
        case .apiRanking(let scheme): return "/api/v1/rankings/\(c(scheme))"
        case .apiDataValueSets(let plan, let period, let orgUnit):
            return "/api/v1/dataValueSets" + Self.query(["plan": plan, "period": period, "orgUnit": orgUnit])
        case .apiMe: return "/api/v1/me"
        case .apiRounds: return "/api/v1/rounds"
        case .apiUnitReport(let r, let u): return "/api/v1/rounds/\(c(r))/units/\(c(u))"
        case .apiUnitReportAction(let r, let u, let a): return "/api/v1/rounds/\(c(r))/units/\(c(u))/\(c(a))"
        case .apiRoundCompleteness(let r): return "/api/v1/rounds/\(c(r))/completeness"
        case .apiAudit(let r, let u, let s): return "/api/v1/audit" + Self.query(["round": r, "unit": u, "subject": s])
        case .reportTemplates: return "/reports"
        case .newReportTemplate(let plan): return "/reports/new" + Self.query(["plan": plan])
        case .reportTemplate(let code, let issue): return "/reports/\(c(code))" + (issue.map(Self.query) ?? "")
        case .reportTemplateFile(let code, let format, let issue): return "/reports/\(c(code))/report.\(c(format))" + Self.query(issue)
        case .reportNarratives(let code, let period): return "/reports/\(c(code))/narratives" + Self.query(["period": period])
        }
    }

    /// The path with the `msg` parameter a page turns into its confirmation ("saved", "submit").
    func path(message: String) -> String {
        let p = path
        return p + (p.contains("?") ? "&" : "?") + "msg=" + Self.component(message)
    }

    /// "?period=2024S1&unit=34", in a fixed order; empty when every value is nil.
    static func query(_ items: KeyValuePairs<String, String?>) -> String {
        let parts = items.compactMap { k, v in v.map { "\(k)=\(component($0))" } }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    static func query(_ issue: ReportIssue) -> String {
        query(["period": issue.period, "number": issue.number.map(String.init), "date": issue.date?.iso])
    }

    /// Percent-encodes all but RFC 3986's unreserved characters, byte by byte of UTF-8. By hand:
    /// Foundation built a `CharacterSet` on every call, a twentieth of a dashboard with its links.
    static func component(_ s: String) -> String {
        let utf8 = s.utf8
        if utf8.allSatisfy(isUnreserved) { return s }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 3)
        for b in utf8 {
            if isUnreserved(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
