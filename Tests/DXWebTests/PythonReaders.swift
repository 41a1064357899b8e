import Foundation
import XCTest

/// The independent readers of produced documents (python-docx, openpyxl). Missing on a
/// developer's machine they skip the test; under DXTRACK_REQUIRE_DOC_TOOLS=1 (CI) they fail it.
enum PythonReaders {
    /// python3 able to import `module`.
    static func python(with module: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let python = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)).appendingPathComponent("python3") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }),
            (try? run(python, ["-c", "import \(module)"]).status) == 0 else {
            let message = "python3 with \(module) is not installed; install it with pip"
            if ProcessInfo.processInfo.environment["DXTRACK_REQUIRE_DOC_TOOLS"] == "1" { XCTFail(message) }
            throw XCTSkip(message)
        }
        return python
    }

    /// Runs a program; its standard output and error together, read as UTF-8.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PYTHONIOENCODING"] = "utf-8"
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
