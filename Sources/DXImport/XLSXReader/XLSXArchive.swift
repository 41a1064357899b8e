import Foundation
import ZIPFoundation

/// The zip container of an .xlsx file, read with every size checked before and while
/// decompressing: the central directory's sizes can lie, so what is actually produced counts.
final class XLSXArchive {
    private let archive: Archive
    private let entries: [String: Entry]
    let limits: XLSXLimits
    private var totalRead = 0

    convenience init(url: URL, limits: XLSXLimits) throws(XLSXError) {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw XLSXError(.unreadable("không mở được tệp \(url.lastPathComponent)"))
        }
        guard size <= limits.maxFileSize else { throw XLSXError(.fileTooLarge(limit: limits.maxFileSize)) }
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw XLSXError(.unreadable("không mở được tệp \(url.lastPathComponent)"))
        }
        try Self.checkSignature(head, size: size)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXError(.notAZip)
        }
        try self.init(archive: archive, limits: limits)
    }

    /// Bytes in memory (an upload) are read through a temporary file, removed at once: the
    /// file stays readable while open. ZIPFoundation's in-memory archive traps on offsets past
    /// the end of the data, which a damaged or hostile file easily has; its file-backed archive
    /// reports them as errors.
    convenience init(data: Data, limits: XLSXLimits) throws(XLSXError) {
        guard data.count <= limits.maxFileSize else { throw XLSXError(.fileTooLarge(limit: limits.maxFileSize)) }
        try Self.checkSignature(data.prefix(8), size: data.count)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dximport-\(UUID().uuidString).xlsx")
        let archive: Archive
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw XLSXError(.unreadable("không ghi được tệp tạm"))
        }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXError(.notAZip)
        }
        try self.init(archive: archive, limits: limits)
    }

    private init(archive: Archive, limits: XLSXLimits) throws(XLSXError) {
        self.archive = archive
        self.limits = limits
        var entries: [String: Entry] = [:]
        var count = 0
        var declared: UInt64 = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxEntries else { throw XLSXError(.tooManyEntries(limit: limits.maxEntries)) }
            let name = Self.normalise(entry.path)
            guard entries[name] == nil else { throw XLSXError(.duplicateEntry(entry.path)) }
            entries[name] = entry
            declared += entry.uncompressedSize
            guard declared <= UInt64(limits.maxTotalSize) else {
                throw XLSXError(.totalTooLarge(limit: limits.maxTotalSize))
            }
        }
        guard count > 0 else { throw XLSXError(.notAZip) }
        self.entries = entries
    }

    /// `PK\3\4` starts a zip; `D0 CF 11 E0` is the compound file of .xls (and of encrypted
    /// .xlsx, which is the same message's concern: Excel must save it as a plain .xlsx).
    private static func checkSignature(_ head: Data, size: Int) throws(XLSXError) {
        guard size > 0 else { throw XLSXError(.emptyFile) }
        let b = [UInt8](head)
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw XLSXError(.legacyExcel) }
        guard b.starts(with: [0x50, 0x4B, 0x03, 0x04]) || b.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw XLSXError(.notAZip)
        }
    }

    /// Part names are case-insensitive and may be written with a leading slash.
    static func normalise(_ path: String) -> String {
        var p = path
        while p.hasPrefix("/") { p.removeFirst() }
        return p.lowercased()
    }

    func contains(_ path: String) -> Bool { entries[Self.normalise(path)] != nil }

    private enum Stop: Error {
        case entryTooLarge, totalTooLarge, ratio
    }

    /// The decompressed bytes of a part, refusing oversized parts and zip bombs.
    func read(_ path: String) throws(XLSXError) -> Data {
        guard let entry = entries[Self.normalise(path)] else { throw XLSXError(.missingPart(path)) }
        guard entry.uncompressedSize <= UInt64(limits.maxEntrySize) else {
            throw XLSXError(.entryTooLarge(part: path, limit: limits.maxEntrySize))
        }
        let compressed = max(1, Int(clamping: entry.compressedSize))
        var out = Data()
        out.reserveCapacity(min(Int(clamping: entry.uncompressedSize), limits.maxEntrySize))
        let limits = self.limits
        var total = totalRead
        do {
            // The consumer form of `extract` computes the CRC but does not compare it.
            let crc = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                out.append(chunk)
                total += chunk.count
                if out.count > limits.maxEntrySize { throw Stop.entryTooLarge }
                if total > limits.maxTotalSize { throw Stop.totalTooLarge }
                if out.count > limits.compressionRatioGrace, out.count / compressed > limits.maxCompressionRatio {
                    throw Stop.ratio
                }
            }
            guard crc == entry.checksum else { throw XLSXError(.corruptEntry(part: path)) }
        } catch let error as XLSXError {
            throw error
        } catch Stop.entryTooLarge {
            throw XLSXError(.entryTooLarge(part: path, limit: limits.maxEntrySize))
        } catch Stop.totalTooLarge {
            throw XLSXError(.totalTooLarge(limit: limits.maxTotalSize))
        } catch Stop.ratio {
            throw XLSXError(.suspiciousCompression(part: path, ratio: limits.maxCompressionRatio))
        } catch {
            throw XLSXError(.corruptEntry(part: path))
        }
        totalRead = total
        return out
    }
}
