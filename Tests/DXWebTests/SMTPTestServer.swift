import Foundation
import XCTest

/// A real SMTP server for the tests: Python's aiosmtpd in a child process, keeping each
/// accepted message as a file. Options: a required login, STARTTLS with a certificate, and
/// dropping the connection on the first messages (after their data, before the reply, so the
/// sender cannot know whether they arrived; they did not).
/// Missing python3 or aiosmtpd skips the test, or fails it under DXTRACK_REQUIRE_DOC_TOOLS=1 (CI).
final class SMTPTestServer {
    let port: Int
    let folder: URL
    private let process: Process
    private let input: Pipe

    struct Received {
        var from: String
        var to: [String]
        var authenticated: Bool
        var tls: Bool
        var raw: Data
    }

    init(login: (String, String)? = nil, certificate: (cert: String, key: String)? = nil, drop: Int = 0) throws {
        let python = try PythonReaders.python(with: "aiosmtpd")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dx-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("server.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        var args = [script.path, "--dir", folder.appendingPathComponent("mail").path, "--drop", String(drop)]
        if let (u, p) = login { args += ["--auth", "\(u):\(p)"] }
        if let c = certificate { args += ["--tls", c.cert, c.key] }
        process = Process()
        process.executableURL = python
        process.arguments = args
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // The server prints "READY <port>" once it accepts connections.
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let p = Int(text.dropFirst(6)) else {
            kill(process.processIdentifier, SIGKILL)
            throw XCTSkip("the aiosmtpd test server did not start: \(text)")
        }
        port = p
    }

    deinit { stop() }

    /// Closing its input ends the server (a signal may be masked in a child of the test runner);
    /// a server still running after five seconds is killed.
    func stop() {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The messages the server accepted, in order.
    func received() throws -> [Received] {
        let mail = folder.appendingPathComponent("mail")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: mail.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: mail.appendingPathComponent(name))) as? [String: Any] ?? [:]
            let raw = try Data(contentsOf: mail.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml")))
            return Received(from: meta["from"] as? String ?? "", to: meta["to"] as? [String] ?? [],
                            authenticated: meta["authenticated"] as? Bool ?? false, tls: meta["tls"] as? Bool ?? false, raw: raw)
        }
    }

    /// A message read by Python's own e-mail parser: its decoded subject, sender and body.
    static func parse(_ raw: Data) throws -> (subject: String, from: String, body: String) {
        let python = try PythonReaders.python(with: "aiosmtpd")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dx-mail-\(UUID().uuidString).eml")
        try raw.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let code = """
        import json, sys
        from email import policy
        from email.parser import BytesParser
        m = BytesParser(policy=policy.default).parse(open(sys.argv[1], 'rb'))
        print(json.dumps({'subject': str(m['subject']), 'from': str(m['from']), 'body': m.get_content()}))
        """
        let r = try PythonReaders.run(python, ["-c", code, file.path])
        guard r.status == 0, let start = r.output.firstIndex(of: "{"),
              let obj = try JSONSerialization.jsonObject(with: Data(r.output[start...].utf8)) as? [String: String] else {
            XCTFail("python could not parse the message: \(r.output)")
            return ("", "", "")
        }
        return (obj["subject"] ?? "", obj["from"] ?? "", obj["body"] ?? "")
    }

    /// A self-signed certificate for "localhost", made by openssl.
    static func certificate(in folder: URL) throws -> (cert: String, key: String) {
        guard let path = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("openssl is not installed")
        }
        let openssl = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cert = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let r = try PythonReaders.run(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                                                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"])
        guard r.status == 0 else { throw XCTSkip("openssl could not make a certificate: \(r.output)") }
        return (cert, key)
    }

    static let script = #"""
    import argparse, asyncio, json, os, socket, ssl, sys
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ap = argparse.ArgumentParser()
    ap.add_argument('--dir', required=True)
    ap.add_argument('--drop', type=int, default=0)
    ap.add_argument('--auth')
    ap.add_argument('--tls', nargs=2)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)

    class Handler:
        def __init__(self):
            self.drop = a.drop
            self.count = 0
        async def handle_DATA(self, server, session, envelope):
            if self.drop > 0:
                self.drop -= 1
                server.transport.close()
                return '451 dropped'
            self.count += 1
            base = os.path.join(a.dir, 'msg-%04d' % self.count)
            with open(base + '.eml', 'wb') as f:
                f.write(envelope.content)
            with open(base + '.json', 'w') as f:
                json.dump({'from': envelope.mail_from, 'to': envelope.rcpt_tos,
                           'authenticated': bool(session.authenticated), 'tls': session.ssl is not None}, f)
            return '250 OK'

    def authenticator(server, session, envelope, mechanism, data):
        user, password = a.auth.split(':', 1)
        ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == password.encode()
        return AuthResult(success=ok, handled=False)

    s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
    kw = {}
    if a.auth:
        kw.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(a.tls))
    if a.tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.tls[0], a.tls[1])
        kw.update(tls_context=ctx, require_starttls=True)
    c = Controller(Handler(), hostname='127.0.0.1', port=port, **kw)
    c.start()
    print('READY %d' % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        c.stop()
    """#
}
