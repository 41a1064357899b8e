import DXCore
import Foundation
import Vapor

extension SiteRoute {
    /// The route a request for `path` (with its query, if any) reaches, or nil when the app has
    /// none. Matching is Vapor's own (`TrieRouter`: constant segments before parameters, HEAD
    /// answered by GET), so this agrees with what the server serves. Query items the case does not
    /// hold (`msg`, `asOf`…) are ignored.
    init?(method: HTTPMethod, path: String) {
        let (pathPart, queryPart) = path.firstIndex(of: "?").map { (String(path[..<$0]), String(path[path.index(after: $0)...])) }
            ?? (path, "")
        let segments = pathPart.split(separator: "/").map(String.init)
        var parameters = Parameters()
        let found = Self.router.route(path: [method.rawValue] + segments, parameters: &parameters)
            ?? (method == .HEAD ? Self.router.route(path: [HTTPMethod.GET.rawValue] + segments, parameters: &parameters) : nil)
        guard let pattern = found else { return nil }
        let query = Self.queryItems(queryPart)
        guard let route = Self.route(pattern, method: method, parameters, query) else { return nil }
        self = route
    }

    init?(request: Request) {
        self.init(method: request.method, path: request.url.path + (request.url.query.map { "?" + $0 } ?? ""))
    }

    /// Immutable once built: every pattern under each of its methods, as the app registers them.
    private final class Table: @unchecked Sendable {
        let router = TrieRouter(Pattern.self)

        init() {
            for pattern in Pattern.allCases {
                for method in pattern.methods {
                    router.register(pattern, at: [.constant(method.rawValue)] + pattern.path)
                }
            }
        }
    }

    private static let table = Table()
    private static var router: TrieRouter<Pattern> { table.router }

