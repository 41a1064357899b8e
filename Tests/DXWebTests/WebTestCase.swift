import DXStore
import DXTestSupport
import DXWeb
import Vapor
import XCTest
import XCTVapor

/// Runs a test against the app on every test database, loaded with the demonstration data.
func withDemoApp(_ body: (Application, DatabaseURL) async throws -> Void) async throws {
    for url in try TestDatabases.all() {
        try await TestDatabases.prepare(url, snapshot: "demo") { runtime in _ = try await DemoLoader.load(into: runtime.store) }

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
