import DXCore
import DXImport
import DXStore
import Foundation

/// `dxtrack import values FILE.json`: the array read element by element from disk
/// (`JSONArrayStream`), each element decoded on its own, so that a JSON file of values has no
/// size limit either. Items are numbered from 1, as before: "Mục N" for a field over its length,
/// "Dòng N" in the store's checks.
/// A file that is not a JSON array of values stops the import with nothing written.
extension ImportCommand {
    func importValuesJSON() async throws {
        var stream: JSONArrayStream
        do { stream = try JSONArrayStream(path: file) } catch {
            throw CLIError("Tệp \(file) không phải JSON hợp lệ của \(kind.labelVI.lowercased()): \(error.message)")
        }
        let decoder = JSONDecoder.transfer
        let file = self.file, label = kind.labelVI.lowercased()
        let source = ValueRows {
            let data: Data?
            do { data = try stream.next() } catch let e as JSONArrayStream.Failure {
                throw CLIError("Tệp \(file) không phải JSON hợp lệ của \(label): \(e.item.map { "mục \($0): " } ?? "")\(e.message)")
            }
            guard let data else { return nil }
            let n = stream.count
            let v: DataValue
            do { v = try decoder.decode(DataValue.self, from: data) } catch {
                throw CLIError("Tệp \(file) không phải JSON hợp lệ của \(label): mục \(n): \(error)")
            }
            let problems = v.lengthProblems
            guard problems.isEmpty else { return .invalid(problems.map { "Mục \(n): \($0)." }) }
            return .value(line: n, v)
        }
        let runtime = try await database.openMigrated()
        let outcome: ImportOutcome
        do {
            outcome = try await runtime.store.importValues(source, dryRun: dryRun)
        } catch {
            await runtime.shutdown()
            throw (error as? CLIError) ?? CLIError(String(describing: error))
        }
        await runtime.shutdown()
        guard outcome.errors.isEmpty else { throw refusal(outcome.errors, total: outcome.errors.count + outcome.omittedErrors) }
        let n = { (x: Int) in VNNumber.format(Double(x)) }
        print("\(kind.labelVI): \(n(outcome.created)) thêm mới, \(n(outcome.updated)) cập nhật, \(n(outcome.unchanged)) không đổi.")
        if dryRun { print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
    }
}
