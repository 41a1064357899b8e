import DXCore
import DXStore
import Fluent
import Vapor

/// Sets up an application on a database: migrations registered, routes, middleware.
public func configure(_ app: Application, database url: DatabaseURL) async throws {
    let metrics = AppMetrics()
    app.metrics = metrics
    app.databases.use(try url.configuration().timed { metrics.database(operation: $0, nanoseconds: $1) }, as: url.databaseID)
    app.migrations.add(DXMigrations.all, to: url.databaseID)
    app.storage[DatabaseKindKey.self] = url.kindName
    app.caches = ServerCaches(environment: ProcessInfo.processInfo.environment)
    app.routes.defaultMaxBodySize = "1mb"
    app.bcryptPool = BcryptPool()
    app.trustedProxies = ClientAddress.trustedProxies(from: ProcessInfo.processInfo.environment)
    app.metricsAccess = MetricsAccess(environment: ProcessInfo.processInfo.environment)
    app.middleware = Middlewares()
    app.middleware.use(ErrorPage())
    app.middleware.use(SecurityHeaders())
    app.middleware.use(WebSessionMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(CSRFMiddleware())
    try routes(app)
    // After the routes, which it reads; inside the request log, outside the error page.
    app.middleware.use(MethodNotAllowedMiddleware(app.routes), at: .beginning)
    app.middleware.use(RequestLogMiddleware(), at: .beginning)
}

/// What a server keeps between requests, each part valid only under the database's revision
/// tokens; one set per application, so that each database of the tests has its own.
struct ServerCaches: Sendable {
    var unitRows = UnitRowsCache()
    var plans = PlanContentsCache()
    /// Dashboards as computed (`DashboardPage.cachedQuery`); none with `DXTRACK_PAGE_CACHE=off`,
    /// which the national benchmark sets to time the computation itself.
    var dashboards: ResultCache<DashboardPage.Key, DashboardPage.Model>?

    init(environment: [String: String] = [:]) {
        dashboards = environment["DXTRACK_PAGE_CACHE"] == "off" ? nil : ResultCache(capacity: 64)
    }
}

struct ServerCachesKey: StorageKey {
    typealias Value = ServerCaches
}

extension Application {
    var caches: ServerCaches {
        get { storage[ServerCachesKey.self] ?? ServerCaches() }
        set { storage[ServerCachesKey.self] = newValue }
    }
}

struct ReadSnapshotKey: StorageKey {
    typealias Value = ReadSnapshotTokens
}

struct DatabaseKindKey: StorageKey {
    typealias Value = String
}

extension Request {
    var store: Store {
        let caches = application.caches
        return Store(db, unitCache: caches.unitRows, planCache: caches.plans, snapshot: readSnapshot)
    }

    /// One per request that writes nothing (GET, HEAD): its revision tokens are read once. A
    /// request that writes has one only when it asks (`startReads()`).
    private var readSnapshot: ReadSnapshotTokens? {
        if let s = storage[ReadSnapshotKey.self] { return s }
        guard method == .GET || method == .HEAD else { return nil }
        let s = ReadSnapshotTokens()
        storage[ReadSnapshotKey.self] = s
        return s
    }

    /// For a request that writes, called before its reads and again after each write (or
    /// attempt): the reads of each stretch share one read of the revision tokens, as a page's do
    /// (a save read the unit table's token seven times, a round trip each on PostgreSQL), and
    /// the reads after a write take them afresh, so they see it.
    func startReads() {
        storage[ReadSnapshotKey.self] = ReadSnapshotTokens()
    }

    /// A write of a request that called `startReads()`: whatever the request reads after it,
    /// written or refused, takes the tokens afresh.
    func writing<T>(_ write: () async throws -> T) async throws -> T {
        defer { startReads() }
        return try await write()
    }
}

func routes(_ app: Application) throws {
    // Liveness: the database answers; names it and its schema level.
    app.register(.GET, .health) { req async throws -> Response in
        let kind = req.application.storage[DatabaseKindKey.self] ?? "unknown"
        do {
            let level = try await req.store.schemaLevel()
            return try jsonResponse(["status": "ok", "database": kind, "migration": level.latest ?? ""])
        } catch {
            return try jsonResponse(["status": "error", "database": kind], status: .serviceUnavailable)
        }
    }
    // Readiness: 503 until every migration of this build is applied, so a load balancer sends
    // nothing to an instance whose schema is behind (another instance may be migrating).
    app.register(.GET, .ready) { req async throws -> Response in
        let kind = req.application.storage[DatabaseKindKey.self] ?? "unknown"
        struct Body: Encodable { var status: String; var database: String; var migration: String; var pending: [String] }
        do {
            let level = try await req.store.schemaLevel()
            return try jsonResponse(Body(status: level.isCurrent ? "ready" : "migrating", database: kind, migration: level.latest ?? "",
                                         pending: level.pending), status: level.isCurrent ? .ok : .serviceUnavailable)
        } catch {
            return try jsonResponse(Body(status: "unavailable", database: kind, migration: "", pending: []), status: .serviceUnavailable)
        }
    }
    app.register(.GET, .metrics) { req async throws -> Response in
        guard req.application.metricsAccess.allows(address: req.clientIP, authorization: req.headers.first(name: .authorization)) else {
            throw Abort(.forbidden, reason: "Không được xem số đo của máy chủ từ địa chỉ này.")
        }
        req.application.metrics.openSessions(try await req.store.openSessionCount())
        return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(string: req.application.metrics.exposition()))
    }
    app.register(.GET, .stylesheet) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: Stylesheet.css))
    }
    // The contract itself is public: a client reads it before it has a token.
    app.register(.GET, .openAPI) { _ in
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300"],
                 body: .init(string: OpenAPIDocument.json))
    }
    app.register(.GET, .pickerScript) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: PickerScript.js))
    }
    // Every path comes from `SiteRoute.Pattern`; the API's patterns carry their "api/v1" prefix.
    let api = app.grouped(BearerAuthMiddleware())
    try app.register(collection: PageController())
    try api.register(collection: APIController())
    try app.register(collection: LoginController())
    try app.register(collection: LanguageController())
    try app.register(collection: ReportingController())
    try app.register(collection: ExcelRoundTripController())
    try app.register(collection: AccountsController())
    try app.register(collection: UnitSuccessorsController())
    try app.register(collection: SetupController())
    try app.register(collection: ReportTemplatesController())
    try app.register(collection: FormsController())
    try app.register(collection: LintController())
    try app.register(collection: IngestController())
    try app.register(collection: NoticesController())
    try api.register(collection: RoundsAPIController())
    try api.register(collection: DataValueSetsAPIController())
}

