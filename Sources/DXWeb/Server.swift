import DXStore
import Vapor

/// Runs the web server until it is stopped (SIGINT or SIGTERM). The database must be migrated.
/// `logFormat` is "text" or "json" (`RequestLog.Format`): one line per request on standard output.
public func runServer(database url: DatabaseURL, host: String, port: Int, logFormat: String = "text") async throws {
    let env = Environment(name: "production", arguments: ["dxtrack", "serve", "--hostname", host, "--port", String(port)])
    // A wrong mail setting stops the start with its sentence, before anything listens.
    let notices = try NoticeSettings.fromEnvironment(ProcessInfo.processInfo.environment)
    let app = try await Application.make(env)
    do {
        try await configure(app, database: url)
        app.startNoticeSender(notices)
        app.requestLog = .standardOutput(RequestLog.Format(rawValue: logFormat) ?? .text)
        try await app.execute()
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
