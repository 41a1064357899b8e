import ArgumentParser
import DXCore
import DXImport
import DXStore
import Foundation

/// How DHIS2 should read the identifiers of an exported file (its `idScheme`).
enum DHIS2IDScheme: String, ExpressibleByArgument, CaseIterable {
    case code, uid
}

/// `dxtrack import values FILE` and `dxtrack export values --format dhis2-json|adx` for DHIS2
/// (docs/import-export.md).
enum DHIS2Transfer {
    /// The DHIS2 shape of a file, judged by its first bytes: a JSON object or XML. dxtrack's own
    /// JSON is an array, a CSV starts with its header, an .xlsx with "PK".
    static func sniff(_ path: String) -> DHIS2Read.Shape? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        return DHIS2Reader.shape(of: (try? h.read(upToCount: 4096)) ?? Data())
    }

    static func mapping(_ path: String?) throws -> DHIS2Mapping {
        guard let path else { return .codes }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw CLIError("Không đọc được tệp ánh xạ \(path).") }
        let r: (mapping: DHIS2Mapping, errors: [String])
        do { r = try DHIS2Mapping.read(data) } catch { throw CLIError("Tệp ánh xạ \(path): \(error.message)") }
        guard r.errors.isEmpty else {
            for e in r.errors.prefix(200) { FileHandle.standardError.write(Data("\(e)\n".utf8)) }
            throw CLIError("\(path): \(VNNumber.format(Double(r.errors.count))) lỗi trong tệp ánh xạ, không nhập gì.")
        }
        return r.mapping
    }
}

extension ImportCommand {
    /// A DHIS2 file: read whole (bounded by the JSON limit), its values put together and handed
    /// to the values import, which checks and writes them in one transaction.
    func importDHIS2(_ shape: DHIS2Read.Shape) async throws {
        let limits = CSVReader.Limits()
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > limits.maxBytes {
            throw CLIError("Tệp \(file) lớn hơn \(VNNumber.format(Double(limits.maxBytes / 1_048_576))) MB: hãy chia thành nhiều tệp.")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIError("Không đọc được tệp \(file).") }
        let map = try DHIS2Transfer.mapping(mapping)
        let name = URL(fileURLWithPath: file).lastPathComponent
        guard let read = DHIS2Reader.read(data, name: name, mapping: map, defaultPlan: plan, limits: limits) else {
            throw CLIError("Tệp \(file) không phải tệp DHIS2.")
        }
        for w in read.warnings.prefix(200) { print("Lưu ý: \(w)") }
        var errors = read.errors
        errors += Self.lengthErrors(read.rows.map(\.value)) { n, _ in read.located("Dòng \(read.rows[n].line)") }
        guard errors.isEmpty else { throw refusal(errors) }

        let runtime = try await database.openMigrated()
        let outcome: ImportOutcome
        do {
            outcome = try await runtime.store.importValues(read.rows, dryRun: dryRun)
        } catch {
            await runtime.shutdown()
            throw CLIError(String(describing: error))
        }
        await runtime.shutdown()
        guard outcome.errors.isEmpty else {
            throw refusal(outcome.errors.map(read.located), total: outcome.errors.count + outcome.omittedErrors)
        }
        let n = { (x: Int) in VNNumber.format(Double(x)) }
        print("\(kind.labelVI) (\(read.shape.rawValue)): \(n(outcome.created)) thêm mới, \(n(outcome.updated)) cập nhật, \(n(outcome.unchanged)) không đổi.")
        if dryRun { print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
    }
}

extension ExportCommand {
    /// One plan's figures as a DHIS2 data value set (JSON) or ADX message: only figures that
    /// count unless `--include-unsubmitted`, as the evaluation and the API read them; a period
    /// DHIS2 has no type for is refused.
    func exportDHIS2() async throws {
        guard kind == .values else { throw CLIError("Định dạng \(format.rawValue) chỉ dùng cho số liệu (dxtrack export values).") }
        let map = try DHIS2Transfer.mapping(mapping)
        if let period {
            do { _ = try Period.fromDHIS2(period) } catch { throw CLIError("--period: \(error.message).") }
        }
        let runtime = try await database.openMigrated()
        let data: Data
        do {
            let store = runtime.store
            let planCode: String
            if let plan {
                guard let p = try await store.plan(slugOrCode: plan) else { throw CLIError("Không có kế hoạch \(plan).") }
                planCode = p.code
            } else {
                let all = try await store.allPlanContents().map(\.plan.code)
                guard all.count == 1 else {
                    throw CLIError("Tệp DHIS2 chứa số liệu của một kế hoạch (một dataSet): hãy chọn --plan (\(all.prefix(5).joined(separator: ", "))).")
                }
                planCode = all[0]
            }
            let values = try await store.values(planCode: planCode, periodID: period, includeUnsubmitted: includeUnsubmitted)
                .sorted(by: DataValue.transferOrder)
            let scheme = mapping == nil ? "CODE" : idScheme.rawValue.uppercased()
            let adx = format == .adx
            let written = Result { () throws(DHIS2Writer.Refusal) -> Data in
                adx ? try DHIS2Writer.adx(values, planCode: planCode, mapping: map)
                    : try DHIS2Writer.json(values, planCode: planCode, mapping: map, idScheme: scheme)
            }
            switch written {
            case .failure(let e): throw CLIError(e.message)
            case .success(let d): data = d
            }
        } catch {
            await runtime.shutdown()
            throw (error as? CLIError) ?? CLIError(String(describing: error))
        }
        await runtime.shutdown()
        try write(data)
    }
}
