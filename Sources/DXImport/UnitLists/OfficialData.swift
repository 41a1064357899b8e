import Foundation

/// The official lists and the 2024→2025 mapping shipped inside dxtrack (public data, MIT
/// licence; see `Resources/official/README.md`), so imports need no file from outside the
/// repository.
public enum OfficialData {
    public enum File: String, Sendable, CaseIterable {
        case units2024 = "units-legacy-2024.csv"
        case units2025 = "units-2025.csv"
        case mapping = "unit-mapping-2024-2025.csv"
    }

    /// The list of a year: 2024 (three levels, until 30/6/2025) or 2025 (two levels).
    public static func unitList(year: Int) -> File? {
        switch year {
        case 2024: .units2024
        case 2025: .units2025
        default: nil
        }
    }

    public static func url(_ file: File) -> URL? {
        Bundle.module.url(forResource: "official/" + file.rawValue, withExtension: nil)
            ?? Bundle.module.url(forResource: file.rawValue, withExtension: nil, subdirectory: "official")
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public static func data(_ file: File) throws -> Data {
        guard let url = url(file), let data = try? Data(contentsOf: url) else {
            throw Missing(description: "Bản dxtrack này không kèm tệp \(file.rawValue).")
        }
        return data
    }
}
