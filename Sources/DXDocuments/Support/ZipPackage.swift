import Foundation
import ZIPFoundation

/// An OPC package (the ZIP container of DOCX and XLSX) assembled in memory.
struct ZipPackage {
    private var parts: [(path: String, data: Data)] = []

    mutating func add(_ path: String, _ xml: String) {
        parts.append((path, Data(xml.utf8)))
    }

    mutating func add(_ path: String, data: Data) {
        parts.append((path, data))
    }

    /// A fixed entry date keeps the output byte-identical for the same model, so a report can be
    /// regenerated and compared, and tests can assert determinism.
    static let entryDate = Date(timeIntervalSince1970: 1_704_067_200) // 2024-01-01T00:00:00Z

    func archived() throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw PackageError.cannotCreateArchive(String(describing: error))
        }
        for part in parts {
            let data = part.data
            do {
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: Self.entryDate, compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return data.subdata(in: start..<min(start + size, data.count))
                }
            } catch {
                throw PackageError.cannotAddPart(part.path, String(describing: error))
            }
        }
        guard let data = archive.data else { throw PackageError.cannotCreateArchive("no in-memory data") }
        return data
    }
}

/// Failures of the ZIP layer; they mean a bug or an exhausted machine, not bad input.
public enum PackageError: Error, LocalizedError, Equatable {
    case cannotCreateArchive(String)
    case cannotAddPart(String, String)

    public var errorDescription: String? {
        switch self {
        case .cannotCreateArchive(let reason):
            return "Không tạo được tệp nén ZIP trong bộ nhớ (\(reason))."
        case .cannotAddPart(let path, let reason):
            return "Không ghi được phần \(path) vào tệp nén (\(reason))."
        }
    }
}
