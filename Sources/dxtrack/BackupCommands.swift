import ArgumentParser
import Crypto
import DXStore
import Foundation
import ZIPFoundation

/// The archive of a backup: a ZIP with `manifest.json` and one JSON-lines file a table (its
/// columns on the first line, then one JSON array a row). Readable by any tool, restorable into
/// either kind of database.
struct BackupManifest: Codable {
    static let format = "dxtrack-backup"
    static let version = 1

    struct Table: Codable {
        var name: String
        var file: String
        var rows: Int
        /// SHA-256 of the table's file: a damaged archive is refused before anything is written.
        var sha256: String
        /// SHA-256 of the rows in a form both databases give alike (`PortableValue.canonical`):
        /// equal for a table backed up from SQLite and from the PostgreSQL it was restored into.
        var contentHash: String
    }

    var format: String
    var formatVersion: Int
    var createdAt: Date
    var database: String
    /// Migrations applied in the database backed up: its schema level.
    var migrations: [String]
    var tables: [Table]
    /// SHA-256 over every table's content hash, in order.
    var contentHash: String
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sao lưu toàn bộ dữ liệu vào một tệp, kể cả khi máy chủ đang chạy. / Back up everything into one file, while the server runs.",
        discussion: "Ví dụ / Example: dxtrack backup --db sqlite:data/dxtrack.sqlite --out dxtrack-2026-12-06.zip")

    @Option(help: "Tệp sao lưu (.zip) / Backup file (.zip)")
    var out: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = try database.resolve()
        let runtime = try database.open()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let manifest: BackupManifest
        do {
            try await runtime.store.checkConnection(url)
            try FileManager.default.createDirectory(at: work.appendingPathComponent("tables"), withIntermediateDirectories: true)
            let writer = TableFilesWriter(folder: work)
            let migrations = try await runtime.store.readBackup(table: { try writer.start($0, $1) }, row: { try writer.append($0) })
            let tables = try writer.finish()
            guard !migrations.isEmpty else { throw CLIError("Cơ sở dữ liệu \(url) chưa có dữ liệu của dxtrack: không có gì để sao lưu.") }
            var all = SHA256()
            for t in tables { all.update(data: Data(t.contentHash.utf8)) }
            manifest = BackupManifest(format: BackupManifest.format, formatVersion: BackupManifest.version, createdAt: Date(),
                                      database: url.kindName, migrations: migrations, tables: tables, contentHash: all.finalize().hex)
        } catch {
            await runtime.shutdown()
            throw (error as? CLIError) ?? CLIError("Không sao lưu được: \(error)")
        }
        await runtime.shutdown()
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(manifest).write(to: work.appendingPathComponent("manifest.json"))
            let partial = URL(fileURLWithPath: out + ".partial")
            try? FileManager.default.removeItem(at: partial)
            let archive = try Archive(url: partial, accessMode: .create)
            try archive.addEntry(with: "manifest.json", relativeTo: work, compressionMethod: .deflate)
            for t in manifest.tables { try archive.addEntry(with: t.file, relativeTo: work, compressionMethod: .deflate) }
            // rename(2) replaces an older file of that name in one step.
            guard rename(partial.path, out) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw CLIError("Không ghi được tệp sao lưu \(out): \(error.localizedDescription)")
        }
        let rows = manifest.tables.map(\.rows).reduce(0, +)
        print("Đã sao lưu \(manifest.tables.count) bảng, \(rows) dòng (mức \(manifest.migrations.last ?? "")) vào \(out).")
    }
}

/// Streams rows into one file a table, hashing as it goes.
final class TableFilesWriter: @unchecked Sendable {
    private let folder: URL
    private let lock = NSLock()
    private var tables: [BackupManifest.Table] = []
    private var handle: FileHandle?
    private var buffer = Data()
    private var fileHash = SHA256()
    private var content = SHA256()
    private var rows = 0
    private var types: [PortableType] = []
    private let encoder = JSONEncoder()

    init(folder: URL) { self.folder = folder }

