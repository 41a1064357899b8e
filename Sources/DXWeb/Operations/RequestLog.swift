import Foundation
import Vapor

/// One line per request for the operator: method, route pattern, status, duration, request id
/// and account. Never the path's values, the query, bodies, cookies or tokens: a route pattern
/// (`/plans/:slug/dashboard`) says what was asked without the figures or names in it.
struct RequestLog: Sendable {
    enum Format: String, Sendable, CaseIterable {
        /// `2026-12-06T20:30:00.123Z GET /plans/:slug/dashboard 200 12.4ms req=… account=admin`
        case text
        /// One JSON object a line, for log shippers.
        case json
    }

    var format: Format
    /// Where lines go: standard output in the server, a collector in tests.
    var write: @Sendable (String) -> Void

    static func standardOutput(_ format: Format) -> RequestLog {
        RequestLog(format: format) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    struct Entry: Sendable, Encodable {
        var time: String
        var method: String
        var route: String
        var status: UInt
        var durationMS: Double
        var requestID: String
        var account: String?

        enum CodingKeys: String, CodingKey {
            case time, method, route, status, durationMS = "duration_ms", requestID = "request_id", account
        }
    }

    func line(_ e: Entry) -> String {
        switch format {
        case .text:
            return "\(e.time) \(e.method) \(e.route) \(e.status) \(String(format: "%.1f", e.durationMS))ms req=\(e.requestID)"
                + (e.account.map { " account=\($0)" } ?? "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: encoder.encode(e), as: UTF8.self)) ?? "{}"
        }
    }
}

struct RequestLogKey: StorageKey {
    typealias Value = RequestLog
}

extension Application {
    /// The request log; nil logs nothing (tests that do not look at it).
    var requestLog: RequestLog? {
        get { storage[RequestLogKey.self] }
        set { storage[RequestLogKey.self] = newValue }
    }
}

/// Times every request, errors included, counts it in the metrics and writes its line. Outermost, so that the time and
/// the status are what the client got. The request id is the caller's `X-Request-Id` when it
/// is a plain token (a proxy's), else Vapor's own; the response carries it back.
struct RequestLogMiddleware: AsyncMiddleware {
    static let header = "X-Request-Id"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let id = Self.requestID(request)
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            log(request, status: (error as? any AbortError)?.status ?? .internalServerError, id: id, since: started)
            throw error
        }
        response.headers.replaceOrAdd(name: Self.header, value: id)
        log(request, status: response.status, id: id, since: started)
        return response
    }

    static func requestID(_ req: Request) -> String {
        if let given = req.headers.first(name: header), (1...64).contains(given.count),
           given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) {
            return given
        }
        return req.id
    }

    /// `/plans/:slug/dashboard`; "(no route)" for paths no route matched, so that a
    /// scan of random paths cannot flood the log with its paths.
    static func pattern(_ req: Request) -> String {
        guard let route = req.route else { return "(no route)" }
        return "/" + route.path.map { $0.description }.joined(separator: "/")
    }

    private func log(_ req: Request, status: HTTPResponseStatus, id: String, since started: UInt64) {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - started
        let route = Self.pattern(req)
        req.application.metrics.request(route: route, method: req.method.rawValue, status: status.code, nanoseconds: nanoseconds)
        guard let log = req.application.requestLog else { return }
        let elapsed = Double(nanoseconds) / 1_000_000
        let entry = RequestLog.Entry(time: Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)),
                                     method: req.method.rawValue, route: route, status: status.code,
                                     durationMS: (elapsed * 10).rounded() / 10, requestID: id,
                                     account: req.storage[AccountKey.self]?.username)
        log.write(log.line(entry))
    }
}
