import DXCore
import DXImport
import DXStore
import Foundation

extension ImportCommand {
    /// `dxtrack import unit-changes`: the official mapping or a generic change file, checked
    /// whole and applied in one audited transaction.
    func importUnitChanges(_ data: Data) async throws {
        let parsed: UnitChangeFile.Parsed
        do { parsed = try UnitChangeFile.parse(data) } catch { throw CLIError("Tệp \(file): \(error.message)") }
        guard parsed.isValid else { throw refusal(parsed.errors.map(\.description)) }
        try await withStore(database) { store in
            let o = try await store.applyUnitChanges(parsed.changes, abolishingDistrictsOn: parsed.abolishesDistrictsOn,
                                                     actor: "cli", source: official ? "ánh xạ chính thức 2024–2025" : file,
                                                     dryRun: dryRun)
            guard o.errors.isEmpty else { throw refusal(o.errors) }
            UnitChangeReport.print(o, officialMapping: parsed.isOfficialMapping)
            if dryRun { Swift.print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
        }
    }
}

extension ImportCommand {
    /// `dxtrack import unit-links`: links between versions already stored (what `export
    /// unit-links` writes), in the generic change shape; nothing closed or opened.
    func importUnitLinks(_ data: Data) async throws {
        let parsed: UnitChangeFile.Parsed
        do { parsed = try UnitChangeFile.parse(data) } catch { throw CLIError("Tệp \(file): \(error.message)") }
        guard !parsed.isOfficialMapping else {
            throw CLIError("Tệp \(file) là bảng ánh xạ chính thức: hãy dùng dxtrack import unit-changes. / The official mapping is read by import unit-changes.")
        }
        guard parsed.isValid else { throw refusal(parsed.errors.map(\.description)) }
        try await withStore(database) { store in
            let o = try await store.importUnitLinks(parsed.changes, dryRun: dryRun)
            guard o.errors.isEmpty else { throw refusal(o.errors) }
            let n = { (x: Int) in VNNumber.format(Double(x)) }
            Swift.print("\(kind.labelVI): \(n(o.created)) thêm mới, \(n(o.updated)) cập nhật, \(n(o.unchanged)) không đổi.")
            if dryRun { Swift.print("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.") }
        }
    }
}

enum UnitChangeReport {
    static func print(_ o: UnitChangeOutcome, officialMapping: Bool) {
        let n = { (x: Int) in VNNumber.format(x) }
        Swift.print("Thay đổi đơn vị: \(n(o.rows)) dòng; \(n(o.closed)) đơn vị kết thúc hiệu lực, \(n(o.created)) phiên bản mới, \(n(o.links)) liên kết kế thừa.")
        guard !o.unsettled.isEmpty else { return }
        Swift.print("Còn \(n(o.unsettled.count)) đơn vị đang hoạt động thuộc đơn vị đã kết thúc, chưa có đơn vị kế thừa"
            + " (dxtrack units successor --from MÃ-CŨ --to MÃ-MỚI):")
        for u in o.unsettled.prefix(50) { Swift.print("  \(u.code) \(u.name) (thuộc \(u.parentCode ?? "?"))") }
        if o.unsettled.count > 50 { Swift.print("  … và \(n(o.unsettled.count - 50)) đơn vị khác") }
    }
}
