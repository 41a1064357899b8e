import DXCore
import Foundation

/// The demonstration table forms (`Resources/forms/*.json`): online applications by unit, and
/// the two-level table of how applications were resolved, with its identities. Both are asked
/// in the demo round; they double as examples of the JSON a coordinator imports.
public enum DemoForms {
    public static let codes = ["BM01", "BM02"]

    public static func load(into store: Store) async throws {
        for code in codes where try await store.tableForm(code) == nil {
            let url = DemoData.folder.appendingPathComponent("forms/\(code).json")
            let form: TableForm
            do { form = try TableForm.fromJSON(try Data(contentsOf: url)) } catch {
                throw DemoData.Problem(file: "forms/\(code).json", reason: String(describing: error))
            }
            try await store.saveTableForm(form, creating: true, owner: DemoData.provinceCode, by: Actor(username: "dieuphoi"))
        }
    }
}
