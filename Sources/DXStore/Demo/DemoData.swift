import DXCore
import Foundation

/// The demonstration data set built from the seed documents (see `docs/demo-data.md`).
public enum DemoData {
    /// Demo only: printed by `dxtrack demo` and written in the README. Never use it in production.
    public static let adminUsername = "admin"
    public static let adminPassword = "dxtrack-demo-2024"
    public static let provinceCode = "34"

    public struct Problem: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "Dữ liệu mẫu \(file) không đọc được: \(reason)" }
    }

    /// Where SwiftPM put the copied `Resources` folder: inside the bundle's resource folder or
    /// at the bundle's root, depending on the platform.
    static var folder: URL {
        let candidates = [Bundle.module.resourceURL, Bundle.module.bundleURL].compactMap { $0 }
            .flatMap { [$0, $0.appendingPathComponent("Resources")] }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("units.json").path) }
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    public static func dataset() throws -> Dataset {
        let dir = folder
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            let url = dir.appendingPathComponent(name)
            do {
                return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
            } catch {
                throw Problem(file: name, reason: String(describing: error))
            }
        }
        var units = try decode([DemoFiles.Unit].self, "units.json").map(\.domain)
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("units-extra.json").path) {
            units += try decode([DemoFiles.Unit].self, "units-extra.json").map(\.domain)
        }
        let planNames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("plans").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var plans = try planNames.map { try decode(DemoFiles.PlanFile.self, "plans/" + $0).domain }
        // Parents before children, so a plan's parent exists when it is loaded.
        plans.sort { ($0.plan.parentCode == nil ? 0 : 1, $0.plan.horizonFrom) < ($1.plan.parentCode == nil ? 0 : 1, $1.plan.horizonFrom) }
        let scoringNames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("scoring").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        let inputFiles = try scoringNames.filter { $0.hasSuffix("-inputs.json") }
            .map { try decode(DemoFiles.ScoringInputsFile.self, "scoring/" + $0) }
        let scoring = try scoringNames.filter { !$0.hasSuffix("-inputs.json") }.map { name in
            let scheme = try decode(ScoringScheme.self, "scoring/" + name)
            let inputs = inputFiles.filter { $0.scheme == scheme.code }.flatMap(\.inputs).map(\.domain)
            return ScoringSet(scheme: scheme, inputs: inputs)
        }
        return Dataset(
            units: units,
            documents: try decode([DemoFiles.Document].self, "documents.json").map(\.domain),
            plans: plans,
            values: try decode([DemoFiles.Value].self, "values.json").map(\.domain),
            taskReports: try decode([DemoFiles.Report].self, "taskReports.json").map(\.domain),
            scoring: scoring)
    }
}
