import Vapor

extension SiteRoute {
    /// Every route the app registers: its path pattern, with Vapor's `:name` parameters, and the
    /// methods it answers. A `SiteRoute` value is one address of a pattern; several values share a
    /// pattern when they differ only in the query or in a reserved segment ("moi", ".json").
    ///
    /// The parameter names are those the handlers read (`req.parameters.get("slug")`).
    enum Pattern: String, CaseIterable, Sendable {
        // Public pages and evaluations.
        case home, plan, dashboard, indicator, report, rankings, ranking, rankingUnit, units
        case unitSuccessors, unitSuccessorAccounts
        // Operations and static files.
        case health, ready, metrics, stylesheet, pickerScript, openAPI
        // Login and the signed-in user's own settings.
        case login, logout, accountLanguage, accountNotices
        // Reporting rounds.
        case rounds, newRound, round, roundCSV, roundClose
        case unitReport, unitReportAction, unitReportWorkbook, unitReportUpload, unitReportUploadApply
        case roundWorkbook, roundUpload, roundUploadApply, audit
        // Administration of accounts.
        case accounts, accountAction
        // Set-up.
        case setup, setupNewPlan, setupPlan, setupIndicator, setupIndicatorArchive, setupTask, setupTaskArchive
        case setupUnit, setupUnitHeading, setupDocument, lint, ingest, ingestConfirm
        // Table forms.
        case tableForms, newTableForm, importTableForm, tableForm, tableFormTable, tableFormXLSX, tableFormCSV
        // Report templates.
        case reportTemplates, newReportTemplate, reportTemplate, reportTemplateFile, reportNarratives
        // JSON API, behind the bearer token.
        case apiPlans, apiPlanIndicators, apiPlanTasks, apiUnits, apiPeriod, apiEvaluation, apiRanking
        case apiMe, apiRounds, apiUnitReport, apiUnitReportAction, apiRoundCompleteness, apiAudit, apiDataValueSets

