import DXCore
import DXImport
import DXStore
import Foundation

/// `dxtrack import values FILE.csv`: the file streamed from disk, not held, with no limit on its
/// number of rows (a whole quarter of the country is one file). Each row is checked as the
/// buffered reader checks it and then as the store checks it; one error and nothing is written,
/// but the file is read to the end so every bad row is named.
extension ImportCommand {
    func importValuesCSV() async throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw CLIError("Không đọc được tệp \(file).") }
        let source: ValuesCSVSource
        do {
            let (stream, errors, warnings) = try DataValueStream.open(path: file, defaultPlanCode: plan)
            for w in warnings { print("Lưu ý: \(w)") }
            guard let stream else { throw refusal(errors.map(\.description)) }
            source = ValuesCSVSource(stream)
        } catch let e as CSVError {
            throw CLIError("Tệp \(file): \(e.message)")
        }

        let runtime = try await database.openMigrated()
        let outcome: ImportOutcome
        do {
            outcome = try await runtime.store.importValues(ValueRows { try source.next() }, dryRun: dryRun)
        } catch {
            await runtime.shutdown()
            if let e = error as? CSVError { throw CLIError("Tệp \(file): \(e.message)") }
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()
        for w in source.warnings { print("Lưu ý: \(w)") }
        if source.omittedWarnings > 0 { print("Lưu ý: … và \(VNNumber.format(Double(source.omittedWarnings))) dòng đã xóa khác được bỏ qua") }
        guard outcome.errors.isEmpty else { throw refusal(outcome.errors, total: outcome.errors.count + outcome.omittedErrors) }
        let n = { (x: Int) in VNNumber.format(Double(x)) }
        print("\(kind.labelVI): \(n(outcome.created)) thêm mới, \(n(outcome.updated)) cập nhật, \(n(outcome.unchanged)) không đổi.")
        if dryRun { print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
    }
}

/// The stream as the store's row source: row errors and field lengths as messages, skipped
/// (deleted) rows as warnings kept for the end.
final class ValuesCSVSource {
    private var stream: DataValueStream
    private(set) var warnings: [String] = []
    private(set) var omittedWarnings = 0

    init(_ stream: DataValueStream) {
        self.stream = stream
    }

    func next() throws -> ValueImportRow? {
        while let next = try stream.next() {
            let (line, outcome) = next
            switch outcome {
            case .skipped(let w):
                if warnings.count < 200 { warnings.append(w) } else { omittedWarnings += 1 }
            case .invalid(let errors):
                return .invalid(errors.map(\.description))
            case .value(let v):
                let problems = v.lengthProblems
                guard problems.isEmpty else { return .invalid(problems.map { "Dòng \(line): \($0)." }) }
                return .value(line: line, v)
            }
        }
        return nil
    }
}
