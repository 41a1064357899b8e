import Foundation
import XCTest
import ZIPFoundation

/// Runs the independent readers (xmllint, python-docx, openpyxl, LibreOffice, poppler) that
/// judge the files. A missing reader skips the test (XCTSkip) on a developer's machine; with
/// DXTRACK_REQUIRE_DOC_TOOLS=1 (set by CI, which installs them) it fails the test with the
/// command that installs it, so CI cannot pass by checking nothing.
enum ExternalTools {
    struct Result {
        var status: Int32
        var output: String
    }

    static let requireVariable = "DXTRACK_REQUIRE_DOC_TOOLS"

    static var toolsRequired: Bool {
        let value = ProcessInfo.processInfo.environment[requireVariable] ?? ""
        return value == "1" || value.lowercased() == "true"
    }

    /// Fails (CI) or skips (elsewhere) for a reader that is not installed.
    static func missing(_ what: String, install: String, file: StaticString, line: UInt) throws -> Never {
        let message = "\(what) is not installed; install it with: \(install)"
        if toolsRequired {
            XCTFail(message + " (\(requireVariable)=1)", file: file, line: line)
            throw MissingTool(name: what)
        }
        throw XCTSkip(message)
    }

    /// Finds `name` on PATH.
    static func locate(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The path of `name`, or a test failure saying how to install it.
    static func require(_ name: String, install: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        guard let url = locate(name) else { try missing(name, install: install, file: file, line: line) }
        return url
    }

    /// Python 3 with `module` importable.
    static func requirePython(module: String, install: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let python = try require("python3", install: "apt-get install -y python3", file: file, line: line)
        let result = try run(python, ["-c", "import \(module)"])
        guard result.status == 0 else {
            try missing("python module \(module)", install: install, file: file, line: line)
        }
        return python
    }

    struct MissingTool: Error { var name: String }

    /// Runs a program with stdout and stderr in one pipe, read before waiting so a chatty
    /// program cannot fill the pipe and block.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The repository's `scripts/` folder, found by walking up from this file; the symlinked
    /// sandbox is resolved to the real checkout when the unresolved path has none.
    static func scriptsFolder(file: String = #filePath) throws -> URL {
        let start = URL(fileURLWithPath: file)
        for candidate in [start, start.resolvingSymlinksInPath()] {
            var folder = candidate.deletingLastPathComponent()
            while folder.path != "/" {
                let script = folder.appendingPathComponent("scripts/check-docx.py")
                if FileManager.default.fileExists(atPath: script.path) {
                    return folder.appendingPathComponent("scripts")
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        XCTFail("scripts/check-docx.py not found above \(file)")
        throw MissingTool(name: "scripts/check-docx.py")
    }

    /// Runs one of the repository's Python checkers and fails the test with its output when it
    /// reports a problem. Its output is printed either way: it says what was checked.
    @discardableResult
    static func runChecker(_ script: String, module: String, install: String, arguments: [String],
                           file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let python = try requirePython(module: module, install: install, file: file, line: line)
        let scriptURL = try scriptsFolder().appendingPathComponent(script)
        let result = try run(python, [scriptURL.path] + arguments)
        print(result.output)
        XCTAssertEqual(result.status, 0, "\(script) failed:\n\(result.output)", file: file, line: line)
        return result.output
    }

    /// The parts of a package, by path.
    static func parts(of data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            parts[entry.path] = content
        }
        return parts
    }

    /// Runs `xmllint --noout` on every XML part of a package written to `folder`.
    static func lintEveryPart(of data: Data, into folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let xmllint = try require("xmllint", install: "apt-get install -y libxml2-utils", file: file, line: line)
        var count = 0
        for (path, content) in try parts(of: data) where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: target)
            let result = try run(xmllint, ["--noout", target.path])
            XCTAssertEqual(result.status, 0, "xmllint rejects \(path):\n\(result.output)", file: file, line: line)
            count += 1
        }
        return count
    }
}

/// Where the tests leave the files they write, for a person to open afterwards:
/// $DXDOCUMENTS_TEST_OUTPUT, or a folder in the temporary directory.
enum TestOutput {
    static func folder(_ name: String) throws -> URL {
        let base: URL
        if let configured = ProcessInfo.processInfo.environment["DXDOCUMENTS_TEST_OUTPUT"], !configured.isEmpty {
            base = URL(fileURLWithPath: configured)
        } else {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("dxdocuments-tests")
        }
        let folder = base.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

extension ExternalTools {
    static let pythonDocxInstall = "pip install python-docx"
    static let openpyxlInstall = "pip install openpyxl"
    static let libreOfficeInstall = "apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2"
    static let popplerInstall = "apt-get install -y poppler-utils"

    /// The JSON object a checker printed (the last `{`...`}` block of its output).
    static func json(_ output: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        guard let start = output.firstIndex(of: "{"), let end = output.lastIndex(of: "}") else {
            XCTFail("no JSON in checker output:\n\(output)", file: file, line: line)
            return [:]
        }
        let data = Data(output[start...end].utf8)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
    }
}
