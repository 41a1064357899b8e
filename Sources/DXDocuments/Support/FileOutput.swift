import Foundation

/// Writes a finished file in one step: the bytes go to a temporary file beside the target, which
/// then replaces it, so a failed or interrupted export never leaves a half-written report.
/// Writers build the whole file in memory first, so a model they reject writes nothing at all.
enum FileOutput {
    static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw FileOutputError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}

/// The file could not be saved (missing folder, no permission, disk full).
public enum FileOutputError: Error, LocalizedError, Equatable {
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason):
            return "Không ghi được tệp \(path) (\(reason))."
        }
    }
}

extension DOCXWriter {
    /// Writes the .docx to `url`; nothing is written when the model is rejected.
    public func write(_ document: DocumentModel, to url: URL) throws {
        try FileOutput.write(write(document), to: url)
    }
}

extension XLSXWriter {
    /// Writes the .xlsx to `url`; nothing is written when the workbook is rejected.
    public func write(_ workbook: Workbook, to url: URL) throws {
        try FileOutput.write(write(workbook), to: url)
    }
}
