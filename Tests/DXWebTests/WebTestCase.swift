import DXStore
import DXTestSupport
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// Runs a test against the app on every test database, loaded with the demonstration data of
/// 2024 (before the reform, which `withReformDemoApp` adds).
func withDemoApp(_ body: (Application, DatabaseURL) async throws -> Void) async throws {
    try await withDemoApp(reform: false, body)
}

/// The demonstration data as `dxtrack demo` loads it: 2024 and the 2025 reform.
func withReformDemoApp(_ body: (Application, DatabaseURL) async throws -> Void) async throws {
    try await withDemoApp(reform: true, body)
}

private func withDemoApp(reform: Bool, _ body: (Application, DatabaseURL) async throws -> Void) async throws {
    for url in try TestDatabases.all() {
        try await TestDatabases.prepare(url, snapshot: reform ? "demo-reform" : "demo") { runtime in
            _ = try await DemoLoader.load(into: runtime.store, reform: reform)
        }

        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: url)
            try await body(app, url)
        } catch {
            try? await app.asyncShutdown()
            throw TestDatabases.TestFailure(database: url.kindName, underlying: error)
        }
        try await app.asyncShutdown()
    }
}

/// A fresh API token for the demo administrator.
func adminToken(_ app: Application) async throws -> String {
    let token = Credentials.newToken()
    try await Store(app.db).createToken(username: DemoData.adminUsername, tokenHash: Credentials.tokenHash(token))
    return token
}
