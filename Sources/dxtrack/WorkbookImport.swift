import DXCore
import DXImport
import DXStore
import DXWeb
import Foundation

/// `dxtrack import values FILE.xlsx --round CODE [--unit CODE] [--dry-run]`: a filled report
/// template (one unit's, or every unit's) read and checked by the web upload's own reader, then
/// saved for every unit in one transaction. One error and nothing is written.
extension ImportCommand {
    func importWorkbook(_ data: Data) async throws {
        guard let roundCode = round else { throw CLIError("Tệp .xlsx là mẫu báo cáo của một đợt: cần --round MÃ_ĐỢT.") }
        let opened: RoundWorkbookReader.Opened
        do { opened = try RoundWorkbookReader.open(data, limits: .default) } catch {
            throw CLIError("Tệp \(file): \(error.message)")
        }
        if opened.isAllUnits, unit != nil {
            throw CLIError("Tệp \(file) là mẫu của tất cả đơn vị: bỏ --unit để nhập cho mọi đơn vị trong tệp.")
        }
        let runtime = try await database.openMigrated()
        do {
            try await importWorkbook(opened, roundCode: roundCode, store: runtime.store)
        } catch {
            await runtime.shutdown()
            throw (error as? CLIError) ?? CLIError(String(describing: error))
        }
        await runtime.shutdown()
    }

    private func importWorkbook(_ opened: RoundWorkbookReader.Opened, roundCode: String, store: Store) async throws {
        guard let r = try await store.round(roundCode) else { throw CLIError("Không có đợt báo cáo \(roundCode).") }
        let codes = opened.isAllUnits ? try await store.completeness(r).map(\.unitCode) : [unit ?? opened.unit ?? ""]
        var reports: [UnitReport] = []
        for code in codes {
            guard let report = try await store.unitReport(r, unitCode: code) else {
                throw CLIError("Đơn vị \"\(code)\" không phải báo cáo trong đợt \(roundCode).")
            }
            reports.append(report)
        }
        let result: RoundWorkbookUpload
        do { result = try RoundWorkbookReader.read(opened, reports: reports, allUnits: opened.isAllUnits) } catch {
            throw CLIError("Tệp \(file): \(error.message)")
        }
        for w in result.issues where !w.isError { print("Lưu ý: \(w)") }
        guard result.errors.isEmpty else { throw refusal(result.errors.map(\.description)) }
        for c in result.changes { print(c) }
        let changed = result.units.filter { !$0.patch.isEmpty }
        let n = { (x: Int) in VNNumber.format(Double(x)) }
        print("Số liệu: \(n(result.changes.count)) thay đổi ở \(n(changed.count)) đơn vị.")
        if dryRun {
            print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.")
            return
        }
        let actor = Actor(username: "cli")
        try await store.db.transaction { tx in
            for u in changed {
                _ = try await Store(tx).saveReport(u.report.round, unitCode: u.report.status.unit.code, patch: u.patch,
                                                   baseVersion: u.report.status.version, by: actor)
            }
        }
    }
}
