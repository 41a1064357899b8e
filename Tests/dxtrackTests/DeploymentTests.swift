import DXTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// The systemd unit in `deploy/` starts a working server: its environment file, its
/// migrate-then-serve commands, its JSON request log, and a clean stop on SIGTERM.
final class DeploymentTests: XCTestCase {
    let deploy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy")

    /// `KEY=value` lines of an environment file, as systemd reads them.
    func environmentFile(_ url: URL) throws -> [String: String] {
        var env: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { continue }
            env[String(t[..<eq])] = String(t[t.index(after: eq)...])
        }
        return env
    }

    /// A command line of the unit with `${VAR}` expanded and the installed binary replaced by
    /// the one under test.
    func command(_ key: String, in unit: String, env: [String: String]) throws -> [String] {
        let line = try XCTUnwrap(unit.split(separator: "\n").first { $0.hasPrefix(key + "=") }, "\(key) in the unit file")
        var text = String(line.dropFirst(key.count + 1))
        for (k, v) in env { text = text.replacingOccurrences(of: "${\(k)}", with: v) }
        XCTAssertFalse(text.contains("${"), "every variable of \(key) is set by the environment file: \(text)")
        let words = text.split(separator: " ").map(String.init)
        XCTAssertEqual(words.first, "/usr/local/bin/dxtrack")
        return Array(words.dropFirst())
    }

    func get(_ url: String) -> (status: Int, body: String)? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String)?
        URLSession.shared.dataTask(with: URL(string: url)!) { data, response, _ in
            if let r = response as? HTTPURLResponse { result = (r.statusCode, String(decoding: data ?? Data(), as: UTF8.self)) }
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    func testTheServiceStartsMigratedServesAndStopsOnSIGTERM() throws {
        let unit = try String(contentsOf: deploy.appendingPathComponent("dxtrack.service"), encoding: .utf8)
        XCTAssertTrue(unit.contains("EnvironmentFile=/etc/dxtrack/dxtrack.env"))
        var env = try environmentFile(deploy.appendingPathComponent("dxtrack.env.example"))
        XCTAssertEqual(env["DXTRACK_HOST"], "127.0.0.1", "behind the reverse proxy")
        XCTAssertEqual(env["DXTRACK_TRUSTED_PROXIES"], "127.0.0.1")
        let port = Int.random(in: 20_000...40_000)
        env["DATABASE_URL"] = "sqlite:" + TestDatabases.sqlitePath()
        env["DXTRACK_PORT"] = String(port)

        let migrate = try CLI.run(try command("ExecStartPre", in: unit, env: env), env: env)
        XCTAssertEqual(migrate.status, 0, migrate.err)

        let server = Process()
        server.executableURL = CLI.binary
        server.arguments = try command("ExecStart", in: unit, env: env)
        server.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        var ready: (status: Int, body: String)?
        for _ in 0..<100 {
            ready = get("http://127.0.0.1:\(port)/readyz")
            if ready?.status == 200 { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertEqual(ready?.status, 200, ready?.body ?? "no answer")
        XCTAssertTrue(ready?.body.contains("\"status\":\"ready\"") ?? false)
        XCTAssertEqual(get("http://127.0.0.1:\(port)/healthz")?.status, 200)

        server.terminate()
        server.waitUntilExit()
        XCTAssertEqual(server.terminationReason, .exit, "SIGTERM is a clean stop, not a crash")
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = log.split(separator: "\n").filter { $0.hasPrefix("{") }
        let readyz = try XCTUnwrap(lines.first { $0.contains("\"route\":\"/readyz\"") && $0.contains("\"status\":200") }, log)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(readyz.utf8)) as? [String: Any])
    }

    func testTheNightlyBackupCommandWritesADatedArchive() throws {
        let service = try String(contentsOf: deploy.appendingPathComponent("dxtrack-backup.service"), encoding: .utf8)
        let timer = try String(contentsOf: deploy.appendingPathComponent("dxtrack-backup.timer"), encoding: .utf8)
        XCTAssertTrue(timer.contains("OnCalendar=*-*-* 01:30:00"))
        XCTAssertTrue(timer.contains("Persistent=true"), "a night the machine was off is made up")
        // The unit's shell line, run as systemd would (%% is a literal %), into a scratch folder.
        let line = try XCTUnwrap(service.split(separator: "\n").first { $0.hasPrefix("ExecStart=/bin/sh -c '") })
        let folder = URL(fileURLWithPath: TestDatabases.sqlitePath()).deletingLastPathComponent()
        let script = String(line.dropFirst("ExecStart=/bin/sh -c '".count).dropLast())
            .replacingOccurrences(of: "%%", with: "%")
            .replacingOccurrences(of: "/var/backups/dxtrack", with: folder.appendingPathComponent("backups").path)
            .replacingOccurrences(of: "/usr/local/bin/dxtrack", with: CLI.binary.path)
        let db = "sqlite:" + folder.appendingPathComponent("dxtrack.sqlite").path
        XCTAssertEqual(try CLI.run(["demo", "--db", db]).status, 0)
        let sh = Process()
        sh.executableURL = URL(fileURLWithPath: "/bin/sh")
        sh.arguments = ["-c", script]
        sh.environment = ProcessInfo.processInfo.environment.merging(["DATABASE_URL": db]) { _, new in new }
        sh.standardOutput = FileHandle.nullDevice
        try sh.run()
        sh.waitUntilExit()
        XCTAssertEqual(sh.terminationStatus, 0)
        let day = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("backups/dxtrack-\(day).zip").path))
    }
}