    /// Query items, percent-decoded, "+" read as a space (as browsers send forms); the first of a
    /// repeated name wins.
    static func queryItems(_ query: String) -> [String: String] {
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            if items[name] == nil { items[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return items
    }

    /// The case of `pattern` for its parameters and query. Nil only where the pattern's parameter
    /// must have a shape (`report.docx`).
    private static func route(_ pattern: Pattern, method: HTTPMethod, _ parameters: Parameters, _ q: [String: String]) -> SiteRoute? {
        func p(_ name: String) -> String { parameters.get(name) ?? "" }
        /// A set-up segment that is "moi" (the form for a new item) reads as nil.
        func code(_ name: String) -> String? { p(name) == newItem ? nil : p(name) }
        /// The format of "report.docx".
        func format(_ name: String) -> String? {
            let file = p(name)
            return file.hasPrefix("report.") ? String(file.dropFirst("report.".count)) : nil
        }
        switch pattern {
        case .home: return .home
        case .plan: return .plan(slug: p("slug"))
        case .dashboard: return .dashboard(slug: p("slug"), period: q["period"], unit: q["unit"])
        case .indicator: return .indicator(slug: p("slug"), code: p("code"), period: q["period"], unit: q["unit"])
        case .report:
            guard let f = format("report") else { return nil }
            return .report(slug: p("slug"), format: f, period: q["period"] ?? "", tasksPlan: q["tasks"])
        case .rankings: return .rankings
        case .ranking: return .ranking(scheme: p("scheme"))
        case .rankingUnit: return .rankingUnit(scheme: p("scheme"), unit: p("unit"))
        case .units: return .units
        case .unitSuccessors: return .unitSuccessors
        case .unitSuccessorAccounts: return .unitSuccessorAccounts
        case .health: return .health
        case .ready: return .ready
        case .metrics: return .metrics
        case .stylesheet: return .stylesheet
        case .pickerScript: return .pickerScript
        case .openAPI: return .openAPI

        case .login: return .login(next: q["next"])
        case .logout: return .logout
        case .accountLanguage: return .accountLanguage
        case .accountNotices: return .accountNotices

        case .rounds: return .rounds
        case .newRound: return .newRound
        case .round: return .round(p("round"))
        case .roundCSV: return .roundCSV(p("round"))
        case .roundClose: return .roundClose(p("round"))
        case .unitReport: return .unitReport(round: p("round"), unit: p("unit"))
        case .unitReportAction: return .unitReportAction(round: p("round"), unit: p("unit"), action: p("action"))
        case .unitReportWorkbook: return .unitReportWorkbook(round: p("round"), unit: p("unit"))
        case .unitReportUpload: return .unitReportUpload(round: p("round"), unit: p("unit"))
        case .unitReportUploadApply: return .unitReportUploadApply(round: p("round"), unit: p("unit"))
        case .roundWorkbook: return .roundWorkbook(p("round"))
        case .roundUpload: return .roundUpload(p("round"))
        case .roundUploadApply: return .roundUploadApply(p("round"))
        case .audit: return .audit(round: q["round"], unit: q["unit"], subject: q["subject"])

        case .accounts: return .accounts
        case .accountAction: return .accountAction(username: p("username"), action: p("action"))

        case .setup: return .setup(query: q["q"])
        case .setupNewPlan: return .setupNewPlan
        case .setupPlan: return .setupPlan(slug: p("plan"))
        case .setupIndicator: return .setupIndicator(plan: p("plan"), code: code("code"))
        case .setupIndicatorArchive: return .setupIndicatorArchive(plan: p("plan"), code: p("code"))
        case .setupTask: return .setupTask(plan: p("plan"), code: code("code"))
        case .setupTaskArchive: return .setupTaskArchive(plan: p("plan"), code: p("code"))
        case .setupUnit: return .setupUnit(code: code("code"))
        case .setupUnitHeading: return .setupUnitHeading(code: p("code"))
        case .setupDocument: return .setupDocument(number: q["number"])
        case .lint: return .lint
        case .ingest: return .ingest
        case .ingestConfirm: return .ingestConfirm

        case .tableForms: return .tableForms
        case .newTableForm: return .newTableForm
        case .importTableForm: return .importTableForm
        case .tableForm:
            // GET "BM01.json" is the definition; a POST always saves the form of that code.
            let key = p("code")
            if method != .POST, key.hasSuffix(".json"), key.count > ".json".count {
                return .tableFormJSON(code: String(key.dropLast(".json".count)))
            }
            return .tableForm(code: key)
        case .tableFormTable: return .tableFormTable(code: p("code"), format: nil, period: q["period"])
        case .tableFormXLSX: return .tableFormTable(code: p("code"), format: "xlsx", period: q["period"])
        case .tableFormCSV: return .tableFormTable(code: p("code"), format: "csv", period: q["period"])

        case .reportTemplates: return .reportTemplates
        case .newReportTemplate: return .newReportTemplate(plan: q["plan"])
        case .reportTemplate: return .reportTemplate(code: p("code"), issue: q["period"].map { issue($0, q) })
        case .reportTemplateFile:
            guard let f = format("file") else { return nil }
            return .reportTemplateFile(code: p("code"), format: f, issue: issue(q["period"] ?? "", q))
        case .reportNarratives: return .reportNarratives(code: p("code"), period: q["period"] ?? "")

        case .apiPlans: return .apiPlans
        case .apiPlanIndicators: return .apiPlanIndicators(slug: p("plan"))
        case .apiPlanTasks: return .apiPlanTasks(slug: p("plan"))
        case .apiUnits: return .apiUnits
        case .apiPeriod: return .apiPeriod(id: p("id"))
        case .apiEvaluation: return .apiEvaluation(slug: p("plan"), period: q["period"] ?? "", unit: q["unit"])
        case .apiRanking: return .apiRanking(scheme: p("scheme"))
        case .apiMe: return .apiMe
        case .apiRounds: return .apiRounds
        case .apiUnitReport: return .apiUnitReport(round: p("round"), unit: p("unit"))
        case .apiUnitReportAction: return .apiUnitReportAction(round: p("round"), unit: p("unit"), action: p("action"))
        case .apiRoundCompleteness: return .apiRoundCompleteness(p("round"))
        case .apiAudit: return .apiAudit(round: q["round"], unit: q["unit"], subject: q["subject"])
        case .apiDataValueSets: return .apiDataValueSets(plan: q["plan"], period: q["period"], orgUnit: q["orgUnit"])
        }
    }

    /// The issue a report template's query names. A number or date that does not read is left out
    /// of the case (the handler, which reads the query itself, reports it).
    private static func issue(_ period: String, _ q: [String: String]) -> ReportIssue {
        ReportIssue(period: period, number: q["number"].flatMap { Int($0) }, date: q["date"].flatMap { CalendarDate(iso: $0) })
    }
}
