import CoreMetrics
import Foundation
import Prometheus
import Vapor

/// The server's metrics in the Prometheus text format, at `/metrics`. Recorded through
/// swift-metrics with a factory of the application's own (not the process-wide bootstrap), so
/// that several applications in one process (the tests) keep separate figures.
final class AppMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    init() {
        registry = PrometheusCollectorRegistry()
        var f = PrometheusMetricsFactory(registry: registry)
        f.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5), .seconds(10), .seconds(30),
        ]
        factory = f
    }

    /// Every request: by route pattern (never its values), method and status.
    func request(route: String, method: String, status: UInt, nanoseconds: UInt64) {
        Counter(label: "dxtrack_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))],
                factory: factory).increment()
        Timer(label: "dxtrack_http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory)
            .recordNanoseconds(Int64(clamping: nanoseconds))
        if route == "/login", method == "POST", let outcome = Self.loginOutcome(status) {
            Counter(label: "dxtrack_logins_total", dimensions: [("outcome", outcome)], factory: factory).increment()
        }
        if status == 413 {
            Counter(label: "dxtrack_refused_uploads_total", dimensions: [("route", route)], factory: factory).increment()
        }
    }

    /// A login's outcome from its answer: 303 signed in, 401 wrong, 429 throttled, 503 busy.
    static func loginOutcome(_ status: UInt) -> String? {
        switch status {
        case 303: "succeeded"
        case 401: "failed"
        case 429: "throttled"
        case 503: "busy"
        default: nil
        }
    }

    /// An official report written in a format, and how long the writing took.
    func report(format: String, nanoseconds: UInt64) {
        Counter(label: "dxtrack_reports_generated_total", dimensions: [("format", format)], factory: factory).increment()
        Timer(label: "dxtrack_report_render_duration_seconds", dimensions: [("format", format)], factory: factory)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// Time spent in the database, statement by statement (`query`: Fluent, `sql`: the store's
    /// own SQL, `schema`: migrations).
    func database(operation: String, nanoseconds: UInt64) {
        Timer(label: "dxtrack_db_statement_duration_seconds", dimensions: [("operation", operation)], factory: factory)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// A notice's attempt by e-mail: "sent", "retry" (failed, tried again later) or "failed" (given up).
    func notice(outcome: String, kind: String) {
        Counter(label: "dxtrack_notices_total", dimensions: [("outcome", outcome), ("kind", kind)], factory: factory).increment()
    }

    func openSessions(_ count: Int) {
        Gauge(label: "dxtrack_open_sessions", factory: factory).record(count)
    }

    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// Who may read `/metrics`: requests carrying `DXTRACK_METRICS_TOKEN` as a bearer token, or
/// from the addresses of `DXTRACK_METRICS_ALLOW` (comma-separated addresses or IPv4 ranges such
/// as 10.0.0.0/8; loopback when unset). Metrics name routes and counts, not data, but they
/// still tell an outsider what the province does and when.
struct MetricsAccess: Sendable {
    var token: String?
    var allowed: [AddressRange]

    init(environment: [String: String]) {
        token = environment["DXTRACK_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let list = environment["DXTRACK_METRICS_ALLOW"] ?? "127.0.0.1/8,::1"
        allowed = list.split(separator: ",").compactMap { AddressRange(String($0).trimmingCharacters(in: .whitespaces)) }
    }

    func allows(address: String, authorization: String?) -> Bool {
        if let token, let given = authorization, given.hasPrefix("Bearer "),
           Credentials.constantTimeEqual(String(given.dropFirst("Bearer ".count)), token) {
            return true
        }
        return allowed.contains { $0.contains(address) }
    }
}

/// One address ("::1") or an IPv4 range in CIDR notation ("10.0.0.0/8").
struct AddressRange: Sendable, Hashable {
    var address: String
    var ipv4: (base: UInt32, mask: UInt32)?

    init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            guard let base = Self.ipv4(parts[0]), let bits = UInt32(parts[1]), bits <= 32 else { return nil }
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
            address = text
            ipv4 = (base & mask, mask)
        } else {
            address = text
            ipv4 = nil
        }
    }

    func contains(_ candidate: String) -> Bool {
        if let ipv4 {
            guard let a = Self.ipv4(candidate) else { return false }
            return a & ipv4.mask == ipv4.base
        }
        return candidate == address
    }

    static func ipv4(_ s: String) -> UInt32? {
        let octets = s.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for o in octets {
            guard let n = UInt8(o) else { return nil }
            value = value << 8 | UInt32(n)
        }
        return value
    }

    static func == (a: AddressRange, b: AddressRange) -> Bool { a.address == b.address }
    func hash(into h: inout Hasher) { h.combine(address) }
}

struct AppMetricsKey: StorageKey {
    typealias Value = AppMetrics
}

struct MetricsAccessKey: StorageKey {
    typealias Value = MetricsAccess
}

extension Application {
    var metrics: AppMetrics {
        get {
            if let m = storage[AppMetricsKey.self] { return m }
            let m = AppMetrics()
            storage[AppMetricsKey.self] = m
            return m
        }
        set { storage[AppMetricsKey.self] = newValue }
    }

    var metricsAccess: MetricsAccess {
        get { storage[MetricsAccessKey.self] ?? MetricsAccess(environment: [:]) }
        set { storage[MetricsAccessKey.self] = newValue }
    }
}
