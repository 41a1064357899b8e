import Foundation

/// Where checked rows go, a chunk at a time, each chunk in the order of `data_values`' unique
/// key (indicator id, unit id, period): inserts then land next to one another in that index
/// and in the (indicator id, period) one, instead of at random pages of them.
protocol ValueSink: AnyObject {
    /// `rows` sorted by key, whose period field is now the rank into `periods`.
    nonisolated(nonsending) func write(_ rows: [StagedValue], periods: [String]) async throws
}

enum ValueChunk {
    /// Rows held before they are sorted and written: about 64 MB, a quarter of the country
    /// (420,500 values) in one chunk.
    static let rows = 1 << 20

    /// Sorts `rows` by indicator id, unit id and period identifier as text, and returns the
    /// period identifiers by the rank that now stands in each row's key.
    static func sort(_ rows: inout [StagedValue], periodIDs: [String]) -> [String] {
        let order = periodIDs.indices.sorted { periodIDs[$0] < periodIDs[$1] }
        var rank = [UInt64](repeating: 0, count: periodIDs.count)
        for (r, n) in order.enumerated() { rank[n] = UInt64(r) }
        for i in rows.indices { rows[i].key = rows[i].key & ~0xFFFFF | rank[rows[i].period] }
        rows.sort { $0.key < $1.key }
        return order.map { periodIDs[$0] }
    }
}

/// Ids for new `data_values` rows: UUIDs of version 7 (RFC 9562: a millisecond time, then
/// random bits, here with a counter in the last 48), in the upper-case text Fluent writes on
/// SQLite. Rows written later get larger ids, so the primary key index grows at its end
/// instead of at a random page per row, as it did with random (version 4) ids.
struct TimeOrderedIDs {
    /// The 36 characters of the next id.
    private(set) var text: [UInt8]
    private var counter: UInt64

    init(now: Date = Date()) {
        var g = SystemRandomNumberGenerator()
        let ms = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        let randA = g.next() & 0xFFF
        let randB = g.next() & 0x3FFF
        var hex: [UInt8] = []
        func put(_ v: UInt64, digits: Int) {
            for i in (0..<digits).reversed() { hex.append(Self.digits[Int(v >> (4 * UInt64(i)) & 0xF)]) }
        }
        put(ms >> 16, digits: 8)
        hex.append(UInt8(ascii: "-"))
        put(ms & 0xFFFF, digits: 4)
        hex.append(UInt8(ascii: "-"))
        put(0x7000 | randA, digits: 4)
        hex.append(UInt8(ascii: "-"))
        put(0x8000 | randB, digits: 4)
        hex.append(UInt8(ascii: "-"))
        counter = g.next() & 0xFFFF_FFFF
        put(counter, digits: 12)
        text = hex
    }

    private static let digits = Array("0123456789ABCDEF".utf8)

    /// Moves to the next id (the counter in the last twelve characters).
    mutating func advance() {
        counter &+= 1
        var v = counter
        for i in (24..<36).reversed() {
            text[i] = Self.digits[Int(v & 0xF)]
            v >>= 4
        }
    }
}