        /// The pattern as written: segments separated by "/", parameters as ":name".
        var template: String {
            switch self {
            case .home: ""
            case .plan: "plans/:slug"
            case .dashboard: "plans/:slug/dashboard"
            case .indicator: "plans/:slug/indicators/:code"
            // `report.docx`, `report.pdf`…: the handler reads the format after "report.".
            case .report: "plans/:slug/:report"
            case .rankings: "rankings"
            case .ranking: "rankings/:scheme"
            case .rankingUnit: "rankings/:scheme/units/:unit"
            case .units: "units"
            case .unitSuccessors: "units/successors"
            case .unitSuccessorAccounts: "units/successors/accounts"

            case .health: "healthz"
            case .ready: "readyz"
            case .metrics: "metrics"
            case .stylesheet: "static/style.css"
            case .pickerScript: "static/picker.js"
            case .openAPI: "api/v1/openapi.json"

            case .login: "login"
            case .logout: "logout"
            case .accountLanguage: "account/language"
            case .accountNotices: "account/notices"

            case .rounds: "rounds"
            case .newRound: "rounds/new"
            case .round: "rounds/:round"
            case .roundCSV: "rounds/:round/completeness.csv"
            case .roundClose: "rounds/:round/close"
            case .unitReport: "rounds/:round/units/:unit"
            case .unitReportAction: "rounds/:round/units/:unit/:action"
            case .unitReportWorkbook: "rounds/:round/units/:unit/report.xlsx"
            case .unitReportUpload: "rounds/:round/units/:unit/upload"
            case .unitReportUploadApply: "rounds/:round/units/:unit/upload/apply"
            case .roundWorkbook: "rounds/:round/report.xlsx"
            case .roundUpload: "rounds/:round/upload"
            case .roundUploadApply: "rounds/:round/upload/apply"
            case .audit: "audit"

            case .accounts: "admin/accounts"
            case .accountAction: "admin/accounts/:username/:action"

            case .setup: "setup"
            case .setupNewPlan: "setup/new-plan"
            case .setupPlan: "setup/plans/:plan"
            case .setupIndicator: "setup/plans/:plan/indicators/:code"
            case .setupIndicatorArchive: "setup/plans/:plan/indicators/:code/archive"
            case .setupTask: "setup/plans/:plan/tasks/:code"
            case .setupTaskArchive: "setup/plans/:plan/tasks/:code/archive"
            case .setupUnit: "setup/units/:code"
            case .setupUnitHeading: "setup/units/:code/heading"
            case .setupDocument: "setup/documents"
            case .lint: "lint"
            case .ingest: "ingest"
            case .ingestConfirm: "ingest/confirm"

            case .tableForms: "forms"
            case .newTableForm: "forms/new"
            case .importTableForm: "forms/import"
            // Also `BM01.json`, the form's definition: the handler tells them apart.
            case .tableForm: "forms/:code"
            case .tableFormTable: "forms/:code/table"
            case .tableFormXLSX: "forms/:code/table.xlsx"
            case .tableFormCSV: "forms/:code/table.csv"

            case .reportTemplates: "reports"
            case .newReportTemplate: "reports/new"
            case .reportTemplate: "reports/:code"
            case .reportTemplateFile: "reports/:code/:file"
            case .reportNarratives: "reports/:code/narratives"

            case .apiPlans: "api/v1/plans"
            case .apiPlanIndicators: "api/v1/plans/:plan/indicators"
            case .apiPlanTasks: "api/v1/plans/:plan/tasks"
            case .apiUnits: "api/v1/units"
            case .apiPeriod: "api/v1/periods/:id"
            case .apiEvaluation: "api/v1/plans/:plan/evaluation"
            case .apiRanking: "api/v1/rankings/:scheme"
            case .apiMe: "api/v1/me"
            case .apiRounds: "api/v1/rounds"
            case .apiUnitReport: "api/v1/rounds/:round/units/:unit"
            case .apiUnitReportAction: "api/v1/rounds/:round/units/:unit/:action"
            case .apiRoundCompleteness: "api/v1/rounds/:round/completeness"
            case .apiAudit: "api/v1/audit"
            case .apiDataValueSets: "api/v1/dataValueSets"
            }
        }

        /// The methods the app answers on this pattern (GET also answers HEAD); the first is the
        /// one a link or a form uses.
        var methods: [HTTPMethod] {
            switch self {
            case .home, .plan, .dashboard, .indicator, .report, .rankings, .ranking, .rankingUnit, .units,
                 .health, .ready, .metrics, .stylesheet, .pickerScript, .openAPI,
                 .rounds, .round, .roundCSV, .unitReportWorkbook, .roundWorkbook, .audit, .setup,
                 .tableForms, .tableFormTable, .tableFormXLSX, .tableFormCSV,
                 .reportTemplates, .reportTemplateFile,
                 .apiPlans, .apiPlanIndicators, .apiPlanTasks, .apiUnits, .apiPeriod, .apiEvaluation, .apiRanking,
                 .apiMe, .apiRounds, .apiRoundCompleteness, .apiAudit:
                [.GET]
            case .unitSuccessors, .login, .accountNotices, .newRound, .unitReport, .accounts,
                 .setupNewPlan, .setupPlan, .setupIndicator, .setupTask, .setupUnit, .setupDocument, .lint, .ingest,
                 .newTableForm, .tableForm, .newReportTemplate, .reportTemplate, .reportNarratives, .apiDataValueSets:
                [.GET, .POST]
            case .unitSuccessorAccounts, .logout, .accountLanguage, .roundClose, .unitReportAction,
                 .unitReportUpload, .unitReportUploadApply, .roundUpload, .roundUploadApply, .accountAction,
                 .setupIndicatorArchive, .setupTaskArchive, .setupUnitHeading, .ingestConfirm, .importTableForm,
                 .apiUnitReportAction:
                [.POST]
            case .apiUnitReport:
                [.GET, .PATCH]
            }
        }