func jsonResponse<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: data))
}

/// Headers every response carries: no framing, no sniffing, only our own scripts and styles.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let r = try await next.respond(to: request)
        r.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        r.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // A response with its own policy (the report preview) keeps it.
        if !r.headers.contains(name: "Content-Security-Policy") {
            r.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
            r.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
        }
        return r
    }
}

/// Errors as a page for browsers (in the reader's language) and a JSON body with a Vietnamese
/// message for the API.
struct ErrorPage: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            // This middleware is outside the language middleware: choose the language again.
            return try Language.$current.withValue(LanguageMiddleware.language(for: request)) {
                try page(for: error, request)
            }
        }
    }

    func page(for error: any Error, _ request: Request) throws -> Response {
        let status: HTTPStatus
        let message: String
        if let abort = error as? any AbortError {
            status = abort.status
            message = abort.status == .notFound && abort.reason == "Not Found" ? t("Không tìm thấy trang này.") : abort.reason
        } else if let problem = error as? StoreError, case .notFound = problem {
            status = .notFound
            message = problem.description + "."
        } else if let problem = error as? StoreError, case .invalid = problem {
            status = .badRequest
            message = problem.description
        } else {
            request.logger.report(error: error)
            status = .internalServerError
            message = t("Lỗi hệ thống. Vui lòng thử lại sau.")
        }
        if request.url.path.hasPrefix("/api/") {
            let r = try jsonResponse(APIError(error: message, status: Int(status.code)), status: status)
            if status == .unauthorized { r.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return r
        }
        // Fixed sentences of DXCore (refusals) and of the CSRF check have English entries.
        let title = t("Lỗi %@", status.code)
        let html = Layout.page(title: title) {
            Node.h1(text: title)
            Node.p(text: translated(message))
            Node.p { Node.link(.home, t("Về trang chủ")) }
        }
        return Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
    }
}

struct APIError: Codable {
    var error: String
    var status: Int
}
