import ArgumentParser
import DXCore
import DXImport
import Foundation

struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Kiểm tra các con số của một báo cáo với nhau. / Check a report's own numbers against each other.",
        discussion: """
        Tệp .docx, .txt, hoặc .pdf (cần pdftotext). Mã thoát 1 khi có phát hiện mức "lỗi", 2 khi không đọc được tệp. / A .docx, .txt or .pdf (needs pdftotext) file; exit code 1 when a finding is an error, 2 when the file cannot be read.
        Ví dụ / Example: dxtrack lint bao-cao-6-thang.docx --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Báo cáo / The report")
    var file: String

    @Option(help: "text | json")
    var format: Format = .text

    func run() async throws {
        let document: LintDocument
        do { document = try Self.document(of: file) } catch let e as CLIError {
            // 2, not 1: a script tells "the report has errors" from "the report could not be read".
            FileHandle.standardError.write(Data("Lỗi: \(e.description)\n".utf8))
            throw ExitCode(2)
        }
        let findings = ReportLinter.lint(document)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(findings), as: UTF8.self))
        case .text:
            for f in findings {
                print("[\(f.severity.rawValue)] \(f.place): \(f.message)")
                print("    ghi: \(f.stated) · tính lại: \(f.computed) · “\(f.quote)”")
            }
            let errors = findings.filter { $0.severity == .error }.count
            print(findings.isEmpty ? "Không thấy mâu thuẫn nào giữa các con số." :
                  "\(findings.count) phát hiện, trong đó \(errors) lỗi.")
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The report's paragraphs and tables, by the file's kind; a Vietnamese sentence when it
    /// cannot be read. A PDF's tables are not told apart from its text.
    static func document(of file: String) throws -> LintDocument {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: file) else { throw CLIError("Không có tệp \(file).") }
        switch url.pathExtension.lowercased() {
        case "docx":
            do { return try DOCXText.document(url: url) } catch {
                throw CLIError("Không đọc được báo cáo \(file): \(error.message)")
            }
        case "txt":
            guard let data = FileManager.default.contents(atPath: file), data.count <= 20 * 1_048_576,
                  let text = String(data: data, encoding: .utf8) else {
                throw CLIError("Không đọc được báo cáo \(file): tệp văn bản phải mã hóa UTF-8 và nhỏ hơn 20 MB.")
            }
            return LintDocument(text: text)
        case "pdf":
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["pdftotext", "-layout", "-enc", "UTF-8", file, "-"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            do { try p.run() } catch { throw CLIError("Đọc tệp .pdf cần pdftotext (gói poppler-utils).") }
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else {
                throw CLIError(p.terminationStatus == 127 ? "Đọc tệp .pdf cần pdftotext (gói poppler-utils)." : "Không đọc được báo cáo \(file).")
            }
            return LintDocument(paragraphs: lines(String(decoding: data, as: UTF8.self)))
        default:
            throw CLIError("Chỉ kiểm tra được tệp .docx, .txt hoặc .pdf: \(file).")
        }
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