        /// The pattern as Vapor registers it.
        var path: [PathComponent] { template.pathComponents }
    }

    /// The pattern this address belongs to.
    var pattern: Pattern {
        switch self {
        case .home: .home
        case .plan: .plan
        case .dashboard: .dashboard
        case .indicator: .indicator
        case .report: .report
        case .rankings: .rankings
        case .ranking: .ranking
        case .rankingUnit: .rankingUnit
        case .units: .units
        case .unitSuccessors: .unitSuccessors
        case .unitSuccessorAccounts: .unitSuccessorAccounts
        case .health: .health
        case .ready: .ready
        case .metrics: .metrics
        case .stylesheet: .stylesheet
        case .pickerScript: .pickerScript
        case .openAPI: .openAPI
        case .login: .login
        case .logout: .logout
        case .accountLanguage: .accountLanguage
        case .accountNotices: .accountNotices
        case .rounds: .rounds
        case .newRound: .newRound
        case .round: .round
        case .roundCSV: .roundCSV
        case .roundClose: .roundClose
        case .unitReport: .unitReport
        case .unitReportAction: .unitReportAction
        case .unitReportWorkbook: .unitReportWorkbook
        case .unitReportUpload: .unitReportUpload
        case .unitReportUploadApply: .unitReportUploadApply
        case .roundWorkbook: .roundWorkbook
        case .roundUpload: .roundUpload
        case .roundUploadApply: .roundUploadApply
        case .audit: .audit
        case .accounts: .accounts
        case .accountAction: .accountAction
        case .setup: .setup
        case .setupNewPlan: .setupNewPlan
        case .setupPlan: .setupPlan
        case .setupIndicator: .setupIndicator
        case .setupIndicatorArchive: .setupIndicatorArchive
        case .setupTask: .setupTask
        case .setupTaskArchive: .setupTaskArchive
        case .setupUnit: .setupUnit
        case .setupUnitHeading: .setupUnitHeading
        case .lint: .lint
        case .ingest: .ingest
        case .ingestConfirm: .ingestConfirm
        case .setupDocument: .setupDocument
        case .tableForms: .tableForms
        case .newTableForm: .newTableForm
        case .importTableForm: .importTableForm
        case .tableForm, .tableFormJSON: .tableForm
        case .tableFormTable(_, let format, _):
            // Only these formats are served; another would build a path that answers 404.
            switch format {
            case "xlsx": .tableFormXLSX
            case "csv": .tableFormCSV
            default: .tableFormTable
            }
        case .apiPlans: .apiPlans
        case .apiPlanIndicators: .apiPlanIndicators
        case .apiPlanTasks: .apiPlanTasks
        case .apiUnits: .apiUnits
        case .apiPeriod: .apiPeriod
        case .apiEvaluation: .apiEvaluation
        case .apiRanking: .apiRanking
        case .apiMe: .apiMe
        case .apiRounds: .apiRounds
        case .apiUnitReport: .apiUnitReport
        case .apiUnitReportAction: .apiUnitReportAction
        case .apiRoundCompleteness: .apiRoundCompleteness
        case .apiAudit: .apiAudit
        case .apiDataValueSets: .apiDataValueSets
        case .reportTemplates: .reportTemplates
        case .newReportTemplate: .newReportTemplate
        case .reportTemplate: .reportTemplate
        case .reportTemplateFile: .reportTemplateFile
        case .reportNarratives: .reportNarratives
        }
    }

    /// The methods this address answers: its pattern's, except that a form's JSON definition is
    /// only read (a POST to "BM01.json" saves the form of that code).
    var methods: [HTTPMethod] {
        if case .tableFormJSON = self { return [.GET] }
        return pattern.methods
    }

    /// The method a link or a form uses for this address.
    var method: HTTPMethod { methods[0] }
}