    func start(_ table: String, _ columns: [BackupColumn]) throws {
        try lock.withLock {
            try close()
            let file = String(format: "tables/%03d-%@.jsonl", tables.count + 1, table)
            FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: nil)
            handle = try FileHandle(forWritingTo: folder.appendingPathComponent(file))
            tables.append(BackupManifest.Table(name: table, file: file, rows: 0, sha256: "", contentHash: ""))
            types = columns.map(\.type)
            try write(encoder.encode(columns))
        }
    }

    func append(_ row: [PortableValue]) throws {
        try lock.withLock {
            try write(encoder.encode(row))
            content.update(data: Data((zip(row, types).map { $0.canonical(as: $1) }.joined(separator: "\u{1F}") + "\n").utf8))
            rows += 1
        }
    }

    func finish() throws -> [BackupManifest.Table] {
        try lock.withLock {
            try close()
            return tables
        }
    }

    private func write(_ line: Data) throws {
        buffer.append(line)
        buffer.append(0x0A)
        if buffer.count > 1 << 20 { try flush() }
    }

    private func flush() throws {
        fileHash.update(data: buffer)
        try handle?.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func close() throws {
        guard let h = handle else { return }
        try flush()
        try h.close()
        handle = nil
        tables[tables.count - 1].rows = rows
        tables[tables.count - 1].sha256 = fileHash.finalize().hex
        tables[tables.count - 1].contentHash = content.finalize().hex
        fileHash = SHA256()
        content = SHA256()
        rows = 0
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Khôi phục một tệp sao lưu vào cơ sở dữ liệu trống (SQLite hoặc PostgreSQL). / Restore a backup into an empty database of either kind.",
        discussion: "Ví dụ, chuyển sang PostgreSQL / Example, moving to PostgreSQL: dxtrack restore dxtrack-2026-12-06.zip --db postgres://dxtrack:…@localhost/dxtrack")

    @Argument(help: "Tệp sao lưu (.zip) / Backup file")
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dxtrack-restore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let manifest = try Self.unpack(file, into: work)
        let url = try database.resolve()
        let runtime = try database.open()
        var migratedHere = false
        do {
            try await runtime.store.checkConnection(url)
            let before = try await runtime.store.schemaLevel()
            if !before.applied.isEmpty {
                let state = try await runtime.store.isEmptyForRestore()
                guard state.empty else {
                    throw CLIError("Cơ sở dữ liệu đích \(url) đã có dữ liệu (bảng \(state.tables.prefix(5).joined(separator: ", "))): chỉ khôi phục vào cơ sở dữ liệu trống.")
                }
            }
            migratedHere = before.applied.isEmpty
            _ = try await runtime.migrate()
            try await runtime.database.transaction { tx in
                let store = Store(tx)
                for table in manifest.tables {
                    try await Self.load(table, from: work, into: store)
                }
                try await store.rebuildRollups()
            }
        } catch {
            if migratedHere { try? await runtime.revertAll() }
            await runtime.shutdown()
            throw (error as? CLIError) ?? CLIError("Không khôi phục được, không có gì được ghi: \(error)")
        }
        await runtime.shutdown()
        let rows = manifest.tables.map(\.rows).reduce(0, +)
        print("Đã khôi phục \(manifest.tables.count) bảng, \(rows) dòng từ \(file) (\(manifest.database), mức \(manifest.migrations.last ?? "")) vào \(url.kindName).")
    }

    /// Reads and checks the archive before anything is written: its manifest, its version, its
    /// schema level, and every table file against its hash and row count.
    static func unpack(_ file: String, into work: URL) throws -> BackupManifest {
        let archive: Archive
        do {
            guard FileManager.default.fileExists(atPath: file) else { throw CLIError("Không có tệp sao lưu \(file).") }
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch let e as CLIError { throw e } catch {
            throw CLIError("Tệp \(file) không phải tệp sao lưu của dxtrack (không đọc được tệp .zip).")
        }
        func extract(_ path: String) throws -> URL {
            guard let entry = archive[path] else { throw CLIError("Tệp sao lưu \(file) bị hỏng: thiếu \(path).") }
            let target = work.appendingPathComponent(path)
            do { _ = try archive.extract(entry, to: target) } catch {
                throw CLIError("Tệp sao lưu \(file) bị hỏng: không giải nén được \(path).")
            }
            return target
        }
        let manifest: BackupManifest
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            manifest = try decoder.decode(BackupManifest.self, from: Data(contentsOf: try extract("manifest.json")))
        } catch let e as CLIError { throw e } catch {
            throw CLIError("Tệp sao lưu \(file) bị hỏng: manifest.json không hợp lệ.")
        }
        guard manifest.format == BackupManifest.format else { throw CLIError("Tệp \(file) không phải tệp sao lưu của dxtrack.") }
        guard manifest.formatVersion <= BackupManifest.version else {
            throw CLIError("Tệp sao lưu \(file) do phiên bản dxtrack mới hơn tạo ra (định dạng \(manifest.formatVersion)): hãy cập nhật dxtrack rồi khôi phục.")
        }
        let known = Set(DXMigrations.all.map(\.name))
        let unknown = manifest.migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw CLIError("Tệp sao lưu \(file) có cơ sở dữ liệu ở mức mới hơn phiên bản dxtrack này (\(unknown.joined(separator: ", "))): hãy cập nhật dxtrack rồi khôi phục.")
        }
        for t in manifest.tables {
            guard t.file.hasPrefix("tables/"), !t.file.contains("..") else { throw CLIError("Tệp sao lưu \(file) bị hỏng: tên tệp \(t.file) không hợp lệ.") }
            let url = try extract(t.file)
            var hash = SHA256()
            var lines = 0
            let reader = try LineReader(url)
            while let line = try reader.next() {
                hash.update(data: line)
                hash.update(data: Data([0x0A]))
                lines += 1
            }
            guard hash.finalize().hex == t.sha256, lines == t.rows + 1 else {
                throw CLIError("Tệp sao lưu \(file) bị hỏng: bảng \(t.name) không khớp mã kiểm tra (SHA-256) hoặc số dòng.")
            }
        }
        return manifest
    }

    /// Writes one table's rows, a few thousand at a time.
    static func load(_ table: BackupManifest.Table, from work: URL, into store: Store) async throws {
        let decoder = JSONDecoder()
        let reader = try LineReader(work.appendingPathComponent(table.file))
        var lineNumber = 1
        guard let header = try reader.next(), let columns = try? decoder.decode([BackupColumn].self, from: header) else {
            throw CLIError("Tệp sao lưu bị hỏng: bảng \(table.name) không có dòng tên cột.")
        }
        // Self-referencing rows are ordered over the whole table; other tables go in batches.
        let batchSize = BackupTables.selfReferences[table.name] != nil ? Int.max : 5_000
        var rows: [[PortableValue]] = []
        func write() async throws {
            guard !rows.isEmpty else { return }
            do { try await store.restoreRows(table: table.name, columns: columns, rows: rows) } catch {
                throw CLIError("Không ghi được bảng \(table.name): \(error)")
            }
            rows.removeAll(keepingCapacity: true)
        }
        while let line = try reader.next() {
            lineNumber += 1
            guard let row = try? decoder.decode([PortableValue].self, from: line), row.count == columns.count else {
                throw CLIError("Tệp sao lưu bị hỏng: bảng \(table.name), dòng \(lineNumber) không đọc được.")
            }
            rows.append(row)
            if rows.count >= batchSize { try await write() }
        }
        try await write()
    }
}

/// The lines of a file (without their newline), read a megabyte at a time.
final class LineReader {
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var start = 0
    private var done = false

    init(_ url: URL) throws { handle = try FileHandle(forReadingFrom: url) }
    deinit { try? handle.close() }

    func next() throws -> Data? {
        while true {
            if let nl = pending[start...].firstIndex(of: 0x0A) {
                defer { start = nl + 1 }
                return Data(pending[start..<nl])
            }
            if done {
                guard start < pending.count else { return nil }
                defer { start = pending.count }
                return Data(pending[start...])
            }
            // Keep only the unfinished line before reading on.
            pending.removeFirst(start)
            start = 0
            if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { pending.append(contentsOf: chunk) } else { done = true }
        }
    }
}

extension Digest {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
