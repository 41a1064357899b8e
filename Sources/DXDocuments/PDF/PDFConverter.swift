import Foundation

/// Turns a DOCX (or XLSX) into PDF with LibreOffice, run headless as
/// `soffice --headless --convert-to pdf`. LibreOffice is an optional dependency of the server:
/// when it is not installed, `convert` throws `PDFConversionError.libreOfficeNotFound`, whose
/// message tells the administrator what to install.
///
/// Each conversion runs in its own temporary folder with its own LibreOffice profile, so
/// conversions may run in parallel and never touch the server user's profile. `convert` blocks
/// the calling thread for the few seconds LibreOffice takes: call it off the event loop
/// (Vapor's `request.application.threadPool`, for instance).
public struct PDFConverter: Sendable {
    /// Environment variable naming the soffice executable, checked before the usual places.
    public static let environmentVariable = "DXTRACK_SOFFICE"

    /// The soffice executable; nil finds it with `locateLibreOffice()` on every conversion.
    public var executable: URL?
    /// Seconds after which LibreOffice is stopped and the conversion fails.
    public var timeout: TimeInterval

    public init(executable: URL? = nil, timeout: TimeInterval = 180) {
        self.executable = executable
        self.timeout = timeout
    }

    /// Whether a conversion can be attempted on this machine.
    public var isAvailable: Bool { resolvedExecutable() != nil }

    /// The soffice executable: `$DXTRACK_SOFFICE`, then `soffice` or `libreoffice` on PATH, then
    /// the usual install folders of Linux and macOS.
    public static func locateLibreOffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fileManager = FileManager.default
        if let configured = environment[environmentVariable], !configured.isEmpty,
           fileManager.isExecutableFile(atPath: configured) {
            return URL(fileURLWithPath: configured)
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["soffice", "libreoffice"] {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        let usual = [
            "/usr/lib/libreoffice/program/soffice",
            "/opt/libreoffice/program/soffice",
            "/usr/local/lib/libreoffice/program/soffice",
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        ]
        for candidate in usual where fileManager.isExecutableFile(atPath: candidate) {
            return URL(fileURLWithPath: candidate)
        }
        return nil
    }

    /// Writes the model as DOCX and converts that.
    public func convert(_ document: DocumentModel) throws -> Data {
        try convert(DOCXWriter().write(document), fileExtension: "docx")
    }

    /// Converts a file's bytes; `fileExtension` ("docx", "xlsx", "html") tells LibreOffice
    /// what the bytes are.
    public func convert(_ data: Data, fileExtension: String = "docx") throws -> Data {
        guard let soffice = resolvedExecutable() else { throw PDFConversionError.libreOfficeNotFound }
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory.appendingPathComponent("dxtrack-pdf-" + UUID().uuidString)
        defer { try? fileManager.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document." + fileExtension)
        let outputFolder = folder.appendingPathComponent("out")
        let profile = folder.appendingPathComponent("profile")
        let log = folder.appendingPathComponent("soffice.log")
        do {
            try fileManager.createDirectory(at: outputFolder, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: profile, withIntermediateDirectories: true)
            try data.write(to: input)
            guard fileManager.createFile(atPath: log.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw PDFConversionError.cannotPrepare(error.localizedDescription)
        }

        let process = Process()
        process.executableURL = soffice
        process.arguments = [
            "-env:UserInstallation=" + profile.absoluteURL.absoluteString,
            "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "pdf", "--outdir", outputFolder.path, input.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        // LibreOffice writes caches under HOME; a server user may have none that is writable.
        environment["HOME"] = folder.path
        // soffice is a shell script that needs the usual tools; a service may run with a bare PATH.
        let path = environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init)
        environment["PATH"] = (folders + ["/usr/local/bin", "/usr/bin", "/bin"].filter { !folders.contains($0) })
            .joined(separator: ":")
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        // A file, not a pipe: a chatty LibreOffice cannot block on a full pipe.
        let logHandle = try? FileHandle(forWritingTo: log)
        process.standardOutput = logHandle ?? FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? logHandle?.close()
            throw PDFConversionError.cannotStart(path: soffice.path, reason: error.localizedDescription)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                try? logHandle?.close()
                throw PDFConversionError.timedOut(seconds: Int(timeout))
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.waitUntilExit()
        try? logHandle?.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let pdf = outputFolder.appendingPathComponent("document.pdf")
        guard process.terminationStatus == 0, let result = try? Data(contentsOf: pdf), !result.isEmpty else {
            throw PDFConversionError.conversionFailed(status: process.terminationStatus,
                                                      output: String(output.suffix(2000)))
        }
        return result
    }

    /// Converts and writes the PDF to `url` in one step.
    public func convert(_ document: DocumentModel, to url: URL) throws {
        try FileOutput.write(convert(document), to: url)
    }

    private func resolvedExecutable() -> URL? {
        if let executable { return FileManager.default.isExecutableFile(atPath: executable.path) ? executable : nil }
        return Self.locateLibreOffice()
    }
}

/// Why a PDF could not be made. Messages are in Vietnamese for the administrator or user.
public enum PDFConversionError: Error, LocalizedError, Equatable {
    case libreOfficeNotFound
    case cannotPrepare(String)
    case cannotStart(path: String, reason: String)
    case timedOut(seconds: Int)
    case conversionFailed(status: Int32, output: String)

    public var errorDescription: String? {
        switch self {
        case .libreOfficeNotFound:
            return "Không tìm thấy LibreOffice (lệnh soffice) trên máy chủ nên không thể xuất PDF. "
                + "Hãy cài LibreOffice (ví dụ: apt-get install -y libreoffice-writer-nogui) "
                + "hoặc đặt biến môi trường \(PDFConverter.environmentVariable) trỏ tới tệp soffice; "
                + "trong lúc chờ, có thể tải bản DOCX và tự chuyển sang PDF."
        case .cannotPrepare(let reason):
            return "Không chuẩn bị được thư mục tạm để chuyển sang PDF (\(reason))."
        case .cannotStart(let path, let reason):
            return "Không chạy được LibreOffice tại \(path) (\(reason))."
        case .timedOut(let seconds):
            return "LibreOffice không chuyển xong sang PDF sau \(seconds) giây; đã dừng tiến trình."
        case .conversionFailed(let status, let output):
            let detail = output.trimmingCharacters(in: .whitespacesAndNewlines)
            return "LibreOffice không chuyển được văn bản sang PDF (mã thoát \(status))"
                + (detail.isEmpty ? "." : ": \(detail)")
        }
    }
}
